// test_behaviour.cpp - pure behavioural readouts.
#include <doctest/doctest.h>

#include <cmath>

#include "neurodrive/behaviour.hpp"

namespace nm = neurodrive::model;

TEST_CASE("optimal latency is sqrt(cost / rate) (Niv 2007)") {
    const nm::Params p;
    const double l1 = nm::optimal_latency_s(4.0, 1.0, 1.0, p);
    CHECK(nm::optimal_latency_s(8.0, 1.0, 1.0, p) / l1 == doctest::Approx(1.0 / std::sqrt(2.0)));
    CHECK(nm::optimal_latency_s(4.0, 0.5, 1.0, p) / l1 == doctest::Approx(std::sqrt(2.0)));
    CHECK(nm::optimal_latency_s(4.0, 1.0, 0.5, p) > l1);
}

TEST_CASE("working memory is an inverted U above typical stimulation, between an impaired floor and its best") {
    const nm::Params p;
    CHECK(nm::working_memory(p.pfc_optimum, 1.0, p) == doctest::Approx(p.executive_peak));
    const double midway = 0.5 * (p.executive_floor + p.executive_peak);
    CHECK(nm::working_memory(0.2, 1.0, p) < midway);
    CHECK(nm::working_memory(6.0, 1.0, p) < midway);
    CHECK(nm::working_memory(1e-6, 1.0, p) >= p.executive_floor);  // no PFC DA: impaired, never exactly zero
    CHECK(nm::working_memory(1e-6, 1.0, p) > 0.1);
    CHECK(nm::working_memory(1.2, 1.0, p) > nm::working_memory(1.0, 1.0, p));  // a small boost helps a typical brain
}

TEST_CASE("giving up: longer with likelier reward, never zero, 5-HT helps only when reward is likely") {
    const nm::Params p;
    CHECK(nm::giving_up_time_s(0.75, 1.0, p) == doctest::Approx(p.wait_base_s));
    CHECK(nm::giving_up_time_s(0.9, 1.0, p) > nm::giving_up_time_s(0.75, 1.0, p));
    CHECK(nm::giving_up_time_s(0.25, 1.0, p) >= p.wait_floor_s);
    CHECK(nm::giving_up_time_s(0.01, 0.0, p) >= p.wait_floor_s);
    CHECK(nm::giving_up_time_s(0.25, 2.0, p) - nm::giving_up_time_s(0.25, 1.0, p) < 0.5);
    CHECK(nm::giving_up_time_s(0.75, 2.0, p) - nm::giving_up_time_s(0.75, 1.0, p) > 3.0);
}

TEST_CASE("effort choice: cheap ratios are chosen, costly ones less so, low capacity shifts to chow, satiety to rest") {
    const nm::Params p;
    const auto fr1 = nm::effort_choice(1, 1, 1, 0.4, p), fr64 = nm::effort_choice(64, 1, 1, 0.4, p);
    CHECK(fr1.lever_share > 0.9);
    CHECK(fr64.lever_share < fr1.lever_share);
    const auto low = nm::effort_choice(5, 1, 0.2, 0.5, p), typical = nm::effort_choice(5, 1, 1, 0.4, p);
    CHECK(low.lever_share < typical.lever_share);
    CHECK(low.chow_share > typical.chow_share);
    const auto sated = nm::effort_choice(5, 0.05, 1, 0.4, p);
    CHECK(sated.lever_share + sated.chow_share < 0.2);
    CHECK(nm::effort_choice(5, 1, 1, 0.4, p, false).chow_g_per_s == 0.0);
}
