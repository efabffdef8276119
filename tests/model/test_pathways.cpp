// test_pathways.cpp - release, clearance and receptors in NAc and PFC.
#include <doctest/doctest.h>

#include "helpers.hpp"

namespace nm = neurodrive::model;

TEST_CASE("resting concentrations match microdialysis (Abercrombie 1989)") {
    const nm::Outputs o = test::steady(nm::Inputs{});
    CHECK(o.da_nac_nM == doctest::Approx(11.0).epsilon(0.1));
    CHECK(o.da_pfc_nM == doctest::Approx(3.0).epsilon(0.1));
    CHECK(o.vta_rate_hz == doctest::Approx(4.5).epsilon(0.1));
    CHECK(o.d2_occupancy_nac > 0.4);   // D2 well occupied at tonic levels
    CHECK(o.d1_occupancy_nac < 0.05);  // D1 barely
}

TEST_CASE("NAc transients clear within ~1-2 s, PFC transients over seconds") {
    nm::Inputs in;
    nm::State s = nm::make_state(in, 1);
    nm::advance(s, in, 1.0);
    const double nac0 = s.da_nac_nM, pfc0 = s.da_pfc_nM;
    nm::apply_event(s, nm::Event::Reward);
    double nac_peak = 0, pfc_peak = 0;
    for (int i = 0; i < 40; ++i) { nm::advance(s, in, 0.01); nac_peak = std::max(nac_peak, s.da_nac_nM); pfc_peak = std::max(pfc_peak, s.da_pfc_nM); }
    CHECK(nac_peak - nac0 > 20.0);
    nm::advance(s, in, 0.6);  // 1 s after the reward
    const double nac_1s = s.da_nac_nM - nac0, pfc_1s = s.da_pfc_nM - pfc0;
    CHECK(pfc_1s > 0.4 * (pfc_peak - pfc0));  // PFC still clearly elevated
    CHECK(pfc_1s / (pfc_peak - pfc0) > nac_1s / (nac_peak - nac0));
    nm::advance(s, in, 1.0);  // 2 s after the reward
    CHECK(s.da_nac_nM - nac0 < 0.2 * (nac_peak - nac0));
}

TEST_CASE("a PFC lesion lowers PFC DA and leaves the accumbens alone, a NAc lesion the reverse") {
    nm::Inputs pfc; pfc.pfc_depletion = 0.6;
    nm::Inputs nac; nac.nac_depletion = 0.6;
    const nm::Outputs base = test::steady(nm::Inputs{}), a = test::steady(pfc), b = test::steady(nac);
    CHECK(a.da_pfc_nM < 0.6 * base.da_pfc_nM);
    CHECK(a.da_nac_nM == doctest::Approx(base.da_nac_nM).epsilon(0.05));
    CHECK(b.da_nac_nM < 0.8 * base.da_nac_nM);
    CHECK(b.da_pfc_nM == doctest::Approx(base.da_pfc_nM).epsilon(0.05));
    CHECK(b.da_dstr_nM == doctest::Approx(base.da_dstr_nM).epsilon(0.05));  // dorsal striatum untouched
}

TEST_CASE("a D2 antagonist competes with DA: the top dose holds most D2 receptors, and more DA takes some back") {
    nm::Inputs in; in.d2_antagonist = 1.0;
    const nm::Outputs top = test::steady(in);
    CHECK(top.d2_drug_occupancy == doctest::Approx(0.9).epsilon(0.01));  // the top dose at resting DA
    CHECK(top.d2_occupancy_nac < 0.2);
    in.dat_block = 1.0;  // more DA at the receptors: the antagonist is displaced a little
    CHECK(test::steady(in).d2_occupancy_nac > top.d2_occupancy_nac);
}

TEST_CASE("the D2 antagonist input is its effect: half of it holds about half as many receptors as the full effect") {
    nm::Inputs in; in.d2_antagonist = 0.5;
    CHECK(test::steady(in).d2_drug_occupancy == doctest::Approx(0.45).epsilon(0.02));
}

TEST_CASE("the hormone levels reached are readouts that follow the inputs on the hormone clock") {
    nm::Inputs in;
    nm::State s = nm::make_state(in, 1);
    in.thyroid = 0.3;
    nm::advance(s, in, 2.5);  // 5 days: partly there
    const double partly = nm::outputs(s, in).thyroid_level;
    CHECK(partly < 1.0);
    CHECK(partly > 0.5);
    nm::advance(s, in, 40.0);
    CHECK(nm::outputs(s, in).thyroid_level == doctest::Approx(0.3).epsilon(0.02));
}
