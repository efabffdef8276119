// compositor.hpp - renders a frame of ImGui's draw data with retained drawing: the frame is kept, and
// only the areas where something changed since the last frame are drawn again. There a panel or child
// window whose drawing has not changed is shown from a texture it was rendered into once; the windows'
// extra layers (layers.hpp) are drawn over it - trace plots and Above from textures as well, Slow from a
// texture refreshed less often when frames run late. GL and ImGui only (gl_renderer.hpp): it knows
// nothing of the App, SDL or the page (main.cpp calls it).
#pragma once

#include <imgui.h>

namespace neurodrive::app {

struct CompositorFrame {
    int fb_w = 0, fb_h = 0;          // the default framebuffer, device pixels
    float clear_rgb[3] = {0, 0, 0};  // the frame's background
    double now_s = 0.0;              // a steady clock (seconds) for pacing
    bool window_keeps_frame = false; // the window's framebuffer keeps the last frame (WebGL's
                                     // preserveDrawingBuffer); else the frame is kept in a texture and copied
};

struct CompositorStats {
    int vertices = 0;          // vertices submitted this frame, re-renders into textures included
    int vertices_steady = 0;   // vertices drawn into the frame's changed areas (textures rendered this
                               // frame not counted): depends on what changes, not on when textures were rendered
    float redrawn_share = 0;   // the share of the window's pixels drawn again this frame (1 = all)
    int textures_shown = 0;    // retained textures drawn into the changed areas this frame
    int textures_rendered = 0; // textures re-rendered this frame
    bool pacing = false;       // Slow layers refresh at a lower rate (frames are running late)
    int slow_stale = 0;        // Slow layers showing an older picture than their drawing: draw another frame
    double slow_stale_s = 0.0; // the oldest such picture's age (under kSlowRefreshS, 0.1 s)
};

// Draws `data` (after ImGui::Render()) into the window's framebuffer.
CompositorStats compositor_render(ImDrawData* data, const CompositorFrame& frame);

// The GL context was lost: every texture and framebuffer name is invalid (nothing to delete).
void compositor_forget();
// Deletes every texture and framebuffer (before the context goes away).
void compositor_shutdown();

}  // namespace neurodrive::app
