// frame_report.hpp - what the frames report about themselves: where everything was drawn (the layout
// report the mirror and the browser tests read), the start-up timeline and the frame statistics, and
// their JSON views (layout(), stats() of window.neurodrive). No ImGui, SDL or Emscripten: the bridge
// hands in the memory figures only it can read.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace neurodrive::app {

// Where something was drawn this frame (CSS pixels): controls for the browser tests and the mirror,
// and every text label (label:<id>) and text block (text:<id>) with whether it was cut off; a label
// that names something on the schematic carries that thing's rectangle (x, y, w, h) as its anchor.
struct WidgetRect {
    std::string name;
    float x = 0, y = 0, w = 0, h = 0;
    bool clipped = false;
    bool anchored = false;
    std::array<float, 4> anchor{};
};

// Start-up, in ms on the page's clock (performance.now(): from navigation; natively from the process's
// first reading): when each step ended. fonts_ms is how long the first font atlas took (rasterise and
// upload). Filled by main.cpp, reported by stats() (docs/PERFORMANCE.md, "Start-up").
struct StartupTimeline {
    double main_ms = 0.0;       // main() entered: the wasm is compiled and instantiated
    double gl_ms = 0.0;         // window, WebGL context and Dear ImGui's backends ready
    double app_ms = 0.0;        // the app's tables and data files parsed (init)
    double bridge_ms = 0.0;     // the page's environment, URL and stored state applied
    double fonts_ms = 0.0;      // duration of the first font atlas
    double frame1_ms = 0.0;     // the first frame submitted
    double frame3_ms = 0.0;     // the third (the page's `ready`)
};

struct FrameStats {
    StartupTimeline startup;
    std::array<float, 600> cpu_ms{};   // whole frame: events, model, UI build, draw submission
    std::array<float, 600> ui_ms{};    // model + UI build only (no GL calls)
    std::array<float, 600> drawn{};    // vertices drawn (into retained textures too)
    int head = 0, count = 0;
    int vertices = 0;                  // vertices drawn in the last frame
    int vertices_steady = 0;           // ... drawn into its changed areas, textures rendered not counted (compositor.hpp)
    float redrawn_share = 0.0f;        // the share of the window's pixels the last frame drew again
    int textures_shown = 0;            // retained textures drawn in the last frame
    bool pacing = false;               // frames run late: slow layers refresh less often ...
    float slow_stale_ms = 0.0f;        // ... showing a picture at most this old
    void push(float ms, float ui, int vertices_drawn);
};

// {"name":{"x":..,"y":..,"w":..,"h":..},...}: where each control was drawn in the last frame (CSS px); a
// label that names something on the schematic also has "anchor":{"x","y","w","h"}: that thing's rectangle;
// a text or label that is cut off has "clipped":true.
std::string layout_json(const std::vector<WidgetRect>& rects);

// The memory figures only the platform can read (the wasm heap, the allocator's bytes in use).
struct MemoryUse {
    std::uint64_t heap_bytes = 0;
    int malloc_in_use_bytes = 0;
};
// {"frames":N,"cpu_ms_median":x,"cpu_ms_p99":y,"ui_ms_median":..,"ui_ms_p99":..,"samples":n,"vertices":v (last frame),
//  "vertices_median":..,"vertices_p99":.. (last 600 frames),"vertices_steady":s,"redrawn_share":r,"textures_shown":t,"pacing":b,
//  "slow_stale_ms":a,"startup_ms":{main,gl,app,bridge,fonts,frame1,frame3},"heap_bytes":h,"malloc_in_use_bytes":m}
std::string stats_json(const FrameStats& stats, std::uint64_t frames, const MemoryUse& memory);

}  // namespace neurodrive::app
