// test_compare.cpp - compare mode (app.hpp App::compare, a second Brain): two copies of the model on one clock with the
// same events, the compare= parameter (strict, round-trips through the share link), the command and
// its lock, the narration that names the difference, and get().compare.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "commands.hpp"
#include "narration.hpp"
#include "neurodrive/io/presets.hpp"
#include "url_params.hpp"

namespace na = neurodrive::app;
namespace model = neurodrive::model;

namespace {
bool same_inputs(const model::Inputs& a, const model::Inputs& b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// 20 simulated seconds with a cue every 5 s (and one omitted reward), in frame-sized steps.
void run_with_events(na::App& app) {
    for (int frame = 0; frame < 20 * 60; ++frame) {
        if (frame % 300 == 30) na::fire_event(app, frame == 930 ? model::Event::Omit : model::Event::Cue);
        na::advance_sim(app, 1.0 / 60.0);
    }
}
}  // namespace

TEST_CASE("compare mode: the second brain runs on the same clock and receives the same events") {
    na::App app;
    REQUIRE(na::init(app));
    CHECK(na::cmd_compare(app, "hypothyroid").empty());
    REQUIRE(app.compare.has_value());
    CHECK(app.compare->preset == "hypothyroid");
    CHECK(same_inputs(app.compare->inputs, neurodrive::io::find_preset("hypothyroid")->inputs));
    CHECK(same_inputs(app.brain.inputs, model::Inputs{}));  // the first brain keeps its own scenario
    run_with_events(app);
    CHECK(app.compare->state.time_s == app.brain.state.time_s);
    CHECK(app.compare->history.event_counts == app.brain.history.event_counts);
    CHECK(app.compare->history.da_nac.count == app.brain.history.da_nac.count);
    CHECK(app.compare->out.trials == app.brain.out.trials);
    // Overt hypothyroidism lowers drive in this model (slower responses, costlier effort, lower mood): B < A.
    CHECK(app.compare->out.motivation < app.brain.out.motivation - 5.0);
}

TEST_CASE("compare mode: brain B is exactly the model run alone at B's scenario with the same events") {
    na::App both, alone;
    REQUIRE(na::init(both));
    REQUIRE(na::init(alone));
    REQUIRE(na::cmd_compare(both, "chronic_stress,dopamine:0.8").empty());
    REQUIRE(na::cmd_preset(alone, "chronic_stress").empty());
    REQUIRE(na::cmd_set_input(alone, "dopamine", 0.8).empty());
    na::reset_all(alone);  // restart from rest like compare does ...
    REQUIRE(na::cmd_preset(alone, "chronic_stress").empty());
    REQUIRE(na::cmd_set_input(alone, "dopamine", 0.8).empty());
    alone.brain.state = model::make_state(alone.brain.inputs, 1);  // ... at these inputs
    REQUIRE(same_inputs(both.compare->inputs, alone.brain.inputs));
    run_with_events(both);
    run_with_events(alone);
    CHECK(both.compare->out.motivation == alone.brain.out.motivation);
    CHECK(both.compare->out.da_nac_nM == alone.brain.out.da_nac_nM);
    CHECK(both.compare->out.vta_rate_hz == alone.brain.out.vta_rate_hz);
}

TEST_CASE("compare mode: sliders and presets change brain A only, reset restarts both together, off stops it") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_compare(app, "hypothyroid").empty());
    const model::Inputs b_before = app.compare->inputs;
    CHECK(na::cmd_set_input(app, "dopamine", 1.5).empty());
    CHECK(na::cmd_preset(app, "stimulant").empty());
    CHECK(same_inputs(app.compare->inputs, b_before));
    run_with_events(app);
    CHECK(na::cmd_reset(app).empty());
    CHECK(app.compare.has_value());
    CHECK(app.compare->preset == "hypothyroid");
    CHECK(app.brain.state.time_s == app.compare->state.time_s);
    CHECK(app.compare->history.da_nac.count == app.brain.history.da_nac.count);
    CHECK(na::cmd_compare(app, "off").empty());
    CHECK(!app.compare.has_value());
}

TEST_CASE("compare mode: a scenario held for weeks settles both brains for as long, so the clocks stay equal") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_compare(app, "ssri_weeks").empty());
    CHECK(app.brain.state.time_s == app.compare->state.time_s);
    CHECK(app.brain.out.sim_day >= neurodrive::io::find_preset("ssri_weeks")->hold_day - 0.05);
    CHECK(app.compare->out.ht1a_sensitivity < app.brain.out.ht1a_sensitivity);  // B's autoreceptors desensitised over the weeks
}

TEST_CASE("compare= is strict: an unknown preset or input, a value out of range or a misplaced preset refuses all of it") {
    std::string error;
    const auto ok = na::parse_compare("chronic_stress,dopamine:0.8,thyroid:0.5", &error);
    REQUIRE(ok);
    CHECK(ok->preset == "chronic_stress");
    CHECK(ok->inputs.size() == 2);
    const auto inputs_only = na::parse_compare("thyroid:0.4", &error);
    REQUIRE(inputs_only);
    CHECK(inputs_only->preset == "baseline");
    for (const char* bad : {"", "nonsense", "hypothyroid,nonsense:1", "dopamine:9", "dopamine:abc", "dopamine:", "thyroid:0.5,hypothyroid",
                            "dopamine:0.5,dopamine:0.6", "dopamine:NaN", "dopamine:1e999"}) {
        error.clear();
        CHECK_MESSAGE(!na::parse_compare(bad, &error), bad);
        CHECK_MESSAGE(!error.empty(), bad);
    }
    const na::UrlConfig c = na::parse_query("compare=hypothyroid,thyroid:7");
    CHECK(!c.values.compare);
    REQUIRE(c.ignored.size() == 1);
    CHECK(c.ignored[0].name == "compare");
    CHECK(c.ignored[0].reason.find("thyroid must be a number from 0 to 2") != std::string::npos);
}

TEST_CASE("compare= starts compare mode from a URL and the share link carries it back exactly") {
    na::App app;
    REQUIRE(na::init(app));
    na::apply_query(app, "preset=stimulant&compare=chronic_stress,dopamine:0.85");
    REQUIRE(app.compare.has_value());
    CHECK(app.brain.preset == "stimulant");
    CHECK(app.compare->preset == "chronic_stress");
    CHECK(app.compare->inputs.dopamine == 0.85);
    const std::string q = na::share_query(app);
    CHECK(q.find("compare=chronic_stress%2Cdopamine%3A0.85") != std::string::npos);
    na::App again;
    REQUIRE(na::init(again));
    na::apply_query(again, q);
    REQUIRE(again.compare.has_value());
    CHECK(same_inputs(again.compare->inputs, app.compare->inputs));
    CHECK(same_inputs(again.brain.inputs, app.brain.inputs));
}

TEST_CASE("compare mode is refused under lock=time (it restarts the clock) and says so") {
    na::App app;
    REQUIRE(na::init(app));
    na::apply_query(app, "lock=time");
    const std::string err = na::cmd_compare(app, "hypothyroid");
    CHECK(err.find("lock=time") != std::string::npos);
    CHECK(err.find("restarts the clock") != std::string::npos);
    CHECK(!app.compare.has_value());
    CHECK(na::cmd_compare(app, "nonsense") != "");
}

TEST_CASE("compare narration names both scenarios, which brain has less drive, and the input that differs most") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_compare(app, "hypothyroid").empty());
    na::advance_sim(app, 20.0);
    const auto sentences = na::narrate(app.strings, na::narration_input(app));
    REQUIRE(sentences.size() >= 2);
    const std::string all = sentences[0] + " " + sentences[1];
    CHECK(all.find("less drive") != std::string::npos);
    CHECK(all.find("Overt hypothyroidism") != std::string::npos);
    CHECK(sentences[1].find("Thyroid") != std::string::npos);
    for (const auto& s : sentences) CHECK(s.find("your") == std::string::npos);
    // Off: the usual headline about one brain.
    REQUIRE(na::cmd_compare(app, "off").empty());
    const auto one = na::narrate(app.strings, na::narration_input(app));
    CHECK(one[0].find("Side by side") == std::string::npos);
}

TEST_CASE("get().compare is null when off and names the second brain's scenario when on") {
    na::App app;
    REQUIRE(na::init(app));
    CHECK(na::state_json(app).find("\"compare\":null") != std::string::npos);
    REQUIRE(na::cmd_compare(app, "hypothyroid,dopamine:0.9").empty());
    const std::string s = na::state_json(app);
    CHECK(s.find("\"scenario\":\"hypothyroid,dopamine:0.9\"") != std::string::npos);
    CHECK(s.find("\"preset\":\"hypothyroid\"") != std::string::npos);
    CHECK(s.find("(changed)") != std::string::npos);
}

TEST_CASE("the picture's caption names both brains in compare mode, and the CSV exports stay brain A's") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_compare(app, "hypothyroid").empty());
    const std::string caption = na::export_json(app, "png");
    CHECK(caption.find("A: Healthy baseline, B: Overt hypothyroidism") != std::string::npos);
    CHECK(na::export_json(app, "signals").find("Overt hypothyroidism") == std::string::npos);
}

TEST_CASE("compare narration words a manipulation as a share of its full effect, a level as a share of typical") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_compare(app, "dat_block:1").empty());
    auto sentences = na::narrate(app.strings, na::narration_input(app));
    REQUIRE(sentences.size() >= 2);
    CHECK(sentences[1] == "The two brains differ most in DAT blocker: 100% of its full effect in B, 0% in A.");
    REQUIRE(na::cmd_compare(app, "thyroid:0.3").empty());
    sentences = na::narrate(app.strings, na::narration_input(app));
    CHECK(sentences[1] == "The two brains differ most in Thyroid hormone: 30% of typical in B, 100% in A.");
}

TEST_CASE("compare mode obeys the preset, experiments and reset locks, and input locks as a preset does") {
    for (const char* query : {"lock=presets", "preset=stimulant&lock=presets"}) {
        na::App app;
        REQUIRE(na::init(app));
        na::apply_query(app, query);
        na::advance_sim(app, 2.0);
        for (const char* spec : {"hypothyroid", "thyroid:0.4", "off"}) {
            const std::string err = na::cmd_compare(app, spec);
            CHECK_MESSAGE(err.find("lock=presets") != std::string::npos, query, " ", spec, ": ", err);
        }
        CHECK(!app.compare.has_value());
        CHECK(app.brain.state.time_s >= 2.0);   // brain A's clock and history were not restarted (the reset lock)
    }
    na::App app;
    REQUIRE(na::init(app));
    na::apply_query(app, "lock=experiments");
    for (const char* spec : {"stimulant", "dat_block:0.5", "baseline,d2_antagonist:1"}) {
        const std::string err = na::cmd_compare(app, spec);
        CHECK_MESSAGE(err.find("lock=experiments") != std::string::npos, spec, ": ", err);
    }
    CHECK(!app.compare.has_value());
    CHECK(na::cmd_compare(app, "hypothyroid").empty());   // no manipulation: allowed
    CHECK(app.compare.has_value());
    REQUIRE(na::cmd_compare(app, "off").empty());
    na::App locked;
    REQUIRE(na::init(locked));
    na::apply_query(locked, "preset=hypothyroid&lock=thyroid");
    CHECK(na::cmd_compare(locked, "baseline").find("lock=thyroid") != std::string::npos);
    CHECK(na::cmd_compare(locked, "thyroid:0.3,dopamine:0.5").empty());   // thyroid as in brain A
}
