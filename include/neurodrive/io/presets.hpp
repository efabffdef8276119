// presets.hpp - named scenarios (assets/presets.json, embedded at build time) and their parser.
// Pure: parses text given to it; never reads files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "neurodrive/model.hpp"

namespace neurodrive::io {

struct Preset {
    std::string id;           // e.g. "hypothyroid"
    std::string title;        // e.g. "Overt hypothyroidism"
    std::string explanation;  // two sentences
    std::string sources;
    model::Inputs inputs;            // typical values for everything the preset does not set
    double settle_days = 0.0; // > 0: the scenario is these inputs held this long (e.g. an SSRI after weeks)
};

struct PresetList {
    std::vector<Preset> presets;
    std::string error;  // empty when the text parsed and validated
};

// Parses and validates a presets document: every input name known, every value a number in range,
// ids unique. On any error the list is empty and `error` says where and what.
PresetList parse_presets(std::string_view json_text);

// The presets built into this program (assets/presets.json at build time).
const PresetList& builtin_presets();
const Preset* find_preset(std::string_view id);

}  // namespace neurodrive::io
