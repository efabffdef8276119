// describe.hpp - the spoken scene for screen-reader users: "describe the brain now" (the pathways and
// regions with their state in words, drive and its largest change, what to try next), and short
// announcements of key events (a burst at the cue, an omission dip). Reads Outputs and the strings
// table only. No ImGui, no Emscripten: tested natively.
#pragma once

#include <string>

#include "app.hpp"

namespace neurodrive::app {

// A few plain sentences describing this simulated brain now, in the UI language.
std::string describe_scene(const App& app);

// One short sentence for a key event that has not been announced yet ("" when none). At most one
// announcement per kMinAnnounceGapS of simulated time, so a screen reader is never flooded.
constexpr double kMinAnnounceGapS = 3.0;
std::string take_key_event_announcement(App& app);

}  // namespace neurodrive::app
