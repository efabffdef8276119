// findings.hpp - the registry of published findings the model is checked against: one table read by
// the doctest suite (one test case per finding), `neurodrive-cli validate` (with parameter
// perturbation), docs/VALIDATION.md and the app's Lab and About views.
// Three kinds (SCIENCE.md section 7): a *prediction* is a finding from whose numbers no parameter was
// set and that the equations do not guarantee; a *calibration* is one that a parameter was fitted to
// (params.hpp names the finding in its calibrated_to column); a *structural* finding is true by the
// model's construction (`basis` names the equation): useful for teaching, not evidence. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "neurodrive/params.hpp"

namespace neurodrive::model {

enum class FindingKind { Prediction, Calibration, Structural };

struct FindingOutcome {
    bool holds = false;
    std::string model;   // what the model gives, in words and numbers
};

struct FindingSpec {
    std::string_view id;
    std::string_view section;    // where ../shared/SCIENCE.md discusses it (3 = published results, 6 = extremes)
    std::string_view published;  // the published finding, in words (English)
    std::string_view value;      // the published value(s) the check compares with, and where in the paper
    std::string_view citation;   // each author-year cite resolves to one entry of assets/references.json
    std::string_view tier;
    FindingKind kind;
    std::string_view rises_to_top;  // input whose drive may keep rising to its top end because of this finding ("" = none)
    std::string_view basis;      // structural: the equation that makes it true ("" for the other kinds)
    FindingOutcome (*check)(const Params&);
};

const std::vector<FindingSpec>& finding_specs();
const FindingSpec* find_finding(std::string_view id);
std::string_view finding_kind_name(FindingKind kind);  // "prediction" | "calibration" | "structural"

// Whether a params.hpp calibrated_to entry (finding ids, comma-separated) names this finding.
bool calibrated_to_includes(std::string_view list, std::string_view finding_id);

// The parameters fitted to a finding, comma-separated ("" for a prediction).
std::string calibrated_params(std::string_view finding_id);

}  // namespace neurodrive::model
