// model.cpp - advances the drive model in fixed 1 ms steps and computes its readouts.
// Pure: depends only on the C++ standard library and the model's own headers. Numbers and their
// sources live in params.hpp; docs/MODEL.md explains every equation.
//
// Index
//   [SECTION] Random numbers (deterministic, no libm)
//   [SECTION] Slow factors: hormones, stress, serotonin
//   [SECTION] Temporal-difference learning (VTA phasic signal)
//   [SECTION] One fixed step
//   [SECTION] Public API
#include "neurodrive/model.hpp"

#include <algorithm>
#include <cmath>

#include "neurodrive/behaviour.hpp"
#include "params.hpp"

namespace neurodrive::model {
namespace P = params;

// [SECTION] Random numbers (deterministic, no libm) ------------------------------------------------
namespace {

double uniform01(std::uint64_t& x) {  // xorshift64*: identical on every platform
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    return static_cast<double>((x * 0x2545F4914F6CDD1Dull) >> 11) * (1.0 / 9007199254740992.0);
}

double normal01(std::uint64_t& x) {  // Irwin-Hall (4 uniforms): close to normal, only + and *
    const double sum = uniform01(x) + uniform01(x) + uniform01(x) + uniform01(x);
    return (sum - 2.0) * 1.7320508075688772;
}

// [SECTION] Slow factors: hormones, stress, serotonin -------------------------------------------------
struct Factors {
    double metabolic = 1.0;        // thyroid-set metabolic capacity
    double synthesis = 1.0;        // DA synthesis / release capacity
    double nac_release_gain = 1.0; // estradiol, acute stress
    double pfc_release_gain = 1.0;
    double salience_gain = 1.0;    // testosterone (tier C)
    double vta_drive = 1.0;        // multiplies tonic VTA firing: 5-HT2C restraint, chronic stress
    double stress_over = 0.0;      // chronic load above typical
    double ne_level = 1.0;
    double serotonin_level = 1.0;
};

Factors factors(const State& s, const Inputs& in) {
    Factors f;
    const double th = s.thyroid_eff;
    // Overt hypothyroidism: fatigue and psychomotor slowing (Samuels 2014, B); hyperthyroid adds little.
    f.metabolic = th < 1.0 ? 0.3 + 0.7 * th : 1.0 + 0.1 * (th - 1.0);
    f.synthesis = (0.5 + 0.5 * in.dopamine) * (1.0 + P::kThyroidSynthesis * (th - 1.0));
    f.stress_over = std::max(0.0, s.stress_load - 1.0);
    f.nac_release_gain = (1.0 + P::kEstradiolReleaseGain * (s.estradiol_eff - 1.0)) * (1.0 + P::kAcuteNacGain * s.acute_stress);
    f.pfc_release_gain = (1.0 + P::kEstradiolPfcGain * (s.estradiol_eff - 1.0)) * (1.0 + P::kAcutePfcGain * s.acute_stress);
    f.salience_gain = 1.0 + P::kTestosteroneSalience * (s.testosterone_eff - 1.0);
    f.serotonin_level = in.serotonin;
    const double ht2c = (1.0 - P::kHt2cMaxRestraint * in.ht2c_agonist) * (1.0 - P::kSerotoninRestraint * (in.serotonin - 1.0));
    f.vta_drive = ht2c * std::max(0.0, 1.0 - P::kStressVtaLoss * f.stress_over);
    f.ne_level = in.norepinephrine * (1.0 + P::kAcuteNeGain * s.acute_stress) * (1.0 + P::kNetBlockNeGain * in.net_block);
    return f;
}

// Release per spike that makes the typical brain rest at its published concentrations.
double pool_at_rest() { return 1.0 / (1.0 + P::kPoolUsePerSpike * P::kVtaTonicHz * P::kPoolRefillS); }
double nac_release_per_spike_nM() {
    const double da = P::kDaNacRestNM;
    const double clearance = P::kDatVmaxNMps * da / (P::kDatKmNM + da) + P::kDaDiffusionPerS * da;
    const double autoreceptor = 1.0 - P::kAutoreceptorGain * da / (da + P::kD2KdNM);
    return clearance / (P::kVtaTonicHz * pool_at_rest() * autoreceptor);
}
double pfc_release_per_spike_nM() {
    return P::kPfcClearPerS * P::kDaPfcRestNM / (P::kVtaTonicHz * pool_at_rest());
}
double d2_occupancy(double da_nM) { return da_nM / (da_nM + P::kD2KdNM); }
double d1_occupancy(double da_nM) { return da_nM / (da_nM + P::kD1KdNM); }

// [SECTION] Temporal-difference learning (VTA phasic signal) -------------------------------------
// Complete serial compound over 0.1 s bins after the cue; TD(lambda) with accumulating traces.
// Schultz, Dayan & Montague 1997; lambda = 0.9 avoids the bin-by-bin backward creep.
void td_set_delta(State& s, double delta) {
    s.td.delta = delta;
    s.td.delta_age_s = 0.0;
}

void td_end_trial(State& s) {
    s.td.bin = -1;
    s.td.eligibility.fill(0.0);
    s.trials += 1;
    s.last_cue_response_hz = s.trial_peak_cue_hz;
    s.last_reward_response_hz = s.trial_peak_reward_hz;
}

void td_boundary(State& s) {
    TdState& td = s.td;
    const int next = td.bin + 1;
    const bool reward_time = next == P::kRewardBin;
    const double r = (reward_time && td.reward_pending ? 1.0 : 0.0) + td.pending_free_reward;
    td.pending_free_reward = 0.0;
    const double v_next = reward_time || next >= kTdBins ? 0.0 : td.value[static_cast<std::size_t>(next)];
    const double delta = r + P::kTdGamma * v_next - td.value[static_cast<std::size_t>(td.bin)];
    for (int k = 0; k < kTdBins; ++k) {
        const auto i = static_cast<std::size_t>(k);
        td.value[i] += P::kTdAlpha * delta * td.eligibility[i];
        td.eligibility[i] *= P::kTdGamma * P::kTdLambda;
    }
    td_set_delta(s, delta);
    if (reward_time) s.trial_peak_reward_hz = P::kRpeGainHz * delta;
    if (reward_time || next >= kTdBins) {
        td_end_trial(s);
        return;
    }
    td.bin = next;
    td.bin_clock_s = 0.0;
    td.eligibility[static_cast<std::size_t>(next)] += 1.0;
}

// [SECTION] One fixed step --------------------------------------------------------------------------
struct Calibration {
    double nac_per_spike_nM;
    double pfc_per_spike_nM;
};

void step(State& s, const Inputs& in, const Calibration& cal) {
    const double dt = kStepS;
    // Hormone clock: tissue levels relax toward the inputs (compressed time).
    const double dt_days = dt * P::kHormoneDaysPerS;
    s.estradiol_eff += (in.estradiol - s.estradiol_eff) * dt_days / P::kEstradiolTauDays;
    s.testosterone_eff += (in.testosterone - s.testosterone_eff) * dt_days / P::kTestosteroneTauDays;
    s.thyroid_eff += (in.thyroid - s.thyroid_eff) * dt_days / P::kThyroidTauDays;
    s.stress_load += (in.cortisol - s.stress_load) * dt_days / P::kStressTauDays;
    s.acute_stress += (in.acute_stressor - s.acute_stress) * dt / P::kAcuteStressTauS;
    const Factors f = factors(s, in);

    // TD clock.
    if (s.td.bin >= 0) {
        s.td.bin_clock_s += dt;
        if (s.td.bin_clock_s >= P::kTdBinS - 1e-9) td_boundary(s);
    } else if (s.td.pending_free_reward > 0.0) {
        td_set_delta(s, s.td.pending_free_reward);  // unpredicted reward: delta = r - 0
        s.td.pending_free_reward = 0.0;
    }
    s.td.delta_age_s += dt;

    // VTA firing: tonic drive with slow irregularity, plus the phasic RPE for one bin; floored at 0.
    s.vta_noise_hz += -s.vta_noise_hz * dt / P::kVtaNoiseTauS
                      + P::kVtaNoiseHz * std::sqrt(2.0 * dt / P::kVtaNoiseTauS) * normal01(s.rng);
    const double tonic_hz = P::kVtaTonicHz * in.dopamine * f.vta_drive;
    const double phasic_hz = s.td.delta_age_s < P::kTdBinS ? P::kRpeGainHz * s.td.delta * std::sqrt(std::min(in.dopamine, 1.0)) * f.vta_drive : 0.0;
    s.vta_rate_hz = std::max(0.0, tonic_hz + s.vta_noise_hz * std::min(in.dopamine, 1.0) + phasic_hz);
    if (s.td.bin == 0 && s.td.delta_age_s < P::kTdBinS) s.trial_peak_cue_hz = std::max(0.0, phasic_hz);
    s.lc_phasic -= s.lc_phasic * dt / P::kLcPhasicTauS;

    // NAc: releasable pool, terminal D2 autoreceptors, DAT uptake (Michaelis-Menten) and diffusion.
    const double rate = s.vta_rate_hz;
    const double refill = (1.0 - s.pool_nac) / P::kPoolRefillS;
    const double terminals = 1.0 - in.nac_depletion;
    const double d2_free = 1.0 - in.d2_antagonist;
    const double auto_nac = 1.0 - P::kAutoreceptorGain * d2_occupancy(s.da_nac_nM) * d2_free;
    const double release_nac = cal.nac_per_spike_nM * rate * s.pool_nac * auto_nac * terminals * f.synthesis * f.nac_release_gain;
    const double dat = P::kDatVmaxNMps * (1.0 - P::kDatBlockMax * in.dat_block) * (1.0 - P::kDatOnLostTerminals * in.nac_depletion);
    const double uptake = dat * s.da_nac_nM / (P::kDatKmNM + s.da_nac_nM) + P::kDaDiffusionPerS * s.da_nac_nM;
    s.pool_nac += (refill - P::kPoolUsePerSpike * rate * s.pool_nac) * dt;
    s.da_nac_nM = std::max(0.0, s.da_nac_nM + (release_nac - uptake) * dt);

    // PFC: mesocortical neurons lack somatodendritic autoreceptors and clear DA by NET and COMT.
    const double rate_pfc = rate;
    s.pool_pfc += ((1.0 - s.pool_pfc) / P::kPoolRefillS - P::kPoolUsePerSpike * rate_pfc * s.pool_pfc) * dt;
    const double release_pfc = cal.pfc_per_spike_nM * rate_pfc * s.pool_pfc * f.synthesis * f.pfc_release_gain;
    const double k_pfc = P::kPfcClearPerS * (P::kPfcNetShare * (1.0 - in.net_block)
                                             + P::kPfcComtShare * (1.0 - in.comt_inhibition)
                                             + (1.0 - P::kPfcNetShare - P::kPfcComtShare));
    s.da_pfc_nM = std::max(0.0, s.da_pfc_nM + (release_pfc - k_pfc * s.da_pfc_nM) * dt);

    // Receptor signals (smoothed: receptor kinetics integrate over time).
    const double d2 = d2_occupancy(s.da_nac_nM) * d2_free;
    const double d1 = d1_occupancy(s.da_nac_nM);
    const double d1_pfc = d1_occupancy(s.da_pfc_nM) / d1_occupancy(P::kDaPfcRestNM) + P::kD1PfcAgonistMax * in.d1_agonist_pfc;
    s.d2_signal_nac += (d2 - s.d2_signal_nac) * dt / P::kD2SignalTauS;
    s.d1_signal_nac += (d1 - s.d1_signal_nac) * dt / P::kD1SignalTauS;
    s.d1_signal_pfc += (d1_pfc - s.d1_signal_pfc) * dt / P::kD2SignalTauS;

    s.steps += 1;
    s.time_s = static_cast<double>(s.steps) * kStepS;
}

}  // namespace

// [SECTION] Public API ------------------------------------------------------------------------------
bool inputs_valid(const Inputs& in) {
    const double levels[] = {in.dopamine, in.norepinephrine, in.serotonin, in.testosterone, in.estradiol, in.thyroid, in.cortisol};
    const double manips[] = {in.dat_block, in.net_block, in.comt_inhibition, in.d2_antagonist, in.d1_agonist_pfc, in.ht2c_agonist, in.nac_depletion, in.acute_stressor};
    for (double v : levels) if (!(v >= 0.0 && v <= 2.0)) return false;
    for (double v : manips) if (!(v >= 0.0 && v <= 1.0)) return false;
    return true;
}

State make_state(const Inputs& in, std::uint64_t seed) {
    State s;
    s.rng = seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull;
    if (s.rng == 0) s.rng = 1;
    s.estradiol_eff = in.estradiol;
    s.testosterone_eff = in.testosterone;
    s.thyroid_eff = in.thyroid;
    s.stress_load = in.cortisol;
    s.acute_stress = in.acute_stressor;
    s.da_nac_nM = P::kDaNacRestNM;
    s.da_pfc_nM = P::kDaPfcRestNM;
    s.pool_nac = s.pool_pfc = pool_at_rest();
    s.d2_signal_nac = d2_occupancy(s.da_nac_nM);
    s.d1_signal_nac = d1_occupancy(s.da_nac_nM);
    s.d1_signal_pfc = 1.0;
    s.vta_rate_hz = P::kVtaTonicHz;
    // Settle the fast variables for these inputs, then start the clock at zero.
    const Calibration cal{nac_release_per_spike_nM(), pfc_release_per_spike_nM()};
    for (int i = 0; i < 8000; ++i) step(s, in, cal);
    s.steps = 0;
    s.time_s = 0.0;
    return s;
}

void advance(State& s, const Inputs& in, double dt_s) {
    if (!(dt_s > 0.0)) return;
    const double capped = std::min(dt_s, 3600.0);
    s.pending_ns += static_cast<std::int64_t>(std::llround(capped * 1e9));
    constexpr std::int64_t kStepNs = 1000000;
    const Calibration cal{nac_release_per_spike_nM(), pfc_release_per_spike_nM()};
    while (s.pending_ns >= kStepNs) {
        step(s, in, cal);
        s.pending_ns -= kStepNs;
    }
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
        td_set_delta(s, P::kTdGamma * td.value[0]);
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

Outputs outputs(const State& s, const Inputs& in) {
    const Factors f = factors(s, in);
    Outputs o;
    const double d2_rest = d2_occupancy(P::kDaNacRestNM);
    const double d1_rest = d1_occupancy(P::kDaNacRestNM);
    const double sensitivity = f.salience_gain;
    // Mesolimbic signal: tonic D2 plus burst-recruited D1, relative to typical (1 = typical).
    const double tonic_signal = sensitivity * s.d2_signal_nac / d2_rest;
    const double mesolimbic_signal = sensitivity * (0.6 * s.d2_signal_nac / d2_rest + 0.4 * s.d1_signal_nac / d1_rest);

    o.wanting = 1.0 - std::exp(-P::kWantingK * mesolimbic_signal);
    o.liking = P::kLikingTypical * (1.0 - P::kStressHedonicLoss * f.stress_over);  // DA-independent (Berridge & Robinson 1998)
    o.response_latency_s = optimal_latency_s(P::kRewardRatePerMin, tonic_signal, f.metabolic);
    o.vigor = 1.0 / (1.0 + o.response_latency_s / P::kVigorHalfS);
    o.tonic_da_signal = tonic_signal;
    // Effort depends steeply on tonic NAc DA (Salamone & Correa 2012) and on metabolic capacity.
    o.effort_capacity = std::pow(std::max(tonic_signal, 0.0), 1.5) * f.metabolic;
    o.effort_willingness = effort_choice(5.0, 1.0, o.effort_capacity, press_interval_s(o.response_latency_s)).lever_share;
    o.d1_stimulation_pfc = s.d1_signal_pfc;
    o.executive = working_memory(s.d1_signal_pfc);
    o.ne_level = f.ne_level;
    o.vigilance = lc_performance(f.ne_level);
    // Mood: several influences, none dominant (5-HT is not "the happiness chemical": Moncrieff 2022).
    o.mood = std::clamp(P::kMoodTypical * std::sqrt(f.metabolic / 1.0)
                            * (1.0 + 0.12 * (in.serotonin - 1.0))
                            * (1.0 - 0.25 * f.stress_over)
                            * (0.85 + 0.15 * std::min(tonic_signal, 1.5)),
                        0.0, 1.0);
    o.patience_s = giving_up_time_s(0.75, in.serotonin);
    o.motivation = 100.0 * (P::kWeightWanting * o.wanting + P::kWeightVigor * o.vigor
                            + P::kWeightEffort * o.effort_willingness + P::kWeightExecutive * o.executive
                            + P::kWeightVigilance * o.vigilance + P::kWeightMood * o.mood);
    o.vta_rate_hz = s.vta_rate_hz;
    o.da_nac_nM = s.da_nac_nM;
    o.da_pfc_nM = s.da_pfc_nM;
    const double nac_drive = s.vta_rate_hz * (1.0 - in.nac_depletion) * f.synthesis * f.nac_release_gain;
    const double pfc_drive = s.vta_rate_hz * f.synthesis * f.pfc_release_gain;
    o.mesolimbic = nac_drive / (nac_drive + 7.5);
    o.mesocortical = pfc_drive / (pfc_drive + 7.5);
    o.rpe = s.td.delta_age_s < P::kTdBinS ? s.td.delta : 0.0;
    o.sim_day = s.time_s * P::kHormoneDaysPerS;
    o.lc_rate_hz = P::kLcTonicHz * f.ne_level / (1.0 + P::kNetBlockNeGain * in.net_block) + P::kLcPhasicHz * s.lc_phasic;
    o.raphe_rate_hz = P::kRapheHz * in.serotonin;
    o.serotonin_level = in.serotonin;
    o.d2_occupancy_nac = d2_occupancy(s.da_nac_nM) * (1.0 - in.d2_antagonist);
    o.d1_occupancy_nac = d1_occupancy(s.da_nac_nM);
    o.receptor_sensitivity = sensitivity;
    o.metabolic_capacity = f.metabolic;
    o.stress_load = s.stress_load;
    return o;
}

}  // namespace neurodrive::model
