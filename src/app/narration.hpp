// narration.hpp - "What's happening": two or three plain sentences generated from the model state,
// naming the cause of the current picture. No ImGui: tested natively.
#pragma once

#include <string>
#include <vector>

#include "assets.hpp"
#include "neurodrive/model.hpp"

namespace neurodrive::app {

struct NarrationInput {
    const model::Inputs* inputs = nullptr;
    const model::Outputs* out = nullptr;
    const model::Outputs* typical = nullptr;
    const model::State* state = nullptr;
    double recent_rpe = 0.0;  // strongest prediction error of the last 2 s (0 = none)
};

std::vector<std::string> narrate(const Strings& strings, const NarrationInput& in);

// The cause ranked first (input name) or "" when everything is typical; used by announcements.
std::string main_cause(const model::Inputs& inputs);

}  // namespace neurodrive::app
