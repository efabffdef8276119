// helpers.hpp - small helpers shared by the model tests.
#pragma once
#include <numeric>
#include <vector>

#include "neurodrive/model.hpp"

namespace test {
namespace nm = neurodrive::model;

// Steady-state outputs for these inputs: start healthy, let the hormone clock settle, then average
// the fast outputs over 2 s so firing irregularity does not decide a test.
inline nm::Outputs steady(const nm::Inputs& in, double settle_s = 60.0) {
    nm::State s = nm::make_state(nm::Inputs{}, 1);
    nm::advance(s, in, settle_s);
    nm::Outputs mean = nm::outputs(s, in);
    double vta = 0, nac = 0, pfc = 0;
    for (int i = 0; i < 200; ++i) {
        nm::advance(s, in, 0.01);
        vta += s.vta_rate_hz; nac += s.da_nac_nM; pfc += s.da_pfc_nM;
    }
    mean = nm::outputs(s, in);
    mean.vta_rate_hz = vta / 200; mean.da_nac_nM = nac / 200; mean.da_pfc_nM = pfc / 200;
    return mean;
}

inline double mean_of(const std::vector<double>& v, std::size_t last_n) {
    const std::size_t n = std::min(last_n, v.size());
    return std::accumulate(v.end() - static_cast<long>(n), v.end(), 0.0) / static_cast<double>(n);
}
}  // namespace test
