// a11y.cpp - see a11y.hpp. Lock state comes from commands.hpp, the one place that decides it.
#include "a11y.hpp"

#include <cmath>
#include <cstdio>

#include "export.hpp"
#include "json_text.hpp"
#include "narration.hpp"
#include "texts.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"

namespace neurodrive::app {
namespace {

// The page settings the mirror offers (the table's kUserSetting choices and flags), each with its label,
// value and options in the UI language.
void settings_entries(JsonWriter& w, const MirrorView& v) {
    json_key(w, "settings");
    w.StartArray();
    for (const SettingSpec& s : setting_specs()) {
        if (!(s.use & kUserSetting) || (s.type != SettingType::Choice && s.type != SettingType::Flag)) continue;
        w.StartObject();
        json_key(w, "name"); json_put(w, s.name);
        json_key(w, "type"); json_put(w, s.type == SettingType::Flag ? "flag" : "choice");
        json_key(w, "label"); json_put(w, v.strings.get(s.label_key));
        if (s.type == SettingType::Flag) {
            json_key(w, "value"); w.Bool(s.name == "audio" && v.settings.audio);
        } else {
            json_key(w, "value"); json_put(w, setting_text(v.shared, s).value_or(setting_default(s)));
            json_key(w, "options");
            write_choices(w, setting_choices(v.strings, s));
        }
        w.EndObject();
    }
    w.EndArray();
}

// Every input as a range control: its label, value, range, spoken value and whether it is locked.
void input_entries(JsonWriter& w, const MirrorView& v) {
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    char buf[256];
    w.StartArray();
    for (int i = 0; i < n; ++i) {
        const std::string name(specs[i].name);
        const bool level = specs[i].kind == model::InputKind::Level;
        const double value = v.brain.inputs.*(specs[i].field);
        const std::string label = v.strings.get("input." + name);
        if (level) format_into(buf, v.strings.number, v.strings.get("a11y.value"), label.c_str(), value * 100.0, level_word(v.strings, value));
        else format_into(buf, v.strings.number, v.strings.get("a11y.manip_value"), label.c_str(), value * 100.0);
        w.StartObject();
        json_key(w, "name"); json_put(w, name);
        json_key(w, "label"); json_put(w, label);
        json_key(w, "group"); json_put(w, level ? "level" : "manipulation");
        json_key(w, "value"); json_put_num(w, value);
        json_key(w, "min"); json_put_num(w, specs[i].min);
        json_key(w, "max"); json_put_num(w, specs[i].max);
        json_key(w, "valuetext"); json_put(w, buf);
        json_key(w, "locked"); w.Bool(!input_lock_error(v.settings.lock, name).empty());
        w.EndObject();
    }
    w.EndArray();
}

// One named thing of a list (an event, a preset): {"<id_key>":id,"<label_key>":label}.
void named_entry(JsonWriter& w, const char* id_key, std::string_view id, const char* label_key, std::string_view label) {
    w.StartObject();
    json_key(w, id_key); json_put(w, id);
    json_key(w, label_key); json_put(w, label);
    w.EndObject();
}

void event_entries(JsonWriter& w, const Strings& strings) {
    w.StartArray();
    for (const char* e : {"cue", "reward", "omit"}) named_entry(w, "name", e, "label", strings.get(std::string("event.") + e));
    w.EndArray();
}

void preset_entries(JsonWriter& w, const Strings& strings) {
    w.StartArray();
    for (const auto& p : io::builtin_presets().presets) named_entry(w, "id", p.id, "title", preset_title(strings, p));
    w.EndArray();
}

// What each group of mirror controls may do now ("locks"), and the error it would give: the reason a
// locked control gives (its tooltip), in the UI language, naming the lock= that does it ("locked_reason").
void lock_entries(JsonWriter& w, const Strings& strings, const std::vector<std::string>& locks) {
    const char* groups[] = {"presets", "events", "time", "experiments"};
    const bool presets_locked = !lock_error(locks, "presets").empty();
    const bool reset_locked = presets_locked || !lock_error(locks, "time").empty();
    auto locked = [&](const char* group) { return strings.format("a11y.locked", std::string("lock=") + group); };
    json_key(w, "locks");
    w.StartObject();
    for (const char* g : groups) { json_key(w, g); w.Bool(!lock_error(locks, g).empty()); }
    json_key(w, "reset"); w.Bool(reset_locked);
    w.EndObject();
    json_key(w, "locked_reason");
    w.StartObject();
    for (const char* g : groups) { json_key(w, g); json_put(w, lock_error(locks, g).empty() ? std::string() : locked(g)); }
    json_key(w, "reset");
    json_put(w, reset_locked ? locked(presets_locked ? "presets" : "time") : std::string());
    w.EndObject();
}

void export_entries(JsonWriter& w, const Strings& strings) {
    w.StartArray();
    for (const ExportKind& k : export_kinds()) {
        w.StartObject();
        json_key(w, "kind"); json_put(w, k.kind);
        json_key(w, "picture"); w.Bool(k.picture);
        json_key(w, "label"); json_put(w, strings.get("page.export." + std::string(k.kind)));
        w.EndObject();
    }
    w.EndArray();
}

// The page's own texts in the UI language: a few under short names, the rest under their strings key.
void label_entries(JsonWriter& w, const Strings& strings) {
    w.StartObject();
    const std::pair<const char*, const char*> named[] = {
        {"events", "a11y.events"}, {"presets", "a11y.presets"}, {"play", "time.play"}, {"pause", "time.pause"},
        {"reset", "reset.all"}, {"custom", "preset.custom"}};
    for (const auto& [key, string_key] : named) { json_key(w, key); json_put(w, strings.get(string_key)); }
    for (const char* key : {"page.fullscreen", "page.fullscreen_denied", "page.copy_this_link", "page.ignored.one", "page.ignored.many",
                            "page.ignored.unknown", "page.ignored.rest", "page.origin_off", "page.stored_damaged", "page.start_fresh",
                            "page.start_fresh.tip", "page.started_fresh", "page.persist_shared", "page.settings", "scene.button",
                            "page.export", "page.export.tip", "page.exported", "compare.label", "compare.off", "builder.button", "builder.button.tip",
                            "page.language_failed", "page.dismiss"}) {
        json_key(w, key);
        json_put(w, strings.get(key));
    }
    w.EndObject();
}

}  // namespace

std::string mirror_json(const MirrorView& v) {
    rapidjson::StringBuffer out;
    JsonWriter w(out);
    w.StartObject();
    json_key(w, "title"); json_put(w, v.strings.get("a11y.controls"));
    json_key(w, "inputs"); input_entries(w, v);
    json_key(w, "events"); event_entries(w, v.strings);
    json_key(w, "presets"); preset_entries(w, v.strings);
    json_key(w, "preset"); json_put(w, v.brain.preset);
    json_key(w, "compare"); json_put(w, v.compare ? v.compare->preset : "off");  // the mirror's Compare with list
    json_key(w, "paused"); w.Bool(v.paused);
    char buf[256];
    const model::Outputs& o = v.brain.out;
    format_into(buf, v.strings.number, v.strings.get("a11y.summary"), o.motivation, o.da_nac_nM, o.da_pfc_nM, o.vta_rate_hz);
    json_key(w, "summary"); json_put(w, buf);
    json_key(w, "narration");
    w.StartArray();
    for (const auto& s : narrate(v.strings, v.narration)) json_put(w, s);
    w.EndArray();
    lock_entries(w, v.strings, v.settings.lock);
    json_key(w, "theme"); json_put(w, v.settings.theme);
    json_key(w, "audio"); w.Bool(v.settings.audio);
    settings_entries(w, v);
    json_key(w, "exports"); export_entries(w, v.strings);
    json_key(w, "labels"); label_entries(w, v.strings);
    json_key(w, "lang"); json_put(w, v.strings_lang);  // the language shown (settings.lang may be on its way)
    w.EndObject();
    return {out.GetString(), out.GetSize()};
}

std::string take_announcement(Announced& announced, const Strings& strings, const NarrationInput& narration) {
    const double now = narration.out->motivation;
    if (!std::isfinite(announced.motivation)) { announced.motivation = now; return {}; }
    const double before = announced.motivation;
    if (std::abs(now - before) < 5.0) return {};
    announced.motivation = now;
    char buf[160];
    format_into(buf, strings.number, strings.get(now > before ? "a11y.announce.up" : "a11y.announce.down"), before, now);
    std::string text = buf;
    const auto sentences = narrate(strings, narration);
    if (sentences.size() > 1) text += " " + sentences[1];
    return text;
}

}  // namespace neurodrive::app
