// url_params.cpp - see url_params.hpp. No Emscripten, no exceptions, bounded work.
#include "url_params.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"

namespace neurodrive::app {
namespace {

constexpr std::size_t kMaxQuery = 4096;   // longer queries are cut (and reported)
constexpr std::size_t kMaxParams = 64;
constexpr std::size_t kMaxValue = 512;

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Percent-decoding ('+' is a space). Invalid escapes are kept literally.
std::string decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') out += ' ';
        else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else out += s[i];
    }
    return out;
}

std::string encode(std::string_view s) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else { out += '%'; out += digits[c >> 4]; out += digits[c & 15]; }
    }
    return out;
}

std::string shorten(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 40)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return s.size() > 40 ? out + "..." : out;
}

std::vector<std::string> split_list(std::string_view v) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= v.size() && out.size() < 32) {
        const std::size_t comma = v.find(',', start);
        const std::string_view item = v.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (!item.empty()) out.emplace_back(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

std::optional<bool> parse_flag(std::string_view v) {
    if (v == "1" || v == "true") return true;
    if (v == "0" || v == "false") return false;
    return std::nullopt;
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

bool contains(const std::vector<std::string>& list, std::string_view v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace

const std::vector<std::string>& lockable_groups() {
    static const std::vector<std::string> groups = {"events", "time", "presets", "experiments"};
    return groups;
}

const std::vector<std::string>& hideable_panels() {
    static const std::vector<std::string> panels = {"controls", "plots", "drive", "narration", "experiments", "events", "legend"};
    return panels;
}

std::optional<std::string> normalize_origin(std::string_view o) {
    auto lower = [](std::string_view v) {
        std::string out;
        for (char c : v) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    if (o.size() > 300) return std::nullopt;
    const std::string low = lower(o);
    const bool https = low.rfind("https://", 0) == 0, http = low.rfind("http://", 0) == 0;
    if (!https && !http) return std::nullopt;
    std::string_view rest = std::string_view(low).substr(https ? 8 : 7);
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (rest.empty()) return std::nullopt;
    std::string host;
    std::string_view port_text;
    if (rest.front() == '[') {  // IPv6 literal
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos || close < 3) return std::nullopt;
        for (char c : rest.substr(1, close - 1))
            if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.')) return std::nullopt;
        host = std::string(rest.substr(0, close + 1));
        rest.remove_prefix(close + 1);
        if (!rest.empty() && rest.front() != ':') return std::nullopt;
        if (!rest.empty()) port_text = rest.substr(1);
        if (!rest.empty() && port_text.empty()) return std::nullopt;
    } else {
        const std::size_t colon = rest.find(':');
        host = std::string(rest.substr(0, colon));
        if (colon != std::string_view::npos) {
            port_text = rest.substr(colon + 1);
            if (port_text.empty()) return std::nullopt;
        }
        // Labels of letters, digits and '-', separated by single dots (punycode for other scripts).
        if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.' || host.find("..") != std::string::npos) return std::nullopt;
        for (char c : host) if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return std::nullopt;
    }
    std::string out = std::string(https ? "https://" : "http://") + host;
    if (!port_text.empty()) {
        if (port_text.size() > 5) return std::nullopt;
        long port = 0;
        for (char c : port_text) {
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
            port = port * 10 + (c - '0');
        }
        if (port < 1 || port > 65535) return std::nullopt;
        if (!((https && port == 443) || (http && port == 80))) out += ":" + std::to_string(port);
    }
    return out;
}

std::optional<double> parse_strict_number(std::string_view t) {
    if (t.empty() || t.size() > 24) return std::nullopt;
    std::size_t i = 0;
    if (t[i] == '-') ++i;
    const std::size_t int_start = i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i == int_start) return std::nullopt;
    if (i < t.size() && t[i] == '.') {
        ++i;
        const std::size_t frac = i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
        if (i == frac) return std::nullopt;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        const std::size_t exp = i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
        if (i == exp) return std::nullopt;
    }
    if (i != t.size()) return std::nullopt;
    const std::string copy(t);
    const double v = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(v)) return std::nullopt;
    return v;
}

std::string format_exact(double v) {
    char buf[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

std::optional<std::string> normalize_iri_base(std::string_view text) {
    constexpr std::string_view kScheme = "https://";
    if (text.size() > 200 || text.size() <= kScheme.size()) return std::nullopt;
    std::string lower(text.substr(0, kScheme.size()));
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower != kScheme) return std::nullopt;
    const std::size_t slash = text.find('/', kScheme.size());
    const std::string_view authority = text.substr(0, slash);
    const auto origin = normalize_origin(authority);
    if (!origin || origin->rfind("https://", 0) != 0) return std::nullopt;
    std::string path(slash == std::string_view::npos ? std::string_view("/") : text.substr(slash));
    for (std::size_t i = 0; i < path.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(path[i]);
        if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/') continue;
        if (ch == '%' && i + 2 < path.size() && std::isxdigit(static_cast<unsigned char>(path[i + 1])) && std::isxdigit(static_cast<unsigned char>(path[i + 2]))) { i += 2; continue; }
        return std::nullopt;
    }
    if (path.find("//") != std::string::npos || path.find("/./") != std::string::npos || path.find("/../") != std::string::npos) return std::nullopt;
    if (path.back() != '/') path += '/';
    return *origin + path;
}

UrlConfig parse_query(std::string_view query) {
    UrlConfig c;
    if (!query.empty() && query[0] == '?') query.remove_prefix(1);
    if (query.size() > kMaxQuery) {
        c.ignored.push_back({"(query)", "longer than 4096 characters: the rest was ignored", "(rest)"});
        query = query.substr(0, kMaxQuery);
    }
    std::size_t start = 0, count = 0;
    std::vector<std::string> seen;
    while (start < query.size()) {
        std::size_t amp = query.find('&', start);
        if (amp == std::string_view::npos) amp = query.size();
        const std::string_view pair = query.substr(start, amp - start);
        start = amp + 1;
        if (pair.empty()) continue;
        if (++count > kMaxParams) { c.ignored.push_back({"(query)", "more than 64 parameters: the rest was ignored", "(rest)"}); break; }
        const std::size_t eq = pair.find('=');
        const std::string name = decode(pair.substr(0, eq));
        const std::string value = eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1));
        const bool state = model::find_input(name) || one_of(name, {"preset", "lock", "hide", "ui", "speed", "paused", "theme", "lang", "lesson", "scale", "audio", "compare"});
        const bool known = state || one_of(name, {"resize", "lti_token", "origin", "persist", "xapi", "xapi_base"});
        // A notice names only parameters NeuroDrive knows: a link's author must not be able to write in it.
        auto ignore = [&](const std::string& reason) { c.ignored.push_back({shorten(name), reason, known ? name : std::string()}); };
        if (value.size() > kMaxValue) { ignore("value longer than 512 characters"); continue; }
        if (state) c.has_state = true;
        if (contains(seen, name)) { ignore("given more than once: the first one counts"); continue; }
        seen.push_back(name);

        if (const model::InputSpec* spec = model::find_input(name)) {
            const auto v = parse_strict_number(value);
            if (!v) { ignore("not a plain number"); continue; }
            if (*v < spec->min || *v > spec->max) {
                char buf[80];
                std::snprintf(buf, sizeof buf, "must be from %g to %g", spec->min, spec->max);
                ignore(buf);
                continue;
            }
            c.inputs.emplace_back(name, *v);
        } else if (name == "preset") {
            if (!io::find_preset(value)) ignore("unknown preset");
            else c.preset = value;
        } else if (name == "lock" || name == "hide") {
            std::vector<std::string>& list = name == "lock" ? c.lock : c.hide;
            for (const std::string& item : split_list(value)) {
                const bool ok = name == "lock" ? (model::find_input(item) != nullptr || contains(lockable_groups(), item)) : contains(hideable_panels(), item);
                if (ok && !contains(list, item)) list.push_back(item);
                else if (!ok) c.ignored.push_back({name + "=" + shorten(item), "unknown " + std::string(name == "lock" ? "control" : "panel"), name});
            }
        } else if (name == "ui") {
            if (one_of(value, {"minimal", "full"})) c.ui = value; else ignore("must be minimal or full");
        } else if (name == "speed") {
            const auto v = parse_strict_number(value);
            if (v && *v >= 0.25 && *v <= 4.0) c.speed = *v; else ignore("must be a number from 0.25 to 4");
        } else if (name == "scale") {
            const auto v = parse_strict_number(value);
            if (v && *v >= 0.75 && *v <= 2.0) c.scale = *v; else ignore("must be a number from 0.75 to 2");
        } else if (name == "audio") {
            if (value == "on" || value == "1") c.audio = true;
            else if (value == "off" || value == "0") c.audio = false;
            else ignore("must be on or off");
        } else if (name == "theme") {
            if (one_of(value, {"dark", "projector"})) c.theme = value; else ignore("must be dark or projector");
        } else if (name == "lang") {
            if (one_of(value, {"en", "es"})) c.lang = value; else ignore("must be en or es");
        } else if (name == "lesson") {
            bool ok = !value.empty() && value.size() <= 40;
            for (char ch : value) ok = ok && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-');
            if (ok) c.lesson = value; else ignore("not a lesson name");
        } else if (name == "compare") {
            std::string error;
            if (auto parsed = parse_compare(value, &error)) c.compare = std::move(*parsed); else ignore(error);
        } else if (name == "origin") {
            c.origin_given = true;
            const std::vector<std::string> list = split_list(value);
            if (list.empty()) { c.origin_invalid = true; ignore("empty: no page may control NeuroDrive"); }
            for (const std::string& o : list) {
                if (const auto norm = normalize_origin(o)) { if (!contains(c.origins, *norm)) c.origins.push_back(*norm); }
                else {
                    c.origin_invalid = true;
                    c.ignored.push_back({"origin=" + shorten(o), "not an origin such as https://example.org: no page may control NeuroDrive", "origin"});
                }
            }
        } else if (name == "xapi_base") {
            if (const auto base = normalize_iri_base(value)) c.xapi_base = *base;
            else ignore("must be an https address such as https://lms.example.edu/neurodrive/ (200 characters at most, no query)");
        } else if (name == "lti_token") {
            bool ok = !value.empty() && value.size() <= 256;
            for (char ch : value) ok = ok && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.' || ch == '~');
            if (ok) c.lti_token = value; else ignore("must be 1-256 letters, digits, -, _, . or ~");
        } else if (name == "persist" && !parse_flag(value)) {
            bool ok = !value.empty() && value.size() <= 40;
            for (char ch : value) ok = ok && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-');
            if (ok) { c.persist = true; c.persist_name = value; }
            else { c.persist = false; ignore("must be 1, 0 or a name of letters, digits, - and _: nothing is saved"); }
        } else if (name == "paused" || name == "resize" || name == "persist" || name == "xapi") {
            const auto f = parse_flag(value);
            if (!f) { ignore("must be 1 or 0"); continue; }
            (name == "paused" ? c.paused : name == "resize" ? c.resize : name == "persist" ? c.persist : c.xapi) = *f;
        } else {
            ignore("unknown parameter");
        }
    }
    return c;
}

std::string share_query(const model::Inputs& inputs, std::string_view preset, const ShareView& view) {
    std::string q;
    auto add = [&q](std::string_view key, std::string_view value) {
        q += q.empty() ? "" : "&";
        q += key;
        q += '=';
        q += encode(value);
    };
    const io::Preset* p = io::find_preset(preset);
    if (p && p->id != "baseline") add("preset", p->id);
    for (const auto& [spec, v] : changed_inputs(inputs, preset)) add(spec->name, format_exact(v));
    auto join = [](const std::vector<std::string>& list) {
        std::string s;
        for (const auto& x : list) s += (s.empty() ? "" : ",") + x;
        return s;
    };
    if (!view.hide.empty()) add("hide", join(view.hide));
    if (!view.lock.empty()) add("lock", join(view.lock));
    if (!view.theme.empty() && view.theme != "dark") add("theme", view.theme);
    if (!view.lang.empty() && view.lang != "en") add("lang", view.lang);
    if (view.scale != 1.0) add("scale", format_exact(view.scale));
    if (view.minimal) add("ui", "minimal");
    if (!view.lesson.empty()) add("lesson", view.lesson);
    if (!view.compare.empty()) add("compare", view.compare);
    return q;
}

std::optional<CompareSpec> parse_compare(std::string_view text, std::string* error) {
    CompareSpec spec;
    const std::vector<std::string> items = split_list(text);
    if (items.empty()) { *error = "must name a preset or inputs, e.g. compare=hypothyroid"; return std::nullopt; }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& item = items[i];
        const std::size_t colon = item.find(':');
        if (colon == std::string::npos) {
            if (i > 0) { *error = "the preset comes first: compare=preset,input:value"; return std::nullopt; }
            if (!io::find_preset(item)) { *error = "unknown preset " + shorten(item); return std::nullopt; }
            spec.preset = item;
            continue;
        }
        const std::string name = item.substr(0, colon);
        const model::InputSpec* in = model::find_input(name);
        if (!in) { *error = "unknown input " + shorten(name); return std::nullopt; }
        const auto v = parse_strict_number(std::string_view(item).substr(colon + 1));
        if (!v || *v < in->min || *v > in->max) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "%s must be a number from %g to %g", name.c_str(), in->min, in->max);
            *error = buf;
            return std::nullopt;
        }
        for (const auto& [seen, value] : spec.inputs)
            if (seen == name) { *error = "input " + name + " given twice"; return std::nullopt; }
        spec.inputs.emplace_back(name, *v);
    }
    return spec;
}

model::Inputs compare_inputs(const CompareSpec& spec, std::string* preset) {
    const io::Preset* p = io::find_preset(spec.preset);
    model::Inputs inputs = p ? p->inputs : model::Inputs{};
    *preset = p ? p->id : "baseline";
    char buf[160];
    for (const auto& [name, value] : spec.inputs) model::set_input(inputs, name, value, buf, sizeof buf);
    return inputs;
}

std::string compare_text(const model::Inputs& inputs, std::string_view preset) {
    const io::Preset* p = io::find_preset(preset);
    std::string s = p ? p->id : "baseline";
    for (const auto& [spec, v] : changed_inputs(inputs, preset)) s += "," + std::string(spec->name) + ":" + format_exact(v);
    return s;
}

std::vector<std::pair<const model::InputSpec*, double>> changed_inputs(const model::Inputs& inputs, std::string_view preset) {
    const io::Preset* p = io::find_preset(preset);
    const model::Inputs base = p ? p->inputs : model::Inputs{};
    std::vector<std::pair<const model::InputSpec*, double>> out;
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i)
        if (inputs.*(specs[i].field) != base.*(specs[i].field)) out.emplace_back(&specs[i], inputs.*(specs[i].field));
    return out;
}

void apply_inputs(const UrlConfig& config, model::Inputs* inputs, std::string* preset) {
    if (config.preset) {
        if (const io::Preset* p = io::find_preset(*config.preset)) {
            *inputs = p->inputs;
            *preset = p->id;
        }
    }
    char buf[160];
    for (const auto& [name, value] : config.inputs) model::set_input(*inputs, name, value, buf, sizeof buf);
    if (!config.inputs.empty()) *preset = "custom";
}

}  // namespace neurodrive::app
