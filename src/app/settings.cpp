// settings.cpp - see settings.hpp. The table reads its allowed values from their registries (presets,
// inputs, languages, themes) when asked, so it never repeats them.
//
// Index
//   [SECTION] Allowed values
//   [SECTION] The table
//   [SECTION] Reading and writing values
//   [SECTION] Checks
//   [SECTION] JSON for app.js
#include "settings.hpp"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "assets.hpp"
#include "colors.hpp"
#include "json_text.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"
#include "scenario_text.hpp"

namespace neurodrive::app {

// [SECTION] Allowed values ---------------------------------------------------------------------------------
const std::vector<std::string>& lockable_groups() {
    static const std::vector<std::string> groups = {"events", "time", "presets", "experiments"};
    return groups;
}

const std::vector<std::string>& hideable_panels() {
    static const std::vector<std::string> panels = {"controls", "plots", "drive", "narration", "experiments", "events", "legend"};
    return panels;
}

const std::vector<InputGroup>& input_groups() {
    static const std::vector<InputGroup> groups = {
        {"transmitter", "group.transmitters"}, {"hormone", "group.hormones"}, {"manipulation", "group.experiments"}};
    return groups;
}

namespace {

std::vector<std::string> preset_ids() {
    std::vector<std::string> ids;
    for (const auto& p : io::builtin_presets().presets) ids.push_back(p.id);
    return ids;
}
std::vector<std::string> lockable() {
    std::vector<std::string> names;
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i) names.emplace_back(specs[i].name);
    for (const auto& g : lockable_groups()) names.push_back(g);
    return names;
}
std::vector<std::string> panels() { return hideable_panels(); }
std::vector<std::string> ui_modes() { return {"minimal", "full"}; }
std::vector<std::string> on_off() { return {"on", "off"}; }
std::vector<std::string> one_zero() { return {"1", "0"}; }
std::vector<std::string> schemes() { return {"light", "dark"}; }
std::vector<std::string> motions() { return {"reduce"}; }
std::vector<std::string> hint_done() { return {"done"}; }

bool name_chars(std::string_view v, std::size_t max, const char* extra) {
    if (v.empty() || v.size() > max) return false;
    for (char c : v)
        if (!std::isalnum(static_cast<unsigned char>(c)) && !std::strchr(extra, c)) return false;
    return true;
}

// A language as a URL or the browser may write it: "fr", "FR", "fr-CA" (French), "pt-PT" (the Portuguese
// NeuroDrive has, pt-BR), "en-XA" (the pseudo-locale); refused when no language shares its first part.
Checked check_language(std::string_view text) {
    std::string code = match_language(text);
    if (code.empty()) return {std::nullopt, true, ""};
    return {std::move(code)};
}

Checked check_compare(std::string_view text) {
    std::string error;
    if (!parse_compare(text, &error)) return {std::nullopt, true, error};
    return {std::string(text)};
}
Checked check_origin(std::string_view text) {
    if (auto o = normalize_origin(text)) return {*o};
    return {std::nullopt, true};
}
Checked check_iri(std::string_view text) {
    if (auto b = normalize_iri_base(text)) return {*b};
    return {std::nullopt, true};
}
Checked check_token(std::string_view text) {
    if (name_chars(text, 256, "-_.~")) return {std::string(text)};
    return {std::nullopt, true};
}
// 1 | 0 (or true | false), or a storage name; anything else stands as 0: nothing is saved (fail closed).
Checked check_persist(std::string_view text) {
    if (const auto f = parse_flag(text); f && text != "on" && text != "off") return {*f ? "1" : "0"};
    if (name_chars(text, 40, "-_")) return {std::string(text)};
    return {"0", true};
}

// [SECTION] The table --------------------------------------------------------------------------------------
using V = SettingValues;
constexpr unsigned kView = kFromUrl | kInLink | kDefinesView;

constexpr SettingSpec choice(std::string_view name, unsigned use, std::optional<std::string> V::*field, std::string_view def, SettingValuesList values,
                             std::string_view label = "", std::string_view error = "") {
    SettingSpec s{name, SettingType::Choice, use, def, label};
    s.text = field;
    s.values = values;
    s.error = error;
    return s;
}
constexpr SettingSpec choice_first(std::string_view name, unsigned use, std::optional<std::string> V::*field, SettingValuesList values,
                                   std::string_view label) {
    SettingSpec s = choice(name, use, field, "", values, label);
    s.default_first = true;
    return s;
}
// A Choice whose values are matched by a check (a language: "fr-CA" is fr); menus still offer values().
constexpr SettingSpec with_check(SettingSpec s, SettingCheck check) {
    s.check = check;
    return s;
}
constexpr SettingSpec flag(std::string_view name, unsigned use, std::optional<bool> V::*field, std::string_view def, SettingValuesList words,
                           std::string_view label = "") {
    SettingSpec s{name, SettingType::Flag, use, def, label};
    s.flag = field;
    s.values = words;
    return s;
}
constexpr SettingSpec number(std::string_view name, unsigned use, std::optional<double> V::*field, std::string_view def, double min, double max,
                             SettingSteps steps, std::string_view label = "") {
    SettingSpec s{name, SettingType::Number, use, def, label};
    s.number = field;
    s.min = min;
    s.max = max;
    s.steps = steps;
    return s;
}
constexpr SettingSpec list(std::string_view name, unsigned use, std::vector<std::string> V::*field, SettingValuesList values, SettingCheck check,
                           std::string_view error) {
    SettingSpec s{name, SettingType::List, use, "", ""};
    s.list = field;
    s.values = values;
    s.check = check;
    s.error = error;
    return s;
}
constexpr SettingSpec special(std::string_view name, unsigned use, std::optional<std::string> V::*field, SettingCheck check, std::string_view error) {
    SettingSpec s{name, check ? SettingType::Special : SettingType::Name, use, "", ""};
    s.text = field;
    s.check = check;
    s.error = error;
    return s;
}

constexpr SettingSpec kSettings[] = {
    choice("preset", kView | kStored, &V::preset, "baseline", preset_ids, "", "unknown preset"),
    list("hide", kView | kBuilder, &V::hide, panels, nullptr, "unknown panel"),
    list("lock", kView | kBuilder, &V::lock, lockable, nullptr, "unknown control"),
    choice_first("theme", kView | kStored | kFromEnv | kUserSetting | kBuilder, &V::theme, theme_names, "settings.theme"),
    with_check(choice_first("lang", kView | kStored | kFromEnv | kUserSetting | kBuilder, &V::lang, language_codes, "settings.language"), check_language),
    number("scale", kView | kStored | kFromEnv | kUserSetting | kBuilder, &V::scale, "1", 0.75, 2.0, {{0.75, 1.0, 1.25, 1.5, 2.0}, 5}, "settings.scale"),
    choice("ui", kView | kBuilder, &V::ui, "full", ui_modes, "settings.minimal"),
    special("lesson", kView | kBuilder, &V::lesson, nullptr, "not a lesson name"),
    choice("hint", kStored, &V::hint, "", hint_done),  // the "start here" card was used or dismissed
    special("compare", kView | kStored, &V::compare, check_compare, ""),
    number("speed", kFromUrl | kDefinesView, &V::speed, "1", 0.25, 4.0, {{0.25, 0.5, 1.0, 2.0, 4.0}, 5}),
    flag("paused", kFromUrl | kDefinesView, &V::paused, "0", one_zero),
    flag("audio", kFromUrl | kDefinesView | kUserSetting, &V::audio, "0", on_off, "settings.audio"),
    flag("resize", kFromUrl, &V::resize, "0", one_zero),
    flag("xapi", kFromUrl, &V::xapi, "0", one_zero),
    special("xapi_base", kFromUrl, &V::xapi_base, check_iri,
            "must be an https address such as https://lms.example.edu/neurodrive/ (200 characters at most, no query)"),
    special("lti_token", kFromUrl, &V::lti_token, check_token, "must be 1-256 letters, digits, -, _, . or ~"),
    list("origin", kFromUrl, &V::origin, nullptr, check_origin, "not an origin such as https://example.org: no page may control NeuroDrive"),
    special("persist", kFromUrl, &V::persist, check_persist, "must be 1, 0 or a name of letters, digits, - and _: nothing is saved"),
    choice("scheme", kFromEnv, &V::scheme, "", schemes),       // the browser prefers light or dark: the projector or default theme
    choice("motion", kFromEnv, &V::motion, "", motions),       // the browser asks for reduced motion
};

}  // namespace

SettingTable setting_specs() { return {kSettings, std::size(kSettings)}; }

const SettingSpec* find_setting(std::string_view name) {
    for (const SettingSpec& s : setting_specs())
        if (s.name == name) return &s;
    return nullptr;
}

// [SECTION] Reading and writing values ---------------------------------------------------------------------
std::string setting_error(const SettingSpec& spec) {
    if (!spec.error.empty()) return std::string(spec.error);
    char buf[96];
    if (spec.type == SettingType::Number) {
        std::snprintf(buf, sizeof buf, "must be a number from %g to %g", spec.min, spec.max);
        return buf;
    }
    if (spec.type == SettingType::Choice || spec.type == SettingType::Flag) {
        const std::vector<std::string> values = spec.values();
        std::string text = "must be ";
        for (std::size_t i = 0; i < values.size(); ++i) text += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ") + values[i];
        return text;
    }
    return "not a valid value";
}

namespace {

// One value of a Choice, List or Special setting (or a List's item): its normal form, or nothing.
std::optional<std::string> check_word(const SettingSpec& spec, std::string_view text, std::string* error) {
    if (spec.check) {
        Checked c = spec.check(text);
        if (c.refused) *error = c.reason.empty() ? setting_error(spec) : c.reason;
        return c.value;
    }
    if (!spec.values) {  // a Name
        if (name_chars(text, 40, "-_")) return std::string(text);
        *error = setting_error(spec);
        return std::nullopt;
    }
    const std::vector<std::string> values = spec.values();
    if (std::find(values.begin(), values.end(), text) != values.end()) return std::string(text);
    *error = setting_error(spec);
    return std::nullopt;
}

}  // namespace

std::vector<std::string> split_list(std::string_view v) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= v.size() && out.size() < kMaxListItems) {
        const std::size_t comma = v.find(',', start);
        const std::string_view item = v.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (!item.empty()) out.emplace_back(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

std::vector<SettingProblem> set_setting(SettingValues& values, const SettingSpec& spec, std::string_view text) {
    std::string error;
    switch (spec.type) {
    case SettingType::Flag: {
        const auto f = parse_flag(text);
        if (!f) return {{"", setting_error(spec)}};
        values.*(spec.flag) = *f;
        return {};
    }
    case SettingType::Number: {
        const auto v = parse_strict_number(text);
        if (!v || *v < spec.min || *v > spec.max) return {{"", setting_error(spec)}};
        values.*(spec.number) = *v;
        return {};
    }
    case SettingType::List: {
        std::vector<SettingProblem> problems;
        std::vector<std::string>& list = values.*(spec.list);
        for (const std::string& item : split_list(text)) {
            error.clear();
            const auto v = check_word(spec, item, &error);
            if (!v) problems.push_back({item, error});
            else if (std::find(list.begin(), list.end(), *v) == list.end()) list.push_back(*v);
        }
        return problems;
    }
    default: {
        const auto v = check_word(spec, text, &error);
        if (v) values.*(spec.text) = *v;  // a refused value may still stand as its fail-closed value
        if (!error.empty()) return {{"", error}};
        return {};
    }
    }
}

std::string set_setting(SettingValues& values, std::string_view name, std::string_view text) {
    const SettingSpec* spec = find_setting(name);
    if (!spec) return "unknown setting " + shown(name);
    const auto problems = set_setting(values, *spec, text);
    return problems.empty() ? "" : problems.front().reason;
}

std::string setting_number_error(std::string_view name, double v) {
    const SettingSpec* spec = find_setting(name);
    if (!spec || spec->type != SettingType::Number) return "unknown setting " + shown(name);
    return std::isfinite(v) && v >= spec->min && v <= spec->max ? "" : setting_error(*spec);
}

std::optional<std::string> setting_text(const SettingValues& values, const SettingSpec& spec) {
    switch (spec.type) {
    case SettingType::Flag: {
        const auto& f = values.*(spec.flag);
        if (!f) return std::nullopt;
        const std::vector<std::string> words = spec.values();
        return *f ? words[0] : words[1];
    }
    case SettingType::Number: {
        const auto& v = values.*(spec.number);
        return v ? std::optional<std::string>(format_exact(*v)) : std::nullopt;
    }
    case SettingType::List: {
        const auto& list = values.*(spec.list);
        if (list.empty()) return std::nullopt;
        std::string s;
        for (const auto& x : list) s += (s.empty() ? "" : ",") + x;
        return s;
    }
    default: return values.*(spec.text);
    }
}

std::string setting_text(const SettingValues& values, std::string_view name) {
    const SettingSpec* spec = find_setting(name);
    return spec ? setting_text(values, *spec).value_or("") : "";
}

void copy_setting(SettingValues& to, const SettingValues& from, const SettingSpec& spec) {
    if (spec.flag) to.*(spec.flag) = from.*(spec.flag);
    if (spec.number) to.*(spec.number) = from.*(spec.number);
    if (spec.text) to.*(spec.text) = from.*(spec.text);
    if (spec.list) to.*(spec.list) = from.*(spec.list);
}

bool setting_is_default(const SettingValues& values, const SettingSpec& spec) {
    const auto text = setting_text(values, spec);
    if (!text) return true;
    const std::string def = setting_default(spec);
    if (spec.type == SettingType::Number) return parse_strict_number(*text) == parse_strict_number(def);
    if (spec.type == SettingType::Flag) return parse_flag(*text) == parse_flag(def);
    return *text == def;
}

std::string setting_default(const SettingSpec& spec) {
    if (spec.default_first && spec.values) {
        const std::vector<std::string> values = spec.values();
        return values.empty() ? std::string() : values.front();
    }
    return std::string(spec.default_text);
}

std::string setting_default(std::string_view name) {
    const SettingSpec* spec = find_setting(name);
    return spec ? setting_default(*spec) : std::string();
}

double setting_default_number(std::string_view name) { return parse_strict_number(setting_default(name)).value_or(0.0); }

// [SECTION] Checks ---------------------------------------------------------------------------------------------
std::optional<double> parse_strict_number(std::string_view t) {
    if (t.empty() || t.size() > 24) return std::nullopt;
    std::size_t i = 0;
    if (t[i] == '-') ++i;
    auto digits = [&] {
        const std::size_t from = i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
        return i > from;
    };
    if (!digits()) return std::nullopt;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (!digits()) return std::nullopt;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        if (!digits()) return std::nullopt;
    }
    if (i != t.size()) return std::nullopt;
    const std::string copy(t);
    const double v = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<bool> parse_flag(std::string_view v) {
    if (v == "1" || v == "true" || v == "on") return true;
    if (v == "0" || v == "false" || v == "off") return false;
    return std::nullopt;
}

std::string format_exact(double v) {
    char buf[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

std::string shown(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 40)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return s.size() > 40 ? out + "..." : out;
}

namespace {
std::string lower(std::string_view v) {
    std::string out;
    for (char c : v) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// host[:port] of an origin: the host in its browser form and the port text ("" = none), or false.
bool split_host(std::string_view rest, std::string* host, std::string_view* port_text) {
    if (rest.front() == '[') {  // IPv6 literal
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos || close < 3) return false;
        for (char c : rest.substr(1, close - 1))
            if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.')) return false;
        *host = std::string(rest.substr(0, close + 1));
        rest.remove_prefix(close + 1);
        if (!rest.empty() && rest.front() != ':') return false;
        if (!rest.empty()) *port_text = rest.substr(1);
        return rest.empty() || !port_text->empty();
    }
    const std::size_t colon = rest.find(':');
    *host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) {
        *port_text = rest.substr(colon + 1);
        if (port_text->empty()) return false;
    }
    // Labels of letters, digits and '-', separated by single dots (punycode for other scripts).
    const std::string& h = *host;
    if (h.empty() || h.size() > 253 || h.front() == '.' || h.back() == '.' || h.find("..") != std::string::npos) return false;
    for (char c : h)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return false;
    return true;
}
}  // namespace

std::optional<std::string> normalize_origin(std::string_view o) {
    if (o.size() > 300) return std::nullopt;
    const std::string low = lower(o);
    const bool https = low.rfind("https://", 0) == 0, http = low.rfind("http://", 0) == 0;
    if (!https && !http) return std::nullopt;
    std::string_view rest = std::string_view(low).substr(https ? 8 : 7);
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (rest.empty()) return std::nullopt;
    std::string host;
    std::string_view port_text;
    if (!split_host(rest, &host, &port_text)) return std::nullopt;
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

std::optional<std::string> normalize_iri_base(std::string_view text) {
    constexpr std::string_view kScheme = "https://";
    if (text.size() > 200 || text.size() <= kScheme.size()) return std::nullopt;
    if (lower(text.substr(0, kScheme.size())) != kScheme) return std::nullopt;
    const std::size_t slash = text.find('/', kScheme.size());
    const auto origin = normalize_origin(text.substr(0, slash));
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

// [SECTION] JSON for app.js ------------------------------------------------------------------------------------
std::string settings_json() {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "limits");
    w.StartObject();
    const std::pair<const char*, double> limits[] = {
        {"query_chars", kMaxQueryChars}, {"json_bytes", kMaxJsonBytes}, {"stored_bytes", kMaxStoredBytes}, {"inputs_per_call", kMaxInputsPerCall},
        {"name_chars", kMaxNameChars}, {"list_items", kMaxListItems}, {"subscribers", kMaxSubscribers}, {"min_hz", kMinSubscribeHz}, {"max_hz", kMaxSubscribeHz}};
    for (const auto& [key, value] : limits) { json_key(w, key); json_put_num(w, value); }
    w.EndObject();
    json_key(w, "settings");
    w.StartArray();
    const char* types[] = {"flag", "number", "choice", "list", "name", "special"};
    const std::pair<unsigned, const char*> uses[] = {{kFromUrl, "url"}, {kInLink, "link"}, {kStored, "stored"}, {kFromEnv, "env"},
                                                     {kDefinesView, "view"}, {kUserSetting, "user"}, {kBuilder, "builder"}};
    for (const SettingSpec& s : setting_specs()) {
        w.StartObject();
        json_key(w, "name"); json_put(w, s.name);
        json_key(w, "type"); json_put(w, types[static_cast<int>(s.type)]);
        json_key(w, "default"); json_put(w, setting_default(s));
        json_key(w, "use");
        w.StartArray();
        for (const auto& [bit, word] : uses) if (s.use & bit) json_put(w, word);
        w.EndArray();
        if (s.type == SettingType::Number) {
            json_key(w, "min"); json_put_num(w, s.min);
            json_key(w, "max"); json_put_num(w, s.max);
            json_key(w, "steps");
            w.StartArray();
            for (double v : s.steps) json_put_num(w, v);
            w.EndArray();
        }
        if (s.values) {
            json_key(w, "values");
            w.StartArray();
            for (const auto& v : s.values()) json_put(w, v);
            w.EndArray();
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

// [SECTION] Locks ----------------------------------------------------------------------------------------------
bool is_locked(const std::vector<std::string>& locks, std::string_view name) { return std::find(locks.begin(), locks.end(), name) != locks.end(); }

namespace {
std::string locked_by(std::string_view subject, std::string_view verb, std::string_view lock) {
    return std::string(subject) + " " + std::string(verb) + " locked by the page that embeds NeuroDrive (lock=" + std::string(lock) + ")";
}
}  // namespace

std::string lock_error(const std::vector<std::string>& locks, std::string_view what) {
    if (!is_locked(locks, what)) return {};
    if (what == "presets") return locked_by("presets", "are", what);
    if (what == "events") return locked_by("events", "are", what);
    if (what == "time") return locked_by("time controls", "are", what);
    if (what == "experiments") return locked_by("experiments", "are", what);
    return locked_by(what, "is", what);
}

std::string input_lock_error(const std::vector<std::string>& locks, std::string_view name) {
    if (is_locked(locks, name)) return locked_by(name, "is", name);
    const model::InputSpec* spec = model::find_input(name);
    if (spec && spec->kind == model::InputKind::Manipulation && is_locked(locks, "experiments")) return locked_by(name, "is", "experiments");
    return {};
}

}  // namespace neurodrive::app
