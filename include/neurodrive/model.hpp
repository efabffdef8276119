// model.hpp - the NeuroDrive drive model: plain structs in, plain structs out.
// Pure C++17: no UI, GL, SDL, Emscripten, files, clocks or globals. Same inputs and seed give
// bit-identical results natively and in WebAssembly. Every number's source is in src/model/params.cpp
// and docs/MODEL.md.
#pragma once

#include <array>
#include <cstdint>

namespace neurodrive::model {

// What a student (or a host page) controls. Levels are multiples of a typical healthy adult level
// (1.0 = typical, range 0-2); manipulations are fractions of full effect (0 = none, range 0-1).
struct Inputs {
    // Neurotransmitter systems (tonic activity of the nucleus).
    double dopamine = 1.0;        // VTA tonic drive and synthesis capacity
    double norepinephrine = 1.0;  // LC tonic activity
    double serotonin = 1.0;       // dorsal raphe tonic activity
    // Hormones (slow: they act through the hormone clock).
    double testosterone = 1.0;
    double estradiol = 1.0;
    double thyroid = 1.0;
    double cortisol = 1.0;        // chronic stress load
    // Experimental manipulations.
    double dat_block = 0.0;
    double net_block = 0.0;
    double comt_inhibition = 0.0;
    double d2_antagonist = 0.0;
    double d1_agonist_pfc = 0.0;
    double ht2c_agonist = 0.0;
    double nac_depletion = 0.0;   // fraction of NAc DA terminals lost
    double acute_stressor = 0.0;  // an acute stressor in progress (restraint, tail pinch)
};

// What the model reports. Ranges are documented in names.cpp (and `neurodrive-cli list`).
struct Outputs {
    double motivation = 0.0;          // 0-100, weighted sum of the six components below
    double wanting = 0.0;             // incentive salience, 0-1
    double liking = 0.0;              // hedonic impact, 0-1 (DA-independent)
    double vigor = 0.0;               // response vigor, 0-1 (from latency)
    double effort_willingness = 0.0;  // share of effortful high-value choices, 0-1
    double executive = 0.0;           // working memory / executive control, 0-1
    double vigilance = 0.0;           // LC adaptive-gain performance, 0-1
    double mood = 0.0;                // 0-1
    double vta_rate_hz = 0.0;         // VTA DA population firing rate
    double da_nac_nM = 0.0;           // extracellular DA in nucleus accumbens
    double da_pfc_nM = 0.0;           // extracellular DA in prefrontal cortex
    double mesolimbic = 0.0;          // pathway activity, 0-1
    double mesocortical = 0.0;        // pathway activity, 0-1
    double rpe = 0.0;                 // current reward prediction error (TD delta), about -1..1
    double response_latency_s = 0.0; // optimal response latency (average-reward account)
    double patience_s = 0.0;          // giving-up time when waiting for a likely (p=0.75) reward
    double sim_day = 0.0;             // hormone clock, simulated days
    // Extra readouts for the schematic (not part of the headline contract).
    double lc_rate_hz = 0.0;          // LC tonic + phasic firing
    double raphe_rate_hz = 0.0;       // dorsal raphe firing
    double ne_level = 0.0;            // cortical NE, multiple of typical
    double serotonin_level = 0.0;     // forebrain 5-HT, multiple of typical
    double d2_occupancy_nac = 0.0;    // fraction of NAc D2 receptors bound by DA
    double d1_occupancy_nac = 0.0;    // fraction of NAc D1 receptors bound by DA
    double d1_stimulation_pfc = 0.0;  // PFC D1 stimulation, multiple of typical
    double receptor_sensitivity = 0.0;// NAc receptor sensitivity from hormones, multiple of typical
    double metabolic_capacity = 0.0;  // thyroid-set metabolic capacity, multiple of typical
    double stress_load = 0.0;         // chronic stress load reached on the hormone clock
    double tonic_da_signal = 0.0;     // tonic (D2) DA signal in NAc x sensitivity, multiple of typical
    double effort_capacity = 0.0;     // willingness to pay effort: tonic DA signal x metabolic capacity
};

enum class Event { Cue, Reward, Omit };

// Temporal-difference learner over time since cue onset (complete serial compound).
constexpr int kTdBins = 30;  // 30 bins x 0.1 s = 3 s after the cue

struct TdState {
    std::array<double, kTdBins> value{};       // V(bin)
    std::array<double, kTdBins> eligibility{}; // TD(lambda) traces
    int bin = -1;              // current bin since cue onset; -1 = no trial in progress
    double bin_clock_s = 0.0;  // time spent in the current bin
    bool reward_pending = false;   // the current trial's reward will come at the expected time
    double delta = 0.0;        // prediction error of the last bin boundary, held for one bin
    double delta_age_s = 1e9;  // time since that prediction error
    double pending_free_reward = 0.0;  // an unpredicted reward delivered at the next boundary
};

// Full model state. A snapshot is a struct copy.
struct State {
    std::int64_t steps = 0;        // fixed steps taken; time_s = steps * kStepS
    std::int64_t pending_ns = 0;   // simulated time requested but not yet stepped
    double time_s = 0.0;
    std::uint64_t rng = 0x9E3779B97F4A7C15ull;
    // Firing
    double vta_noise_hz = 0.0;     // slow fluctuation of tonic firing (Ornstein-Uhlenbeck)
    double vta_rate_hz = 0.0;
    double lc_phasic = 0.0;        // LC phasic response, decays in ~0.2 s
    TdState td;
    // Release and clearance
    double pool_nac = 1.0;         // releasable fraction at NAc terminals
    double pool_pfc = 1.0;
    double da_nac_nM = 0.0;
    double da_pfc_nM = 0.0;
    double d2_signal_nac = 0.0;    // receptor signals, smoothed by receptor kinetics
    double d1_signal_nac = 0.0;
    double d1_signal_pfc = 0.0;
    // Hormone clock: effective (tissue) levels relaxing toward the inputs
    double estradiol_eff = 1.0;
    double testosterone_eff = 1.0;
    double thyroid_eff = 1.0;
    double stress_load = 1.0;      // chronic cortisol load
    double acute_stress = 0.0;     // acute stress response (minutes)
    // Last trial's phasic responses, for the learning plot
    int trials = 0;
    double last_cue_response_hz = 0.0;
    double last_reward_response_hz = 0.0;
    double trial_peak_cue_hz = 0.0;
    double trial_peak_reward_hz = 0.0;
};

// Fixed internal step: every call of advance() is split into steps of this size.
constexpr double kStepS = 0.001;

// A fresh state at rest for these inputs (steady state of the fast variables; hormones at inputs).
State make_state(const Inputs& in, std::uint64_t seed = 1);

// Advance by dt_s of simulated time in fixed steps (remainders are carried in State::time_s so
// advancing 10 s once or in 600 pieces gives the same result).
void advance(State& s, const Inputs& in, double dt_s);

// An event happens now.
void apply_event(State& s, Event e);

// Readouts of the current state. Pure function of (state, inputs).
Outputs outputs(const State& s, const Inputs& in);

// Clamp-free check: every input within its documented range.
bool inputs_valid(const Inputs& in);

}  // namespace neurodrive::model
