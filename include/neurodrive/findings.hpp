// findings.hpp - the registry of published findings the model is checked against: one table read by
// the doctest suite (one test case per finding), `neurodrive-cli validate` (with parameter
// perturbation), docs/VALIDATION.md and the app's Lab and About views.
// A *prediction* is a finding from whose numbers no parameter was set; a *calibration* is one that a
// parameter was fitted to (params.hpp names the finding in its calibrated_to column). Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "neurodrive/params.hpp"

namespace neurodrive::model {

enum class FindingKind { Prediction, Calibration };

struct FindingOutcome {
    bool holds = false;
    std::string model;   // what the model gives, in words and numbers
};

struct FindingSpec {
    std::string_view id;
    std::string_view section;    // where ../shared/SCIENCE.md discusses it (3 = published results, 6 = extremes)
    std::string_view published;  // the published value or direction (English)
    std::string_view citation;
    std::string_view tier;
    FindingKind kind;
    std::string_view rises_to_top;  // input whose drive may keep rising to its top end because of this finding ("" = none)
    FindingOutcome (*check)(const Params&);
};

const std::vector<FindingSpec>& finding_specs();
const FindingSpec* find_finding(std::string_view id);
std::string_view finding_kind_name(FindingKind kind);  // "prediction" | "calibration"

// The parameters fitted to a finding, comma-separated ("" for a prediction).
std::string calibrated_params(std::string_view finding_id);

}  // namespace neurodrive::model
