// commands.cpp - see commands.hpp. Checks first, then changes through the app's primitives
// (set_input_value, set_preset, reset_all, fire_event, run_lab), so a refused command changes nothing.
#include "commands.hpp"

#include <cmath>
#include <cstdio>

#include "json_text.hpp"
#include "neurodrive/experiments.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"

namespace neurodrive::app {
namespace {

const std::string kTooMany = "at most " + std::to_string(kMaxInputsPerCall) + " inputs in one call";

}  // namespace

std::string lock_error(const App& app, std::string_view what) { return lock_error(app.settings.lock, what); }


std::string input_lock_error(const App& app, std::string_view name) { return input_lock_error(app.settings.lock, name); }


std::string cmd_set_inputs(App& app, const std::vector<std::pair<std::string, double>>& values) {
    if (values.size() > kMaxInputsPerCall) return kTooMany;
    model::Inputs next = app.brain.inputs;
    char buf[160];
    for (const auto& [name, value] : values) {
        if (name.find('\0') != std::string::npos) return "input names must not contain NUL characters (got \"" + shown(name) + "\")";
        const model::InputSpec* spec = model::find_input(name);
        if (!spec) {
            const std::string_view err = model::set_input(next, name, value, buf, sizeof buf);  // names the allowed inputs
            return err.empty() ? "unknown input \"" + shown(name) + "\"" : std::string(err);
        }
        if (!std::isfinite(value)) return std::string(spec->name) + " must be a finite number";
        const std::string_view err = model::set_input(next, name, value, buf, sizeof buf);
        if (!err.empty()) return std::string(err);
        if (std::string lock = input_lock_error(app, name); !lock.empty()) return lock;  // even to the same value
    }
    for (const auto& [name, value] : values) set_input_value(app, name, value);
    return {};
}

std::string cmd_set_input(App& app, std::string_view name, double value) {
    return cmd_set_inputs(app, {{std::string(name), value}});
}

std::string cmd_set_inputs_json(App& app, std::string_view json) {
    if (json.size() > kMaxJsonBytes) return "inputs larger than " + std::to_string(kMaxJsonBytes / 1024) + " KB";
    rapidjson::Document doc;
    if (!parse_json(json, "inputs", &doc).empty()) return "expected an object {name: number, ...}";
    return cmd_set_inputs_object(app, doc);
}

std::string cmd_set_inputs_object(App& app, const rapidjson::Value& doc) {
    if (!doc.IsObject()) return "expected an object {name: number, ...}";
    std::vector<std::pair<std::string, double>> values;
    for (const auto& m : doc.GetObject()) {
        const std::string_view name = json_view(m.name);
        if (name.find('\0') != std::string_view::npos) return "input names must not contain NUL characters (got \"" + shown(name) + "\")";
        if (!m.value.IsNumber()) return shown(name) + " must be a number";
        if (values.size() >= kMaxInputsPerCall) return kTooMany;
        values.emplace_back(std::string(name), m.value.GetDouble());
    }
    return cmd_set_inputs(app, values);
}

std::string cmd_preset(App& app, std::string_view id) {
    if (std::string lock = lock_error(app, "presets"); !lock.empty()) return lock;
    const io::Preset* p = io::find_preset(id);
    if (!p) {
        std::string allowed;
        for (const auto& q : io::builtin_presets().presets) allowed += (allowed.empty() ? "" : ", ") + q.id;
        return "unknown preset \"" + shown(id) + "\"; allowed: " + allowed;
    }
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i) {
        if (p->inputs.*(specs[i].field) == app.brain.inputs.*(specs[i].field)) continue;
        if (std::string lock = input_lock_error(app, specs[i].name); !lock.empty()) return lock + "; preset " + p->id + " would change it";
    }
    set_preset(app, p->id);
    return {};
}

std::string cmd_reset(App& app) {
    for (const char* group : {"presets", "time"})
        if (std::string lock = lock_error(app, group); !lock.empty()) return lock;
    // Locked inputs keep their values: Reset all restarts everything the page lets the user change.
    std::vector<std::pair<std::string, double>> kept;
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i)
        if (!input_lock_error(app, specs[i].name).empty()) kept.emplace_back(std::string(specs[i].name), app.brain.inputs.*(specs[i].field));
    reset_all(app);
    for (const auto& [name, value] : kept) set_input_value(app, name, value);
    return {};
}

std::string compare_error(const App& app, std::string_view spec) {
    // Turning compare on restarts both brains together, as Reset all does, and chooses a scenario, as a
    // preset does: refused when the page fixed the clock or the scenario (the locks of Reset all).
    if (std::string lock = lock_error(app, "time"); !lock.empty()) return lock + "; compare mode restarts the clock";
    if (std::string lock = lock_error(app, "presets"); !lock.empty()) return lock + "; compare mode chooses a scenario and restarts the clock";
    if (spec.empty() || spec == "off") return {};
    std::string error;
    const auto parsed = parse_compare(spec, &error);
    if (!parsed) return "compare: " + error;
    // Brain B may not differ from brain A in a locked input (lock=experiments: any manipulation).
    std::string preset;
    const model::Inputs b = compare_inputs(*parsed, &preset);
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i) {
        if (b.*(specs[i].field) == app.brain.inputs.*(specs[i].field)) continue;
        if (std::string lock = input_lock_error(app, specs[i].name); !lock.empty()) return lock + "; compare " + shown(spec) + " would change it";
    }
    return {};
}

std::string cmd_compare(App& app, std::string_view spec) {
    if (std::string err = compare_error(app, spec); !err.empty()) return err;
    if (spec.empty() || spec == "off") { compare_stop(app); return {}; }
    std::string error;
    compare_start(app, *parse_compare(spec, &error));
    return {};
}

std::string cmd_event(App& app, std::string_view name) {
    const auto e = model::parse_event(name);
    if (!e) return "unknown event \"" + shown(name) + "\"; allowed: cue, reward, omit";
    if (std::string lock = lock_error(app, "events"); !lock.empty()) return lock;
    fire_event(app, *e);
    return {};
}

std::string cmd_auto_trials(App& app, bool on) {
    if (std::string lock = lock_error(app, "events"); !lock.empty()) return lock;
    if (on && !app.auto_trials) app.next_auto_trial_s = app.brain.state.time_s + 0.2;
    app.auto_trials = on;
    return {};
}

std::string cmd_pause(App& app) {
    if (std::string lock = lock_error(app, "time"); !lock.empty()) return lock;
    app.paused = true;
    return {};
}

std::string cmd_play(App& app) {
    if (std::string lock = lock_error(app, "time"); !lock.empty()) return lock;
    app.paused = false;
    return {};
}

std::string cmd_toggle_pause(App& app) { return app.paused ? cmd_play(app) : cmd_pause(app); }

std::string cmd_step(App& app, double sim_s) {
    if (std::string lock = lock_error(app, "time"); !lock.empty()) return lock;
    if (!app.paused) return "step works while paused";
    if (!std::isfinite(sim_s) || sim_s <= 0.0 || sim_s > 10.0) return "step must be a number of seconds above 0 and at most 10";
    advance_sim(app, sim_s);
    return {};
}

std::string cmd_speed(App& app, double speed) {
    if (std::string err = setting_number_error("speed", speed); !err.empty()) return "speed " + err;
    if (std::string lock = lock_error(app, "time"); !lock.empty()) return lock;
    app.speed = static_cast<float>(speed);
    return {};
}

std::string cmd_run_experiment(App& app, int index) {
    if (std::string lock = lock_error(app, "experiments"); !lock.empty()) return lock;
    const int count = static_cast<int>(model::experiment_specs().size());
    if (index < 0 || index >= count) return "experiment must be a number from 0 to " + std::to_string(count - 1);
    run_lab(app, index);
    return {};
}

std::string cmd_theme(App& app, std::string_view theme) {
    SettingValues v;
    if (std::string err = set_setting(v, "theme", theme); !err.empty()) return "theme " + err;
    app.settings.theme = *v.theme;
    return {};
}

std::string cmd_language(App& app, std::string_view lang) {
    SettingValues v;
    if (std::string err = set_setting(v, "lang", lang); !err.empty() || !set_language(app, lang)) return "language " + setting_error(*find_setting("lang"));
    return {};
}

std::string cmd_scale(App& app, double scale) {
    if (std::string err = setting_number_error("scale", scale); !err.empty()) return "text size " + err;
    app.settings.scale = static_cast<float>(scale);
    return {};
}

std::string cmd_audio(App& app, bool on) {
    app.settings.audio = on;
    return {};
}

std::string cmd_simple_view(App& app, bool on) {
    app.settings.minimal = on;
    return {};
}

std::string cmd_reduced_motion(App& app, bool on) {
    app.settings.reduced_motion = on;
    return {};
}

std::string cmd_setting(App& app, std::string_view name, std::string_view value) {
    const SettingSpec* spec = find_setting(name);
    if (!spec || !(spec->use & kUserSetting)) {
        std::string allowed;
        for (const SettingSpec& s : setting_specs())
            if (s.use & kUserSetting) allowed += (allowed.empty() ? "" : ", ") + std::string(s.name);
        return "unknown setting; allowed: " + allowed;
    }
    if (name == "theme") return cmd_theme(app, value);
    if (name == "lang") return cmd_language(app, value);
    if (name == "scale") return cmd_scale(app, parse_strict_number(value).value_or(std::nan("")));
    const auto on = parse_flag(value);
    return on ? cmd_audio(app, *on) : "audio " + setting_error(*spec);
}

}  // namespace neurodrive::app
