// behaviour.cpp - behavioural readouts as pure functions (see behaviour.hpp).
// Depends only on the C++ standard library and params.hpp.
#include "neurodrive/behaviour.hpp"

#include <algorithm>
#include <cmath>

#include "params.hpp"

namespace neurodrive::model {
namespace {
constexpr double kPelletG = 0.045;          // 45 mg pellets (Salamone 1991)
constexpr double kEatPelletS = 2.0;         // time to eat one pellet
constexpr double kChowGPerS = 0.010;        // lab chow eaten from the cage floor
constexpr double kPelletValue = 3.0;        // preferred food is worth more per gram than chow
constexpr double kChowValue = 1.0;
constexpr double kPressCost = 0.008;        // cost of one press, in value units
constexpr double kChoiceTemperature = 150.0;  // softmax sharpness of the time allocation
}  // namespace

EffortChoice effort_choice(double ratio, double appetite, double effort_capacity, double press_interval_s, bool chow_available) {
    EffortChoice c;
    const double seconds_per_pellet = ratio * press_interval_s + kEatPelletS;
    c.pellets_g_per_s = kPelletG / seconds_per_pellet;
    c.presses_per_s = ratio / seconds_per_pellet;
    c.chow_g_per_s = chow_available ? kChowGPerS : 0.0;
    // Salamone & Correa 2012: low NAc DA makes effort costlier; the value of food is unchanged
    // (so chow, which needs no work, is chosen instead - appetite is preserved).
    const double capacity = std::max(effort_capacity, 0.02);
    const double lever_utility = appetite * kPelletValue * c.pellets_g_per_s - kPressCost * c.presses_per_s / capacity;
    const double chow_utility = appetite * kChowValue * c.chow_g_per_s;
    c.lever_share = 1.0 / (1.0 + std::exp(-kChoiceTemperature * (lever_utility - chow_utility)));
    return c;
}

double press_interval_s(double response_latency_s) {
    return 0.4 * response_latency_s / params::kLatencyBaseS;
}

double optimal_latency_s(double reward_rate_per_min, double tonic_da_signal, double metabolic_capacity) {
    // Niv, Daw, Joel & Dayan 2007: tau* = sqrt(C_v / R). Tonic DA reports R; the vigor cost C_v
    // scales inversely with metabolic capacity (thyroid; Samuels 2014, tier B clinical).
    const double r = std::max(reward_rate_per_min * tonic_da_signal, 1e-3);
    const double cost = params::kRewardRatePerMin / std::max(metabolic_capacity, 0.05);
    // Capped at 60 s: beyond a minute the simulated animal simply does not respond.
    return std::min(60.0, params::kLatencyBaseS * std::sqrt(cost / r));
}

double working_memory(double d1_stimulation) {
    // Inverted U (Brozoski 1979; Zahrt 1997; Vijayraghavan 2007): Gaussian on log stimulation.
    const double x = std::log(std::max(d1_stimulation, 1e-3) / params::kPfcOptimum);
    return std::exp(-x * x / (2.0 * params::kPfcWidth * params::kPfcWidth));
}

double lc_performance(double ne_level) {
    // Aston-Jones & Cohen 2005: low tonic LC = disengaged, moderate = focused, high = distractible.
    const double x = std::log(std::max(ne_level, 1e-3));
    return std::exp(-x * x / (2.0 * params::kLcGainWidth * params::kLcGainWidth));
}

double giving_up_time_s(double reward_probability, double serotonin_level) {
    // The agent waits while its belief that the reward is still coming keeps the odds above a
    // threshold. Belief decays as time passes without reward (survival exp(-t / tau)). Serotonin
    // multiplies the prior odds (Miyazaki et al. 2018: 5-HT signals confidence that reward will come).
    const double p = std::clamp(reward_probability, 0.0, 0.999);
    const double prior_odds = p / (1.0 - p) * std::pow(std::max(serotonin_level, 0.0), params::kSerotoninPriorExp);
    const double ref = std::log(3.0 / params::kWaitThresholdOdds);  // p = 0.75 at typical 5-HT
    const double tau_s = params::kWaitBaseS / ref;
    if (prior_odds <= params::kWaitThresholdOdds) return 0.0;
    return tau_s * std::log(prior_odds / params::kWaitThresholdOdds);
}

}  // namespace neurodrive::model
