// persist.cpp - see persist.hpp.
#include "persist.hpp"

#include <cmath>
#include <unordered_set>

#include "commands.hpp"
#include "json_text.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"

namespace neurodrive::app {
namespace {

const model::Inputs& base_inputs(std::string_view preset) {
    static const model::Inputs typical{};
    const io::Preset* p = io::find_preset(preset);
    return p ? p->inputs : typical;
}

bool has_repeated_key(const rapidjson::Value& v) {
    if (!v.IsObject()) return false;
    std::unordered_set<std::string_view> keys;
    for (const auto& m : v.GetObject())
        if (!keys.insert(json_view(m.name)).second) return true;
    return false;
}

}  // namespace

Choices choices_now(const App& app) {
    Choices c;
    c.preset = app.preset;
    c.inputs = app.inputs;
    c.theme = app.ui.theme;
    c.lang = app.ui.lang;
    c.scale = static_cast<double>(app.ui.scale);
    c.hint_done = app.ui.start_hint_done;
    c.compare = app.compare.on ? compare_text(app.compare.inputs, app.compare.preset) : "";
    return c;
}

void persist_begin(Persistence& p, const App& app, const Choices& restored) {
    p.saved = restored;
    p.seen = choices_now(app);
    p.last_record = stored_record(p.saved);
}

void persist_sync(Persistence& p, const App& app) {
    const Choices now = choices_now(app);
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
    if (now.theme != p.seen.theme) p.saved.theme = now.theme;
    if (now.lang != p.seen.lang) p.saved.lang = now.lang;
    if (now.scale != p.seen.scale) p.saved.scale = now.scale;
    if (now.hint_done != p.seen.hint_done) p.saved.hint_done = now.hint_done;
    if (now.compare != p.seen.compare) p.saved.compare = now.compare;
    p.seen = now;
}

void persist_absorb(Persistence& p, const App& app) { p.seen = choices_now(app); }

std::string stored_record(const Choices& saved) {
    const io::Preset* preset = io::find_preset(saved.preset);
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "v");
    w.Int(1);
    bool any = false;
    if (preset && preset->id != "baseline") { json_key(w, "preset"); json_put(w, preset->id); any = true; }
    const auto changed = changed_inputs(saved.inputs, saved.preset);
    if (!changed.empty()) {
        json_key(w, "inputs");
        w.StartObject();
        for (const auto& [spec, v] : changed) { json_key(w, spec->name); json_put_num(w, v); }
        w.EndObject();
        any = true;
    }
    if (!saved.theme.empty()) { json_key(w, "theme"); json_put(w, saved.theme); any = true; }
    if (!saved.lang.empty()) { json_key(w, "lang"); json_put(w, saved.lang); any = true; }
    if (saved.scale > 0.0) { json_key(w, "scale"); json_put_num(w, saved.scale); any = true; }
    if (saved.hint_done) { json_key(w, "hint"); json_put(w, "done"); any = true; }
    if (!saved.compare.empty()) { json_key(w, "compare"); json_put(w, saved.compare); any = true; }
    w.EndObject();
    return any ? std::string(buf.GetString(), buf.GetSize()) : std::string();
}

PersistTick persist_tick(Persistence& p, const App& app) {
    persist_sync(p, app);
    PersistTick t;
    t.record = stored_record(p.saved);
    t.changed = t.record != p.last_record;
    p.last_record = t.record;
    return t;
}

std::vector<Ignored> apply_stored(App& app, std::string_view text, Choices* restored) {
    std::vector<Ignored> ignored;
    *restored = Choices{};
    if (text.size() > kMaxStoredText) return {{"(saved state)", "longer than 4096 characters"}};
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
        if (preset->value.IsString() && io::find_preset(json_view(preset->value)) && set_preset(app, json_view(preset->value))) restored->preset = app.preset;
        else ignored.push_back({"preset", "unknown preset"});
    }
    restored->inputs = base_inputs(restored->preset);
    for (const auto& m : doc.GetObject()) {
        const std::string_view key = json_view(m.name);
        if (key == "v" || key == "preset") continue;
        if (key == "inputs") {
            if (!m.value.IsObject()) { ignored.push_back({"inputs", "not an object"}); continue; }
            for (const auto& in : m.value.GetObject()) {
                const std::string_view name = json_view(in.name);
                const model::InputSpec* spec = name.find('\0') == std::string_view::npos ? model::find_input(name) : nullptr;
                char buf[160];
                model::Inputs probe = app.inputs;
                if (!spec || !in.value.IsNumber() || !model::set_input(probe, name, in.value.GetDouble(), buf, sizeof buf).empty()) {
                    ignored.push_back({spec ? std::string(spec->name) : std::string("inputs.") + std::string(name.substr(0, 40)), "not a known input with a number in range"});
                    continue;
                }
                set_input_value(app, name, in.value.GetDouble());
                restored->inputs.*(spec->field) = in.value.GetDouble();
                restored->preset = app.preset;
            }
        } else if (key == "theme") {
            if (m.value.IsString() && cmd_theme(app, json_view(m.value)).empty()) restored->theme = app.ui.theme;
            else ignored.push_back({"theme", "must be dark or projector"});
        } else if (key == "lang") {
            if (m.value.IsString() && cmd_language(app, json_view(m.value)).empty()) restored->lang = app.ui.lang;
            else ignored.push_back({"lang", "must be en or es"});
        } else if (key == "scale") {
            if (m.value.IsNumber() && cmd_scale(app, m.value.GetDouble()).empty()) restored->scale = static_cast<double>(app.ui.scale);
            else ignored.push_back({"scale", "must be a number from 0.75 to 2"});
        } else if (key == "compare") {
            std::string error;
            const auto spec = m.value.IsString() ? parse_compare(json_view(m.value), &error) : std::nullopt;
            if (spec) { compare_start(app, *spec); restored->compare = compare_text(app.compare.inputs, app.compare.preset); }
            else ignored.push_back({"compare", m.value.IsString() ? error : "not a compare value such as \"hypothyroid\""});
        } else if (key == "hint") {
            if (m.value.IsString() && json_view(m.value) == "done") restored->hint_done = app.ui.start_hint_done = true;
            else ignored.push_back({"hint", "must be \"done\""});
        } else {
            std::string shown;
            for (char c : key.substr(0, 40)) shown += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
            ignored.push_back({shown, "not something NeuroDrive stores"});
        }
    }
    return ignored;
}

}  // namespace neurodrive::app
