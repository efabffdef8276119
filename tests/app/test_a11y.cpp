// test_a11y.cpp - the accessible mirror's content (read as JSON, as app.js reads it) and the throttled
// announcements.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <string>

#include "a11y.hpp"
#include "app.hpp"
#include "neurodrive/io/presets.hpp"
#include "neurodrive/names.hpp"

namespace na = neurodrive::app;

namespace {
rapidjson::Document mirror(const na::App& app) {
    rapidjson::Document d;
    d.Parse(na::mirror_json(na::mirror_view(app)).c_str());
    REQUIRE(d.IsObject());
    return d;
}
// The mirror's entry for one input, or nullptr.
const rapidjson::Value* mirror_input(const rapidjson::Document& m, const std::string& name) {
    for (const auto& in : m["inputs"].GetArray())
        if (name == in["name"].GetString()) return &in;
    return nullptr;
}
}  // namespace

TEST_CASE("the mirror lists every input with its value, range and a spoken value, every event and every preset") {
    na::App app;
    REQUIRE(na::init(app));
    na::set_input_value(app, "thyroid", 0.3);
    const rapidjson::Document m = mirror(app);
    int count = 0;
    const neurodrive::model::InputSpec* specs = neurodrive::model::input_specs(&count);
    REQUIRE(count > 0);
    CHECK(m["inputs"].Size() == static_cast<unsigned>(count));
    for (int i = 0; i < count; ++i) {
        const std::string name(specs[i].name);
        CAPTURE(name);
        const rapidjson::Value* in = mirror_input(m, name);
        REQUIRE(in != nullptr);
        CHECK(std::string((*in)["label"].GetString()).size() > 0);
        CHECK((*in)["min"].GetDouble() == specs[i].min);
        CHECK((*in)["max"].GetDouble() == specs[i].max);
        CHECK(std::string((*in)["valuetext"].GetString()).size() > std::string((*in)["label"].GetString()).size());
        CHECK((*in)["locked"].IsFalse());
    }
    CHECK(std::string((*mirror_input(m, "thyroid"))["valuetext"].GetString()) == "Thyroid hormone: 30% of typical, very low");
    CHECK((*mirror_input(m, "thyroid"))["value"].GetDouble() == 0.3);
    std::string events;
    for (const auto& e : m["events"].GetArray()) events += std::string(e["name"].GetString()) + " ";
    CHECK(events == "cue reward omit ");
    const auto& presets = neurodrive::io::builtin_presets().presets;
    REQUIRE(m["presets"].Size() == presets.size());
    for (std::size_t i = 0; i < presets.size(); ++i) CHECK(presets[i].id == m["presets"][static_cast<unsigned>(i)]["id"].GetString());
    CHECK(std::string(m["summary"].GetString()).rfind("Motivation", 0) == 0);
}

TEST_CASE("announcements name the change and its cause, only for changes of 5 points or more") {
    na::App app;
    REQUIRE(na::init(app));
    // The app's announcer memory, strings and narration: what the bridge passes.
    auto take_announcement = [&app] { return na::take_announcement(app.ui.announced, app.strings, na::narration_input(app)); };
    CHECK(take_announcement().empty());  // first call sets the reference
    na::advance_sim(app, 1.0);
    CHECK(take_announcement().empty());  // nothing meaningful changed
    na::set_input_value(app, "thyroid", 0.3);
    na::advance_sim(app, 30.0);
    const std::string a = take_announcement();
    CHECK(a.rfind("Motivation fell from", 0) == 0);
    CHECK(a.find("thyroid") != std::string::npos);
    CHECK(take_announcement().empty());  // said once
}

TEST_CASE("the mirror reports which controls are locked and why") {
    na::App app;
    REQUIRE(na::init(app));
    rapidjson::Document m = mirror(app);
    for (const char* group : {"presets", "events", "time", "experiments", "reset"}) CHECK_MESSAGE(m["locks"][group].IsFalse(), group);
    na::apply_query(app, "lock=thyroid,presets,events,time,experiments");
    m = mirror(app);
    for (const char* group : {"presets", "events", "time", "experiments", "reset"}) CHECK_MESSAGE(m["locks"][group].IsTrue(), group);
    // The locked input says so; an input not named (and not a manipulation) does not.
    CHECK((*mirror_input(m, "thyroid"))["locked"].IsTrue());
    CHECK((*mirror_input(m, "dopamine"))["locked"].IsFalse());
    CHECK(std::string(m["locked_reason"]["time"].GetString()) == "Locked by the page that embeds NeuroDrive (lock=time)");  // the reason, in the UI language
    REQUIRE(na::set_language(app, "es"));
    CHECK(std::string(mirror(app)["locked_reason"]["time"].GetString()) == "Bloqueado por la página que inserta NeuroDrive (lock=time)");
    na::App b;
    REQUIRE(na::init(b));
    na::apply_query(b, "lock=time");
    CHECK(mirror(b)["locks"]["reset"].IsTrue());  // Reset all restarts time too
}
