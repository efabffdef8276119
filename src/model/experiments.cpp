// experiments.cpp - classic experiments on the live model (same step function as the app).
// Pure: no I/O, deterministic for a given seed.
//
// Index
//   [SECTION] Table of experiments
//   [SECTION] Helpers
//   [SECTION] conditioning, effort_choice, vigor, pfc_dose, waiting, acute_stress
#include "neurodrive/experiments.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "neurodrive/behaviour.hpp"

namespace neurodrive::model {

// [SECTION] Table of experiments ---------------------------------------------------------------------
const std::vector<ExperimentSpec>& experiment_specs() {
    static const std::vector<ExperimentSpec> specs = {
        {"conditioning", "Learning to predict reward",
         "With repeated cue-reward pairing the burst moves from the reward to the cue; an omitted reward gives a dip.",
         "Schultz, Dayan & Montague 1997; Fiorillo, Tobler & Schultz 2003", "A",
         {{"trials", 60, 1, 500, true, "number of cue-reward trials"},
          {"reward_probability", 1, 0, 1, false, "probability that the cue is followed by reward"},
          {"omit_last", 0, 0, 1, true, "1 = withhold the reward on the last trial"}}},
        {"effort_choice", "Effort, not appetite (lever vs free chow)",
         "NAc DA depletion cuts lever pressing for preferred food and raises chow intake; total intake is unchanged.",
         "Salamone et al. 1991; Salamone & Correa 2012", "A",
         {{"ratio", 5, 1, 64, true, "lever presses per pellet (fixed ratio)"},
          {"prefeed", 0, 0, 1, true, "1 = the rat was fed before the session"},
          {"session_min", 30, 1, 120, false, "session length, minutes"},
          {"chow", 1, 0, 1, true, "1 = free chow available; 0 = a plain ratio schedule (Aberman & Salamone 1999)"}}},
        {"vigor", "Tonic dopamine sets vigor",
         "Optimal latency = sqrt(cost / average reward rate): doubling the reward rate gives x0.71 latency.",
         "Niv, Daw, Joel & Dayan 2007", "B",
         {{"reward_rate_per_min", 4, 0.1, 60, false, "average rewards per minute in the environment"}}},
        {"pfc_dose", "Too little and too much (PFC inverted U)",
         "Working memory falls with PFC DA depletion and with excessive D1 stimulation.",
         "Brozoski et al. 1979; Zahrt et al. 1997; Vijayraghavan et al. 2007", "A", {}},
        {"waiting", "Serotonin and patience",
         "Activating dorsal-raphe 5-HT neurons lengthens waiting for a likely reward (~12 s -> ~17.5 s).",
         "Miyazaki et al. 2014; Miyazaki et al. 2018", "B",
         {{"reward_probability", 0.75, 0.05, 0.99, false, "probability that the delayed reward comes"},
          {"serotonin_stim", 0, 0, 1, true, "1 = optogenetic activation of raphe 5-HT neurons"}}},
        {"acute_stress", "An acute stressor",
         "An acute stressor raises DA most in PFC (+95%) and less in NAc (+39%).",
         "Abercrombie et al. 1989", "B", {}},
    };
    return specs;
}

const ExperimentSpec* find_experiment(std::string_view name) {
    for (const auto& s : experiment_specs()) if (s.name == name) return &s;
    return nullptr;
}

double ExperimentResult::scalar(std::string_view key) const {
    for (const auto& kv : scalars) if (kv.first == key) return kv.second;
    return std::numeric_limits<double>::quiet_NaN();
}
const std::vector<double>* ExperimentResult::array(std::string_view key) const {
    for (const auto& kv : arrays) if (kv.first == key) return &kv.second;
    return nullptr;
}

std::string validate_experiment(std::string_view name, const ParamValues& params) {
    const ExperimentSpec* spec = find_experiment(name);
    if (!spec) {
        std::string msg = "unknown experiment '" + std::string(name) + "'; allowed:";
        for (const auto& s : experiment_specs()) msg += " " + std::string(s.name);
        return msg;
    }
    for (const auto& [key, value] : params) {
        const ExperimentParam* found = nullptr;
        for (const auto& p : spec->params) if (p.name == key) found = &p;
        if (!found) {
            std::string msg = "experiment " + std::string(name) + " has no parameter '" + key + "'; allowed:";
            for (const auto& p : spec->params) msg += " " + std::string(p.name);
            if (spec->params.empty()) msg += " (none)";
            return msg;
        }
        if (!std::isfinite(value) || value < found->min || value > found->max || (found->integer && std::floor(value) != value)) {
            char buf[200];
            std::snprintf(buf, sizeof buf, "%s must be %s from %g to %g", key.c_str(), found->integer ? "a whole number" : "a number", found->min, found->max);
            return buf;
        }
    }
    return {};
}

// [SECTION] Helpers ----------------------------------------------------------------------------------
namespace {

double param(const ExperimentSpec& spec, const ParamValues& values, std::string_view name) {
    for (const auto& [k, v] : values) if (k == name) return v;
    for (const auto& p : spec.params) if (p.name == name) return p.default_value;
    return 0.0;
}

double uniform(std::uint64_t& x) {
    x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
    return static_cast<double>((x * 0x2545F4914F6CDD1Dull) >> 11) * (1.0 / 9007199254740992.0);
}

// Mean of an output over a window, sampled every 10 ms while advancing.
struct Mean { double vta_hz = 0, nac_nM = 0, pfc_nM = 0; };
Mean average(State& s, const Inputs& in, double seconds) {
    Mean m;
    const int n = static_cast<int>(std::lround(seconds / 0.01));
    for (int i = 0; i < n; ++i) {
        advance(s, in, 0.01);
        m.vta_hz += s.vta_rate_hz; m.nac_nM += s.da_nac_nM; m.pfc_nM += s.da_pfc_nM;
    }
    m.vta_hz /= n; m.nac_nM /= n; m.pfc_nM /= n;
    return m;
}

// [SECTION] conditioning, effort_choice, vigor, pfc_dose, waiting, acute_stress --------------------
ExperimentResult conditioning(const ExperimentSpec& spec, const Inputs& in, const ParamValues& pv, std::uint64_t seed) {
    const int trials = static_cast<int>(param(spec, pv, "trials"));
    const double p = param(spec, pv, "reward_probability");
    const bool omit_last = param(spec, pv, "omit_last") > 0.5;
    State s = make_state(in, seed);
    std::uint64_t rng = seed * 0xD1B54A32D192ED03ull + 1;
    std::vector<double> cue_hz, reward_hz, cue_nM, reward_nM;
    double dip_hz = 0.0, dip_nM = 0.0;
    for (int t = 0; t < trials; ++t) {
        advance(s, in, 2.0 + 2.0 * uniform(rng));  // inter-trial interval 3-5 s
        const Mean base = average(s, in, 1.0);
        const bool last = t == trials - 1;
        const bool rewarded = !(last && omit_last) && uniform(rng) < p;
        apply_event(s, Event::Cue);
        if (!rewarded) apply_event(s, Event::Omit);
        double cue_peak = -1e9, rew_peak = -1e9, rew_min = 1e9, cue_da = -1e9, rew_da = -1e9, rew_da_min = 1e9;
        for (int k = 0; k < 300; ++k) {  // 3 s after the cue, sampled every 10 ms
            advance(s, in, 0.01);
            const double t_s = (k + 1) * 0.01;
            if (t_s <= 0.5) cue_peak = std::max(cue_peak, s.vta_rate_hz);
            if (t_s <= 1.0) cue_da = std::max(cue_da, s.da_nac_nM);
            if (t_s > 1.5 && t_s <= 2.0) { rew_peak = std::max(rew_peak, s.vta_rate_hz); rew_min = std::min(rew_min, s.vta_rate_hz); }
            if (t_s > 1.5 && t_s <= 2.5) { rew_da = std::max(rew_da, s.da_nac_nM); rew_da_min = std::min(rew_da_min, s.da_nac_nM); }
        }
        cue_hz.push_back(cue_peak - base.vta_hz);
        reward_hz.push_back(rew_peak - base.vta_hz);
        cue_nM.push_back(cue_da - base.nac_nM);
        reward_nM.push_back(rew_da - base.nac_nM);
        if (last && !rewarded) { dip_hz = rew_min - base.vta_hz; dip_nM = rew_da_min - base.nac_nM; }
    }
    ExperimentResult r;
    r.arrays = {{"cue_response_hz", cue_hz}, {"reward_response_hz", reward_hz}, {"cue_release_nM", cue_nM}, {"reward_release_nM", reward_nM}};
    if (omit_last) r.scalars = {{"omission_dip_hz", dip_hz}, {"omission_dip_nM", dip_nM}};
    return r;
}

ExperimentResult effort(const ExperimentSpec& spec, const Inputs& in, const ParamValues& pv, std::uint64_t seed) {
    const double ratio = param(spec, pv, "ratio");
    const bool prefeed = param(spec, pv, "prefeed") > 0.5;
    const double session_s = param(spec, pv, "session_min") * 60.0;
    const bool chow = param(spec, pv, "chow") > 0.5;
    State s = make_state(in, seed);
    advance(s, in, 5.0);
    const Outputs o = outputs(s, in);
    constexpr double kSatietyG = 10.0;  // intake that ends hunger in a session (model scale)
    const double start_appetite = prefeed ? 0.3 : 1.0;  // food-restricted vs pre-fed (Salamone 1991)
    double presses = 0.0, pellets_g = 0.0, chow_g = 0.0;
    for (double t = 0.0; t < session_s; t += 1.0) {
        const double appetite = start_appetite * std::max(0.0, 1.0 - (pellets_g + chow_g) / kSatietyG);
        const EffortChoice c = effort_choice(ratio, appetite, o.effort_capacity, press_interval_s(o.response_latency_s), chow);
        const double lever_s = appetite * c.lever_share;  // engaged time follows hunger
        const double chow_s = appetite * (1.0 - c.lever_share);
        presses += lever_s * c.presses_per_s;
        pellets_g += lever_s * c.pellets_g_per_s;
        chow_g += chow_s * c.chow_g_per_s;
    }
    ExperimentResult r;
    r.scalars = {{"lever_presses", std::round(presses)}, {"pellets_g", pellets_g}, {"chow_g", chow_g}, {"total_intake_g", pellets_g + chow_g}};
    return r;
}

ExperimentResult vigor(const ExperimentSpec& spec, const Inputs& in, const ParamValues& pv, std::uint64_t seed) {
    const double rate = param(spec, pv, "reward_rate_per_min");
    State s = make_state(in, seed);
    advance(s, in, 5.0);
    const Outputs o = outputs(s, in);
    ExperimentResult r;
    r.scalars = {{"response_latency_s", optimal_latency_s(rate, o.tonic_da_signal, o.metabolic_capacity)},
                 {"average_reward_rate", rate * o.tonic_da_signal}};
    return r;
}

ExperimentResult pfc_dose(const Inputs& base, std::uint64_t seed) {
    // From depleted PFC DA (lowered VTA drive) through typical to supranormal D1 stimulation (agonist).
    const double depleted[] = {0.1, 0.25, 0.5, 0.75};
    const double agonist[] = {0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0};
    std::vector<double> stim, wm;
    auto measure = [&](Inputs in) {
        State s = make_state(in, seed);
        advance(s, in, 5.0);
        const Outputs o = outputs(s, in);
        stim.push_back(o.d1_stimulation_pfc);
        wm.push_back(o.executive);
    };
    for (double d : depleted) { Inputs in = base; in.dopamine = base.dopamine * d; in.d1_agonist_pfc = 0.0; measure(in); }
    for (double a : agonist) { Inputs in = base; in.d1_agonist_pfc = a; measure(in); }
    ExperimentResult r;
    r.arrays = {{"d1_stimulation", stim}, {"working_memory", wm}};
    return r;
}

ExperimentResult waiting(const ExperimentSpec& spec, const Inputs& in, const ParamValues& pv) {
    const double p = param(spec, pv, "reward_probability");
    const bool stim = param(spec, pv, "serotonin_stim") > 0.5;
    // Optogenetic activation roughly doubles raphe 5-HT output (Miyazaki 2014).
    const double level = std::min(2.0, in.serotonin * (stim ? 2.0 : 1.0));
    ExperimentResult r;
    r.scalars = {{"giving_up_time_s", giving_up_time_s(p, level)}};
    return r;
}

ExperimentResult acute_stress(const Inputs& base, std::uint64_t seed) {
    Inputs in = base;
    State s = make_state(in, seed);
    const Mean before = average(s, in, 4.0);
    const double wm_before = outputs(s, in).executive;
    in.acute_stressor = 1.0;
    advance(s, in, 8.0);
    const Mean during = average(s, in, 4.0);
    const double wm_during = outputs(s, in).executive;
    ExperimentResult r;
    r.scalars = {{"da_nac_change_pct", 100.0 * (during.nac_nM / before.nac_nM - 1.0)},
                 {"da_pfc_change_pct", 100.0 * (during.pfc_nM / before.pfc_nM - 1.0)},
                 {"working_memory_change_pct", 100.0 * (wm_during / wm_before - 1.0)}};
    return r;
}

}  // namespace

ExperimentResult run_experiment(std::string_view name, const Inputs& base, const ParamValues& params, std::uint64_t seed) {
    const ExperimentSpec* spec = find_experiment(name);
    if (!spec) return {};
    if (name == "conditioning") return conditioning(*spec, base, params, seed);
    if (name == "effort_choice") return effort(*spec, base, params, seed);
    if (name == "vigor") return vigor(*spec, base, params, seed);
    if (name == "pfc_dose") return pfc_dose(base, seed);
    if (name == "waiting") return waiting(*spec, base, params);
    if (name == "acute_stress") return acute_stress(base, seed);
    return {};
}

}  // namespace neurodrive::model
