// names.cpp - the tables behind names.hpp (inputs and outputs) and params.hpp (parameters).
// Pure: no I/O.
#include "neurodrive/names.hpp"

#include <cmath>
#include <cstdio>

namespace neurodrive::model {
namespace {
using K = InputKind;
constexpr const char* kLevel = "x typical";
constexpr const char* kFraction = "fraction";
const InputSpec kInputs[] = {
    {"dopamine", K::Level, "transmitter", 0, 2, 1, kLevel, "dopamine", "VTA tonic drive and DA synthesis capacity", "A", &Inputs::dopamine},
    {"norepinephrine", K::Level, "transmitter", 0, 2, 1, kLevel, "norepinephrine", "locus coeruleus tonic drive", "A", &Inputs::norepinephrine},
    {"serotonin", K::Level, "transmitter", 0, 2, 1, kLevel, "serotonin", "dorsal raphe tonic drive", "A/B", &Inputs::serotonin},
    {"testosterone", K::Level, "hormone", 0, 2, 1, kLevel, "testosterone", "testosterone level (modest gain on incentive salience)", "C", &Inputs::testosterone},
    {"estradiol", K::Level, "hormone", 0, 2, 1, kLevel, "estradiol", "estradiol level (potentiates striatal DA release)", "A rodents / B humans", &Inputs::estradiol},
    {"thyroid", K::Level, "hormone", 0, 2, 1, kLevel, "thyroid", "thyroid hormone level (metabolic capacity; DA effect tier C)", "B clinical / C DA", &Inputs::thyroid},
    {"cortisol", K::Level, "hormone", 0, 2, 1, kLevel, "cortisol", "cortisol, daily level: below typical = deficiency, above = chronic stress load", "B", &Inputs::cortisol},
    {"dat_block", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "dopamine", "DAT blocker: slows DA uptake in the striatum", "A", &Inputs::dat_block},
    {"net_block", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "norepinephrine", "NET blocker: slows NE and PFC DA clearance", "A", &Inputs::net_block},
    {"comt_inhibition", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "dopamine", "COMT inhibitor: slows PFC DA breakdown", "A", &Inputs::comt_inhibition},
    {"d2_antagonist", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "dopamine", "D2 antagonist: blocks D2 receptors and autoreceptors", "A", &Inputs::d2_antagonist},
    {"d1_agonist_pfc", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "dopamine", "D1 agonist in PFC", "A", &Inputs::d1_agonist_pfc},
    {"ht2c_agonist", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "serotonin", "5-HT2C agonist: restrains VTA firing", "A/B", &Inputs::ht2c_agonist},
    {"sert_block", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "serotonin", "SERT blocker (what an SSRI does): slows 5-HT clearance", "A/B", &Inputs::sert_block},
    {"nac_depletion", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "dopamine", "fraction of NAc DA terminals lost", "A", &Inputs::nac_depletion},
    {"pfc_depletion", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "dopamine", "fraction of PFC DA terminals lost (Brozoski et al. 1979)", "A", &Inputs::pfc_depletion},
    {"acute_stressor", K::Manipulation, "manipulation", 0, 1, 0, kFraction, "cortisol", "an acute stressor in progress", "B", &Inputs::acute_stressor},
};

const OutputSpec kOutputs[] = {
    {"motivation", 0, 100, "0-100", "drive: weighted sum of the six components", &Outputs::motivation},
    {"wanting", 0, 1, "0-1", "incentive salience", &Outputs::wanting},
    {"liking", 0, 1, "0-1", "hedonic impact (DA-independent)", &Outputs::liking},
    {"vigor", 0, 1, "0-1", "speed of goal-directed responding", &Outputs::vigor},
    {"effort_willingness", 0, 1, "0-1", "share of effortful high-value choices", &Outputs::effort_willingness},
    {"executive", 0, 1, "0-1", "working memory / executive control", &Outputs::executive},
    {"vigilance", 0, 1, "0-1", "LC adaptive-gain engagement", &Outputs::vigilance},
    {"mood", 0, 1, "0-1", "mood", &Outputs::mood},
    {"vta_rate_hz", 0, 60, "Hz", "mesolimbic VTA DA firing rate", &Outputs::vta_rate_hz},
    {"da_nac_nM", 0, 5000, "nM", "extracellular DA in nucleus accumbens", &Outputs::da_nac_nM},
    {"da_pfc_nM", 0, 5000, "nM", "extracellular DA in prefrontal cortex", &Outputs::da_pfc_nM},
    {"mesolimbic", 0, 1, "0-1", "VTA->NAc pathway activity", &Outputs::mesolimbic},
    {"mesocortical", 0, 1, "0-1", "VTA->PFC pathway activity", &Outputs::mesocortical},
    {"rpe", -2, 2, "TD error", "reward prediction error", &Outputs::rpe},
    {"response_latency_s", 0, 60, "s", "optimal response latency", &Outputs::response_latency_s},
    {"patience_s", 0, 120, "s", "giving-up time waiting for a likely reward", &Outputs::patience_s},
    {"sim_day", 0, 1e9, "days", "hormone clock", &Outputs::sim_day},
    {"lc_rate_hz", 0, 40, "Hz", "locus coeruleus firing (tonic + phasic)", &Outputs::lc_rate_hz},
    {"raphe_rate_hz", 0, 10, "Hz", "dorsal raphe firing", &Outputs::raphe_rate_hz},
    {"ne_level", 0, 20, "x typical", "cortical NE", &Outputs::ne_level},
    {"serotonin_level", 0, 20, "x typical", "forebrain 5-HT", &Outputs::serotonin_level},
    {"d2_occupancy_nac", 0, 1, "fraction", "NAc D2 receptors bound by DA", &Outputs::d2_occupancy_nac},
    {"d1_occupancy_nac", 0, 1, "fraction", "NAc D1 receptors bound by DA", &Outputs::d1_occupancy_nac},
    {"d1_stimulation_pfc", 0, 100, "x typical", "PFC D1 stimulation", &Outputs::d1_stimulation_pfc},
    {"receptor_sensitivity", 0, 2, "x typical", "NAc salience gain from hormones", &Outputs::receptor_sensitivity},
    {"metabolic_capacity", 0, 2, "x typical", "metabolic capacity (thyroid, cortisol)", &Outputs::metabolic_capacity},
    {"stress_load", 0, 2, "x typical", "chronic glucocorticoid load reached", &Outputs::stress_load},
    {"tonic_da_signal", 0, 3, "x typical", "tonic DA (D2) signal in NAc", &Outputs::tonic_da_signal},
    {"effort_capacity", 0, 1000, "x typical", "willingness to pay effort", &Outputs::effort_capacity},
    {"vta_mc_rate_hz", 0, 60, "Hz", "mesocortical VTA DA firing rate", &Outputs::vta_mc_rate_hz},
    {"da_dstr_nM", 0, 5000, "nM", "extracellular DA in dorsal striatum", &Outputs::da_dstr_nM},
    {"da_vta_nM", 0, 5000, "nM", "somatodendritic DA in the VTA", &Outputs::da_vta_nM},
    {"stereotypy", 0, 1, "0-1", "stereotyped, undirected behaviour (driven but not directed)", &Outputs::stereotypy},
    {"activation", 0, 1, "0-1", "behavioural activation: starting any action, eating included", &Outputs::activation},
    {"direct_nac", 0, 5, "x typical", "direct (D1) pathway activity in the accumbens: promotes action", &Outputs::direct_nac},
    {"indirect_nac", 0, 200, "x typical", "indirect (D2) pathway activity in the accumbens: suppresses action", &Outputs::indirect_nac},
    {"direct_dstr", 0, 5, "x typical", "direct (D1) pathway activity in dorsal striatum", &Outputs::direct_dstr},
    {"indirect_dstr", 0, 200, "x typical", "indirect (D2) pathway activity in dorsal striatum", &Outputs::indirect_dstr},
    {"striatal_go", 0, 50, "x typical", "direct/indirect balance of the striatum: the drive to start an action", &Outputs::striatal_go},
    {"d2_drug_occupancy", 0, 1, "fraction", "striatal D2 receptors held by the D2 antagonist", &Outputs::d2_drug_occupancy},
    {"vta_active_cells", 0, 1, "fraction", "VTA DA neurons spontaneously active", &Outputs::vta_active_cells},
    {"lc_phasic_capacity", 0, 2, "x typical", "size of the LC's phasic response to a cue", &Outputs::lc_phasic_capacity},
    {"ht1a_sensitivity", 0, 1.5, "x typical", "raphe 5-HT1A autoreceptor sensitivity", &Outputs::ht1a_sensitivity},
    {"cortisol_level", 0, 2, "x typical", "tissue glucocorticoid level", &Outputs::cortisol_level},
    {"thyroid_level", 0, 2, "x typical", "tissue thyroid hormone level reached on the hormone clock", &Outputs::thyroid_level},
    {"estradiol_level", 0, 2, "x typical", "tissue estradiol level reached on the hormone clock", &Outputs::estradiol_level},
    {"testosterone_level", 0, 2, "x typical", "tissue testosterone level reached on the hormone clock", &Outputs::testosterone_level},
    {"acute_stress_level", 0, 1, "0-1", "acute stress response in progress", &Outputs::acute_stress_level},
    {"trials", 0, 1e9, "count", "cue-reward trials completed", &Outputs::trials},
    {"last_cue_response_hz", -60, 60, "Hz", "last trial's phasic response at the cue", &Outputs::last_cue_response_hz},
    {"last_reward_response_hz", -60, 60, "Hz", "last trial's phasic response at reward time (negative = dip)", &Outputs::last_reward_response_hz},
    {"reward_expected", -1, 2, "0-1", "how strongly the cue predicts the reward (learned value)", &Outputs::reward_expected},
    {"trial_time_s", -1, 10, "s", "time since the current trial's cue (-1 = none)", &Outputs::trial_time_s},
};
constexpr int kContractOutputs = 17;

const ParamSpec kParams[] = {
#define ND_PARAM_SPEC(name, value, unit, tier, calib, perturb, source) {#name, &Params::name, value, unit, tier, calib, perturb != 0, source},
    ND_PARAMS(ND_PARAM_SPEC)
#undef ND_PARAM_SPEC
};

template <typename T, std::size_t N>
constexpr int count_of(const T (&)[N]) { return static_cast<int>(N); }
}  // namespace

const InputSpec* input_specs(int* count) { *count = count_of(kInputs); return kInputs; }
const OutputSpec* output_specs(int* count) { *count = count_of(kOutputs); return kOutputs; }
int contract_output_count() { return kContractOutputs; }
const ParamSpec* param_specs(int* count) { *count = count_of(kParams); return kParams; }

std::string outputs_csv_header() {
    std::string line = "time_s";
    for (const auto& s : kOutputs) { line += ','; line += s.name; }
    return line;
}

std::string outputs_csv_row(double time_s, const Outputs& o) {
    char num[40];
    std::snprintf(num, sizeof num, "%.9g", time_s);
    std::string line = num;
    for (const auto& s : kOutputs) {
        std::snprintf(num, sizeof num, ",%.9g", o.*(s.field));
        line += num;
    }
    return line;
}

const InputSpec* find_input(std::string_view name) {
    for (const auto& s : kInputs) if (s.name == name) return &s;
    return nullptr;
}
const OutputSpec* find_output(std::string_view name) {
    for (const auto& s : kOutputs) if (s.name == name) return &s;
    return nullptr;
}
const ParamSpec* find_param(std::string_view name) {
    for (const auto& s : kParams) if (s.name == name) return &s;
    return nullptr;
}

bool inputs_valid(const Inputs& in) {
    for (const auto& s : kInputs) {
        const double v = in.*(s.field);
        if (!(v >= s.min && v <= s.max)) return false;
    }
    return true;
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
