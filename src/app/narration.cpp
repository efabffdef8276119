// narration.cpp - see narration.hpp. Templates come from the strings table (assets/strings/*.json).
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

}  // namespace

std::string main_cause(const model::Inputs& inputs) {
    const auto c = causes(inputs);
    return c.empty() ? std::string() : c.front().name;
}

std::vector<std::string> narrate(const Strings& s, const NarrationInput& in) {
    std::vector<std::string> out;
    const model::Outputs& o = *in.out;
    const model::Outputs& t = *in.typical;
    // 1. Headline: how drive compares with typical, and which component moved most.
    const double diff = o.motivation - t.motivation;
    if (std::abs(diff) < 2.0) {
        out.push_back(format(s.get("why.headline.same"), o.motivation, t.motivation));
    } else {
        const char* names[] = {"wanting", "vigor", "effort_willingness", "executive", "vigilance", "mood"};
        const double weights[] = {0.25, 0.2, 0.2, 0.15, 0.1, 0.1};
        const double now[] = {o.wanting, o.vigor, o.effort_willingness, o.executive, o.vigilance, o.mood};
        const double base[] = {t.wanting, t.vigor, t.effort_willingness, t.executive, t.vigilance, t.mood};
        int best = 0;
        double best_change = 0.0;
        for (int i = 0; i < 6; ++i) {
            const double change = weights[i] * (now[i] - base[i]) * (diff > 0 ? 1.0 : -1.0);
            if (change > best_change) { best_change = change; best = i; }
        }
        const std::string component = s.get(std::string("component.") + names[best]);
        char buf[512];
        std::snprintf(buf, sizeof buf, s.get(diff > 0 ? "why.headline.up" : "why.headline.down"), o.motivation, t.motivation, component.c_str());
        out.push_back(buf);
    }
    // 2. A phasic event in the last seconds.
    if (in.recent_rpe > 0.2) out.push_back(s.get("why.burst"));
    else if (in.recent_rpe < -0.2) out.push_back(s.get("why.dip"));
    // 3. The causes, largest first.
    const auto list = causes(*in.inputs);
    for (const auto& c : list) {
        if (out.size() >= 3) break;
        const std::string key = "why." + c.name + (c.high ? ".high" : ".low");
        out.push_back(s.get(key));
    }
    if (list.empty() && out.size() < 3) out.push_back(format(s.get("why.baseline"), t.vta_rate_hz, t.da_nac_nM));
    // 4. Hormones still settling on the slow clock.
    const model::State& st = *in.state;
    const model::Inputs& i = *in.inputs;
    const bool settling = std::abs(st.thyroid_eff - i.thyroid) > 0.03 || std::abs(st.stress_load - i.cortisol) > 0.03
                          || std::abs(st.estradiol_eff - i.estradiol) > 0.03 || std::abs(st.testosterone_eff - i.testosterone) > 0.03;
    if (settling) {
        if (out.size() >= 3) out.pop_back();
        out.push_back(format(s.get("why.hormone_pending"), o.sim_day));
    }
    return out;
}

}  // namespace neurodrive::app
