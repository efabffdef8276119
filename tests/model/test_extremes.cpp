// test_extremes.cpp - every input and manipulation swept across its range, the others at baseline:
// all outputs finite and within their documented ranges, and drive at the top end below its best
// over the sweep - or no more than a point from typical (the input barely moves drive) - unless a
// finding of the registry says more keeps helping (SCIENCE.md section 6).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "helpers.hpp"
#include "neurodrive/findings.hpp"
#include "neurodrive/names.hpp"

namespace nm = neurodrive::model;

namespace {
bool may_rise_to_top(std::string_view input) {
    for (const auto& f : nm::finding_specs()) if (f.rises_to_top == input) return true;
    return false;
}
}  // namespace

TEST_CASE("sweeps: every input across its range gives finite outputs within range, and drive does not peak at the top end") {
    int n_in = 0, n_out = 0;
    const nm::InputSpec* ins = nm::input_specs(&n_in);
    const nm::OutputSpec* outs = nm::output_specs(&n_out);
    for (int i = 0; i < n_in; ++i) {
        const nm::InputSpec& spec = ins[i];
        const std::string name(spec.name);
        double best = -1.0, top = 0.0, typical = 0.0;
        for (int k = 0; k <= 8; ++k) {
            nm::Inputs in;
            in.*(spec.field) = spec.min + (spec.max - spec.min) * k / 8.0;
            const nm::Outputs o = test::steady(in, 20.0);  // 40 simulated days: slow adaptations settle
            for (int j = 0; j < n_out; ++j) {
                const double v = o.*(outs[j].field);
                INFO(name, " = ", in.*(spec.field), ": ", outs[j].name, " = ", v);
                CHECK(std::isfinite(v));
                CHECK(v >= outs[j].min);
                CHECK(v <= outs[j].max);
            }
            best = std::max(best, o.motivation);
            top = o.motivation;
            if (in.*(spec.field) == spec.typical) typical = o.motivation;
        }
        INFO(name, ": drive at the top end ", top, ", best over the sweep ", best, ", typical ", typical);
        if (may_rise_to_top(name)) CHECK(top <= 100.0);
        else CHECK((top < best || std::abs(top - typical) < 1.0));
    }
}

TEST_CASE("a tier-C or hormone finding lets drive rise to a slider's top only modestly") {
    for (const auto& f : nm::finding_specs()) {
        if (f.rises_to_top.empty() || nm::find_input(f.rises_to_top)->group != std::string_view("hormone")) continue;
        INFO(f.id);
        REQUIRE(nm::find_input(f.rises_to_top) != nullptr);
        nm::Inputs lo, hi;
        lo.*(nm::find_input(f.rises_to_top)->field) = 1.0;
        hi.*(nm::find_input(f.rises_to_top)->field) = 2.0;
        CHECK(test::steady(hi, 20.0).motivation - test::steady(lo, 20.0).motivation < 5.0);
    }
}
