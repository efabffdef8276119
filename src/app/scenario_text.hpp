// scenario_text.hpp - a scenario as text: a preset, then the inputs changed from it. Compare mode's
// value (compare=hypothyroid,dopamine:1.2), the share link, the export header and the stored state
// all write and read scenarios this way. Pure C++: no App, ImGui or Emscripten.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "neurodrive/model.hpp"
#include "neurodrive/names.hpp"

namespace neurodrive::app {

// Compare mode's second brain: a preset, then inputs changed from it. In a URL or share link:
// compare=hypothyroid, compare=thyroid:0.4,dopamine:1.2 or compare=chronic_stress,dopamine:0.8.
struct CompareSpec {
    std::string preset = "baseline";
    std::vector<std::pair<std::string, double>> inputs;  // validated, applied after the preset
};

// Parses a compare value strictly: an unknown preset, name or a value out of range refuses all of it
// (the reason in *error); never half-applied.
std::optional<CompareSpec> parse_compare(std::string_view text, std::string* error);
// The compare value for a brain: its preset, then every input that differs from the preset.
std::string compare_text(const model::Inputs& inputs, std::string_view preset);
// A compare spec's inputs (its preset's, then the changed ones) and the preset's id in *preset.
model::Inputs compare_inputs(const CompareSpec& spec, std::string* preset);

// The inputs that differ from a preset's (the healthy baseline's for an unknown id, e.g. "custom"), in
// registry order: what a share link, a compare value, an export header and the stored state record.
std::vector<std::pair<const model::InputSpec*, double>> changed_inputs(const model::Inputs& inputs, std::string_view preset);

// The inputs a preset starts from (the healthy baseline's for an unknown id).
const model::Inputs& preset_inputs(std::string_view preset);

}  // namespace neurodrive::app
