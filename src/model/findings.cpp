// findings.cpp - the published findings and how each is checked on the model (see findings.hpp).
// Criteria are the published direction with a tolerance wide enough for species and method
// differences (SCIENCE.md, misconception 10); numbers are compared only where a paper gives one.
// Pure: no I/O, deterministic.
//
// Index
//   [SECTION] Helpers
//   [SECTION] Section 3: prediction error, vigor, effort, wanting, PFC, LC, serotonin, stress, hormones
//   [SECTION] Section 6: feedback loops, extremes, drugs by mechanism
//   [SECTION] Registry
#include "neurodrive/findings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <vector>

#include "neurodrive/behaviour.hpp"
#include "neurodrive/experiments.hpp"
#include "neurodrive/names.hpp"

namespace neurodrive::model {
namespace {

// [SECTION] Helpers ----------------------------------------------------------------------------------
std::string fmt(const char* f, ...) {
    char buf[512];
    va_list args;
    va_start(args, f);
    std::vsnprintf(buf, sizeof buf, f, args);
    va_end(args);
    return buf;
}

Inputs with(double Inputs::*field, double v, Inputs in = {}) {
    in.*field = v;
    return in;
}

Outputs steady(const Params& p, const Inputs& in = {}, double settle_s = 5.0) { return steady_outputs(in, p, settle_s); }

ExperimentResult run(const Params& p, const char* name, const ParamValues& pv = {}, const Inputs& in = {}) {
    return run_experiment(name, in, pv, 1, p);
}

double mean_last(const std::vector<double>& v, std::size_t n) {
    n = std::min(n, v.size());
    double sum = 0.0;
    for (std::size_t i = v.size() - n; i < v.size(); ++i) sum += v[i];
    return n ? sum / static_cast<double>(n) : 0.0;
}

double pct(double after, double before) { return before != 0.0 ? 100.0 * (after / before - 1.0) : 0.0; }

// [SECTION] Section 3 ----------------------------------------------------------------------------------
FindingOutcome resting_levels(const Params& p) {
    const Outputs o = steady(p);
    const double ratio = o.da_nac_nM / std::max(o.da_pfc_nM, 1e-9);
    return {std::abs(o.da_nac_nM / 11.0 - 1.0) < 0.15 && std::abs(o.da_pfc_nM / 3.0 - 1.0) < 0.15 && ratio >= 2.5 && ratio <= 5.0
                && o.vta_rate_hz >= 2.0 && o.vta_rate_hz <= 10.0,
            fmt("NAc %.1f nM, PFC %.2f nM (ratio %.1f), dorsal striatum %.1f nM, VTA %.1f Hz", o.da_nac_nM, o.da_pfc_nM, ratio, o.da_dstr_nM, o.vta_rate_hz)};
}

FindingOutcome burst_shape(const Params& p) {
    const Inputs in;
    State s = make_state(in, 1, p);
    advance(s, in, 1.0);
    apply_event(s, Event::Reward);
    double peak = 0.0, extra_spikes = 0.0, above_s = 0.0;
    const double tonic = p.ml_tonic_hz;
    for (int i = 0; i < 500; ++i) {
        advance(s, in, 0.001);
        peak = std::max(peak, s.ml_rate_hz);
        extra_spikes += (s.ml_rate_hz - tonic) * 0.001;
        if (s.ml_rate_hz > 2.0 * tonic) above_s += 0.001;
    }
    const double spikes = extra_spikes + tonic * above_s;
    return {peak >= 14.0 && peak <= 40.0 && spikes >= 3.0 && spikes <= 10.0 && above_s >= 0.05 && above_s <= 0.3,
            fmt("peak %.0f Hz, about %.1f spikes in a %.0f ms burst", peak, spikes, above_s * 1000.0)};
}

FindingOutcome cue_da(const Params& p) {
    const auto r = run(p, "conditioning", {{"trials", 40}});
    const double peak = mean_last(*r.array("cue_release_nM"), 10), at = mean_last(*r.array("cue_da_peak_s"), 10);
    return {peak >= 15.0 && peak <= 120.0 && at <= 0.5, fmt("trained cue: +%.0f nM in NAc, peaking %.2f s after the cue", peak, at)};
}

FindingOutcome td_transfer(const Params& p) {
    const auto r = run(p, "conditioning");
    const auto& cue = *r.array("cue_response_hz");
    const auto& rew = *r.array("reward_response_hz");
    const double first = rew.front(), late_rew = mean_last(rew, 5), late_cue = mean_last(cue, 5);
    return {late_cue > late_rew && late_rew <= 0.2 * first && first > 10.0 && cue.front() < 0.2 * late_cue,
            fmt("reward burst %.1f Hz -> %.1f Hz; cue burst %.1f Hz -> %.1f Hz over 60 trials", first, late_rew, cue.front(), late_cue)};
}

FindingOutcome omission_dip(const Params& p) {
    const auto r = run(p, "conditioning", {{"omit_last", 1}});
    const double hz = r.scalar("omission_dip_hz"), nm = r.scalar("omission_dip_nM");
    return {hz < -1.0 && hz >= -p.ml_tonic_hz * 1.5 && nm < -1.0, fmt("firing %.1f Hz, NAc DA %.1f nM at the expected time", hz, nm)};
}

FindingOutcome probability(const Params& p) {
    double prev_cue = -1e9, prev_rew = 1e9;
    bool ok = true;
    std::string text;
    for (double prob : {0.25, 0.5, 0.75, 1.0}) {
        const auto r = run(p, "conditioning", {{"trials", 120}, {"reward_probability", prob}});
        const auto& cue = *r.array("cue_response_hz");
        const auto& rew = *r.array("reward_response_hz");
        const auto& got = *r.array("rewarded");
        double c = 0.0, w = 0.0;
        int nc = 0, nw = 0;
        for (std::size_t i = 60; i < cue.size(); ++i) {
            c += cue[i]; ++nc;
            if (got[i] > 0.5) { w += rew[i]; ++nw; }
        }
        c /= std::max(nc, 1);
        w /= std::max(nw, 1);
        ok = ok && c > prev_cue && w < prev_rew;
        prev_cue = c;
        prev_rew = w;
        text += fmt("%sp=%.2f: cue %.1f, reward %.1f Hz", text.empty() ? "" : "; ", prob, c, w);
    }
    return {ok, text};
}

FindingOutcome no_creep(const Params& p) {
    const Inputs in;
    State s = make_state(in, 1, p);
    double worst = 0.0;
    for (int t = 0; t < 40; ++t) {
        apply_event(s, Event::Cue);
        for (int k = 0; k < 400; ++k) {
            advance(s, in, 0.01);
            if (s.td.bin >= 3 && s.td.bin <= 12) worst = std::max(worst, s.td.delta);
        }
    }
    return {worst < 0.15, fmt("largest mid-delay prediction error %.3f (a travelling burst would be 0.3-0.5)", worst)};
}

FindingOutcome vigor_rate(const Params& p) {
    const double l4 = run(p, "vigor", {{"reward_rate_per_min", 4}}).scalar("response_latency_s");
    const double l8 = run(p, "vigor", {{"reward_rate_per_min", 8}}).scalar("response_latency_s");
    const double low = steady(p, with(&Inputs::dopamine, 0.5)).response_latency_s, base = steady(p).response_latency_s;
    return {std::abs(l8 / l4 - 0.707) < 0.03 && low > 1.1 * base,
            fmt("doubling the reward rate: latency x%.2f; dopamine at 50%%: latency x%.2f", l8 / l4, low / base)};
}

FindingOutcome effort_typical(const Params& p) {
    const auto r = run(p, "effort_choice");
    const double share = r.scalar("pellets_g") / std::max(r.scalar("total_intake_g"), 1e-9);
    return {share > 0.5, fmt("a typical rat takes %.0f%% of its food from the lever at FR5 (%.0f presses)", 100.0 * share, r.scalar("lever_presses"))};
}

FindingOutcome effort_not_appetite(const Params& p) {
    const auto c = run(p, "effort_choice");
    bool ok = true;
    std::string text;
    const struct { const char* label; Inputs in; } cases[] = {{"NAc depletion 80%", with(&Inputs::nac_depletion, 0.8)},
                                                              {"D2 antagonist 50%", with(&Inputs::d2_antagonist, 0.5)}};
    for (const auto& k : cases) {
        const auto r = run(p, "effort_choice", {}, k.in);
        const double presses = r.scalar("lever_presses") / c.scalar("lever_presses"), chow = r.scalar("chow_g") / c.scalar("chow_g");
        const double total = r.scalar("total_intake_g") / c.scalar("total_intake_g");
        ok = ok && presses <= 0.6 && chow >= 1.5 && std::abs(total - 1.0) <= 0.15;
        text += fmt("%s%s: presses x%.2f, chow x%.1f, total x%.2f", text.empty() ? "" : "; ", k.label, presses, chow, total);
    }
    return {ok, text};
}

FindingOutcome ratio_dependence(const Params& p) {
    auto deficit = [&](double ratio) {
        const auto c = run(p, "effort_choice", {{"ratio", ratio}, {"chow", 0}});
        const auto d = run(p, "effort_choice", {{"ratio", ratio}, {"chow", 0}}, with(&Inputs::nac_depletion, 0.8));
        return 1.0 - d.scalar("lever_presses") / std::max(c.scalar("lever_presses"), 1.0);
    };
    const double fr1 = deficit(1), fr4 = deficit(4), fr16 = deficit(16), fr64 = deficit(64);
    const double intact16 = run(p, "effort_choice", {{"ratio", 16}, {"chow", 0}}).scalar("lever_presses");
    const double intact64 = run(p, "effort_choice", {{"ratio", 64}, {"chow", 0}}).scalar("lever_presses");
    // No deficit at FR1, growing with the ratio, partial even at FR64; intact rats keep working at FR64.
    return {fr1 < 0.1 && fr1 < fr4 && fr4 < fr16 && fr16 < fr64 && fr64 < 0.9 && intact64 >= 0.5 * intact16,
            fmt("press deficit after NAc depletion: FR1 %.0f%%, FR4 %.0f%%, FR16 %.0f%%, FR64 %.0f%%; intact rats press %.0f times at FR16, %.0f at FR64",
                100 * fr1, 100 * fr4, 100 * fr16, 100 * fr64, intact16, intact64)};
}

FindingOutcome prefeeding(const Params& p) {
    const auto c = run(p, "effort_choice"), fed = run(p, "effort_choice", {{"prefeed", 1}});
    const double fr1 = run(p, "effort_choice", {{"ratio", 1}, {"chow", 0}}).scalar("lever_presses");
    const double fr1_fed = run(p, "effort_choice", {{"ratio", 1}, {"chow", 0}, {"prefeed", 1}}).scalar("lever_presses");
    return {fed.scalar("lever_presses") < c.scalar("lever_presses") && fed.scalar("chow_g") < c.scalar("chow_g") && fr1_fed < 0.8 * fr1,
            fmt("pre-fed: presses %.0f -> %.0f, chow %.1f -> %.1f g; on FR1 alone %.0f -> %.0f presses", c.scalar("lever_presses"),
                fed.scalar("lever_presses"), c.scalar("chow_g"), fed.scalar("chow_g"), fr1, fr1_fed)};
}

FindingOutcome wanting_not_liking(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::nac_depletion, 0.95));
    return {o.wanting <= 0.5 * b.wanting && std::abs(o.liking / b.liking - 1.0) < 0.05,
            fmt("NAc depletion 95%%: wanting %.2f -> %.2f, liking %.2f -> %.2f", b.wanting, o.wanting, b.liking, o.liking)};
}

FindingOutcome pfc_inverted_u(const Params& p) {
    const auto r = run(p, "pfc_dose");
    const auto& wm = *r.array("working_memory");
    const double peak = *std::max_element(wm.begin(), wm.end());
    return {wm.front() < 0.7 * peak && wm.back() < 0.7 * peak,
            fmt("working memory %.2f when depleted, peak %.2f, %.2f at 6x D1 stimulation", wm.front(), peak, wm.back())};
}

FindingOutcome baseline_dependence(const Params& p) {
    // The same boost (COMT inhibition) in a low-baseline and in a high-baseline prefrontal cortex.
    Inputs low = with(&Inputs::pfc_depletion, 0.6), high = with(&Inputs::d1_agonist_pfc, 0.12);
    const double low_before = steady(p, low).executive, high_before = steady(p, high).executive;
    low.comt_inhibition = high.comt_inhibition = 1.0;
    const double low_after = steady(p, low).executive, high_after = steady(p, high).executive;
    return {low_after > low_before && high_after < high_before,
            fmt("COMT inhibition: low-baseline PFC %.2f -> %.2f, high-baseline PFC %.2f -> %.2f", low_before, low_after, high_before, high_after)};
}

FindingOutcome lc_adaptive_gain(const Params& p) {
    const double v1 = steady(p).vigilance, lo = steady(p, with(&Inputs::norepinephrine, 0.2)).vigilance;
    const double hi = steady(p, with(&Inputs::norepinephrine, 2.0)).vigilance;
    return {lo < v1 && hi < v1, fmt("vigilance %.2f at low tonic LC, %.2f typical, %.2f at high tonic LC", lo, v1, hi)};
}

FindingOutcome lc_phasic_mode(const Params& p) {
    auto phasic = [&](double ne) {
        const Inputs in = with(&Inputs::norepinephrine, ne);
        State s = make_state(in, 1, p);
        advance(s, in, 1.0);
        const double before = s.lc_rate_hz;
        apply_event(s, Event::Cue);
        double peak = 0.0;
        for (int i = 0; i < 100; ++i) { advance(s, in, 0.001); peak = std::max(peak, s.lc_rate_hz - before); }
        return peak;
    };
    const double low = phasic(0.3), moderate = phasic(1.0), high = phasic(2.0);
    return {moderate > high && moderate > low, fmt("LC burst to a cue: +%.1f Hz (low tonic), +%.1f Hz (moderate), +%.1f Hz (high tonic)", low, moderate, high)};
}

FindingOutcome waiting_5ht(const Params& p) {
    const double off = run(p, "waiting").scalar("giving_up_time_s"), on = run(p, "waiting", {{"serotonin_stim", 1}}).scalar("giving_up_time_s");
    return {std::abs(off / 12.0 - 1.0) < 0.1 && std::abs(on / off / 1.46 - 1.0) < 0.12, fmt("p = 0.75: %.1f s, %.1f s with 5-HT stimulation", off, on)};
}

FindingOutcome waiting_probability(const Params& p) {
    bool ok = true;
    std::string text;
    for (double prob : {0.25, 0.5}) {
        const double off = run(p, "waiting", {{"reward_probability", prob}}).scalar("giving_up_time_s");
        const double on = run(p, "waiting", {{"reward_probability", prob}, {"serotonin_stim", 1}}).scalar("giving_up_time_s");
        ok = ok && on - off < 1.5;
        text += fmt("%sp = %.2f: %.1f s -> %.1f s", text.empty() ? "" : "; ", prob, off, on);
    }
    return {ok, text};
}

FindingOutcome patience_floor(const Params& p) {
    const double t = run(p, "waiting", {{"reward_probability", 0.25}}).scalar("giving_up_time_s");
    const double none = steady(p, with(&Inputs::serotonin, 0.0)).patience_s;
    return {t >= 2.0 && none >= 2.0, fmt("waits %.1f s at p = 0.25, %.1f s with no serotonin", t, none)};
}

FindingOutcome low_5ht_impulsive(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::serotonin, 0.3));
    const double e = run(p, "effort_choice", {}, with(&Inputs::serotonin, 0.3)).scalar("lever_presses") / run(p, "effort_choice").scalar("lever_presses");
    return {o.patience_s < 0.8 * b.patience_s && std::abs(e - 1.0) < 0.15,
            fmt("serotonin 30%%: patience %.1f -> %.1f s, effortful presses x%.2f", b.patience_s, o.patience_s, e)};
}

FindingOutcome ht2c_restraint(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::ht2c_agonist, 1.0));
    const double drop = 1.0 - o.vta_rate_hz / b.vta_rate_hz;
    return {drop >= 0.35 && drop <= 0.65, fmt("VTA firing %.0f%%", -100.0 * drop)};
}

FindingOutcome ht2c_da_less(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::ht2c_agonist, 1.0));
    const double firing = 1.0 - o.vta_rate_hz / b.vta_rate_hz, da = 1.0 - o.da_nac_nM / b.da_nac_nM;
    return {da > 0.1 && da < 0.75 * firing, fmt("VTA firing %.0f%%, NAc DA %.0f%%", -100.0 * firing, -100.0 * da)};
}

FindingOutcome acute_stress_levels(const Params& p) {
    const auto r = run(p, "acute_stress");
    const double nac = r.scalar("da_nac_change_pct"), pfc = r.scalar("da_pfc_change_pct"), dstr = r.scalar("da_dstr_change_pct");
    return {pfc > nac && nac > dstr && std::abs(pfc - 95.0) < 30.0 && std::abs(nac - 39.0) < 16.0 && std::abs(dstr - 25.0) < 12.0,
            fmt("PFC DA %+.0f%%, NAc DA %+.0f%%, dorsal striatum %+.0f%%", pfc, nac, dstr)};
}

FindingOutcome acute_stress_wm(const Params& p) {
    // In a prefrontal cortex already near or above its optimum (here: COMT inhibited).
    const auto r = run(p, "acute_stress", {}, with(&Inputs::comt_inhibition, 1.0));
    return {r.scalar("working_memory_change_pct") < 0.0 && r.scalar("lc_rate_change_pct") > 10.0,
            fmt("working memory %+.0f%%, LC firing %+.0f%% during the stressor", r.scalar("working_memory_change_pct"), r.scalar("lc_rate_change_pct"))};
}

FindingOutcome acute_stress_pfc(const Params& p) {
    // A strong stressor impairs a typical PFC; a mild one does not.
    const Outputs b = steady(p), mild = steady(p, with(&Inputs::acute_stressor, 0.25), 8.0), strong = steady(p, with(&Inputs::acute_stressor, 1.0), 8.0);
    return {strong.executive < 0.9 * b.executive && mild.executive >= b.executive,
            fmt("working memory %.2f typical, %.2f with a mild stressor, %.2f with a strong one (cortical NE x%.1f)", b.executive, mild.executive,
                strong.executive, strong.ne_level)};
}

FindingOutcome chronic_stress_vta(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::cortisol, 2.0));
    const double drop = 1.0 - o.vta_active_cells / b.vta_active_cells;
    // Fewer active neurons, not slower ones: the active neurons keep firing within their normal range.
    return {drop >= 0.5 && drop <= 0.75 && o.vta_rate_hz >= 0.9 * b.vta_rate_hz,
            fmt("a doubled glucocorticoid load held for weeks: active VTA DA neurons %.0f%%, their firing %.1f -> %.1f Hz", -100.0 * drop,
                b.vta_rate_hz, o.vta_rate_hz)};
}

FindingOutcome chronic_stress_anhedonia(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::cortisol, 2.0));
    return {o.liking < b.liking && o.wanting < b.wanting && o.mood < b.mood,
            fmt("wanting %.2f -> %.2f, liking %.2f -> %.2f, mood %.2f -> %.2f", b.wanting, o.wanting, b.liking, o.liking, b.mood, o.mood)};
}

FindingOutcome estradiol_release(const Params& p) {
    auto cue = [&](double e) { return mean_last(*run(p, "conditioning", {{"trials", 30}}, with(&Inputs::estradiol, e)).array("cue_release_nM"), 5); };
    const double lo = cue(0.3), hi = cue(1.7);
    return {hi > 1.1 * lo, fmt("cue-evoked NAc DA %.0f nM at low estradiol, %.0f nM at high", lo, hi)};
}

FindingOutcome testosterone_modest(const Params& p) {
    const double base = steady(p).motivation, lo = steady(p, with(&Inputs::testosterone, 0.0)).motivation;
    const double hi = steady(p, with(&Inputs::testosterone, 2.0)).motivation;
    return {std::abs(lo - base) < 5.0 && std::abs(hi - base) < 5.0, fmt("drive %.1f at no testosterone, %.1f typical, %.1f at double", lo, base, hi)};
}

FindingOutcome hypothyroid(const Params& p) {
    Inputs in;
    State s = make_state(in, 1, p);
    advance(s, in, 30.0);
    const Outputs healthy = outputs(s, in);
    in.thyroid = 0.3;
    advance(s, in, 30.0);  // 60 simulated days
    const Outputs hypo = outputs(s, in);
    in.thyroid = 1.0;
    advance(s, in, 30.0);
    const Outputs treated = outputs(s, in);
    return {hypo.response_latency_s > 1.2 * healthy.response_latency_s && hypo.mood < healthy.mood - 0.1 && hypo.motivation < healthy.motivation - 3.0
                && std::abs(treated.response_latency_s / healthy.response_latency_s - 1.0) < 0.05,
            fmt("latency %.2f -> %.2f s, mood %.2f -> %.2f, drive %.0f -> %.0f; treated: latency %.2f s", healthy.response_latency_s, hypo.response_latency_s,
                healthy.mood, hypo.mood, healthy.motivation, hypo.motivation, treated.response_latency_s)};
}

// [SECTION] Section 6 ----------------------------------------------------------------------------------
FindingOutcome haloperidol_firing(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::d2_antagonist, 1.0));
    return {o.vta_rate_hz > 1.1 * b.vta_rate_hz && o.da_nac_nM > b.da_nac_nM,
            fmt("D2 antagonist: VTA firing %.2f -> %.2f Hz, NAc DA %.1f -> %.1f nM", b.vta_rate_hz, o.vta_rate_hz, b.da_nac_nM, o.da_nac_nM)};
}

FindingOutcome cocaine_firing(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::dat_block, 1.0));
    return {o.vta_rate_hz < 0.9 * b.vta_rate_hz && o.da_nac_nM > 2.0 * b.da_nac_nM,
            fmt("DAT block: VTA firing %.2f -> %.2f Hz while NAc DA %.1f -> %.1f nM", b.vta_rate_hz, o.vta_rate_hz, b.da_nac_nM, o.da_nac_nM)};
}

FindingOutcome two_populations(const Params& p) {
    const Outputs b = steady(p), h = steady(p, with(&Inputs::d2_antagonist, 1.0)), c = steady(p, with(&Inputs::dat_block, 1.0));
    const double ml_h = h.vta_rate_hz / b.vta_rate_hz - 1.0, mc_h = h.vta_mc_rate_hz / b.vta_mc_rate_hz - 1.0;
    const double ml_c = c.vta_rate_hz / b.vta_rate_hz - 1.0, mc_c = c.vta_mc_rate_hz / b.vta_mc_rate_hz - 1.0;
    return {b.vta_mc_rate_hz > b.vta_rate_hz && std::abs(mc_h) < 0.5 * std::abs(ml_h) && std::abs(mc_c) < 0.5 * std::abs(ml_c),
            fmt("at rest mesolimbic %.1f Hz, mesocortical %.1f Hz; D2 antagonist %+.0f%% vs %+.0f%%; DAT block %+.0f%% vs %+.0f%%", b.vta_rate_hz,
                b.vta_mc_rate_hz, 100 * ml_h, 100 * mc_h, 100 * ml_c, 100 * mc_c)};
}

FindingOutcome dat_block_regional(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::dat_block, 1.0));
    return {o.da_nac_nM >= 2.0 * b.da_nac_nM && std::abs(o.da_pfc_nM / b.da_pfc_nM - 1.0) < 0.25,
            fmt("DAT block: NAc DA x%.1f, PFC DA x%.2f", o.da_nac_nM / b.da_nac_nM, o.da_pfc_nM / b.da_pfc_nM)};
}

FindingOutcome net_block_pfc(const Params& p) {
    const double r = steady(p, with(&Inputs::net_block, 1.0)).da_pfc_nM / steady(p).da_pfc_nM;
    return {r >= 2.0 && r <= 4.0, fmt("NET block: PFC DA x%.1f", r)};
}

FindingOutcome comt_pfc(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::comt_inhibition, 1.0));
    const double pfc = o.da_pfc_nM / b.da_pfc_nM, nac = o.da_nac_nM / b.da_nac_nM;
    return {pfc > 1.4 && pfc < 1.8 && std::abs(nac - 1.0) < 0.05, fmt("COMT inhibition: PFC DA x%.2f, NAc DA x%.2f", pfc, nac)};
}

FindingOutcome net_block_lc(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::net_block, 1.0));
    return {o.lc_rate_hz < 0.95 * b.lc_rate_hz && o.ne_level > 1.5, fmt("NET block: LC firing %.2f -> %.2f Hz while cortical NE x%.1f", b.lc_rate_hz, o.lc_rate_hz, o.ne_level)};
}

FindingOutcome methylphenidate(const Params& p) {
    const Outputs b = steady(p), o = steady(p, [] { Inputs in; in.dat_block = 0.3; in.net_block = 0.5; return in; }());
    const double pfc = pct(o.da_pfc_nM, b.da_pfc_nM), nac = pct(o.da_nac_nM, b.da_nac_nM), ne = pct(o.ne_level, b.ne_level);
    return {pfc > nac && ne > nac && pfc > 15.0 && o.stereotypy < 0.1,
            fmt("DAT 30%% + NET 50%%: PFC DA %+.0f%%, cortical NE %+.0f%%, NAc DA %+.0f%%", pfc, ne, nac)};
}

FindingOutcome striatal_inverted_u(const Params& p) {
    const auto r = run(p, "stimulant_dose");
    const auto& presses = *r.array("presses_per_min");
    const double peak = *std::max_element(presses.begin(), presses.end());
    return {peak > presses.front() && presses.back() < 0.85 * peak,
            fmt("%.0f presses/min with no DAT block, peak %.0f, %.0f at full block (stereotypy %.0f%%)", presses.front(), peak, presses.back(),
                100.0 * r.array("stereotypy")->back())};
}

FindingOutcome stereotypy_dorsal(const Params& p) {
    const double whole = steady(p, with(&Inputs::dat_block, 1.0), 30.0).stereotypy;
    const double lesioned = steady(p, with(&Inputs::nac_depletion, 0.9, with(&Inputs::dat_block, 1.0)), 30.0).stereotypy;
    return {whole > 0.2 && lesioned >= 0.8 * whole, fmt("stereotypy under full DAT block %.0f%%, %.0f%% after a 90%% NAc lesion", 100 * whole, 100 * lesioned)};
}

FindingOutcome top_of_dopamine(const Params& p) {
    // Along the stimulant axis (DAT block): drive peaks at a moderate block and the full block is below it.
    double best = -1.0, best_at = 0.0, top = 0.0;
    for (double d : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        const double m = steady(p, with(&Inputs::dat_block, d), 20.0).motivation;
        if (m > best) { best = m; best_at = d; }
        top = m;
    }
    const double base = steady(p, Inputs{}, 20.0).motivation;
    return {top < best && top < base && best_at > 0.0 && best_at < 1.0,
            fmt("drive %.1f typical, best %.1f at DAT block %.2f, %.1f at the full block", base, best, best_at, top)};
}

FindingOutcome aphagia(const Params& p) {
    const double control = run(p, "effort_choice").scalar("total_intake_g");
    const double none = run(p, "effort_choice", {}, with(&Inputs::dopamine, 0.03)).scalar("total_intake_g");
    return {none < 0.1 * control, fmt("intake %.1f g with no dopamine tone vs %.1f g", none, control)};
}

FindingOutcome partial_loss_eats(const Params& p) {
    const double control = run(p, "effort_choice").scalar("total_intake_g");
    const double partial = run(p, "effort_choice", {}, with(&Inputs::dopamine, 0.6)).scalar("total_intake_g");
    const double nac = run(p, "effort_choice", {}, with(&Inputs::nac_depletion, 0.9)).scalar("total_intake_g");
    return {partial > 0.8 * control && nac > 0.8 * control, fmt("intake x%.2f at 60%% dopamine tone (NAc DA about half), x%.2f after a 90%% NAc lesion",
                                                              partial / control, nac / control)};
}

FindingOutcome thyroid_excess(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::thyroid, 2.0), 30.0);
    return {o.motivation < b.motivation && o.vigilance < b.vigilance && o.mood < b.mood,
            fmt("double thyroid: drive %.0f -> %.0f, vigilance %.2f -> %.2f, mood %.2f -> %.2f", b.motivation, o.motivation, b.vigilance, o.vigilance, b.mood, o.mood)};
}

FindingOutcome glucocorticoid_deficiency(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::cortisol, 0.1), 10.0);
    return {o.da_nac_nM < 0.9 * b.da_nac_nM && o.motivation < b.motivation - 3.0,
            fmt("glucocorticoid deficiency: NAc DA %.1f -> %.1f nM, drive %.0f -> %.0f", b.da_nac_nM, o.da_nac_nM, b.motivation, o.motivation)};
}

FindingOutcome high_ne_vigilance(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::norepinephrine, 2.0));
    return {o.vigilance < b.vigilance && o.lc_phasic_capacity < b.lc_phasic_capacity,
            fmt("high tonic LC: vigilance %.2f -> %.2f, phasic responsiveness x%.2f", b.vigilance, o.vigilance, o.lc_phasic_capacity)};
}

FindingOutcome ssri_autoreceptor(const Params& p) {
    const auto r = run(p, "ssri_course", {{"days", 28}});
    const auto& raphe = *r.array("raphe_rate_hz");
    const auto& ht = *r.array("serotonin_level");
    const double base = raphe.front(), acute = *std::min_element(raphe.begin(), raphe.begin() + 6), late = raphe.back();
    const double ht_acute = ht[3], ht_late = ht.back();
    return {acute < 0.85 * base && late > acute && ht_late > 1.3 * ht_acute,
            fmt("raphe firing %.2f Hz -> %.2f Hz in the first days -> %.2f Hz at 4 weeks; forebrain 5-HT x%.2f at day 3, x%.2f at 4 weeks", base, acute, late,
                ht_acute, ht_late)};
}

FindingOutcome ssri_delay(const Params& p) {
    const auto r = run(p, "ssri_course", {{"days", 28}});
    const auto& ht = *r.array("serotonin_level");
    const double rise3 = ht[3] - ht.front(), rise21 = ht[21] - ht.front();
    return {rise21 > 0.0 && rise3 < 0.6 * rise21, fmt("forebrain 5-HT rise at day 3 is %.0f%% of the rise at day 21", 100.0 * rise3 / std::max(rise21, 1e-9))};
}

// [SECTION] Section 7: the striatum's output pathways, drugs in combination, headroom -------------------
double intake(const Params& p, const Inputs& in) { return run(p, "effort_choice", {}, in).scalar("total_intake_g"); }
double presses(const Params& p, const Inputs& in, double ratio = 5.0) { return run(p, "effort_choice", {{"ratio", ratio}}, in).scalar("lever_presses"); }

FindingOutcome catalepsy(const Params& p) {
    // Catalepsy above ~80% D2 occupancy; at about half that occupancy actions still start.
    const Outputs b = steady(p), half = steady(p, with(&Inputs::d2_antagonist, 0.5)), full = steady(p, with(&Inputs::d2_antagonist, 1.0));
    return {full.activation < 0.6 * b.activation && half.activation > 0.85 * b.activation && full.da_nac_nM > b.da_nac_nM,
            fmt("activation %.2f typical, %.2f at %.0f%% D2 occupancy, %.2f at %.0f%% (while NAc DA %.1f -> %.1f nM)", b.activation, half.activation,
                100 * half.d2_drug_occupancy, full.activation, 100 * full.d2_drug_occupancy, b.da_nac_nM, full.da_nac_nM)};
}

FindingOutcome neuroleptic_effort_first(const Params& p) {
    // A low dose cuts lever pressing while free feeding goes on (feeding falls only near catalepsy).
    const double c_press = presses(p, {}), c_food = intake(p, {});
    const Inputs low = with(&Inputs::d2_antagonist, 0.5), high = with(&Inputs::d2_antagonist, 1.0);
    const double low_press = presses(p, low) / c_press, low_food = intake(p, low) / c_food, high_food = intake(p, high) / c_food;
    return {low_press < 0.6 && low_food > 0.85, fmt("D2 antagonist 50%%: presses x%.2f, food x%.2f; 100%%: food x%.2f", low_press, low_food, high_food)};
}

FindingOutcome neuroleptic_blocks_stereotypy(const Params& p) {
    double prev = 2.0;
    bool falling = true;
    std::string text;
    for (double d2 : {0.0, 0.5, 0.8, 1.0}) {
        const double st = steady(p, with(&Inputs::d2_antagonist, d2, with(&Inputs::dat_block, 1.0)), 30.0).stereotypy;
        falling = falling && st < prev;
        prev = st;
        text += fmt("%sD2 antagonist %.0f%%: %.0f%%", text.empty() ? "stereotypy under full DAT block with " : ", ", 100 * d2, 100 * st);
    }
    return {falling && prev < 0.1, text};
}

FindingOutcome stereotypy_needs_d1_and_d2(const Params& p) {
    // Structural: stereotypy reads the dorsal direct/indirect balance. Under a full DAT block, take away
    // D1 excitation (the direct pathway at its D1-less floor, as with a D1 antagonist) or D2 inhibition (the
    // indirect pathway at its typical level) and the balance no longer reaches stereotypy.
    const Outputs o = steady(p, with(&Inputs::dat_block, 1.0), 30.0);
    const double both = stereotypy_share(o.direct_dstr / o.indirect_dstr, p);
    const double without_d1 = stereotypy_share(p.direct_floor / o.indirect_dstr, p), without_d2 = stereotypy_share(o.direct_dstr, p);
    return {both > 0.5 && without_d1 < 0.2 * both && without_d2 < 0.2 * both,
            fmt("stereotypy under full DAT block %.0f%%; %.0f%% without D1 excitation, %.0f%% without D2 inhibition", 100 * both, 100 * without_d1, 100 * without_d2)};
}

FindingOutcome neuroleptic_reduces_stimulant_responding(const Params& p) {
    const Inputs stim = with(&Inputs::dat_block, 0.5);
    const double s = presses(p, stim), both = presses(p, with(&Inputs::d2_antagonist, 0.5, stim)), base = presses(p, {});
    return {s > base && both < 0.85 * s, fmt("presses at FR5: %.0f typical, %.0f with a moderate DAT block, %.0f with a D2 antagonist added", base, s, both)};
}

FindingOutcome stimulant_effort(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::dat_block, 0.5), 20.0);
    return {o.effort_willingness > b.effort_willingness + 0.03,
            fmt("effortful choice %.2f typical, %.2f with a moderate DAT block", b.effort_willingness, o.effort_willingness)};
}

FindingOutcome neuroleptic_spares_liking(const Params& p) {
    const Outputs b = steady(p), o = steady(p, with(&Inputs::d2_antagonist, 1.0));
    return {o.liking == b.liking && o.wanting < b.wanting, fmt("D2 antagonist: wanting %.2f -> %.2f, liking %.2f -> %.2f", b.wanting, o.wanting, b.liking, o.liking)};
}

FindingOutcome headroom(const Params& p) {
    // Design rule: the typical brain sits mid-range on every drive component, so a gain can show.
    const Outputs o = steady(p, Inputs{}, 20.0);
    int n = 0;
    const DriveComponent* parts = drive_components(&n);
    double top = 0.0;
    std::string text;
    for (int i = 0; i < n; ++i) {
        const double v = o.*(parts[i].field);
        top = std::max(top, v);
        text += fmt("%s%s %.2f", text.empty() ? "" : ", ", std::string(parts[i].output).c_str(), v);
    }
    return {top <= 0.85, text};
}

FindingOutcome hyperdopaminergic_wanting(const Params& p) {
    // More tonic DA (DAT knock-down mice: ~70% more) gives more wanting, not more liking.
    const Outputs b = steady(p), o = steady(p, with(&Inputs::dopamine, 2.0), 20.0);
    const double rise = o.da_nac_nM / b.da_nac_nM - 1.0;
    return {o.wanting > b.wanting && o.liking == b.liking && rise > 0.3 && o.stereotypy < 0.1,
            fmt("double dopamine tone: NAc DA %+.0f%%, wanting %.2f -> %.2f, liking %.2f -> %.2f, stereotypy %.0f%%", 100 * rise, b.wanting, o.wanting, b.liking,
                o.liking, 100 * o.stereotypy)};
}

FindingOutcome serotonin_not_drive(const Params& p) {
    const double base = steady(p).motivation, none = steady(p, with(&Inputs::serotonin, 0.0)).motivation;
    return {none < base, fmt("drive %.1f typical, %.1f with no serotonin tone", base, none)};
}

// [SECTION] Registry -------------------------------------------------------------------------------------
constexpr FindingKind P = FindingKind::Prediction;
constexpr FindingKind C = FindingKind::Calibration;
constexpr FindingKind S = FindingKind::Structural;

}  // namespace

namespace {
// Calibrations: a parameter of params.hpp was set from the finding's own number.
void add_calibrations(std::vector<FindingSpec>& specs) {
    specs.insert(specs.end(), {
        {"resting_levels", "2", "Resting DA: NAc ~11 nM, striatum ~10 nM, PFC ~3 nM; VTA DA neurons fire 2-10 Hz",
         "10 nM striatum, 11 nM NAc, 3 nM medial frontal cortex (abstract)", "Abercrombie et al. 1989; Grace & Bunney 1984", "A", C, "", "", resting_levels},
        {"burst_shape", "2", "An unpredicted reward evokes a burst of 3-10 spikes at 14-30 Hz lasting 50-300 ms",
         "3-10 spikes, 14-30 Hz, 50-300 ms (burst criteria)", "Grace & Bunney 1984; Hyland et al. 2002; Schultz & Romo 1990", "A", C, "", "", burst_shape},
        {"effort_choice", "3", "Food-deprived rats mostly work for preferred pellets at FR5 even with free chow available",
         "rats normally press and eat little chow (abstract)", "Salamone et al. 1991", "A", C, "", "", effort_typical},
        {"waiting_5ht", "3", "Raphe 5-HT activation lengthens waiting for a likely reward",
         "waiting prolonged in omission trials at 75% reward probability (abstract); ~12 s -> ~17.5 s (figures; not checked against the paper)",
         "Miyazaki et al. 2014; Miyazaki et al. 2018", "B", C, "", "", waiting_5ht},
        {"waiting_probability", "3", "...but not when the reward is unlikely (25-50%)", "prolonged at 75% but not at 50 or 25% (abstract)",
         "Miyazaki et al. 2018", "B", C, "", "", waiting_probability},
        {"patience_floor", "6", "Mice still wait seconds for a reward that is only 25% likely", "waiting times at 25% in the figures (not checked against the paper)",
         "Miyazaki et al. 2018", "B", C, "", "", patience_floor},
        {"ht2c_restraint", "3", "A 5-HT2C agonist lowers VTA DA firing by about half", "RO 60-0175: basal firing down by up to 53.9 +/- 15% (abstract)",
         "Di Matteo et al. 2000", "B", C, "", "", ht2c_restraint},
        {"acute_stress", "3", "An acute stressor raises DA most in PFC, less in NAc, least in dorsal striatum",
         "tail shock: +95% medial frontal cortex, +39% NAc, +25% striatum (abstract)", "Abercrombie et al. 1989", "A", C, "", "", acute_stress_levels},
        {"acute_stress_pfc", "3", "Even a typical prefrontal cortex goes offline under strong acute stress (high NE and DA), while mild arousal does not impair it",
         "acute uncontrollable stress rapidly impairs PFC working memory via high catecholamine signalling (review abstract)", "Arnsten 2009", "B", C, "", "",
         acute_stress_pfc},
        {"chronic_stress_vta", "3", "A chronic stressor leaves fewer VTA DA neurons spontaneously active; those left fire normally",
         "17 days of cold: 64% fewer spontaneously active DA neurons, normal firing rate of the rest (abstract)", "Moore, Rose & Grace 2001", "B", C, "", "",
         chronic_stress_vta},
        {"hypothyroid", "3", "Overt hypothyroidism brings psychomotor slowing and low mood that reverse with treatment", "clinical review (no number)",
         "Samuels 2014", "B", C, "", "", hypothyroid},
        {"net_block_pfc", "2", "NET block raises PFC DA two- to four-fold", "x2-4 with selective NET inhibition (abstract)", "Kaenmaki et al. 2010", "A", C, "", "",
         net_block_pfc},
        {"comt_pfc", "2", "COMT loss raises basal PFC DA ~60%; striatum unchanged", "+60% PFC DA by no-net-flux, striatum and NAc unchanged (abstract)",
         "Kaenmaki et al. 2010", "A", C, "", "", comt_pfc},
        {"striatal_inverted_u", "6", "Stimulants raise goal-directed responding at low doses; at high doses stereotypy competes and responding falls",
         "direction only", "Lyon & Robbins 1975; Robbins 1976", "A/B", C, "", "", striatal_inverted_u},
        {"aphagia", "6", "Near-total loss of brain DA abolishes eating", "complete bilateral loss: aphagia (abstract); DA-deficient mice stop feeding (abstract)",
         "Ungerstedt 1971; Zhou & Palmiter 1995", "A", C, "", "", aphagia},
        {"ssri_delay", "6", "The 5-HT1A autoreceptors desensitise over 2-3 weeks: the delayed onset of antidepressant action", "2-3 weeks (review)",
         "Blier & de Montigny 1994", "B", C, "", "", ssri_delay},
        {"no_creep", "3", "The burst does not creep backwards bin by bin during learning (TD with long eligibility traces)",
         "TD(0)'s stepwise shift is not seen; long eligibility traces reproduce the data (abstract)", "Pan et al. 2005", "B", C, "", "", no_creep},
        {"thyroid_excess", "6", "Thyroid excess brings anxiety, restlessness, fatigue and poor concentration, not extra drive", "clinical review (no number)",
         "Bauer, Goetz, Glenn & Whybrow 2008", "B", C, "", "", thyroid_excess},
        {"catalepsy", "7", "A D2 antagonist lowers initiation, with catalepsy at high D2 occupancy, although extracellular DA rises",
         "catalepsy tracks D2 occupancy (title); checked: activation below 60% of typical at the full effect (90% occupancy), above 85% at half of it (45%)",
         "Wadenberg et al. 2001; Zetterstrom, Sharp & Ungerstedt 1985", "A", C, "", "", catalepsy},
        {"top_of_dopamine", "6", "More dopamine is not always better: the strongest stimulant is not where drive peaks", "direction",
         "Robbins 1976; Cools & D'Esposito 2011", "A/B", C, "", "", top_of_dopamine},
    });
}

// Predictions: no parameter was set from these findings, and the equations do not guarantee them.
void add_predictions(std::vector<FindingSpec>& specs) {
    specs.insert(specs.end(), {
        {"cue_da", "2", "A trained cue evokes a DA transient of tens of nM in NAc within a fraction of a second",
         "67 +/- 20 nM by voltammetry, onset 0.2 +/- 0.1 s (abstract); checked as 15-120 nM peaking within 0.5 s: the model is scaled to "
         "microdialysis resting levels (11 nM), so it sits below the voltammetric figure", "Roitman et al. 2004", "A", P, "", "", cue_da},
        {"td_transfer", "3", "With training the burst moves from the reward to the cue; a predicted reward gives almost none", "direction", "Schultz, Dayan & Montague 1997",
         "A", P, "", "", td_transfer},
        {"omission_dip", "3", "Omitting an expected reward dips firing and DA below baseline at the expected time", "direction",
         "Schultz, Dayan & Montague 1997; Bayer & Glimcher 2005", "A", P, "", "", omission_dip},
        {"probability", "3", "The cue response rises and the reward response falls with reward probability", "monotonic in p (abstract)",
         "Fiorillo, Tobler & Schultz 2003", "A", P, "", "", probability},
        {"effort_not_appetite", "3", "NAc DA depletion or a low-dose D2 antagonist cuts lever pressing and raises chow intake; total intake about unchanged",
         "presses substantially reduced, chow intake increased (abstract); total intake from the review", "Salamone et al. 1991; Salamone & Correa 2012", "A", P, "",
         "", effort_not_appetite},
        {"ratio_dependence", "3", "NAc depletion spares FR1 and hurts more as the ratio grows; the deficit stays partial and intact rats keep working at FR64",
         "no effect at FR1, impairment much greater at larger ratios (abstract); checked: FR1 < 10%, FR1 < FR4 < FR16 < FR64 < 90%", "Aberman & Salamone 1999", "A", P,
         "", "", ratio_dependence},
        {"low_5ht_impulsive", "3", "Lowering 5-HT makes waiting shorter while effort choice is unchanged", "direction",
         "Denk et al. 2005; Schweighofer et al. 2008", "A/B", P, "", "", low_5ht_impulsive},
        {"ht2c_da_less", "3", "...and lowers NAc DA less than firing: release falls less than firing", "NAc DA -26 +/- 4%, firing up to -53.9% (abstract)",
         "Di Matteo et al. 2000", "B", P, "", "", ht2c_da_less},
        {"acute_stress_wm", "3", "An acute stressor can push PFC DA past its optimum: where PFC sits near it, working memory suffers", "direction",
         "Arnsten 2009", "B", P, "", "", acute_stress_wm},
        {"haloperidol_firing", "6", "A D2 antagonist acutely raises DA neuron firing (somatodendritic autoreceptors) and extracellular DA", "direction",
         "Bunney, Walters, Roth & Aghajanian 1973; Zetterstrom, Sharp & Ungerstedt 1985", "A", P, "", "", haloperidol_firing},
        {"cocaine_firing", "6", "A DAT blocker acutely lowers VTA firing while extracellular DA rises", "direction", "Einhorn, Johansen & White 1988", "A", P, "", "",
         cocaine_firing},
        {"net_block_lc", "6", "Blocking NET raises NE, which slows the LC through alpha2 autoreceptors", "direction", "Cedarbaum & Aghajanian 1976; Szabo & Blier 2001",
         "A/B", P, "", "", net_block_lc},
        {"methylphenidate", "6", "Methylphenidate (DAT + NET block) at clinical levels raises DA and NE most in PFC, little in NAc", "direction (abstract)",
         "Berridge et al. 2006", "A/B", P, "", "", methylphenidate},
        {"partial_loss_eats", "6", "Partial or accumbens-limited DA loss spares eating", "NAc depletion leaves chow intake up (abstract); 9% of striatal DA restores feeding",
         "Salamone et al. 1991; Szczypka et al. 1999", "A", P, "", "", partial_loss_eats},
        {"ssri_autoreceptor", "6", "An SSRI first lowers raphe firing (5-HT1A autoreceptors) so forebrain 5-HT rises little; after weeks firing recovers and 5-HT rises",
         "direction (review)", "Blier & de Montigny 1994", "B", P, "", "", ssri_autoreceptor},
        {"neuroleptic_effort_first", "7", "A low neuroleptic dose cuts lever pressing before free feeding; higher doses suppress feeding too",
         "haloperidol 0.1 mg/kg: presses down, chow up (abstract)", "Salamone et al. 1991", "A", P, "", "", neuroleptic_effort_first},
        {"neuroleptic_blocks_stereotypy", "7", "A D2 antagonist blocks stimulant stereotypy dose-dependently", "direction",
         "Gerfen & Surmeier 2011; Kelly, Seviour & Iversen 1975", "A", P, "", "", neuroleptic_blocks_stereotypy},
        {"neuroleptic_reduces_stimulant_responding", "7", "D2 blockade reduces stimulant-driven responding",
         "haloperidol shifts choice to the small reward; amphetamine blunts it (abstract)", "Bardgett et al. 2009", "B", P, "", "", neuroleptic_reduces_stimulant_responding},
        {"stimulant_effort", "7", "A moderate stimulant raises choice of the effortful, larger reward", "amphetamine biased choice toward the large effortful reward (abstracts)",
         "Bardgett et al. 2009; Wardle et al. 2011", "B", P, "", "", stimulant_effort},
        {"hyperdopaminergic_wanting", "3", "Hyperdopaminergic mice want more (eat more, run faster for a sweet reward) but do not like more",
         "DAT knock-down: ~70% more synaptic DA, greater incentive performance, no more 'liking' (abstract)", "Pecina et al. 2003", "A", P, "dopamine", "",
         hyperdopaminergic_wanting},
        {"serotonin_not_drive", "7", "Removing serotonin does not add drive: 5-HT2C receptors restrain DA even without 5-HT, and mood falls",
         "constitutive 5-HT2C activity (abstract)", "De Deurwaerdere et al. 2004", "B", P, "", "", serotonin_not_drive},
    });
}

// Structural: true by the model's construction; `basis` names the equation. Teaching, not evidence.
void add_structural(std::vector<FindingSpec>& specs) {
    specs.insert(specs.end(), {
        {"vigor_rate", "3", "Optimal latency sqrt(cost / rate): doubling the reward rate gives x0.71; less striatal output slows responding", "x0.71 (the model's formula)",
         "Niv, Daw, Joel & Dayan 2007", "B", S, "", "optimal_latency_s: latency = sqrt(C_v / R)", vigor_rate},
        {"prefeeding", "3", "Pre-feeding lowers lever pressing and chow intake, on every ratio", "pre-feeding suppressed pressing and feeding (abstracts)",
         "Salamone et al. 1991; Aberman & Salamone 1999", "A", S, "", "effort_choice: time on food is proportional to hunger", prefeeding},
        {"wanting_not_liking", "3", "Near-total NAc DA loss cuts wanting but leaves liking intact", "direction", "Berridge & Robinson 1998", "A", S, "",
         "outputs: liking has no DA term", wanting_not_liking},
        {"neuroleptic_spares_liking", "7", "Neuroleptics do not make a sweet taste less liked", "pimozide does not shift palatability (abstract)", "Pecina et al. 1997",
         "A", S, "", "outputs: liking has no DA term", neuroleptic_spares_liking},
        {"pfc_inverted_u", "3", "Working memory is impaired by PFC DA depletion and by excessive D1 stimulation", "direction",
         "Brozoski et al. 1979; Zahrt et al. 1997; Vijayraghavan et al. 2007", "A", S, "", "working_memory: a Gaussian in log D1 stimulation", pfc_inverted_u},
        {"baseline_dependence", "3", "The same PFC DA boost (COMT inhibition) helps a low-DA PFC and harms a high-DA one", "direction",
         "Cools & D'Esposito 2011", "A", S, "comt_inhibition", "working_memory: a Gaussian in log D1 stimulation", baseline_dependence},
        {"lc_adaptive_gain", "3", "Performance is an inverted U of tonic LC activity", "direction", "Aston-Jones & Cohen 2005", "A/B", S, "",
         "vigilance: one bell curve of tonic NE", lc_adaptive_gain},
        {"lc_phasic_mode", "6", "LC bursts to task events in the moderate-tonic mode; phasic responses shrink in the high-tonic mode", "direction",
         "Aston-Jones & Cohen 2005", "A/B", S, "", "lc_mode: the same bell curve scales the phasic response", lc_phasic_mode},
        {"high_ne_vigilance", "6", "High tonic NE costs vigilance: phasic responses shrink, behaviour becomes distractible", "direction", "Aston-Jones & Cohen 2005",
         "A/B", S, "", "vigilance: one bell curve of tonic NE", high_ne_vigilance},
        {"stereotypy_dorsal", "6", "Stimulant stereotypy depends on dorsal, not accumbens, dopamine",
         "caudate, not NAc, lesions abolished intense amphetamine stereotypy (abstract)", "Kelly, Seviour & Iversen 1975", "A", S, "",
         "outputs: stereotypy reads the dorsal striatum only", stereotypy_dorsal},
        {"stereotypy_needs_d1_and_d2", "7", "Stimulant stereotypy needs both D1 and D2 signalling", "direction", "Gerfen & Surmeier 2011", "A", S, "",
         "stereotypy_share of the dorsal go = direct (D1) / indirect (D2)", stereotypy_needs_d1_and_d2},
        {"dat_block_regional", "2", "DAT block raises striatal DA several-fold and leaves PFC DA unchanged (PFC DA is cleared by NET and COMT)",
         "DAT inhibition had no effect on PFC DA (abstract)", "Kaenmaki et al. 2010", "A", S, "", "PFC clearance has no DAT term", dat_block_regional},
        {"two_populations", "6", "PFC-projecting VTA neurons fire faster and lack somatodendritic autoreceptor control", "direction", "Lammel et al. 2008",
         "A/B", S, "", "parameters: mc_tonic_hz > ml_tonic_hz, sd_auto_mc << sd_auto_ml", two_populations},
        {"chronic_stress_anhedonia", "3", "Chronic stress blunts reward: less wanting and liking, lower mood", "direction", "Papp, Willner & Muscat 1991", "B", S, "",
         "slow factors: stress load lowers active VTA neurons, liking and mood", chronic_stress_anhedonia},
        {"estradiol_release", "3", "Estradiol potentiates stimulated striatal DA release", "direction", "Becker 1990", "A rodents / B humans", S, "estradiol",
         "slow factors: estradiol scales striatal release", estradiol_release},
        {"testosterone_modest", "3", "Testosterone effects on reward are mixed and modest (tier C): never a dopamine booster", "direction",
         "Packard et al. 1998; Hermans et al. 2010; Johnson et al. 2010", "C", S, "testosterone", "slow factors: a small salience gain", testosterone_modest},
        {"glucocorticoid_deficiency", "6", "Glucocorticoid deficiency brings fatigue and apathy; adrenalectomy lowers accumbens DA", "adrenalectomy lowers DA in the NAc shell (abstract)",
         "Barrot et al. 2000", "B", S, "", "slow factors: cortisol below typical lowers NAc release and metabolic capacity", glucocorticoid_deficiency},
        {"headroom", "7", "Design rule: a typical brain sits mid-range on every drive component, so a gain can show", "none above 0.85", "Cools & D'Esposito 2011",
         "-", S, "", "parameters: typical levels of each component (scale choices)", headroom},
    });
}
}  // namespace

const std::vector<FindingSpec>& finding_specs() {
    // {id, section, published, value (and where it appears), citation, tier, kind, rises_to_top, basis (structural), check}
    static const std::vector<FindingSpec> specs = [] {
        std::vector<FindingSpec> all;
        add_calibrations(all);
        add_predictions(all);
        add_structural(all);
        return all;
    }();
    return specs;
}

const FindingSpec* find_finding(std::string_view id) {
    for (const auto& f : finding_specs()) if (f.id == id) return &f;
    return nullptr;
}

std::string_view finding_kind_name(FindingKind kind) {
    switch (kind) {
    case FindingKind::Prediction: return "prediction";
    case FindingKind::Calibration: return "calibration";
    case FindingKind::Structural: return "structural";
    }
    return "";
}

bool calibrated_to_includes(std::string_view list, std::string_view finding_id) {
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        if (list.substr(0, comma) == finding_id) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

std::string calibrated_params(std::string_view finding_id) {
    int n = 0;
    const ParamSpec* specs = param_specs(&n);
    std::string out;
    for (int i = 0; i < n; ++i)
        if (calibrated_to_includes(specs[i].calibrated_to, finding_id)) out += (out.empty() ? "" : ", ") + std::string(specs[i].name);
    return out;
}

}  // namespace neurodrive::model
