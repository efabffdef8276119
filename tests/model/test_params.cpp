// test_params.cpp - the parameter table: one entry per Params field, every entry sourced, and the
// model runs from any Params it is given (the published defaults when none is).
#include <doctest/doctest.h>

#include <cstring>
#include <set>
#include <string>

#include "neurodrive/experiments.hpp"
#include "neurodrive/names.hpp"

namespace nm = neurodrive::model;

TEST_CASE("every Params field is in the table once, with a unit or scale, a tier and a source") {
    int n = 0;
    const nm::ParamSpec* specs = nm::param_specs(&n);
    CHECK(static_cast<std::size_t>(n) * sizeof(double) == sizeof(nm::Params));
    std::set<std::string> names;
    const nm::Params defaults;
    for (int i = 0; i < n; ++i) {
        INFO(specs[i].name);
        CHECK(names.insert(std::string(specs[i].name)).second);
        CHECK(!specs[i].source.empty());
        CHECK(!specs[i].tier.empty());
        CHECK(defaults.*(specs[i].field) == specs[i].value);
        CHECK(nm::find_param(specs[i].name) == &specs[i]);
    }
}

TEST_CASE("a brain with other parameters behaves differently, and the defaults are the published ones") {
    nm::Params fast;
    fast.ml_tonic_hz = 8.0;
    const nm::Outputs a = nm::steady_outputs(nm::Inputs{}), b = nm::steady_outputs(nm::Inputs{}, fast);
    CHECK(a.vta_rate_hz == doctest::Approx(4.5).epsilon(0.1));
    CHECK(b.vta_rate_hz == doctest::Approx(8.0).epsilon(0.1));
    nm::State s = nm::make_state(nm::Inputs{}, 1, fast);
    CHECK(s.params.ml_tonic_hz == 8.0);
}
