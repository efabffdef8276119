// layers.hpp - drawing in layers. What a panel draws into its ImGui window is its base: the compositor
// (compositor.hpp) keeps it in a texture while it does not change. What changes while the model runs
// goes into one of the window's extra layers, drawn over the base in the order of `Layer`. Drawing only
// fills these lists; it never renders. ImGui only: no GL, SDL or App here.
#pragma once

#include <imgui.h>

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

// For the frame loop and the compositor: forget last frame's layers (before the UI is built), and the
// list a root window (ImGuiWindow::ID) filled for `layer` this frame (nullptr when it drew nothing there).
void layers_new_frame();
ImDrawList* layer_of_window(ImGuiID root_window, Layer layer);

}  // namespace neurodrive::app
