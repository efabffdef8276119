// behaviour.cpp - behavioural readouts as pure functions (see behaviour.hpp).
// Depends only on the C++ standard library and the model's headers; constants come from Params.
#include "neurodrive/behaviour.hpp"

#include <algorithm>
#include <cmath>

namespace neurodrive::model {

EffortChoice effort_choice(double ratio, double appetite, double effort_capacity, double press_interval_s, const Params& p, bool chow_available) {
    EffortChoice c;
    const double seconds_per_pellet = ratio * press_interval_s + p.eat_pellet_s;
    c.pellets_g_per_s = p.pellet_g / seconds_per_pellet;
    c.presses_per_s = ratio / seconds_per_pellet;
    c.chow_g_per_s = chow_available ? p.chow_g_per_s : 0.0;
    // Salamone & Correa 2012: low NAc DA makes effort costlier; the value of food is unchanged
    // (so chow, which needs no work, is chosen instead - appetite is preserved).
    const double capacity = std::max(effort_capacity, 0.02);
    const double lever_utility = appetite * p.pellet_value * c.pellets_g_per_s - p.press_cost * c.presses_per_s / capacity;
    const double chow_utility = appetite * c.chow_g_per_s;  // chow is the unit of value
    // Everything else (resting, grooming) gains value as hunger falls: a sated rat rests rather than
    // eats, so pre-feeding lowers both lever pressing and chow intake (Salamone 1991).
    const double rest_utility = p.rest_utility * (1.0 - std::clamp(appetite, 0.0, 1.0));
    const double t = p.choice_temperature;
    const double e_lever = std::exp(std::min(50.0, t * (lever_utility - rest_utility)));
    const double e_chow = chow_available ? std::exp(std::min(50.0, t * (chow_utility - rest_utility))) : 0.0;
    const double total = e_lever + e_chow + 1.0;
    c.lever_share = e_lever / total;
    c.chow_share = e_chow / total;
    return c;
}

double press_interval_s(double response_latency_s, const Params& p) {
    return 0.4 * response_latency_s / p.latency_base_s;
}

double optimal_latency_s(double reward_rate_per_min, double tonic_da_signal, double metabolic_capacity, const Params& p) {
    // Niv, Daw, Joel & Dayan 2007: tau* = sqrt(C_v / R). Tonic DA reports R; the vigor cost C_v
    // scales inversely with metabolic capacity (thyroid; Samuels 2014, tier B clinical).
    const double r = std::max(reward_rate_per_min * tonic_da_signal, 1e-3);
    const double cost = p.reward_rate_per_min / std::max(metabolic_capacity, 0.05);
    // Capped at 60 s: beyond a minute the simulated animal simply does not respond.
    return std::min(60.0, p.latency_base_s * std::sqrt(cost / r));
}

double working_memory(double d1_stimulation, const Params& p) {
    // Inverted U (Brozoski 1979; Zahrt 1997; Vijayraghavan 2007): Gaussian on log stimulation.
    const double x = std::log(std::max(d1_stimulation, 1e-3) / p.pfc_optimum);
    return std::exp(-x * x / (2.0 * p.pfc_width * p.pfc_width));
}

double giving_up_time_s(double reward_probability, double serotonin_level, const Params& p) {
    // The animal waits while its belief that the reward is still coming keeps the odds above a
    // threshold; the belief decays as time passes without reward. 5-HT multiplies the prior odds
    // (Miyazaki et al. 2018: 5-HT signals confidence that reward will come). Below the threshold it
    // still samples for a few seconds (the floor): patience is never zero. The threshold is soft
    // (a softplus), so the waiting time never jumps.
    const double prob = std::clamp(reward_probability, 0.001, 0.999);
    const double log_odds = std::log(prob / (1.0 - prob)) + p.serotonin_prior_exp * std::log(std::max(serotonin_level, 0.05));
    const double margin = log_odds - std::log(p.wait_threshold_odds);
    const double soft = std::max(p.wait_softness, 1e-3);
    auto softplus = [soft](double x) { return x > 30.0 * soft ? x : soft * std::log1p(std::exp(x / soft)); };
    // Calibrated so the typical brain gives up after wait_base_s at p = 0.75 (Miyazaki 2014).
    const double typical_margin = std::log(3.0) - std::log(p.wait_threshold_odds);
    const double tau_s = std::max(p.wait_base_s - p.wait_floor_s, 0.0) / std::max(softplus(typical_margin), 1e-6);
    return p.wait_floor_s + tau_s * softplus(margin);
}

}  // namespace neurodrive::model
