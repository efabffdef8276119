// scenario.cpp - see scenario.hpp. Validates every option against the settings table (its kBuilder
// settings) and the lessons, and writes the link through share_query(), the share link's one writer.
#include "scenario.hpp"

#include <algorithm>

#include "json_text.hpp"
#include "texts.hpp"
#include "url_params.hpp"
#include "neurodrive/names.hpp"

namespace neurodrive::app {
namespace {

bool known_lesson(const ScenarioView& now, std::string_view id) {
    return std::any_of(now.lessons.begin(), now.lessons.end(), [&](const Lesson& l) { return l.id == id; });
}

void put_list(JsonWriter& w, const std::vector<std::string>& list) {
    w.StartArray();
    for (const auto& s : list) json_put(w, s);
    w.EndArray();
}

// A list option: an array of distinct known names (duplicates are kept once), checked by the table.
std::string read_list(const rapidjson::Value& v, const SettingSpec& spec, SettingValues* view) {
    const std::string option(spec.name);
    if (!v.IsArray()) return option + " must be an array of names";
    if (v.Size() > kMaxListItems) return option + " takes at most " + std::to_string(kMaxListItems) + " names";
    std::vector<std::string>& list = view->*(spec.list);
    list.clear();
    for (const auto& item : v.GetArray()) {
        if (!item.IsString()) return option + " must be an array of names";
        const std::string_view name = json_view(item);
        SettingValues probe;
        if (name.find(',') != std::string_view::npos || !set_setting(probe, spec, name).empty())
            return std::string(spec.error) + " \"" + shown(name) + "\" in " + option;
        if (std::find(list.begin(), list.end(), name) == list.end()) list.emplace_back(name);
    }
    return {};
}

// The lesson option: a lesson id, or "" / null for none.
std::string read_lesson(const ScenarioView& now, const rapidjson::Value& v, SettingValues* view) {
    if (!v.IsString() && !v.IsNull()) return "lesson must be a lesson id or \"\" (none)";
    const std::string id = v.IsString() ? std::string(json_view(v)) : std::string();
    if (!id.empty() && !known_lesson(now, id)) {
        std::string allowed;
        for (const auto& l : now.lessons) allowed += (allowed.empty() ? "" : ", ") + l.id;
        return "unknown lesson \"" + shown(id) + "\"; allowed: " + allowed;
    }
    view->lesson = id;
    return {};
}

// One builder option (a setting the table marks kBuilder; "minimal" is ui=minimal as true or false).
std::string read_option(const ScenarioView& now, std::string_view key, const rapidjson::Value& v, SettingValues* view) {
    if (key == "minimal") {
        if (!v.IsBool()) return "minimal must be true or false";
        view->ui = v.GetBool() ? "minimal" : "full";
        return {};
    }
    const SettingSpec* spec = find_setting(key);
    if (!spec || !(spec->use & kBuilder) || key == "ui") {
        std::string allowed;
        for (const SettingSpec& s : setting_specs())
            if (s.use & kBuilder) allowed += (allowed.empty() ? "" : ", ") + std::string(s.name == "ui" ? "minimal" : s.name);
        return "unknown option \"" + shown(key) + "\"; allowed: " + allowed;
    }
    if (spec->type == SettingType::List) return read_list(v, *spec, view);
    if (key == "lesson") return read_lesson(now, v, view);
    const bool number = spec->type == SettingType::Number;
    if (number ? !v.IsNumber() : !v.IsString()) return std::string(key) + " " + setting_error(*spec);
    const std::string text = number ? format_exact(v.GetDouble()) : std::string(json_view(v));
    if (std::string err = set_setting(*view, key, text); !err.empty()) return std::string(key) + " " + err;
    return {};
}

// Every input with its label and group, and the groups' labels: what a link may lock.
void put_inputs(JsonWriter& w, const ScenarioView& now) {
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    json_key(w, "inputs");
    w.StartArray();
    for (int i = 0; i < n; ++i) {
        w.StartObject();
        json_key(w, "name"); json_put(w, specs[i].name);
        json_key(w, "label"); json_put(w, now.strings.get("input." + std::string(specs[i].name)));
        json_key(w, "group"); json_put(w, specs[i].group);
        w.EndObject();
    }
    w.EndArray();
    json_key(w, "input_groups");
    w.StartArray();
    for (const InputGroup& g : input_groups()) {
        w.StartObject();
        json_key(w, "name"); json_put(w, g.name);
        json_key(w, "label"); json_put(w, now.strings.get(g.title_key));
        w.EndObject();
    }
    w.EndArray();
}

// [{"name":..,"label":<strings[prefix + name]>}, ...] under `key`.
void put_named(JsonWriter& w, const ScenarioView& now, const char* key, const std::vector<std::string>& names, const char* prefix) {
    json_key(w, key);
    w.StartArray();
    for (const auto& name : names) {
        w.StartObject();
        json_key(w, "name"); json_put(w, name);
        json_key(w, "label"); json_put(w, now.strings.get(std::string(prefix) + name));
        w.EndObject();
    }
    w.EndArray();
}

void put_lessons(JsonWriter& w, const ScenarioView& now) {
    json_key(w, "lessons");
    w.StartArray();
    for (const auto& l : now.lessons) {
        w.StartObject();
        json_key(w, "id"); json_put(w, l.id);
        json_key(w, "title"); json_put(w, now.strings.get("lesson." + l.id + ".title"));
        w.EndObject();
    }
    w.EndArray();
}

// The iframe snippet's title in the language the link opens in; null for a language whose strings the
// page has not fetched (app.js reads the title from that language's file).
void put_embed_titles(JsonWriter& w) {
    json_key(w, "embed_titles");
    w.StartObject();
    for (const Language& l : languages()) {
        json_key(w, l.code);
        if (strings_available(l.code)) json_put(w, text_in_language(l.code, "builder.embed_title"));
        else w.Null();
    }
    w.EndObject();
}

// The view the dialog starts from: the current one.
void put_current(JsonWriter& w, const ScenarioView& now) {
    const SettingValues& v = now.shared;
    json_key(w, "current");
    w.StartObject();
    json_key(w, "lock"); put_list(w, v.lock);
    json_key(w, "hide"); put_list(w, v.hide);
    json_key(w, "lesson"); json_put(w, v.lesson.value_or(""));
    json_key(w, "lang"); json_put(w, *v.lang);
    json_key(w, "theme"); json_put(w, *v.theme);
    json_key(w, "scale"); json_put_num(w, *v.scale);
    json_key(w, "minimal"); w.Bool(v.ui == "minimal");
    w.EndObject();
}

// The dialog's texts: every builder.* string and the labels of the settings it offers.
void put_labels(JsonWriter& w, const ScenarioView& now) {
    json_key(w, "labels");
    w.StartObject();
    for (const auto& [key, text] : now.strings.table)
        if (key.rfind("builder.", 0) == 0) { json_key(w, key); json_put(w, text); }
    for (const SettingSpec& s : setting_specs())
        if ((s.use & kBuilder) && !s.label_key.empty()) { json_key(w, s.label_key); json_put(w, now.strings.get(s.label_key)); }
    w.EndObject();
}

}  // namespace

std::string builder_json(const ScenarioView& now) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    put_inputs(w, now);
    put_named(w, now, "groups", lockable_groups(), "builder.lock.");
    put_named(w, now, "panels", hideable_panels(), "builder.hide.");
    // The choices of the view settings, named as the menus name them.
    json_key(w, "themes"); write_choices(w, setting_choices(now.strings, *find_setting("theme")));
    json_key(w, "languages"); write_choices(w, setting_choices(now.strings, *find_setting("lang")));
    put_lessons(w, now);
    json_key(w, "scales");
    w.StartArray();
    for (double s : find_setting("scale")->steps) json_put_num(w, s);
    w.EndArray();
    put_embed_titles(w);
    put_current(w, now);
    put_labels(w, now);
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

std::string scenario_query(const ScenarioView& now, std::string_view options_json, std::string* query) {
    if (options_json.size() > kMaxJsonBytes) return "options larger than " + std::to_string(kMaxJsonBytes / 1024) + " KB";
    rapidjson::Document doc;
    if (!parse_json(options_json, "options", &doc).empty() || !doc.IsObject())
        return "scenario() takes an object such as {lock: [\"thyroid\"], hide: [\"plots\"], lesson: \"tonic_vs_phasic\"}";
    SettingValues view = now.shared;
    std::vector<std::string> seen;
    for (const auto& m : doc.GetObject()) {
        const std::string key(json_view(m.name));
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) return "option " + shown(key) + " is given more than once";
        seen.push_back(key);
        if (std::string err = read_option(now, key, m.value, &view); !err.empty()) return err;
    }
    *query = share_query(now.inputs, now.preset, view);
    return {};
}

}  // namespace neurodrive::app
