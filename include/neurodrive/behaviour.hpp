// behaviour.hpp - pure behavioural readouts shared by the live model and the classic experiments:
// effort-based choice (Salamone), response vigor (Niv 2007), PFC inverted U, waiting (Miyazaki).
// No state, no I/O; every constant comes from Params.
#pragma once

#include "neurodrive/params.hpp"

namespace neurodrive::model {

// How a rat shares its time between the lever (preferred pellets on a fixed ratio), free chow and
// everything else (grooming, resting): in proportion to the value each gives per second (matching).
struct EffortChoice {
    double lever_share = 0.0;       // fraction of time spent working the lever, 0-1
    double chow_share = 0.0;        // fraction of time spent eating chow, 0-1
    double pellets_g_per_s = 0.0;   // intake rate while working the lever
    double presses_per_s = 0.0;     // lever presses per second while working the lever
    double chow_g_per_s = 0.0;      // intake rate while eating chow
};

// ratio: presses per pellet (FR); appetite: 0-1 (hunger after satiety);
// effort_capacity: striatum- and thyroid-set willingness to pay effort (1 = typical);
// press_interval_s: time per press (follows response latency).
// chow_available = false: a plain ratio schedule with nothing else to eat (Aberman & Salamone 1999).
EffortChoice effort_choice(double ratio, double appetite, double effort_capacity, double press_interval_s, const Params& p,
                           bool chow_available = true);

// Time per lever press: follows the response latency (typical 0.4 s at a 1 s latency).
double press_interval_s(double response_latency_s, const Params& p);

// Optimal latency tau* = sqrt(C_v / R) (Niv et al. 2007); R scaled by tonic DA, C_v by metabolic capacity.
double optimal_latency_s(double reward_rate_per_min, double tonic_da_signal, double metabolic_capacity, const Params& p);

// Share of behaviour taken by stereotypy for a sustained dorsal striatal direct/indirect balance (x typical).
double stereotypy_share(double dorsal_go, const Params& p);

// Behavioural activation (starting any action, eating included) for a striatal direct/indirect balance.
double activation_share(double striatal_go, const Params& p);

// Working memory vs PFC D1 stimulation (multiple of typical): inverted U on a log scale; NE signal at its
// targets (multiple of typical) above its PFC optimum impairs it.
double working_memory(double d1_stimulation, double ne_signal, const Params& p);

// Giving-up time when waiting for a reward of probability p; forebrain 5-HT raises the prior odds.
double giving_up_time_s(double reward_probability, double serotonin_level, const Params& p);

}  // namespace neurodrive::model
