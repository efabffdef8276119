// test_presets.cpp - the presets document and its parser, and every preset's claims checked against the
// model: a preset says only what the model does.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "neurodrive/experiments.hpp"
#include "neurodrive/io/presets.hpp"
#include "neurodrive/names.hpp"

namespace nm = neurodrive::model;

TEST_CASE("the built-in presets parse and cover the required scenarios") {
    const auto& list = neurodrive::io::builtin_presets();
    REQUIRE(list.error.empty());
    for (const char* id : {"baseline", "hypothyroid", "low_testosterone", "low_estradiol", "chronic_stress", "acute_stress",
                           "dopamine_depletion", "stimulant", "ssri_like", "depleted_pfc",
                           "dat_blocker", "ssri_weeks", "high_dose_stimulant", "hyperthyroid", "low_cortisol"})
        CHECK_MESSAGE(neurodrive::io::find_preset(id) != nullptr, id);
    CHECK(neurodrive::io::find_preset("hypothyroid")->inputs.thyroid == 0.3);
    for (const auto& p : list.presets) CHECK(nm::inputs_valid(p.inputs));
    // "First days" is days 1-3 of the hormone clock; "after weeks" is day 21 or later.
    CHECK(neurodrive::io::find_preset("ssri_like")->hold_day >= 1.0);
    CHECK(neurodrive::io::find_preset("ssri_like")->hold_day <= 3.0);
    CHECK(neurodrive::io::find_preset("ssri_weeks")->hold_day >= 21.0);
    for (const auto& p : list.presets) CHECK_MESSAGE(!p.claims.empty(), p.id);  // every preset states its claims
}

namespace {
// What a student sees `seconds` after choosing the preset on a typical brain: the preset's inputs held
// (at its place on the hormone clock, when it has one), every output averaged over the last 2 s.
nm::Outputs scenario(const neurodrive::io::Preset& p, double seconds) {
    nm::State s = nm::make_state(nm::Inputs{}, 1);
    if (p.hold_day > 0.0) nm::hold_at_day(s, p.inputs, p.hold_day);
    nm::advance(s, p.inputs, seconds - 2.0);
    int n = 0;
    const nm::OutputSpec* specs = nm::output_specs(&n);
    nm::Outputs mean;
    for (int k = 0; k < 200; ++k) {
        nm::advance(s, p.inputs, 0.01);
        const nm::Outputs o = nm::outputs(s, p.inputs);
        for (int i = 0; i < n; ++i) mean.*(specs[i].field) += o.*(specs[i].field) / 200.0;
    }
    return mean;
}

double experiment_result(const std::string& name, const std::string& key, const nm::Inputs& in) {
    const nm::ExperimentResult r = nm::run_experiment(name, in, {}, 1);
    if (const std::vector<double>* a = r.array(key)) return a->empty() ? 0.0 : a->back();
    return r.scalar(key);
}
}  // namespace

TEST_CASE("every preset's claims hold in the model, 10 s and 30 s after it is chosen (its explanation says only what the model does)") {
    const neurodrive::io::Preset* typical = neurodrive::io::find_preset("baseline");
    REQUIRE(typical != nullptr);
    for (double seconds : {10.0, 30.0}) {
        const nm::Outputs base = scenario(*typical, seconds);
        for (const auto& p : neurodrive::io::builtin_presets().presets) {
            const nm::Outputs o = scenario(p, seconds);
            for (const auto& c : p.claims) {
                double value = 0.0, typical_value = 0.0;
                if (!c.output.empty()) {
                    const nm::OutputSpec* spec = nm::find_output(c.output);
                    REQUIRE(spec != nullptr);
                    value = o.*(spec->field);
                    typical_value = base.*(spec->field);
                } else {
                    value = experiment_result(c.experiment, c.result, p.inputs);
                    typical_value = experiment_result(c.experiment, c.result, nm::Inputs{});
                }
                const double ratio = typical_value != 0.0 ? value / typical_value : 0.0;
                INFO(p.id, " at ", seconds, " s: \"", c.says, "\" - ", c.output, c.experiment, " ", c.result, " = ", value, " (x", ratio, " of typical)");
                if (!std::isnan(c.min)) CHECK(value >= c.min);
                if (!std::isnan(c.max)) CHECK(value <= c.max);
                if (!std::isnan(c.min_ratio)) CHECK(ratio >= c.min_ratio);
                if (!std::isnan(c.max_ratio)) CHECK(ratio <= c.max_ratio);
            }
        }
    }
}

TEST_CASE("drugs named by mechanism act by it: the stimulant blocks DAT and NET, the DAT blocker only DAT, the SSRI only SERT") {
    const auto* mph = neurodrive::io::find_preset("stimulant");
    CHECK(mph->inputs.dat_block > 0.0);
    CHECK(mph->inputs.net_block > 0.0);
    const auto* dat = neurodrive::io::find_preset("dat_blocker");
    CHECK(dat->inputs.dat_block > 0.0);
    CHECK(dat->inputs.net_block == 0.0);
    CHECK(neurodrive::io::find_preset("ssri_like")->inputs.sert_block > 0.0);
    CHECK(neurodrive::io::find_preset("ssri_like")->inputs.serotonin == 1.0);
}

TEST_CASE("bad preset documents give a clear error and no presets") {
    const char* bad[] = {
        "", "{", "[]", "{\"presets\": []}", "{\"presets\": [1]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{\"thyroid\": 3}}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{\"mojo\": 1}}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{\"thyroid\": \"1\"}}]}",
        ("{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{}},"
         "{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{}}]}"),
        "{\"presets\": [{\"id\":\"\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{}}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{},\"hold_day\":-1}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{},\"claims\":[{\"says\":\"x\",\"output\":\"mojo\",\"min\":1}]}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{},\"claims\":[{\"says\":\"x\",\"output\":\"mood\"}]}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{},\"claims\":[{\"says\":\"x\",\"experiment\":\"vigor\",\"result\":\"nope\",\"min\":1}]}]}",
        "{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{},\"mood\":1}]}",
    };
    for (const char* text : bad) {
        const neurodrive::io::PresetList list = neurodrive::io::parse_presets(text);
        CHECK_MESSAGE(!list.error.empty(), text);
        CHECK(list.presets.empty());
    }
    CHECK(neurodrive::io::parse_presets("{\"presets\": [{\"id\":\"a\",\"title\":\"t\",\"explanation\":\"e\",\"sources\":\"s\",\"inputs\":{\"mojo\": 1}}]}")
              .error.find("mojo") != std::string::npos);
}
