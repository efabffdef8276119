// compositor.cpp - retained drawing (compositor.hpp). Each frame each of ImGui's draw lists (a panel, a
// child of it) is hashed, and one that drew the same as in the last frame is rendered once into a
// texture and from then on shown as one quad until its drawing changes.
// The windows' extra layers (layers.hpp) follow their window: trace plots from ring textures that get
// only their new columns drawn, Live and Top drawn directly, Above and Slow through textures (Slow
// refreshed at most every kSlowRefreshS when frames run late). Textures hold premultiplied colour and
// are drawn pixel for pixel (nearest sampling on the device pixel grid), so a retained panel looks
// exactly as if drawn directly. GL and ImGui's OpenGL3 backend only; no App.
//
// Index
//   [SECTION] GL and state
//   [SECTION] Groups, hashes and eligibility
//   [SECTION] Render targets
//   [SECTION] Trace plots
//   [SECTION] compositor_render
#include "compositor.hpp"

#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "layers.hpp"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#endif

namespace neurodrive::app {
namespace {

// [SECTION] GL and state ------------------------------------------------------------------------------------
constexpr double kSlowRefreshS = 0.1;        // late frames: Slow layers still refresh ten times a second
constexpr double kLateFrameS = 1.0 / 45.0;   // pacing starts when frames average longer than this ...
constexpr double kOnTimeFrameS = 1.0 / 55.0; // ... and stops when they average shorter than this
constexpr int kForgetAfterFrames = 600;      // a texture unused this long is deleted

struct Target {
    std::uint64_t key = 0;        // root window id and slot (0 = the window itself, 1 + layer)
    GLuint fbo = 0, tex = 0;
    int tex_w = 0, tex_h = 0;     // device pixels
    ImVec2 min, max;              // the CSS-pixel area it holds (on the device pixel grid)
    std::uint64_t hash = 0;       // the drawing it holds
    bool valid = false;
    bool broken = false;          // no complete framebuffer: drawn directly
    std::uint64_t seen_hash = 0;  // windows: the last frame's drawing (retained once it repeats)
    double rendered_s = -1e9;
    int used_frame = 0;
};

// A plot's traces in a ring texture of one column per CSS pixel (layers.hpp TracePlot): column c of the
// clock lives at texture column c mod columns.
struct DashMark { long long column; float length; };  // a dashed line's length at a column's first point
struct TraceRing {
    std::uint64_t key = 0;   // root window and plot id
    Target target;
    int columns = 0, height = 0;
    std::uint64_t style = 0;
    long long drawn_head = 0;
    bool drawn = false;
    std::vector<std::vector<DashMark>> dashes;  // per dashed series
    int used_frame = 0;
};

struct Compositor {
    std::vector<std::unique_ptr<Target>> targets;  // stable addresses: a frame's plan points into them
    std::vector<std::unique_ptr<TraceRing>> rings;
    std::unique_ptr<ImDrawList> scratch;             // a trace plot's new columns
    std::vector<std::unique_ptr<ImDrawList>> quads;  // one small list per texture shown
    int quads_used = 0;
    int frame = 0;
    double last_now_s = -1.0;
    double interval_ema_s = 1.0 / 60.0;
    bool pacing = false;
};

Compositor& comp() {
    static Compositor c;
    return c;
}

// Premultiplied colour: the texture already holds colour times coverage.
void blend_premultiplied(const ImDrawList*, const ImDrawCmd*) { glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA); }

void delete_target(Target& t) {
    if (t.fbo) glDeleteFramebuffers(1, &t.fbo);
    if (t.tex) glDeleteTextures(1, &t.tex);
    t.fbo = t.tex = 0;
    t.valid = false;
}

// [SECTION] Groups, hashes and eligibility ---------------------------------------------------------------------
std::uint64_t hash_bytes(std::uint64_t h, const void* data, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, b + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 31;
    }
    for (; i < n; ++i) h = (h ^ b[i]) * 0x100000001B3ull;
    return h;
}

std::uint64_t hash_list(std::uint64_t h, const ImDrawList* dl) {
    h = hash_bytes(h, dl->VtxBuffer.Data, static_cast<std::size_t>(dl->VtxBuffer.Size) * sizeof(ImDrawVert));
    h = hash_bytes(h, dl->IdxBuffer.Data, static_cast<std::size_t>(dl->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& c : dl->CmdBuffer) {
        const std::uintptr_t fields[] = {reinterpret_cast<std::uintptr_t>(c.TextureId), c.VtxOffset, c.IdxOffset, c.ElemCount,
                                         reinterpret_cast<std::uintptr_t>(c.UserCallback), reinterpret_cast<std::uintptr_t>(c.UserCallbackData)};
        h = hash_bytes(h, &c.ClipRect, sizeof c.ClipRect);
        h = hash_bytes(h, fields, sizeof fields);
    }
    return h;
}

int vertex_count(ImDrawList* const* lists, int n) {
    int v = 0;
    for (int i = 0; i < n; ++i) v += lists[i]->VtxBuffer.Size;
    return v;
}

// A panel can be retained when its drawing starts with an opaque background covering the whole window
// (ImGui's window background, square: four vertices): its texture is then opaque wherever it draws. A
// child window drawn over its panel can always be: its texture holds premultiplied colour, transparent
// where it draws nothing, like the layers'. Popups and tooltips come and go: never retained.
bool retainable(const ImGuiWindow* w, const ImDrawList* first) {
    if (w->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip) || (w->RootWindow->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip))) return false;
    if (first->VtxBuffer.Size == 0 || w->Size.x < 1.0f || w->Size.y < 1.0f) return false;
    if (w->Flags & ImGuiWindowFlags_ChildWindow) return true;
    if (first->VtxBuffer.Size < 4) return false;
    ImVec2 lo(1e30f, 1e30f), hi(-1e30f, -1e30f);
    for (int i = 0; i < 4; ++i) {
        const ImDrawVert& v = first->VtxBuffer[i];
        if (((v.col >> IM_COL32_A_SHIFT) & 0xFF) != 0xFF) return false;
        lo = ImVec2(std::min(lo.x, v.pos.x), std::min(lo.y, v.pos.y));
        hi = ImVec2(std::max(hi.x, v.pos.x), std::max(hi.y, v.pos.y));
    }
    return lo.x <= w->Pos.x && lo.y <= w->Pos.y && hi.x >= w->Pos.x + w->Size.x && hi.y >= w->Pos.y + w->Size.y;
}

// The area on the device pixel grid (CSS px) that covers [min, max] within the display, or an empty one.
bool device_area(ImVec2 min, ImVec2 max, ImVec2 display, ImVec2 scale, ImVec2* out_min, ImVec2* out_max) {
    min = ImVec2(std::max(min.x, 0.0f), std::max(min.y, 0.0f));
    max = ImVec2(std::min(max.x, display.x), std::min(max.y, display.y));
    if (max.x - min.x < 1.0f || max.y - min.y < 1.0f) return false;
    *out_min = ImVec2(std::floor(min.x * scale.x) / scale.x, std::floor(min.y * scale.y) / scale.y);
    *out_max = ImVec2(std::ceil(max.x * scale.x) / scale.x, std::ceil(max.y * scale.y) / scale.y);
    return true;
}

ImVec2 vertex_bounds_min(const ImDrawList* dl, ImVec2* hi) {
    ImVec2 lo(1e30f, 1e30f);
    *hi = ImVec2(-1e30f, -1e30f);
    for (const ImDrawVert& v : dl->VtxBuffer) {
        lo = ImVec2(std::min(lo.x, v.pos.x), std::min(lo.y, v.pos.y));
        *hi = ImVec2(std::max(hi->x, v.pos.x), std::max(hi->y, v.pos.y));
    }
    // Anti-aliased edges reach a pixel beyond their vertices' centre lines.
    lo = ImVec2(lo.x - 1.0f, lo.y - 1.0f);
    *hi = ImVec2(hi->x + 1.0f, hi->y + 1.0f);
    return lo;
}

// [SECTION] Render targets -----------------------------------------------------------------------------------------
Target& target(std::uint64_t key) {
    Compositor& c = comp();
    for (auto& t : c.targets) if (t->key == key) { t->used_frame = c.frame; return *t; }
    c.targets.push_back(std::make_unique<Target>());
    c.targets.back()->key = key;
    c.targets.back()->used_frame = c.frame;
    return *c.targets.back();
}

// A CSS size whose product with `scale` truncates to exactly `px` (the backend sizes the viewport so).
float css_extent(int px, float scale) {
    float css = static_cast<float>(px) / scale;
    while (static_cast<int>(css * scale) < px) css = std::nextafter(css, 1e30f);
    return css;
}

// A texture and framebuffer of w x h device pixels for t (new when the size changed, then cleared);
// false when no complete framebuffer can be made.
bool ensure_texture(Target& t, int w, int h) {
    if (w <= 0 || h <= 0 || t.broken) return false;
    if (!t.tex || t.tex_w != w || t.tex_h != h) {
        delete_target(t);
        glGenTextures(1, &t.tex);
        glBindTexture(GL_TEXTURE_2D, t.tex);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glGenFramebuffers(1, &t.fbo);
        glBindFramebuffer(GL_FRAMEBUFFER, t.fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.tex, 0);
        const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (!complete) {
            delete_target(t);
            t.broken = true;
            return false;
        }
        t.tex_w = w;
        t.tex_h = h;
        t.valid = false;
    }
    return true;
}

// Renders `lists` into t's texture for the area [min, max]; false when no framebuffer can be made.
bool render_into(Target& t, ImDrawList* const* lists, int n, ImVec2 min, ImVec2 max, ImVec2 scale) {
    const int w = static_cast<int>(std::lround((max.x - min.x) * scale.x)), h = static_cast<int>(std::lround((max.y - min.y) * scale.y));
    if (!ensure_texture(t, w, h)) return false;
    glBindFramebuffer(GL_FRAMEBUFFER, t.fbo);
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, w, h);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImDrawData dd;
    dd.Valid = true;
    dd.CmdLists = const_cast<ImDrawList**>(lists);
    dd.CmdListsCount = n;
    for (int i = 0; i < n; ++i) {
        dd.TotalVtxCount += lists[i]->VtxBuffer.Size;
        dd.TotalIdxCount += lists[i]->IdxBuffer.Size;
    }
    dd.DisplayPos = min;
    dd.DisplaySize = ImVec2(css_extent(w, scale.x), css_extent(h, scale.y));
    dd.FramebufferScale = scale;
    ImGui_ImplOpenGL3_RenderDrawData(&dd);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    t.min = min;
    t.max = max;
    t.valid = true;
    return true;
}

// A quad showing the part [u0, u1] x [v0, v1] of a texture at [min, max], pixel for pixel, within `clip`.
ImDrawList* quad(GLuint texture, ImVec2 min, ImVec2 max, ImVec2 uv0, ImVec2 uv1, ImVec4 clip) {
    Compositor& c = comp();
    if (c.quads_used == static_cast<int>(c.quads.size())) c.quads.push_back(std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData()));
    ImDrawList* q = c.quads[static_cast<std::size_t>(c.quads_used++)].get();
    q->_ResetForNewFrame();
    q->_OwnerName = "retained";
    const ImTextureID tex = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture));
    q->PushClipRect(ImVec2(std::max(min.x, clip.x), std::max(min.y, clip.y)), ImVec2(std::min(max.x, clip.z), std::min(max.y, clip.w)));
    q->PushTextureID(tex);
    q->AddCallback(blend_premultiplied, nullptr);
    q->AddImage(tex, min, max, uv0, uv1);
    q->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    q->_PopUnusedDrawCmd();
    return q;
}

// A quad showing t's texture (GL textures start at the bottom row).
ImDrawList* quad_of(const Target& t) { return quad(t.tex, t.min, t.max, ImVec2(0.0f, 1.0f), ImVec2(1.0f, 0.0f), ImVec4(t.min.x, t.min.y, t.max.x, t.max.y)); }

// [SECTION] Trace plots ---------------------------------------------------------------------------------------------
// Each frame the columns from a little behind the last newest one to the new newest are cleared and
// drawn again from the plot's points (a thick line reaches kTraceRedraw columns back), with points a
// little further back for the lines' continuity; the rest of the ring is kept.
constexpr long long kTraceRedraw = 3;

long long floor_div(long long a, long long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// A polyline as dashes of `dash` px with gaps as long, `start` px into the pattern; the length at each
// column's first point goes into `marks`, so the next frame's columns continue the pattern.
void dashed_trace(ImDrawList* dl, const std::vector<ImVec2>& pts, const std::vector<long long>& cols, ImU32 col, float thickness, float dash, float start,
                  std::vector<DashMark>* marks) {
    float along = start;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        if (i == 0 || cols[i] != cols[i - 1]) {
            const auto it = std::find_if(marks->begin(), marks->end(), [&](const DashMark& m) { return m.column == cols[i]; });
            if (it == marks->end()) marks->push_back({cols[i], along}); else it->length = along;
        }
        if (i > 0) along += add_dashed_segment(dl, pts[i - 1], pts[i], along, col, thickness, dash);
    }
}

// Draws columns [from, head] of plot p into its ring (cleared there first); returns the vertices drawn.
int draw_trace_columns(TraceRing& r, const TracePlot& p, long long from, long long head, ImVec2 scale) {
    Compositor& c = comp();
    if (!c.scratch) c.scratch = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    ImDrawList* dl = c.scratch.get();
    dl->_ResetForNewFrame();
    dl->PushTextureID(ImGui::GetIO().Fonts->TexID);
    dl->PushClipRect(ImVec2(-1e6f, -1e6f), ImVec2(1e6f, 1e6f));
    const long long base = from - 2 * kTraceRedraw;  // the list's x is the column less base: small numbers
    r.dashes.resize(p.series.size());
    for (std::size_t s = 0; s < p.series.size(); ++s) {
        const TraceSeries& ser = p.series[s];
        std::vector<ImVec2> pts;
        std::vector<long long> cols;
        for (const ImVec2& q : ser.points) {
            const long long col = p.first + static_cast<long long>(std::floor(q.x));
            if (col < base || col > head) continue;
            pts.emplace_back(static_cast<float>(p.first - base) + q.x, q.y);
            cols.push_back(col);
        }
        if (pts.size() < 2) continue;
        if (!ser.dashed) {
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), ser.color, 0, ser.thickness);
            continue;
        }
        std::vector<DashMark>& marks = r.dashes[s];
        const auto it = std::find_if(marks.begin(), marks.end(), [&](const DashMark& m) { return m.column == cols.front(); });
        dashed_trace(dl, pts, cols, ser.color, ser.thickness, 6.0f, it == marks.end() ? 0.0f : it->length, &marks);
        marks.erase(std::remove_if(marks.begin(), marks.end(), [&](const DashMark& m) { return m.column < p.first - 2 * kTraceRedraw; }), marks.end());
    }
    dl->_PopUnusedDrawCmd();
    const int h = r.target.tex_h;
    glBindFramebuffer(GL_FRAMEBUFFER, r.target.fbo);
    glViewport(0, 0, r.target.tex_w, h);
    const long long n = r.columns;
    for (long long k = floor_div(from, n); k <= floor_div(head, n); ++k) {  // twice when the range wraps
        const long long c0 = std::max(from, k * n), c1 = std::min(head, (k + 1) * n - 1);
        const float x0 = static_cast<float>(c0 - k * n), x1 = static_cast<float>(c1 + 1 - k * n);
        glEnable(GL_SCISSOR_TEST);
        glScissor(static_cast<GLint>(std::lround(x0 * scale.x)), 0, static_cast<GLsizei>(std::lround((x1 - x0) * scale.x)), h);
        glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
        if (dl->VtxBuffer.Size == 0) continue;
        const float shift = static_cast<float>(k * n - base);  // the list's x of texture column 0
        for (ImDrawCmd& cmd : dl->CmdBuffer) cmd.ClipRect = ImVec4(shift + x0, -1e6f, shift + x1, 1e6f);
        ImDrawList* lists[] = {dl};
        ImDrawData dd;
        dd.Valid = true;
        dd.CmdLists = lists;
        dd.CmdListsCount = 1;
        dd.TotalVtxCount = dl->VtxBuffer.Size;
        dd.TotalIdxCount = dl->IdxBuffer.Size;
        dd.DisplayPos = ImVec2(shift, 0.0f);
        dd.DisplaySize = ImVec2(css_extent(r.target.tex_w, scale.x), css_extent(h, scale.y));
        dd.FramebufferScale = scale;
        ImGui_ImplOpenGL3_RenderDrawData(&dd);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return dl->VtxBuffer.Size;
}

TraceRing& ring(std::uint64_t key) {
    Compositor& c = comp();
    for (auto& r : c.rings) if (r->key == key) { r->used_frame = c.frame; return *r; }
    c.rings.push_back(std::make_unique<TraceRing>());
    c.rings.back()->key = key;
    c.rings.back()->used_frame = c.frame;
    return *c.rings.back();
}

// Brings the plot's ring up to date (all of it when its look, size or clock changed) and appends the
// quads that show its columns (two when they wrap around the ring). Returns the vertices drawn into it.
int show_trace_plot(ImGuiID root, const TracePlotEntry& e, ImVec2 scale, std::vector<ImDrawList*>* out) {
    const TracePlot& p = e.plot;
    if (p.columns <= 0 || p.height <= 0) return 0;
    TraceRing& r = ring((static_cast<std::uint64_t>(root) << 32) ^ e.id);
    const long long head = p.first + p.columns - 1;
    const int w = static_cast<int>(std::lround(static_cast<float>(p.columns) * scale.x)), h = static_cast<int>(std::lround(static_cast<float>(p.height) * scale.y));
    if (!ensure_texture(r.target, w, h)) return 0;
    const bool whole = !r.target.valid || !r.drawn || r.style != p.style || r.columns != p.columns || r.height != p.height || head < r.drawn_head || head - r.drawn_head >= p.columns;
    r.columns = p.columns;
    r.height = p.height;
    r.style = p.style;
    if (whole) r.dashes.clear();
    const long long from = whole ? p.first : std::max(p.first, r.drawn_head - kTraceRedraw);
    const int drawn = draw_trace_columns(r, p, from, head, scale);
    r.target.valid = true;
    r.drawn = true;
    r.drawn_head = head;
    const long long n = p.columns;
    for (long long k = floor_div(p.first, n); k <= floor_div(head, n); ++k) {
        const long long c0 = std::max(p.first, k * n), c1 = std::min(head, (k + 1) * n - 1);
        const float u0 = static_cast<float>(c0 - k * n) / static_cast<float>(n), u1 = static_cast<float>(c1 + 1 - k * n) / static_cast<float>(n);
        const ImVec2 a(p.min.x + static_cast<float>(c0 - p.first), p.min.y), b(p.min.x + static_cast<float>(c1 + 1 - p.first), p.min.y + static_cast<float>(p.height));
        out->push_back(quad(r.target.tex, a, b, ImVec2(u0, 1.0f), ImVec2(u1, 0.0f), e.clip));
    }
    return drawn;
}

// One entry of the frame: lists drawn directly, or a texture (rendered first when `render`).
struct Item {
    std::vector<ImDrawList*> lists;
    Target* target = nullptr;     // shown from this texture
    bool render = false;          // ... rendered this frame
    bool slow = false;            // a Slow layer (pacing may keep its texture one more frame)
    std::uint64_t hash = 0;
    ImVec2 min, max;
};

}  // namespace

// [SECTION] compositor_render --------------------------------------------------------------------------------------
CompositorStats compositor_render(ImDrawData* data, const CompositorFrame& frame) {
    Compositor& c = comp();
    ++c.frame;
    c.quads_used = 0;
    CompositorStats st;
    // Pacing: how late frames run, smoothed (an idle pause between frames counts as one late frame).
    if (c.last_now_s >= 0.0) {
        const double dt = std::min(frame.now_s - c.last_now_s, 0.1);
        c.interval_ema_s += (dt - c.interval_ema_s) * 0.1;
    }
    c.last_now_s = frame.now_s;
    if (c.interval_ema_s > kLateFrameS) c.pacing = true;
    if (c.interval_ema_s < kOnTimeFrameS) c.pacing = false;
    st.pacing = c.pacing;

    const ImVec2 scale = data->FramebufferScale, display = data->DisplaySize;
    ImGuiContext& g = *GImGui;
    auto owner = [&](const ImDrawList* dl) -> ImGuiWindow* {
        for (ImGuiWindow* w : g.Windows) if (w->DrawList == dl) return w;
        return nullptr;
    };

    // Plan: the frame's entries in drawing order.
    std::vector<Item> items;
    for (int i = 0; i < data->CmdListsCount;) {
        ImGuiWindow* w = owner(data->CmdLists[i]);
        ImGuiWindow* root = w ? w->RootWindow : nullptr;
        Item group;
        while (i < data->CmdListsCount) {
            ImGuiWindow* wi = owner(data->CmdLists[i]);
            if (!group.lists.empty() && (!root || !wi || wi->RootWindow != root)) break;
            group.lists.push_back(data->CmdLists[i++]);
        }
        // The window and each of its children: retained once it draws the same twice in a row (a child
        // whose text changes - the narration - does not keep its panel from being retained).
        for (ImDrawList* dl : group.lists) {
            Item it;
            it.lists.push_back(dl);
            ImGuiWindow* wi = owner(dl);
            const int vtx = dl->VtxBuffer.Size;
            if (!wi || !retainable(wi, dl) || !device_area(wi->Pos, ImVec2(wi->Pos.x + wi->Size.x, wi->Pos.y + wi->Size.y), display, scale, &it.min, &it.max)) {
                st.vertices_steady += vtx;
                items.push_back(std::move(it));
                continue;
            }
            it.hash = hash_list(hash_bytes(0xcbf29ce484222325ull, &scale, sizeof scale), dl);
            Target& t = target(static_cast<std::uint64_t>(wi->ID) << 3);
            if (!t.broken && t.valid && t.hash == it.hash && t.min.x == it.min.x && t.min.y == it.min.y && t.max.x == it.max.x && t.max.y == it.max.y) {
                it.target = &t;
            } else if (!t.broken && t.seen_hash == it.hash) {
                it.target = &t;
                it.render = true;
            }
            st.vertices_steady += !t.broken && t.seen_hash == it.hash ? 4 : vtx;
            t.seen_hash = it.hash;
            items.push_back(std::move(it));
        }
        if (!root) continue;
        // Its trace plots: the new columns drawn into their rings, the rest shown from them.
        for (const TracePlotEntry* e : trace_plots_of_window(root->ID)) {
            Item it;
            const int drawn = show_trace_plot(root->ID, *e, scale, &it.lists);
            st.vertices += drawn;
            st.vertices_steady += drawn + 4 * static_cast<int>(it.lists.size());
            items.push_back(std::move(it));
        }
        // Its extra layers, in order.
        for (int k = 0; k < kLayerCount; ++k) {
            const Layer layer = static_cast<Layer>(k);
            ImDrawList* dl = layer_of_window(root->ID, layer);
            if (!dl) continue;
            Item it;
            it.lists.push_back(dl);
            const int vtx = dl->VtxBuffer.Size;
            const bool textured = layer == Layer::Above || layer == Layer::Slow;
            ImVec2 hi;
            const ImVec2 lo = vertex_bounds_min(dl, &hi);
            if (textured && device_area(ImMax(lo, root->Pos), ImMin(hi, ImVec2(root->Pos.x + root->Size.x, root->Pos.y + root->Size.y)), display, scale, &it.min, &it.max)) {
                Target& t = target((static_cast<std::uint64_t>(root->ID) << 3) | static_cast<std::uint64_t>(1 + k));
                it.hash = hash_list(hash_bytes(0x84222325cbf29ce4ull, &scale, sizeof scale), dl);
                it.target = t.broken ? nullptr : &t;
                it.slow = it.target && layer == Layer::Slow;
                it.render = !(t.valid && t.hash == it.hash && t.min.x == it.min.x && t.min.y == it.min.y && t.max.x == it.max.x && t.max.y == it.max.y);
                st.vertices_steady += !it.target ? vtx : t.seen_hash == it.hash ? 4 : vtx + 4;
                t.seen_hash = it.hash;
            } else {
                st.vertices_steady += vtx;
            }
            items.push_back(std::move(it));
        }
    }

    // Late frames: at most one changed Slow layer refreshes per frame, unless it has waited kSlowRefreshS.
    if (c.pacing) {
        Item* oldest = nullptr;
        for (Item& it : items) {
            if (!it.slow || !it.render || !it.target->valid) continue;
            if (frame.now_s - it.target->rendered_s >= kSlowRefreshS) continue;
            it.render = false;  // keep the texture for now ...
            if (!oldest || it.target->rendered_s < oldest->target->rendered_s) oldest = &it;
        }
        bool due = false;
        for (Item& it : items) due = due || (it.slow && it.render);
        if (oldest && !due) oldest->render = true;  // ... except the longest-waiting one when no other refreshes
        for (Item& it : items) {
            if (!it.slow || it.render || it.target->hash == it.hash) continue;
            ++st.slow_stale;
            st.slow_stale_s = std::max(st.slow_stale_s, frame.now_s - it.target->rendered_s);
        }
    }

    // Textures first, then the frame.
    for (Item& it : items) {
        if (!it.target || !it.render) continue;
        if (render_into(*it.target, it.lists.data(), static_cast<int>(it.lists.size()), it.min, it.max, scale)) {
            it.target->hash = it.hash;
            it.target->rendered_s = frame.now_s;
            st.vertices += vertex_count(it.lists.data(), static_cast<int>(it.lists.size()));
            ++st.textures_rendered;
        } else {
            it.target = nullptr;
        }
    }
    std::vector<ImDrawList*> out;
    for (Item& it : items) {
        if (it.target && it.target->valid) {
            out.push_back(quad_of(*it.target));
            ++st.textures_shown;
        } else {
            out.insert(out.end(), it.lists.begin(), it.lists.end());
        }
    }
    ImDrawData composed = *data;
    composed.CmdLists = out.data();
    composed.CmdListsCount = static_cast<int>(out.size());
    composed.TotalVtxCount = composed.TotalIdxCount = 0;
    for (ImDrawList* dl : out) {
        composed.TotalVtxCount += dl->VtxBuffer.Size;
        composed.TotalIdxCount += dl->IdxBuffer.Size;
    }
    st.vertices += composed.TotalVtxCount;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, frame.fb_w, frame.fb_h);
    glClearColor(frame.clear_rgb[0], frame.clear_rgb[1], frame.clear_rgb[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(&composed);

    // Textures of windows gone for a while are deleted.
    for (auto& t : c.targets) if (c.frame - t->used_frame > kForgetAfterFrames) delete_target(*t);
    c.targets.erase(std::remove_if(c.targets.begin(), c.targets.end(), [&](const auto& t) { return c.frame - t->used_frame > kForgetAfterFrames; }), c.targets.end());
    for (auto& r : c.rings) if (c.frame - r->used_frame > kForgetAfterFrames) delete_target(r->target);
    c.rings.erase(std::remove_if(c.rings.begin(), c.rings.end(), [&](const auto& r) { return c.frame - r->used_frame > kForgetAfterFrames; }), c.rings.end());
    return st;
}

void compositor_forget() {
    // The context's objects are gone with it: drop every target, ring and list (nothing to delete).
    Compositor& c = comp();
    c.targets.clear();
    c.rings.clear();
    c.scratch.reset();
    c.quads.clear();
    c.quads_used = 0;
}

void compositor_shutdown() {
    for (auto& t : comp().targets) delete_target(*t);
    for (auto& r : comp().rings) delete_target(r->target);
    comp().targets.clear();
    comp().rings.clear();
}

}  // namespace neurodrive::app
