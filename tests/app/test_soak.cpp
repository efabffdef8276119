// test_soak.cpp - 24 hours of simulated time with random inputs and events every simulated second:
// no NaN or infinity, every output within its documented range, bounded memory. (Label: soak.)
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>

#include "app.hpp"
#include "neurodrive/names.hpp"

namespace na = neurodrive::app;
namespace nm = neurodrive::model;

TEST_CASE("soak: 24 h of simulated time with random inputs and events every simulated second") {
    na::App app;
    REQUIRE(na::init(app));
    app.speed = 4.0f;
    int n_in = 0, n_out = 0;
    const nm::InputSpec* ins = nm::input_specs(&n_in);
    const nm::OutputSpec* outs = nm::output_specs(&n_out);
    std::uint64_t x = 0x853c49e6748fea9bull;
    auto next = [&x]() { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
    const double day_s = 24.0 * 3600.0;
    double next_change_s = 0.0;
    long checks = 0, bad = 0;
    std::size_t max_events = 0, max_trials = 0;
    while (app.brain.state.time_s < day_s) {
        if (app.brain.state.time_s >= next_change_s) {
            next_change_s += 1.0;
            const nm::InputSpec& spec = ins[next() % static_cast<std::uint64_t>(n_in)];
            const double u = static_cast<double>(next() % 10001) / 10000.0;
            na::set_input_value(app, spec.name, spec.min + u * (spec.max - spec.min));
            switch (next() % 8) {
            case 0: na::fire_event(app, nm::Event::Cue); break;
            case 1: na::fire_event(app, nm::Event::Reward); break;
            case 2: na::fire_event(app, nm::Event::Omit); break;
            case 3: app.auto_trials = !app.auto_trials; break;
            default: break;
            }
            for (int k = 0; k < n_out; ++k) {
                const double v = app.brain.out.*(outs[k].field);
                if (!std::isfinite(v) || v < outs[k].min || v > outs[k].max) {
                    if (++bad <= 5) FAIL_CHECK(outs[k].name << " = " << v << " is outside " << outs[k].min << ".." << outs[k].max);
                }
            }
            ++checks;
        }
        na::update(app, 1.0 / 60.0);
        max_events = std::max(max_events, app.brain.history.events.size());
        max_trials = std::max(max_trials, app.brain.history.trials.size());
    }
    CHECK(checks >= 86400);
    CHECK(max_trials <= 200);          // bounded history: memory stays flat
    CHECK(max_events <= 200);
    CHECK(app.brain.history.da_nac.count == na::kHistorySamples);
}
