// narration.cpp - see narration.hpp. Templates come from the strings table (assets/strings/*.json);
// the drive components and input ranges come from the model's registries.
#include "narration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "neurodrive/names.hpp"

namespace neurodrive::app {
namespace {

std::string format(const char* tmpl, double a = 0.0, double b = 0.0) {
    char buf[512];
    std::snprintf(buf, sizeof buf, tmpl, a, b);
    return buf;
}

struct Cause { std::string name; double deviation; bool high; };

std::vector<Cause> causes(const model::Inputs& in) {
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    std::vector<Cause> out;
    for (int i = 0; i < n; ++i) {
        const double v = in.*(specs[i].field);
        const double dev = v - specs[i].typical;
        const bool level = specs[i].kind == model::InputKind::Level;
        if (std::abs(dev) < (level ? 0.15 : 0.05)) continue;
        // Manipulations are drastic by design: rank them with levels at double weight.
        out.push_back({std::string(specs[i].name), std::abs(dev) * (level ? 1.0 : 2.0), dev > 0});
    }
    std::stable_sort(out.begin(), out.end(), [](const Cause& a, const Cause& b) { return a.deviation > b.deviation; });
    return out;
}

// The sentence for one cause, chosen by what the model shows now (so it is true in this state).
std::string cause_key(const Cause& c, const model::Outputs& o) {
    if (c.name == "dopamine" && !c.high && o.activation < 0.5) return "why.dopamine.zero";
    if ((c.name == "dat_block" || c.name == "dopamine") && c.high && o.stereotypy > 0.25) return "why.stereotypy";
    if (c.name == "sert_block" && o.ht1a_sensitivity < 0.75) return "why.sert_block.weeks";
    return "why." + c.name + (c.high ? ".high" : ".low");
}

}  // namespace

const char* key_event_name(KeyEvent e) {
    switch (e) {
    case KeyEvent::Surprise: return "surprise";
    case KeyEvent::CueLearning: return "cue_learning";
    case KeyEvent::CuePredicts: return "cue";
    case KeyEvent::Predicted: return "predicted";
    case KeyEvent::Dip: return "dip";
    case KeyEvent::NoExpectation: return "no_expectation";
    case KeyEvent::None: break;
    }
    return "";
}

std::string main_cause(const model::Inputs& inputs) {
    const auto c = causes(inputs);
    return c.empty() ? std::string() : c.front().name;
}

std::vector<std::string> narrate(const Strings& s, const NarrationInput& in) {
    std::vector<std::string> out;
    const model::Outputs& o = *in.out;
    const model::Outputs& t = *in.typical;
    // 1. A key event of the last seconds comes first: it is what the student just saw.
    if (in.event != KeyEvent::None && in.event_age_s < 6.0) out.push_back(s.get(std::string("why.event.") + key_event_name(in.event)));
    // 2. Headline: how drive compares with typical, and which component moved most.
    const double diff = o.motivation - t.motivation;
    if (std::abs(diff) < 2.0) {
        out.push_back(format(s.get("why.headline.same"), o.motivation, t.motivation));
    } else {
        int n = 0;
        const model::DriveComponent* parts = model::drive_components(&n);
        const model::Params weights;
        int best = 0;
        double best_change = 0.0;
        for (int i = 0; i < n; ++i) {
            const double change = weights.*(parts[i].weight) * (o.*(parts[i].field) - t.*(parts[i].field)) * (diff > 0 ? 1.0 : -1.0);
            if (change > best_change) { best_change = change; best = i; }
        }
        const std::string component = s.get("component." + std::string(parts[best].output));
        char buf[512];
        std::snprintf(buf, sizeof buf, s.get(diff > 0 ? "why.headline.up" : "why.headline.down"), o.motivation, t.motivation, component.c_str());
        out.push_back(buf);
    }
    // 3. The causes: the input changed last first (its main consequence), then the largest.
    auto list = causes(*in.inputs);
    std::stable_partition(list.begin(), list.end(), [&](const Cause& c) { return c.name == in.last_changed; });
    std::vector<std::string> used;
    for (const auto& c : list) {
        if (out.size() >= 3) break;
        const std::string key = cause_key(c, o);
        if (std::find(used.begin(), used.end(), key) != used.end()) continue;
        used.push_back(key);
        out.push_back(s.get(key));
    }
    if (list.empty() && out.size() < 3) out.push_back(format(s.get("why.baseline"), t.vta_rate_hz, t.da_nac_nM));
    // 4. Slow changes still building: hormones on the hormone clock, stereotypy over seconds.
    const model::Inputs& i = *in.inputs;
    const bool hormones = std::abs(o.thyroid_level - i.thyroid) > 0.03 || std::abs(o.cortisol_level - i.cortisol) > 0.03
                          || std::abs(o.stress_load - i.cortisol) > 0.03 || std::abs(o.estradiol_level - i.estradiol) > 0.03
                          || std::abs(o.testosterone_level - i.testosterone) > 0.03;
    if (hormones) out.push_back(format(s.get("why.hormone_pending"), o.sim_day));
    return out;
}

}  // namespace neurodrive::app
