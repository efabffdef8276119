// names.cpp - the table behind names.hpp. Pure: no I/O.
#include "neurodrive/names.hpp"

#include <cmath>
#include <cstdio>

namespace neurodrive::model {
namespace {
using K = InputKind;
const InputSpec kInputs[] = {
    {"dopamine", K::Level, 0, 2, 1, "VTA tonic drive and DA synthesis capacity", "A", &Inputs::dopamine},
    {"norepinephrine", K::Level, 0, 2, 1, "locus coeruleus tonic activity", "A", &Inputs::norepinephrine},
    {"serotonin", K::Level, 0, 2, 1, "dorsal raphe tonic activity", "A/B", &Inputs::serotonin},
    {"testosterone", K::Level, 0, 2, 1, "testosterone level (modest gain on incentive salience)", "C", &Inputs::testosterone},
    {"estradiol", K::Level, 0, 2, 1, "estradiol level (potentiates striatal DA release)", "A rodents / B humans", &Inputs::estradiol},
    {"thyroid", K::Level, 0, 2, 1, "thyroid hormone level (metabolic capacity; DA effect tier C)", "B clinical / C DA", &Inputs::thyroid},
    {"cortisol", K::Level, 0, 2, 1, "chronic stress load (cortisol)", "B", &Inputs::cortisol},
    {"dat_block", K::Manipulation, 0, 1, 0, "DAT blocker: slows DA uptake in NAc", "A", &Inputs::dat_block},
    {"net_block", K::Manipulation, 0, 1, 0, "NET blocker: slows NE and PFC DA clearance", "A", &Inputs::net_block},
    {"comt_inhibition", K::Manipulation, 0, 1, 0, "COMT inhibitor: slows PFC DA breakdown", "A", &Inputs::comt_inhibition},
    {"d2_antagonist", K::Manipulation, 0, 1, 0, "D2 antagonist: blocks D2 receptors and autoreceptors", "A", &Inputs::d2_antagonist},
    {"d1_agonist_pfc", K::Manipulation, 0, 1, 0, "D1 agonist in PFC", "A", &Inputs::d1_agonist_pfc},
    {"ht2c_agonist", K::Manipulation, 0, 1, 0, "5-HT2C agonist: restrains VTA firing", "A/B", &Inputs::ht2c_agonist},
    {"nac_depletion", K::Manipulation, 0, 1, 0, "fraction of NAc DA terminals lost", "A", &Inputs::nac_depletion},
    {"acute_stressor", K::Manipulation, 0, 1, 0, "an acute stressor in progress", "B", &Inputs::acute_stressor},
};

const OutputSpec kOutputs[] = {
    {"motivation", 0, 100, "0-100", "drive: weighted sum of the six components", &Outputs::motivation},
    {"wanting", 0, 1, "0-1", "incentive salience", &Outputs::wanting},
    {"liking", 0, 1, "0-1", "hedonic impact (DA-independent)", &Outputs::liking},
    {"vigor", 0, 1, "0-1", "response vigor", &Outputs::vigor},
    {"effort_willingness", 0, 1, "0-1", "share of effortful high-value choices", &Outputs::effort_willingness},
    {"executive", 0, 1, "0-1", "working memory / executive control", &Outputs::executive},
    {"vigilance", 0, 1, "0-1", "LC adaptive-gain performance", &Outputs::vigilance},
    {"mood", 0, 1, "0-1", "mood", &Outputs::mood},
    {"vta_rate_hz", 0, 60, "Hz", "VTA DA firing rate", &Outputs::vta_rate_hz},
    {"da_nac_nM", 0, 5000, "nM", "extracellular DA in nucleus accumbens", &Outputs::da_nac_nM},
    {"da_pfc_nM", 0, 5000, "nM", "extracellular DA in prefrontal cortex", &Outputs::da_pfc_nM},
    {"mesolimbic", 0, 1, "0-1", "VTA->NAc pathway activity", &Outputs::mesolimbic},
    {"mesocortical", 0, 1, "0-1", "VTA->PFC pathway activity", &Outputs::mesocortical},
    {"rpe", -2, 2, "TD error", "reward prediction error", &Outputs::rpe},
    {"response_latency_s", 0, 60, "s", "optimal response latency", &Outputs::response_latency_s},
    {"patience_s", 0, 120, "s", "giving-up time waiting for a likely reward", &Outputs::patience_s},
    {"sim_day", 0, 1e9, "days", "hormone clock", &Outputs::sim_day},
    {"lc_rate_hz", 0, 30, "Hz", "locus coeruleus firing", &Outputs::lc_rate_hz},
    {"raphe_rate_hz", 0, 10, "Hz", "dorsal raphe firing", &Outputs::raphe_rate_hz},
    {"ne_level", 0, 10, "x typical", "cortical NE", &Outputs::ne_level},
    {"serotonin_level", 0, 2, "x typical", "forebrain 5-HT", &Outputs::serotonin_level},
    {"d2_occupancy_nac", 0, 1, "fraction", "NAc D2 receptors bound by DA", &Outputs::d2_occupancy_nac},
    {"d1_occupancy_nac", 0, 1, "fraction", "NAc D1 receptors bound by DA", &Outputs::d1_occupancy_nac},
    {"d1_stimulation_pfc", 0, 50, "x typical", "PFC D1 stimulation", &Outputs::d1_stimulation_pfc},
    {"receptor_sensitivity", 0, 2, "x typical", "NAc receptor sensitivity (hormones)", &Outputs::receptor_sensitivity},
    {"metabolic_capacity", 0, 2, "x typical", "metabolic capacity (thyroid)", &Outputs::metabolic_capacity},
    {"stress_load", 0, 2, "x typical", "chronic stress load reached", &Outputs::stress_load},
    {"tonic_da_signal", 0, 3, "x typical", "tonic DA (D2) signal in NAc", &Outputs::tonic_da_signal},
    {"effort_capacity", 0, 3, "x typical", "willingness to pay effort", &Outputs::effort_capacity},
};
constexpr int kContractOutputs = 17;
}  // namespace

const InputSpec* input_specs(int* count) {
    *count = static_cast<int>(sizeof(kInputs) / sizeof(kInputs[0]));
    return kInputs;
}
const OutputSpec* output_specs(int* count) {
    *count = static_cast<int>(sizeof(kOutputs) / sizeof(kOutputs[0]));
    return kOutputs;
}
int contract_output_count() { return kContractOutputs; }

const InputSpec* find_input(std::string_view name) {
    for (const auto& s : kInputs) if (s.name == name) return &s;
    return nullptr;
}
const OutputSpec* find_output(std::string_view name) {
    for (const auto& s : kOutputs) if (s.name == name) return &s;
    return nullptr;
}

std::string_view set_input(Inputs& in, std::string_view name, double value, char* buf, int len) {
    const InputSpec* spec = find_input(name);
    if (!spec) {
        std::snprintf(buf, static_cast<std::size_t>(len), "unknown input '%.*s' (see the list of inputs)", static_cast<int>(name.size()), name.data());
        return buf;
    }
    if (!std::isfinite(value) || value < spec->min || value > spec->max) {
        std::snprintf(buf, static_cast<std::size_t>(len), "%.*s must be a number from %g to %g", static_cast<int>(name.size()), name.data(), spec->min, spec->max);
        return buf;
    }
    in.*(spec->field) = value;
    return {};
}

std::string_view event_name(Event e) {
    switch (e) {
    case Event::Cue: return "cue";
    case Event::Reward: return "reward";
    case Event::Omit: return "omit";
    }
    return "cue";
}

std::optional<Event> parse_event(std::string_view name) {
    if (name == "cue") return Event::Cue;
    if (name == "reward") return Event::Reward;
    if (name == "omit") return Event::Omit;
    return std::nullopt;
}

}  // namespace neurodrive::model
