// test_behaviour.cpp - pure behavioural readouts.
#include <doctest/doctest.h>

#include <cmath>

#include "neurodrive/behaviour.hpp"

namespace nm = neurodrive::model;

TEST_CASE("optimal latency is sqrt(cost / rate) (Niv 2007)") {
    const double l1 = nm::optimal_latency_s(4.0, 1.0, 1.0);
    CHECK(nm::optimal_latency_s(8.0, 1.0, 1.0) / l1 == doctest::Approx(1.0 / std::sqrt(2.0)));
    CHECK(nm::optimal_latency_s(4.0, 0.5, 1.0) / l1 == doctest::Approx(std::sqrt(2.0)));
    CHECK(nm::optimal_latency_s(4.0, 1.0, 0.5) > l1);
}

TEST_CASE("working memory is an inverted U with its peak slightly above typical stimulation") {
    CHECK(nm::working_memory(1.3) == doctest::Approx(1.0));
    CHECK(nm::working_memory(0.2) < 0.3);
    CHECK(nm::working_memory(6.0) < 0.3);
    CHECK(nm::working_memory(1.2) > nm::working_memory(1.0));  // a small boost helps a typical brain
}

TEST_CASE("LC performance peaks at typical tonic NE") {
    CHECK(nm::lc_performance(1.0) == doctest::Approx(1.0));
    CHECK(nm::lc_performance(0.2) < nm::lc_performance(0.6));
    CHECK(nm::lc_performance(2.0) < nm::lc_performance(1.3));
}

TEST_CASE("giving up: longer with likelier reward, 5-HT helps only when reward is likely") {
    CHECK(nm::giving_up_time_s(0.75, 1.0) == doctest::Approx(12.0));
    CHECK(nm::giving_up_time_s(0.9, 1.0) > nm::giving_up_time_s(0.75, 1.0));
    CHECK(nm::giving_up_time_s(0.25, 1.0) == 0.0);
    CHECK(nm::giving_up_time_s(0.25, 2.0) < 1.0);
}

TEST_CASE("effort choice: cheap ratios are chosen, costly ones less so, low capacity shifts to chow") {
    const auto fr1 = nm::effort_choice(1, 1, 1, 0.4), fr64 = nm::effort_choice(64, 1, 1, 0.4);
    CHECK(fr1.lever_share > 0.95);
    CHECK(fr64.lever_share < fr1.lever_share);
    CHECK(nm::effort_choice(5, 1, 0.4, 0.5).lever_share < nm::effort_choice(5, 1, 1, 0.4).lever_share);
    CHECK(nm::effort_choice(5, 1, 1, 0.4, false).chow_g_per_s == 0.0);
}
