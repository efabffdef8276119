// describe.hpp - the spoken scene for screen-reader users: "describe the brain now" (the pathways and
// regions with their state in words, drive and its largest change, what to try next), and short
// announcements of key events (a burst at the cue, an omission dip). Reads Outputs, the lesson and the
// strings table through a small view, never the App. No ImGui, no Emscripten: tested natively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assets.hpp"
#include "history.hpp"
#include "lessons.hpp"
#include "narration.hpp"

namespace neurodrive::app {

// What the spoken scene reads: built in one place (app.cpp scene_view).
struct SceneView {
    const Strings& strings;             // texts and numbers in the UI language
    NarrationInput brains;              // each brain's outputs, the typical brain's, the scenarios' titles
    std::string_view preset;            // the user's brain's preset (at the baseline, try thyroid next)
    const LessonState& lesson;          // an active lesson step says what to try next
    const std::vector<Lesson>& lessons;
};
struct App;
SceneView scene_view(const App& app);

// A few plain sentences describing this simulated brain now, in the UI language.
std::string describe_scene(const SceneView& v);

// One short sentence for a key event of `history` that has not been announced yet ("" when none).
// At most one announcement per kMinAnnounceGapS of simulated time, so a screen reader is never
// flooded; `announced` remembers the last one.
constexpr double kMinAnnounceGapS = 3.0;
std::string take_key_event_announcement(Announced& announced, const History& history, const Strings& strings);

}  // namespace neurodrive::app
