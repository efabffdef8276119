// presets.hpp - named scenarios (assets/presets.json, embedded at build time) and their parser.
// Pure: parses text given to it; never reads files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "neurodrive/model.hpp"

namespace neurodrive::io {

// One thing a preset's explanation says, as data a test checks against the model: an output of the
// scenario (or a result of one of the model's experiments run on it), absolute or relative to the
// typical brain at the same time. Unset bounds are NaN.
struct PresetClaim {
    std::string says;         // the words of the explanation this checks
    std::string output;       // an output name (names.cpp), or
    std::string experiment;   // an experiment (experiments.cpp) and one of its scalar or array results
    std::string result;
    double min = 0.0 / 0.0, max = 0.0 / 0.0, min_ratio = 0.0 / 0.0, max_ratio = 0.0 / 0.0;
};

struct Preset {
    std::string id;           // e.g. "hypothyroid"
    std::string title;        // e.g. "Overt hypothyroidism"
    std::string explanation;  // two sentences
    std::string sources;
    model::Inputs inputs;     // typical values for everything the preset does not set
    double hold_day = 0.0;    // > 0: the scenario's position on the hormone clock - shown after holding the
                              // inputs this many days, with the hormone clock held there (an SSRI's first days)
    std::vector<PresetClaim> claims;
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

// [{"id":..,"title":..,"explanation":..,"sources":..},...] in the list's order (English: the texts of
// assets/presets.json; window.neurodrive.presets()).
std::string presets_json(const PresetList& list);

}  // namespace neurodrive::io
