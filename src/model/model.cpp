// model.cpp - advances the drive model in fixed 1 ms steps and computes its readouts.
// Pure: depends only on the C++ standard library and the model's own headers. Constants and their
// sources live in params.hpp; docs/MODEL.md explains every equation.
//
// Index
//   [SECTION] Rest: the typical brain's operating point, derived from the parameters
//   [SECTION] Per-call constants: what the inputs fix for a whole advance()
//   [SECTION] Temporal-difference learning (the phasic signal)
//   [SECTION] One fixed step: VTA, terminals, LC, raphe, hormone clock
//   [SECTION] Readouts
//   [SECTION] Public API
#include "neurodrive/model.hpp"

#include <algorithm>
#include <cmath>

#include "neurodrive/behaviour.hpp"
#include "neurodrive/rng.hpp"

namespace neurodrive::model {
namespace {

// The slow parts of the state advance every kSlowEvery steps and the firing irregularity every
// kNoiseEvery steps (they change over days and over 0.3 s): a fixed, deterministic schedule that
// keeps a simulated second well under 100 us of CPU.
constexpr std::int64_t kSlowEvery = 10;
constexpr std::int64_t kNoiseEvery = 5;

double occupancy(double c, double kd) { return c / (c + kd); }
double clamp01(double v) { return std::min(1.0, std::max(0.0, v)); }

// [SECTION] Rest: the typical brain's operating point, derived from the parameters ---------------
// Per-spike release and firing drives are set so the typical brain rests at the published
// concentrations and rates (resting_levels is therefore a calibration, not a prediction).
struct Rest {
    double pool_ml, pool_mc;          // releasable pool at tonic firing
    double occ_vta, occ_nac, occ_dstr;  // D2 occupancy at the resting concentrations
    double q_vta, q_nac, q_dstr, q_pfc; // release per spike, nM
    double d1_pfc, d1_nac, d1_dstr;     // D1 occupancy at rest (signals are relative to these)
    double occ_1a;                      // raphe 5-HT1A activation at typical 5-HT
};

double pool_at(const Params& p, double rate_hz) { return 1.0 / (1.0 + p.pool_use_per_spike * rate_hz * p.pool_refill_s); }
double dat_uptake(double vmax, const Params& p, double c) { return vmax * c / (p.dat_km_nM + c) + p.diffusion_per_s * c; }
double other_pfc_share(const Params& p) { return std::max(0.0, 1.0 - p.pfc_net_share - p.pfc_comt_share); }
double sd_gain(double g) { return std::min(g, 0.98); }  // an autoreceptor can never silence a cell on its own

// D2 receptors bound by DA when a competitive antagonist is present at `xa` times its own Kd:
// x / (1 + x + xa), x = [DA] / Kd (the law of mass action for two ligands of one site).
double d2_occupancy(const Params& p, double da_nM, double xa) {
    const double x = da_nM / p.d2_kd_nM;
    return x / (1.0 + x + xa);
}
// The antagonist's concentration over its Kd for an effect from 0 to 1: at resting NAc DA it holds
// effect x d2_drug_top_occupancy of the D2 receptors (more DA displaces it, less DA leaves it more).
double antagonist_ratio(const Params& p, double effect) {
    const double occ = std::clamp(effect, 0.0, 1.0) * std::clamp(p.d2_drug_top_occupancy, 0.0, 0.99);
    return occ / (1.0 - occ) * (1.0 + p.da_nac_rest_nM / p.d2_kd_nM);
}
// 5-HT1A autoreceptor activation (Hill 2) by 5-HT at the raphe, x typical.
double ht1a_activation(const Params& p, double ht) { return ht * ht / (ht * ht + p.ht1a_kd * p.ht1a_kd); }

Rest rest_of(const Params& p) {
    Rest r{};
    r.occ_1a = ht1a_activation(p, 1.0);
    r.pool_ml = pool_at(p, p.ml_tonic_hz);
    r.pool_mc = pool_at(p, p.mc_tonic_hz);
    r.occ_vta = occupancy(p.da_vta_rest_nM, p.d2_kd_nM);
    r.occ_nac = occupancy(p.da_nac_rest_nM, p.d2_kd_nM);
    r.occ_dstr = occupancy(p.da_dstr_rest_nM, p.d2_kd_nM);
    r.q_vta = (1.0 / p.vta_da_tau_s + p.diffusion_per_s) * p.da_vta_rest_nM / p.ml_tonic_hz;
    const double brake_nac = 1.0 - clamp01(p.term_auto_max) * r.occ_nac, brake_dstr = 1.0 - clamp01(p.term_auto_max) * r.occ_dstr;
    r.q_nac = dat_uptake(p.dat_vmax_nac_nMps, p, p.da_nac_rest_nM) / (p.ml_tonic_hz * r.pool_ml * brake_nac);
    r.q_dstr = dat_uptake(p.dat_vmax_dstr_nMps, p, p.da_dstr_rest_nM) / (p.ml_tonic_hz * r.pool_ml * brake_dstr);
    const double k_pfc = p.pfc_clear_per_s * (p.pfc_net_share + p.pfc_comt_share + other_pfc_share(p));
    r.q_pfc = k_pfc * p.da_pfc_rest_nM / (p.mc_tonic_hz * r.pool_mc);
    r.d1_pfc = occupancy(p.da_pfc_rest_nM, p.d1_kd_nM);
    r.d1_nac = occupancy(p.da_nac_rest_nM, p.d1_kd_nM);
    r.d1_dstr = occupancy(p.da_dstr_rest_nM, p.d1_kd_nM);
    return r;
}

// [SECTION] Per-call constants: what the inputs fix for a whole advance() --------------------------
struct Fixed {
    Rest rest;
    double drive_scale;       // VTA tonic drive from the dopamine input
    double synthesis;         // DA per spike from the dopamine input (before thyroid)
    double phasic_scale;      // how much of a burst a weakened VTA can still produce
    double noise_step;        // OU noise increment scale
    double d2_xa;             // D2 antagonist concentration over its Kd
    double dat_nac, dat_dstr, dat_vta_k;  // transporter capacity left
    double terminals_nac;     // NAc terminals left
    double terminals_pfc;     // PFC terminals left
    double k_pfc;             // PFC clearance rate with NET/COMT manipulations
    double ne_clear, ht_clear_raphe, ht_clear_forebrain;
    double ht2c_agonist_factor;  // VTA drive left under the 5-HT2C agonist
    double sd_norm_ml, sd_norm_mc, a2_norm, ht1a_norm;  // 1 / (autoreceptor factor at rest)
    struct {  // kStepS / time constant: the share of the way a variable moves in one step
        double acute_stress_tau_s, ht_raphe_tau_s, ht_forebrain_tau_s, term_auto_tau_s, receptor_tau_s, lc_phasic_tau_s, ne_tau_s,
            pool_refill_s;
    } dt_over;
};

Fixed fixed_for(const Params& p, const Inputs& in) {
    Fixed f{};
    f.rest = rest_of(p);
    const double d = std::max(0.0, in.dopamine);
    f.drive_scale = d;
    // Synthesis saturates above typical: tyrosine hydroxylase is held back by its end product.
    f.synthesis = d <= 1.0 ? d : 1.0 + 0.5 * (d - 1.0);
    f.phasic_scale = std::sqrt(std::min(d, 1.0));
    f.noise_step = p.vta_noise_hz * std::sqrt(2.0 * kNoiseEvery * kStepS / p.vta_noise_tau_s);
    f.d2_xa = antagonist_ratio(p, in.d2_antagonist);
    const double dat_left = 1.0 - clamp01(p.dat_block_max) * in.dat_block;
    f.dat_nac = p.dat_vmax_nac_nMps * dat_left * (1.0 - clamp01(p.dat_on_lost_terminals) * in.nac_depletion);
    f.dat_dstr = p.dat_vmax_dstr_nMps * dat_left;
    f.dat_vta_k = dat_left / p.vta_da_tau_s + p.diffusion_per_s;
    f.terminals_nac = 1.0 - in.nac_depletion;
    f.terminals_pfc = 1.0 - in.pfc_depletion;
    f.k_pfc = p.pfc_clear_per_s * (p.pfc_net_share * (1.0 - in.net_block) + p.pfc_comt_share * (1.0 - in.comt_inhibition) + other_pfc_share(p));
    f.ne_clear = 1.0 - clamp01(p.ne_net_share) * in.net_block;
    f.ht_clear_raphe = 1.0 - clamp01(p.sert_share_raphe) * in.sert_block;
    f.ht_clear_forebrain = 1.0 - clamp01(p.sert_share_forebrain) * in.sert_block;
    f.ht2c_agonist_factor = 1.0 - clamp01(p.ht2c_max_restraint) * in.ht2c_agonist;
    f.sd_norm_ml = 1.0 / (1.0 - sd_gain(p.sd_auto_ml) * f.rest.occ_vta);
    f.sd_norm_mc = 1.0 / (1.0 - sd_gain(p.sd_auto_mc) * f.rest.occ_vta);
    f.a2_norm = 1.0 / (1.0 - sd_gain(p.lc_a2_max) * 0.5);      // NE at rest = 1 = Kd: occupancy 0.5
    f.ht1a_norm = 1.0 / (1.0 - sd_gain(p.ht1a_max) * f.rest.occ_1a);
    f.dt_over.acute_stress_tau_s = kStepS / p.acute_stress_tau_s;
    f.dt_over.ht_raphe_tau_s = kStepS / p.ht_raphe_tau_s;
    f.dt_over.ht_forebrain_tau_s = kStepS / p.ht_forebrain_tau_s;
    f.dt_over.term_auto_tau_s = kStepS / p.term_auto_tau_s;
    f.dt_over.receptor_tau_s = kStepS / p.receptor_tau_s;
    f.dt_over.lc_phasic_tau_s = kStepS / p.lc_phasic_tau_s;
    f.dt_over.ne_tau_s = kStepS / p.ne_tau_s;
    f.dt_over.pool_refill_s = kStepS / p.pool_refill_s;
    return f;
}

// Slow factors: functions of the hormone-clock state (cheap: only + * /).
struct Slow {
    double metabolic;        // thyroid- and cortisol-set capacity
    double synthesis_gain;   // thyroid on DA synthesis (tier C, tiny)
    double nac_release_gain; // estradiol, glucocorticoid support
    double dstr_release_gain;
    double pfc_release_gain;
    double vta_active;       // fraction of VTA DA neurons spontaneously active (chronic load lowers it)
    double stress_over;      // chronic load above typical
    double salience_gain;    // testosterone (tier C)
    double adrenergic;       // thyroid on adrenergic responsiveness
};

Slow slow_of(const State& s) {
    const Params& p = s.params;
    Slow w{};
    const double th = s.thyroid_eff;
    const double thyroid_part = th < 1.0 ? p.hypothyroid_floor + (1.0 - p.hypothyroid_floor) * th : std::max(0.2, 1.0 - p.hyper_fatigue * (th - 1.0));
    const double deficiency = std::max(0.0, 1.0 - s.cortisol_eff);
    w.metabolic = thyroid_part * (1.0 - clamp01(p.cort_fatigue) * deficiency);
    w.synthesis_gain = std::max(0.0, 1.0 + p.thyroid_synthesis * (th - 1.0));
    const double estradiol = 1.0 + p.estradiol_release_gain * (s.estradiol_eff - 1.0);
    w.nac_release_gain = estradiol * (1.0 - clamp01(p.cort_release_support) * deficiency);
    w.dstr_release_gain = estradiol;
    w.pfc_release_gain = 1.0 + p.estradiol_pfc_gain * (s.estradiol_eff - 1.0);
    w.stress_over = std::max(0.0, s.stress_load - 1.0);
    w.vta_active = std::max(0.0, 1.0 - p.stress_active_loss * w.stress_over);
    w.salience_gain = std::max(0.0, 1.0 + p.testosterone_salience * (s.testosterone_eff - 1.0));
    w.adrenergic = std::max(0.0, 1.0 + p.thyroid_adrenergic * (th - 1.0));
    return w;
}

// [SECTION] Temporal-difference learning (the phasic signal) -------------------------------------
// Complete serial compound over 0.1 s bins after the cue; TD(lambda) with accumulating traces.
// Schultz, Dayan & Montague 1997; lambda = 0.9 avoids the bin-by-bin backward creep.
void td_set_delta(State& s, double delta) {
    TdState& td = s.td;
    td.delta = delta;
    const auto i = static_cast<std::size_t>(td.burst_next);
    td.burst_delta[i] = delta;
    td.burst_age_s[i] = 0.0;
    td.burst_next = (td.burst_next + 1) % static_cast<int>(td.burst_delta.size());
}

// The prediction error driving firing now: the sum of the errors whose bursts are still running
// (bounded: rewards piled on rewards do not add up without limit).
double phasic_delta(const TdState& td, double burst_s) {
    double sum = 0.0;
    for (std::size_t i = 0; i < td.burst_delta.size(); ++i)
        if (td.burst_age_s[i] < burst_s) sum += td.burst_delta[i];
    return std::clamp(sum, -2.0, 2.0);
}

void td_end_trial(State& s) {
    s.td.bin = -1;
    s.td.eligibility.fill(0.0);
    s.trials += 1;
    s.last_cue_response_hz = s.trial_peak_cue_hz;
    s.last_reward_response_hz = s.trial_peak_reward_hz;
}

void td_boundary(State& s) {
    const Params& p = s.params;
    TdState& td = s.td;
    const int next = td.bin + 1;
    const bool reward_time = next == kRewardBin;
    const double r = (reward_time && td.reward_pending ? 1.0 : 0.0) + td.pending_free_reward;
    td.pending_free_reward = 0.0;
    const double v_next = reward_time || next >= kTdBins ? 0.0 : td.value[static_cast<std::size_t>(next)];
    const double delta = r + p.td_gamma * v_next - td.value[static_cast<std::size_t>(td.bin)];
    for (int k = 0; k < kTdBins; ++k) {
        const auto i = static_cast<std::size_t>(k);
        td.value[i] += p.td_alpha * delta * td.eligibility[i];
        td.eligibility[i] *= p.td_gamma * p.td_lambda;
    }
    td_set_delta(s, delta);
    if (reward_time) s.trial_peak_reward_hz = std::clamp(p.burst_gain_hz * delta, -p.max_rate_hz, p.max_rate_hz);
    if (reward_time || next >= kTdBins) {
        td_end_trial(s);
        return;
    }
    td.bin = next;
    td.bin_clock_s = 0.0;
    td.eligibility[static_cast<std::size_t>(next)] += 1.0;
}

// The LC's two modes (Aston-Jones & Cohen 2005): phasic responsiveness rises out of the disengaged
// low-tonic state and shrinks again in the distractible high-tonic state. 1 at typical tone.
double lc_engagement(const Params& p, double tone) {
    const double n = p.lc_mode_hill, r = std::pow(std::max(tone, 0.0), n), lo = std::pow(p.lc_mode_low, n), hi = std::pow(p.lc_mode_high, n);
    return r / (r + lo) * hi / (r + hi);
}
double lc_mode(const Params& p, double tone) { return lc_engagement(p, tone) / lc_engagement(p, 1.0); }
// Vigilance: that engagement relative to its best, reached at sqrt(low x high) tonic NE.
double vigilance(const Params& p, double ne_signal) {
    return p.vigilance_peak * lc_engagement(p, ne_signal) / lc_engagement(p, std::sqrt(p.lc_mode_low * p.lc_mode_high));
}

// 5-HT2C restraint of the VTA, as the drive it leaves, 1 at typical 5-HT. Part of the restraint needs no
// 5-HT at all (the receptors are constitutively active; De Deurwaerdere et al. 2004), the rest follows
// forebrain 5-HT. Blocking it all raises drive by tone / (1 - tone) (Di Matteo et al. 1999).
double ht2c_drive(const Params& p, double ht_forebrain) {
    const double tone = std::clamp(p.ht2c_tone, 0.0, 0.9), c = clamp01(p.ht2c_constitutive);
    const double bound = occupancy(std::max(ht_forebrain, 0.0), 1.0) / 0.5;  // 5-HT2C activation by 5-HT, 1 at typical
    return std::max(0.0, 1.0 - tone * (c + (1.0 - c) * bound)) / (1.0 - tone);
}

// The striatum's output stage (Gerfen & Surmeier 2011): DA excites direct-pathway neurons through D1
// receptors and inhibits indirect-pathway neurons through D2 receptors. Activities are multiples of
// typical; `go` is their balance, the drive to start an action (Kravitz et al. 2010).
struct StriatalOutput {
    double direct, indirect, go;
};
StriatalOutput striatal_output(const Params& p, double d1_bound, double d1_rest, double d2_bound, double d2_rest) {
    StriatalOutput o{};
    const double u = d1_bound / d1_rest, h = std::max(p.direct_half, 1e-3), floor = clamp01(p.direct_floor);
    o.direct = floor + (1.0 - floor) * (1.0 + h) * u / (u + h);
    const double k = std::clamp(p.indirect_d2_max, 0.0, 0.99);
    o.indirect = std::pow((1.0 - k * d2_bound) / (1.0 - k * d2_rest), p.indirect_exponent);
    o.go = o.direct / std::max(o.indirect, 1e-6);
    return o;
}
StriatalOutput dorsal_output(const State& s, const Rest& r) { return striatal_output(s.params, s.d1_dstr, r.d1_dstr, s.d2_dstr, r.occ_dstr); }
StriatalOutput ventral_output(const State& s, const Rest& r) { return striatal_output(s.params, s.d1_nac, r.d1_nac, s.d2_nac, r.occ_nac); }

// [SECTION] One fixed step: VTA, terminals, LC, raphe, hormone clock ------------------------------
// Hormone clock: tissue levels relax toward the inputs (compressed time), and the raphe
// autoreceptors adapt. Called every kSlowEvery steps.
void slow_update(State& s, const Inputs& in, const Rest& r) {
    const Params& p = s.params;
    // Stereotypy follows sustained, not phasic, dorsal striatal output (changes over ~10 s).
    s.go_sustained_dstr += (dorsal_output(s, r).go - s.go_sustained_dstr) * kSlowEvery * kStepS / p.stereotypy_tau_s;
    if (s.hold_slow_clock) return;
    s.sim_day += kSlowEvery * kStepS * p.days_per_s;
    {
        const double dd = kSlowEvery * kStepS * p.days_per_s;
        s.estradiol_eff += (in.estradiol - s.estradiol_eff) * dd / p.estradiol_tau_days;
        s.testosterone_eff += (in.testosterone - s.testosterone_eff) * dd / p.testosterone_tau_days;
        s.thyroid_eff += (in.thyroid - s.thyroid_eff) * dd / p.thyroid_tau_days;
        s.cortisol_eff += (in.cortisol - s.cortisol_eff) * dd / p.cortisol_tau_days;
        s.stress_load += (in.cortisol - s.stress_load) * dd / p.stress_tau_days;
        // 5-HT1A autoreceptors desensitise under sustained excess activation (Blier & de Montigny 1994).
        const double excess = std::max(0.0, ht1a_activation(p, s.ht_raphe) / ht1a_activation(p, 1.0) - 1.0);
        const double target = 1.0 - clamp01(p.ht1a_desens_max) * excess / (excess + p.ht1a_desens_half);
        s.ht1a_sensitivity += (target - s.ht1a_sensitivity) * dd / p.ht1a_tau_days;
    }
}

// One fixed step of the fast variables, in the order of the physiology (each block cited): the TD
// clock, the raphe, the VTA, the striatal and PFC terminals, the receptors, the locus coeruleus.

// The TD clock and the phasic prediction error it gives this step.
double step_td(State& s) {
    if (s.td.bin >= 0) {
        s.td.bin_clock_s += kStepS;
        if (s.td.bin_clock_s >= kTdBinS - 1e-9) td_boundary(s);
    } else if (s.td.pending_free_reward > 0.0) {
        td_set_delta(s, s.td.pending_free_reward);  // unpredicted reward: delta = r - 0
        s.td.pending_free_reward = 0.0;
    }
    for (double& age : s.td.burst_age_s) age += kStepS;
    return phasic_delta(s.td, s.params.burst_s);
}

// Raphe first: forebrain 5-HT restrains the VTA through 5-HT2C receptors (Di Matteo et al. 1999).
// Returns that restraint (the 5-HT2C factor on the VTA's drive).
double step_raphe(State& s, const Inputs& in, const Fixed& f) {
    const Params& p = s.params;
    const double occ_1a = ht1a_activation(p, s.ht_raphe);
    s.raphe_rate_hz = std::max(0.0, p.raphe_hz * in.serotonin * (1.0 - sd_gain(p.ht1a_max) * s.ht1a_sensitivity * occ_1a) * f.ht1a_norm);
    const double raphe_out = s.raphe_rate_hz / p.raphe_hz;
    s.ht_raphe += (raphe_out - f.ht_clear_raphe * s.ht_raphe) * f.dt_over.ht_raphe_tau_s;
    s.ht_forebrain += (raphe_out - f.ht_clear_forebrain * s.ht_forebrain) * f.dt_over.ht_forebrain_tau_s;
    return ht2c_drive(p, s.ht_forebrain) * f.ht2c_agonist_factor;
}

// VTA: two populations. Tonic drive with slow irregularity, the phasic prediction error, and
// somatodendritic D2 autoreceptors (dendritic DA slows firing; Bunney 1973, Einhorn 1988). The
// rates are those of the active neurons; chronic stress silences some (w.vta_active, below).
// Returns the DA released per spike of the population: synthesis, and how many neurons are active.
double step_vta(State& s, const Fixed& f, const Slow& w, double delta, double ht2c) {
    const Params& p = s.params;
    const double vta_drive = f.drive_scale * ht2c;
    const double occ_sd = d2_occupancy(p, s.da_vta_nM, f.d2_xa);
    const double phasic = p.burst_gain_hz * delta * f.phasic_scale * ht2c;
    if (s.steps % kNoiseEvery == 0) {
        const double decay = kNoiseEvery * kStepS / p.vta_noise_tau_s;
        s.ml_noise_hz += -s.ml_noise_hz * decay + f.noise_step * normal01(s.rng);
        s.mc_noise_hz += -s.mc_noise_hz * decay + f.noise_step * normal01(s.rng);
    }
    const double noise_scale = std::min(f.drive_scale, 1.0);
    const double ml_in = p.ml_tonic_hz * vta_drive + phasic;
    const double mc_in = p.mc_tonic_hz * vta_drive + p.mc_phasic_share * phasic;
    s.ml_rate_hz = std::clamp(ml_in * (1.0 - sd_gain(p.sd_auto_ml) * occ_sd) * f.sd_norm_ml + s.ml_noise_hz * noise_scale, 0.0, p.max_rate_hz);
    s.mc_rate_hz = std::clamp(mc_in * (1.0 - sd_gain(p.sd_auto_mc) * occ_sd) * f.sd_norm_mc + s.mc_noise_hz * noise_scale, 0.0, p.max_rate_hz);
    if (s.td.bin >= 0 && s.td.bin * kTdBinS < p.burst_s) s.trial_peak_cue_hz = std::max(s.trial_peak_cue_hz, std::min(phasic, p.max_rate_hz));
    const double synthesis = f.synthesis * w.synthesis_gain * w.vta_active;
    s.da_vta_nM = std::max(0.0, s.da_vta_nM + (f.rest.q_vta * s.ml_rate_hz * synthesis - f.dat_vta_k * s.da_vta_nM) * kStepS);
    return synthesis;
}

// Striatal terminals (mesolimbic population): releasable pool, terminal D2 autoreceptors that
// brake release within a few hundred ms (Benoit-Marand 2001), DAT uptake and diffusion. Release
// per spike falls as the pool empties, so DA follows firing less than proportionally.
void step_striatum(State& s, const Fixed& f, const Slow& w, double synthesis) {
    const Params& p = s.params;
    const Rest& r = f.rest;
    const double dt = kStepS;
    const double rate = s.ml_rate_hz;
    const double pool_use = p.pool_use_per_spike * rate;
    const double term_max = clamp01(p.term_auto_max);
    s.term_auto_nac += (d2_occupancy(p, s.da_nac_nM, f.d2_xa) - s.term_auto_nac) * f.dt_over.term_auto_tau_s;
    s.term_auto_dstr += (d2_occupancy(p, s.da_dstr_nM, f.d2_xa) - s.term_auto_dstr) * f.dt_over.term_auto_tau_s;
    const double acute = s.acute_stress;
    const double release_nac = r.q_nac * rate * s.pool_nac * (1.0 - term_max * s.term_auto_nac) * f.terminals_nac * synthesis * w.nac_release_gain
                               * (1.0 + p.acute_nac_gain * acute);
    const double release_dstr = r.q_dstr * rate * s.pool_dstr * (1.0 - term_max * s.term_auto_dstr) * synthesis * w.dstr_release_gain
                                * (1.0 + p.acute_dstr_gain * acute);
    s.pool_nac += (1.0 - s.pool_nac) * f.dt_over.pool_refill_s - pool_use * s.pool_nac * dt;
    s.pool_dstr += (1.0 - s.pool_dstr) * f.dt_over.pool_refill_s - pool_use * s.pool_dstr * dt;
    s.da_nac_nM = std::max(0.0, s.da_nac_nM + (release_nac - f.dat_nac * s.da_nac_nM / (p.dat_km_nM + s.da_nac_nM) - p.diffusion_per_s * s.da_nac_nM) * dt);
    s.da_dstr_nM = std::max(0.0, s.da_dstr_nM + (release_dstr - f.dat_dstr * s.da_dstr_nM / (p.dat_km_nM + s.da_dstr_nM) - p.diffusion_per_s * s.da_dstr_nM) * dt);
}

// PFC terminals (mesocortical population): little DAT; cleared slowly by NET and COMT (Mundorf 2001).
void step_pfc(State& s, const Fixed& f, const Slow& w, double synthesis) {
    const Params& p = s.params;
    s.pool_pfc += (1.0 - s.pool_pfc) * f.dt_over.pool_refill_s - p.pool_use_per_spike * s.mc_rate_hz * s.pool_pfc * kStepS;
    const double release_pfc = f.rest.q_pfc * s.mc_rate_hz * s.pool_pfc * f.terminals_pfc * synthesis * w.pfc_release_gain * (1.0 + p.acute_pfc_gain * s.acute_stress);
    s.da_pfc_nM = std::max(0.0, s.da_pfc_nM + (release_pfc - f.k_pfc * s.da_pfc_nM) * kStepS);
}

// Receptor signals: D1 and D2 bound by DA (D2 in competition with the antagonist), with the same
// receptor kinetics for both (Hunger, Kumar & Schmidt 2020).
void step_receptors(State& s, const Inputs& in, const Fixed& f) {
    const Params& p = s.params;
    const double k_rec = f.dt_over.receptor_tau_s;
    s.d1_nac += (occupancy(s.da_nac_nM, p.d1_kd_nM) - s.d1_nac) * k_rec;
    s.d2_nac += (d2_occupancy(p, s.da_nac_nM, f.d2_xa) - s.d2_nac) * k_rec;
    s.d1_dstr += (occupancy(s.da_dstr_nM, p.d1_kd_nM) - s.d1_dstr) * k_rec;
    s.d2_dstr += (d2_occupancy(p, s.da_dstr_nM, f.d2_xa) - s.d2_dstr) * k_rec;
    const double d1_pfc = occupancy(s.da_pfc_nM, p.d1_kd_nM) / f.rest.d1_pfc + p.d1_pfc_agonist_max * in.d1_agonist_pfc;
    s.d1_signal_pfc += (d1_pfc - s.d1_signal_pfc) * k_rec;
}

// Locus coeruleus: tonic drive, alpha2 autoreceptor feedback from local NE (Cedarbaum & Aghajanian 1976),
// and a phasic response whose size depends on the tonic mode.
void step_lc(State& s, const Inputs& in, const Fixed& f) {
    const Params& p = s.params;
    const double lc_tonic = std::max(0.0, p.lc_tonic_hz * in.norepinephrine * (1.0 + p.acute_ne_gain * s.acute_stress)
                                              * (1.0 - sd_gain(p.lc_a2_max) * occupancy(s.ne_lc, 1.0)) * f.a2_norm);
    s.lc_phasic -= s.lc_phasic * f.dt_over.lc_phasic_tau_s;
    s.lc_tonic_rate_hz = lc_tonic;
    s.lc_rate_hz = lc_tonic + (s.lc_phasic > 1e-6 ? p.lc_phasic_hz * lc_mode(p, lc_tonic / p.lc_tonic_hz) * s.lc_phasic : 0.0);
    const double lc_out = s.lc_rate_hz / p.lc_tonic_hz;
    s.ne_lc += (lc_out - f.ne_clear * s.ne_lc) * f.dt_over.ne_tau_s;
    s.ne_ctx += (lc_out - f.ne_clear * s.ne_ctx) * f.dt_over.ne_tau_s;
}

// One fixed step of the fast variables; `w` holds the slow factors of the current hormone state.
void step(State& s, const Inputs& in, const Fixed& f, const Slow& w) {
    s.acute_stress += (in.acute_stressor - s.acute_stress) * f.dt_over.acute_stress_tau_s;
    const double delta = step_td(s);
    const double ht2c = step_raphe(s, in, f);
    const double synthesis = step_vta(s, f, w, delta, ht2c);
    step_striatum(s, f, w, synthesis);
    step_pfc(s, f, w, synthesis);
    step_receptors(s, in, f);
    step_lc(s, in, f);
    s.steps += 1;
    s.time_s = static_cast<double>(s.steps) * kStepS;
}

}  // namespace

// [SECTION] Public API ------------------------------------------------------------------------------
State make_state(const Inputs& in, std::uint64_t seed, const Params& params) {
    State s;
    s.params = params;
    s.rng = seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull;
    if (s.rng == 0) s.rng = 1;
    s.estradiol_eff = in.estradiol;
    s.testosterone_eff = in.testosterone;
    s.thyroid_eff = in.thyroid;
    s.cortisol_eff = in.cortisol;
    s.stress_load = in.cortisol;
    s.acute_stress = in.acute_stressor;
    s.da_vta_nM = params.da_vta_rest_nM;
    s.da_nac_nM = params.da_nac_rest_nM;
    s.da_dstr_nM = params.da_dstr_rest_nM;
    s.da_pfc_nM = params.da_pfc_rest_nM;
    s.pool_nac = s.pool_dstr = pool_at(params, params.ml_tonic_hz);
    s.pool_pfc = pool_at(params, params.mc_tonic_hz);
    s.term_auto_nac = s.d2_nac = occupancy(s.da_nac_nM, params.d2_kd_nM);
    s.term_auto_dstr = s.d2_dstr = occupancy(s.da_dstr_nM, params.d2_kd_nM);
    s.d1_nac = occupancy(s.da_nac_nM, params.d1_kd_nM);
    s.d1_dstr = occupancy(s.da_dstr_nM, params.d1_kd_nM);
    s.d1_signal_pfc = s.go_sustained_dstr = 1.0;
    s.ml_rate_hz = params.ml_tonic_hz;
    s.mc_rate_hz = params.mc_tonic_hz;
    s.lc_rate_hz = s.lc_tonic_rate_hz = params.lc_tonic_hz;
    s.raphe_rate_hz = params.raphe_hz;
    // The slow adaptation settles for the levels alone (no manipulation yet): a few rounds of
    // settling the fast variables, then moving the autoreceptor sensitivity to its target.
    Inputs levels = in;
    levels.dat_block = levels.net_block = levels.comt_inhibition = levels.d2_antagonist = levels.d1_agonist_pfc = 0.0;
    levels.ht2c_agonist = levels.nac_depletion = levels.pfc_depletion = levels.acute_stressor = levels.sert_block = 0.0;
    const Fixed f_levels = fixed_for(params, levels);
    const Slow w = slow_of(s);
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < 3000; ++i) step(s, levels, f_levels, w);
        const double excess = std::max(0.0, ht1a_activation(params, s.ht_raphe) / ht1a_activation(params, 1.0) - 1.0);
        s.ht1a_sensitivity = 1.0 - clamp01(params.ht1a_desens_max) * excess / (excess + params.ht1a_desens_half);
    }
    // Then the manipulations start: settle the fast variables (10 s, the slowest being stereotypy).
    const Fixed f = fixed_for(params, in);
    for (int i = 0; i < 10000; ++i) step(s, in, f, w);
    s.go_sustained_dstr = dorsal_output(s, f.rest).go;  // the slow dorsal balance, settled with the rest
    s.steps = 0;
    s.pending_ns = 0;
    s.time_s = 0.0;
    s.sim_day = 0.0;
    s.td = TdState{};
    s.trials = 0;
    return s;
}

void advance(State& s, const Inputs& in, double dt_s) {
    if (!(dt_s > 0.0)) return;
    const double capped = std::min(dt_s, 3600.0);
    s.pending_ns += static_cast<std::int64_t>(std::llround(capped * 1e9));
    constexpr std::int64_t kStepNs = 1000000;
    if (s.pending_ns < kStepNs) return;
    const Fixed f = fixed_for(s.params, in);
    Slow w = slow_of(s);  // a pure function of the slow state, which changes only in slow_update
    while (s.pending_ns >= kStepNs) {
        if (s.steps % kSlowEvery == 0) {
            slow_update(s, in, f.rest);
            if (!s.hold_slow_clock) w = slow_of(s);
        }
        step(s, in, f, w);
        s.pending_ns -= kStepNs;
    }
}

void hold_at_day(State& s, const Inputs& in, double days) {
    s.hold_slow_clock = false;
    if (days > 0.0) advance(s, in, days / s.params.days_per_s);
    s.hold_slow_clock = true;
}

void apply_event(State& s, Event e) {
    TdState& td = s.td;
    switch (e) {
    case Event::Cue:
        if (td.bin >= 0) td_end_trial(s);  // a new cue interrupts a running trial
        td.bin = 0;
        td.bin_clock_s = 0.0;
        td.reward_pending = true;
        td.eligibility.fill(0.0);
        td.eligibility[0] = 1.0;
        s.trial_peak_cue_hz = 0.0;
        s.trial_peak_reward_hz = 0.0;
        // Cue onset: delta = gamma V(0) - V(inter-trial) with V(inter-trial) = 0 (unpredictable timing).
        td_set_delta(s, s.params.td_gamma * td.value[0]);
        s.lc_phasic = 1.0;  // LC phasic response to a salient cue (Aston-Jones 1994)
        break;
    case Event::Reward:
        td.pending_free_reward += 1.0;  // unpredicted reward, delivered at the next step
        break;
    case Event::Omit:
        if (td.bin < 0) apply_event(s, Event::Cue);
        td.reward_pending = false;
        break;
    }
}

namespace {

// Wanting, vigor, effort and what starts action: read from the striatum's output pathways, not from the
// DA level itself. Returns the accumbens' tonic D2 signal relative to typical (mood reads it too).
double striatal_outputs(Outputs& o, const State& s, const Inputs& in, const Rest& r, const Slow& w) {
    const Params& p = s.params;
    // Mesolimbic signal: D2 and D1 bound by DA in the accumbens, relative to typical, times the
    // hormone-set salience gain (Zhang et al. 2009: incentive salience = cue value x state factor).
    const double tonic_nac = w.salience_gain * s.d2_nac / r.occ_nac;
    const double salience = w.salience_gain * (0.6 * s.d2_nac / r.occ_nac + 0.4 * s.d1_nac / r.d1_nac);
    o.wanting = 1.0 - std::exp(-p.wanting_k * salience);
    o.liking = p.liking_typical * std::max(0.0, 1.0 - p.stress_hedonic_loss * w.stress_over);  // DA-independent (Berridge & Robinson 1998)

    const StriatalOutput ventral = ventral_output(s, r), dorsal = dorsal_output(s, r);
    o.direct_nac = ventral.direct;
    o.indirect_nac = ventral.indirect;
    o.direct_dstr = dorsal.direct;
    o.indirect_dstr = dorsal.indirect;
    const double wv = clamp01(p.vigor_nac_weight);
    o.striatal_go = wv * ventral.go + (1.0 - wv) * dorsal.go;
    const double xa = antagonist_ratio(p, in.d2_antagonist), x_rest = p.da_nac_rest_nM / p.d2_kd_nM;
    o.d2_drug_occupancy = xa / (1.0 + x_rest + xa);
    // Sustained dorsal output beyond its range turns behaviour into stereotypy that competes with
    // goal-directed responding (Lyon & Robbins 1975); it needs D1 excitation and D2 inhibition both.
    o.stereotypy = stereotypy_share(s.go_sustained_dstr, p);
    const double directed = 1.0 - o.stereotypy;
    // Activation: starting any action, eating included. Lost with near-total DA loss (Ungerstedt 1971)
    // and with a high D2 antagonist dose (catalepsy; Wadenberg et al. 2001).
    o.activation = activation_share(o.striatal_go, p);

    // Vigor: the striatal output reports the average reward rate (Niv et al. 2007).
    o.metabolic_capacity = w.metabolic;
    o.response_latency_s = optimal_latency_s(p.reward_rate_per_min, o.striatal_go, w.metabolic, p);
    o.vigor = directed / (1.0 + o.response_latency_s / p.vigor_half_s);
    o.tonic_da_signal = tonic_nac;
    // Effort: the accumbens' direct/indirect balance weighs benefits against costs (Collins & Frank 2014);
    // metabolic capacity sets what effort costs the body.
    o.effort_capacity = std::max(ventral.go, 0.0) * w.metabolic;
    const EffortChoice choice = effort_choice(5.0, 1.0, o.effort_capacity, press_interval_s(o.response_latency_s, p), p);
    o.effort_willingness = directed * choice.lever_share / std::max(choice.lever_share + choice.chow_share, 1e-9);
    o.d1_stimulation_pfc = s.d1_signal_pfc;
    return tonic_nac;
}

// Vigilance, working memory, mood and patience.
void arousal_and_mood(Outputs& o, const State& s, const Slow& w, double tonic_nac) {
    const Params& p = s.params;
    // Vigilance: the LC's adaptive gain over the tonic NE signal at its targets, which thyroid
    // hormone amplifies (Aston-Jones & Cohen 2005; Bauer et al. 2008).
    o.ne_level = s.ne_ctx;
    const double ne_signal = s.ne_ctx * w.adrenergic;
    // Working memory: the PFC's D1 inverted U, impaired by high NE (alpha1 signalling under stress:
    // Arnsten 2009) - a strong stressor impairs even a typical PFC.
    o.executive = working_memory(s.d1_signal_pfc, ne_signal, p);
    o.vigilance = vigilance(p, ne_signal);
    o.lc_phasic_capacity = lc_mode(p, s.lc_tonic_rate_hz / p.lc_tonic_hz);
    // Mood: several modest influences, none dominant (5-HT is not "the happiness chemical").
    const double excess_ne = std::max(0.0, ne_signal - 1.0);
    const double anxiety = clamp01(p.anxiety_mood) * excess_ne * excess_ne / (1.0 + excess_ne * excess_ne);
    o.mood = clamp01(p.mood_typical * std::sqrt(w.metabolic) * (1.0 + p.mood_serotonin * (occupancy(s.ht_forebrain, 1.0) - 0.5) / 0.5)
                     * std::max(0.0, 1.0 - p.mood_stress * w.stress_over) * (1.0 - p.mood_dopamine + p.mood_dopamine * std::min(tonic_nac, 1.5))
                     * (1.0 - anxiety));
    o.patience_s = giving_up_time_s(0.75, s.ht_forebrain, p);
}

// What the state shows as it is: rates, levels, the pathways' activity, the hormones, the trial.
void state_readouts(Outputs& o, const State& s, const Inputs& in, const Slow& w) {
    const Params& p = s.params;
    o.vta_rate_hz = s.ml_rate_hz;
    o.vta_mc_rate_hz = s.mc_rate_hz;
    o.da_nac_nM = s.da_nac_nM;
    o.da_pfc_nM = s.da_pfc_nM;
    o.da_dstr_nM = s.da_dstr_nM;
    o.da_vta_nM = s.da_vta_nM;
    const double synthesis = fixed_for(p, in).synthesis * w.synthesis_gain;
    const double nac_release = s.ml_rate_hz / p.ml_tonic_hz * (1.0 - in.nac_depletion) * synthesis * w.vta_active * w.nac_release_gain;
    const double pfc_release = s.mc_rate_hz / p.mc_tonic_hz * (1.0 - in.pfc_depletion) * synthesis * w.vta_active * w.pfc_release_gain;
    o.mesolimbic = nac_release / (nac_release + 1.0);
    o.mesocortical = pfc_release / (pfc_release + 1.0);
    o.rpe = phasic_delta(s.td, p.burst_s);
    o.sim_day = s.sim_day;
    o.lc_rate_hz = s.lc_rate_hz;
    o.raphe_rate_hz = s.raphe_rate_hz;
    o.serotonin_level = s.ht_forebrain;
    o.d2_occupancy_nac = d2_occupancy(p, s.da_nac_nM, antagonist_ratio(p, in.d2_antagonist));
    o.d1_occupancy_nac = occupancy(s.da_nac_nM, p.d1_kd_nM);
    o.vta_active_cells = w.vta_active;
    o.receptor_sensitivity = w.salience_gain;
    o.stress_load = s.stress_load;
    o.ht1a_sensitivity = s.ht1a_sensitivity;
    o.cortisol_level = s.cortisol_eff;
    o.thyroid_level = s.thyroid_eff;
    o.estradiol_level = s.estradiol_eff;
    o.testosterone_level = s.testosterone_eff;
    o.acute_stress_level = s.acute_stress;
    o.trials = s.trials;
    o.last_cue_response_hz = s.last_cue_response_hz;
    o.last_reward_response_hz = s.last_reward_response_hz;
    o.reward_expected = s.td.value[kRewardBin - 1];
    o.trial_time_s = s.td.bin >= 0 ? s.td.bin * kTdBinS + s.td.bin_clock_s : -1.0;
}

}  // namespace

Outputs outputs(const State& s, const Inputs& in) {
    const Params& p = s.params;
    const Rest r = rest_of(p);
    const Slow w = slow_of(s);
    Outputs o;
    const double tonic_nac = striatal_outputs(o, s, in, r, w);
    arousal_and_mood(o, s, w, tonic_nac);
    int n = 0;
    const DriveComponent* parts = drive_components(&n);
    double drive = 0.0;
    for (int i = 0; i < n; ++i) drive += p.*(parts[i].weight) * o.*(parts[i].field);
    o.motivation = 100.0 * drive;
    state_readouts(o, s, in, w);
    return o;
}

const DriveComponent* drive_components(int* count) {
    static const DriveComponent kParts[] = {
        {"wanting", &Params::weight_wanting, &Outputs::wanting},
        {"vigor", &Params::weight_vigor, &Outputs::vigor},
        {"effort_willingness", &Params::weight_effort, &Outputs::effort_willingness},
        {"executive", &Params::weight_executive, &Outputs::executive},
        {"vigilance", &Params::weight_vigilance, &Outputs::vigilance},
        {"mood", &Params::weight_mood, &Outputs::mood},
    };
    *count = static_cast<int>(sizeof(kParts) / sizeof(kParts[0]));
    return kParts;
}

}  // namespace neurodrive::model
