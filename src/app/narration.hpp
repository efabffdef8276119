// narration.hpp - "What's happening": up to four plain sentences generated from the model's
// readouts and the latest key event, naming the cause of the current picture. Reads Outputs only
// (never the model's State). No ImGui: tested natively.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "assets.hpp"
#include "neurodrive/model.hpp"

namespace neurodrive::app {

// Key moments the app detects while sampling the model (history.cpp) and narration names.
enum class KeyEvent { None, Surprise, CueLearning, CuePredicts, Predicted, Dip, NoExpectation };
const char* key_event_name(KeyEvent e);  // "surprise", "cue", ...: strings key why.event.<name>

struct NarrationInput {
    const model::Inputs* inputs = nullptr;
    const model::Outputs* out = nullptr;
    const model::Outputs* typical = nullptr;
    KeyEvent event = KeyEvent::None;   // the latest key event ...
    double event_age_s = 1e9;          // ... and how long ago (simulated s)
    std::string last_changed;          // the input the user changed last ("" = none)
    // Compare mode: the second brain (null when off) and both scenarios' titles.
    const model::Inputs* compare_inputs = nullptr;
    const model::Outputs* compare_out = nullptr;
    std::string title_a, title_b;
};

std::vector<std::string> narrate(const Strings& strings, const NarrationInput& in);
// Its headline alone (one brain): drive against typical and the component that moved most.
std::string narrate_headline(const Strings& strings, const NarrationInput& in);

// Where a level sits relative to typical (1 = typical), on the one scale of every level word (the
// sliders' "very low" .. "very high", the spoken scene's "far below typical" .. "far above typical"):
// 0 below 0.45, 1 below 0.85, 2 up to 1.15, 3 up to 1.55, 4 above.
int level_step(double ratio);
// "very low" .. "very high" for a level input (1 = typical), in the strings' language.
const char* level_word(const Strings& strings, double level);

// Compare mode (in.compare_out set): drive in each brain and the part that differs most, then the
// input that differs most between them. narrate() puts these in place of its headline.
std::vector<std::string> narrate_difference(const Strings& strings, const NarrationInput& in);

// What the spoken announcements last said, so each is said once: the drive level of the last drive
// announcement (a11y.hpp take_announcement) and the simulated time of the last key event announced
// (describe.hpp take_key_event_announcement). The app keeps it in UiState.
struct Announced {
    double motivation = std::numeric_limits<double>::infinity();  // until the first announcement check
    double key_event_s = -1e9;
};

// The input whose change explains most of the current picture ("" when everything is typical).
std::string main_cause(const model::Inputs& inputs);

}  // namespace neurodrive::app
