// test_messages.cpp - the host-page protocol: every message validated, every reply well-formed.
#include <doctest/doctest.h>

#include <string>

#include "messages.hpp"

namespace na = neurodrive::app;

TEST_CASE("commands are applied and acknowledged, with the id echoed") {
    na::App app;
    REQUIRE(na::init(app));
    auto r = na::handle_message(app, R"({"type":"neurodrive:set","inputs":{"thyroid":0.4},"id":"a1"})");
    CHECK(r.json.find("\"ok\":true") != std::string::npos);
    CHECK(r.json.find("\"id\":\"a1\"") != std::string::npos);
    CHECK(app.inputs.thyroid == 0.4);
    r = na::handle_message(app, R"({"type":"neurodrive:get","id":3})");
    CHECK(r.json.rfind("{\"type\":\"neurodrive:state\"", 0) == 0);
    CHECK(r.json.find("\"id\":3") != std::string::npos);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:event","event":"cue"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(app.state.td.bin == 0);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:preset","preset":"stimulant"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:pause"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(app.paused);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:subscribe","hz":5})").subscribe_hz == 5.0);
    CHECK(na::handle_message(app, R"({"type":"neurodrive:reset"})").json.find("\"ok\":true") != std::string::npos);
    CHECK(app.preset == "baseline");
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
    CHECK(app.inputs.thyroid == 1.0);
    CHECK(app.preset == "baseline");
    CHECK(na::handle_message(app, std::string(20000, ' ')).json.find("16 KB") != std::string::npos);
}
