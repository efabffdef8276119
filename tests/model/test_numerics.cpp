// test_numerics.cpp - fixed steps, determinism, and no NaN anywhere in the input space.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

#include "neurodrive/names.hpp"

namespace nm = neurodrive::model;

namespace {
bool same_bits(const nm::Outputs& a, const nm::Outputs& b) { return std::memcmp(&a, &b, sizeof a) == 0; }
}

TEST_CASE("advancing 10 s once or in 600 frame-sized pieces gives identical results") {
    nm::Inputs in; in.thyroid = 0.5;
    nm::State a = nm::make_state(nm::Inputs{}, 3), b = a;
    nm::apply_event(a, nm::Event::Cue); nm::apply_event(b, nm::Event::Cue);
    nm::advance(a, in, 10.0);
    for (int i = 0; i < 600; ++i) nm::advance(b, in, 1.0 / 60.0);
    CHECK(a.steps == b.steps);
    CHECK(same_bits(nm::outputs(a, in), nm::outputs(b, in)));
}

TEST_CASE("same seed, bit-identical outputs, another seed, different irregularity") {
    nm::Inputs in;
    nm::State a = nm::make_state(in, 42), b = nm::make_state(in, 42), c = nm::make_state(in, 43);
    nm::advance(a, in, 5.0); nm::advance(b, in, 5.0); nm::advance(c, in, 5.0);
    CHECK(same_bits(nm::outputs(a, in), nm::outputs(b, in)));
    CHECK(nm::outputs(a, in).vta_rate_hz != nm::outputs(c, in).vta_rate_hz);
}

TEST_CASE("no NaN or infinity and every output within its range at the corners of the input space") {
    int n_in = 0, n_out = 0;
    const nm::InputSpec* ins = nm::input_specs(&n_in);
    const nm::OutputSpec* outs = nm::output_specs(&n_out);
    // 2^15 corners are too many for a unit test: walk corners by a fixed pseudo-random sequence.
    std::uint64_t x = 12345;
    for (int trial = 0; trial < 96; ++trial) {
        nm::Inputs in;
        for (int i = 0; i < n_in; ++i) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            const int pick = static_cast<int>((x >> 33) % 3);  // min, max or typical
            in.*(ins[i].field) = pick == 0 ? ins[i].min : pick == 1 ? ins[i].max : ins[i].typical;
        }
        nm::State s = nm::make_state(nm::Inputs{}, 1);
        nm::apply_event(s, nm::Event::Cue);
        nm::advance(s, in, 2.0);
        nm::apply_event(s, nm::Event::Reward);
        nm::apply_event(s, nm::Event::Omit);
        nm::advance(s, in, 20.0);
        const nm::Outputs o = nm::outputs(s, in);
        for (int k = 0; k < n_out; ++k) {
            const double v = o.*(outs[k].field);
            CHECK_MESSAGE(std::isfinite(v), outs[k].name);
            CHECK_MESSAGE(v >= outs[k].min, outs[k].name);
            CHECK_MESSAGE(v <= outs[k].max, outs[k].name);
        }
    }
}

TEST_CASE("advance ignores non-positive and NaN time steps") {
    nm::Inputs in;
    nm::State s = nm::make_state(in, 1);
    nm::advance(s, in, -1.0);
    nm::advance(s, in, NAN);
    nm::advance(s, in, 0.0);
    CHECK(s.steps == 0);
}
