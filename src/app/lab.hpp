// lab.hpp - the virtual lab: runs a registry experiment (neurodrive/experiments.hpp) on a typical
// brain (control) and on the current scenario and lays the results out as its chart mapping says.
// Pure C++ (no ImGui, no App): tested natively.
#pragma once

#include <string>
#include <vector>

#include "neurodrive/experiments.hpp"

namespace neurodrive::app {

struct LabBar { std::string label; double control = 0.0; double scenario = 0.0; };

struct LabResult {
    std::string experiment;          // experiment name, "" = nothing run yet
    model::Inputs inputs;            // the scenario it ran on
    model::ChartKind kind = model::ChartKind::Bars;
    std::vector<LabBar> bars;        // Bars: control vs scenario per bar
    std::vector<double> x;           // Curve and Pair
    std::vector<double> control;     // Curve: control; Pair: first series of the scenario
    std::vector<double> scenario;    // Curve: scenario; Pair: second series of the scenario
};

// Runs `spec` as its chart mapping says (every bar or the one curve run), control and scenario.
LabResult run_lab(const model::ExperimentSpec& spec, const model::Inputs& scenario);

// The lab's table as CSV text (header names the experiment, scenario and units), for export.
std::string lab_csv(const LabResult& r);

}  // namespace neurodrive::app
