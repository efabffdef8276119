// model.hpp - the NeuroDrive drive model: plain structs in, plain structs out.
// Pure C++17: no UI, GL, SDL, Emscripten, files, clocks or globals. Same inputs, parameters and seed
// give bit-identical results natively and in WebAssembly. Every constant, with its source, is in
// params.hpp; docs/MODEL.md explains every equation.
#pragma once

#include <array>
#include <cstdint>

#include "neurodrive/params.hpp"

namespace neurodrive::model {

// What a student (or a host page) controls. Levels are multiples of a typical healthy adult level
// (1.0 = typical, range 0-2); manipulations are fractions of full effect (0 = none, range 0-1).
// The registry of names, ranges and meanings is in names.cpp.
struct Inputs {
    // Neurotransmitter systems (tonic activity of the nucleus).
    double dopamine = 1.0;        // VTA tonic drive and DA synthesis capacity
    double norepinephrine = 1.0;  // LC tonic drive
    double serotonin = 1.0;       // dorsal raphe tonic drive
    // Hormones (slow: they act through the hormone clock).
    double testosterone = 1.0;
    double estradiol = 1.0;
    double thyroid = 1.0;         // thyroid hormone level
    double cortisol = 1.0;        // daily glucocorticoid level: below 1 deficiency, above 1 chronic stress load
    // Experimental manipulations.
    double dat_block = 0.0;
    double net_block = 0.0;
    double comt_inhibition = 0.0;
    double d2_antagonist = 0.0;
    double d1_agonist_pfc = 0.0;
    double ht2c_agonist = 0.0;
    double nac_depletion = 0.0;   // fraction of NAc DA terminals lost
    double pfc_depletion = 0.0;   // fraction of PFC DA terminals lost
    double acute_stressor = 0.0;  // an acute stressor in progress (restraint, tail pinch)
    double sert_block = 0.0;      // serotonin transporter block (what an SSRI does)
};

// What the model reports. Ranges and units are in the registry (names.cpp, `neurodrive-cli list`).
struct Outputs {
    double motivation = 0.0;          // 0-100, weighted sum of the six drive components
    double wanting = 0.0;             // incentive salience, 0-1
    double liking = 0.0;              // hedonic impact, 0-1 (DA-independent)
    double vigor = 0.0;               // speed of goal-directed responding, 0-1
    double effort_willingness = 0.0;  // share of effortful high-value choices, 0-1
    double executive = 0.0;           // working memory / executive control, 0-1
    double vigilance = 0.0;           // LC adaptive-gain engagement, 0-1
    double mood = 0.0;                // 0-1
    double vta_rate_hz = 0.0;         // mesolimbic VTA DA population firing rate
    double da_nac_nM = 0.0;           // extracellular DA in nucleus accumbens
    double da_pfc_nM = 0.0;           // extracellular DA in prefrontal cortex
    double mesolimbic = 0.0;          // VTA->NAc pathway activity, 0-1
    double mesocortical = 0.0;        // VTA->PFC pathway activity, 0-1
    double rpe = 0.0;                 // current reward prediction error (TD delta), about -1..1
    double response_latency_s = 0.0;  // optimal response latency (average-reward account)
    double patience_s = 0.0;          // giving-up time when waiting for a likely (p=0.75) reward
    double sim_day = 0.0;             // hormone clock, simulated days
    // Further readouts (additions to the contract).
    double lc_rate_hz = 0.0;          // LC firing, tonic + phasic
    double raphe_rate_hz = 0.0;       // dorsal raphe firing
    double ne_level = 0.0;            // cortical NE, multiple of typical
    double serotonin_level = 0.0;     // forebrain 5-HT, multiple of typical
    double d2_occupancy_nac = 0.0;    // fraction of NAc D2 receptors bound by DA
    double d1_occupancy_nac = 0.0;    // fraction of NAc D1 receptors bound by DA
    double d1_stimulation_pfc = 0.0;  // PFC D1 stimulation, multiple of typical
    double receptor_sensitivity = 0.0;// NAc salience gain from hormones, multiple of typical
    double metabolic_capacity = 0.0;  // thyroid- and cortisol-set metabolic capacity, multiple of typical
    double stress_load = 0.0;         // chronic glucocorticoid load reached, multiple of typical
    double tonic_da_signal = 0.0;     // tonic (D2) DA signal in NAc x sensitivity, multiple of typical
    double effort_capacity = 0.0;     // willingness to pay effort: NAc tonic signal x metabolic capacity
    double vta_mc_rate_hz = 0.0;      // mesocortical VTA DA population firing rate
    double da_dstr_nM = 0.0;          // extracellular DA in dorsal striatum
    double da_vta_nM = 0.0;           // somatodendritic DA in the VTA (acts on D2 autoreceptors)
    double stereotypy = 0.0;          // share of behaviour taken by stereotyped, undirected activity, 0-1
    double activation = 0.0;          // behavioural activation: initiating any action, eating included, 0-1
    // The striatum's two output pathways (Gerfen & Surmeier 2011), x typical: direct (D1, promotes
    // action) and indirect (D2, suppresses it), in the accumbens (ventral) and dorsal striatum.
    double direct_nac = 0.0;
    double indirect_nac = 0.0;
    double direct_dstr = 0.0;
    double indirect_dstr = 0.0;
    double striatal_go = 0.0;         // direct/indirect balance of both regions, x typical: what starts actions
    double d2_drug_occupancy = 0.0;   // fraction of striatal D2 receptors held by the D2 antagonist
    double vta_active_cells = 0.0;    // fraction of VTA DA neurons spontaneously active, 0-1
    double lc_phasic_capacity = 0.0;  // size of the LC's phasic response to a cue, multiple of typical
    double ht1a_sensitivity = 0.0;    // raphe 5-HT1A autoreceptor sensitivity, multiple of typical
    double cortisol_level = 0.0;      // tissue glucocorticoid level, multiple of typical
    double thyroid_level = 0.0;       // tissue thyroid hormone level reached on the hormone clock, x typical
    double estradiol_level = 0.0;     // tissue estradiol level reached, x typical
    double testosterone_level = 0.0;  // tissue testosterone level reached, x typical
    double acute_stress_level = 0.0;  // acute stress response in progress, 0-1
    double trials = 0.0;              // cue-reward trials completed since the start
    double last_cue_response_hz = 0.0;    // last trial's burst at the cue (phasic Hz)
    double last_reward_response_hz = 0.0; // last trial's response at reward time (negative = dip)
    double reward_expected = 0.0;     // how strongly the cue predicts the reward (learned value, 0-1)
    double trial_time_s = 0.0;        // time since the current trial's cue (-1 = no trial running)
};

enum class Event { Cue, Reward, Omit };

// Temporal-difference learner over time since cue onset (complete serial compound).
constexpr int kTdBins = 30;        // 30 bins x 0.1 s = 3 s after the cue
constexpr double kTdBinS = 0.1;    // one bin
constexpr int kRewardBin = 15;     // reward 1.5 s after the cue (a typical Pavlovian delay)

struct TdState {
    std::array<double, kTdBins> value{};       // V(bin)
    std::array<double, kTdBins> eligibility{}; // TD(lambda) traces
    int bin = -1;              // current bin since cue onset; -1 = no trial in progress
    double bin_clock_s = 0.0;  // time spent in the current bin
    bool reward_pending = false;   // the current trial's reward will come at the expected time
    double delta = 0.0;        // prediction error of the last bin boundary
    // Recent prediction errors: each drives a burst (or pause) for Params::burst_s, so a burst that
    // outlasts a 0.1 s bin is not cut short by the next, smaller error.
    std::array<double, 4> burst_delta{};
    std::array<double, 4> burst_age_s{{1e9, 1e9, 1e9, 1e9}};
    int burst_next = 0;
    double pending_free_reward = 0.0;  // an unpredicted reward delivered at the next step
};

// Full model state, parameters included. A snapshot is a struct copy.
struct State {
    Params params;                 // the constants this brain runs with
    std::int64_t steps = 0;        // fixed steps taken; time_s = steps * kStepS
    std::int64_t pending_ns = 0;   // simulated time requested but not yet stepped
    double time_s = 0.0;
    double sim_day = 0.0;          // hormone clock: days the slow processes have run
    bool hold_slow_clock = false;  // true: hormones and slow adaptations stay where they are (a scenario held
                                   // at its place on the hormone clock, e.g. an SSRI's first days)
    std::uint64_t rng = 0x9E3779B97F4A7C15ull;
    // VTA: two populations (mesolimbic -> NAc and dorsal striatum; mesocortical -> PFC)
    double ml_noise_hz = 0.0, mc_noise_hz = 0.0;
    double ml_rate_hz = 0.0, mc_rate_hz = 0.0;
    double da_vta_nM = 0.0;        // somatodendritic DA
    TdState td;
    // Terminals
    double pool_nac = 1.0, pool_dstr = 1.0, pool_pfc = 1.0;   // releasable fractions
    double term_auto_nac = 0.0, term_auto_dstr = 0.0;         // terminal D2 autoreceptor activation
    double da_nac_nM = 0.0, da_dstr_nM = 0.0, da_pfc_nM = 0.0;
    // Receptor signals: the fraction of receptors bound by DA, followed with receptor kinetics.
    double d1_nac = 0.0, d2_nac = 0.0, d1_dstr = 0.0, d2_dstr = 0.0;
    double d1_signal_pfc = 0.0;    // PFC D1 stimulation, x typical (DA and agonist)
    double go_sustained_dstr = 1.0;  // slow dorsal direct/indirect balance (drives stereotypy), x typical
    // Locus coeruleus
    double lc_rate_hz = 0.0, lc_tonic_rate_hz = 0.0;  // all firing, and its tonic part
    double ne_lc = 1.0, ne_ctx = 1.0;  // NE at the LC and in cortex, x typical
    double lc_phasic = 0.0;            // phasic response in flight, decays in ~0.15 s
    // Dorsal raphe
    double raphe_rate_hz = 0.0;
    double ht_raphe = 1.0, ht_forebrain = 1.0;  // 5-HT at the raphe and in the forebrain, x typical
    double ht1a_sensitivity = 1.0;              // autoreceptor sensitivity (hormone clock)
    // Hormone clock: tissue levels relaxing toward the inputs
    double estradiol_eff = 1.0, testosterone_eff = 1.0, thyroid_eff = 1.0;
    double cortisol_eff = 1.0;     // glucocorticoid level (days)
    double stress_load = 1.0;      // chronic glucocorticoid load (weeks)
    double acute_stress = 0.0;     // acute stress response
    // Last trial's phasic responses, for the learning plot
    int trials = 0;
    double last_cue_response_hz = 0.0;
    double last_reward_response_hz = 0.0;
    double trial_peak_cue_hz = 0.0;
    double trial_peak_reward_hz = 0.0;
};

// Fixed internal step: every call of advance() is split into steps of this size.
constexpr double kStepS = 0.001;

// A fresh state for these inputs and parameters: a brain that has lived with these *levels* (slow
// adaptations settled, hormones at their inputs) in which the *manipulations* have just started
// (fast variables settled, slow adaptations such as autoreceptor desensitisation not yet begun).
State make_state(const Inputs& in, std::uint64_t seed = 1, const Params& params = Params{});

// Advance by dt_s of simulated time in fixed steps (a remainder is carried in State::pending_ns, so
// advancing 10 s once or in 600 pieces gives the same result).
void advance(State& s, const Inputs& in, double dt_s);

// A scenario at its place on the hormone clock: advance `days` of simulated hormone time with these
// inputs, then hold the hormone clock there (State::hold_slow_clock) until the caller releases it.
void hold_at_day(State& s, const Inputs& in, double days);

// An event happens now.
void apply_event(State& s, Event e);

// Readouts of the current state. Pure function of (state, inputs).
Outputs outputs(const State& s, const Inputs& in);

// Every input within its documented range (names.cpp).
bool inputs_valid(const Inputs& in);

// The six components of drive, their weights (from Params) and output fields: the one table the
// meter, the narration and the docs read. motivation = 100 * sum(weight * value).
struct DriveComponent {
    std::string_view output;        // output name, e.g. "wanting"
    double Params::*weight;
    double Outputs::*field;
};
const DriveComponent* drive_components(int* count);

}  // namespace neurodrive::model
