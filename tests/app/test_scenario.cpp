// test_scenario.cpp - the scenario builder (scenario.hpp): it offers every lockable input and group,
// every hideable panel and every lesson with labels; the link it builds carries exactly the chosen
// view plus the current state and reads back the same (parse_query); bad options are refused whole.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "json_text.hpp"
#include "commands.hpp"
#include "scenario.hpp"
#include "url_params.hpp"
#include "neurodrive/names.hpp"

namespace na = neurodrive::app;

TEST_CASE("the builder offers every input, lock group, panel and lesson, labelled in the UI language") {
    na::App app;
    REQUIRE(na::init(app));
    rapidjson::Document d;
    REQUIRE(na::parse_json(na::builder_json(na::scenario_view(app)), "builder", &d).empty());
    int n = 0;
    neurodrive::model::input_specs(&n);
    CHECK(d["inputs"].Size() == static_cast<unsigned>(n));
    CHECK(d["groups"].Size() == na::lockable_groups().size());
    CHECK(d["panels"].Size() == na::hideable_panels().size());
    CHECK(d["lessons"].Size() == app.lessons.size());
    for (const char* list : {"inputs", "groups", "panels"})
        for (const auto& item : d[list].GetArray()) {
            const std::string label = item["label"].GetString();
            CHECK_MESSAGE(!label.empty(), list);
            CHECK_MESSAGE(label.rfind("builder.", 0) != 0, "no label for " << item["name"].GetString());  // a missing key shows itself
            CHECK_MESSAGE(label.rfind("input.", 0) != 0, "no label for " << item["name"].GetString());
        }
    CHECK(std::string(d["labels"]["builder.title"].GetString()) == "Share this scenario");
    CHECK(std::string(d["embed_titles"]["es"].GetString()) == "NeuroDrive: la neuroquímica de la motivación");
    CHECK(std::string(d["embed_titles"]["en"].GetString()) == "NeuroDrive: the neurochemistry of drive");
    REQUIRE(na::set_language(app, "es"));
    REQUIRE(na::parse_json(na::builder_json(na::scenario_view(app)), "builder", &d).empty());
    CHECK(std::string(d["labels"]["builder.title"].GetString()) == "Compartir este escenario");
    CHECK(std::string(d["current"]["lang"].GetString()) == "es");
}

TEST_CASE("a scenario link carries the state and exactly the chosen view, and reads back the same") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_preset(app, "hypothyroid").empty());
    REQUIRE(na::cmd_set_input(app, "dopamine", 0.7).empty());
    std::string q;
    REQUIRE(na::scenario_query(na::scenario_view(app), R"({"lock":["thyroid","events","thyroid"],"hide":["plots","legend"],"lesson":"tonic_vs_phasic",
        "lang":"es","theme":"projector","scale":1.5,"minimal":true})", &q) == "");
    const na::UrlConfig c = na::parse_query(q);
    CHECK(c.ignored.empty());
    neurodrive::model::Inputs back{};
    std::string preset;
    na::apply_inputs(c, &back, &preset);
    CHECK(std::memcmp(&back, &app.brain.inputs, sizeof back) == 0);  // exactly, to the last bit
    CHECK(c.values.lock == std::vector<std::string>{"thyroid", "events"});
    CHECK(c.values.hide == std::vector<std::string>{"plots", "legend"});
    CHECK(c.values.lesson == std::optional<std::string>("tonic_vs_phasic"));
    CHECK(c.values.lang == std::optional<std::string>("es"));
    CHECK(c.values.theme == std::optional<std::string>("projector"));
    CHECK(c.values.scale == std::optional<double>(1.5));
    CHECK(c.values.ui == std::optional<std::string>("minimal"));
    // Nothing chosen: the share link itself; everything off: no view parameters at all.
    REQUIRE(na::scenario_query(na::scenario_view(app), "{}", &q) == "");
    CHECK(q == na::share_query(app));
    REQUIRE(na::scenario_query(na::scenario_view(app), R"({"lock":[],"hide":[],"lesson":"","lang":"en","theme":"dark","scale":1,"minimal":false})", &q) == "");
    CHECK(q == na::share_query(app.brain.inputs, app.brain.preset, na::SettingValues{}));
    CHECK(q.find("dopamine=0.7") != std::string::npos);
}

TEST_CASE("bad scenario options are refused with an error that names them, and the link is untouched") {
    na::App app;
    REQUIRE(na::init(app));
    std::string q = "unchanged";
    auto refused = [&](const char* json, const char* part) {
        const std::string err = na::scenario_query(na::scenario_view(app), json, &q);
        CHECK_MESSAGE(err.find(part) != std::string::npos, json << " -> " << err);
        CHECK(q == "unchanged");
    };
    refused("[]", "takes an object");
    refused("not json", "takes an object");
    refused(R"({"lock":["mojo"]})", "unknown control \"mojo\"");
    refused(R"({"lock":"thyroid"})", "lock must be an array");
    refused(R"({"hide":["brain"]})", "unknown panel \"brain\"");
    refused(R"({"lesson":"nope"})", "unknown lesson \"nope\"; allowed: ");
    refused(R"({"lang":"xx"})", "lang must be");
    refused(R"({"theme":"neon"})", "theme must be");
    refused(R"({"scale":3})", "scale must be");
    refused(R"({"minimal":"yes"})", "minimal must be");
    refused(R"({"colour":"red"})", "unknown option \"colour\"");
    refused(R"({"lang":"en","lang":"es"})", "more than once");
    refused(std::string(20000, ' ').c_str(), "larger than 16 KB");
}
