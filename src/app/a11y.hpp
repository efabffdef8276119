// a11y.hpp - what the page's accessible HTML mirror needs: every control with its label, value and
// spoken value text in the current language, which controls are locked, and throttled announcements
// of meaningful changes. Pure C++ (no Emscripten): tested natively; web_bridge.cpp exports it.
#pragma once

#include <string>

#include "app.hpp"

namespace neurodrive::app {

// {"title":..,"inputs":[{"name","label","group","value","min","max","valuetext","locked"}],
//  "events":[{"name","label"}],"presets":[{"id","title"}],"preset":..,"paused":b,"summary":..,
//  "narration":[..],"locks":{"presets":b,"events":b,"time":b,"experiments":b,"reset":b},
//  "locked_reason":{"presets":..,"events":..,"time":..,"reset":..} (the error a locked control gives),
//  "theme":..,"lang":..,"labels":{...}}
std::string mirror_json(const App& app);

// A plain sentence when motivation moved by 5 points or more since the last announcement (and why),
// else "". The caller throttles how often it asks (app.js: at most every 4 s).
std::string take_announcement(App& app);

}  // namespace neurodrive::app
