// test_a11y.cpp - the accessible mirror's content and the throttled announcements.
#include <doctest/doctest.h>

#include <string>

#include "a11y.hpp"

namespace na = neurodrive::app;

TEST_CASE("the mirror lists every input with a spoken value, the events and the presets") {
    na::App app;
    REQUIRE(na::init(app));
    na::set_input_value(app, "thyroid", 0.3);
    const std::string m = na::mirror_json(app);
    CHECK(m.find("\"valuetext\":\"Thyroid hormone: 30% of typical, very low\"") != std::string::npos);
    CHECK(m.find("\"name\":\"nac_depletion\"") != std::string::npos);
    CHECK(m.find("\"name\":\"omit\"") != std::string::npos);
    CHECK(m.find("\"id\":\"stimulant\"") != std::string::npos);
    CHECK(m.find("\"summary\":\"Motivation") != std::string::npos);
}

TEST_CASE("announcements name the change and its cause, only for changes of 5 points or more") {
    na::App app;
    REQUIRE(na::init(app));
    CHECK(na::take_announcement(app).empty());  // first call sets the reference
    na::advance_sim(app, 1.0);
    CHECK(na::take_announcement(app).empty());  // nothing meaningful changed
    na::set_input_value(app, "thyroid", 0.3);
    na::advance_sim(app, 30.0);
    const std::string a = na::take_announcement(app);
    CHECK(a.rfind("Motivation fell from", 0) == 0);
    CHECK(a.find("thyroid") != std::string::npos);
    CHECK(na::take_announcement(app).empty());  // said once
}

TEST_CASE("the mirror reports which controls are locked and why") {
    na::App app;
    REQUIRE(na::init(app));
    std::string m = na::mirror_json(app);
    CHECK(m.find(R"("locks":{"presets":false,"events":false,"time":false,"experiments":false,"reset":false})") != std::string::npos);
    na::apply_query(app, "lock=thyroid,presets,events,time,experiments");
    m = na::mirror_json(app);
    CHECK(m.find(R"("locks":{"presets":true,"events":true,"time":true,"experiments":true,"reset":true})") != std::string::npos);
    CHECK(m.find(R"("name":"thyroid")") < m.find(R"("locked":true)"));
    CHECK(m.find(R"("time":"Locked by the page that embeds NeuroDrive")") != std::string::npos);  // the reason, in the UI language
    REQUIRE(na::set_language(app, "es"));
    CHECK(na::mirror_json(app).find(R"("time":"Bloqueado por la página que inserta NeuroDrive")") != std::string::npos);
    na::App b;
    REQUIRE(na::init(b));
    na::apply_query(b, "lock=time");
    CHECK(na::mirror_json(b).find(R"("reset":true)") != std::string::npos);  // Reset all restarts time too
}
