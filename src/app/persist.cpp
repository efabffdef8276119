// persist.cpp - see persist.hpp. Which settings are kept, their types and errors come from the settings
// table; applying them goes through the app's apply_settings.
#include "persist.hpp"

#include <cmath>
#include <unordered_set>

#include "commands.hpp"
#include "json_text.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"

namespace neurodrive::app {
namespace {

bool stored(const SettingSpec& spec) { return (spec.use & kStored) && spec.name != "preset"; }

// One stored setting from its JSON value: a number for a Number setting, a string for the others.
std::string read_stored(SettingValues& v, const SettingSpec& spec, const rapidjson::Value& value) {
    if (spec.type == SettingType::Number && value.IsNumber()) return set_setting(v, spec.name, format_exact(value.GetDouble()));
    if (spec.type != SettingType::Number && value.IsString()) return set_setting(v, spec.name, json_view(value));
    return setting_error(spec);
}

void read_inputs(App& app, const rapidjson::Value& inputs, Choices* restored, std::vector<Ignored>* ignored) {
    if (!inputs.IsObject()) { ignored->push_back({"inputs", "not an object"}); return; }
    for (const auto& in : inputs.GetObject()) {
        const std::string_view name = json_view(in.name);
        const model::InputSpec* spec = name.find('\0') == std::string_view::npos ? model::find_input(name) : nullptr;
        char buf[160];
        model::Inputs probe = app.brain.inputs;
        if (!spec || !in.value.IsNumber() || !model::set_input(probe, name, in.value.GetDouble(), buf, sizeof buf).empty()) {
            ignored->push_back({spec ? std::string(spec->name) : std::string("inputs.") + std::string(name.substr(0, 40)), "not a known input with a number in range"});
            continue;
        }
        set_input_value(app, name, in.value.GetDouble());
        restored->inputs.*(spec->field) = in.value.GetDouble();
        restored->preset = app.brain.preset;
    }
}

bool has_repeated_key(const rapidjson::Value& v) {
    if (!v.IsObject()) return false;
    std::unordered_set<std::string_view> keys;
    for (const auto& m : v.GetObject())
        if (!keys.insert(json_view(m.name)).second) return true;
    return false;
}

}  // namespace

Choices choices_of(std::string_view preset, const model::Inputs& inputs, const SettingValues& shared, bool hint_done) {
    Choices c;
    c.preset = std::string(preset);
    c.inputs = inputs;
    // Every kStored setting (the shared view holds them all but the hint, which a link never carries).
    for (const SettingSpec& spec : setting_specs())
        if (stored(spec)) copy_setting(c.values, shared, spec);
    if (hint_done) c.values.hint = "done";
    return c;
}

void persist_begin(Persistence& p, const Choices& now, const Choices& restored) {
    p.saved = restored;
    p.seen = now;
    p.last_record = stored_record(p.saved);
}

void persist_sync(Persistence& p, const Choices& now) {
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    if (now.preset != p.seen.preset) {
        p.saved.preset = now.preset;
        // Choosing a preset (or Reset all) chooses every input: nothing a host set earlier stays behind.
        if (io::find_preset(now.preset)) p.saved.inputs = now.inputs;
    }
    for (int i = 0; i < n; ++i) {
        const auto field = specs[i].field;
        if (now.inputs.*field != p.seen.inputs.*field) p.saved.inputs.*field = now.inputs.*field;
    }
    for (const SettingSpec& spec : setting_specs())
        if (stored(spec) && setting_text(now.values, spec) != setting_text(p.seen.values, spec)) copy_setting(p.saved.values, now.values, spec);
    p.seen = now;
}

void persist_absorb(Persistence& p, const Choices& now) { p.seen = now; }

std::string stored_record(const Choices& saved) {
    const io::Preset* preset = io::find_preset(saved.preset);
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "v");
    w.Int(1);
    bool any = false;
    if (preset && preset->id != setting_default("preset")) { json_key(w, "preset"); json_put(w, preset->id); any = true; }
    const auto changed = changed_inputs(saved.inputs, saved.preset);
    if (!changed.empty()) {
        json_key(w, "inputs");
        w.StartObject();
        for (const auto& [spec, v] : changed) { json_key(w, spec->name); json_put_num(w, v); }
        w.EndObject();
        any = true;
    }
    for (const SettingSpec& spec : setting_specs()) {
        const auto text = stored(spec) ? setting_text(saved.values, spec) : std::nullopt;
        if (!text) continue;
        json_key(w, spec.name);
        if (spec.type == SettingType::Number) json_put_num(w, *(saved.values.*(spec.number)));
        else json_put(w, *text);
        any = true;
    }
    w.EndObject();
    return any ? std::string(buf.GetString(), buf.GetSize()) : std::string();
}

std::string persist_tick_json(const PersistTick& t) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "changed"); w.Bool(t.changed);
    json_key(w, "record"); json_put(w, t.record);
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

PersistTick persist_tick(Persistence& p, const Choices& now) {
    persist_sync(p, now);
    PersistTick t;
    t.record = stored_record(p.saved);
    t.changed = t.record != p.last_record;
    p.last_record = t.record;
    return t;
}

std::vector<Ignored> apply_stored(App& app, std::string_view text, Choices* restored) {
    std::vector<Ignored> ignored;
    *restored = Choices{};
    if (text.size() > kMaxStoredBytes) return {{"(saved state)", "longer than " + std::to_string(kMaxStoredBytes) + " characters"}};
    rapidjson::Document doc;
    if (!parse_json(text, "saved state", &doc).empty() || !doc.IsObject()) return {{"(saved state)", "not a saved NeuroDrive state"}};
    // A key given twice (at the top or among the inputs) refuses the whole record, as in a message:
    // which one would count is a guess, and each repeat could re-run a weeks-long settle.
    if (has_repeated_key(doc) || (doc.HasMember("inputs") && has_repeated_key(doc["inputs"]))) return {{"(saved state)", "a key is given more than once"}};
    const auto v = doc.FindMember("v");
    if (v == doc.MemberEnd() || !v->value.IsInt() || v->value.GetInt() != 1) return {{"(saved state)", "unknown version"}};
    // Pass 1: preset (the inputs are relative to it); pass 2: everything else.
    const auto preset = doc.FindMember("preset");
    if (preset != doc.MemberEnd()) {
        if (preset->value.IsString() && io::find_preset(json_view(preset->value)) && set_preset(app, json_view(preset->value))) restored->preset = app.brain.preset;
        else ignored.push_back({"preset", setting_error(*find_setting("preset"))});
    }
    restored->inputs = preset_inputs(restored->preset);
    for (const auto& m : doc.GetObject()) {
        const std::string_view key = json_view(m.name);
        const SettingSpec* spec = find_setting(key);
        if (key == "v" || key == "preset") continue;
        if (key == "inputs") read_inputs(app, m.value, restored, &ignored);
        else if (!spec || !stored(*spec)) ignored.push_back({shown(key), "not something NeuroDrive stores"});
        else if (std::string err = read_stored(restored->values, *spec, m.value); !err.empty()) ignored.push_back({std::string(spec->name), err});
    }
    apply_settings(app, restored->values);
    const SettingValues applied = choices_now(app).values;  // what was applied, in the app's own terms
    for (const SettingSpec& spec : setting_specs())
        if (stored(spec) && setting_text(restored->values, spec)) copy_setting(restored->values, applied, spec);
    return ignored;
}

}  // namespace neurodrive::app
