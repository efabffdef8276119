// locale.cpp - see locale.hpp: plural rules, number separators and the template formatter.
// Pure C++17: no ImGui, SDL, Emscripten or App.
#include "locale.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace neurodrive::app {

// [SECTION] Plural rules ------------------------------------------------------------------------------------
namespace {

struct Cursor {
    std::string_view text;
    std::size_t at = 0;
    void spaces() { while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at; }
    bool eat(std::string_view word) {
        spaces();
        if (text.substr(at, word.size()) != word) return false;
        at += word.size();
        return true;
    }
    bool number(long long* out) {
        spaces();
        const std::size_t start = at;
        long long v = 0;
        while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) && at - start < 12) v = v * 10 + (text[at++] - '0');
        *out = v;
        return at > start;
    }
    std::string where() const { return "at \"" + std::string(text.substr(at, 20)) + "\""; }
};

bool holds(const PluralRule::Relation& r, long long n) {
    long long x = r.zero ? 0 : n;
    if (r.mod > 0) x %= r.mod;
    bool in = false;
    for (const auto& range : r.ranges) in |= x >= range.lo && x <= range.hi;
    return in != r.negate;
}

}  // namespace

std::string parse_plural_rule(std::string_view text, PluralRule* out) {
    PluralRule rule;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view part = text.substr(start, end - start);
        start = end + 1;
        if (const std::size_t sample = part.find('@'); sample != std::string_view::npos) part = part.substr(0, sample);  // CLDR's examples
        Cursor c{part};
        c.spaces();
        if (c.at == part.size()) continue;
        std::string name;
        for (const char* n : {"zero", "one", "two", "few", "many"})
            if (c.eat(n)) { name = n; break; }
        if (name.empty()) return "plural rule: a category must be zero, one, two, few or many (other is the rest) " + c.where();
        if (!c.eat(":")) return "plural rule: expected ':' after " + name;
        std::vector<PluralRule::AndList> any;
        any.emplace_back();
        while (true) {
            PluralRule::Relation r;
            c.spaces();
            if (c.at >= part.size()) return "plural rule: " + name + " has no condition";
            const char operand = part[c.at];
            if (!std::strchr("nivwft", operand)) return "plural rule: expected the operand n, i, v, w, f or t " + c.where();
            ++c.at;
            r.zero = operand != 'n' && operand != 'i';  // a whole number has no fraction digits
            if (c.eat("%") || c.eat("mod")) {
                if (!c.number(&r.mod) || r.mod <= 0) return "plural rule: expected a number after % " + c.where();
            }
            if (c.eat("!=")) r.negate = true;
            else if (!c.eat("=")) return "plural rule: expected = or != " + c.where();
            do {
                PluralRule::Range range;
                if (!c.number(&range.lo)) return "plural rule: expected a number " + c.where();
                range.hi = range.lo;
                if (c.eat("..") && (!c.number(&range.hi) || range.hi < range.lo)) return "plural rule: expected a range a..b " + c.where();
                r.ranges.push_back(range);
            } while (c.eat(","));
            any.back().push_back(r);
            if (c.eat("and")) continue;
            if (c.eat("or")) { any.emplace_back(); continue; }
            c.spaces();
            if (c.at != part.size()) return "plural rule: expected 'and', 'or' or ';' " + c.where();
            break;
        }
        for (const auto& [n, cond] : rule.categories)
            if (n == name) return "plural rule: " + name + " is given twice";
        rule.categories.emplace_back(name, std::move(any));
    }
    *out = std::move(rule);
    return {};
}

std::string PluralRule::category(long long n) const {
    for (const auto& [name, any] : categories)
        for (const AndList& all : any) {
            bool ok = !all.empty();
            for (const Relation& r : all) ok = ok && holds(r, n);
            if (ok) return name;
        }
    return "other";
}

std::vector<std::string> PluralRule::names() const {
    std::vector<std::string> out;
    for (const auto& c : categories) out.push_back(c.first);
    out.push_back("other");
    return out;
}

// [SECTION] Line breaks ----------------------------------------------------------------------------------------
namespace {

unsigned decode(std::string_view t, std::size_t i, std::size_t* len) {
    const auto b = static_cast<unsigned char>(t[i]);
    const std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    unsigned cp = n == 1 ? b : b & (0xFFu >> (n + 1));
    std::size_t k = 1;
    for (; k < n && i + k < t.size() && (static_cast<unsigned char>(t[i + k]) & 0xC0) == 0x80; ++k) cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
    *len = k;
    return cp;
}
// Characters that are words by themselves (CJK ideographs, kana, CJK punctuation, fullwidth forms).
bool breaks_around(unsigned cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}
bool no_line_start(unsigned cp) {  // closing punctuation stays with what precedes it
    for (unsigned c : {0x3001u, 0x3002u, 0xFF0Cu, 0xFF0Eu, 0xFF1Au, 0xFF1Bu, 0xFF1Fu, 0xFF01u, 0xFF09u, 0x300Du, 0x300Fu, 0x3011u, 0x201Du, 0x2019u, 0x2026u, 0xFF05u})
        if (cp == c) return true;
    return false;
}
bool no_line_end(unsigned cp) {  // opening punctuation stays with what follows it
    for (unsigned c : {0xFF08u, 0x300Cu, 0x300Eu, 0x3010u, 0x201Cu, 0x2018u})
        if (cp == c) return true;
    return false;
}

}  // namespace

std::vector<WrapPiece> wrap_pieces(std::string_view t) {
    std::vector<WrapPiece> out;
    bool space = false, glue_next = false, in_word = false;
    for (std::size_t i = 0; i < t.size();) {
        std::size_t len = 1;
        const unsigned cp = decode(t, i, &len);
        const std::string_view ch = t.substr(i, len);
        i += len;
        if (cp == ' ') { space = !out.empty(); in_word = false; glue_next = false; continue; }
        const bool alone = breaks_around(cp) || cp == 0x201C || cp == 0x201D;
        if (!out.empty() && !space && (glue_next || no_line_start(cp) || (in_word && !alone))) {
            out.back().text += ch;  // same word, closing punctuation, or after opening punctuation
        } else {
            out.push_back({std::string(ch), space});
        }
        space = false;
        glue_next = no_line_end(cp);
        in_word = !alone;
    }
    return out;
}

std::size_t utf8_prefix(std::string_view text, std::size_t bytes) {
    if (bytes >= text.size()) return text.size();
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
    return bytes;
}

// [SECTION] Numbers -----------------------------------------------------------------------------------------
namespace {

// "12345.6" -> "12,345.6" with the language's separators; the sign, spaces and exponent stay.
std::string localise(const NumberFormat& nf, const std::string& plain) {
    std::string out;
    std::size_t i = 0;
    while (i < plain.size() && !std::isdigit(static_cast<unsigned char>(plain[i]))) out += plain[i++];
    std::size_t digits = i;
    while (digits < plain.size() && std::isdigit(static_cast<unsigned char>(plain[digits]))) ++digits;
    const std::size_t n = digits - i;
    for (std::size_t k = 0; k < n; ++k) {
        if (n >= 5 && k > 0 && (n - k) % 3 == 0) out += nf.group;
        out += plain[i + k];
    }
    for (std::size_t k = digits; k < plain.size(); ++k) {
        if (plain[k] == '.') out += nf.decimal;
        else out += plain[k];
    }
    return out;
}

// One conversion of a template, parsed: "%-5.1f" -> spec "%-5.1", conv 'f'; pos 0 = the next argument.
struct Conversion {
    int pos = 0;
    std::string spec;  // '%', flags, width, precision (no length modifier, no position)
    char conv = 0;
    std::size_t end = 0;  // index after the conversion
};

// Parses the conversion at tmpl[at] == '%' (not "%%"); conv 0 when it is not one.
Conversion parse_conversion(std::string_view t, std::size_t at) {
    Conversion c;
    std::size_t j = at + 1;
    std::size_t k = j;
    while (k < t.size() && std::isdigit(static_cast<unsigned char>(t[k]))) ++k;
    if (k > j && k < t.size() && t[k] == '$') {
        c.pos = std::atoi(std::string(t.substr(j, k - j)).c_str());
        if (c.pos <= 0 || c.pos > 99) return c;
        j = k + 1;
    }
    c.spec = "%";
    while (j < t.size() && std::strchr("-+0#", t[j])) c.spec += t[j++];  // no ' ' flag: "30 % de" is a typo, not "% d"
    while (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j])) && c.spec.size() < 8) c.spec += t[j++];
    if (j < t.size() && t[j] == '.') {
        c.spec += t[j++];
        while (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j])) && c.spec.size() < 12) c.spec += t[j++];
    }
    if (j < t.size() && std::strchr("diuxXfFgGeEcs", t[j])) { c.conv = t[j]; c.end = j + 1; }
    return c;
}

char kind_of(char conv) {
    if (std::strchr("diuxXc", conv)) return 'd';
    if (std::strchr("fFgGeE", conv)) return 'f';
    return 's';
}

std::string number_text(const NumberFormat& nf, const std::string& spec, char conv, const FormatArg& a) {
    char buf[128];
    const char k = kind_of(conv);
    if (a.kind == FormatArg::Kind::Text) return std::string(a.s);
    if (k == 's') {
        if (a.kind == FormatArg::Kind::Int) std::snprintf(buf, sizeof buf, "%lld", a.i);
        else std::snprintf(buf, sizeof buf, "%g", a.d);
        return localise(nf, buf);
    }
    if (k == 'd') {
        const long long v = a.kind == FormatArg::Kind::Int ? a.i : std::isfinite(a.d) ? std::llround(a.d) : 0;
        if (conv == 'c') return std::string(1, static_cast<char>(v & 0x7F));
        const std::string f = spec + (conv == 'x' || conv == 'X' ? std::string("ll") + conv : std::string("lld"));
        std::snprintf(buf, sizeof buf, f.c_str(), v);
        return conv == 'x' || conv == 'X' ? std::string(buf) : localise(nf, buf);
    }
    const double v = a.kind == FormatArg::Kind::Int ? static_cast<double>(a.i) : a.d;
    std::snprintf(buf, sizeof buf, (spec + conv).c_str(), v);
    return localise(nf, buf);
}

// The end of a {N, plural, ...} block starting at t[at] == '{' (with its argument and forms), or 0.
struct Plural {
    int pos = 0;
    std::vector<std::pair<std::string, std::string_view>> forms;  // "one" / "=0" -> its text
    std::size_t end = 0;
    std::string error;
};

Plural parse_plural(std::string_view t, std::size_t at) {
    Plural p;
    Cursor c{t, at + 1};
    long long pos = 0;
    if (!c.number(&pos) || !c.eat(",") || !c.eat("plural") || !c.eat(",")) return p;  // not a plural: a plain '{'
    p.pos = static_cast<int>(pos);
    if (pos <= 0 || pos > 99) { p.error = "a plural's argument number must be 1 to 99"; return p; }
    while (true) {
        c.spaces();
        if (c.at >= t.size()) { p.error = "a plural is not closed with }"; return p; }
        if (t[c.at] == '}') { p.end = c.at + 1; break; }
        const std::size_t name_start = c.at;
        if (t[c.at] == '=') ++c.at;
        while (c.at < t.size() && (std::isalnum(static_cast<unsigned char>(t[c.at])))) ++c.at;
        const std::string name(t.substr(name_start, c.at - name_start));
        if (name.empty() || !c.eat("{")) { p.error = "a plural's forms are written as one {...} other {...}"; return p; }
        const std::size_t text_start = c.at;
        int depth = 1;
        while (c.at < t.size() && depth > 0) {
            if (t[c.at] == '{') ++depth;
            else if (t[c.at] == '}') --depth;
            ++c.at;
        }
        if (depth != 0) { p.error = "a plural form is not closed with }"; return p; }
        p.forms.emplace_back(name, t.substr(text_start, c.at - 1 - text_start));
    }
    bool other = false;
    for (const auto& f : p.forms) other |= f.first == "other";
    if (!other) { p.error = "a plural needs an 'other' form"; p.end = 0; }
    return p;
}

void format_part(const NumberFormat& nf, std::string_view t, const FormatArg* args, std::size_t count, int* next, const std::string* hash,
                 std::string* out) {
    for (std::size_t i = 0; i < t.size();) {
        const char ch = t[i];
        if (ch == '%' && i + 1 < t.size() && t[i + 1] == '%') { *out += '%'; i += 2; continue; }
        if (ch == '%') {
            const Conversion c = parse_conversion(t, i);
            if (!c.conv) { *out += ch; ++i; continue; }
            const int pos = c.pos > 0 ? c.pos : ++*next;
            if (pos >= 1 && static_cast<std::size_t>(pos) <= count) *out += number_text(nf, c.spec, c.conv, args[pos - 1]);
            i = c.end;
            continue;
        }
        if (ch == '#' && hash) { *out += *hash; ++i; continue; }
        if (ch == '{') {
            const Plural p = parse_plural(t, i);
            if (p.end > 0) {
                long long n = 0;
                if (static_cast<std::size_t>(p.pos) <= count) {
                    const FormatArg& a = args[p.pos - 1];
                    n = a.kind == FormatArg::Kind::Int ? a.i : a.kind == FormatArg::Kind::Real && std::isfinite(a.d) ? std::llround(a.d) : 0;
                }
                const std::string exact = "=" + std::to_string(n), category = nf.plural.category(n < 0 ? -n : n);
                std::string_view form;
                bool found = false;
                for (const std::string& want : {exact, category, std::string("other")}) {
                    for (const auto& f : p.forms)
                        if (!found && f.first == want) { form = f.second; found = true; }
                }
                const std::string number = format_number(nf, "%d", static_cast<double>(n));
                format_part(nf, form, args, count, next, &number, out);
                i = p.end;
                continue;
            }
        }
        *out += ch;
        ++i;
    }
}

void use_part(std::string_view t, int* next, bool* positional, bool* sequential, TemplateUse* use) {
    auto note = [&](int pos, char kind) {
        auto [it, added] = use->args.emplace(pos, kind);
        if (!added && it->second != kind && use->error.empty())
            use->error = "argument " + std::to_string(pos) + " is used as two kinds of value";
    };
    for (std::size_t i = 0; i < t.size();) {
        if (t[i] == '%' && i + 1 < t.size() && t[i + 1] == '%') { i += 2; continue; }
        if (t[i] == '%') {
            const Conversion c = parse_conversion(t, i);
            if (!c.conv) {
                if (use->error.empty()) use->error = "\"" + std::string(t.substr(i, 6)) + "\" is not a conversion (write %% for a percent sign)";
                ++i;
                continue;
            }
            (c.pos > 0 ? *positional : *sequential) = true;
            note(c.pos > 0 ? c.pos : ++*next, kind_of(c.conv));
            i = c.end;
            continue;
        }
        if (t[i] == '{') {
            const Plural p = parse_plural(t, i);
            if (!p.error.empty() && use->error.empty()) use->error = p.error;
            if (p.end > 0) {
                note(p.pos, 'p');
                std::vector<std::string> names;
                for (const auto& f : p.forms) {
                    names.push_back(f.first);
                    use_part(f.second, next, positional, sequential, use);
                }
                use->plural_forms.push_back(names);
                i = p.end;
                continue;
            }
        }
        ++i;
    }
}

// Accented forms of the letters that have one, among the letters the Latin languages' strings use (the
// UI font holds only those: scripts/make_fonts.py PSEUDO_LETTERS lists these too): á ç é î ñ ö ü Á É Ö Ü.
const char* accented(char c) {
    switch (c) {
    case 'a': return "\xC3\xA1"; case 'c': return "\xC3\xA7"; case 'e': return "\xC3\xA9"; case 'i': return "\xC3\xAE";
    case 'n': return "\xC3\xB1"; case 'o': return "\xC3\xB6"; case 'u': return "\xC3\xBC"; case 'A': return "\xC3\x81";
    case 'E': return "\xC3\x89"; case 'O': return "\xC3\x96"; case 'U': return "\xC3\x9C";
    default: return nullptr;
    }
}

void pseudo_part(std::string_view t, std::string* out) {
    for (std::size_t i = 0; i < t.size();) {
        if (t[i] == '%' && i + 1 < t.size() && t[i + 1] == '%') { *out += "%%"; i += 2; continue; }
        if (t[i] == '%') {
            const Conversion c = parse_conversion(t, i);
            const std::size_t end = c.conv ? c.end : i + 1;
            out->append(t.substr(i, end - i));
            i = end;
            continue;
        }
        if (t[i] == '{') {
            const Plural p = parse_plural(t, i);
            if (p.end > 0) {
                *out += "{" + std::to_string(p.pos) + ", plural,";
                for (const auto& [name, text] : p.forms) {
                    *out += " " + name + " {";
                    pseudo_part(text, out);
                    *out += "}";
                }
                *out += "}";
                i = p.end;
                continue;
            }
        }
        const char* a = accented(t[i]);
        if (a) *out += a;
        else *out += t[i];
        ++i;
    }
}

std::size_t code_points(std::string_view t) {
    std::size_t n = 0;
    for (const char c : t) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace

std::string pseudo_text(std::string_view english) {
    if (english.empty()) return {};
    std::string out = "[";
    pseudo_part(english, &out);
    // About 40% longer (at least two letters more): words, so wrapping text wraps as a long language would.
    static const char* const kWords[] = {"\xC3\xB6n\xC3\xAB", "tw\xC3\xB6", "thr\xC3\xAB\xC3\xAB", "f\xC3\xB6\xC3\xBCr", "f\xC3\xAEv\xC3\xAB"};
    const std::size_t want = std::max<std::size_t>(2, (code_points(english) * 2 + 4) / 5);
    std::string pad;
    for (std::size_t k = 0; code_points(pad) < want; ++k) pad += std::string(" ") + kWords[k % 5];
    return out + pad + "]";
}

std::string format_number(const NumberFormat& nf, std::string_view conversion, double v) {
    if (conversion.empty() || conversion[0] != '%') return {};
    const Conversion c = parse_conversion(conversion, 0);
    if (!c.conv) return {};
    return number_text(nf, c.spec, c.conv, FormatArg(v));
}

std::string format_args(const NumberFormat& nf, std::string_view tmpl, const FormatArg* args, std::size_t count) {
    std::string out;
    int next = 0;
    format_part(nf, tmpl, args, count, &next, nullptr, &out);
    return out;
}

const char* format_args_into(char* buf, std::size_t size, const NumberFormat& nf, std::string_view tmpl, const FormatArg* args, std::size_t count) {
    if (size == 0) return buf;
    const std::string text = format_args(nf, tmpl, args, count);
    std::size_t n = text.size() < size - 1 ? text.size() : size - 1;
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    text.copy(buf, n);
    buf[n] = '\0';
    return buf;
}

TemplateUse template_use(std::string_view tmpl) {
    TemplateUse use;
    int next = 0;
    bool positional = false, sequential = false;
    use_part(tmpl, &next, &positional, &sequential, &use);
    if (positional && sequential && use.error.empty()) use.error = "write every value with its number (%1$s, %2$d) or none";
    return use;
}

bool same_arguments(const TemplateUse& english, const TemplateUse& other, std::string* why) {
    auto kind_name = [](char k) { return k == 'd' ? "a whole number" : k == 'f' ? "a number" : k == 'p' ? "a count (plural)" : "a text"; };
    auto fits = [](char a, char b) { return a == b || (a == 'p' && b == 'd') || (a == 'd' && b == 'p'); };
    for (const auto& [pos, kind] : english.args) {
        const auto it = other.args.find(pos);
        if (it == other.args.end()) { *why = "value " + std::to_string(pos) + " (" + kind_name(kind) + ") is missing"; return false; }
        if (!fits(kind, it->second)) {
            *why = "value " + std::to_string(pos) + " is " + kind_name(kind) + " in English but " + kind_name(it->second) + " here";
            return false;
        }
    }
    for (const auto& [pos, kind] : other.args)
        if (!english.args.count(pos)) { *why = "value " + std::to_string(pos) + " is added (English has " + std::to_string(english.args.size()) + ")"; return false; }
    return true;
}

}  // namespace neurodrive::app
