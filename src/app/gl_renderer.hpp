// gl_renderer.hpp - draws Dear ImGui draw lists with OpenGL 3.3 core / WebGL 2 (OpenGL ES 3.0): the
// app's own renderer in place of ImGui's OpenGL3 backend. It sets every GL state it needs on each call
// and never reads GL state back: in the browser each glGet* is a synchronous round trip to the GPU
// process, which would make the page wait for the previous frame's rasterising (docs/PERFORMANCE.md).
// It draws into any framebuffer, limited to a rectangle, so the compositor can redraw only what changed.
// It is the app's only GL user (the compositor clears, makes and deletes targets through it), so it
// knows the GL state without asking and skips a call that would set what is already set.
// GL and ImGui only: no App, SDL or page.
#pragma once

#include <imgui.h>

#include <cstdint>

namespace neurodrive::app {

// Where a draw goes: framebuffer `fbo` (0 = the window's) of `size_px` device pixels, showing the CSS
// area that starts at `origin` with `scale` device pixels per CSS pixel; nothing is drawn outside
// `limit` (CSS pixels; each command's clip rectangle is cut to it).
struct DrawTarget {
    std::uint32_t fbo = 0;
    int width_px = 0, height_px = 0;
    ImVec2 origin{0.0f, 0.0f};
    ImVec2 scale{1.0f, 1.0f};
    ImVec4 limit{-1e30f, -1e30f, 1e30f, 1e30f};
};

// Compiles the shader and makes the buffers; `glsl_version` is the first line of both shaders
// ("#version 300 es" in the browser, "#version 330 core" natively). False (reason on stderr) on failure.
bool renderer_init(const char* glsl_version);
// The largest texture side the GL allows (asked once, by renderer_init).
int renderer_max_texture_px();
// (Re)uploads ImGui's font atlas as a texture (after the atlas was built or rebuilt).
void renderer_upload_fonts();
// Draws `n` lists; returns the vertices submitted (lists entirely outside the limit are skipped).
// Supports ImDrawCallback_ResetRenderState and user callbacks (called with the renderer's state set up).
int renderer_draw(ImDrawList* const* lists, int n, const DrawTarget& target);
// A draw list callback: the commands after it blend premultiplied colour (a texture the renderer drew
// holds colour times coverage); ImDrawCallback_ResetRenderState returns to ImGui's blending.
void renderer_blend_premultiplied(const ImDrawList* list, const ImDrawCmd* cmd);
// Clears the area [x, y, w, h] (device pixels, origin bottom left) of framebuffer `fbo` to `rgba`.
void renderer_clear(std::uint32_t fbo, int x, int y, int w, int h, const float rgba[4]);
// Makes an RGBA8 texture of w x h pixels (nearest filtering, clamped) with a framebuffer drawing into it.
bool renderer_make_target(int w, int h, std::uint32_t* texture, std::uint32_t* fbo);
// Deletes a texture and a framebuffer (either may be 0).
void renderer_delete_target(std::uint32_t texture, std::uint32_t fbo);
// Copies the area [x, y, w, h] (device pixels, origin bottom left) of framebuffer `from` to the same
// place in the window's framebuffer.
void renderer_copy_to_window(std::uint32_t from, int x, int y, int w, int h);
// The GL context was lost: every object name is invalid (nothing to delete); renderer_init again.
void renderer_forget();
// Deletes the shader, buffers and font texture (before the context goes away).
void renderer_shutdown();

}  // namespace neurodrive::app
