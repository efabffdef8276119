// lab.hpp - the virtual lab: runs a classic experiment on the control brain and on the current
// scenario (same code as neurodrive-cli experiment), for the lab panel to plot beside the published
// finding. Pure C++ (no ImGui): tested natively.
#pragma once

#include <string>
#include <vector>

namespace neurodrive::app {

struct App;

struct LabBar { std::string label_key; double control = 0.0; double scenario = 0.0; };
struct LabCurve { std::vector<double> x, control, scenario; };

struct LabResult {
    std::string experiment;     // experiment name, "" = nothing run yet
    std::string unit_key;       // strings key of the value axis
    std::vector<LabBar> bars;   // bar charts (effort, waiting, acute stress, vigor)
    LabCurve curve;             // line charts (conditioning: per trial; pfc_dose: vs D1 stimulation)
    std::string x_key;          // strings key of the curve's x axis
};

// Runs experiment `index` of model::experiment_specs() on typical inputs and on app.inputs.
void run_lab(App& app, int index);

}  // namespace neurodrive::app
