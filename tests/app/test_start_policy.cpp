// test_start_policy.cpp - the page's start-up and persistence policy (start_policy.hpp, persist.hpp
// host_command): when the stored state is read and written, who may send messages, when "Start here"
// shows, which deployment name is taken, what the start-up report says, and that a host's command is
// never stored while the user's own change before it is.
#include <doctest/doctest.h>

#include <string>

#include "commands.hpp"
#include "persist.hpp"
#include "start_policy.hpp"

namespace na = neurodrive::app;

namespace {
na::PersistPlan plan(const char* query, bool in_frame) { return na::persist_plan(na::parse_query(query), in_frame); }
std::string policy(const char* query, bool in_frame) { return na::message_policy(na::parse_query(query), in_frame).kind; }
}  // namespace

TEST_CASE("persistence: on at top level, off in a frame unless asked, never for a link with state or with origin= at top level") {
    CHECK(plan("", false).active);
    CHECK(!plan("", true).active);
    CHECK(plan("persist=1", true).active);
    CHECK(plan("persist=class7", true).active);
    CHECK(plan("persist=class7", true).name == "class7");
    CHECK(!plan("persist=0", false).active);
    CHECK(!plan("preset=hypothyroid", false).active);          // the link defines the state
    CHECK(!plan("persist=1&dopamine=0.5", true).active);
    // origin= at top level: off, and the notice says why - only because of origin=.
    const na::PersistPlan o = plan("origin=https://lms.example.org", false);
    CHECK(!o.active);
    CHECK(o.origin_off);
    CHECK(!plan("origin=https://lms.example.org&persist=0", false).origin_off);  // not wanted anyway
    CHECK(!plan("origin=https://lms.example.org&preset=hypothyroid", false).origin_off);
    CHECK(!plan("origin=https://lms.example.org", true).origin_off);  // a frame: origin= names its parent
    CHECK(!plan("", false).origin_off);
}

TEST_CASE("the stored state's report: what was read, what was ignored, and storage that cannot be used turns persistence off") {
    CHECK(std::string(na::stored_outcome(false, na::StoredRead::Text, {}).stored) == "off");
    CHECK(!na::stored_outcome(false, na::StoredRead::Text, {}).active);
    CHECK(std::string(na::stored_outcome(true, na::StoredRead::Nothing, {}).stored) == "none");
    CHECK(std::string(na::stored_outcome(true, na::StoredRead::Text, {}).stored) == "restored");
    const na::StoredOutcome damaged = na::stored_outcome(true, na::StoredRead::Text, {{"inputs.x", "not a known input"}});
    CHECK(std::string(damaged.stored) == "damaged");
    REQUIRE(damaged.ignored.size() == 1);
    CHECK(damaged.active);
    const na::StoredOutcome too_long = na::stored_outcome(true, na::StoredRead::TooLong, {});
    CHECK(std::string(too_long.stored) == "damaged");
    REQUIRE(too_long.ignored.size() == 1);
    CHECK(too_long.ignored[0].reason == "longer than 4096 characters");
    const na::StoredOutcome none = na::stored_outcome(true, na::StoredRead::Unavailable, {});
    CHECK(std::string(none.stored) == "unavailable");
    CHECK(!none.active);
}

TEST_CASE("who may send messages: nobody at top level, the parent in a frame, the listed origins, nobody when origin= is unusable") {
    CHECK(policy("", false) == "none");
    CHECK(policy("", true) == "parent");
    CHECK(policy("origin=https://lms.example.org", true) == "list");
    CHECK(policy("origin=https://lms.example.org", false) == "list");
    const na::MessagePolicy list = na::message_policy(na::parse_query("origin=https://a.example,https://b.example"), true);
    CHECK(list.origins == std::vector<std::string>{"https://a.example", "https://b.example"});
    for (const char* bad : {"origin=", "origin=javascript:alert(1)", "origin=https://a.example,nonsense"}) {
        CAPTURE(bad);
        const na::MessagePolicy deny = na::message_policy(na::parse_query(bad), true);
        CHECK(std::string(deny.kind) == "deny");
        CHECK(deny.origins.empty());  // fail closed: not even the valid ones
    }
}

TEST_CASE("Start here shows on a first visit at top level where the page saves, and nowhere else") {
    CHECK(na::show_start_hint(true, false, false, false));
    CHECK(!na::show_start_hint(false, false, false, false));  // the page does not save: it would come back every time
    CHECK(!na::show_start_hint(true, true, false, false));    // an embed decides its own start
    CHECK(!na::show_start_hint(true, false, true, false));    // so does a link with state
    CHECK(!na::show_start_hint(true, false, false, true));    // dismissed or used before
}

TEST_CASE("the deployment's name is taken only as digits, lowercase letters, dots and dashes") {
    CHECK(na::deployment_name("0.1.0-0123abcdef45") == "0.1.0-0123abcdef45");
    CHECK(na::deployment_name("").empty());
    CHECK(na::deployment_name("__BUILD__").empty());  // make_dist.mjs did not write it in
    CHECK(na::deployment_name("0.1<script>").empty());
    CHECK(na::deployment_name("0.1.0 beta").empty());
}

TEST_CASE("the start-up report keeps app.js's field names and order") {
    na::PersistPlan p;
    p.origin_off = true;
    p.name = "class7";
    na::StoredOutcome s;
    s.stored = "damaged";
    s.active = true;
    s.ignored.push_back({"(saved state)", "longer than 4096 characters"});
    na::MessagePolicy m;
    m.kind = "list";
    m.origins = {"https://a.example"};
    CHECK(na::config_json(R"({"ignored":[]})", m, p, s, "{\"v\":1}", R"({"limits":{}})") ==
          R"({"url":{"ignored":[]},"policy":{"kind":"list","origins":["https://a.example"]},)"
          R"("persist":{"active":true,"origin_off":true,"name":"class7","stored":"damaged",)"
          R"x("ignored":[{"name":"(saved state)","reason":"longer than 4096 characters"}],"record":"{\"v\":1}"},)x"
          R"("settings":{"limits":{}}})");
}

TEST_CASE("a host's command is not stored, the user's change before it is, and the command's answer comes back") {
    na::App app;
    REQUIRE(na::init(app));
    na::Persistence p;
    na::persist_begin(p, na::choices_now(app), na::Choices{});
    na::set_input_value(app, "dopamine", 0.4);  // the user, between ticks
    const std::string err = na::host_command(p, app, [&] { return na::cmd_preset(app, "hypothyroid"); });
    CHECK(err.empty());
    CHECK(app.brain.preset == "hypothyroid");  // the host's change applies ...
    const na::PersistTick t = na::persist_tick(p, na::choices_now(app));
    CHECK(t.record == R"({"v":1,"inputs":{"dopamine":0.4}})");  // ... but only the user's is kept
    CHECK(na::persist_tick_json(t) == R"({"changed":true,"record":"{\"v\":1,\"inputs\":{\"dopamine\":0.4}}"})");
    CHECK(na::host_command(p, app, [&] { return na::cmd_preset(app, "no_such_preset"); }) != "");
}
