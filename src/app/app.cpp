// app.cpp - app state: init, per-frame model stepping and history, commands, lessons and lab wrappers,
// and the JSON state used by the JS bridge. No SDL, GL, ImGui or Emscripten. UI building lives in
// ui.cpp and panel_*.cpp.
//
// Index
//   [SECTION] Embedded data
//   [SECTION] Frame: init, update, advance
//   [SECTION] Commands
//   [SECTION] Text helpers
//   [SECTION] Views: what each module below reads of the App (built here only)
//   [SECTION] Lessons and lab
//   [SECTION] Query strings and JSON state
#include "app.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "a11y.hpp"
#include "colors.hpp"
#include "describe.hpp"
#include "export.hpp"
#include "json_text.hpp"
#include "neurodrive/experiments.hpp"
#include "neurodrive/names.hpp"
#include "persist.hpp"
#include "scenario.hpp"
#include "url_params.hpp"

namespace neurodrive::app {

namespace {

void restart_history(App& app) {
    history_clear(app.brain.history, app.brain.state.time_s);
    app.next_auto_trial_s = app.brain.state.time_s + 1.0;
}

void restart_both(App& app, std::string preset, model::Inputs inputs);

// The input changed by the user or a preset; what narration names first.
// A preset held at its place on the hormone clock (an SSRI's first days) stops holding once the inputs
// are no longer the preset's, or when a lesson step asks for days to pass.
bool clock_should_run(const App& app) {
    if (!changed_inputs(app.brain.inputs, app.brain.preset).empty() || !io::find_preset(app.brain.preset)) return true;
    if (app.lesson.lesson < 0 || app.lesson.phase == LessonPhase::Predict) return false;
    for (const LessonCheck& c : app.lessons[static_cast<std::size_t>(app.lesson.lesson)].steps[static_cast<std::size_t>(app.lesson.step)].checks)
        if (c.kind == LessonCheck::Kind::WaitDays) return true;
    return false;
}
void release_held_clock(App& app) {
    const bool run = clock_should_run(app);
    each_brain(app, [&](Brain& b) { if (run) b.state.hold_slow_clock = false; });
}

void note_change(App& app, const model::Inputs& before) {
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i)
        if (before.*(specs[i].field) != app.brain.inputs.*(specs[i].field)) app.last_changed = std::string(specs[i].name);
}

}  // namespace

// [SECTION] Frame: init, update, advance -----------------------------------------------------------------
bool init(App& app) {
    // The tables first: the strings of the default language, then every data file.
    for (const std::string* table_error : {&builtin_colors().error, &io::builtin_presets().error})
        if (app.asset_error.empty()) app.asset_error = *table_error;
    if (app.asset_error.empty()) app.asset_error = load_strings(app.settings.lang, &app.strings);
    app.strings_lang = app.settings.lang;
    if (app.asset_error.empty()) app.asset_error = parse_geometry(embedded_asset("geometry"), &app.geometry);
    if (app.asset_error.empty()) app.asset_error = parse_lessons(embedded_asset("lessons"), &app.lessons);
    if (const std::string_view refs = embedded_asset("references"); app.asset_error.empty() && !refs.empty()) {
        app.asset_error = parse_references(refs, &app.references);
        app.references_load = ReferencesLoad::Loaded;
    }
    app.lesson.done.assign(app.lessons.size(), 0);
    app.lesson.resume.assign(app.lessons.size(), 0);
    if (!app.asset_error.empty()) return false;
    // The typical brain, for ghost markers and narration: steady readouts with the fast ones averaged.
    app.typical = model::steady_outputs(model::Inputs{});
    app.brain.inputs = model::Inputs{};
    brain_start(app.brain, app.geometry.pathways.size());
    restart_history(app);
    return true;
}

namespace {
// FNV-1a over what the screen shows apart from the running simulation.
std::uint64_t ui_signature(const App& app) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix_bytes = [&](const void* data, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) { h ^= b[i]; h *= 1099511628211ull; }
    };
    auto mix_str = [&](const std::string& s) { mix_bytes(s.data(), s.size()); };
    mix_bytes(&app.brain.inputs, sizeof app.brain.inputs);
    mix_bytes(&app.brain.state.time_s, sizeof app.brain.state.time_s);
    if (app.compare.has_value()) mix_bytes(&app.compare->inputs, sizeof app.compare->inputs);
    const int flags[] = {app.paused, app.auto_trials, app.ui.settings_open, app.ui.shortcuts_open, app.ui.about_open, app.settings.minimal,
                         app.settings.reduced_motion, app.settings.audio, app.ui.start_hint, app.lesson.lesson, app.lesson.step,
                         static_cast<int>(app.lesson.phase), app.lesson.choice, app.ui.lab_choice, static_cast<int>(app.evidence.size()), app.ui.start_hint_done, app.ui.scroll_to_highlight, app.compare.has_value(),
                         static_cast<int>(app.ui.phone_tab), static_cast<int>(app.ui.controls_tab), app.ui.side_controls, app.ui.lab_evidence};
    mix_bytes(flags, sizeof flags);
    mix_bytes(&app.speed, sizeof app.speed);
    mix_bytes(&app.settings.scale, sizeof app.settings.scale);
    mix_bytes(&app.ui.page_tools_w, sizeof app.ui.page_tools_w);
    mix_bytes(&app.ui.page_tools_h, sizeof app.ui.page_tools_h);
    mix_bytes(app.brain.history.event_counts.data(), sizeof app.brain.history.event_counts);  // an event while paused is shown
    mix_str(app.settings.theme);
    mix_str(app.settings.lang);
    mix_str(app.strings_lang);  // a language's strings arrive after it was chosen
    mix_str(app.brain.preset);
    mix_str(app.lab.experiment);
    return h;
}
}  // namespace

bool needs_frame(const App& app, bool input) {
    const bool evidence_pending = app.ui.evidence_visible && app.evidence.size() < model::finding_specs().size();
    bool need = input || app.frames < 3 || app.drawn.relayout || !app.drawn.actions.empty() || app.settle_frames > 0
                || ui_signature(app) != app.drawn_signature || app.clock_s < app.ui.highlight_until_s || evidence_pending;
    if (!app.paused) need = need || !app.settings.reduced_motion || app.clock_s - app.last_drawn_clock_s >= 0.1;
    return need;
}

void frame_drawn(App& app, DrawnFrame frame, bool input) {
    app.drawn = std::move(frame);
    app.drawn_signature = ui_signature(app);
    app.last_drawn_clock_s = app.clock_s;
    app.settle_frames = input ? 3 : std::max(app.settle_frames - 1, 0);  // hover states and releases take a few frames to show
    // A reveal scrolls on three drawn frames of the sliders, so it lands at the same place however the
    // frames fall (the list's height is known only after a frame with the new tab).
    if (app.drawn.controls_drawn && app.ui.scroll_to_highlight > 0) --app.ui.scroll_to_highlight;
}

void update(App& app, double real_dt_s) {
    // What the last drawn frame asked for, in order (each through its command).
    std::vector<Action> actions;
    actions.swap(app.drawn.actions);
    for (const Action& act : actions) act(app);
    if (!(real_dt_s > 0.0)) return;
    // A frame slower than kMaxFrameDtS (a stall, a hidden tab) skips the rest: said in the clock.
    if (real_dt_s > kMaxFrameDtS && !app.paused) app.skipped_time_s += (real_dt_s - kMaxFrameDtS) * static_cast<double>(app.speed);
    const double dt = std::min(real_dt_s, kMaxFrameDtS);
    app.clock_s += dt;
    // The evidence table is checked one finding per frame once it has been on screen (each takes ms).
    if (app.drawn.evidence_shown) app.ui.evidence_visible = true;
    if (app.ui.evidence_visible && app.evidence.size() < model::finding_specs().size())
        app.evidence.push_back(model::finding_specs()[app.evidence.size()].check(model::Params{}));
    if (app.paused) return;
    release_held_clock(app);
    const double sim_dt = dt * static_cast<double>(app.speed);
    advance_sim(app, sim_dt);
    each_brain(app, [&](Brain& b) { schematic_advance(b.anim, app.geometry, b.out, b.inputs, static_cast<float>(sim_dt), app.settings.reduced_motion); });
}

void advance_sim(App& app, double sim_dt_s) {
    double remaining = std::isfinite(sim_dt_s) ? sim_dt_s : 0.0;
    const Brain& first = app.brain;  // its clock and history set the chunks; compare mode's brain follows in step
    while (remaining > 1e-9) {
        // Stop at the next history sample or auto trial so both happen at the right simulated time.
        double chunk = std::min(remaining, std::max(first.history.next_sample_s - first.state.time_s, model::kStepS));
        if (app.auto_trials) chunk = std::min(chunk, std::max(app.next_auto_trial_s - first.state.time_s, model::kStepS));
        each_brain(app, [&](Brain& b) { model::advance(b.state, b.inputs, chunk); });  // same chunks: the clocks stay equal
        remaining -= chunk;
        if (app.auto_trials && first.state.time_s >= app.next_auto_trial_s - 1e-9) {
            fire_event(app, model::Event::Cue);
            app.next_auto_trial_s += kAutoTrialPeriodS;
        }
        if (first.state.time_s >= first.history.next_sample_s - 1e-9) {
            each_brain(app, brain_sample);
            if (app.compare) app.compare->history.audio = AudioEvents{};  // the audio monitor plays the first brain only
            lesson_update(app.lesson, app.lessons, lesson_view(app));
        }
    }
    each_brain(app, [](Brain& b) { b.out = model::outputs(b.state, b.inputs); });
    lesson_update(app.lesson, app.lessons, lesson_view(app));
}

// [SECTION] Commands -------------------------------------------------------------------------------------
void fire_event(App& app, model::Event e) {
    // Omit with no trial running starts one: its cue is recorded too.
    if (e == model::Event::Omit && app.brain.out.trial_time_s < 0.0) fire_event(app, model::Event::Cue);
    each_brain(app, [e](Brain& b) { brain_event(b, e); });  // the same event reaches every brain at the same moment
}

bool set_preset(App& app, std::string_view id) {
    const io::Preset* p = io::find_preset(id);
    if (!p) return false;
    const model::Inputs before = app.brain.inputs;
    app.brain.inputs = p->inputs;
    app.brain.preset = p->id;
    note_change(app, before);
    // A preset at its place on the hormone clock (an SSRI's first days, or after weeks) runs its days and
    // holds the clock there until an input changes (note_change releases it).
    if (p->hold_day > 0.0) {
        app.brain.state.hold_slow_clock = false;
        advance_sim(app, p->hold_day / app.brain.state.params.days_per_s);
        app.brain.state.hold_slow_clock = true;
    }
    // Reveal and briefly highlight the sliders it changed.
    app.ui.highlight.clear();
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i)
        if (app.brain.inputs.*(specs[i].field) != specs[i].typical) app.ui.highlight.emplace_back(specs[i].name);
    app.ui.highlight_until_s = app.clock_s + 4.0;
    app.ui.scroll_to_highlight = 0;
    if (!app.ui.highlight.empty()) reveal_inputs(app);
    return true;
}

void reset_all(App& app) {
    app.brain.inputs = model::Inputs{};
    app.brain.preset = "baseline";
    app.auto_trials = false;
    app.last_changed.clear();
    if (app.compare.has_value()) {  // both brains restart together (the second keeps its scenario)
        restart_both(app, app.compare->preset, app.compare->inputs);
        return;
    }
    brain_start(app.brain, app.geometry.pathways.size());
    restart_history(app);
}

void compare_start(App& app, const CompareSpec& spec) {
    std::string preset;
    const model::Inputs inputs = compare_inputs(spec, &preset);
    restart_both(app, preset, inputs);
}

namespace {
void restart_both(App& app, std::string preset, model::Inputs inputs) {
    Brain second;
    second.preset = std::move(preset);
    second.inputs = inputs;
    app.compare = std::move(second);
    each_brain(app, [&](Brain& b) { brain_start(b, app.geometry.pathways.size()); });
    // A scenario held for days (an SSRI after weeks) settles first; both settle as long, so the
    // clocks stay equal (a brain already settled just stays where it is).
    double hold_day = 0.0;
    each_brain(app, [&](Brain& b) {
        if (const io::Preset* p = io::find_preset(b.preset)) hold_day = std::max(hold_day, p->hold_day);
    });
    if (hold_day > 0.0) {
        advance_sim(app, hold_day / app.brain.state.params.days_per_s);
        each_brain(app, [](Brain& b) { b.state.hold_slow_clock = true; });
    }
    restart_history(app);
    history_clear(app.compare->history, app.compare->state.time_s);
}
}  // namespace

void compare_stop(App& app) { app.compare.reset(); }

std::string scenario_title(const App& app, std::string_view preset, const model::Inputs& inputs) {
    const io::Preset* p = io::find_preset(preset);
    if (!p) return app.strings.get("preset.custom");
    const std::string title = preset_title(app, *p);
    return changed_inputs(inputs, preset).empty() ? title : app.strings.format("compare.changed", title);
}

void set_input_value(App& app, std::string_view name, double value) {
    char buf[160];
    const model::Inputs before = app.brain.inputs;
    if (model::set_input(app.brain.inputs, name, value, buf, sizeof buf).empty() && before.*(model::find_input(name)->field) != value) {
        app.brain.preset = "custom";
        app.last_changed = std::string(name);
    }
}

bool set_language(App& app, std::string_view asked) {
    const std::string lang = match_language(asked);
    if (lang.empty()) return false;
    if (!strings_available(lang)) {
        app.settings.lang = lang;
        if (app.language_wanted != lang) {
            app.language_wanted = lang;
            if (app.request_language) app.request_language(lang);
        }
        return true;
    }
    Strings strings;
    if (!load_strings(lang, &strings).empty()) return false;
    app.strings = std::move(strings);
    app.strings_lang = app.settings.lang = lang;
    app.language_wanted.clear();
    return true;
}

std::string language_arrived(App& app, std::string_view lang, const std::string_view* json, std::string_view error) {
    std::string err = json ? provide_strings(lang, *json) : std::string(error);
    if (app.language_wanted != lang) return err;  // another language was chosen meanwhile
    app.language_wanted.clear();
    if (err.empty() && set_language(app, lang)) return {};
    app.settings.lang = app.strings_lang;  // the language shown stays, and the setting says so
    return err.empty() ? "strings: " + std::string(lang) + ".json could not be used" : err;
}

void want_references(App& app) {
    if (app.references_load == ReferencesLoad::Wanted || app.references_load == ReferencesLoad::Loaded || !app.request_references) return;
    app.references_load = ReferencesLoad::Wanted;
    app.request_references();
}

std::string references_arrived(App& app, const std::string_view* json, std::string_view error) {
    std::vector<Reference> refs;
    std::string err = json ? parse_references(*json, &refs) : std::string(error);
    if (err.empty() && refs.empty()) err = "references.json holds no reference";
    if (!err.empty()) {
        app.references_load = ReferencesLoad::Failed;
        app.references_error = err;
        return err;
    }
    app.references = std::move(refs);
    app.references_load = ReferencesLoad::Loaded;
    app.references_error.clear();
    return {};
}

void apply_environment(App& app, std::string_view env) { apply_settings(app, parse_query(env, kFromEnv).values); }

// [SECTION] Text helpers ---------------------------------------------------------------------------------
const char* preset_title(const App& app, const io::Preset& p) { return preset_title(app.strings, p); }
const char* preset_explanation(const App& app, const io::Preset& p) { return tr_or(app, "preset." + p.id + ".explanation", p.explanation); }

const char* tr_or(const App& app, const std::string& key, std::string_view english) { return tr_or(app.strings, key, english); }

std::string setting_value_label(const App& app, const SettingSpec& spec, std::string_view value) { return setting_value_label(app.strings, spec, value); }

std::vector<std::pair<std::string, std::string>> setting_choices(const App& app, const SettingSpec& spec) { return setting_choices(app.strings, spec); }

const char* level_word(const App& app, double v) { return level_word(app.strings, v); }

bool input_highlighted(const App& app, std::string_view name) {
    return app.clock_s < app.ui.highlight_until_s && std::find(app.ui.highlight.begin(), app.ui.highlight.end(), name) != app.ui.highlight.end();
}

bool lesson_wants_input(const App& app, std::string_view name) {
    const LessonStep* s = lesson_current_step(app.lesson, app.lessons);
    if (!s || app.lesson.phase == LessonPhase::Result) return false;
    for (const auto& c : s->checks) if (c.kind == LessonCheck::Kind::Input && c.name == name) return true;
    return false;
}

void reveal_inputs(App& app) {
    app.ui.scroll_to_highlight = 3;
    if (is_hidden(app, "experiments")) return;  // no manipulations tab: the levels are shown
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i)
        if (input_highlighted(app, specs[i].name) || lesson_wants_input(app, specs[i].name))
            app.ui.controls_tab = specs[i].kind == model::InputKind::Manipulation ? ControlsTab::Manipulations : ControlsTab::Levels;
}

bool is_locked(const App& app, std::string_view name) { return is_locked(app.settings.lock, name); }

bool is_hidden(const App& app, std::string_view panel) {
    if (app.settings.minimal && (panel == "plots" || panel == "events" || panel == "experiments")) return true;
    return std::find(app.settings.hide.begin(), app.settings.hide.end(), panel) != app.settings.hide.end();
}

NarrationInput narration_input(const App& app) {
    NarrationInput in;
    in.inputs = &app.brain.inputs;
    in.out = &app.brain.out;
    in.typical = &app.typical;
    in.event = app.brain.history.key_event;
    in.event_age_s = app.brain.state.time_s - app.brain.history.key_event_time_s;
    in.last_changed = app.last_changed;
    if (app.compare.has_value()) {
        in.compare_inputs = &app.compare->inputs;
        in.compare_out = &app.compare->out;
        in.title_a = scenario_title(app, app.brain.preset, app.brain.inputs);
        in.title_b = scenario_title(app, app.compare->preset, app.compare->inputs);
    }
    return in;
}

// [SECTION] Views: what each module below reads of the App (built here only) --------------------------------
MirrorView mirror_view(const App& app) {
    return {app.strings, app.strings_lang, app.brain, app.compare ? &*app.compare : nullptr, app.paused, app.settings, share_view(app), narration_input(app)};
}

SceneView scene_view(const App& app) { return {app.strings, narration_input(app), app.brain.preset, app.lesson, app.lessons}; }

ScenarioView scenario_view(const App& app) { return {app.strings, app.lessons, share_view(app), app.brain.inputs, app.brain.preset}; }

Choices choices_now(const App& app) { return choices_of(app.brain.preset, app.brain.inputs, share_view(app), app.ui.start_hint_done); }

// [SECTION] Lessons and lab ------------------------------------------------------------------------------
LessonView lesson_view(const App& app) {
    LessonView v;
    v.inputs = &app.brain.inputs;
    v.out = &app.brain.out;
    v.time_s = app.brain.state.time_s;
    v.sim_day = app.brain.out.sim_day;
    v.trials = static_cast<int>(app.brain.out.trials);
    v.event_counts = app.brain.history.event_counts;
    v.lab_experiment = app.lab.experiment;
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    v.lab_current = !app.lab.experiment.empty();
    for (int i = 0; i < n && v.lab_current; ++i) v.lab_current = app.lab.inputs.*(specs[i].field) == app.brain.inputs.*(specs[i].field);
    return v;
}

bool start_lesson(App& app, std::string_view id) { return lesson_start(app.lesson, app.lessons, id, lesson_view(app)); }
void lesson_choose(App& app, int option) { lesson_choose(app.lesson, option); }
void lesson_lock(App& app) {
    lesson_lock(app.lesson, lesson_view(app));
    reveal_inputs(app);  // the sliders the step asks to move
}
void lesson_next(App& app) { lesson_next(app.lesson, app.lessons, lesson_view(app)); }
void lesson_back(App& app) { lesson_back(app.lesson); }
void lesson_reset_progress(App& app) { lesson_reset_progress(app.lesson, app.lessons); }

void run_lab(App& app, int index) {
    const auto& specs = model::experiment_specs();
    if (index < 0 || index >= static_cast<int>(specs.size())) return;
    app.lab = run_lab(specs[static_cast<std::size_t>(index)], app.brain.inputs);
    lesson_update(app.lesson, app.lessons, lesson_view(app));
}

std::string lesson_record(const App& app, std::string_view id) {
    for (std::size_t i = 0; i < app.lessons.size(); ++i)
        if (app.lessons[i].id == id) return lesson_record(app.lesson, app.lessons, static_cast<int>(i));
    return {};
}
std::string lesson_restore(App& app, std::string_view record) { return lesson_restore(app.lesson, app.lessons, record); }

std::string lesson_events_json(const App& app, long long from) { return lesson_events_json(app.lesson, app.lessons, app.strings, app.strings_lang, from); }
std::string lessons_json(const App& app) { return lessons_json(app.lesson, app.lessons, app.strings); }

// [SECTION] Query strings and JSON state ---------------------------------------------------------------
void apply_settings(App& app, const SettingValues& v) {
    for (const auto& l : v.lock) if (!is_locked(app, l)) app.settings.lock.push_back(l);
    for (const auto& h : v.hide) if (!is_hidden(app, h)) app.settings.hide.push_back(h);
    if (v.ui) app.settings.minimal = *v.ui == "minimal";
    if (v.speed) app.speed = static_cast<float>(*v.speed);
    if (v.paused) app.paused = *v.paused;
    // A light preference chooses the light theme for projectors; a theme given with it wins.
    if (v.scheme) app.settings.theme = *v.scheme == "light" ? "projector" : setting_default("theme");
    if (v.theme) app.settings.theme = *v.theme;
    if (v.motion) app.settings.reduced_motion = true;
    if (v.scale) app.settings.scale = static_cast<float>(*v.scale);
    if (v.audio) app.settings.audio = *v.audio;
    if (v.lang) set_language(app, *v.lang);
    if (v.hint) app.ui.start_hint_done = true;
    std::string error;
    if (v.compare)
        if (const auto spec = parse_compare(*v.compare, &error)) compare_start(app, *spec);
}

std::string apply_query(App& app, std::string_view query) {
    const UrlConfig c = parse_query(query);
    const SettingValues& v = c.values;
    apply_inputs(c, &app.brain.inputs, &app.brain.preset);
    apply_settings(app, v);
    const bool lesson_ok = !v.lesson || start_lesson(app, *v.lesson);
    return query_report_json(c, lesson_ok);
}

SettingValues share_view(const App& app) {
    SettingValues view;
    view.hide = app.settings.hide;
    view.lock = app.settings.lock;
    view.theme = app.settings.theme;
    view.lang = app.settings.lang;
    view.scale = static_cast<double>(app.settings.scale);
    view.ui = app.settings.minimal ? "minimal" : "full";
    if (app.lesson.lesson >= 0) view.lesson = app.lessons[static_cast<std::size_t>(app.lesson.lesson)].id;
    if (app.compare.has_value()) view.compare = compare_text(app.compare->inputs, app.compare->preset);
    return view;
}

std::string share_query(const App& app) { return neurodrive::app::share_query(app.brain.inputs, app.brain.preset, share_view(app)); }

std::string state_json(const App& app) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    int n_in = 0, n_out = 0;
    const model::InputSpec* in = model::input_specs(&n_in);
    const model::OutputSpec* out = model::output_specs(&n_out);
    auto put_values = [&](const Brain& b) {  // a brain's "inputs" and "outputs", by the registries
        json_key(w, "inputs"); json_put_fields(w, in, n_in, b.inputs);
        json_key(w, "outputs"); json_put_fields(w, out, n_out, b.out);
    };
    w.StartObject();
    json_key(w, "time_s"); json_put_num(w, app.brain.state.time_s);
    json_key(w, "skipped_s"); json_put_num(w, app.skipped_time_s);  // simulated time stalls skipped (the clock line says it)
    json_key(w, "sim_day"); json_put_num(w, app.brain.out.sim_day);
    json_key(w, "preset"); json_put(w, app.brain.preset);
    json_key(w, "paused"); w.Bool(app.paused);
    json_key(w, "speed"); json_put_num(w, app.speed);
    json_key(w, "auto_trials"); w.Bool(app.auto_trials);
    json_key(w, "trials"); w.Int(static_cast<int>(app.brain.out.trials));
    json_key(w, "theme"); json_put(w, app.settings.theme);
    json_key(w, "lang"); json_put(w, app.settings.lang);
    json_key(w, "ui_scale"); json_put_num(w, app.settings.scale);
    json_key(w, "minimal"); w.Bool(app.settings.minimal);
    json_key(w, "audio"); w.Bool(app.settings.audio);
    json_key(w, "reduced_motion"); w.Bool(app.settings.reduced_motion);
    json_key(w, "lesson");
    if (app.lesson.lesson >= 0) json_put(w, app.lessons[static_cast<std::size_t>(app.lesson.lesson)].id); else w.Null();
    json_key(w, "lesson_step"); w.Int(app.lesson.step + 1);
    json_key(w, "lesson_steps_completed"); w.Int(app.lesson.completed_steps);
    json_key(w, "key_event"); json_put(w, key_event_name(app.brain.history.key_event));
    json_key(w, "key_event_age_s"); json_put_num(w, app.brain.state.time_s - app.brain.history.key_event_time_s);
    put_values(app.brain);
    json_key(w, "last_trial");
    w.StartObject();
    json_key(w, "cue_response_hz"); json_put_num(w, app.brain.out.last_cue_response_hz);
    json_key(w, "reward_response_hz"); json_put_num(w, app.brain.out.last_reward_response_hz);
    w.EndObject();
    // Compare mode's second brain: its scenario (the value of compare= that restores it) and readouts.
    json_key(w, "compare");
    if (app.compare.has_value()) {
        const Brain& b = *app.compare;
        w.StartObject();
        json_key(w, "scenario"); json_put(w, compare_text(b.inputs, b.preset));
        json_key(w, "preset"); json_put(w, b.preset);
        json_key(w, "title"); json_put(w, scenario_title(app, b.preset, b.inputs));
        json_key(w, "time_s"); json_put_num(w, b.state.time_s);
        put_values(b);
        w.EndObject();
    } else {
        w.Null();
    }
    w.EndObject();
    return buf.GetString();
}

std::string export_json(const App& app, std::string_view kind) {
    const auto& kinds = export_kinds();
    const auto it = std::find_if(kinds.begin(), kinds.end(), [&](const ExportKind& k) { return k.kind == kind; });
    ExportInfo info;
    const io::Preset* p = io::find_preset(app.brain.preset);
    info.scenario = p ? preset_title(app, *p) : app.strings.get("preset.custom");
    for (const auto& [spec, v] : changed_inputs(app.brain.inputs, app.brain.preset)) {
        char b[64];
        std::snprintf(b, sizeof b, "%s=%g", std::string(spec->name).c_str(), v);
        info.changed += (info.changed.empty() ? "" : ", ") + std::string(b);
    }
    info.time_s = app.brain.state.time_s;
    info.version = ND_VERSION;
    const bool picture = it != kinds.end() && it->picture;
    // The picture shows both brains in compare mode: its caption names the second (the CSV data is A's).
    if (picture && app.compare.has_value())
        info.scenario = "A: " + info.scenario + ", B: " + scenario_title(app, app.compare->preset, app.compare->inputs);
    std::string text;
    if (kind == "signals") text = export_signals_csv(app.brain.history, info);
    else if (kind == "trials") text = export_trials_csv(app.brain.history, info);
    else if (kind == "lab") text = export_lab_csv(app.lab, info);
    else if (picture) text = export_caption(info);
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "ok"); w.Bool(!text.empty());
    if (text.empty()) {
        std::string allowed;
        for (std::size_t i = 0; i < kinds.size(); ++i) allowed += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + std::string(kinds[i].kind);
        json_key(w, "error");
        json_put(w, kind == "lab" ? "no lab results yet: run an experiment first" : "export kind must be " + allowed);
    } else {
        json_key(w, "name"); json_put(w, export_file_name(p ? p->id : "custom", picture ? "view" : std::string(kind), app.brain.state.time_s, std::string(it->ext)));
        json_key(w, "text"); json_put(w, text);
        if (picture) {  // the caption band in the theme's colours
            const Theme* theme = find_theme(app.settings.theme);
            json_key(w, "background"); json_put(w, theme ? css_color(theme->background) : "");
            json_key(w, "color"); json_put(w, theme ? css_color(theme->text) : "");
        }
    }
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

std::string ui_state_text(const UiState& u) {
    std::string highlight;
    for (const std::string& h : u.highlight) highlight += h + ",";
    char buf[640];
    std::snprintf(buf, sizeof buf,
                  "dialogs %d %d %d, hint %d %d, announced %.17g %.17g, tabs %d %d %d, lab %d %d, highlight [%s] %.17g %d, evidence %d, "
                  "full view %d, page tools %g %g, font %g %g %s",
                  u.settings_open, u.shortcuts_open, u.about_open, u.start_hint, u.start_hint_done, u.announced.motivation, u.announced.key_event_s,
                  static_cast<int>(u.phone_tab), static_cast<int>(u.controls_tab), u.side_controls, u.lab_choice, u.lab_evidence, highlight.c_str(),
                  u.highlight_until_s, u.scroll_to_highlight, u.evidence_visible, u.open_full_view_requested, static_cast<double>(u.page_tools_w),
                  static_cast<double>(u.page_tools_h), static_cast<double>(u.font_px), static_cast<double>(u.font_dpr), u.font_lang.c_str());
    return buf;
}

std::string take_audio_json(App& app) {
    AudioEvents& audio = app.brain.history.audio;
    std::string json = audio_json(audio, {app.settings.audio, app.brain.state.time_s, static_cast<double>(app.speed), app.paused});
    audio = AudioEvents{};
    return json;
}

}  // namespace neurodrive::app
