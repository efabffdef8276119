// compositor.cpp - retained drawing (compositor.hpp). The frame is kept in a texture the size of the
// window (the screen), and each frame only the areas where something changed are redrawn into it, then
// it is copied to the window. To know what changed, each of ImGui's draw lists (a panel, a child of it,
// a layer) is hashed and compared with the last frame's.
// Inside a redrawn area every entry that reaches it is drawn again, in order; a panel that drew the same
// as in the last frame comes from a texture it was rendered into once (one quad instead of its
// vertices). The windows' extra layers (layers.hpp) follow their window: trace plots from ring textures
// that get only their new columns drawn, Live and Top drawn directly, Above and Slow through textures
// (Slow refreshed at most every kSlowRefreshS when frames run late). Textures hold premultiplied colour
// and are drawn pixel for pixel (nearest sampling on the device pixel grid), so a retained panel looks
// exactly as if drawn directly. GL and ImGui only (gl_renderer.hpp draws); no App.
//
// Index
//   [SECTION] GL and state
//   [SECTION] Groups, hashes and eligibility
//   [SECTION] Render targets
//   [SECTION] Trace plots
//   [SECTION] The frame's plan
//   [SECTION] What changed
//   [SECTION] Drawing
//   [SECTION] compositor_render
#include "compositor.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "gl.hpp"
#include "gl_renderer.hpp"
#include "layers.hpp"

namespace neurodrive::app {
namespace {

// [SECTION] GL and state ------------------------------------------------------------------------------------
constexpr double kSlowRefreshS = 0.1;        // late frames: Slow layers still refresh ten times a second
constexpr double kLateFrameS = 1.0 / 45.0;   // pacing starts when frames average longer than this ...
constexpr double kOnTimeFrameS = 1.0 / 55.0; // ... and stops when they average shorter than this
constexpr int kForgetAfterFrames = 600;      // a texture unused this long is deleted
// A window is rendered into a texture once it has drawn the same this many frames in a row: until then
// its changed tiles are drawn from its lists (rendering a texture shades the whole window; start-up's
// first frames, whose panels settle, then draw no texture).
constexpr int kRetainAfterFrames = 3;

struct Target {
    std::uint64_t key = 0;        // root window id and slot (0 = the window itself, 1 + layer)
    GLuint fbo = 0, tex = 0;
    int tex_w = 0, tex_h = 0;     // device pixels
    ImVec2 min, max;              // the CSS-pixel area it holds (on the device pixel grid)
    std::uint64_t hash = 0;       // the drawing it holds
    bool valid = false;
    bool broken = false;          // no complete framebuffer: drawn directly
    std::uint64_t seen_hash = 0;  // windows: the last frame's drawing ...
    int seen_frames = 0;          // ... and for how many frames in a row (retained from kRetainAfterFrames)
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

// What an entry of the frame's plan (below) draws in each tile of the screen it reaches: (tile, hash of
// what it draws there, in order), sorted by tile. Where the hashes differ from the last frame's, the
// screen must be drawn again.
using TileHashes = std::vector<std::pair<int, std::uint64_t>>;
// What the last frame showed of one entry: the screen keeps it.
struct Shown { std::uint64_t key = 0; TileHashes tiles; };

struct Compositor {
    Target screen;                                 // the whole frame, kept: only what changed is redrawn
    std::vector<Shown> last;                       // the last frame's entries
    std::array<float, 3> clear_rgb{};
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

constexpr float kTransparent[4] = {0.0f, 0.0f, 0.0f, 0.0f};

void delete_target(Target& t) {
    renderer_delete_target(t.tex, t.fbo);
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
// The entry of `all` (targets, rings) with `key`, made when there is none; marked used this frame.
template <class T>
T& used(std::vector<std::unique_ptr<T>>& all, std::uint64_t key) {
    const int frame = comp().frame;
    for (auto& t : all) if (t->key == key) { t->used_frame = frame; return *t; }
    all.push_back(std::make_unique<T>());
    all.back()->key = key;
    all.back()->used_frame = frame;
    return *all.back();
}

Target& target(std::uint64_t key) { return used(comp().targets, key); }

// A texture and framebuffer of w x h device pixels for t (new when the size changed); false when none
// can be made. The framebuffer's status is not asked for: an RGBA8 texture within the GL's largest size
// is always a complete colour attachment (OpenGL ES 3.0, 4.4.4), and asking would make the page wait
// for the GPU process to finish everything drawn so far.
bool ensure_texture(Target& t, int w, int h) {
    if (w <= 0 || h <= 0 || t.broken) return false;
    if (w > renderer_max_texture_px() || h > renderer_max_texture_px()) {
        t.broken = true;
        return false;
    }
    if (!t.tex || t.tex_w != w || t.tex_h != h) {
        delete_target(t);
        renderer_make_target(w, h, &t.tex, &t.fbo);
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
    renderer_clear(t.fbo, 0, 0, w, h, kTransparent);
    DrawTarget to;
    to.fbo = t.fbo;
    to.width_px = w;
    to.height_px = h;
    to.origin = min;
    to.scale = scale;
    renderer_draw(lists, n, to);
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
    q->AddCallback(renderer_blend_premultiplied, nullptr);
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
    const long long n = r.columns;
    for (long long k = floor_div(from, n); k <= floor_div(head, n); ++k) {  // twice when the range wraps
        const long long c0 = std::max(from, k * n), c1 = std::min(head, (k + 1) * n - 1);
        const float x0 = static_cast<float>(c0 - k * n), x1 = static_cast<float>(c1 + 1 - k * n);
        renderer_clear(r.target.fbo, static_cast<int>(std::lround(x0 * scale.x)), 0, static_cast<int>(std::lround((x1 - x0) * scale.x)), h, kTransparent);
        if (dl->VtxBuffer.Size == 0) continue;
        const float shift = static_cast<float>(k * n - base);  // the list's x of texture column 0
        for (ImDrawCmd& cmd : dl->CmdBuffer) cmd.ClipRect = ImVec4(shift + x0, -1e6f, shift + x1, 1e6f);
        ImDrawList* lists[] = {dl};
        DrawTarget to;
        to.fbo = r.target.fbo;
        to.width_px = r.target.tex_w;
        to.height_px = h;
        to.origin = ImVec2(shift, 0.0f);
        to.scale = scale;
        renderer_draw(lists, 1, to);
    }
    return dl->VtxBuffer.Size;
}

TraceRing& ring(std::uint64_t key) { return used(comp().rings, key); }

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

// [SECTION] The frame's plan ----------------------------------------------------------------------------------------
// One entry of the frame, in drawing order: lists drawn directly, or a texture.
struct Item {
    std::uint64_t key = 0;          // what it is (window, layer, plot), the same from frame to frame
    std::vector<ImDrawList*> lists;
    Target* target = nullptr;       // shown from this texture ...
    bool render = false;            // ... which must be rendered first (when the frame redraws its area)
    bool slow = false;              // a Slow layer (pacing may keep its texture one more frame)
    std::uint64_t hash = 0;         // what it draws this frame
    std::uint64_t shown = 0;        // what the screen shows of it: `hash`, or a paced Slow layer's older picture
    ImVec2 min, max;                // the texture's area (CSS px on the device pixel grid)
    ImVec4 area;                    // where it draws (CSS px)
    TileHashes tiles;               // what it draws where (the screen changes where these change)
};

constexpr std::uint64_t kTraceKey = 1ull << 63, kLooseKey = 1ull << 62;  // plots; lists of no window

ImVec4 cut(const ImVec4& a, const ImVec4& b) { return ImVec4(std::max(a.x, b.x), std::max(a.y, b.y), std::min(a.z, b.z), std::min(a.w, b.w)); }
ImVec4 join(const ImVec4& a, const ImVec4& b) { return ImVec4(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.z, b.z), std::max(a.w, b.w)); }
bool is_empty(const ImVec4& r) { return r.z <= r.x || r.w <= r.y; }
float area_of(const ImVec4& r) { return is_empty(r) ? 0.0f : (r.z - r.x) * (r.w - r.y); }
const ImVec4 kNothing(1e30f, 1e30f, -1e30f, -1e30f);

// [SECTION] Tiles: what each entry draws where
constexpr float kTilePx = 32.0f;  // CSS px: the grain at which changes are found (and redrawn)

// Sums what one entry draws into the tiles it reaches, in drawing order.
struct TileSums {
    int cols = 0, rows = 0;
    std::vector<std::uint64_t> sum;  // per tile; 0 = not reached
    int lo = 1 << 30, hi = -1;       // the range of tiles reached
    explicit TileSums(ImVec2 display)
        : cols(std::max(1, static_cast<int>(std::ceil(display.x / kTilePx)))), rows(std::max(1, static_cast<int>(std::ceil(display.y / kTilePx)))),
          sum(static_cast<std::size_t>(cols * rows), 0) {}
    // Something drawn within `box` (CSS px), identified by `h`.
    void add(const ImVec4& box, std::uint64_t h) {
        if (is_empty(box)) return;
        const int x0 = std::clamp(static_cast<int>(std::floor(box.x / kTilePx)), 0, cols - 1), x1 = std::clamp(static_cast<int>(std::floor(box.z / kTilePx)), 0, cols - 1);
        const int y0 = std::clamp(static_cast<int>(std::floor(box.y / kTilePx)), 0, rows - 1), y1 = std::clamp(static_cast<int>(std::floor(box.w / kTilePx)), 0, rows - 1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                std::uint64_t& t = sum[static_cast<std::size_t>(y * cols + x)];
                lo = std::min(lo, y * cols + x);
                hi = std::max(hi, y * cols + x);
                t = ((t ^ h) * 0x9E3779B97F4A7C15ull) | 1u;
            }
    }
    // The tiles reached, in order, and the sums cleared for the next entry.
    TileHashes take() {
        TileHashes out;
        for (int t = lo; t <= hi; ++t) {
            std::uint64_t& v = sum[static_cast<std::size_t>(t)];
            if (v) out.emplace_back(t, v);
            v = 0;
        }
        lo = 1 << 30;
        hi = -1;
        return out;
    }
};

// A list's triangles into the tiles they reach (each with its command's texture and clip rectangle). Each
// command's clip rectangle then shrinks to what its triangles touch (the same pixels are drawn), so a pass
// skips the commands, and the lists, that draw nothing inside it.
void add_list(TileSums& sums, ImDrawList* dl, std::uint64_t salt) {
    for (ImDrawCmd& cmd : dl->CmdBuffer) {
        if (cmd.UserCallback) { salt = hash_bytes(salt, &cmd.UserCallback, sizeof cmd.UserCallback); continue; }
        const ImTextureID tex = cmd.TextureId;
        const std::uint64_t h_cmd = hash_bytes(hash_bytes(salt, &cmd.ClipRect, sizeof cmd.ClipRect), &tex, sizeof tex);
        ImVec4 reached = kNothing;
        for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
            const ImDrawVert* v[3];
            ImVec4 box = kNothing;
            std::uint64_t h = h_cmd;
            for (int k = 0; k < 3; ++k) {
                v[k] = &dl->VtxBuffer[static_cast<int>(cmd.VtxOffset + dl->IdxBuffer[static_cast<int>(cmd.IdxOffset + i) + k])];
                box = join(box, ImVec4(v[k]->pos.x, v[k]->pos.y, v[k]->pos.x, v[k]->pos.y));
                h = hash_bytes(h, v[k], sizeof(ImDrawVert));
            }
            // The pixels a triangle touches: a pixel beyond its vertices, within its clip rectangle.
            const ImVec4 touched = cut(ImVec4(box.x - 1.0f, box.y - 1.0f, box.z + 1.0f, box.w + 1.0f), cmd.ClipRect);
            sums.add(touched, h);
            if (!is_empty(touched)) reached = join(reached, touched);
        }
        cmd.ClipRect = is_empty(reached) ? ImVec4(cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.x, cmd.ClipRect.y) : reached;
    }
}

// Where a list draws: its vertices' bounds within its commands' clip rectangles.
ImVec4 list_area(const ImDrawList* dl) {
    if (dl->VtxBuffer.Size == 0) return kNothing;
    ImVec2 hi;
    const ImVec2 lo = vertex_bounds_min(dl, &hi);
    ImVec4 clips = kNothing;
    for (const ImDrawCmd& cmd : dl->CmdBuffer) if (!cmd.UserCallback && cmd.ElemCount > 0) clips = join(clips, cmd.ClipRect);
    return cut(ImVec4(lo.x, lo.y, hi.x, hi.y), clips);
}

// A window's or child's own list: retained once it has drawn the same kRetainAfterFrames frames in a row
// (a child whose text changes - the narration - does not keep its panel from being retained).
Item window_item(ImDrawList* dl, ImGuiWindow* w, std::uint64_t loose_key, ImVec2 display, ImVec2 scale, TileSums& sums) {
    Item it;
    it.lists.push_back(dl);
    it.area = list_area(dl);
    it.hash = hash_list(hash_bytes(0xcbf29ce484222325ull, &scale, sizeof scale), dl);
    add_list(sums, dl, 0xcbf29ce484222325ull);
    it.tiles = sums.take();
    it.key = w ? static_cast<std::uint64_t>(w->ID) << 3 : kLooseKey | loose_key;
    if (!w || !retainable(w, dl) || !device_area(w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y), display, scale, &it.min, &it.max)) return it;
    Target& t = target(it.key);
    t.seen_frames = t.seen_hash == it.hash ? std::min(t.seen_frames + 1, kRetainAfterFrames) : 1;
    if (!t.broken && t.seen_frames >= kRetainAfterFrames) {
        it.target = &t;
        it.render = !(t.valid && t.hash == it.hash && t.min.x == it.min.x && t.min.y == it.min.y && t.max.x == it.max.x && t.max.y == it.max.y);
    }
    t.seen_hash = it.hash;
    return it;
}

// A window's extra layer: Above through a texture once it has drawn the same kRetainAfterFrames frames in
// a row, Slow through one while frames run late (pacing keeps its older picture there), Live and Top
// drawn directly.
Item layer_item(ImGuiWindow* root, Layer layer, ImDrawList* dl, ImVec2 display, ImVec2 scale, bool pacing, TileSums& sums) {
    Item it;
    it.lists.push_back(dl);
    it.key = (static_cast<std::uint64_t>(root->ID) << 3) | static_cast<std::uint64_t>(1 + static_cast<int>(layer));
    it.area = list_area(dl);
    it.hash = hash_list(hash_bytes(0x84222325cbf29ce4ull, &scale, sizeof scale), dl);
    add_list(sums, dl, 0x84222325cbf29ce4ull);
    it.tiles = sums.take();
    ImVec2 hi;
    const ImVec2 lo = vertex_bounds_min(dl, &hi);
    if ((layer != Layer::Above && layer != Layer::Slow) ||
        !device_area(ImMax(lo, root->Pos), ImMin(hi, ImVec2(root->Pos.x + root->Size.x, root->Pos.y + root->Size.y)), display, scale, &it.min, &it.max))
        return it;
    Target& t = target(it.key);
    t.seen_frames = t.seen_hash == it.hash ? std::min(t.seen_frames + 1, kRetainAfterFrames) : 1;
    t.seen_hash = it.hash;
    if (t.broken || (layer == Layer::Above && t.seen_frames < kRetainAfterFrames) || (layer == Layer::Slow && !pacing)) return it;
    it.target = &t;
    it.slow = layer == Layer::Slow;
    it.render = !(t.valid && t.hash == it.hash && t.min.x == it.min.x && t.min.y == it.min.y && t.max.x == it.max.x && t.max.y == it.max.y);
    return it;
}

// A trace plot: its ring brought up to date (only the new columns drawn) and the quads that show it.
// Its tiles: the plot's frame (every tile changes when it scrolls or changes look) and each segment of
// each trace.
Item trace_item(ImGuiWindow* root, const TracePlotEntry& e, ImVec2 scale, TileSums& sums, CompositorStats* st) {
    Item it;
    it.key = kTraceKey | (static_cast<std::uint64_t>(root->ID) << 24) | e.id;
    st->vertices += show_trace_plot(root->ID, e, scale, &it.lists);
    const TracePlot& p = e.plot;
    it.area = cut(ImVec4(p.min.x, p.min.y - 2.0f, p.min.x + static_cast<float>(p.columns), p.min.y + static_cast<float>(p.height) + 2.0f), e.clip);
    std::uint64_t frame = hash_bytes(hash_bytes(0x9ae16a3b2f90404full, &p.min, sizeof p.min), &p.first, sizeof p.first);
    frame = hash_bytes(hash_bytes(hash_bytes(frame, &p.style, sizeof p.style), &p.columns, sizeof p.columns), &p.height, sizeof p.height);
    sums.add(it.area, frame);
    it.hash = frame;
    for (const TraceSeries& ser : p.series) {
        const std::uint64_t look = hash_bytes(hash_bytes(frame, &ser.color, sizeof ser.color), &ser.thickness, sizeof ser.thickness);
        for (std::size_t i = 1; i < ser.points.size(); ++i) {
            const ImVec2 a(p.min.x + ser.points[i - 1].x, p.min.y + ser.points[i - 1].y), b(p.min.x + ser.points[i].x, p.min.y + ser.points[i].y);
            const float r = ser.thickness + 1.0f;
            const ImVec4 box(std::min(a.x, b.x) - r, std::min(a.y, b.y) - r, std::max(a.x, b.x) + r, std::max(a.y, b.y) + r);
            sums.add(cut(box, it.area), hash_bytes(hash_bytes(look, &a, sizeof a), &b, sizeof b));
        }
        it.hash = hash_bytes(it.hash, ser.points.data(), ser.points.size() * sizeof(ImVec2));
    }
    it.tiles = sums.take();
    return it;
}

ImGuiWindow* owner(const ImDrawList* dl) {
    for (ImGuiWindow* w : GImGui->Windows) if (w->DrawList == dl) return w;
    return nullptr;
}

// The frame's entries in drawing order: each root window's lists, then its plots and layers.
std::vector<Item> plan(ImDrawData* data, TileSums& sums, CompositorStats* st) {
    const ImVec2 scale = data->FramebufferScale, display = data->DisplaySize;
    std::vector<Item> items;
    std::uint64_t loose = 0;
    for (int i = 0; i < data->CmdListsCount;) {
        ImGuiWindow* root = owner(data->CmdLists[i]) ? owner(data->CmdLists[i])->RootWindow : nullptr;
        do {
            ImGuiWindow* w = owner(data->CmdLists[i]);
            items.push_back(window_item(data->CmdLists[i++], w, loose++, display, scale, sums));
        } while (root && i < data->CmdListsCount && owner(data->CmdLists[i]) && owner(data->CmdLists[i])->RootWindow == root);
        if (!root) continue;
        for (const TracePlotEntry* e : trace_plots_of_window(root->ID)) items.push_back(trace_item(root, *e, scale, sums, st));
        for (int k = 0; k < kLayerCount; ++k)
            if (ImDrawList* dl = layer_of_window(root->ID, static_cast<Layer>(k))) items.push_back(layer_item(root, static_cast<Layer>(k), dl, display, scale, st->pacing, sums));
    }
    return items;
}

// Late frames: at most one changed Slow layer refreshes per frame, unless it has waited kSlowRefreshS.
void pace_slow_layers(std::vector<Item>& items, double now_s, CompositorStats* st) {
    Item* oldest = nullptr;
    for (Item& it : items) {
        if (!it.slow || !it.render || !it.target->valid) continue;
        if (now_s - it.target->rendered_s >= kSlowRefreshS) continue;
        it.render = false;  // keep the texture for now ...
        if (!oldest || it.target->rendered_s < oldest->target->rendered_s) oldest = &it;
    }
    bool due = false;
    for (const Item& it : items) due = due || (it.slow && it.render);
    if (oldest && !due) oldest->render = true;  // ... except the longest-waiting one when no other refreshes
    for (const Item& it : items) {
        if (!it.slow || it.render || it.target->hash == it.hash) continue;
        ++st->slow_stale;
        st->slow_stale_s = std::max(st->slow_stale_s, now_s - it.target->rendered_s);
    }
}

// [SECTION] What changed --------------------------------------------------------------------------------------------
// The tiles where this frame differs from the last: where an entry that changed, came or went draws
// differently; every tile when entries changed order (a window brought to the front).
std::vector<char> changed_tiles(const std::vector<Item>& items, const std::vector<Shown>& last, const TileSums& grid) {
    const auto find = [](const auto& in, std::uint64_t key) {
        return std::find_if(in.begin(), in.end(), [&](const auto& x) { return x.key == key; });
    };
    std::vector<char> out(static_cast<std::size_t>(grid.cols * grid.rows), 0);
    const auto all = [&](const TileHashes& t) { for (const auto& p : t) out[static_cast<std::size_t>(p.first)] = 1; };
    std::vector<std::uint64_t> kept_last, kept_now;
    for (const Shown& l : last) if (find(items, l.key) == items.end()) all(l.tiles); else kept_last.push_back(l.key);
    for (const Item& it : items) {
        const auto l = find(last, it.key);
        if (l == last.end()) { all(it.tiles); continue; }
        kept_now.push_back(it.key);
        // Both sorted by tile: a tile in one and not the other, or with another hash, changed.
        std::size_t a = 0, b = 0;
        const TileHashes &was = l->tiles, &now = it.tiles;
        while (a < was.size() || b < now.size()) {
            if (b == now.size() || (a < was.size() && was[a].first < now[b].first)) { out[static_cast<std::size_t>(was[a++].first)] = 1; continue; }
            if (a == was.size() || now[b].first < was[a].first) { out[static_cast<std::size_t>(now[b++].first)] = 1; continue; }
            if (was[a].second != now[b].second) out[static_cast<std::size_t>(now[b].first)] = 1;
            ++a, ++b;
        }
    }
    if (kept_last != kept_now) std::fill(out.begin(), out.end(), 1);
    return out;
}

// The changed tiles as rectangles: runs of tiles along each row, joined with the run below when it
// spans the same columns.
std::vector<ImVec4> tile_rects(const std::vector<char>& changed, const TileSums& grid) {
    std::vector<ImVec4> out;
    std::vector<std::size_t> open, now;  // rectangles that end on the row above, on this row
    for (int row = 0; row < grid.rows; ++row, open.swap(now)) {
        now.clear();
        for (int x0 = 0; x0 < grid.cols; ++x0) {
            if (!changed[static_cast<std::size_t>(row * grid.cols + x0)]) continue;
            int x1 = x0;
            while (x1 + 1 < grid.cols && changed[static_cast<std::size_t>(row * grid.cols + x1 + 1)]) ++x1;
            const ImVec4 r(static_cast<float>(x0) * kTilePx, static_cast<float>(row) * kTilePx, static_cast<float>(x1 + 1) * kTilePx, static_cast<float>(row + 1) * kTilePx);
            const auto above = std::find_if(open.begin(), open.end(), [&](std::size_t k) { return out[k].x == r.x && out[k].z == r.z; });
            if (above != open.end()) { out[*above].w = r.w; now.push_back(*above); }
            else { out.push_back(r); now.push_back(out.size() - 1); }
            x0 = x1;
        }
    }
    return out;
}

// The changed rectangles on the device pixel grid, at most kMaxRedrawn of them (each is a pass that
// draws every entry reaching it again): the two whose joining wastes least are joined until so.
constexpr int kMaxRedrawn = 4;
constexpr float kWholeShare = 0.5f;
std::vector<ImVec4> redrawn_areas(const std::vector<ImVec4>& areas, ImVec4 screen, ImVec2 scale) {
    std::vector<ImVec4> out;
    for (ImVec4 a : areas) {
        ImVec2 lo, hi;
        if (device_area(ImVec2(a.x, a.y), ImVec2(a.z, a.w), ImVec2(screen.z, screen.w), scale, &lo, &hi)) out.emplace_back(lo.x, lo.y, hi.x, hi.y);
    }
    // Most of the screen changed (start-up, a new layout): one pass over all of it draws each list once.
    float changed = 0.0f;
    for (const ImVec4& r : out) changed += area_of(r);
    if (changed > kWholeShare * area_of(screen)) return {screen};
    while (out.size() > static_cast<std::size_t>(kMaxRedrawn)) {  // (joined rectangles may overlap)
        std::size_t bi = 0, bj = 1;
        float best = 1e30f;
        for (std::size_t i = 0; i < out.size(); ++i)
            for (std::size_t j = i + 1; j < out.size(); ++j) {
                const float waste = area_of(join(out[i], out[j])) - area_of(out[i]) - area_of(out[j]);
                if (waste < best) { best = waste; bi = i; bj = j; }
            }
        out[bi] = join(out[bi], out[bj]);
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(bj));
    }
    changed = 0.0f;
    for (const ImVec4& r : out) changed += area_of(r);
    if (changed > kWholeShare * area_of(screen)) return {screen};
    return out;
}

bool touches(const ImVec4& area, const std::vector<ImVec4>& redrawn) {
    for (const ImVec4& r : redrawn) if (!is_empty(cut(area, r))) return true;
    return false;
}

// [SECTION] Drawing -------------------------------------------------------------------------------------------------
// Renders the textures that the redrawn areas show and that are out of date.
void render_textures(std::vector<Item>& items, const std::vector<ImVec4>& redrawn, double now_s, ImVec2 scale, CompositorStats* st) {
    for (Item& it : items) {
        if (!it.target || !it.render || !touches(it.area, redrawn)) continue;
        if (render_into(*it.target, it.lists.data(), static_cast<int>(it.lists.size()), it.min, it.max, scale)) {
            it.target->hash = it.hash;
            it.target->rendered_s = now_s;
            st->vertices += vertex_count(it.lists.data(), static_cast<int>(it.lists.size()));
            ++st->textures_rendered;
        } else {
            it.target = nullptr;
        }
    }
}

// Redraws the changed areas of the kept screen (each cleared, then every entry that reaches it) and
// copies the screen to the window; without a kept screen, draws everything into the window.
void draw_frame(std::vector<Item>& items, const std::vector<ImVec4>& redrawn, const CompositorFrame& frame, ImVec2 scale, CompositorStats* st) {
    Compositor& c = comp();
    std::vector<ImDrawList*> out;
    for (Item& it : items) {
        if (!touches(it.area, redrawn)) continue;
        if (it.target && it.target->valid && it.target->hash == it.shown) {
            out.push_back(quad_of(*it.target));
            ++st->textures_shown;
        } else {
            out.insert(out.end(), it.lists.begin(), it.lists.end());
        }
    }
    const GLuint fbo = frame.window_keeps_frame || c.screen.broken ? 0 : c.screen.fbo;
    for (const ImVec4& r : redrawn) {
        const int x0 = static_cast<int>(std::lround(r.x * scale.x)), x1 = static_cast<int>(std::lround(r.z * scale.x));
        const int y0 = static_cast<int>(std::lround(r.y * scale.y)), y1 = static_cast<int>(std::lround(r.w * scale.y));
        const float background[4] = {frame.clear_rgb[0], frame.clear_rgb[1], frame.clear_rgb[2], 1.0f};
        renderer_clear(fbo, x0, frame.fb_h - y1, x1 - x0, y1 - y0, background);
        DrawTarget to;
        to.fbo = fbo;
        to.width_px = frame.fb_w;
        to.height_px = frame.fb_h;
        to.scale = scale;
        to.limit = r;
        const int v = renderer_draw(out.data(), static_cast<int>(out.size()), to);
        st->vertices += v;
        st->vertices_steady += v;
        st->redrawn_share += area_of(r) * scale.x * scale.y / static_cast<float>(frame.fb_w * frame.fb_h);
    }
    if (fbo) renderer_copy_to_window(fbo, 0, 0, frame.fb_w, frame.fb_h);
}

// Whether the last frame is still on the screen: the window's framebuffer when it keeps its frame (the
// browser's preserveDrawingBuffer), else a texture the size of the window's framebuffer, copied to it
// each frame. False when the screen is new (a resize) or cannot be kept: the whole frame is drawn then.
bool keep_screen(const CompositorFrame& frame) {
    Target& s = comp().screen;
    const bool same = s.valid && s.tex_w == frame.fb_w && s.tex_h == frame.fb_h;
    if (same) return !s.broken;
    if (frame.window_keeps_frame) {
        s.tex_w = frame.fb_w;
        s.tex_h = frame.fb_h;
        s.valid = true;
    } else if (ensure_texture(s, frame.fb_w, frame.fb_h)) {
        s.valid = true;
    }
    return false;
}

void forget_unused() {
    Compositor& c = comp();
    for (auto& t : c.targets) if (c.frame - t->used_frame > kForgetAfterFrames) delete_target(*t);
    c.targets.erase(std::remove_if(c.targets.begin(), c.targets.end(), [&](const auto& t) { return c.frame - t->used_frame > kForgetAfterFrames; }), c.targets.end());
    for (auto& r : c.rings) if (c.frame - r->used_frame > kForgetAfterFrames) delete_target(r->target);
    c.rings.erase(std::remove_if(c.rings.begin(), c.rings.end(), [&](const auto& r) { return c.frame - r->used_frame > kForgetAfterFrames; }), c.rings.end());
}

// Pacing: how late frames run, smoothed (an idle pause between frames counts as one late frame).
bool late_frames(double now_s) {
    Compositor& c = comp();
    if (c.last_now_s >= 0.0) c.interval_ema_s += (std::min(now_s - c.last_now_s, 0.1) - c.interval_ema_s) * 0.1;
    c.last_now_s = now_s;
    if (c.interval_ema_s > kLateFrameS) c.pacing = true;
    if (c.interval_ema_s < kOnTimeFrameS) c.pacing = false;
    return c.pacing;
}

}  // namespace

// [SECTION] compositor_render --------------------------------------------------------------------------------------
CompositorStats compositor_render(ImDrawData* data, const CompositorFrame& frame) {
    Compositor& c = comp();
    ++c.frame;
    c.quads_used = 0;
    CompositorStats st;
    st.pacing = late_frames(frame.now_s);
    const ImVec2 scale = data->FramebufferScale;
    const ImVec4 screen(0.0f, 0.0f, data->DisplaySize.x, data->DisplaySize.y);
    TileSums grid(data->DisplaySize);
    std::vector<Item> items = plan(data, grid, &st);
    if (st.pacing) pace_slow_layers(items, frame.now_s, &st);
    for (Item& it : items) {
        it.shown = it.slow && !it.render && it.target->valid ? it.target->hash : it.hash;
        if (it.shown == it.hash) continue;  // a paced Slow layer keeps its older picture: what it showed
        const auto l = std::find_if(c.last.begin(), c.last.end(), [&](const Shown& x) { return x.key == it.key; });
        if (l != c.last.end()) it.tiles = l->tiles;
    }
    const bool kept = keep_screen(frame) && c.clear_rgb == std::array<float, 3>{frame.clear_rgb[0], frame.clear_rgb[1], frame.clear_rgb[2]};
    c.clear_rgb = {frame.clear_rgb[0], frame.clear_rgb[1], frame.clear_rgb[2]};
    const std::vector<ImVec4> redrawn = redrawn_areas(kept ? tile_rects(changed_tiles(items, c.last, grid), grid) : std::vector<ImVec4>{screen}, screen, scale);
    render_textures(items, redrawn, frame.now_s, scale, &st);
    draw_frame(items, redrawn, frame, scale, &st);
    c.last.clear();
    for (Item& it : items) c.last.push_back({it.key, std::move(it.tiles)});
    forget_unused();
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
    c.screen = Target{};
    c.last.clear();
}

void compositor_shutdown() {
    for (auto& t : comp().targets) delete_target(*t);
    for (auto& r : comp().rings) delete_target(r->target);
    delete_target(comp().screen);
    comp().targets.clear();
    comp().rings.clear();
}

}  // namespace neurodrive::app
