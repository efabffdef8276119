// helpers.hpp - small helpers shared by the model tests.
#pragma once
#include <numeric>
#include <vector>

#include "neurodrive/experiments.hpp"

namespace test {
namespace nm = neurodrive::model;

// Steady readouts for these inputs (the model's own helper: levels lived with, manipulations for
// settle_s seconds, fast readouts averaged over 2 s).
inline nm::Outputs steady(const nm::Inputs& in, double settle_s = 5.0) { return nm::steady_outputs(in, nm::Params{}, settle_s); }

inline double mean_of(const std::vector<double>& v, std::size_t last_n) {
    const std::size_t n = std::min(last_n, v.size());
    return std::accumulate(v.end() - static_cast<long>(n), v.end(), 0.0) / static_cast<double>(n);
}
}  // namespace test
