// experiments.hpp - the classic experiments, run headless on the same model the app animates.
// Names, parameters and result keys are a contract shared by the CLI, the app's virtual lab and docs.
// Pure: no I/O.
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

struct ExperimentSpec {
    std::string_view name;
    std::string_view title;
    std::string_view finding;    // the published result it reproduces
    std::string_view citation;
    std::string_view tier;
    std::vector<ExperimentParam> params;
};

struct ExperimentResult {
    std::vector<std::pair<std::string, double>> scalars;
    std::vector<std::pair<std::string, std::vector<double>>> arrays;
    double scalar(std::string_view key) const;                 // NaN when missing
    const std::vector<double>* array(std::string_view key) const;
};

const std::vector<ExperimentSpec>& experiment_specs();
const ExperimentSpec* find_experiment(std::string_view name);

// Parameter values in the order of the spec's params; missing ones take their defaults.
using ParamValues = std::vector<std::pair<std::string, double>>;

// Checks names and ranges; returns an empty string when valid, else a one-line message.
std::string validate_experiment(std::string_view name, const ParamValues& params);

// Runs a validated experiment. `base` holds the inputs and manipulations the experiment starts from.
ExperimentResult run_experiment(std::string_view name, const Inputs& base, const ParamValues& params, std::uint64_t seed = 1);

}  // namespace neurodrive::model
