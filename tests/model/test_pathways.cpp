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

TEST_CASE("COMT inhibition raises basal PFC DA (~+60%) and leaves NAc alone (Kaenmaki 2010)") {
    nm::Inputs in; in.comt_inhibition = 1.0;
    const nm::Outputs base = test::steady(nm::Inputs{}), o = test::steady(in);
    CHECK(o.da_pfc_nM / base.da_pfc_nM == doctest::Approx(1.6).epsilon(0.1));
    CHECK(o.da_nac_nM / base.da_nac_nM == doctest::Approx(1.0).epsilon(0.05));
}

TEST_CASE("NET block raises PFC DA two- to four-fold (Carboni 1990)") {
    nm::Inputs in; in.net_block = 1.0;
    const double ratio = test::steady(in).da_pfc_nM / test::steady(nm::Inputs{}).da_pfc_nM;
    CHECK(ratio >= 2.0);
    CHECK(ratio <= 4.0);
}

TEST_CASE("a D2 antagonist frees terminals from autoreceptor brake: NAc DA rises") {
    nm::Inputs in; in.d2_antagonist = 1.0;
    CHECK(test::steady(in).da_nac_nM > test::steady(nm::Inputs{}).da_nac_nM);
    CHECK(test::steady(in).d2_occupancy_nac < 0.05);
}

TEST_CASE("estradiol potentiates NAc release (Becker 1990)") {
    nm::Inputs lo, hi; lo.estradiol = 0.2; hi.estradiol = 1.8;
    CHECK(test::steady(hi).da_nac_nM > test::steady(lo).da_nac_nM * 1.1);
}
