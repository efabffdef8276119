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
    std::string s = na::describe_scene(na::scene_view(app));
    for (const char* part : {"VTA", "mesolimbic", "mesocortical", "locus coeruleus", "raphe", "thyroid", "Drive is", "Try next:", "Cue"})
        CHECK_MESSAGE(s.find(part) != std::string::npos, part);
    CHECK(s.find("about typical") != std::string::npos);
    CHECK(s.find("your") == std::string::npos);
    // After a change the words follow the state.
    na::set_input_value(app, "dopamine", 0.2);
    na::advance_sim(app, 5.0);
    s = na::describe_scene(na::scene_view(app));
    CHECK(s.find("far below typical") != std::string::npos);
    REQUIRE(na::set_language(app, "es"));
    s = na::describe_scene(na::scene_view(app));
    CHECK(s.find("vía mesolímbica") != std::string::npos);
    CHECK(s.find("Prueba ahora") != std::string::npos);
}

TEST_CASE("key events are announced once each, never faster than one per 3 s of simulated time") {
    na::App app;
    REQUIRE(na::init(app));
    // The app's announcer memory, its brain's key events and the strings: what the bridge passes.
    auto take_key_event_announcement = [&app] { return na::take_key_event_announcement(app.ui.announced, app.brain.history, app.strings); };
    CHECK(take_key_event_announcement().empty());
    na::fire_event(app, nm::Event::Reward);  // a surprise reward
    const std::string first = take_key_event_announcement();
    CHECK(first.find("surprise") != std::string::npos);
    CHECK(take_key_event_announcement().empty());  // once
    na::advance_sim(app, 1.0);
    na::fire_event(app, nm::Event::Reward);
    CHECK(take_key_event_announcement().empty());  // too soon
    // Train the cue, then omit: the dip is announced.
    app.auto_trials = true;
    app.next_auto_trial_s = app.brain.state.time_s + 0.2;
    na::advance_sim(app, 60.0);
    app.auto_trials = false;
    na::advance_sim(app, 5.0);
    take_key_event_announcement();
    na::fire_event(app, nm::Event::Omit);
    na::advance_sim(app, 2.0);
    CHECK(take_key_event_announcement().find("Dip") != std::string::npos);
}
