// test_commands.cpp - the one lock check (commands.hpp): every command refuses what a lock forbids,
// names the lock, and changes nothing; set() is all-or-nothing and exact to the last bit.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>

#include "commands.hpp"
#include "json_text.hpp"
#include "url_params.hpp"

namespace na = neurodrive::app;

namespace {
bool same(const neurodrive::model::Inputs& a, const neurodrive::model::Inputs& b) { return std::memcmp(&a, &b, sizeof a) == 0; }
bool names(const std::string& err, const std::string& lock) {
    return err.find("locked by the page that embeds NeuroDrive (lock=" + lock + ")") != std::string::npos;
}
}  // namespace

TEST_CASE("unlocked commands apply and answer with no error") {
    na::App app;
    REQUIRE(na::init(app));
    CHECK(na::cmd_set_input(app, "thyroid", 0.4).empty());
    CHECK(app.brain.inputs.thyroid == 0.4);
    CHECK(na::cmd_preset(app, "stimulant").empty());
    CHECK(app.brain.preset == "stimulant");
    CHECK(na::cmd_event(app, "cue").empty());
    CHECK(na::cmd_pause(app).empty());
    CHECK(app.paused);
    CHECK(na::cmd_step(app, 0.5).empty());
    CHECK(na::cmd_play(app).empty());
    CHECK(!app.paused);
    CHECK(na::cmd_speed(app, 2.0).empty());
    CHECK(app.speed == 2.0f);
    CHECK(na::cmd_auto_trials(app, true).empty());
    CHECK(na::cmd_reset(app).empty());
    CHECK(app.brain.preset == "baseline");
    CHECK(na::cmd_run_experiment(app, 0).empty());
}

TEST_CASE("every group lock refuses its commands, names the lock and changes nothing") {
    na::App app;
    REQUIRE(na::init(app));
    na::apply_query(app, "preset=hypothyroid&lock=thyroid,presets,events,time,experiments");
    const auto inputs = app.brain.inputs;
    const int trials = app.brain.state.trials;
    CHECK(names(na::cmd_set_input(app, "thyroid", 1.0), "thyroid"));
    CHECK(names(na::cmd_set_input(app, "thyroid", 0.3), "thyroid"));  // even to the value it has
    CHECK(names(na::cmd_set_input(app, "dat_block", 0.5), "experiments"));
    CHECK(names(na::cmd_preset(app, "baseline"), "presets"));
    CHECK(names(na::cmd_reset(app), "presets"));
    CHECK(names(na::cmd_event(app, "cue"), "events"));
    CHECK(names(na::cmd_event(app, "reward"), "events"));
    CHECK(names(na::cmd_auto_trials(app, true), "events"));
    CHECK(names(na::cmd_pause(app), "time"));
    CHECK(names(na::cmd_toggle_pause(app), "time"));
    CHECK(names(na::cmd_speed(app, 2.0), "time"));
    CHECK(names(na::cmd_run_experiment(app, 0), "experiments"));
    app.paused = true;
    CHECK(names(na::cmd_play(app), "time"));
    CHECK(names(na::cmd_step(app, 0.1), "time"));
    CHECK(na::cmd_set_input(app, "thyroid", 1.0) == "thyroid is locked by the page that embeds NeuroDrive (lock=thyroid)");
    CHECK(same(app.brain.inputs, inputs));
    CHECK(app.brain.preset == "hypothyroid");
    CHECK(app.brain.state.trials == trials);
    CHECK(!app.auto_trials);
    CHECK(app.speed == 1.0f);
    // Unlocked inputs still move.
    CHECK(na::cmd_set_input(app, "dopamine", 0.5).empty());
}

TEST_CASE("an input lock holds against presets and Reset all") {
    na::App app;
    REQUIRE(na::init(app));
    na::apply_query(app, "preset=hypothyroid&lock=thyroid");
    const std::string err = na::cmd_preset(app, "baseline");
    CHECK(names(err, "thyroid"));
    CHECK(err.find("preset baseline would change it") != std::string::npos);
    CHECK(app.brain.inputs.thyroid == 0.3);
    CHECK(na::cmd_preset(app, "hypothyroid").empty());       // leaves thyroid as it is
    CHECK(na::cmd_preset(app, "stimulant").find("thyroid") != std::string::npos);
    CHECK(na::cmd_set_input(app, "dopamine", 0.5).empty());
    CHECK(na::cmd_reset(app).empty());                        // everything else back to baseline
    CHECK(app.brain.inputs.thyroid == 0.3);
    CHECK(app.brain.inputs.dopamine == 1.0);
    CHECK(names(na::cmd_set_inputs_json(app, R"({"dopamine":0.5,"thyroid":0.9})"), "thyroid"));
    CHECK(app.brain.inputs.dopamine == 1.0);                        // all or nothing
}

TEST_CASE("set: names read with their full length, types and ranges checked, all or nothing") {
    na::App app;
    REQUIRE(na::init(app));
    const std::string nul_key = std::string(R"({"thyroid)") + '\\' + "u0000junk\":0.5}";
    const std::string err = na::cmd_set_inputs_json(app, nul_key);
    CHECK(err.find("NUL") != std::string::npos);
    CHECK(na::cmd_set_input(app, std::string("thyroid\0junk", 12), 0.5).find("NUL") != std::string::npos);
    for (const char* bad : {R"({"thyroid":"0.5"})", R"({"thyroid":3})", R"({"thyroid":-0.1})", R"({"mojo":1})", "[1]", "{", "",
                            R"({"thyroid":0.5,"dopamine":true})", R"({"thyroid":1e999})"})
        CHECK_MESSAGE(!na::cmd_set_inputs_json(app, bad).empty(), bad);
    CHECK(app.brain.inputs.thyroid == 1.0);
    CHECK(na::cmd_set_inputs_json(app, std::string(17000, ' ')).find("16 KB") != std::string::npos);
    CHECK(na::cmd_speed(app, 1e-300).find("0.25") != std::string::npos);
    CHECK(!na::cmd_event(app, std::string("cue\0x", 5)).empty());
    CHECK(!na::cmd_preset(app, std::string("stimulant\0", 10)).empty());
}

TEST_CASE("2000 random doubles: set then get gives back the same bits") {
    na::App app;
    REQUIRE(na::init(app));
    std::mt19937_64 rng(2024);
    std::uniform_real_distribution<double> level(0.0, 2.0), fraction(0.0, 1.0);
    int checked = 0;
    for (int i = 0; i < 1000; ++i) {
        const double a = level(rng), b = fraction(rng);
        // The shortest text that reads back as the same double: what JSON.stringify writes.
        const std::string json = "{\"thyroid\":" + na::format_exact(a) + ",\"dat_block\":" + na::format_exact(b) + "}";
        REQUIRE(na::cmd_set_inputs_json(app, json).empty());
        rapidjson::Document state;
        REQUIRE(na::parse_json(na::state_json(app), "state", &state).empty());
        const double ga = state["inputs"]["thyroid"].GetDouble(), gb = state["inputs"]["dat_block"].GetDouble();
        CHECK(std::memcmp(&ga, &a, sizeof a) == 0);
        CHECK(std::memcmp(&gb, &b, sizeof b) == 0);
        CHECK(app.brain.inputs.thyroid == a);
        CHECK(app.brain.inputs.dat_block == b);
        checked += 2;
    }
    CHECK(checked == 2000);
}

TEST_CASE("settings the user chooses are validated") {
    na::App app;
    REQUIRE(na::init(app));
    CHECK(na::cmd_theme(app, "projector").empty());
    CHECK(!na::cmd_theme(app, "neon").empty());
    CHECK(app.settings.theme == "projector");
    CHECK(na::cmd_language(app, "es").empty());
    CHECK(app.settings.lang == "es");
    CHECK(!na::cmd_language(app, "xx").empty());
    CHECK(na::cmd_scale(app, 1.25).empty());
    CHECK(!na::cmd_scale(app, 9.0).empty());
    CHECK(app.settings.scale == 1.25f);
}

TEST_CASE("numbers read exactly, also where RapidJSON 1.1.0's full-precision path is undefined (found by fuzzing)") {
    rapidjson::Document d;
    REQUIRE(na::parse_json(R"([0e-300, 0e-324, -0, 5e-324, 1.7976931348623157e308, 0.30000000000000004, 4294967295, -2147483649, 18446744073709551615, 18446744073709551616])", "t", &d).empty());
    CHECK(d[0].GetDouble() == 0.0);
    CHECK(d[1].GetDouble() == 0.0);
    CHECK(d[2].IsInt());
    CHECK(d[3].GetDouble() == 5e-324);
    CHECK(d[4].GetDouble() == 1.7976931348623157e308);
    CHECK(d[5].GetDouble() == 0.30000000000000004);
    CHECK(d[6].IsUint());
    CHECK(d[7].IsInt64());
    CHECK(d[8].IsUint64());
    CHECK(d[9].IsDouble());
    const std::string long_mantissa = "[8888888" + std::string(120, '0') + "6086200000001E0308]";
    CHECK(!na::parse_json(long_mantissa, "t", &d).empty());  // too big for a double: refused, not misread
    CHECK(d.IsNull());
    CHECK(na::parse_json("[1e999]", "t", &d).find("too big") != std::string::npos);
    CHECK(!na::parse_json("{\"a\":\"\xff\"}", "t", &d).empty());  // invalid UTF-8
}

TEST_CASE("JSON nesting is limited to 16 levels on the one reader: deeper text is refused with a clear error, not recursed into") {
    rapidjson::Document d;
    auto nested = [](int depth, const char* open, const char* close) {
        std::string s;
        for (int i = 0; i < depth; ++i) s += open;
        s += "1";
        for (int i = 0; i < depth; ++i) s += close;
        return s;
    };
    CHECK(na::parse_json(nested(16, "[", "]"), "t", &d).empty());
    CHECK(na::parse_json(nested(15, "{\"a\":", "}"), "t", &d).empty());
    for (int depth : {17, 100, 8000}) {
        const std::string err = na::parse_json(nested(depth, "[", "]"), "message", &d);
        CHECK_MESSAGE(err.find("message: JSON error at byte 17: nested deeper than 16 levels") != std::string::npos, err);
        CHECK(d.IsNull());
        CHECK(na::parse_json(nested(depth, "{\"k\":", "}"), "t", &d).find("nested deeper than 16 levels") != std::string::npos);
    }
}
