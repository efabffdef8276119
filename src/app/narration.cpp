// narration.cpp - see narration.hpp. Templates come from the strings table (assets/strings/*.json);
// the drive components and input ranges come from the model's registries.
#include "narration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "neurodrive/names.hpp"

namespace neurodrive::app {
namespace {

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
    if (c.name == "d2_antagonist" && o.activation < 0.5) return "why.d2_antagonist.catalepsy";
    return "why." + c.name + (c.high ? ".high" : ".low");
}

// The drive component that moved most from `from` to `to` (weighted by its share of drive), in the
// direction of the change of motivation.
std::string biggest_component(const Strings& s, const model::Outputs& from, const model::Outputs& to) {
    int n = 0;
    const model::DriveComponent* parts = model::drive_components(&n);
    const model::Params weights;
    const double sign = to.motivation >= from.motivation ? 1.0 : -1.0;
    int best = 0;
    double best_change = -1e9;
    for (int i = 0; i < n; ++i) {
        const double change = weights.*(parts[i].weight) * (to.*(parts[i].field) - from.*(parts[i].field)) * sign;
        if (change > best_change) { best_change = change; best = i; }
    }
    return s.get("component." + std::string(parts[best].output));
}

}  // namespace

std::vector<std::string> narrate_difference(const Strings& s, const NarrationInput& in) {
    std::vector<std::string> out;
    const model::Outputs& a = *in.out;
    const model::Outputs& b = *in.compare_out;
    char buf[512];
    if (std::abs(b.motivation - a.motivation) < 2.0) {
        format_into(buf, s.number, s.get("compare.same"), in.title_a.c_str(), a.motivation, in.title_b.c_str(), b.motivation);
    } else {
        const std::string component = biggest_component(s, a, b);
        format_into(buf, s.number, s.get(b.motivation < a.motivation ? "compare.lower" : "compare.higher"), in.title_b.c_str(), b.motivation,
                      in.title_a.c_str(), a.motivation, component.c_str());
    }
    out.push_back(buf);
    // The input that differs most (levels and manipulations weighted as in the causes above).
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    int best = -1;
    double best_dev = 0.0;
    for (int i = 0; i < n; ++i) {
        const double dev = std::abs(in.inputs->*(specs[i].field) - in.compare_inputs->*(specs[i].field)) * (specs[i].kind == model::InputKind::Level ? 1.0 : 2.0);
        if (dev > best_dev + 1e-9) { best_dev = dev; best = i; }
    }
    if (best >= 0) {
        const std::string name = s.get("input." + std::string(specs[best].name));
        // Levels are relative to typical; manipulations are a fraction of their full effect.
        const bool level = specs[best].kind == model::InputKind::Level;
        format_into(buf, s.number, s.get(level ? "compare.input" : "compare.input.manipulation"), name.c_str(),
                      100.0 * in.compare_inputs->*(specs[best].field), 100.0 * in.inputs->*(specs[best].field));
        out.push_back(buf);
    } else {
        out.push_back(s.get("compare.same_inputs"));
    }
    return out;
}

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

int level_step(double ratio) {
    constexpr double kUpper[] = {0.45, 0.85, 1.15, 1.55};  // the upper bound of each step but the last
    int step = 0;
    while (step < 4 && (step < 2 ? ratio >= kUpper[step] : ratio > kUpper[step])) ++step;
    return step;
}

const char* level_word(const Strings& strings, double level) {
    const char* words[] = {"level.very_low", "level.low", "level.typical", "level.high", "level.very_high"};
    return strings.get(words[level_step(level)]);
}

std::string narrate_headline(const Strings& s, const NarrationInput& in) {
    const model::Outputs& o = *in.out;
    const model::Outputs& t = *in.typical;
    const double diff = o.motivation - t.motivation;
    if (std::abs(diff) < 2.0) return s.format("why.headline.same", o.motivation, t.motivation);
    int n = 0;
    const model::DriveComponent* parts = model::drive_components(&n);
    const model::Params weights;
    int best = 0;
    double best_change = 0.0;
    for (int i = 0; i < n; ++i) {
        const double change = weights.*(parts[i].weight) * (o.*(parts[i].field) - t.*(parts[i].field)) * (diff > 0 ? 1.0 : -1.0);
        if (change > best_change) { best_change = change; best = i; }
    }
    return s.format(diff > 0 ? "why.headline.up" : "why.headline.down", o.motivation, t.motivation, s.get("component." + std::string(parts[best].output)));
}

std::vector<std::string> narrate(const Strings& s, const NarrationInput& in) {
    std::vector<std::string> out;
    const model::Outputs& o = *in.out;
    const model::Outputs& t = *in.typical;
    // 1. A key event of the last seconds comes first: it is what the student just saw.
    if (in.event != KeyEvent::None && in.event_age_s < 6.0) out.push_back(s.get(std::string("why.event.") + key_event_name(in.event)));
    // 2. Headline: how drive compares with typical, and which component moved most (in compare
    //    mode: how the two brains differ, and the input that differs most between them).
    if (in.compare_out && in.compare_inputs) {
        for (std::string& sentence : narrate_difference(s, in)) out.push_back(std::move(sentence));
    } else {
        out.push_back(narrate_headline(s, in));
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
    if (list.empty() && out.size() < 3) out.push_back(s.format("why.baseline", t.vta_rate_hz, t.da_nac_nM));
    // 4. Slow changes still building: hormones on the hormone clock, stereotypy over seconds.
    const model::Inputs& i = *in.inputs;
    const bool hormones = std::abs(o.thyroid_level - i.thyroid) > 0.03 || std::abs(o.cortisol_level - i.cortisol) > 0.03
                          || std::abs(o.stress_load - i.cortisol) > 0.03 || std::abs(o.estradiol_level - i.estradiol) > 0.03
                          || std::abs(o.testosterone_level - i.testosterone) > 0.03;
    if (hormones) out.push_back(s.format("why.hormone_pending", o.sim_day));
    return out;
}

}  // namespace neurodrive::app
