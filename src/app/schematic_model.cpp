// schematic_model.cpp - see schematic_model.hpp.
#include "schematic_model.hpp"

#include <algorithm>

namespace neurodrive::app {

PathActivity pathway_activity(std::string_view id, const model::Outputs& o, const model::Inputs& in) {
    const float burst = static_cast<float>(std::max(0.0, o.rpe));
    auto blood = [](double level) { return PathActivity{static_cast<float>(1.5 * level), static_cast<float>(std::clamp(level / 2.0, 0.0, 1.0)), 2.5f, 0.0f}; };
    if (id == "mesolimbic") return {static_cast<float>(o.vta_rate_hz * (1.0 - in.nac_depletion)), static_cast<float>(o.mesolimbic), 1.2f, burst};
    if (id == "mesocortical") return {static_cast<float>(o.vta_mc_rate_hz * (1.0 - in.pfc_depletion)), static_cast<float>(o.mesocortical), 1.6f, 0.5f * burst};
    if (id == "ne_cortex") return {static_cast<float>(o.lc_rate_hz), static_cast<float>(o.ne_level / (o.ne_level + 1.0)), 2.2f, 0.0f};
    if (id == "serotonin_forebrain" || id == "serotonin_vta") {
        const float level = static_cast<float>(o.serotonin_level);
        return {static_cast<float>(o.raphe_rate_hz), level / (level + 1.0f), id == "serotonin_vta" ? 0.5f : 1.8f, 0.0f};
    }
    if (id == "thyroid_blood") return blood(o.thyroid_level);
    if (id == "cortisol_blood") return blood(o.cortisol_level + 0.8 * o.acute_stress_level);
    if (id == "gonadal_blood") return blood(0.5 * (o.estradiol_level + o.testosterone_level));
    return {};
}

float region_level(std::string_view id, const model::Outputs& o, const model::Outputs& t) {
    auto ratio = [](double a, double b) { return static_cast<float>(b > 0.0 ? a / b : 0.0); };
    if (id == "pfc") return ratio(o.da_pfc_nM, t.da_pfc_nM);
    if (id == "nac") return ratio(o.da_nac_nM, t.da_nac_nM);
    if (id == "vta") return ratio(o.vta_rate_hz, t.vta_rate_hz);
    if (id == "lc") return ratio(o.lc_rate_hz, t.lc_rate_hz);
    if (id == "raphe") return ratio(o.raphe_rate_hz, t.raphe_rate_hz);
    if (id == "thyroid") return static_cast<float>(o.thyroid_level);
    if (id == "adrenal") return static_cast<float>(o.cortisol_level + 0.8 * o.acute_stress_level);
    if (id == "gonads") return static_cast<float>(0.5 * (o.estradiol_level + o.testosterone_level));
    return 1.0f;
}

void schematic_advance(SchematicAnim& anim, const Geometry& g, const model::Outputs& o, const model::Inputs& in, float dt, bool reduced_motion) {
    if (anim.paths.size() != g.pathways.size()) anim.paths.assign(g.pathways.size(), PathwayAnim{});
    if (!(dt > 0.0f)) return;
    const float motion = reduced_motion ? 0.5f : 1.0f;
    for (std::size_t i = 0; i < g.pathways.size(); ++i) {
        PathwayAnim& a = anim.paths[i];
        const PathActivity act = pathway_activity(g.pathways[i].id, o, in);
        int kept = 0;
        for (int k = 0; k < a.count; ++k) {
            const auto ki = static_cast<std::size_t>(k);
            const float pos = a.pos[ki] + dt * motion / act.travel_s;
            if (pos <= 1.0f) {
                a.pos[static_cast<std::size_t>(kept)] = pos;
                a.strength[static_cast<std::size_t>(kept)] = a.strength[ki];
                ++kept;
            }
        }
        a.count = kept;
        // Half a visible pulse per spike: 4.5 Hz tonic reads as a steady trickle, a 30 Hz burst as a volley.
        a.spawn_acc += static_cast<double>(act.rate_hz * 0.5f * dt * motion);
        while (a.spawn_acc >= 1.0) {
            a.spawn_acc -= 1.0;
            if (a.count < kMaxPulses) {
                a.pos[static_cast<std::size_t>(a.count)] = 0.0f;
                a.strength[static_cast<std::size_t>(a.count)] = 1.0f + 2.0f * act.burst;
                ++a.count;
            }
        }
    }
}

bool schematic_moving(const SchematicAnim& anim) {
    for (const auto& a : anim.paths) if (a.count > 0) return true;
    return false;
}

}  // namespace neurodrive::app
