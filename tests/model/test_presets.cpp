// test_presets.cpp - the presets document and its parser.
#include <doctest/doctest.h>

#include <string>

#include "neurodrive/io/presets.hpp"

namespace nm = neurodrive::model;

TEST_CASE("the built-in presets parse and cover the required scenarios") {
    const auto& list = neurodrive::io::builtin_presets();
    REQUIRE(list.error.empty());
    for (const char* id : {"baseline", "hypothyroid", "low_testosterone", "low_estradiol", "chronic_stress", "acute_stress",
                           "dopamine_depletion", "stimulant", "ssri_like", "depleted_pfc",
                           "dat_blocker", "ssri_weeks", "high_dose_stimulant", "hyperthyroid", "low_cortisol"})
        CHECK_MESSAGE(neurodrive::io::find_preset(id) != nullptr, id);
    CHECK(neurodrive::io::find_preset("hypothyroid")->inputs.thyroid == 0.3);
    for (const auto& p : list.presets) CHECK(nm::inputs_valid(p.inputs));
    CHECK(neurodrive::io::find_preset("ssri_weeks")->settle_days >= 14.0);
    CHECK(neurodrive::io::find_preset("ssri_like")->settle_days == 0.0);
}

TEST_CASE("drugs named by mechanism act by it: the stimulant blocks DAT and NET, the DAT blocker only DAT, the SSRI only SERT") {
    const auto* mph = neurodrive::io::find_preset("stimulant");
    CHECK(mph->inputs.dat_block > 0.0);
    CHECK(mph->inputs.net_block > 0.0);
    const auto* dat = neurodrive::io::find_preset("dat_blocker");
    CHECK(dat->inputs.dat_block > 0.0);
    CHECK(dat->inputs.net_block == 0.0);
    CHECK(neurodrive::io::find_preset("ssri_like")->inputs.sert_block > 0.0);
    CHECK(neurodrive::io::find_preset("ssri_like")->inputs.serotonin == 1.0);
}

TEST_CASE("bad preset documents give a clear error and no presets") {
    const char* bad[] = {
        "", "{", "[]", "{\"presets\": []}", "{\"presets\": [1]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{\"thyroid\": 3}}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{\"mojo\": 1}}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{\"thyroid\": \"1\"}}]}",
        ("{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{}},"
         "{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{}}]}"),
        "{\"presets\": [{\"id\":\"\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{}}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{},\"settle_days\":-1}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{},\"mood\":1}]}",
    };
    for (const char* text : bad) {
        const neurodrive::io::PresetList list = neurodrive::io::parse_presets(text);
        CHECK_MESSAGE(!list.error.empty(), text);
        CHECK(list.presets.empty());
    }
    CHECK(neurodrive::io::parse_presets("{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{\"mojo\": 1}}]}")
              .error.find("mojo") != std::string::npos);
}
