// schematic_model.hpp - the brain schematic's view model: how active each pathway and region is
// (from model Outputs only) and the travelling pulses, advanced in update(), never while drawing.
// No ImGui: tested natively.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "assets.hpp"
#include "neurodrive/model.hpp"

namespace neurodrive::app {

struct PathActivity {
    float rate_hz = 0.0f;    // pulses are spawned at a fraction of this
    float activity = 0.0f;   // 0-1: width and brightness (0.5 = typical)
    float travel_s = 1.4f;   // time for a pulse to travel the path
    float burst = 0.0f;      // > 0 during a phasic burst
};

// Activity of a pathway of assets/geometry.json by its id.
PathActivity pathway_activity(std::string_view id, const model::Outputs& o, const model::Inputs& in);
// Level of a region relative to the typical brain (1 = typical, 0 = nothing): concentration for
// terminal fields, firing for nuclei, hormone level for glands.
float region_level(std::string_view id, const model::Outputs& o, const model::Outputs& typical);

constexpr int kMaxPulses = 64;

struct PathwayAnim {
    std::array<float, kMaxPulses> pos{};       // 0..1 along the curve
    std::array<float, kMaxPulses> strength{};  // 1 = tonic pulse, >1 = burst
    int count = 0;
    double spawn_acc = 0.0;
};

struct SchematicAnim {
    std::vector<PathwayAnim> paths;  // one per geometry pathway
};

// Moves and spawns pulses for dt_s of simulated time (reduced motion: half as many, no flashes).
void schematic_advance(SchematicAnim& anim, const Geometry& g, const model::Outputs& o, const model::Inputs& in, float dt_s, bool reduced_motion);
// True while any pulse is travelling (the app keeps drawing frames).
bool schematic_moving(const SchematicAnim& anim);

}  // namespace neurodrive::app
