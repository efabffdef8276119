// test_describe.cpp - the spoken scene and the key-event announcements for screen-reader users.
#include <doctest/doctest.h>

#include <string>

#include "app.hpp"
#include "describe.hpp"

namespace na = neurodrive::app;
namespace nm = neurodrive::model;

TEST_CASE("describing the brain names each pathway and region with its state, drive, and what to try") {
    na::App app;
    REQUIRE(na::init(app));
    na::advance_sim(app, 1.0);
    std::string s = na::describe_scene(app);
    for (const char* part : {"VTA", "mesolimbic", "mesocortical", "locus coeruleus", "raphe", "thyroid", "Drive is", "Try next:", "Cue"})
        CHECK_MESSAGE(s.find(part) != std::string::npos, part);
    CHECK(s.find("about typical") != std::string::npos);
    CHECK(s.find("your") == std::string::npos);
    // After a change the words follow the state.
    na::set_input_value(app, "dopamine", 0.2);
    na::advance_sim(app, 5.0);
    s = na::describe_scene(app);
    CHECK(s.find("far below typical") != std::string::npos);
    REQUIRE(na::set_language(app, "es"));
    s = na::describe_scene(app);
    CHECK(s.find("vía mesolímbica") != std::string::npos);
    CHECK(s.find("Prueba ahora") != std::string::npos);
}

TEST_CASE("key events are announced once each, never faster than one per 3 s of simulated time") {
    na::App app;
    REQUIRE(na::init(app));
    CHECK(na::take_key_event_announcement(app).empty());
    na::fire_event(app, nm::Event::Reward);  // a surprise reward
    const std::string first = na::take_key_event_announcement(app);
    CHECK(first.find("surprise") != std::string::npos);
    CHECK(na::take_key_event_announcement(app).empty());  // once
    na::advance_sim(app, 1.0);
    na::fire_event(app, nm::Event::Reward);
    CHECK(na::take_key_event_announcement(app).empty());  // too soon
    // Train the cue, then omit: the dip is announced.
    app.auto_trials = true;
    app.next_auto_trial_s = app.brain.state.time_s + 0.2;
    na::advance_sim(app, 60.0);
    app.auto_trials = false;
    na::advance_sim(app, 5.0);
    na::take_key_event_announcement(app);
    na::fire_event(app, nm::Event::Omit);
    na::advance_sim(app, 2.0);
    CHECK(na::take_key_event_announcement(app).find("Dip") != std::string::npos);
}
