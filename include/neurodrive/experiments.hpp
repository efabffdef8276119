// experiments.hpp - the registry of classic experiments, run headless on the same model the app
// animates: name, parameters, run function, result keys and how the virtual lab charts them. The CLI,
// the lab, the findings registry and the docs all read this one table. Pure: no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "neurodrive/model.hpp"

namespace neurodrive::model {

struct ExperimentParam {
    std::string_view name;
    double default_value;
    double min;
    double max;
    bool integer;
    std::string_view meaning;
};

using ParamValues = std::vector<std::pair<std::string, double>>;

struct ExperimentResult {
    std::vector<std::pair<std::string, double>> scalars;
    std::vector<std::pair<std::string, std::vector<double>>> arrays;
    double scalar(std::string_view key) const;                 // NaN when missing
    const std::vector<double>* array(std::string_view key) const;
};

// How the lab shows an experiment. Bars: each bar runs the experiment with its own parameters on a
// typical brain (control) and on the current scenario and shows one scalar. Curve: one array against
// another, control and scenario. Pair: two arrays of the scenario against a third (e.g. per trial).
enum class ChartKind { Bars, Curve, Pair };
struct ChartBar {
    std::string_view label;        // English; translations in strings as experiment.<id>.bar<N>
    ParamValues params;
    std::string_view result_key;
    double scale = 1.0;            // value shown = result x scale
};
struct ExperimentChart {
    ChartKind kind = ChartKind::Bars;
    std::string_view unit;         // value axis (English; translations: experiment.<id>.unit)
    std::vector<ChartBar> bars;
    ParamValues run_params;        // Curve and Pair: parameters of the one run
    std::string_view x_key, y_key, y2_key;
    std::string_view x_label;      // English; translations: experiment.<id>.x
    std::string_view y_label, y2_label;  // Pair only: legend of the two series (experiment.<id>.y, .y2)
    bool log_x = false;
};

struct ExperimentSpec;
using ExperimentRun = ExperimentResult (*)(const ExperimentSpec&, const Inputs&, const ParamValues&, std::uint64_t seed, const Params&);

struct ExperimentSpec {
    std::string_view name;
    std::string_view title;      // English; translations: experiment.<id>.title
    std::string_view finding;    // the published result it reproduces (English; experiment.<id>.finding)
    std::string_view citation;
    std::string_view tier;
    std::vector<ExperimentParam> params;
    std::vector<std::string_view> result_keys;
    ExperimentRun run;
    ExperimentChart chart;
    std::vector<std::string_view> findings;  // ids of the findings registry (findings.hpp) checked with this experiment
};

const std::vector<ExperimentSpec>& experiment_specs();
const ExperimentSpec* find_experiment(std::string_view name);

// Checks names and ranges; returns an empty string when valid, else a one-line message.
std::string validate_experiment(std::string_view name, const ParamValues& params);

// Runs a validated experiment. `base` holds the inputs and manipulations the experiment starts from.
ExperimentResult run_experiment(std::string_view name, const Inputs& base, const ParamValues& params, std::uint64_t seed = 1,
                                const Params& model_params = Params{});

// Steady readouts for these inputs: a brain that has lived with the levels and had the
// manipulations for settle_s simulated seconds, with the fast readouts averaged over 2 s so firing
// irregularity does not decide a comparison.
Outputs steady_outputs(const Inputs& in, const Params& params = Params{}, double settle_s = 5.0, std::uint64_t seed = 1);

}  // namespace neurodrive::model
