// main.cpp - the bare baseline page for `make bench`: SDL2 + Dear ImGui + WebGL2 showing
// ImGui::ShowDemoWindow() and nothing else. It redraws every display frame, as a normal ImGui app does,
// and keeps the same measurement hooks as NeuroDrive (src/app/main.cpp, web_bridge.cpp): a frame
// counter, CPU time per frame (steady_clock, median and p99 of the last 600), vertices, and a call to
// Module.onFirstFrames after the third drawn frame. Depends on SDL2, Dear ImGui and Emscripten only.
// ?text_vertices=N (for the bench's control run only) adds rows of text behind the demo window until the
// frame holds about N more vertices: the same demo, with NeuroDrive's amount of drawing.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <malloc.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

// The same ring of the last 600 frames as the app's FrameStats (src/app/app.hpp).
struct FrameStats {
    std::array<float, 600> cpu_ms{};  // whole frame: events, UI build, draw submission
    std::array<float, 600> ui_ms{};   // UI build only (NewFrame .. Render)
    int head = 0, count = 0;
    int vertices = 0;
    void push(float ms, float ui) {
        cpu_ms[static_cast<std::size_t>(head)] = ms;
        ui_ms[static_cast<std::size_t>(head)] = ui;
        head = (head + 1) % static_cast<int>(cpu_ms.size());
        count = std::min(count + 1, static_cast<int>(cpu_ms.size()));
    }
};

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    FrameStats stats;
    std::uint64_t frames = 0;
    bool show_demo = true;
    int text_vertices = 0;  // ?text_vertices=N: extra text behind the demo window (see above)
};

EM_JS(int, bl_query_int, (const char* name), {
    var v = new URLSearchParams(location.search).get(UTF8ToString(name));
    var n = v === null ? 0 : parseInt(v, 10);
    return n > 0 && n < 1000000 ? n : 0;
});

// Rows of text on the background draw list, about `vertices` vertices in all (4 per visible glyph).
void draw_text_load(int vertices) {
    static const char kRow[] =
        "Dopamine tone 100% typical  Norepinephrine tone 100%  Serotonin tone 100%  Thyroid hormone 100%  "
        "Cortisol 100%  Motivation 79 typical 78  Wanting 66%  Vigor 59%  Effort 97%  Focus 95%";
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const int start = dl->VtxBuffer.Size;
    float y = 4.0f;
    // At most a few thousand rows: text outside the clip rectangle adds no vertices.
    for (int row = 0; dl->VtxBuffer.Size - start < vertices && row < 4096; ++row, y += line) {
        if (y > size.y - line) y = 4.0f + 0.5f * line * static_cast<float>(row % 2);  // screen full: rows overlap
        dl->AddText(ImVec2(4.0f, y), IM_COL32(150, 160, 180, 255), kRow);
    }
}

Platform* g_platform = nullptr;
std::string g_reply;

void frame(void* arg) {
    Platform& p = *static_cast<Platform*>(arg);
    const auto cpu_start = std::chrono::steady_clock::now();
    SDL_Event e;
    while (SDL_PollEvent(&e)) ImGui_ImplSDL2_ProcessEvent(&e);
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(p.window, &w, &h);
    SDL_GL_GetDrawableSize(p.window, &fb_w, &fb_h);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    const auto ui_start = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    // Closing the demo window would leave an empty page to measure: it always comes back.
    p.show_demo = true;
#ifdef BASELINE_NO_DEMO
    // Size reference only (target baseline-nodemo): the same stack without the demo's code.
    ImGui::Begin("Dear ImGui");
    ImGui::Text("dear imgui says hello. (%s)", IMGUI_VERSION);
    ImGui::End();
#else
    ImGui::ShowDemoWindow(&p.show_demo);
#endif
    if (p.text_vertices > 0) draw_text_load(p.text_vertices);
    ImGui::Render();
    const float ui_ms = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - ui_start).count();
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.0627f, 0.0784f, 0.1098f, 1.0f);  // the app's page background (#10141c)
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    p.stats.vertices = ImGui::GetDrawData()->TotalVtxCount;
    const auto cpu_end = std::chrono::steady_clock::now();
    p.stats.push(std::chrono::duration<float, std::milli>(cpu_end - cpu_start).count(), ui_ms);
    SDL_GL_SwapWindow(p.window);
    p.frames += 1;
    if (p.frames == 3) EM_ASM({ if (Module['onFirstFrames']) Module['onFirstFrames'](); });
}

double percentile(std::vector<float> v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const double i = std::min<double>(static_cast<double>(v.size() - 1), q * static_cast<double>(v.size()));
    return static_cast<double>(v[static_cast<std::size_t>(i)]);
}

}  // namespace

extern "C" {
// The same fields as NeuroDrive's nd_stats_json (src/app/web_bridge.cpp), same percentile rule.
EMSCRIPTEN_KEEPALIVE const char* bl_stats_json() {
    if (!g_platform) return "null";
    const FrameStats& st = g_platform->stats;
    const std::vector<float> v(st.cpu_ms.begin(), st.cpu_ms.begin() + st.count);
    const std::vector<float> u(st.ui_ms.begin(), st.ui_ms.begin() + st.count);
    const struct mallinfo mi = mallinfo();
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "{\"frames\":%llu,\"cpu_ms_median\":%.4f,\"cpu_ms_p99\":%.4f,\"ui_ms_median\":%.4f,\"ui_ms_p99\":%.4f,"
                  "\"samples\":%d,\"vertices\":%d,\"heap_bytes\":%lu,\"malloc_in_use_bytes\":%d}",
                  static_cast<unsigned long long>(g_platform->frames), percentile(v, 0.5), percentile(v, 0.99),
                  percentile(u, 0.5), percentile(u, 0.99), st.count, st.vertices,
                  static_cast<unsigned long>(emscripten_get_heap_size()), mi.uordblks);
    g_reply = buf;
    return g_reply.c_str();
}
}

int main(int, char**) {
    static Platform p;  // static: the browser main loop outlives main()
    g_platform = &p;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "baseline: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    // The app's context: WebGL2 (GLES 3.0), double-buffered, canvas sized by CSS (src/app/main.cpp).
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    double css_w = 1280, css_h = 720;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    p.window = SDL_CreateWindow("Dear ImGui baseline", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                static_cast<int>(css_w), static_cast<int>(css_h),
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!p.window) {
        std::fprintf(stderr, "baseline: could not create a window: %s\n", SDL_GetError());
        return 1;
    }
    p.gl = SDL_GL_CreateContext(p.window);
    if (!p.gl) {
        std::fprintf(stderr, "baseline: could not create a WebGL2 context: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(p.window, p.gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsDark();
    ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    p.text_vertices = bl_query_int("text_vertices");
    emscripten_set_main_loop_arg(frame, &p, 0, false);
    return 0;
}
