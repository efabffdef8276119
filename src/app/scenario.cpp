// scenario.cpp - see scenario.hpp. Validates every option against the registries (inputs, lock
// groups, panels, lessons) and writes the link through share_query(), the share link's one writer.
#include "scenario.hpp"

#include <algorithm>

#include "json_text.hpp"
#include "url_params.hpp"
#include "neurodrive/names.hpp"

namespace neurodrive::app {
namespace {

constexpr std::size_t kMaxOptionsJson = 16384;
constexpr std::size_t kMaxListItems = 64;
const double kScales[] = {0.75, 1.0, 1.25, 1.5, 2.0};

std::string shown(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 40)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return s.size() > 40 ? out + "..." : out;
}

bool known_lesson(const App& app, std::string_view id) {
    return std::any_of(app.lessons.begin(), app.lessons.end(), [&](const Lesson& l) { return l.id == id; });
}

// A list option: an array of distinct known names (duplicates are kept once).
std::string read_list(const rapidjson::Value& v, const char* option, bool (*known)(std::string_view), const char* what,
                      std::vector<std::string>* out) {
    if (!v.IsArray()) return std::string(option) + " must be an array of " + what + " names";
    if (v.Size() > kMaxListItems) return std::string(option) + " takes at most 64 names";
    out->clear();
    for (const auto& item : v.GetArray()) {
        if (!item.IsString()) return std::string(option) + " must be an array of " + what + " names";
        const std::string_view name = json_view(item);
        if (!known(name)) return "unknown " + std::string(what) + " \"" + shown(name) + "\" in " + option;
        if (std::find(out->begin(), out->end(), name) == out->end()) out->emplace_back(name);
    }
    return {};
}

bool lockable(std::string_view name) {
    const auto& groups = lockable_groups();
    return model::find_input(name) != nullptr || std::find(groups.begin(), groups.end(), name) != groups.end();
}
bool hideable(std::string_view name) {
    const auto& panels = hideable_panels();
    return std::find(panels.begin(), panels.end(), name) != panels.end();
}

void put_list(JsonWriter& w, const std::vector<std::string>& list) {
    w.StartArray();
    for (const auto& s : list) json_put(w, s);
    w.EndArray();
}

}  // namespace

std::string builder_json(const App& app) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "inputs");
    w.StartArray();
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i) {
        w.StartObject();
        json_key(w, "name"); json_put(w, specs[i].name);
        json_key(w, "label"); json_put(w, app.strings.get("input." + std::string(specs[i].name)));
        json_key(w, "group"); json_put(w, specs[i].group);
        w.EndObject();
    }
    w.EndArray();
    auto named = [&](const char* key, const std::vector<std::string>& names, const char* prefix) {
        json_key(w, key);
        w.StartArray();
        for (const auto& name : names) {
            w.StartObject();
            json_key(w, "name"); json_put(w, name);
            json_key(w, "label"); json_put(w, app.strings.get(prefix + name));
            w.EndObject();
        }
        w.EndArray();
    };
    named("groups", lockable_groups(), "builder.lock.");
    named("panels", hideable_panels(), "builder.hide.");
    json_key(w, "lessons");
    w.StartArray();
    for (const auto& l : app.lessons) {
        w.StartObject();
        json_key(w, "id"); json_put(w, l.id);
        json_key(w, "title"); json_put(w, app.strings.get("lesson." + l.id + ".title"));
        w.EndObject();
    }
    w.EndArray();
    json_key(w, "scales");
    w.StartArray();
    for (double s : kScales) json_put_num(w, s);
    w.EndArray();
    // The iframe snippet's title in the language the link opens in.
    json_key(w, "embed_titles");
    w.StartObject();
    for (const char* lang : {"en", "es"}) { json_key(w, lang); json_put(w, text_in_language(lang, "builder.embed_title")); }
    w.EndObject();
    const ShareView v = share_view(app);
    json_key(w, "current");
    w.StartObject();
    json_key(w, "lock"); put_list(w, v.lock);
    json_key(w, "hide"); put_list(w, v.hide);
    json_key(w, "lesson"); json_put(w, v.lesson);
    json_key(w, "lang"); json_put(w, v.lang);
    json_key(w, "theme"); json_put(w, v.theme);
    json_key(w, "scale"); json_put_num(w, v.scale);
    json_key(w, "minimal"); w.Bool(v.minimal);
    w.EndObject();
    json_key(w, "labels");
    w.StartObject();
    for (const auto& [key, text] : app.strings.table)
        if (key.rfind("builder.", 0) == 0) { json_key(w, key); json_put(w, text); }
    for (const char* key : {"settings.theme", "settings.theme.dark", "settings.theme.projector", "settings.language", "lang.en", "lang.es",
                            "settings.scale", "settings.minimal", "group.transmitters", "group.hormones", "group.experiments"}) {
        json_key(w, key);
        json_put(w, app.strings.get(key));
    }
    w.EndObject();
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

std::string scenario_query(const App& app, std::string_view options_json, std::string* query) {
    if (options_json.size() > kMaxOptionsJson) return "options larger than 16 KB";
    rapidjson::Document doc;
    if (!parse_json(options_json, "options", &doc).empty() || !doc.IsObject())
        return "scenario() takes an object such as {lock: [\"thyroid\"], hide: [\"plots\"], lesson: \"tonic_vs_phasic\"}";
    ShareView view = share_view(app);
    std::vector<std::string> seen;
    for (const auto& m : doc.GetObject()) {
        const std::string key(json_view(m.name));
        const rapidjson::Value& v = m.value;
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) return "option " + shown(key) + " is given more than once";
        seen.push_back(key);
        if (key == "lock") {
            if (auto err = read_list(v, "lock", lockable, "control", &view.lock); !err.empty()) return err;
        } else if (key == "hide") {
            if (auto err = read_list(v, "hide", hideable, "panel", &view.hide); !err.empty()) return err;
        } else if (key == "lesson") {
            if (!v.IsString() && !v.IsNull()) return "lesson must be a lesson id or \"\" (none)";
            const std::string id = v.IsString() ? std::string(json_view(v)) : std::string();
            if (!id.empty() && !known_lesson(app, id)) {
                std::string allowed;
                for (const auto& l : app.lessons) allowed += (allowed.empty() ? "" : ", ") + l.id;
                return "unknown lesson \"" + shown(id) + "\"; allowed: " + allowed;
            }
            view.lesson = id;
        } else if (key == "lang") {
            if (!v.IsString() || (json_view(v) != "en" && json_view(v) != "es")) return "lang must be \"en\" or \"es\"";
            view.lang = json_view(v);
        } else if (key == "theme") {
            if (!v.IsString() || (json_view(v) != "dark" && json_view(v) != "projector")) return "theme must be \"dark\" or \"projector\"";
            view.theme = json_view(v);
        } else if (key == "scale") {
            if (!v.IsNumber() || !(v.GetDouble() >= 0.75 && v.GetDouble() <= 2.0)) return "scale must be a number from 0.75 to 2";
            view.scale = v.GetDouble();
        } else if (key == "minimal") {
            if (!v.IsBool()) return "minimal must be true or false";
            view.minimal = v.GetBool();
        } else {
            return "unknown option \"" + shown(key) + "\"; allowed: lock, hide, lesson, lang, theme, scale, minimal";
        }
    }
    *query = share_query(app.inputs, app.preset, view);
    return {};
}

}  // namespace neurodrive::app
