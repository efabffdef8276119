// test_messages.cpp - the host-page protocol: every message validated, every reply well-formed.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "json_text.hpp"
#include "messages.hpp"
#include "url_params.hpp"

namespace na = neurodrive::app;

TEST_CASE("commands are applied and acknowledged, with the id echoed") {
    na::App app;
    REQUIRE(na::init(app));
    auto r = na::handle_message(app, R"({"type":"neurodrive:set","inputs":{"thyroid":0.4},"id":"a1"})");
    CHECK(r.json.find("\"ok\":true") != std::string::npos);
    CHECK(r.json.find("\"id\":\"a1\"") != std::string::npos);
    CHECK(app.brain.inputs.thyroid == 0.4);
    r = na::handle_message(app, R"({"type":"neurodrive:get","id":3})");
    CHECK(r.json.rfind("{\"type\":\"neurodrive:state\"", 0) == 0);
    CHECK(r.json.find("\"id\":3") != std::string::npos);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:event","event":"cue"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(app.brain.state.td.bin == 0);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:preset","preset":"stimulant"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:compare","compare":"hypothyroid"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(app.compare.has_value());
    CHECK(na::handle_message(app, R"({"type":"neurodrive:compare","compare":"dopamine:9"})").json.find("\"ok\":false") != std::string::npos);
    CHECK(app.compare->preset == "hypothyroid");
    CHECK(na::handle_message(app, R"({"type":"neurodrive:compare","compare":"off"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(!app.compare.has_value());
    CHECK(na::handle_message(app, R"({"type":"neurodrive:pause"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(app.paused);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:subscribe","hz":5})").subscribe_hz == 5.0);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:reset"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(app.brain.preset == "baseline");
}

TEST_CASE("malformed and unknown messages get an error reply and change nothing") {
    na::App app;
    REQUIRE(na::init(app));
    const char* bad[] = {
        "", "{", "[]", "\"neurodrive\"", "{}", R"({"type":5})", R"({"type":"neurodrive:explode"})",
        R"({"type":"neurodrive:set"})", R"({"type":"neurodrive:set","inputs":[1]})", R"({"type":"neurodrive:set","inputs":{"thyroid":"0.3"}})",
        R"({"type":"neurodrive:set","inputs":{"thyroid":3}})", R"({"type":"neurodrive:set","inputs":{"mojo":1}})",
        R"({"type":"neurodrive:event","event":"party"})", R"({"type":"neurodrive:event"})", R"({"type":"neurodrive:preset","preset":7})",
        R"({"type":"neurodrive:subscribe","hz":-1})", R"({"type":"neurodrive:subscribe","hz":1e300})", R"({"type":"neurodrive:get","id":{}})",
    };
    for (const char* m : bad) {
        const auto r = na::handle_message(app, m);
        const bool error = r.json.find("neurodrive:error") != std::string::npos || r.json.find("\"ok\":false") != std::string::npos;
        CHECK_MESSAGE(error, m);
        CHECK(r.subscribe_hz < 0.0);
    }
    CHECK(app.brain.inputs.thyroid == 1.0);
    CHECK(app.brain.preset == "baseline");
    CHECK(na::handle_message(app, std::string(20000, ' ')).json.find("16 KB") != std::string::npos);
    CHECK(na::handle_message(app, std::string(1340000, 'x')).json.find("16 KB") != std::string::npos);
}

TEST_CASE("locks hold for host messages: every refused command names its lock") {
    na::App app;
    REQUIRE(na::init(app));
    na::apply_query(app, "preset=hypothyroid&lock=thyroid,presets,events,time,experiments");
    const auto before = app.brain.inputs;
    const std::pair<const char*, const char*> cases[] = {
        {R"({"type":"neurodrive:set","inputs":{"thyroid":1}})", "lock=thyroid"},
        {R"({"type":"neurodrive:set","inputs":{"dat_block":0.5}})", "lock=experiments"},
        {R"({"type":"neurodrive:preset","preset":"baseline"})", "lock=presets"},
        {R"({"type":"neurodrive:event","event":"cue"})", "lock=events"},
        {R"({"type":"neurodrive:pause"})", "lock=time"},
        {R"({"type":"neurodrive:play"})", "lock=time"},
        {R"({"type":"neurodrive:reset"})", "lock=presets"},
    };
    for (const auto& [msg, lock] : cases) {
        const auto r = na::handle_message(app, msg);
        CHECK_MESSAGE(r.json.find("\"ok\":false") != std::string::npos, msg);
        CHECK_MESSAGE(r.json.find(lock) != std::string::npos, msg);
    }
    CHECK(std::memcmp(&before, &app.brain.inputs, sizeof before) == 0);
    CHECK(app.brain.preset == "hypothyroid");
    CHECK(!app.paused);
}

TEST_CASE("exact reading: full-length keys and types, no duplicates, subscribe rates 0.1 - 30 Hz") {
    na::App app;
    REQUIRE(na::init(app));
    const std::string nul_key = std::string(R"({"type":"neurodrive:set","inputs":{"thyroid)") + '\\' + "u0000junk\":0.5}}";
    CHECK(na::handle_message(app, nul_key).json.find("NUL") != std::string::npos);
    const std::string nul_type = std::string(R"({"type":"neurodrive:get)") + '\\' + "u0000x\"}";
    CHECK(na::handle_message(app, nul_type).json.find("unknown message type") != std::string::npos);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:get","type":"neurodrive:reset"})").json.find("more than once") != std::string::npos);
    CHECK(app.brain.inputs.thyroid == 1.0);
    for (double hz : {1e-300, 0.05, 30.5, 1e9, -1.0}) {
        const auto r = na::handle_message(app, R"({"type":"neurodrive:subscribe","hz":)" + na::format_exact(hz) + "}");
        CHECK_MESSAGE(r.subscribe_hz < 0.0, hz);
        CHECK(r.json.find("\"ok\":false") != std::string::npos);
    }
    for (double hz : {0.0, 0.1, 2.0, 30.0}) CHECK(na::handle_message(app, R"({"type":"neurodrive:subscribe","hz":)" + na::format_exact(hz) + "}").subscribe_hz == hz);
    const auto full = na::handle_message(app, R"({"type":"neurodrive:subscribe","hz":5})", false);
    CHECK(full.subscribe_hz < 0.0);
    CHECK(full.json.find("too many subscribers") != std::string::npos);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:subscribe","hz":0})", false).subscribe_hz == 0.0);  // stopping is always allowed
    // Replies are well-formed JSON with the type first and the id echoed exactly.
    const auto r = na::handle_message(app, R"({"type":"neurodrive:get","id":"q\"1\\\u0001"})");
    CHECK(r.json.rfind("{\"type\":\"neurodrive:state\"", 0) == 0);
    rapidjson::Document d;
    REQUIRE(na::parse_json(r.json, "reply", &d).empty());
    CHECK(std::string(d["id"].GetString()) == "q\"1\\\x01");
}

TEST_CASE("the app never answers the message types it sends itself, so two copies of it cannot talk forever") {
    na::App app;
    REQUIRE(na::init(app));
    for (const char* type : {"neurodrive:error", "neurodrive:ack", "neurodrive:state", "neurodrive:ready", "neurodrive:xapi"}) {
        const auto r = na::handle_message(app, std::string(R"({"type":")") + type + R"(","id":7,"error":"x"})");
        CHECK_MESSAGE(r.json.empty(), type);
        CHECK(r.subscribe_hz < 0.0);
    }
    CHECK(na::handle_message(app, R"({"type":"neurodrive:hello"})").json.find("unknown message type") != std::string::npos);
}

TEST_CASE("a message nested 8000 levels deep (16 KB) is refused with an error reply") {
    na::App app;
    REQUIRE(na::init(app));
    std::string deep = R"({"type":"neurodrive:set","inputs":{"thyroid":)";
    for (int i = 0; i < 8000; ++i) deep += '[';
    for (int i = 0; i < 8000; ++i) deep += ']';
    deep += "}}";
    const auto r = na::handle_message(app, deep);
    CHECK(r.json.find("\"type\":\"neurodrive:error\"") != std::string::npos);
    CHECK(app.brain.inputs.thyroid == 1.0);
}
