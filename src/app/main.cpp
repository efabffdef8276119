// main.cpp - the platform edge: creates the SDL window and GL context, and runs one frame() per
// display frame - via emscripten_set_main_loop_arg in the browser, a while loop natively. The app
// itself (app.cpp, ui.cpp, panels) knows nothing of SDL, GL or Emscripten.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <array>
#include <chrono>
#include <vector>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app.hpp"
#include "compositor.hpp"
#include "gl_renderer.hpp"
#include "layers.hpp"
#include "ui.hpp"
#include "web_bridge.hpp"

#ifdef __EMSCRIPTEN__
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/html5_webgl.h>
#else
#include <SDL_opengl.h>
#endif

namespace {

using neurodrive::app::App;

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    App app;
    bool running = true;
    Uint64 last_counter = 0;
    int max_frames = 0;  // native --frames N: stop after N frames (smoke tests)
    std::string screenshot_path;  // native --screenshot FILE.ppm: save the last frame
    bool context_lost = false;  // WebGL context lost: keep simulating, draw nothing until restored
    std::vector<SDL_Event> deferred;  // input held back one frame (see frame())
    bool force_frame = false;  // build and draw the next frame even if nothing changed (picture export)
};

#ifdef __EMSCRIPTEN__
constexpr const char* kGlslVersion = "#version 300 es";  // WebGL 2

// WebGL context loss (GPU reset, too many contexts): keep the model running; on restore, rebuild the
// renderer's GL objects (ImGui's NewFrame recreates them) and carry on with the same state.
EM_BOOL on_context_lost(int, const void*, void* user) {
    static_cast<Platform*>(user)->context_lost = true;
    return EM_TRUE;  // preventDefault: ask the browser to restore the context
}
EM_BOOL on_context_restored(int, const void*, void* user) {
    // The whole renderer starts again: its shader, buffers, font texture and kept textures.
    neurodrive::app::renderer_forget();
    neurodrive::app::compositor_forget();
    if (neurodrive::app::renderer_init(kGlslVersion)) neurodrive::app::renderer_upload_fonts();
    static_cast<Platform*>(user)->context_lost = false;
    return EM_TRUE;
}
#endif

#ifndef __EMSCRIPTEN__
// Writes the back buffer as a binary PPM (native smoke tests; no image library needed).
void save_ppm(const std::string& path, int w, int h) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) { std::fprintf(stderr, "neurodrive: cannot write %s\n", path.c_str()); return; }
    std::fprintf(f, "P6\n%d %d\n255\n", w, h);
    for (int y = h - 1; y >= 0; --y) std::fwrite(pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w) * 3, 1, static_cast<std::size_t>(w) * 3, f);
    std::fclose(f);
}
#endif

// Feeds this frame's input to ImGui: whether there was any (new or held back), and whether a mouse
// button event was held back.
struct InputResult { bool any = false; bool buttons_deferred = false; };
// ImGui 1.86 reads input as per-frame state, so two kinds of events wait one frame:
// - a key-up whose key-down came in the same frame (a quick tap on a slow device): else it is lost;
// - a mouse press that arrives in the same frame as a jump of the pointer (a touch on another spot):
//   tabs and overlapping items only take a press where the pointer already hovered last frame.
InputResult process_input(Platform& p) {
    std::vector<SDL_Event> batch;
    batch.swap(p.deferred);
    SDL_Event e;
    while (SDL_PollEvent(&e)) batch.push_back(e);
    std::array<bool, SDL_NUM_SCANCODES> pressed_now{};
    bool pointer_moved = false, defer_buttons = false;
    for (SDL_Event& ev : batch) {
        if (ev.type == SDL_KEYDOWN) pressed_now[static_cast<std::size_t>(ev.key.keysym.scancode)] = true;
        if (ev.type == SDL_KEYUP && pressed_now[static_cast<std::size_t>(ev.key.keysym.scancode)]) {
            p.deferred.push_back(ev);
            continue;
        }
        if (ev.type == SDL_MOUSEMOTION) pointer_moved = true;
        if ((ev.type == SDL_MOUSEBUTTONDOWN && pointer_moved) || ((ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_MOUSEBUTTONUP) && defer_buttons)) {
            defer_buttons = true;
            p.deferred.push_back(ev);
            continue;
        }
        if (ev.type == SDL_MOUSEWHEEL) {
            // The precise (fractional) wheel amount: a trackpad's small steps scroll a little, a wheel
            // notch (100 px in the browser) about five lines - the rate of the page around the canvas.
            ImGuiIO& io = ImGui::GetIO();
            io.MouseWheel += ev.wheel.preciseY;
            io.MouseWheelH += ev.wheel.x > 0 ? 1.0f : ev.wheel.x < 0 ? -1.0f : 0.0f;  // as the backend (no plots scroll sideways)
            continue;
        }
        ImGui_ImplSDL2_ProcessEvent(&ev);
        if (ev.type == SDL_QUIT) p.running = false;
    }
    return {!batch.empty() || !p.deferred.empty(), defer_buttons};
}

// The clock of the start-up timeline: the page's performance.now() in the browser.
double now_ms() {
#ifdef __EMSCRIPTEN__
    return emscripten_get_now();
#else
    static const auto t0 = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
#endif
}

// What the compositor reports of a drawn frame and how long it took (stats()).
void record_frame(neurodrive::app::App& app, const neurodrive::app::CompositorStats& drawn, float cpu_ms, float ui_ms) {
    app.stats.vertices = drawn.vertices;
    app.stats.vertices_steady = drawn.vertices_steady;
    app.stats.textures_shown = drawn.textures_shown;
    app.stats.redrawn_share = drawn.redrawn_share;
    app.stats.pacing = drawn.pacing;
    app.stats.slow_stale_ms = static_cast<float>(drawn.slow_stale_s * 1000.0);
    if (drawn.slow_stale > 0) app.drawn.relayout = true;  // a layer kept its older picture: draw one more frame
    app.stats.push(cpu_ms, ui_ms, drawn.vertices);
}

// After a frame is shown: the start-up marks, the native test's last frame and screenshot, and what the
// page is told (the first frames drawn; compact mode's Full view asked for).
void after_frame(Platform& p, int fb_w, int fb_h) {
    if (p.app.frames == 1) p.app.stats.startup.frame1_ms = now_ms();
    if (p.app.frames == 3) p.app.stats.startup.frame3_ms = now_ms();
    if (p.max_frames > 0 && p.app.frames >= static_cast<std::uint64_t>(p.max_frames)) {
        p.running = false;
#ifndef __EMSCRIPTEN__
        if (!p.screenshot_path.empty()) save_ppm(p.screenshot_path, fb_w, fb_h);
#endif
    }
#ifdef __EMSCRIPTEN__
    (void)fb_w;
    (void)fb_h;
    if (p.app.frames == 3) {
        p.app.skipped_time_s = 0.0;  // start-up's own long frames (atlas, shaders) are not the page being slow
        neurodrive::app::bridge_first_frames();
    }
    if (p.app.ui.open_full_view_requested) {
        p.app.ui.open_full_view_requested = false;
        neurodrive::app::bridge_open_full_view(p.app);
    }
#endif
}

void frame(void* arg) {
    Platform& p = *static_cast<Platform*>(arg);
    const auto cpu_start = std::chrono::steady_clock::now();
    const InputResult in = process_input(p);
    const Uint64 now = SDL_GetPerformanceCounter();
    const double dt = p.last_counter ? static_cast<double>(now - p.last_counter) / static_cast<double>(SDL_GetPerformanceFrequency()) : 0.0;
    p.last_counter = now;

    // Draw on demand: with nothing moving, the model still keeps its clock but no frame is built
    // or submitted (a paused, idle page costs almost nothing).
    const bool input = in.any || p.force_frame;
    p.force_frame = false;
    if (!neurodrive::app::needs_frame(p.app, input)) {
        ++p.app.skipped_frames;
        neurodrive::app::update(p.app, dt);
        return;
    }

    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(p.window, &w, &h);
    SDL_GL_GetDrawableSize(p.window, &fb_w, &fb_h);
    const float dpr = w > 0 ? static_cast<float>(fb_w) / static_cast<float>(w) : 1.0f;
    const double fonts_start = p.app.frames == 0 ? now_ms() : 0.0;
    if (neurodrive::app::ensure_fonts(p.app, neurodrive::app::wanted_font_px(ImVec2(static_cast<float>(w), static_cast<float>(h))) * p.app.settings.scale, dpr)
        && !p.context_lost) {
        neurodrive::app::renderer_upload_fonts();
    }
    if (p.app.frames == 0) p.app.stats.startup.fonts_ms = now_ms() - fonts_start;
    if (p.context_lost) {
        neurodrive::app::update(p.app, dt);
        return;
    }
    ImGui_ImplSDL2_NewFrame();
    // The backend also polls SDL's button state, which already shows a press that was held back:
    // hide it for this frame so the press lands next frame, where the pointer now is.
    if (in.buttons_deferred) for (bool& down : ImGui::GetIO().MouseDown) down = false;
    const auto ui_start = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    neurodrive::app::layers_new_frame();
    neurodrive::app::update(p.app, dt);
    neurodrive::app::frame_drawn(p.app, neurodrive::app::build_ui(p.app), input);
    ImGui::Render();
    const float ui_ms = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - ui_start).count();
    // Panels that drew the same as last frame come from textures (compositor.hpp).
    neurodrive::app::CompositorFrame cf;
    cf.fb_w = fb_w;
    cf.fb_h = fb_h;
    cf.now_s = static_cast<double>(now) / static_cast<double>(SDL_GetPerformanceFrequency());
    neurodrive::app::theme_clear_color(cf.clear_rgb);
#ifdef __EMSCRIPTEN__
    cf.window_keeps_frame = true;  // preserveDrawingBuffer (create_gl_context)
#endif
    const neurodrive::app::CompositorStats drawn = neurodrive::app::compositor_render(ImGui::GetDrawData(), cf);
    record_frame(p.app, drawn, std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - cpu_start).count(), ui_ms);
#ifndef __EMSCRIPTEN__
    SDL_GL_SwapWindow(p.window);  // the browser shows the canvas when the frame's callback returns
#endif
    p.app.frames += 1;
    after_frame(p, fb_w, fb_h);
}

// The GL context. In the browser a WebGL 2 context made here rather than by SDL, to ask for what SDL
// cannot: the canvas keeps its last frame (preserveDrawingBuffer), so the compositor draws only what
// changed (compositor.hpp), and no depth, stencil, alpha or multisampling (none is used).
bool create_gl_context(Platform& p) {
#ifdef __EMSCRIPTEN__
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = attrs.depth = attrs.stencil = attrs.antialias = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_TRUE;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (gl <= 0 || emscripten_webgl_make_context_current(gl) != EMSCRIPTEN_RESULT_SUCCESS) {
        std::fprintf(stderr, "neurodrive: could not create a WebGL 2 context (%d)\n", static_cast<int>(gl));
        neurodrive::app::bridge_no_webgl();
        return false;
    }
    (void)p;
#else
    p.gl = SDL_GL_CreateContext(p.window);
    if (!p.gl) {
        std::fprintf(stderr, "neurodrive: could not create an OpenGL context: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_MakeCurrent(p.window, p.gl);
    SDL_GL_SetSwapInterval(1);
#endif
    return true;
}

#ifndef __EMSCRIPTEN__
// --frames N and --screenshot FILE.ppm (the native window test); false after an error message.
bool parse_args(Platform& p, int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--frames" && i + 1 < argc) {
            p.max_frames = std::atoi(argv[++i]);
            if (p.max_frames <= 0) { std::fprintf(stderr, "neurodrive: --frames needs a whole number above 0\n"); return false; }
        } else if (arg == "--screenshot" && i + 1 < argc) {
            p.screenshot_path = argv[++i];
        } else {
            std::fprintf(stderr, "neurodrive: unknown argument '%s' (allowed: --frames N, --screenshot FILE.ppm with --frames)\n", argv[i]);
            return false;
        }
    }
    return true;
}
#endif

// SDL, the window and its GL context (WebGL 2 in the browser, sized to the canvas; OpenGL 3.3 core
// natively). Returns the GLSL version for the renderer, or nullptr after an error message.
const char* open_window(Platform& p) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "neurodrive: SDL_Init failed: %s\n", SDL_GetError());
        return nullptr;
    }
#ifdef __EMSCRIPTEN__
    const char* glsl_version = kGlslVersion;
    double css_w = 1280, css_h = 720;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const int win_w = static_cast<int>(css_w), win_h = static_cast<int>(css_h);
    const Uint32 gl_flag = 0;  // the WebGL context is made by create_gl_context, not SDL (no_sdl_gl.cpp)
#else
    const char* glsl_version = "#version 330 core";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    const int win_w = 1366, win_h = 768;
    const Uint32 gl_flag = SDL_WINDOW_OPENGL;
#endif
    p.window = SDL_CreateWindow("NeuroDrive", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, win_w, win_h,
                                gl_flag | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!p.window) {
        std::fprintf(stderr, "neurodrive: could not create a window: %s\n", SDL_GetError());
        return nullptr;
    }
    return create_gl_context(p) ? glsl_version : nullptr;
}

// Dear ImGui with SDL's input backend and the app's own renderer (gl_renderer.hpp).
bool start_imgui(Platform& p, const char* glsl_version) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is computed, nothing to save
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
    return neurodrive::app::renderer_init(glsl_version);
}

#ifdef __EMSCRIPTEN__
// The page's settings, then the browser's main loop (it outlives main()).
void run_in_browser(Platform& p) {
    // The browser environment, the URL query and the stored state apply before the first frame
    // (web_bridge.cpp reads them from the page through the heap).
    neurodrive::app::bridge_attach(&p.app);
    p.app.stats.startup.bridge_ms = now_ms();
    // The picture export draws a frame on request, then reads the canvas in the same task.
    neurodrive::app::bridge_set_draw_now([](void* user) {
        Platform& platform = *static_cast<Platform*>(user);
        platform.force_frame = true;
        frame(&platform);
    }, &p);
    emscripten_set_webglcontextlost_callback("#canvas", &p, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", &p, EM_FALSE, on_context_restored);
    emscripten_set_main_loop_arg(frame, &p, 0, false);
}
#else
void run_native(Platform& p) {
    while (p.running) frame(&p);
    neurodrive::app::compositor_shutdown();
    neurodrive::app::renderer_shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(p.gl);
    SDL_DestroyWindow(p.window);
    SDL_Quit();
}
#endif

}  // namespace

int main(int argc, char** argv) {
    static Platform p;  // static: the browser main loop outlives main()
    p.app.stats.startup.main_ms = now_ms();
#ifdef __EMSCRIPTEN__
    (void)argc;  // the page passes its settings through web_bridge.cpp, not as arguments
    (void)argv;
    // Keys go to the app only while its canvas has focus: never hijack the host page.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#else
    if (!parse_args(p, argc, argv)) return 2;
#endif
    const char* glsl_version = open_window(p);
    if (!glsl_version || !start_imgui(p, glsl_version)) return 1;
    p.app.stats.startup.gl_ms = now_ms();
    if (!neurodrive::app::init(p.app)) std::fprintf(stderr, "neurodrive: %s\n", p.app.asset_error.c_str());
    p.app.stats.startup.app_ms = now_ms();
#ifdef __EMSCRIPTEN__
    run_in_browser(p);
#else
    run_native(p);
#endif
    return 0;
}
