// test_presets.cpp - the presets document and its parser.
#include <doctest/doctest.h>

#include <string>

#include "neurodrive/presets.hpp"

namespace nm = neurodrive::model;

TEST_CASE("the built-in presets parse and cover the required scenarios") {
    const auto& list = nm::builtin_presets();
    REQUIRE(list.error.empty());
    for (const char* id : {"baseline", "hypothyroid", "low_testosterone", "low_estradiol", "chronic_stress", "acute_stress",
                           "dopamine_depletion", "stimulant", "ssri_like", "depleted_pfc"})
        CHECK_MESSAGE(nm::find_preset(id) != nullptr, id);
    CHECK(nm::find_preset("hypothyroid")->inputs.thyroid == 0.3);
    for (const auto& p : list.presets) CHECK(nm::inputs_valid(p.inputs));
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
    };
    for (const char* text : bad) {
        const nm::PresetList list = nm::parse_presets(text);
        CHECK_MESSAGE(!list.error.empty(), text);
        CHECK(list.presets.empty());
    }
    CHECK(nm::parse_presets("{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{\"mojo\": 1}}]}")
              .error.find("mojo") != std::string::npos);
}
