// test_persist.cpp - the stored state: only the user's choices, never a host's change, never locks,
// hidden panels, pause or speed; damaged records are reported, never half-trusted.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "commands.hpp"
#include "persist.hpp"

namespace na = neurodrive::app;

namespace {
bool has(const std::vector<na::Ignored>& list, const std::string& name) {
    for (const auto& i : list) if (i.name == name) return true;
    return false;
}
}  // namespace

TEST_CASE("a first visit stores nothing, user changes are stored, host changes are not") {
    na::App app;
    REQUIRE(na::init(app));
    na::Persistence p;
    na::persist_begin(p, na::choices_now(app), na::Choices{});
    CHECK(na::persist_tick(p, na::choices_now(app)).record.empty());
    // The user drags dopamine (the UI changes app state directly, between ticks).
    na::set_input_value(app, "dopamine", 0.4);
    auto t = na::persist_tick(p, na::choices_now(app));
    CHECK(t.changed);
    CHECK(t.record == R"({"v":1,"inputs":{"dopamine":0.4}})");
    // A host sets thyroid (the bridge syncs before and absorbs after a host command).
    na::persist_sync(p, na::choices_now(app));
    REQUIRE(na::cmd_set_input(app, "thyroid", 0.05).empty());
    na::persist_absorb(p, na::choices_now(app));
    t = na::persist_tick(p, na::choices_now(app));
    CHECK(!t.changed);
    CHECK(t.record.find("thyroid") == std::string::npos);
    // The user then picks a preset: every input is theirs again, nothing the host set stays behind.
    REQUIRE(na::cmd_preset(app, "stimulant").empty());
    t = na::persist_tick(p, na::choices_now(app));
    CHECK(t.record == R"({"v":1,"preset":"stimulant"})");
    // Pause, speed, locks and hidden panels are never stored.
    app.paused = true;
    app.speed = 4.0f;
    app.settings.lock = {"thyroid"};
    app.settings.hide = {"plots"};
    CHECK(!na::persist_tick(p, na::choices_now(app)).changed);
    // Reset all by the user: back to a first visit, nothing to keep.
    app.settings.lock.clear();
    REQUIRE(na::cmd_reset(app).empty());
    CHECK(na::persist_tick(p, na::choices_now(app)).record.empty());
}

TEST_CASE("theme, language and text size chosen by the user are kept, even the defaults") {
    na::App app;
    REQUIRE(na::init(app));
    na::apply_environment(app, "lang=es&scheme=light");  // the browser prefers Spanish and light
    na::Persistence p;
    na::persist_begin(p, na::choices_now(app), na::Choices{});
    CHECK(na::persist_tick(p, na::choices_now(app)).record.empty());        // the browser's defaults are not choices
    REQUIRE(na::cmd_language(app, "en").empty());
    REQUIRE(na::cmd_theme(app, "dark").empty());
    REQUIRE(na::cmd_scale(app, 1.5).empty());
    const std::string record = na::persist_tick(p, na::choices_now(app)).record;
    CHECK(record == R"({"v":1,"theme":"dark","lang":"en","scale":1.5})");
    // Next visit: the same browser defaults, then the record.
    na::App next;
    REQUIRE(na::init(next));
    na::apply_environment(next, "lang=es&scheme=light");
    na::Choices restored;
    CHECK(na::apply_stored(next, record, &restored).empty());
    CHECK(next.settings.lang == "en");
    CHECK(next.settings.theme == "dark");
    CHECK(next.settings.scale == 1.5f);
    na::Persistence q;
    na::persist_begin(q, na::choices_now(next), restored);
    CHECK(q.last_record == record);
}

TEST_CASE("stored records round-trip inputs exactly") {
    na::App app;
    REQUIRE(na::init(app));
    na::Persistence p;
    na::persist_begin(p, na::choices_now(app), na::Choices{});
    REQUIRE(na::cmd_preset(app, "hypothyroid").empty());
    REQUIRE(na::cmd_set_input(app, "dopamine", 1.0 / 3.0).empty());
    REQUIRE(na::cmd_set_input(app, "dat_block", 0.123456789012345678).empty());
    const std::string record = na::persist_tick(p, na::choices_now(app)).record;
    na::App other;
    REQUIRE(na::init(other));
    na::Choices restored;
    CHECK(na::apply_stored(other, record, &restored).empty());
    CHECK(std::memcmp(&other.brain.inputs, &app.brain.inputs, sizeof app.brain.inputs) == 0);
}

TEST_CASE("damaged, foreign and over-long records are reported and never half-trusted") {
    na::App app;
    REQUIRE(na::init(app));
    na::Choices restored;
    for (const char* bad : {"", "thyroid=0.5", "{", "[]", R"({"v":2,"inputs":{"thyroid":0.5}})", R"({"inputs":{"thyroid":0.5}})"}) {
        const auto ignored = na::apply_stored(app, bad, &restored);
        CHECK_MESSAGE(has(ignored, "(saved state)"), bad);
        CHECK(app.brain.inputs.thyroid == 1.0);
    }
    CHECK(has(na::apply_stored(app, std::string(5000, ' '), &restored), "(saved state)"));
    // Locks, hidden panels, pause and speed are not something NeuroDrive stores: never applied.
    const auto ignored = na::apply_stored(app, R"({"v":1,"lock":"thyroid","hide":["plots"],"paused":true,"speed":4,"inputs":{"thyroid":"banana","dopamine":0.7,"mojo":1},"theme":"neon"})", &restored);
    for (const char* name : {"lock", "hide", "paused", "speed", "thyroid", "inputs.mojo", "theme"}) CHECK_MESSAGE(has(ignored, name), name);
    CHECK(app.settings.lock.empty());
    CHECK(app.settings.hide.empty());
    CHECK(!app.paused);
    CHECK(app.speed == 1.0f);
    CHECK(app.brain.inputs.thyroid == 1.0);
    CHECK(app.brain.inputs.dopamine == 0.7);   // the good part still applies
    CHECK(restored.inputs.dopamine == 0.7);
    const std::string nul = std::string(R"({"v":1,"inputs":{"thyroid)") + '\\' + "u0000x\":0.5}}";
    CHECK(!na::apply_stored(app, nul, &restored).empty());
    CHECK(app.brain.inputs.thyroid == 1.0);
}

TEST_CASE("dismissing the start hint is a user choice that is stored, and a stored one keeps the hint away") {
    na::App app;
    REQUIRE(na::init(app));
    na::Persistence p;
    na::persist_begin(p, na::choices_now(app), na::Choices{});
    app.ui.start_hint = true;
    CHECK(na::persist_tick(p, na::choices_now(app)).record.empty());  // showing the hint stores nothing
    app.ui.start_hint = false;
    app.ui.start_hint_done = true;                     // the user pressed "Got it"
    const auto t = na::persist_tick(p, na::choices_now(app));
    CHECK(t.changed);
    CHECK(t.record == R"({"v":1,"hint":"done"})");
    na::App next;
    REQUIRE(na::init(next));
    na::Choices restored;
    CHECK(na::apply_stored(next, t.record, &restored).empty());
    CHECK(next.ui.start_hint_done);
    CHECK(has(na::apply_stored(next, R"({"v":1,"hint":"maybe"})", &restored), "hint"));
}

TEST_CASE("compare mode chosen by the user is stored and restored, forgotten when turned off, and a damaged value is reported") {
    na::App app;
    REQUIRE(na::init(app));
    na::Persistence p;
    na::persist_begin(p, na::choices_now(app), na::Choices{});
    REQUIRE(na::cmd_compare(app, "hypothyroid,dopamine:0.8").empty());
    const std::string record = na::persist_tick(p, na::choices_now(app)).record;
    CHECK(record == R"({"v":1,"compare":"hypothyroid,dopamine:0.8"})");
    na::App again;
    REQUIRE(na::init(again));
    na::Choices restored;
    CHECK(na::apply_stored(again, record, &restored).empty());
    REQUIRE(again.compare.has_value());
    CHECK(again.compare->preset == "hypothyroid");
    CHECK(again.compare->inputs.dopamine == 0.8);
    CHECK(restored.values.compare == std::optional<std::string>("hypothyroid,dopamine:0.8"));
    REQUIRE(na::cmd_compare(app, "off").empty());
    CHECK(na::persist_tick(p, na::choices_now(app)).record.empty());
    na::App damaged;
    REQUIRE(na::init(damaged));
    for (const char* bad : {R"({"v":1,"compare":"nonsense"})", R"({"v":1,"compare":7})", R"({"v":1,"compare":"dopamine:9"})"}) {
        CHECK_MESSAGE(has(na::apply_stored(damaged, bad, &restored), "compare"), bad);
        CHECK(!damaged.compare.has_value());
    }
}

TEST_CASE("a stored record that gives a key twice is refused whole, as a message is: nothing applies") {
    for (const char* bad : {R"({"v":1,"preset":"hypothyroid","preset":"stimulant"})",
                            R"({"v":1,"inputs":{"dopamine":0.7,"dopamine":0.2}})",
                            R"({"v":1,"v":1,"theme":"projector"})"}) {
        na::App app;
        REQUIRE(na::init(app));
        na::Choices restored;
        const auto ignored = na::apply_stored(app, bad, &restored);
        CHECK_MESSAGE(has(ignored, "(saved state)"), bad);
        CHECK(app.brain.preset == "baseline");
        CHECK(app.brain.inputs.dopamine == 1.0);
        CHECK(app.settings.theme != "projector");
    }
    // About 185 repeats of a 21-day scenario fit in 4 KB: none of them runs.
    std::string many = R"({"v":1)";
    while (many.size() < 4000) many += R"(,"compare":"ssri_weeks")";
    many += "}";
    na::App app;
    REQUIRE(na::init(app));
    na::Choices restored;
    CHECK(has(na::apply_stored(app, many, &restored), "(saved state)"));
    CHECK(!app.compare.has_value());
    CHECK(app.brain.state.time_s == 0.0);
}
