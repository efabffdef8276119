// export.hpp - what a class can take away for a lab report: CSV of the recorded signals (every output,
// 10 per simulated second, the columns of `neurodrive-cli run --csv`), of the trial table and of the
// lab results, each opened by '#' lines naming the scenario, the changed inputs, the units and the
// app version; and the one-line caption of an exported picture. Pure C++: tested natively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "history.hpp"
#include "lab.hpp"

namespace neurodrive::app {

// The exports a class can take away, in menu order (the page's Export menu and the accessible mirror are
// built from this list): three CSV tables and the picture, which app.js draws from the canvas under the
// caption export_json gives it. Its menu label is the strings key "page.export.<kind>".
struct ExportKind { std::string_view kind, ext; bool picture; };
const std::vector<ExportKind>& export_kinds();

// Who and what an export is about.
struct ExportInfo {
    std::string scenario;   // the preset's title in the UI language, or "Custom"
    std::string changed;    // inputs that differ from the preset: "thyroid=0.3, dopamine=0.5" ("" when none)
    double time_s = 0.0;    // simulated time now
    std::string version;    // the app version
};

std::string export_signals_csv(const History& h, const ExportInfo& info);
std::string export_trials_csv(const History& h, const ExportInfo& info);
std::string export_lab_csv(const LabResult& lab, const ExportInfo& info);  // "" before any run
// "NeuroDrive 0.1.0 - Hypothyroid (thyroid=0.3) - 42.0 s simulated - a teaching model, not medical advice"
std::string export_caption(const ExportInfo& info);
// A file name: "neurodrive-<scenario id>-<kind>-<time>s.<ext>" (letters, digits and '-' only).
std::string export_file_name(const std::string& scenario_id, const std::string& kind, double time_s, const std::string& ext);

}  // namespace neurodrive::app
