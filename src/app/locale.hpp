// locale.hpp - how a language writes numbers and picks plural forms, and the one formatter of the UI's
// templates: printf conversions (%d %.1f %s %%, positional %2$s when a language needs another word
// order) written with the language's decimal and group separators, and ICU-style plurals
// ({1, plural, one {# step} other {# steps}}) chosen by the language's CLDR rule. Arguments are typed
// (a parameter pack), so a translated template with a wrong conversion still formats safely.
// Pure C++17: no ImGui, SDL, Emscripten or App.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace neurodrive::app {

// A CLDR plural rule for whole numbers, as a strings table's "locale.plural" writes it:
// "one: n = 1" (English), "one: n = 0,1" (French), "" (Chinese: one form), or with several categories,
// "one: n % 10 = 1 and n % 100 != 11; few: n % 10 = 2..4 and n % 100 != 12..14; many: ...".
// Operands n and i are the number itself (counts are whole), v is 0; "or" binds looser than "and".
struct PluralRule {
    struct Range { long long lo = 0, hi = 0; };
    struct Relation { long long mod = 0; bool negate = false; bool zero = false; std::vector<Range> ranges; };
    using AndList = std::vector<Relation>;
    std::vector<std::pair<std::string, std::vector<AndList>>> categories;  // each: an "or" of "and" lists
    // The first category whose condition holds, else "other".
    std::string category(long long n) const;
    // The categories a template's plurals must give (every rule's category, then "other").
    std::vector<std::string> names() const;
};
// "" on success, else what is wrong (named by its place in the text).
std::string parse_plural_rule(std::string_view text, PluralRule* out);

// How a language writes numbers: "4.5" or "4,5"; 12,345 or 12.345 or 12 345 (only from five digits on,
// as CLDR's minimum grouping does for most of these languages: 1000 stays 1000).
struct NumberFormat {
    std::string decimal = ".";
    std::string group = ",";
    PluralRule plural;  // default: one form only
};

// One argument of a template: a whole number, a real number or a text.
struct FormatArg {
    enum class Kind : unsigned char { Int, Real, Text };
    Kind kind = Kind::Int;
    union {
        long long i;
        double d;
    };
    std::string_view s;
    FormatArg(int v) : kind(Kind::Int), i(v) {}
    FormatArg(long v) : kind(Kind::Int), i(v) {}
    FormatArg(long long v) : kind(Kind::Int), i(v) {}
    FormatArg(unsigned v) : kind(Kind::Int), i(v) {}
    FormatArg(unsigned long v) : kind(Kind::Int), i(static_cast<long long>(v)) {}
    FormatArg(double v) : kind(Kind::Real), d(v) {}
    FormatArg(float v) : kind(Kind::Real), d(static_cast<double>(v)) {}
    FormatArg(const char* v) : kind(Kind::Text), i(0), s(v ? v : "") {}
    FormatArg(const std::string& v) : kind(Kind::Text), i(0), s(v) {}
    FormatArg(std::string_view v) : kind(Kind::Text), i(0), s(v) {}
};

// The template with its arguments. A conversion that names a missing argument writes nothing; a
// conversion of another kind than its argument writes the argument as its own kind (never reads
// the wrong type). %s of a number writes it as %g would, with the language's separators.
std::string format_args(const NumberFormat& nf, std::string_view tmpl, const FormatArg* args, std::size_t count);
// The same into a buffer of `size` bytes, cut at a whole UTF-8 character when it does not fit.
const char* format_args_into(char* buf, std::size_t size, const NumberFormat& nf, std::string_view tmpl, const FormatArg* args, std::size_t count);
// Typed front ends (the work is done once, out of line, whatever the call site passes).
template <class... A>
std::string format_text(const NumberFormat& nf, std::string_view tmpl, const A&... a) {
    const FormatArg args[] = {FormatArg(a)..., FormatArg(0)};
    return format_args(nf, tmpl, args, sizeof...(A));
}
template <std::size_t N, class... A>
const char* format_into(char (&buf)[N], const NumberFormat& nf, std::string_view tmpl, const A&... a) {
    const FormatArg args[] = {FormatArg(a)..., FormatArg(0)};
    return format_args_into(buf, N, nf, tmpl, args, sizeof...(A));
}
// One number as the language writes it, by a printf conversion ("%.1f", "%g", "%d").
std::string format_number(const NumberFormat& nf, std::string_view conversion, double v);

// What a template asks of its arguments, for the strings check: argument number (1-based) -> kind
// ('d' whole, 'f' real, 's' text, 'p' a plural's count), and the plural categories each plural gives;
// error names the first problem (an unknown conversion, %1$s mixed with %s, an unclosed plural).
struct TemplateUse {
    std::map<int, char> args;
    std::vector<std::vector<std::string>> plural_forms;
    std::string error;
};
TemplateUse template_use(std::string_view tmpl);
// True when a translation's use of the arguments fits the English one's: the same arguments, each of a
// compatible kind (a plural's count is a whole number). `why` says what differs.
bool same_arguments(const TemplateUse& english, const TemplateUse& other, std::string* why);

// A text cut into the pieces a line may break between, for wrapping: words (a space before them joins
// them to the line), and in Chinese and Japanese every character on its own (no space), with the
// punctuation that may not start a line (，。、）) kept on the character before it and the one that may
// not end a line (（“) on the character after it.
struct WrapPiece { std::string text; bool space_before = false; };
std::vector<WrapPiece> wrap_pieces(std::string_view text);
// The longest start of `text` of at most `bytes` bytes that ends on a whole UTF-8 character.
std::size_t utf8_prefix(std::string_view text, std::size_t bytes);

// The pseudo-locale's text for an English one (?lang=en-XA): every letter accented, about 40% longer,
// in brackets, so a layout test sees what a longer language would clip; conversions, plural syntax,
// spaces and line breaks kept.
std::string pseudo_text(std::string_view english);

}  // namespace neurodrive::app
