// test_combinations.cpp - drugs in combination (issue 19, SCIENCE.md section 7): every pair of
// manipulations at 0, 0.5 and 1, and every level input at 0, 1 and 2 with each manipulation at 0.5 and 1,
// gives finite outputs within their documented ranges. The published interactions themselves (a
// neuroleptic blocks stimulant stereotypy, D2 blockade reduces stimulant-driven responding, COMT
// inhibition helps a low-DA PFC and hurts a high-DA one) are findings of the registry.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "neurodrive/names.hpp"

namespace nm = neurodrive::model;

namespace {
void check_in_range(const nm::Inputs& in, const std::string& label) {
    int n = 0;
    const nm::OutputSpec* outs = nm::output_specs(&n);
    const nm::Outputs o = test::steady(in, 3.0);
    for (int j = 0; j < n; ++j) {
        const double v = o.*(outs[j].field);
        if (std::isfinite(v) && v >= outs[j].min && v <= outs[j].max) continue;
        INFO(label, ": ", outs[j].name, " = ", v, " (range ", outs[j].min, " to ", outs[j].max, ")");
        CHECK(false);
    }
}

std::vector<const nm::InputSpec*> inputs_of(nm::InputKind kind) {
    int n = 0;
    const nm::InputSpec* specs = nm::input_specs(&n);
    std::vector<const nm::InputSpec*> out;
    for (int i = 0; i < n; ++i) if (specs[i].kind == kind) out.push_back(&specs[i]);
    return out;
}
}  // namespace

TEST_CASE("combinations: every pair of manipulations at 0, 0.5 and 1 gives finite outputs within range") {
    const auto manips = inputs_of(nm::InputKind::Manipulation);
    REQUIRE(manips.size() >= 10);
    int runs = 0;
    for (std::size_t a = 0; a < manips.size(); ++a)
        for (std::size_t b = a + 1; b < manips.size(); ++b)
            for (double va : {0.0, 0.5, 1.0})
                for (double vb : {0.5, 1.0}) {  // vb = 0 is the single sweep of test_extremes.cpp
                    nm::Inputs in;
                    in.*(manips[a]->field) = va;
                    in.*(manips[b]->field) = vb;
                    check_in_range(in, std::string(manips[a]->name) + "=" + std::to_string(va) + " " + std::string(manips[b]->name) + "=" + std::to_string(vb));
                    ++runs;
                }
    CHECK(runs == static_cast<int>(manips.size() * (manips.size() - 1) / 2 * 6));
}

TEST_CASE("combinations: every level input at 0, 1 and 2 with each manipulation at 0.5 and 1 gives finite outputs within range") {
    const auto levels = inputs_of(nm::InputKind::Level), manips = inputs_of(nm::InputKind::Manipulation);
    REQUIRE(levels.size() >= 7);
    for (const auto* level : levels)
        for (double lv : {0.0, 1.0, 2.0})
            for (const auto* m : manips)
                for (double mv : {0.5, 1.0}) {
                    nm::Inputs in;
                    in.*(level->field) = lv;
                    in.*(m->field) = mv;
                    check_in_range(in, std::string(level->name) + "=" + std::to_string(lv) + " " + std::string(m->name) + "=" + std::to_string(mv));
                }
}
