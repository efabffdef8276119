// lab.cpp - see lab.hpp.
#include "lab.hpp"

#include "app.hpp"
#include "neurodrive/experiments.hpp"

namespace neurodrive::app {

void run_lab(App& app, int index) {
    const auto& specs = model::experiment_specs();
    if (index < 0 || index >= static_cast<int>(specs.size())) return;
    const std::string name(specs[static_cast<std::size_t>(index)].name);
    const model::Inputs control{};
    const model::Inputs& scenario = app.inputs;
    auto run = [&](const model::Inputs& in, const model::ParamValues& p) { return model::run_experiment(name, in, p, 1); };
    LabResult r;
    r.experiment = name;
    if (name == "conditioning") {
        const auto c = run(control, {{"trials", 40}}), s = run(scenario, {{"trials", 40}});
        const auto& cc = *c.array("cue_response_hz");
        for (std::size_t i = 0; i < cc.size(); ++i) r.curve.x.push_back(static_cast<double>(i + 1));
        r.curve.control = *s.array("cue_response_hz");   // cue response in the current scenario
        r.curve.scenario = *s.array("reward_response_hz"); // reward response in the current scenario
        r.x_key = "plot.trial";
        r.unit_key = "plot.response_hz";
    } else if (name == "effort_choice") {
        const auto c = run(control, {}), s = run(scenario, {});
        r.bars = {{"lab.bar.lever_presses_100", c.scalar("lever_presses") / 100.0, s.scalar("lever_presses") / 100.0},
                  {"lab.bar.chow_g", c.scalar("chow_g"), s.scalar("chow_g")},
                  {"lab.bar.total_g", c.scalar("total_intake_g"), s.scalar("total_intake_g")}};
        r.unit_key = "lab.unit.amount";
    } else if (name == "vigor") {
        for (double rate : {2.0, 4.0, 8.0}) {
            const model::ParamValues p = {{"reward_rate_per_min", rate}};
            r.bars.push_back({"lab.bar.rate_" + std::to_string(static_cast<int>(rate)), run(control, p).scalar("response_latency_s"),
                              run(scenario, p).scalar("response_latency_s")});
        }
        r.unit_key = "lab.unit.latency_s";
    } else if (name == "pfc_dose") {
        const auto c = run(control, {}), s = run(scenario, {});
        r.curve.x = *c.array("d1_stimulation");
        r.curve.control = *c.array("working_memory");
        r.curve.scenario = *s.array("working_memory");
        r.x_key = "lab.axis.d1";
        r.unit_key = "lab.unit.working_memory";
    } else if (name == "waiting") {
        for (double p : {0.25, 0.75}) {
            const model::ParamValues off = {{"reward_probability", p}}, on = {{"reward_probability", p}, {"serotonin_stim", 1}};
            r.bars.push_back({p < 0.5 ? "lab.bar.p25_off" : "lab.bar.p75_off", run(control, off).scalar("giving_up_time_s"), run(scenario, off).scalar("giving_up_time_s")});
            r.bars.push_back({p < 0.5 ? "lab.bar.p25_on" : "lab.bar.p75_on", run(control, on).scalar("giving_up_time_s"), run(scenario, on).scalar("giving_up_time_s")});
        }
        r.unit_key = "lab.unit.giving_up_s";
    } else if (name == "acute_stress") {
        const auto c = run(control, {}), s = run(scenario, {});
        r.bars = {{"lab.bar.nac_change", c.scalar("da_nac_change_pct"), s.scalar("da_nac_change_pct")},
                  {"lab.bar.pfc_change", c.scalar("da_pfc_change_pct"), s.scalar("da_pfc_change_pct")}};
        r.unit_key = "lab.unit.change_pct";
    }
    app.lab = std::move(r);
}

}  // namespace neurodrive::app
