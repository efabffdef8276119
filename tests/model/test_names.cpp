// test_names.cpp - the naming contract.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "neurodrive/names.hpp"

namespace nm = neurodrive::model;

TEST_CASE("every contract name exists") {
    for (const char* n : {"dopamine", "norepinephrine", "serotonin", "testosterone", "estradiol", "thyroid", "cortisol",
                          "dat_block", "net_block", "comt_inhibition", "d2_antagonist", "d1_agonist_pfc", "ht2c_agonist", "nac_depletion",
                          "acute_stressor", "sert_block", "pfc_depletion"})
        CHECK_MESSAGE(nm::find_input(n) != nullptr, n);
    for (const char* n : {"motivation", "wanting", "liking", "vigor", "effort_willingness", "executive", "vigilance", "mood",
                          "vta_rate_hz", "da_nac_nM", "da_pfc_nM", "mesolimbic", "mesocortical", "rpe", "response_latency_s",
                          "patience_s", "sim_day", "vta_mc_rate_hz", "da_dstr_nM", "stereotypy", "activation", "ht1a_sensitivity"})
        CHECK_MESSAGE(nm::find_output(n) != nullptr, n);
    CHECK(nm::parse_event("cue") == nm::Event::Cue);
    CHECK(nm::parse_event("omit") == nm::Event::Omit);
    CHECK(!nm::parse_event("Cue").has_value());
}

TEST_CASE("set_input rejects unknown names, NaN, infinity and out-of-range values, and never clamps") {
    nm::Inputs in;
    char buf[160];
    CHECK(nm::set_input(in, "thyroid", 0.3, buf, sizeof buf).empty());
    CHECK(in.thyroid == 0.3);
    CHECK(!nm::set_input(in, "thyroid", 2.5, buf, sizeof buf).empty());
    CHECK(!nm::set_input(in, "thyroid", NAN, buf, sizeof buf).empty());
    CHECK(!nm::set_input(in, "dat_block", 1.5, buf, sizeof buf).empty());
    CHECK(!nm::set_input(in, "dat_block", -INFINITY, buf, sizeof buf).empty());
    const std::string err(nm::set_input(in, "happiness", 1.0, buf, sizeof buf));
    CHECK(err.find("happiness") != std::string::npos);
    CHECK(in.thyroid == 0.3);
}

TEST_CASE("every input has a group, a colour role, a unit and a tier: levels are 0-2 around 1, manipulations 0-1 around 0") {
    int n = 0;
    const nm::InputSpec* specs = nm::input_specs(&n);
    for (int i = 0; i < n; ++i) {
        INFO(specs[i].name);
        const bool level = specs[i].kind == nm::InputKind::Level;
        CHECK((specs[i].group == "transmitter" || specs[i].group == "hormone" || specs[i].group == "manipulation"));
        CHECK((specs[i].group == "manipulation") == !level);
        CHECK(!specs[i].role.empty());
        CHECK(!specs[i].tier.empty());
        CHECK(specs[i].min == 0.0);
        CHECK(specs[i].max == (level ? 2.0 : 1.0));
        CHECK(specs[i].typical == (level ? 1.0 : 0.0));
    }
}
