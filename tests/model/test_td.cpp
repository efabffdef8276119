// test_td.cpp - the temporal-difference learner behind VTA phasic firing.
#include <doctest/doctest.h>

#include "neurodrive/model.hpp"

namespace nm = neurodrive::model;

TEST_CASE("an unpredicted reward gives a burst at intraburst rates") {
    nm::Inputs in;
    nm::State s = nm::make_state(in, 1);
    nm::apply_event(s, nm::Event::Reward);
    double peak = 0.0;
    for (int i = 0; i < 20; ++i) { nm::advance(s, in, 0.005); peak = std::max(peak, s.ml_rate_hz); }
    CHECK(peak > 20.0);   // intraburst 14-30 Hz
    CHECK(peak < 35.0);
}

TEST_CASE("the phasic signal lasts one burst (Params::burst_s), then ends") {
    nm::Inputs in;
    nm::State s = nm::make_state(in, 1);
    nm::apply_event(s, nm::Event::Reward);
    nm::advance(s, in, 0.05);
    CHECK(nm::outputs(s, in).rpe == doctest::Approx(1.0));
    nm::advance(s, in, s.params.burst_s);
    CHECK(nm::outputs(s, in).rpe == 0.0);
}

TEST_CASE("firing is never negative: an omission in a trained brain floors firing at 0 Hz, not below") {
    nm::Inputs in;
    in.dopamine = 0.3;  // low tonic firing, so the dip reaches the floor
    nm::State s = nm::make_state(in, 1);
    for (int t = 0; t < 60; ++t) { nm::apply_event(s, nm::Event::Cue); nm::advance(s, in, 4.0); }
    nm::apply_event(s, nm::Event::Cue);
    nm::apply_event(s, nm::Event::Omit);
    double lowest = 1e9;
    for (int i = 0; i < 3000; ++i) { nm::advance(s, in, 0.001); lowest = std::min(lowest, s.ml_rate_hz); }
    CHECK(lowest == 0.0);          // the dip reached the floor ...
    CHECK(nm::outputs(s, in).vta_rate_hz >= 0.0);
}

TEST_CASE("values learned for bins between cue and reward never exceed the reward") {
    nm::Inputs in;
    nm::State s = nm::make_state(in, 1);
    for (int t = 0; t < 100; ++t) { nm::apply_event(s, nm::Event::Cue); nm::advance(s, in, 4.0); }
    for (double v : s.td.value) { CHECK(v <= 1.0 + 1e-9); CHECK(v >= -1e-9); }
    CHECK(s.td.value[14] > 0.9);                 // just before the reward: fully predicted
    CHECK(s.trials == 100);
    CHECK(s.last_cue_response_hz > s.last_reward_response_hz);
}

TEST_CASE("learning spreads without bin-by-bin creep: mid-delay bursts stay small") {
    nm::Inputs in;
    nm::State s = nm::make_state(in, 1);
    double worst_mid_delta = 0.0;
    for (int t = 0; t < 40; ++t) {
        nm::apply_event(s, nm::Event::Cue);
        for (int k = 0; k < 400; ++k) {
            nm::advance(s, in, 0.01);
            if (s.td.bin >= 3 && s.td.bin <= 12) worst_mid_delta = std::max(worst_mid_delta, s.td.delta);
        }
    }
    CHECK(worst_mid_delta < 0.15);  // TD(0) would give a travelling burst of ~0.3-0.5
}
