// url_params.cpp - see url_params.hpp. No Emscripten, no exceptions, bounded work.
#include "url_params.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "json_text.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"

namespace neurodrive::app {
namespace {

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

void parse_input(UrlConfig& c, const model::InputSpec& spec, const std::string& name, const std::string& value) {
    const auto v = parse_strict_number(value);
    if (!v) { c.ignored.push_back({shown(name), "not a plain number", name}); return; }
    if (*v < spec.min || *v > spec.max) {
        char buf[80];
        std::snprintf(buf, sizeof buf, "must be from %g to %g", spec.min, spec.max);
        c.ignored.push_back({shown(name), buf, name});
        return;
    }
    c.inputs.emplace_back(name, *v);
}

void parse_setting(UrlConfig& c, const SettingSpec& spec, const std::string& name, const std::string& value) {
    const bool origin = spec.name == "origin";
    const std::vector<SettingProblem> problems = set_setting(c.values, spec, value);
    for (const SettingProblem& p : problems) c.ignored.push_back({p.item.empty() ? shown(name) : name + "=" + shown(p.item), p.reason, name});
    if (!origin) return;
    // origin= fails closed: an empty list or one bad entry and no page may control NeuroDrive.
    c.origin_given = true;
    if (!problems.empty()) c.origin_invalid = true;
    if (c.values.origin.empty() && problems.empty()) {
        c.origin_invalid = true;
        c.ignored.push_back({shown(name), "empty: no page may control NeuroDrive", name});
    }
}

// One name=value pair (decoded). `seen`: the names so far (the first of a repeated name counts).
// A notice names only parameters NeuroDrive knows (Ignored::param): a link's author must not be able to
// write in it.
void parse_pair(UrlConfig& c, const std::string& name, const std::string& value, std::vector<std::string>& seen, unsigned from) {
    const std::string known = model::find_input(name) || find_setting(name) ? name : std::string();
    if (value.size() > kMaxValueChars) { c.ignored.push_back({shown(name), "value longer than " + std::to_string(kMaxValueChars) + " characters", known}); return; }
    const model::InputSpec* input = (from & kFromUrl) ? model::find_input(name) : nullptr;
    const SettingSpec* spec = find_setting(name);
    if (spec && !(spec->use & from)) spec = nullptr;
    if ((from & kFromUrl) && (input || (spec && (spec->use & kDefinesView)))) c.has_state = true;
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) { c.ignored.push_back({shown(name), "given more than once: the first one counts", known}); return; }
    seen.push_back(name);
    if (input) parse_input(c, *input, name, value);
    else if (spec) parse_setting(c, *spec, name, value);
    else c.ignored.push_back({shown(name), "unknown parameter", known});
}

}  // namespace

std::optional<bool> UrlConfig::persist() const {
    if (!values.persist) return std::nullopt;
    return *values.persist != "0";
}

std::string UrlConfig::persist_name() const {
    return values.persist && *values.persist != "0" && *values.persist != "1" ? *values.persist : std::string();
}

UrlConfig parse_query(std::string_view query, unsigned from) {
    UrlConfig c;
    if (!query.empty() && query[0] == '?') query.remove_prefix(1);
    if (query.size() > kMaxQueryChars) {
        c.ignored.push_back({"(query)", "longer than " + std::to_string(kMaxQueryChars) + " characters: the rest was ignored", "(rest)"});
        query = query.substr(0, kMaxQueryChars);
    }
    std::size_t start = 0, count = 0;
    std::vector<std::string> seen;
    while (start < query.size()) {
        std::size_t amp = query.find('&', start);
        if (amp == std::string_view::npos) amp = query.size();
        const std::string_view pair = query.substr(start, amp - start);
        start = amp + 1;
        if (pair.empty()) continue;
        if (++count > kMaxQueryParams) {
            c.ignored.push_back({"(query)", "more than " + std::to_string(kMaxQueryParams) + " parameters: the rest was ignored", "(rest)"});
            break;
        }
        const std::size_t eq = pair.find('=');
        parse_pair(c, decode(pair.substr(0, eq)), eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1)), seen, from);
    }
    return c;
}

std::string share_query(const model::Inputs& inputs, std::string_view preset, const SettingValues& view) {
    std::string q;
    auto add = [&q](std::string_view key, std::string_view value) {
        q += q.empty() ? "" : "&";
        q += key;
        q += '=';
        q += encode(value);
    };
    const io::Preset* p = io::find_preset(preset);
    for (const SettingSpec& spec : setting_specs()) {
        if (!(spec.use & kInLink)) continue;
        if (spec.name == "preset") {  // the preset, then the inputs changed from it
            if (p && p->id != spec.default_text) add("preset", p->id);
            for (const auto& [input, v] : changed_inputs(inputs, preset)) add(input->name, format_exact(v));
        } else if (!setting_is_default(view, spec)) {
            add(spec.name, *setting_text(view, spec));
        }
    }
    return q;
}

void apply_inputs(const UrlConfig& config, model::Inputs* inputs, std::string* preset) {
    if (config.values.preset) {
        if (const io::Preset* p = io::find_preset(*config.values.preset)) {
            *inputs = p->inputs;
            *preset = p->id;
        }
    }
    char buf[160];
    for (const auto& [name, value] : config.inputs) model::set_input(*inputs, name, value, buf, sizeof buf);
    if (!config.inputs.empty()) *preset = "custom";
}

namespace {
void put_ignored(JsonWriter& w, std::string_view name, std::string_view reason, std::string_view param) {
    w.StartObject();
    json_key(w, "name"); json_put(w, name);
    json_key(w, "reason"); json_put(w, reason);
    json_key(w, "param"); json_put(w, param);
    w.EndObject();
}
void put_optional(JsonWriter& w, const std::optional<std::string>& text) {
    if (text) json_put(w, *text);
    else w.Null();
}
}  // namespace

std::string query_report_json(const UrlConfig& c, bool lesson_ok) {
    const SettingValues& v = c.values;
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "ignored");
    w.StartArray();
    for (const auto& i : c.ignored) put_ignored(w, i.name, i.reason, i.param);
    if (!lesson_ok) put_ignored(w, "lesson", "unknown lesson", "lesson");
    w.EndArray();
    json_key(w, "resize"); w.Bool(v.resize.value_or(false));
    json_key(w, "persist"); if (c.persist()) w.Bool(*c.persist()); else w.Null();
    json_key(w, "xapi"); w.Bool(v.xapi.value_or(false));
    json_key(w, "xapi_base"); put_optional(w, v.xapi_base);
    json_key(w, "lti_token"); put_optional(w, v.lti_token);
    json_key(w, "origins");
    w.StartArray();
    for (const auto& o : v.origin) json_put(w, o);
    w.EndArray();
    json_key(w, "lesson"); put_optional(w, v.lesson);
    w.EndObject();
    return buf.GetString();
}

}  // namespace neurodrive::app
