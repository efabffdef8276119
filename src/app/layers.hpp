// layers.hpp - drawing in layers. What a panel draws into its ImGui window is its base: the compositor
// (compositor.hpp) keeps it in a texture while it does not change. What changes while the model runs
// goes into one of the window's extra layers, drawn over the base in the order of `Layer`. Drawing only
// fills these lists; it never renders. ImGui only: no GL, SDL or App here.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace neurodrive::app {

enum class Layer {
    Slow,   // follows the model but may refresh less often than the pulses when frames run late (traces, meters)
    Live,   // redrawn every frame (pulses, pathway widths, region levels)
    Above,  // retained like the base, drawn over Live (the schematic's labels)
    Top,    // redrawn every frame, over Above (the schematic's value lines)
};
constexpr int kLayerCount = 4;

// The current window's draw list for `layer`, with the current window's clip rectangle and the font
// atlas bound. Filled while the UI is built; the compositor draws it after the window's own content.
ImDrawList* layer_draw_list(Layer layer);

// A plot's traces over time, kept in a texture that scrolls with the clock: the compositor draws into
// it only the columns that are new (in a steady animation the newest one or two) and shows the rest
// from the texture. Columns follow the clock (a column is span / columns of simulated time), so a
// column, once complete, never changes. Drawn over the window, under its Slow layer.
struct TraceSeries {
    std::vector<ImVec2> points;  // x: column from the left edge (+ 0.5: its centre), y: px below the top; in time order
    ImU32 color = 0;
    float thickness = 1.0f;
    bool dashed = false;         // dashes along the line (compare mode's second brain)
};
struct TracePlot {
    ImVec2 min;                  // the trace area's top left (CSS px; it reaches 2 px above and below the axis)
    int columns = 0, height = 0; // one column per CSS pixel of width
    long long first = 0;         // the clock's column at the left edge (the newest, still filling, is first + columns - 1)
    std::uint64_t style = 0;     // whatever redraws every column when it changes: axis, colours, widths
    std::vector<TraceSeries> series;
};
// Adds a trace plot (`id` unique within the window) to the current window.
void layer_trace_plot(ImGuiID id, TracePlot plot);

// For the frame loop and the compositor: forget last frame's layers (before the UI is built), and the
// list a root window (ImGuiWindow::ID) filled for `layer` this frame (nullptr when it drew nothing there).
void layers_new_frame();
ImDrawList* layer_of_window(ImGuiID root_window, Layer layer);
struct TracePlotEntry { ImGuiID id; ImVec4 clip; TracePlot plot; };
// The trace plots a root window added this frame.
std::vector<const TracePlotEntry*> trace_plots_of_window(ImGuiID root_window);

// One straight segment a -> b of a dashed line (dashes of `dash` px with gaps as long), `along` px into
// the pattern where it starts; returns the segment's length (the next segment starts that much further).
float add_dashed_segment(ImDrawList* dl, ImVec2 a, ImVec2 b, float along, ImU32 col, float thickness, float dash);

}  // namespace neurodrive::app
