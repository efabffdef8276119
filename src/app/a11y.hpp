// a11y.hpp - what the page's accessible HTML mirror needs: every control with its label, value and
// spoken value text in the current language, which controls are locked, and throttled announcements
// of meaningful changes. Pure C++ (no Emscripten): tested natively; web_bridge.cpp exports it.
#pragma once

#include <string>

#include "assets.hpp"
#include "brain.hpp"
#include "narration.hpp"
#include "settings.hpp"

namespace neurodrive::app {

// What the mirror reads, not the App: built in one place (app.cpp mirror_view).
struct MirrorView {
    const Strings& strings;            // texts and numbers in the UI language ...
    const std::string& strings_lang;   // ... and its code (settings.lang may name one still on its way)
    const Brain& brain;                // the user's brain: its inputs, readouts and preset
    const Brain* compare;              // compare mode's brain, else null
    bool paused;
    const PageSettings& settings;      // theme, the audio monitor, the locks
    SettingValues shared;              // the settings as a link carries them (share_view): the menus' values
    NarrationInput narration;          // what "What's happening" says
};
struct App;
MirrorView mirror_view(const App& app);

// {"title":..,"inputs":[{"name","label","group","value","min","max","valuetext","locked"}],
//  "events":[{"name","label"}],"presets":[{"id","title"}],"preset":..,"paused":b,"summary":..,
//  "narration":[..],"locks":{"presets":b,"events":b,"time":b,"experiments":b,"reset":b},
//  "locked_reason":{"presets":..,"events":..,"time":..,"reset":..} (the error a locked control gives),
//  "theme":..,"lang":..,"labels":{...}}
std::string mirror_json(const MirrorView& v);

// A plain sentence when motivation (the narration's brain) moved by 5 points or more since the last
// announcement (and why), else "". `announced` remembers what was said. The caller throttles how
// often it asks (app.js: at most every 4 s).
std::string take_announcement(Announced& announced, const Strings& strings, const NarrationInput& narration);

}  // namespace neurodrive::app
