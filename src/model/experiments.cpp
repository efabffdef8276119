// experiments.cpp - classic experiments on the live model (same step function as the app), and
// their registry. Pure: no I/O, deterministic for a given seed.
//
// Index
//   [SECTION] Helpers
//   [SECTION] Experiments: conditioning, effort_choice, vigor, pfc_dose, waiting, acute_stress,
//             stimulant_dose, ssri_course
//   [SECTION] Registry
#include "neurodrive/experiments.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "neurodrive/behaviour.hpp"
#include "neurodrive/rng.hpp"

namespace neurodrive::model {

double ExperimentResult::scalar(std::string_view key) const {
    for (const auto& kv : scalars) if (kv.first == key) return kv.second;
    return std::numeric_limits<double>::quiet_NaN();
}
const std::vector<double>* ExperimentResult::array(std::string_view key) const {
    for (const auto& kv : arrays) if (kv.first == key) return &kv.second;
    return nullptr;
}

// [SECTION] Helpers ----------------------------------------------------------------------------------
namespace {

double param(const ExperimentSpec& spec, const ParamValues& values, std::string_view name) {
    for (const auto& [k, v] : values) if (k == name) return v;
    for (const auto& p : spec.params) if (p.name == name) return p.default_value;
    return 0.0;
}

// Means of the fast readouts over a window, sampled every 10 ms while advancing.
struct Mean { double vta_hz = 0, nac_nM = 0, pfc_nM = 0, dstr_nM = 0, lc_hz = 0; };
Mean average(State& s, const Inputs& in, double seconds) {
    Mean m;
    const int n = std::max(1, static_cast<int>(std::lround(seconds / 0.01)));
    for (int i = 0; i < n; ++i) {
        advance(s, in, 0.01);
        m.vta_hz += s.ml_rate_hz; m.nac_nM += s.da_nac_nM; m.pfc_nM += s.da_pfc_nM; m.dstr_nM += s.da_dstr_nM; m.lc_hz += s.lc_rate_hz;
    }
    m.vta_hz /= n; m.nac_nM /= n; m.pfc_nM /= n; m.dstr_nM /= n; m.lc_hz /= n;
    return m;
}

// One session of lever pressing for preferred pellets with free chow (or not) available.
struct Session { double presses = 0, pellets_g = 0, chow_g = 0; };
Session effort_session(const Outputs& o, const Params& p, double ratio, double preload_g, double session_s, bool chow) {
    Session r;
    const double directed = 1.0 - o.stereotypy;
    for (double t = 0.0; t < session_s; t += 1.0) {
        // Time on food follows hunger and the choice, and needs behavioural activation (Ungerstedt 1971).
        const double appetite = std::max(0.0, 1.0 - (preload_g + r.pellets_g + r.chow_g) / p.satiety_g);
        const EffortChoice c = effort_choice(ratio, appetite, o.effort_capacity, press_interval_s(o.response_latency_s, p), p, chow);
        // Stereotypy takes a share of the time for every goal-directed act, eating included: driven,
        // but not directed (Lyon & Robbins 1975).
        const double lever_s = o.activation * directed * c.lever_share;
        const double chow_s = o.activation * directed * c.chow_share;
        r.presses += lever_s * c.presses_per_s;
        r.pellets_g += lever_s * c.pellets_g_per_s;
        r.chow_g += chow_s * c.chow_g_per_s;
    }
    return r;
}

// [SECTION] Experiments ------------------------------------------------------------------------------
ExperimentResult conditioning(const ExperimentSpec& spec, const Inputs& in, const ParamValues& pv, std::uint64_t seed, const Params& mp) {
    const int trials = static_cast<int>(param(spec, pv, "trials"));
    const double prob = param(spec, pv, "reward_probability");
    const bool omit_last = param(spec, pv, "omit_last") > 0.5;
    State s = make_state(in, seed, mp);
    std::uint64_t rng = seed * 0xD1B54A32D192ED03ull + 1;
    std::vector<double> cue_hz, reward_hz, cue_nM, reward_nM, rewarded_flags, cue_peak_s;
    double dip_hz = 0.0, dip_nM = 0.0;
    for (int t = 0; t < trials; ++t) {
        advance(s, in, 2.0 + 2.0 * uniform01(rng));  // inter-trial interval 3-5 s
        const Mean base = average(s, in, 1.0);
        const bool last = t == trials - 1;
        const bool rewarded = !(last && omit_last) && uniform01(rng) < prob;
        apply_event(s, Event::Cue);
        if (!rewarded) apply_event(s, Event::Omit);
        double cue_peak = -1e9, rew_peak = -1e9, rew_min = 1e9, cue_da = -1e9, rew_da = -1e9, rew_da_min = 1e9;
        double cue_da_t = 0.0;
        for (int k = 0; k < 300; ++k) {  // 3 s after the cue, sampled every 10 ms
            advance(s, in, 0.01);
            const double t_s = (k + 1) * 0.01;
            if (t_s <= 0.5) cue_peak = std::max(cue_peak, s.ml_rate_hz);
            if (t_s <= 1.0 && s.da_nac_nM > cue_da) { cue_da = s.da_nac_nM; cue_da_t = t_s; }
            if (t_s > 1.5 && t_s <= 1.5 + mp.burst_s + 0.1) { rew_peak = std::max(rew_peak, s.ml_rate_hz); rew_min = std::min(rew_min, s.ml_rate_hz); }
            if (t_s > 1.5 && t_s <= 2.5) { rew_da = std::max(rew_da, s.da_nac_nM); rew_da_min = std::min(rew_da_min, s.da_nac_nM); }
        }
        cue_hz.push_back(cue_peak - base.vta_hz);
        reward_hz.push_back((rewarded ? rew_peak : rew_min) - base.vta_hz);
        cue_nM.push_back(cue_da - base.nac_nM);
        reward_nM.push_back((rewarded ? rew_da : rew_da_min) - base.nac_nM);
        rewarded_flags.push_back(rewarded ? 1.0 : 0.0);
        cue_peak_s.push_back(cue_da_t);
        if (last && !rewarded) { dip_hz = rew_min - base.vta_hz; dip_nM = rew_da_min - base.nac_nM; }
    }
    ExperimentResult r;
    r.arrays = {{"cue_response_hz", cue_hz}, {"reward_response_hz", reward_hz}, {"cue_release_nM", cue_nM},
                {"reward_release_nM", reward_nM}, {"rewarded", rewarded_flags}, {"cue_da_peak_s", cue_peak_s}};
    if (omit_last) r.scalars = {{"omission_dip_hz", dip_hz}, {"omission_dip_nM", dip_nM}};
    return r;
}

ExperimentResult effort(const ExperimentSpec& spec, const Inputs& in, const ParamValues& pv, std::uint64_t seed, const Params& mp) {
    const double ratio = param(spec, pv, "ratio");
    const bool prefeed = param(spec, pv, "prefeed") > 0.5;
    const double session_s = param(spec, pv, "session_min") * 60.0;
    const bool chow = param(spec, pv, "chow") > 0.5;
    const Outputs o = steady_outputs(in, mp, 5.0, seed);
    // Food-restricted, or pre-fed with chow before the session (Salamone 1991).
    const Session x = effort_session(o, mp, ratio, prefeed ? mp.prefeed_g : 0.0, session_s, chow);
    ExperimentResult r;
    r.scalars = {{"lever_presses", std::round(x.presses)}, {"pellets_g", x.pellets_g}, {"chow_g", x.chow_g}, {"total_intake_g", x.pellets_g + x.chow_g}};
    return r;
}

ExperimentResult vigor(const ExperimentSpec& spec, const Inputs& in, const ParamValues& pv, std::uint64_t seed, const Params& mp) {
    const double rate = param(spec, pv, "reward_rate_per_min");
    const Outputs o = steady_outputs(in, mp, 5.0, seed);
    const double signal = o.tonic_da_signal;
    ExperimentResult r;
    r.scalars = {{"response_latency_s", optimal_latency_s(rate, signal, o.metabolic_capacity, mp)}, {"average_reward_rate", rate * signal}};
    return r;
}

ExperimentResult pfc_dose(const ExperimentSpec&, const Inputs& base, const ParamValues&, std::uint64_t seed, const Params& mp) {
    // From depleted PFC DA (lost terminals, Brozoski 1979) through typical to supranormal D1
    // stimulation (agonist; Zahrt 1997).
    const double depleted[] = {0.9, 0.75, 0.5, 0.25};
    const double agonist[] = {0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0};
    std::vector<double> stim, wm;
    auto measure = [&](const Inputs& in) {
        State s = make_state(in, seed, mp);
        advance(s, in, 2.0);
        const Outputs o = outputs(s, in);
        stim.push_back(o.d1_stimulation_pfc);
        wm.push_back(o.executive);
    };
    for (double d : depleted) { Inputs in = base; in.pfc_depletion = std::max(base.pfc_depletion, d); in.d1_agonist_pfc = 0.0; measure(in); }
    for (double a : agonist) { Inputs in = base; in.d1_agonist_pfc = a; measure(in); }
    ExperimentResult r;
    r.arrays = {{"d1_stimulation", stim}, {"working_memory", wm}};
    return r;
}

ExperimentResult waiting(const ExperimentSpec& spec, const Inputs& in, const ParamValues& pv, std::uint64_t seed, const Params& mp) {
    const double prob = param(spec, pv, "reward_probability");
    const bool stim = param(spec, pv, "serotonin_stim") > 0.5;
    const Outputs o = steady_outputs(in, mp, 5.0, seed);
    // Optogenetic activation roughly doubles raphe 5-HT output (Miyazaki 2014).
    ExperimentResult r;
    r.scalars = {{"giving_up_time_s", giving_up_time_s(prob, o.serotonin_level * (stim ? 2.0 : 1.0), mp)}};
    return r;
}

ExperimentResult acute_stress(const ExperimentSpec&, const Inputs& base, const ParamValues&, std::uint64_t seed, const Params& mp) {
    Inputs in = base;
    State s = make_state(in, seed, mp);
    const Mean before = average(s, in, 4.0);
    const double wm_before = outputs(s, in).executive;
    in.acute_stressor = 1.0;
    advance(s, in, 8.0);
    const Mean during = average(s, in, 4.0);
    const double wm_during = outputs(s, in).executive;
    auto pct = [](double after, double before_v) { return before_v > 0.0 ? 100.0 * (after / before_v - 1.0) : 0.0; };
    ExperimentResult r;
    r.scalars = {{"da_nac_change_pct", pct(during.nac_nM, before.nac_nM)}, {"da_pfc_change_pct", pct(during.pfc_nM, before.pfc_nM)},
                 {"da_dstr_change_pct", pct(during.dstr_nM, before.dstr_nM)},
                 {"working_memory_change_pct", pct(wm_during, wm_before)}, {"lc_rate_change_pct", pct(during.lc_hz, before.lc_hz)}};
    return r;
}

ExperimentResult stimulant_dose(const ExperimentSpec&, const Inputs& base, const ParamValues&, std::uint64_t seed, const Params& mp) {
    // Goal-directed responding across DAT-block doses: lever presses per minute at FR5 (free chow
    // available) over the first 5 minutes, before satiety slows a session (Lyon & Robbins 1975, Robbins 1976).
    std::vector<double> dose, presses, stereotypy, da_dstr;
    for (int i = 0; i <= 10; ++i) {
        Inputs in = base;
        in.dat_block = std::min(1.0, base.dat_block + i / 10.0);
        const Outputs o = steady_outputs(in, mp, 30.0, seed);
        dose.push_back(in.dat_block);
        presses.push_back(effort_session(o, mp, 5.0, 0.0, 300.0, true).presses / 5.0);
        stereotypy.push_back(o.stereotypy);
        da_dstr.push_back(o.da_dstr_nM);
    }
    ExperimentResult r;
    r.arrays = {{"dat_block", dose}, {"presses_per_min", presses}, {"stereotypy", stereotypy}, {"da_dstr_nM", da_dstr}};
    return r;
}

ExperimentResult ssri_course(const ExperimentSpec& spec, const Inputs& base, const ParamValues& pv, std::uint64_t seed, const Params& mp) {
    // A SERT blocker from day 0: raphe firing, forebrain 5-HT and patience day by day
    // (Blier & de Montigny 1994).
    Inputs in = base;
    in.sert_block = param(spec, pv, "sert_block");
    const int days = static_cast<int>(param(spec, pv, "days"));
    State s = make_state(base, seed, mp);
    std::vector<double> day, raphe, ht, patience, sensitivity;
    const double day_s = 1.0 / mp.days_per_s;
    for (int d = 0; d <= days; ++d) {
        Outputs o = outputs(s, in);
        double rate = 0.0;
        for (int k = 0; k < 20; ++k) { advance(s, in, 0.01); rate += s.raphe_rate_hz; }  // 0.2 s mean
        o = outputs(s, in);
        day.push_back(d);
        raphe.push_back(rate / 20.0);
        ht.push_back(o.serotonin_level);
        patience.push_back(o.patience_s);
        sensitivity.push_back(o.ht1a_sensitivity);
        advance(s, in, std::max(0.0, day_s - 0.2));
    }
    ExperimentResult r;
    r.arrays = {{"day", day}, {"raphe_rate_hz", raphe}, {"serotonin_level", ht}, {"patience_s", patience}, {"ht1a_sensitivity", sensitivity}};
    return r;
}

ExperimentChart bars_chart(std::string_view unit, std::vector<ChartBar> bars) {
    ExperimentChart c;
    c.kind = ChartKind::Bars;
    c.unit = unit;
    c.bars = std::move(bars);
    return c;
}
ExperimentChart curve_chart(std::string_view unit, std::string_view x_key, std::string_view y_key, std::string_view x_label, bool log_x) {
    ExperimentChart c;
    c.kind = ChartKind::Curve;
    c.unit = unit;
    c.x_key = x_key;
    c.y_key = y_key;
    c.x_label = x_label;
    c.log_x = log_x;
    return c;
}
ExperimentChart pair_chart(std::string_view unit, ParamValues run_params, std::string_view x_key, std::string_view y_key, std::string_view y2_key,
                           std::string_view x_label, std::string_view y_label, std::string_view y2_label) {
    ExperimentChart c = curve_chart(unit, x_key, y_key, x_label, false);
    c.kind = ChartKind::Pair;
    c.run_params = std::move(run_params);
    c.y2_key = y2_key;
    c.y_label = y_label;
    c.y2_label = y2_label;
    return c;
}

}  // namespace

Outputs steady_outputs(const Inputs& in, const Params& params, double settle_s, std::uint64_t seed) {
    State s = make_state(in, seed, params);
    advance(s, in, settle_s);
    double vta = 0, mc = 0, nac = 0, pfc = 0, dstr = 0, lc = 0, raphe = 0;
    for (int i = 0; i < 200; ++i) {
        advance(s, in, 0.01);
        vta += s.ml_rate_hz; mc += s.mc_rate_hz; nac += s.da_nac_nM; pfc += s.da_pfc_nM; dstr += s.da_dstr_nM;
        lc += s.lc_rate_hz; raphe += s.raphe_rate_hz;
    }
    Outputs o = outputs(s, in);
    o.vta_rate_hz = vta / 200; o.vta_mc_rate_hz = mc / 200; o.da_nac_nM = nac / 200; o.da_pfc_nM = pfc / 200;
    o.da_dstr_nM = dstr / 200; o.lc_rate_hz = lc / 200; o.raphe_rate_hz = raphe / 200;
    return o;
}

// [SECTION] Registry ---------------------------------------------------------------------------------
namespace {
// Dopamine: learning, effort, vigor, the PFC's inverted U.
void add_dopamine_experiments(std::vector<ExperimentSpec>& specs) {
    specs.insert(specs.end(), {
        {"conditioning", "Learning to predict reward",
         "With repeated cue-reward pairing the burst moves from the reward to the cue; an omitted reward gives a dip.",
         "Schultz, Dayan & Montague 1997; Fiorillo, Tobler & Schultz 2003", "A",
         {{"trials", 60, 1, 500, true, "number of cue-reward trials"},
          {"reward_probability", 1, 0, 1, false, "probability that the cue is followed by reward"},
          {"omit_last", 0, 0, 1, true, "1 = withhold the reward on the last trial"}},
         {"cue_response_hz", "reward_response_hz", "cue_release_nM", "reward_release_nM", "rewarded", "cue_da_peak_s",
          "omission_dip_hz", "omission_dip_nM"},
         conditioning,
         pair_chart("change in VTA firing (Hz)", {{"trials", 40}}, "", "cue_response_hz", "reward_response_hz", "trial", "at the cue", "at the reward"),
         {"cue_da", "td_transfer", "omission_dip", "probability", "estradiol_release"}},
        {"effort_choice", "Effort, not appetite (lever vs free chow)",
         "NAc DA depletion cuts lever pressing for preferred food and raises chow intake; total intake is unchanged.",
         "Salamone et al. 1991; Salamone & Correa 2012", "A",
         {{"ratio", 5, 1, 64, true, "lever presses per pellet (fixed ratio)"},
          {"prefeed", 0, 0, 1, true, "1 = the rat was fed before the session"},
          {"session_min", 30, 1, 120, false, "session length, minutes"},
          {"chow", 1, 0, 1, true, "1 = free chow available; 0 = a plain ratio schedule (Aberman & Salamone 1999)"}},
         {"lever_presses", "pellets_g", "chow_g", "total_intake_g"},
         effort,
         bars_chart("amount in a 30-min session",
          {{"lever presses (x100)", {}, "lever_presses", 0.01}, {"chow (g)", {}, "chow_g", 1.0}, {"total food (g)", {}, "total_intake_g", 1.0}}),
         {"effort_choice", "effort_not_appetite", "ratio_dependence", "prefeeding", "partial_loss_eats", "aphagia", "neuroleptic_effort_first", "neuroleptic_reduces_stimulant_responding", "low_5ht_impulsive"}},
        {"vigor", "Tonic dopamine sets vigor",
         "Optimal latency = sqrt(cost / average reward rate): doubling the reward rate gives x0.71 latency.",
         "Niv, Daw, Joel & Dayan 2007", "B",
         {{"reward_rate_per_min", 4, 0.1, 60, false, "average rewards per minute in the environment"}},
         {"response_latency_s", "average_reward_rate"},
         vigor,
         bars_chart("response latency (s)",
          {{"2 rewards/min", {{"reward_rate_per_min", 2}}, "response_latency_s", 1.0},
           {"4 rewards/min", {{"reward_rate_per_min", 4}}, "response_latency_s", 1.0},
           {"8 rewards/min", {{"reward_rate_per_min", 8}}, "response_latency_s", 1.0}}),
         {"vigor_rate"}},
        {"pfc_dose", "Too little and too much (PFC inverted U)",
         "Working memory falls with PFC DA depletion and with excessive D1 stimulation.",
         "Brozoski et al. 1979; Zahrt et al. 1997; Vijayraghavan et al. 2007", "A", {},
         {"d1_stimulation", "working_memory"},
         pfc_dose,
         curve_chart("working memory (0-1)", "d1_stimulation", "working_memory", "PFC D1 stimulation (x typical)", true),
         {"pfc_inverted_u"}},
    });
}

// Serotonin, stress and drugs over time.
void add_modulator_experiments(std::vector<ExperimentSpec>& specs) {
    specs.insert(specs.end(), {
        {"waiting", "Serotonin and patience",
         "Activating dorsal-raphe 5-HT neurons lengthens waiting for a likely reward (~12 s -> ~17.5 s), not for an unlikely one.",
         "Miyazaki et al. 2014; Miyazaki et al. 2018", "B",
         {{"reward_probability", 0.75, 0.05, 0.99, false, "probability that the delayed reward comes"},
          {"serotonin_stim", 0, 0, 1, true, "1 = optogenetic activation of raphe 5-HT neurons"}},
         {"giving_up_time_s"},
         waiting,
         bars_chart("giving-up time (s)",
          {{"25%, no stimulation", {{"reward_probability", 0.25}}, "giving_up_time_s", 1.0},
           {"25%, 5-HT stimulated", {{"reward_probability", 0.25}, {"serotonin_stim", 1}}, "giving_up_time_s", 1.0},
           {"75%, no stimulation", {{"reward_probability", 0.75}}, "giving_up_time_s", 1.0},
           {"75%, 5-HT stimulated", {{"reward_probability", 0.75}, {"serotonin_stim", 1}}, "giving_up_time_s", 1.0}}),
         {"waiting_5ht", "waiting_probability", "patience_floor"}},
        {"acute_stress", "An acute stressor",
         "An acute stressor raises DA most in PFC (+95%), less in NAc (+39%) and least in dorsal striatum (+25%), and activates the locus coeruleus.",
         "Abercrombie et al. 1989; Valentino & Van Bockstaele 2008", "B", {},
         {"da_nac_change_pct", "da_pfc_change_pct", "da_dstr_change_pct", "working_memory_change_pct", "lc_rate_change_pct"},
         acute_stress,
         bars_chart("change during the stressor (%)",
          {{"NAc dopamine", {}, "da_nac_change_pct", 1.0}, {"PFC dopamine", {}, "da_pfc_change_pct", 1.0}, {"striatal dopamine", {}, "da_dstr_change_pct", 1.0},
           {"LC firing", {}, "lc_rate_change_pct", 1.0}, {"working memory", {}, "working_memory_change_pct", 1.0}}),
         {"acute_stress", "acute_stress_wm"}},
        {"stimulant_dose", "Too much of a good thing (stimulant dose)",
         "Stimulants raise goal-directed responding at low doses; at high doses stereotyped behaviour competes with it and responding falls.",
         "Lyon & Robbins 1975; Robbins 1976", "A/B", {},
         {"dat_block", "presses_per_min", "stereotypy", "da_dstr_nM"},
         stimulant_dose,
         curve_chart("lever presses per minute (FR5)", "dat_block", "presses_per_min", "DAT block added (fraction)", false),
         {"striatal_inverted_u"}},
        {"ssri_course", "Why an SSRI takes weeks",
         "Blocking SERT first lowers raphe firing through 5-HT1A autoreceptors; as they desensitise over 2-3 weeks firing recovers and forebrain 5-HT rises.",
         "Blier & de Montigny 1994", "B",
         {{"sert_block", 0.8, 0, 1, false, "SERT block (0.8 = a typical SSRI occupancy)"},
          {"days", 28, 1, 120, true, "days to follow"}},
         {"day", "raphe_rate_hz", "serotonin_level", "patience_s", "ht1a_sensitivity"},
         ssri_course,
         pair_chart("x typical", {}, "day", "serotonin_level", "ht1a_sensitivity", "day", "forebrain serotonin", "autoreceptor sensitivity"),
         {"ssri_autoreceptor", "ssri_delay"}},
    });
}
}  // namespace

const std::vector<ExperimentSpec>& experiment_specs() {
    static const std::vector<ExperimentSpec> specs = [] {
        std::vector<ExperimentSpec> all;
        add_dopamine_experiments(all);
        add_modulator_experiments(all);
        return all;
    }();
    return specs;
}

const ExperimentSpec* find_experiment(std::string_view name) {
    for (const auto& s : experiment_specs()) if (s.name == name) return &s;
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

ExperimentResult run_experiment(std::string_view name, const Inputs& base, const ParamValues& params, std::uint64_t seed, const Params& model_params) {
    const ExperimentSpec* spec = find_experiment(name);
    if (!spec) return {};
    return spec->run(*spec, base, params, seed, model_params);
}

}  // namespace neurodrive::model
