// test_names.cpp - the naming contract.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "neurodrive/names.hpp"

namespace nm = neurodrive::model;

TEST_CASE("every contract name exists") {
    for (const char* n : {"dopamine", "norepinephrine", "serotonin", "testosterone", "estradiol", "thyroid", "cortisol",
                          "dat_block", "net_block", "comt_inhibition", "d2_antagonist", "d1_agonist_pfc", "ht2c_agonist", "nac_depletion"})
        CHECK_MESSAGE(nm::find_input(n) != nullptr, n);
    for (const char* n : {"motivation", "wanting", "liking", "vigor", "effort_willingness", "executive", "vigilance", "mood",
                          "vta_rate_hz", "da_nac_nM", "da_pfc_nM", "mesolimbic", "mesocortical", "rpe", "response_latency_s",
                          "patience_s", "sim_day"})
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
