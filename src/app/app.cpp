// app.cpp - app state: init, per-frame model stepping, history, commands and the JSON state used by
// the JS bridge. No SDL, GL or Emscripten. UI building lives in ui.cpp and panel_*.cpp.
#include "app.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "neurodrive/names.hpp"
#include "json_text.hpp"
#include "url_params.hpp"

extern const unsigned char nd_strings_en[];
extern const unsigned long nd_strings_en_size;
extern const unsigned char nd_strings_es[];
extern const unsigned long nd_strings_es_size;
extern const unsigned char nd_references[];
extern const unsigned long nd_references_size;
extern const unsigned char nd_lessons[];
extern const unsigned long nd_lessons_size;
extern const unsigned char nd_geometry[];
extern const unsigned long nd_geometry_size;

namespace neurodrive::app {

void Ring::push(float v) {
    values[static_cast<std::size_t>(head)] = v;
    head = (head + 1) % kHistorySamples;
    count = std::min(count + 1, kHistorySamples);
}

float Ring::at(int i) const {
    const int start = (head - count + kHistorySamples) % kHistorySamples;
    return values[static_cast<std::size_t>((start + i) % kHistorySamples)];
}

void FrameStats::push(float ms, float ui) {
    cpu_ms[static_cast<std::size_t>(head)] = ms;
    ui_ms[static_cast<std::size_t>(head)] = ui;
    head = (head + 1) % static_cast<int>(cpu_ms.size());
    count = std::min(count + 1, static_cast<int>(cpu_ms.size()));
}

namespace {

std::string_view embedded(const unsigned char* data, unsigned long size) {
    return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

void clear_history(App& app) {
    app.da_nac.clear(); app.da_pfc.clear(); app.vta_hz.clear(); app.rpe.clear();
    app.events.clear();
    app.trials.clear();
    app.trials_seen = app.state.trials;
    app.next_sample_s = app.state.time_s;
    app.next_auto_trial_s = app.state.time_s + 1.0;
}

void sample(App& app) {
    app.out = model::outputs(app.state, app.inputs);
    app.da_nac.push(static_cast<float>(app.out.da_nac_nM));
    app.da_pfc.push(static_cast<float>(app.out.da_pfc_nM));
    app.vta_hz.push(static_cast<float>(app.out.vta_rate_hz));
    app.rpe.push(static_cast<float>(app.out.rpe));
    if (std::abs(app.out.rpe) > 0.2) { app.last_phasic_time_s = app.state.time_s; app.last_phasic_rpe = app.out.rpe; }
    if (app.state.trials != app.trials_seen) {
        app.trials_seen = app.state.trials;
        app.trials.push_back({app.state.trials, static_cast<float>(app.state.last_cue_response_hz), static_cast<float>(app.state.last_reward_response_hz)});
        if (app.trials.size() > 200) app.trials.erase(app.trials.begin());
    }
    const double horizon = app.state.time_s - kHistorySamples * kSampleIntervalS;
    app.events.erase(std::remove_if(app.events.begin(), app.events.end(), [&](const EventMark& e) { return e.time_s < horizon; }), app.events.end());
}

}  // namespace

bool init(App& app) {
    app.asset_error = parse_strings(embedded(nd_strings_en, nd_strings_en_size), &app.strings);
    if (app.asset_error.empty()) app.asset_error = parse_geometry(embedded(nd_geometry, nd_geometry_size), &app.geometry);
    if (app.asset_error.empty()) app.asset_error = parse_lessons(embedded(nd_lessons, nd_lessons_size), &app.lessons);
    if (app.asset_error.empty()) app.asset_error = parse_references(embedded(nd_references, nd_references_size), &app.references);
    if (app.asset_error.empty() && !model::builtin_presets().error.empty()) app.asset_error = model::builtin_presets().error;
    app.lesson.done.assign(app.lessons.size(), 0);
    if (!app.asset_error.empty()) return false;
    model::State typical_state = model::make_state(model::Inputs{}, 1);
    model::advance(typical_state, model::Inputs{}, 2.0);
    app.typical = model::outputs(typical_state, model::Inputs{});
    // The ghost markers show a tonic baseline: use noise-free means for the fast readouts.
    app.inputs = model::Inputs{};
    app.state = model::make_state(app.inputs, 1);
    app.out = model::outputs(app.state, app.inputs);
    app.anims.assign(app.geometry.pathways.size(), PathwayAnim{});
    clear_history(app);
    return true;
}

void update(App& app, double real_dt_s) {
    if (!(real_dt_s > 0.0) || app.paused) return;
    advance_sim(app, std::min(real_dt_s, kMaxFrameDtS) * static_cast<double>(app.speed));
}

void advance_sim(App& app, double sim_dt_s) {
    double remaining = std::isfinite(sim_dt_s) ? sim_dt_s : 0.0;
    while (remaining > 1e-9) {
        // Stop at the next history sample or auto trial so both happen at the right simulated time.
        double chunk = std::min(remaining, std::max(app.next_sample_s - app.state.time_s, model::kStepS));
        if (app.auto_trials) chunk = std::min(chunk, std::max(app.next_auto_trial_s - app.state.time_s, model::kStepS));
        model::advance(app.state, app.inputs, chunk);
        remaining -= chunk;
        if (app.auto_trials && app.state.time_s >= app.next_auto_trial_s - 1e-9) {
            fire_event(app, model::Event::Cue);
            app.next_auto_trial_s += kAutoTrialPeriodS;
        }
        if (app.state.time_s >= app.next_sample_s - 1e-9) {
            sample(app);
            app.next_sample_s += kSampleIntervalS;
        }
    }
    app.out = model::outputs(app.state, app.inputs);
    lesson_update(app);
}

void fire_event(App& app, model::Event e) {
    model::apply_event(app.state, e);
    app.event_counts[static_cast<std::size_t>(e)] += 1;
    app.events.push_back({app.state.time_s, e});
}

bool set_preset(App& app, std::string_view id) {
    const model::Preset* p = model::find_preset(id);
    if (!p) return false;
    app.inputs = p->inputs;
    app.preset = p->id;
    return true;
}

void reset_all(App& app) {
    app.inputs = model::Inputs{};
    app.preset = "baseline";
    app.auto_trials = false;
    app.state = model::make_state(app.inputs, 1);
    clear_history(app);
    app.out = model::outputs(app.state, app.inputs);
}

void set_input_value(App& app, std::string_view name, double value) {
    char buf[160];
    if (model::set_input(app.inputs, name, value, buf, sizeof buf).empty()) app.preset = "custom";
}

bool set_language(App& app, std::string_view lang) {
    Strings strings;
    std::string err;
    if (lang == "en") err = parse_strings(embedded(nd_strings_en, nd_strings_en_size), &strings);
    else if (lang == "es") err = parse_strings(embedded(nd_strings_es, nd_strings_es_size), &strings);
    else return false;
    if (!err.empty()) return false;
    app.strings = std::move(strings);
    app.ui.lang = std::string(lang);
    return true;
}

void apply_environment(App& app, std::string_view env) {
    std::size_t start = 0;
    while (start < env.size() && start < 512) {
        std::size_t amp = env.find('&', start);
        if (amp == std::string_view::npos) amp = env.size();
        const std::string_view pair = env.substr(start, amp - start);
        start = amp + 1;
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string_view key = pair.substr(0, eq), value = pair.substr(eq + 1);
        if (key == "lang") set_language(app, value);
        else if (key == "scheme" && value == "light") app.ui.theme = "projector";
        else if (key == "scheme" && value == "dark") app.ui.theme = "dark";
        else if (key == "motion" && value == "reduce") app.ui.reduced_motion = true;
        else if (key == "scale") {
            const auto v = parse_strict_number(value);
            if (v && *v >= 0.75 && *v <= 2.0) app.ui.scale = static_cast<float>(*v);
        }
    }
}

const char* preset_title(const App& app, const model::Preset& p) {
    const auto it = app.strings.table.find("preset." + p.id + ".title");
    return it != app.strings.table.end() ? it->second.c_str() : p.title.c_str();
}

const char* preset_explanation(const App& app, const model::Preset& p) {
    const auto it = app.strings.table.find("preset." + p.id + ".explanation");
    return it != app.strings.table.end() ? it->second.c_str() : p.explanation.c_str();
}

const char* level_word(const App& app, double v) {
    if (v < 0.45) return app.strings.get("level.very_low");
    if (v < 0.85) return app.strings.get("level.low");
    if (v <= 1.15) return app.strings.get("level.typical");
    if (v <= 1.55) return app.strings.get("level.high");
    return app.strings.get("level.very_high");
}

bool is_locked(const App& app, std::string_view name) {
    return std::find(app.ui.lock.begin(), app.ui.lock.end(), name) != app.ui.lock.end();
}

bool is_hidden(const App& app, std::string_view panel) {
    return std::find(app.ui.hide.begin(), app.ui.hide.end(), panel) != app.ui.hide.end();
}

std::string apply_query(App& app, std::string_view query) {
    const UrlConfig c = parse_query(query);
    apply_inputs(c, &app.inputs, &app.preset);
    for (const auto& l : c.lock) if (!is_locked(app, l)) app.ui.lock.push_back(l);
    for (const auto& h : c.hide) if (!is_hidden(app, h)) app.ui.hide.push_back(h);
    if (c.ui == std::string("minimal"))
        for (const char* h : {"plots", "events", "experiments"}) if (!is_hidden(app, h)) app.ui.hide.emplace_back(h);
    if (c.speed) app.speed = static_cast<float>(*c.speed);
    if (c.paused) app.paused = *c.paused;
    if (c.theme) app.ui.theme = *c.theme;
    if (c.lang) set_language(app, *c.lang);
    const bool lesson_ok = !c.lesson || start_lesson(app, *c.lesson);
    if (c.lesson && lesson_ok) app.ui.select_lesson_tab = true;
    std::string r = "{\"ignored\":[";
    const auto q = [](const std::string& t) { return json_quote(t); };
    for (std::size_t i = 0; i < c.ignored.size(); ++i) r += (i ? "," : "") + std::string("{\"name\":") + q(c.ignored[i].name) + ",\"reason\":" + q(c.ignored[i].reason) + "}";
    if (!lesson_ok) r += std::string(c.ignored.empty() ? "" : ",") + "{\"name\":\"lesson\",\"reason\":\"unknown lesson\"}";
    r += "],\"resize\":" + std::string(c.resize.value_or(false) ? "true" : "false");
    r += ",\"persist\":" + std::string(!c.persist ? "null" : *c.persist ? "true" : "false");
    r += ",\"xapi\":" + std::string(c.xapi.value_or(false) ? "true" : "false");
    r += ",\"origins\":[";
    for (std::size_t i = 0; i < c.origins.size(); ++i) r += (i ? "," : "") + q(c.origins[i]);
    r += "],\"lesson\":" + (c.lesson ? q(*c.lesson) : std::string("null")) + "}";
    return r;
}

std::string share_query(const App& app) {
    return neurodrive::app::share_query(app.inputs, app.preset, app.ui.hide, app.ui.lock, app.ui.theme, app.ui.lang);
}

std::string state_json(const App& app) {
    std::string s;
    char buf[96];
    auto num = [&](double v) {
        if (!std::isfinite(v)) return std::string("null");
        std::snprintf(buf, sizeof buf, "%.17g", v);
        return std::string(buf);
    };
    s += "{\"time_s\":" + num(app.state.time_s) + ",\"sim_day\":" + num(app.out.sim_day);
    s += ",\"preset\":\"" + app.preset + "\",\"paused\":" + (app.paused ? "true" : "false") + ",\"speed\":" + num(app.speed);
    s += ",\"auto_trials\":" + std::string(app.auto_trials ? "true" : "false") + ",\"trials\":" + std::to_string(app.state.trials);
    s += ",\"theme\":\"" + app.ui.theme + "\",\"lang\":\"" + app.ui.lang + "\",\"ui_scale\":" + num(app.ui.scale);
    s += ",\"reduced_motion\":" + std::string(app.ui.reduced_motion ? "true" : "false");
    s += ",\"lesson\":" + (app.lesson.lesson >= 0 ? "\"" + app.lessons[static_cast<std::size_t>(app.lesson.lesson)].id + "\"" : std::string("null"));
    s += ",\"lesson_step\":" + std::to_string(app.lesson.step + 1) + ",\"lesson_steps_completed\":" + std::to_string(app.lesson.completed_steps);
    s += ",\"inputs\":{";
    int n = 0;
    const model::InputSpec* in = model::input_specs(&n);
    for (int i = 0; i < n; ++i) s += (i ? ",\"" : "\"") + std::string(in[i].name) + "\":" + num(app.inputs.*(in[i].field));
    s += "},\"outputs\":{";
    const model::OutputSpec* out = model::output_specs(&n);
    for (int i = 0; i < n; ++i) s += (i ? ",\"" : "\"") + std::string(out[i].name) + "\":" + num(app.out.*(out[i].field));
    s += "},\"last_trial\":{\"cue_response_hz\":" + num(app.state.last_cue_response_hz) + ",\"reward_response_hz\":" + num(app.state.last_reward_response_hz) + "}}";
    return s;
}

std::string apply_inputs_json(App& app, std::string_view json) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject()) return "expected an object {name: number, ...}";
    model::Inputs next = app.inputs;
    char buf[160];
    for (const auto& m : doc.GetObject()) {
        const std::string name = m.name.GetString();
        if (!m.value.IsNumber()) return name + " must be a number";
        const std::string_view err = model::set_input(next, name, m.value.GetDouble(), buf, sizeof buf);
        if (!err.empty()) return std::string(err);
    }
    if (doc.MemberCount() > 0) {
        app.inputs = next;
        app.preset = "custom";
    }
    return {};
}

}  // namespace neurodrive::app
