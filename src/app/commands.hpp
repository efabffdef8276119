// commands.hpp - the one place that decides whether a change is allowed: every way an input,
// preset, event, time control or experiment can change (ImGui panels, keyboard shortcuts, the
// accessible mirror, the JS API, postMessage) calls these. Each returns "" when it was applied, or
// one line naming why not (the lock, the bad name or value); a refused command changes nothing.
// Pure C++: no ImGui, SDL or Emscripten.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidjson/document.h>

#include "app.hpp"

namespace neurodrive::app {

// Locks (URL lock=): inputs by name, and the groups of settings.hpp lockable_groups().
// "" when `what` may change, else e.g. "thyroid is locked by the page that embeds NeuroDrive (lock=thyroid)".
std::string lock_error(const App& app, std::string_view what);
// The lock that keeps the input `name` as it is ("" when it may change): its own, or "experiments"
// for a manipulation.
std::string input_lock_error(const App& app, std::string_view name);
// (The same two decisions from the page's locks alone: settings.hpp.)

// Sets inputs atomically: every name known, every value a finite number in range, no locked input
// among them - else nothing changes.
std::string cmd_set_inputs(App& app, const std::vector<std::pair<std::string, double>>& values);
std::string cmd_set_input(App& app, std::string_view name, double value);
// {"name": number, ...} (JSON text, at most kMaxJsonBytes; names read with their full length, so a NUL
// inside a name is refused rather than cutting it short).
std::string cmd_set_inputs_json(App& app, std::string_view json);
// The same for an object already parsed (a host message's "inputs").
std::string cmd_set_inputs_object(App& app, const rapidjson::Value& object);

// A preset is refused when presets are locked or when it would change a locked input.
std::string cmd_preset(App& app, std::string_view id);
// Back to the healthy baseline, history cleared (refused under lock=presets or lock=time). Locked
// inputs keep their values.
std::string cmd_reset(App& app);

// Compare mode: "off" or "" stops it; else a compare value (url_params.hpp: "hypothyroid",
// "thyroid:0.4", "chronic_stress,dopamine:0.8") starts it - both brains restart together, so it is
// refused under lock=time and lock=presets (the locks of Reset all), and a second brain that differs
// from the first in a locked input (lock=thyroid; lock=experiments: any manipulation) is refused.
std::string cmd_compare(App& app, std::string_view spec);
// What cmd_compare would refuse, without changing anything ("" = allowed): the canvas greys out such choices.
std::string compare_error(const App& app, std::string_view spec);

std::string cmd_event(App& app, std::string_view name);   // "cue" | "reward" | "omit"
std::string cmd_auto_trials(App& app, bool on);

std::string cmd_pause(App& app);
std::string cmd_play(App& app);
std::string cmd_toggle_pause(App& app);
std::string cmd_step(App& app, double sim_s);               // while paused: advance 0 < sim_s <= 10 s
std::string cmd_speed(App& app, double speed);              // the range of the settings table

std::string cmd_run_experiment(App& app, int index);        // the lab (lock=experiments)

// Page settings the user chooses (never locked), checked against the settings table: theme, language,
// text size, the audio monitor; cmd_setting takes any of them by name as text (the mirror's settings).
std::string cmd_theme(App& app, std::string_view theme);
std::string cmd_language(App& app, std::string_view lang);
std::string cmd_scale(App& app, double scale);
std::string cmd_audio(App& app, bool on);
std::string cmd_simple_view(App& app, bool on);     // ui=minimal: no plots, events or manipulations
std::string cmd_reduced_motion(App& app, bool on);  // calm motion
std::string cmd_setting(App& app, std::string_view name, std::string_view value);

}  // namespace neurodrive::app
