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
    // The value of food falls hyperbolically with the work it costs, and low accumbens output makes
    // that work costlier (Salamone & Correa 2012); the value of food itself is unchanged, so chow,
    // which needs no work, is chosen instead: appetite is preserved.
    const double hunger = std::clamp(appetite, 0.0, 1.0);
    const double work = p.work_discount_per_press * ratio / std::max(effort_capacity, 0.02);
    const double lever_value = p.pellet_value * c.pellets_g_per_s / (1.0 + work);
    const double chow_value = c.chow_g_per_s;  // chow is the unit of value
    // Time goes to food in proportion to hunger: a sated rat rests rather than eats, so pre-feeding lowers
    // lever pressing and chow intake alike. Then two choices, each sharing time in proportion to value
    // (Herrnstein's matching law; Herrnstein 1970), sharpened by a sensitivity above 1 (each option weighs
    // its value raised to that power): food or everything else (grooming, exploring) - which matters only
    // when food is costly, on a high ratio with nothing else to eat - and, while seeking food, the lever
    // or the chow.
    const double a = p.choice_sensitivity;
    const double food_w = std::pow(lever_value + chow_value, a), other_w = std::pow(p.other_value_per_s, a);
    const double food_share = food_w + other_w > 0.0 ? hunger * food_w / (food_w + other_w) : 0.0;
    const double lever_w = std::pow(lever_value, a), chow_w = std::pow(chow_value, a);
    c.lever_share = lever_w + chow_w > 0.0 ? food_share * lever_w / (lever_w + chow_w) : 0.0;
    c.chow_share = lever_w + chow_w > 0.0 ? food_share * chow_w / (lever_w + chow_w) : 0.0;
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

namespace {
double hill(double x, double half, double n) {
    if (x <= 0.0) return 0.0;
    const double a = std::pow(x / half, n);
    return a / (1.0 + a);
}
}  // namespace

double stereotypy_share(double dorsal_go, const Params& p) {
    // Sustained dorsal output far beyond its range: focused, repetitive, undirected behaviour that
    // competes with goal-directed responding (Lyon & Robbins 1975).
    return hill(dorsal_go, p.stereotypy_go_half, p.stereotypy_hill);
}

double activation_share(double striatal_go, const Params& p) {
    // Lost with near-total DA loss (Ungerstedt 1971) and at high D2 antagonist occupancy (catalepsy).
    return hill(striatal_go, p.activation_go_half, p.activation_hill);
}

double working_memory(double d1_stimulation, double ne_signal, const Params& p) {
    // Inverted U (Brozoski 1979; Zahrt 1997; Vijayraghavan 2007): Gaussian on log stimulation, between
    // an impaired floor (no PFC DA: poor, not absent) and the best a brain does at its optimum.
    const double x = std::log(std::max(d1_stimulation, 1e-3) / p.pfc_optimum);
    // NE above its PFC optimum (alpha1 receptors, recruited by high NE) takes PFC function offline (Arnsten
    // 2009); at or below it NE does not limit working memory here (the LC's own bell sets vigilance).
    const double y = std::max(0.0, std::log(std::max(ne_signal, 1e-3) / p.pfc_ne_optimum));
    const double ne_factor = std::exp(-y * y / (2.0 * p.pfc_ne_width * p.pfc_ne_width));
    return p.executive_floor + (p.executive_peak - p.executive_floor) * std::exp(-x * x / (2.0 * p.pfc_width * p.pfc_width)) * ne_factor;
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
