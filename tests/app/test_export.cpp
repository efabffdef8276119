// test_export.cpp - the page's exports: the signal CSV has exactly the columns of `neurodrive-cli run
// --csv` at 10 rows per simulated second over the last 60 s, the trial table one row per trial, the lab
// CSV exists only after a run, and every export names the scenario, the changed inputs and the version.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <sstream>
#include <string>
#include <vector>

#include "app.hpp"
#include "colors.hpp"
#include "commands.hpp"
#include "export.hpp"
#include "neurodrive/names.hpp"

namespace na = neurodrive::app;

namespace {
struct Export { bool ok = false; std::string name, text, error; };
Export take(const na::App& app, const std::string& kind) {
    rapidjson::Document d;
    d.Parse(na::export_json(app, kind).c_str());
    REQUIRE(d.IsObject());
    Export e;
    e.ok = d["ok"].GetBool();
    if (e.ok) { e.name = d["name"].GetString(); e.text = d["text"].GetString(); } else { e.error = d["error"].GetString(); }
    return e;
}
std::vector<std::string> data_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) if (!line.empty() && line[0] != '#') out.push_back(line);
    return out;
}
}  // namespace

TEST_CASE("the signal export has the CLI's columns, ten rows per simulated second, and names the scenario") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_preset(app, "hypothyroid").empty());
    REQUIRE(na::cmd_set_input(app, "dopamine", 0.5).empty());
    for (int i = 0; i < 60 * 12; ++i) na::update(app, 1.0 / 60.0);  // 12 s
    const Export e = take(app, "signals");
    REQUIRE(e.ok);
    // A preset changed by hand is "Custom", with every input that differs from the healthy baseline.
    CHECK(e.text.find("# scenario: Custom; changed inputs: dopamine=0.5, thyroid=0.3; at 12.0 s simulated") != std::string::npos);
    CHECK(e.text.find("not medical advice") != std::string::npos);
    CHECK(e.text.find(std::string("NeuroDrive ") + ND_VERSION) != std::string::npos);
    const auto lines = data_lines(e.text);
    REQUIRE(!lines.empty());
    CHECK(lines[0] == neurodrive::model::outputs_csv_header());
    CHECK(lines.size() - 1 >= 115);  // 12 s at 10 per second
    CHECK(lines.size() - 1 <= 121);
    CHECK(e.name.rfind("neurodrive-", 0) == 0);
    CHECK(e.name.find(".csv") != std::string::npos);
}

TEST_CASE("the signal export keeps the last 60 simulated seconds") {
    na::App app;
    REQUIRE(na::init(app));
    for (int i = 0; i < 60 * 70; ++i) na::update(app, 1.0 / 60.0);
    const auto lines = data_lines(take(app, "signals").text);
    CHECK(lines.size() - 1 == static_cast<std::size_t>(na::kRecordRows));
}

TEST_CASE("the trial export has one row per trial with its time, responses and peak release") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_auto_trials(app, true).empty());
    for (int i = 0; i < 60 * 30; ++i) na::update(app, 1.0 / 60.0);
    const auto lines = data_lines(take(app, "trials").text);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0] == "trial,end_time_s,cue_response_hz,reward_response_hz,peak_da_nac_nM");
    CHECK(lines.size() - 1 == app.brain.history.trials.size());
    CHECK(app.brain.history.trials.back().peak_da_nac_nM > app.brain.out.da_nac_nM);  // a burst released more than tonic
}

TEST_CASE("the lab export needs a run, and an unknown kind is refused") {
    na::App app;
    REQUIRE(na::init(app));
    const Export before = take(app, "lab");
    CHECK(!before.ok);
    CHECK(before.error.find("run an experiment") != std::string::npos);
    CHECK(!take(app, "everything").ok);
    REQUIRE(na::cmd_run_experiment(app, 0).empty());
    const Export after = take(app, "lab");
    REQUIRE(after.ok);
    CHECK(after.text.find("# NeuroDrive virtual lab") != std::string::npos);
    const Export caption = take(app, "png");
    REQUIRE(caption.ok);
    CHECK(caption.text.find("Healthy baseline") != std::string::npos);
    CHECK(caption.name.find(".png") != std::string::npos);
}

TEST_CASE("the picture's caption band takes the colours of the theme on screen") {
    na::App app;
    REQUIRE(na::init(app));
    rapidjson::Document d;
    d.Parse(na::export_json(app, "png").c_str());
    REQUIRE(d.IsObject());
    CHECK(std::string(d["background"].GetString()) == na::css_color(na::find_theme("dark")->background));
    REQUIRE(na::cmd_theme(app, "projector").empty());
    d.Parse(na::export_json(app, "png").c_str());
    CHECK(std::string(d["background"].GetString()) == "#ffffff");   // light, as the projector theme
    CHECK(std::string(d["color"].GetString()) == na::css_color(na::find_theme("projector")->text));
}

TEST_CASE("every export kind of the registry exports, and the refusal names them all") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_run_experiment(app, 0).empty());
    for (const na::ExportKind& k : na::export_kinds()) CHECK_MESSAGE(take(app, std::string(k.kind)).ok, k.kind);
    CHECK(take(app, "caption").error == "export kind must be signals, trials, lab or png");
}
