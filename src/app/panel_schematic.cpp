// panel_schematic.cpp - draws the mid-sagittal brain from assets/geometry.json and the schematic view
// model (schematic_model.hpp) in layers (layers.hpp): the body band, brain and each region's empty shape
// into the panel itself (retained while they do not change); pathways, pulses and region levels Live;
// the legend, the labels (placed by label_layout.hpp beside what they name) and the striatum's output
// box Above; the values that change on Top. Hover and tap tooltips. Drawing only: the pulses are
// advanced in update().
//
// Index
//   [SECTION] Geometry helpers
//   [SECTION] Base: body, brain and region shapes
//   [SECTION] Live: pathways, pulses and region levels
//   [SECTION] Legend and striatum output
//   [SECTION] Labels
//   [SECTION] Tooltip
//   [SECTION] panel_schematic
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <glm/geometric.hpp>

#include "label_layout.hpp"
#include "neurodrive/names.hpp"
#include "ui.hpp"

namespace neurodrive::app {
namespace {

// [SECTION] Geometry helpers -------------------------------------------------------------------------------
struct View {
    ImVec2 origin;
    float scale = 1.0f;
    ImVec2 to_screen(Vec2 p) const { return ImVec2(origin.x + p.x * scale, origin.y + p.y * scale); }
};

// Enough segments for a smooth ellipse of this size on screen, no more.
int ellipse_segments(ImVec2 r) { return std::clamp(static_cast<int>(std::max(r.x, r.y) * 0.7f), 12, 40); }

void ellipse_path(ImDrawList* dl, ImVec2 c, ImVec2 r) {
    const int segments = ellipse_segments(r);
    for (int i = 0; i < segments; ++i) {
        const float a = static_cast<float>(i) / static_cast<float>(segments) * 6.2831853f;
        dl->PathLineTo(ImVec2(c.x + std::cos(a) * r.x, c.y + std::sin(a) * r.y));
    }
}

void dashed_ellipse(ImDrawList* dl, ImVec2 c, ImVec2 r, ImU32 col, float thickness) {
    constexpr int kDashes = 16;
    for (int i = 0; i < kDashes; ++i) {
        const float a0 = static_cast<float>(i) / static_cast<float>(kDashes) * 6.2831853f, a1 = a0 + 0.6f / static_cast<float>(kDashes) * 6.2831853f;
        for (int k = 0; k <= 4; ++k) {
            const float a = a0 + (a1 - a0) * static_cast<float>(k) / 4.0f;
            dl->PathLineTo(ImVec2(c.x + std::cos(a) * r.x, c.y + std::sin(a) * r.y));
        }
        dl->PathStroke(col, 0, thickness);
    }
}

void fill_star(ImDrawList* dl, const View& v, const Outline& o, ImU32 fill, ImU32 stroke, float thickness) {
    const ImDrawListFlags saved = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;  // no seams between fan triangles
    const ImVec2 c = v.to_screen(o.center);
    for (std::size_t i = 0; i < o.points.size(); ++i)
        dl->AddTriangleFilled(c, v.to_screen(o.points[i]), v.to_screen(o.points[(i + 1) % o.points.size()]), fill);
    dl->Flags = saved;
    for (const Vec2& p : o.points) dl->PathLineTo(v.to_screen(p));
    dl->PathStroke(stroke, ImDrawFlags_Closed, thickness);
}

float distance_to_curve(const std::array<Vec2, 4>& c, Vec2 p) {
    float best = 1e9f;
    for (int i = 0; i <= 32; ++i) best = std::min(best, glm::distance(bezier(c, static_cast<float>(i) / 32.0f), p));
    return best;
}

bool inside(const Region& r, Vec2 p) {
    const float dx = (p.x - r.center.x) / r.radius.x, dy = (p.y - r.center.y) / r.radius.y;
    return dx * dx + dy * dy < 1.0f;
}
bool inside_any(const Geometry& g, Vec2 p) {
    for (const Region& r : g.regions) if (inside(r, p)) return true;
    return false;
}

double output_value(const model::Outputs& out, const std::string& name) {
    const model::OutputSpec* spec = model::find_output(name);
    return spec ? out.*(spec->field) : 0.0;
}

// The first brain (the user's) owns the legend, the lesson's focus and the start-up report; compare
// mode's second has its names tagged "b." in layout(), so the two stay apart.
bool is_first(const App& app, const Brain& brain) { return &brain == &app.brain; }
std::string tag_of(const App& app, const Brain& brain) { return is_first(app, brain) ? "" : "b."; }

// One brain on screen this frame: where it is drawn and what the pointer is over.
struct Scene {
    const Geometry& g;
    View v;
    ImVec2 pos, size;
    ImVec4 clip;
    bool compact = false;  // small: short names, no values, no pathway names or striatum box
    // Text sizes: labels grow with the text size and with the brain, but never past 28 px per unit of
    // the brain's scale (large text on a small brain would leave no room for its labels).
    float name_px = 13.0f, value_px = 12.0f, small_px = 12.0f;
    std::string hover_region, hover_path;
};

float region_level_of(const App& app, const Brain& brain, const Region& r) {
    return r.color == "neutral" ? 1.0f : std::clamp(region_level(r.id, brain.out, app.typical), 0.0f, 5.0f);
}

ImVec4 as_rect(const LabelBox& b) { return ImVec4(b.x0, b.y0, b.x1, b.y1); }

LabelBox region_box(const View& v, const Region& r) {
    const ImVec2 a = v.to_screen(r.center - r.radius), b = v.to_screen(r.center + r.radius);
    return {a.x, a.y, b.x, b.y};
}

// [SECTION] Base: body, brain and region shapes ---------------------------------------------------------------
// The body band the glands sit in, the brain's outlines and corpus callosum, and each region's empty
// shape and outline (dashed while the region is silent). Retained with the panel.
void draw_base(ImDrawList* dl, const App& app, const Brain& brain, const Scene& sc) {
    const Theme& th = theme();
    const Geometry& g = sc.g;
    const float s = sc.v.scale;
    if (g.body_max.x > g.body_min.x) dl->AddRectFilled(sc.v.to_screen(g.body_min), sc.v.to_screen(g.body_max), th.body_band, 12.0f * s);
    for (const Outline& o : g.outlines) fill_star(dl, sc.v, o, th.brain_fill, th.brain_outline, std::max(1.5f, 3.0f * s));
    dl->AddBezierCubic(sc.v.to_screen(g.callosum[0]), sc.v.to_screen(g.callosum[1]), sc.v.to_screen(g.callosum[2]), sc.v.to_screen(g.callosum[3]), th.callosum,
                       std::max(2.0f, 9.0f * s));
    for (const Region& r : g.regions) {
        const ImVec2 c = sc.v.to_screen(r.center), rad(r.radius.x * s, r.radius.y * s);
        const ImU32 stroke = mix(role_color(r.color), th.text, 0.3f);
        ellipse_path(dl, c, rad);
        dl->PathFillConvex(with_alpha(th.brain_fill, 0.9f));
        if (region_level_of(app, brain, r) < 0.05f) dashed_ellipse(dl, c, rad, stroke, std::max(1.5f, 2.0f * s));
        else { ellipse_path(dl, c, rad); dl->PathStroke(stroke, ImDrawFlags_Closed, std::max(1.5f, 2.5f * s)); }
    }
}

// [SECTION] Live: pathways, pulses and region levels ------------------------------------------------------------
// A pathway's curve as screen points, in runs that stop at the edge of every region it passes through
// (a region's shape covers what enters it, as the retained base lies below this layer).
std::vector<std::vector<ImVec2>> visible_runs(const Scene& sc, const Pathway& p) {
    const float length_px = glm::distance(p.curve[0], p.curve[3]) * sc.v.scale * 1.3f;
    const int n = std::clamp(static_cast<int>(length_px / 10.0f), 8, 40);
    std::vector<std::vector<ImVec2>> runs(1);
    float prev_t = 0.0f;
    bool prev_in = inside_any(sc.g, p.curve[0]);
    auto edge = [&](float t_out, float t_in) {  // where the curve crosses a region's edge
        for (int k = 0; k < 6; ++k) {
            const float mid = 0.5f * (t_out + t_in);
            (inside_any(sc.g, bezier(p.curve, mid)) ? t_in : t_out) = mid;
        }
        return sc.v.to_screen(bezier(p.curve, t_out));
    };
    if (!prev_in) runs.back().push_back(sc.v.to_screen(p.curve[0]));
    for (int k = 1; k <= n; ++k) {
        const float t = static_cast<float>(k) / static_cast<float>(n);
        const Vec2 q = bezier(p.curve, t);
        const bool in = inside_any(sc.g, q);
        if (!in && prev_in) runs.back().push_back(edge(t, prev_t));
        if (!in) runs.back().push_back(sc.v.to_screen(q));
        if (in && !prev_in) {
            runs.back().push_back(edge(prev_t, t));
            runs.emplace_back();
        }
        prev_in = in;
        prev_t = t;
    }
    return runs;
}

// Width and brightness follow activity; pulses travel at a rate that follows firing.
void draw_pathways(ImDrawList* dl, const App& app, const Brain& brain, const Scene& sc) {
    const float s = sc.v.scale;
    for (std::size_t i = 0; i < sc.g.pathways.size(); ++i) {
        const Pathway& p = sc.g.pathways[i];
        const PathActivity act = pathway_activity(p.id, brain.out, brain.inputs);
        const ImU32 col = role_color(p.color);
        const float width = s * (2.0f + 12.0f * act.activity) + (sc.hover_path == p.id ? 3.0f : 0.0f);
        for (const std::vector<ImVec2>& run : visible_runs(sc, p))
            if (run.size() >= 2) dl->AddPolyline(run.data(), static_cast<int>(run.size()), with_alpha(col, 0.12f + 0.6f * act.activity), 0, std::max(1.0f, width));
        if (i >= brain.anim.paths.size()) continue;
        const PathwayAnim& a = brain.anim.paths[i];
        for (int k = 0; k < a.count; ++k) {
            const Vec2 q = bezier(p.curve, a.pos[static_cast<std::size_t>(k)]);
            if (inside_any(sc.g, q)) continue;
            const float strength = a.strength[static_cast<std::size_t>(k)];
            const ImVec2 c = sc.v.to_screen(q);
            const float r = s * (4.0f + 2.5f * strength);
            if (!app.settings.reduced_motion && strength > 1.2f) dl->AddCircleFilled(c, r * 2.2f, with_alpha(col, 0.25f));
            dl->AddCircleFilled(c, std::max(2.0f, r), mix(col, IM_COL32_WHITE, std::min(0.6f, 0.15f * strength)));
        }
    }
}

// The fill grows with the level (an empty outline at zero), a halo above typical; the VTA flashes at a
// burst and dims at a pause; the hovered region's outline brightens; the lesson's focus pulses.
void draw_region_levels(ImDrawList* dl, const App& app, const Brain& brain, const Scene& sc) {
    const Theme& th = theme();
    const float s = sc.v.scale;
    const float stroke_w = std::max(1.5f, 2.5f * s);
    for (const Region& r : sc.g.regions) {
        const ImVec2 c = sc.v.to_screen(r.center), rad(r.radius.x * s, r.radius.y * s);
        const ImU32 col = role_color(r.color);
        const bool neutral = r.color == "neutral";
        const float level = region_level_of(app, brain, r);
        if (level > 1.05f) {  // above typical: a halo that grows with the excess
            const float k = 1.0f + 0.22f * std::min(level - 1.0f, 3.0f);
            ellipse_path(dl, c, ImVec2(rad.x * k, rad.y * k));
            dl->PathFillConvex(with_alpha(col, 0.12f + 0.08f * std::min(level - 1.0f, 3.0f)));
        }
        const float fill = std::sqrt(std::min(level, 1.0f));  // area follows the level up to typical, inside the outline
        if (fill > 0.02f) {
            ellipse_path(dl, c, ImVec2(std::max(rad.x * fill - stroke_w * 0.5f, 1.0f), std::max(rad.y * fill - stroke_w * 0.5f, 1.0f)));
            dl->PathFillConvex(with_alpha(col, neutral ? 0.35f : 0.85f));
        }
        if (sc.hover_region == r.id) { ellipse_path(dl, c, rad); dl->PathStroke(th.text, ImDrawFlags_Closed, stroke_w); }
        if (r.id == "vta" && brain.out.rpe > 0.2) {  // burst: a flash (a steady ring with calm motion)
            const float k = app.settings.reduced_motion ? 1.5f : 1.9f;
            ellipse_path(dl, c, ImVec2(rad.x * k, rad.y * k));
            dl->PathStroke(app.settings.reduced_motion ? th.text : with_alpha(th.text, static_cast<float>(std::min(1.0, brain.out.rpe))), ImDrawFlags_Closed, 3.0f * s + 1.0f);
        }
        if (r.id == "vta" && brain.out.rpe < -0.2) {  // a pause: the nucleus dims
            ellipse_path(dl, c, rad);
            dl->PathFillConvex(with_alpha(th.background, 0.55f));
        }
        if (is_first(app, brain) && lesson_focuses(app.lesson, app.lessons, "region:" + r.id)) highlight_rect(app, ImVec2(c.x - rad.x - 4.0f, c.y - rad.y - 4.0f), ImVec2(c.x + rad.x + 4.0f, c.y + rad.y + 4.0f));
    }
}

// [SECTION] Legend and striatum output ----------------------------------------------------------------------------
void shadowed_text(ImDrawList* dl, ImFont* font, float size, ImVec2 p, ImU32 col, const char* text) {
    const ImU32 shadow = with_alpha(theme().background, 0.85f);
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) dl->AddText(font, size, ImVec2(p.x + static_cast<float>(dx) * 1.2f, p.y + static_cast<float>(dy) * 1.2f), shadow, text);
    dl->AddText(font, size, p, col, text);
}

// One colour per transmitter and hormone (geometry's legend) in rows from the top left, stopping short
// of the page's buttons; in smaller text when it would cover a region, and left out (the sliders carry
// the same colours) when even that does. Returns the entries' boxes.
std::vector<LabelBox> draw_legend(ImDrawList* dl, const App& app, const Scene& sc, const std::vector<LabelBox>& avoid) {
    ImFont* f = fonts().small;
    const ImGuiIO& io = ImGui::GetIO();
    const float tools_w = app.ui.page_tools_w, tools_h = app.ui.page_tools_h;
    const float right = sc.pos.x + sc.size.x - (sc.pos.y < tools_h && sc.pos.x + sc.size.x > io.DisplaySize.x - tools_w ? tools_w : 0.0f);
    std::vector<LabelBox> boxes;
    float px = sc.small_px;
    for (int attempt = 0; attempt < 3; ++attempt, px = std::max(11.0f, std::round(px * 0.85f))) {
        boxes.clear();
        ImVec2 p(sc.pos.x + 6.0f, sc.pos.y + 4.0f);
        bool clear = true;
        for (const std::string& role : sc.g.legend) {
            const float w = f->CalcTextSizeA(px, 1e9f, 0.0f, tr(app, "legend." + role)).x;
            if (p.x + w + px * 2.0f > right && p.x > sc.pos.x + 6.0f) { p.x = sc.pos.x + 6.0f; p.y += px * 1.3f; }
            const LabelBox b{p.x, p.y, p.x + px + w, p.y + px * 1.2f};
            for (const Region& r : sc.g.regions) clear = clear && !label_boxes_overlap(b, region_box(sc.v, r), 2.0f);
            for (const LabelBox& o : avoid) clear = clear && !label_boxes_overlap(b, o, 2.0f);
            clear = clear && b.x1 <= right && b.y1 <= sc.pos.y + sc.size.y;
            boxes.push_back(b);
            p.x += w + px * 2.0f;
        }
        if (clear) break;
        if (attempt == 2) return {};
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const std::string& role = sc.g.legend[i];
        const LabelBox& b = boxes[i];
        dl->AddCircleFilled(ImVec2(b.x0 + px * 0.4f, b.y0 + px * 0.55f), px * 0.35f, role_color(role));
        shadowed_text(dl, f, px, ImVec2(b.x0 + px, b.y0), theme().text_dim, tr(app, "legend." + role));
        record_label("legend." + role, ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), sc.clip);
    }
    return boxes;
}

// The striatum's two output pathways (issue 19): for the accumbens and the dorsal striatum, a "go"
// (direct, D1) and a "stop" (indirect, D2) bar on a log scale, typical at the centre tick (x1/4 to x4).
struct StriatumBox {
    LabelBox box;
    float px = 0.0f, pad = 0.0f, line = 0.0f, row_w = 0.0f, bar_w = 0.0f;
    bool shown = false;
};

// Where the box goes: the first corner (top right below the legend, bottom right, top left below the
// legend, bottom left) that covers no region, legend entry or page button.
StriatumBox place_striatum_box(const App& app, const Scene& sc, const std::vector<LabelBox>& avoid, float px) {
    StriatumBox sb;
    ImFont* f = fonts().small;
    sb.px = px;
    const char* rows[] = {tr(app, "striatum.nac"), tr(app, "striatum.dorsal")};
    const char* cols[] = {tr(app, "striatum.go"), tr(app, "striatum.stop")};
    float col_w = 0.0f;
    for (const char* r : rows) sb.row_w = std::max(sb.row_w, f->CalcTextSizeA(px, 1e9f, 0.0f, r).x);
    for (const char* c : cols) col_w = std::max(col_w, f->CalcTextSizeA(px, 1e9f, 0.0f, c).x);
    sb.bar_w = std::max(col_w, px * 4.0f);
    sb.pad = px * 0.4f;
    sb.line = px * 1.25f;
    const float title_w = f->CalcTextSizeA(px, 1e9f, 0.0f, tr(app, "striatum.title")).x;
    const ImVec2 size(std::round(std::max(sb.row_w + 2.0f * sb.bar_w + 4.0f * sb.pad, title_w + 2.0f * sb.pad)), std::round(4.0f * sb.line + sb.pad));
    float legend_bottom = sc.pos.y;
    for (const LabelBox& b : avoid) if (b.y0 < sc.pos.y + sb.line * 4.0f) legend_bottom = std::max(legend_bottom, b.y1);
    const float x_right = sc.pos.x + sc.size.x - size.x - 6.0f, x_left = sc.pos.x + 6.0f;
    const float y_top = std::round(legend_bottom + 6.0f), y_bottom = sc.pos.y + sc.size.y - size.y - 6.0f;
    const ImVec2 corners[] = {{x_right, y_top}, {x_right, y_bottom}, {x_left, y_top}, {x_left, y_bottom}};
    for (const ImVec2& c : corners) {
        const LabelBox b{std::round(c.x), std::round(c.y), std::round(c.x) + size.x, std::round(c.y) + size.y};
        if (b.x0 < sc.pos.x || b.y0 < sc.pos.y || b.y1 > sc.pos.y + sc.size.y) continue;
        bool clear = true;
        for (const LabelBox& o : avoid) clear = clear && !label_boxes_overlap(b, o, 4.0f);
        for (const Region& r : sc.g.regions) clear = clear && !label_boxes_overlap(b, region_box(sc.v, r), 4.0f);
        if (clear) { sb.box = b; sb.shown = true; break; }
    }
    return sb;
}

// The box, its titles and the bars' empty tracks Above; the bars' levels and typical ticks on Top.
void draw_striatum_output(ImDrawList* above, ImDrawList* top, const App& app, const Brain& brain, const Scene& sc, const StriatumBox& sb, bool hovered_canvas) {
    const Theme& th = theme();
    ImFont* f = fonts().small;
    const float px = sb.px, pad = sb.pad, line = sb.line;
    const ImVec2 bmin(sb.box.x0, sb.box.y0), bmax(sb.box.x1, sb.box.y1);
    above->AddRectFilled(bmin, bmax, with_alpha(th.panel, 0.92f), 6.0f);
    above->AddRect(bmin, bmax, th.panel_border, 6.0f);
    const char* title = tr(app, "striatum.title");
    const ImVec2 tp(bmin.x + pad, bmin.y + pad * 0.5f);
    above->AddText(f, px, tp, th.text, title);
    const ImVec4 anchor = as_rect(sb.box);
    record_label("striatum.title" + tag_of(app, brain), tp, ImVec2(tp.x + f->CalcTextSizeA(px, 1e9f, 0.0f, title).x, tp.y + px), sc.clip, &anchor);
    const char* cols[] = {tr(app, "striatum.go"), tr(app, "striatum.stop")};
    const char* rows[] = {tr(app, "striatum.nac"), tr(app, "striatum.dorsal")};
    const float x0 = bmin.x + pad + sb.row_w + pad;
    for (int c = 0; c < 2; ++c) {
        const float cw = f->CalcTextSizeA(px, 1e9f, 0.0f, cols[c]).x;
        const ImVec2 cp(x0 + static_cast<float>(c) * (sb.bar_w + pad) + (sb.bar_w - cw) * 0.5f, bmin.y + pad * 0.5f + line);
        above->AddText(f, px, cp, c == 0 ? th.good : th.bad, cols[c]);
        record_label(std::string(c == 0 ? "striatum.go" : "striatum.stop") + tag_of(app, brain), cp, ImVec2(cp.x + cw, cp.y + px), sc.clip, &anchor);
    }
    const double values[2][2] = {{brain.out.direct_nac, brain.out.indirect_nac}, {brain.out.direct_dstr, brain.out.indirect_dstr}};
    for (int r = 0; r < 2; ++r) {
        const float y = bmin.y + pad * 0.5f + line * static_cast<float>(r + 2);
        above->AddText(f, px, ImVec2(bmin.x + pad, y), th.text_dim, rows[r]);
        record_label(std::string(r == 0 ? "striatum.nac" : "striatum.dorsal") + tag_of(app, brain), ImVec2(bmin.x + pad, y),
                     ImVec2(bmin.x + pad + f->CalcTextSizeA(px, 1e9f, 0.0f, rows[r]).x, y + px), sc.clip, &anchor);
        for (int c = 0; c < 2; ++c) {
            const ImVec2 b0(x0 + static_cast<float>(c) * (sb.bar_w + pad), y + px * 0.2f), b1(b0.x + sb.bar_w, y + px * 0.95f);
            above->AddRectFilled(b0, b1, th.grid, 3.0f);
            // log2 of the activity, from x1/4 (empty) through typical (half) to x4 (full).
            const float frac = std::clamp(0.5f + static_cast<float>(std::log2(std::max(values[r][c], 1e-3))) / 4.0f, 0.0f, 1.0f);
            top->AddRectFilled(b0, ImVec2(b0.x + sb.bar_w * frac, b1.y), c == 0 ? th.good : th.bad, 3.0f);
            const float mid = b0.x + sb.bar_w * 0.5f;
            top->AddLine(ImVec2(mid, b0.y - 2.0f), ImVec2(mid, b1.y + 2.0f), th.ghost, 2.0f);
        }
    }
    drawn_now().rects.push_back({"striatum_output" + tag_of(app, brain), bmin.x, bmin.y, bmax.x - bmin.x, bmax.y - bmin.y});
    if (hovered_canvas && ImGui::IsMouseHoveringRect(bmin, bmax)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
        ImGui::TextUnformatted(tr(app, "striatum.tip"));
        char buf[256];
        format_into(buf, app.strings.number, tr(app, "striatum.values"), 100.0 * values[0][0], 100.0 * values[0][1], 100.0 * values[1][0], 100.0 * values[1][1]);
        ImGui::TextUnformatted(buf);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// [SECTION] Labels ----------------------------------------------------------------------------------------------
// A label's possible texts, most complete first: the full name over its value, name and value on one
// line, the short name (over or beside the value), then the names alone. Compact views: the short name.
struct LabelText {
    std::string name;
    bool value = false;     // with the value line
    bool one_line = false;  // the value beside the name
    ImVec2 name_size, value_size;
};

struct RegionLabel {
    const Region* region = nullptr;
    std::vector<LabelText> variants;
};

// The value line's text: as the model says now, and as wide as it can get (its room is kept for it,
// so the labels never move while the numbers change).
std::string region_value(const App& app, const Brain& brain, const Region& r, bool widest) {
    char buf[96];
    const char* fmt = tr(app, "region.label_value." + r.id);
    if (r.id == "gonads") format_into(buf, app.strings.number, fmt, widest ? 888.0 : 100.0 * brain.out.estradiol_level, widest ? 888.0 : 100.0 * brain.out.testosterone_level);
    else format_into(buf, app.strings.number, fmt, widest ? 888.8 : (r.gland ? 100.0 : 1.0) * output_value(brain.out, r.value));
    return buf;
}

RegionLabel region_label(const App& app, const Brain& brain, const Region& r, bool compact, float name_px, float value_px) {
    RegionLabel l;
    l.region = &r;
    const std::string full = tr(app, "region." + r.id), brief = tr(app, "region.short." + r.id);
    const bool value = !compact && r.label_value;
    const ImVec2 vs = value ? fonts().small->CalcTextSizeA(value_px, 1e9f, 0.0f, region_value(app, brain, r, true).c_str()) : ImVec2(0, 0);
    auto add = [&](const std::string& name, bool with_value, bool one_line) {
        if (one_line && name.find('\n') != std::string::npos) return;
        for (const LabelText& t : l.variants) if (t.name == name && t.value == with_value && t.one_line == one_line) return;
        l.variants.push_back({name, with_value, one_line, fonts().bold->CalcTextSizeA(name_px, 1e9f, 0.0f, name.c_str()), with_value ? vs : ImVec2(0, 0)});
    };
    if (compact) { add(brief, false, false); return l; }
    if (value) { add(full, true, false); add(full, true, true); add(brief, true, false); add(brief, true, true); }
    add(full, false, false);
    add(brief, false, false);
    return l;
}

LabelSize label_size(const LabelText& t) {
    const float gap = t.one_line ? t.value_size.y * 0.5f : 0.0f;
    const float w = t.one_line ? t.name_size.x + gap + t.value_size.x : std::max(t.name_size.x, t.value_size.x);
    const float h = t.one_line ? std::max(t.name_size.y, t.value_size.y) : t.name_size.y + t.value_size.y;
    return {w, h, t.name_size.y};
}

// Where labels may go: inside the brain's area and inside the window's clip rectangle (within its
// padding, where the window shows its own text and where layout() measures them), over no region,
// obstacle (legend, box, page buttons) or pathway line.
LabelScene label_scene(const Scene& sc, const std::vector<LabelBox>& obstacles) {
    LabelScene scene;
    const ImVec2 clip0 = ImGui::GetWindowDrawList()->GetClipRectMin(), clip1 = ImGui::GetWindowDrawList()->GetClipRectMax();
    scene.area = {std::max(sc.pos.x, clip0.x), std::max(sc.pos.y, clip0.y), std::min(sc.pos.x + sc.size.x, clip1.x), std::min(sc.pos.y + sc.size.y, clip1.y)};
    scene.obstacles = obstacles;
    for (const Region& r : sc.g.regions) scene.obstacles.push_back(region_box(sc.v, r));
    for (const Pathway& p : sc.g.pathways) {
        std::vector<float> line;
        for (int k = 0; k <= 16; ++k) {
            const ImVec2 q = sc.v.to_screen(bezier(p.curve, static_cast<float>(k) / 16.0f));
            line.push_back(q.x);
            line.push_back(q.y);
        }
        scene.lines.push_back(std::move(line));
    }
    return scene;
}

// What a region's label asks of placement: its variants' sizes, beside its region, towards the side
// the geometry prefers.
LabelRequest region_request(const Scene& sc, const Region& r, const RegionLabel& label) {
    LabelRequest q;
    q.anchor = region_box(sc.v, r);
    for (const LabelText& t : label.variants) q.variants.push_back(label_size(t));
    const float len = std::hypot(r.label.x, r.label.y);
    if (len > 0.0f) { q.prefer_x = r.label.x / len; q.prefer_y = r.label.y / len; }
    return q;
}

// A named pathway's short name, beside its point on the curve.
LabelRequest pathway_request(const Scene& sc, const PathwayLabel& pl, const std::string& text) {
    const ImVec2 at = sc.v.to_screen(bezier(sc.g.pathway(pl.id)->curve, pl.at));
    const ImVec2 ts = fonts().small->CalcTextSizeA(sc.value_px, 1e9f, 0.0f, text.c_str());
    LabelRequest q;
    q.anchor = {at.x - 3.0f, at.y - 3.0f, at.x + 3.0f, at.y + 3.0f};
    q.variants.push_back({ts.x, ts.y, ts.y});
    q.own_line = static_cast<int>(sc.g.pathway(pl.id) - sc.g.pathways.data());
    return q;
}

// A short leader from the region's edge when its label does not touch it.
void label_leader(ImDrawList* above, const Scene& sc, const Region& r, const LabelBox& b, const LabelBox& anchor_box) {
    if (label_box_gap(b, anchor_box) <= 4.0f) return;
    const float s = sc.v.scale;
    const ImVec2 rc = sc.v.to_screen(r.center);
    const ImVec2 bc((b.x0 + b.x1) * 0.5f, (b.y0 + b.y1) * 0.5f);
    const float dx = bc.x - rc.x, dy = bc.y - rc.y, len = std::max(1.0f, std::hypot(dx, dy));
    const float ex = std::abs(dx) / len, ey = std::abs(dy) / len;
    const float edge = std::min(r.radius.x * s / std::max(ex, 1e-3f), r.radius.y * s / std::max(ey, 1e-3f));
    const ImVec2 near(std::clamp(rc.x + dx / len * edge, b.x0, b.x1), std::clamp(rc.y + dy / len * edge, b.y0, b.y1));
    above->AddLine(ImVec2(rc.x + dx / len * edge, rc.y + dy / len * edge), near, with_alpha(theme().text_dim, 0.8f), std::max(1.0f, 1.5f * s));
}

// A region's label where placement put it: the name (retained), and the value's room (a backing the
// width of its widest text, retained) with the number drawn in it on Top. layout() reports the name and
// the value's room (together: the placed box); the text is drawn on whole pixels.
void draw_region_label(ImDrawList* above, ImDrawList* top, const App& app, const Brain& brain, const Scene& sc, const Region& r,
                       const LabelText& t, const LabelBox& b, const LabelBox& anchor_box) {
    const Theme& th = theme();
    const ImVec4 anchor = as_rect(anchor_box);
    label_leader(above, sc, r, b, anchor_box);
    const ImVec2 name_at(t.one_line ? b.x0 : (b.x0 + b.x1 - t.name_size.x) * 0.5f, b.y0);
    shadowed_text(above, fonts().bold, sc.name_px, ImVec2(std::round(name_at.x), name_at.y), th.text, t.name.c_str());
    record_label("region." + tag_of(app, brain) + r.id, name_at, ImVec2(name_at.x + t.name_size.x, name_at.y + t.name_size.y), sc.clip, &anchor);
    if (!t.value) return;
    const ImVec2 slot = t.one_line ? ImVec2(b.x1 - t.value_size.x, b.y0 + (t.name_size.y - t.value_size.y) * 0.5f)
                                   : ImVec2((b.x0 + b.x1 - t.value_size.x) * 0.5f, b.y0 + t.name_size.y);
    above->AddRectFilled(ImVec2(slot.x - 2.0f, slot.y), ImVec2(slot.x + t.value_size.x + 2.0f, slot.y + t.value_size.y), with_alpha(th.background, 0.75f), 3.0f);
    const std::string now = region_value(app, brain, r, false);
    const float w = fonts().small->CalcTextSizeA(sc.value_px, 1e9f, 0.0f, now.c_str()).x;
    top->AddText(fonts().small, sc.value_px, ImVec2(std::round(slot.x + (t.value_size.x - w) * 0.5f), std::round(slot.y)), th.text_dim, now.c_str());
    record_label("region_value." + tag_of(app, brain) + r.id, slot, ImVec2(slot.x + t.value_size.x, slot.y + t.value_size.y), sc.clip, &anchor);
}

// What the body band is, in its bottom left corner when that is free of every label and obstacle.
void draw_body_label(ImDrawList* above, const App& app, const Brain& brain, const Scene& sc, const std::vector<LabelBox>& taken) {
    if (sc.compact || sc.g.body_max.x <= sc.g.body_min.x) return;
    ImFont* small = fonts().small;
    const char* body = tr(app, "schematic.body");
    const ImVec2 ts = small->CalcTextSizeA(sc.value_px, 1e9f, 0.0f, body);
    const ImVec2 band0 = sc.v.to_screen(sc.g.body_min), band1 = sc.v.to_screen(sc.g.body_max);
    const LabelBox b{band0.x + 6.0f, band1.y - ts.y - 4.0f, band0.x + 6.0f + ts.x, band1.y - 4.0f};
    bool clear = b.x1 < band1.x && b.x1 < sc.pos.x + sc.size.x && b.y1 < sc.pos.y + sc.size.y;
    for (const LabelBox& o : taken) clear = clear && !label_boxes_overlap(b, o, 2.0f);
    if (!clear) return;
    above->AddText(small, sc.value_px, ImVec2(b.x0, b.y0), theme().text_dim, body);
    const ImVec4 anchor(band0.x, band0.y, band1.x, band1.y);
    record_label("schematic.body" + std::string(is_first(app, brain) ? "" : ".b"), ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), sc.clip, &anchor);
}

// Labels for every region (geometry's label_order) and the named pathways, placed together so none
// covers another, a region, the legend, the striatum box or the page's buttons.
void draw_labels(ImDrawList* above, ImDrawList* top, const App& app, const Brain& brain, const Scene& sc, const std::vector<LabelBox>& obstacles) {
    const LabelScene scene = label_scene(sc, obstacles);
    std::vector<RegionLabel> regions;
    std::vector<LabelRequest> requests;
    for (const std::string& id : sc.g.label_order) {
        const Region& r = *sc.g.region(id);
        regions.push_back(region_label(app, brain, r, sc.compact, sc.name_px, sc.value_px));
        requests.push_back(region_request(sc, r, regions.back()));
    }
    std::vector<std::string> path_text;
    if (!sc.compact) {
        for (const PathwayLabel& pl : sc.g.pathway_labels) {
            path_text.push_back(tr(app, "pathway.short." + pl.id));
            requests.push_back(pathway_request(sc, pl, path_text.back()));
        }
    }
    const std::vector<LabelPlace> places = place_labels(scene, requests);
    std::vector<LabelBox> taken = scene.obstacles;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        if (places[i].variant < 0) continue;
        taken.push_back(places[i].box);
        const LabelText& t = regions[i].variants[static_cast<std::size_t>(places[i].variant)];
        draw_region_label(above, top, app, brain, sc, *regions[i].region, t, places[i].box, requests[i].anchor);
    }
    for (std::size_t k = 0; k < path_text.size(); ++k) {
        const LabelPlace& pl = places[regions.size() + k];
        if (pl.variant < 0) continue;
        taken.push_back(pl.box);
        const ImVec2 p(pl.box.x0, pl.box.y0);
        const ImVec2 ts = fonts().small->CalcTextSizeA(sc.value_px, 1e9f, 0.0f, path_text[k].c_str());
        shadowed_text(above, fonts().small, sc.value_px, p, theme().text, path_text[k].c_str());
        const ImVec4 anchor = as_rect(requests[regions.size() + k].anchor);
        record_label("pathway." + tag_of(app, brain) + sc.g.pathway_labels[k].id, p, ImVec2(p.x + ts.x, p.y + ts.y), sc.clip, &anchor);
    }
    draw_body_label(above, app, brain, sc, taken);
}

// [SECTION] Tooltip -----------------------------------------------------------------------------------------------
void region_tooltip(const App& app, const Brain& brain, const Region& r) {
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr(app, "region." + r.id));
    ImGui::PopFont();
    ImGui::TextUnformatted(tr(app, "region.desc." + r.id));
    if (!r.value.empty()) {
        char buf[160];
        if (r.id == "gonads") format_into(buf, app.strings.number, tr(app, "region.value.gonads"), 100.0 * brain.out.estradiol_level, 100.0 * brain.out.testosterone_level);
        else if (r.id == "raphe") format_into(buf, app.strings.number, tr(app, "region.value.raphe"), brain.out.raphe_rate_hz, 100.0 * brain.out.serotonin_level);
        else if (r.id == "vta") format_into(buf, app.strings.number, tr(app, "region.value.vta"), brain.out.vta_rate_hz, brain.out.vta_mc_rate_hz);
        else format_into(buf, app.strings.number, tr(app, "region.value." + r.id), (r.gland ? 100.0 : 1.0) * output_value(brain.out, r.value));
        ImGui::TextUnformatted(buf);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, theme().text_dim);
    ImGui::Text(tr(app, "tooltip.source"), tr(app, "region.source." + r.id));
    ImGui::PopStyleColor();
}

void pathway_tooltip(const App& app, const Brain& brain, const std::string& id) {
    const PathActivity act = pathway_activity(id, brain.out, brain.inputs);
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr(app, "pathway." + id));
    ImGui::PopFont();
    ImGui::TextUnformatted(tr(app, "pathway.desc." + id));
    ImGui::Text(tr(app, "pathway.value"), 200.0 * static_cast<double>(act.activity));
    ImGui::PushStyleColor(ImGuiCol_Text, theme().text_dim);
    ImGui::Text(tr(app, "tooltip.source"), tr(app, "pathway.source." + id));
    ImGui::PopStyleColor();
}

void tooltip(const App& app, const Brain& brain, const Scene& sc) {
    if (sc.hover_region.empty() && sc.hover_path.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    drawn_now().rects.push_back({"tooltip:" + (sc.hover_region.empty() ? "pathway:" + tag_of(app, brain) + sc.hover_path : "region:" + tag_of(app, brain) + sc.hover_region), io.MousePos.x, io.MousePos.y, 0, 0});
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 20.0f);
    if (!sc.hover_region.empty()) region_tooltip(app, brain, *sc.g.region(sc.hover_region));
    else pathway_tooltip(app, brain, sc.hover_path);
    ImGui::PushStyleColor(ImGuiCol_Text, theme().text_dim);
    ImGui::TextUnformatted(tr(app, "tooltip.glossary"));
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// [SECTION] panel_schematic -------------------------------------------------------------------------------------
// One brain in [pos, pos + size]: its layers, where its regions and pathways are (for the browser
// tests and the accessibility mirror), and the tooltip of what the pointer is over.
void draw_brain(const App& app, const Brain& brain, ImVec2 pos, ImVec2 size) {
    const Geometry& g = app.geometry;
    Scene sc{g, View{}, pos, size, ImVec4(pos.x, pos.y, pos.x + size.x, pos.y + size.y), false, 13.0f, 12.0f, 12.0f, {}, {}};
    sc.v.scale = std::min(size.x / g.size.x, size.y / g.size.y);
    sc.v.origin = ImVec2(pos.x + (size.x - g.size.x * sc.v.scale) * 0.5f, pos.y + (size.y - g.size.y * sc.v.scale) * 0.5f);
    sc.compact = sc.v.scale < 0.5f;
    const float s = sc.v.scale;
    const float cap = std::max(13.0f, std::round(28.0f * s));
    sc.small_px = std::min(std::max(font_px(fonts().small), 12.0f), std::max(12.0f, cap * 0.85f));
    sc.name_px = std::min(std::max(13.0f, font_px(fonts().bold) * std::clamp(s * 1.4f, 0.85f, 1.1f)), cap);
    sc.value_px = std::min(std::max(12.0f, sc.small_px * std::clamp(s * 1.25f, 0.8f, 1.0f)), sc.small_px);

    // Interaction surface (hover and tap for tooltips).
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton(is_first(app, brain) ? "schematic" : "schematic_b", size);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        const ImGuiIO& io = ImGui::GetIO();
        const Vec2 mouse((io.MousePos.x - sc.v.origin.x) / s, (io.MousePos.y - sc.v.origin.y) / s);
        for (const Region& r : g.regions) {
            const float dx = (mouse.x - r.center.x) / (r.radius.x + 6.0f), dy = (mouse.y - r.center.y) / (r.radius.y + 6.0f);
            if (dx * dx + dy * dy <= 1.0f) sc.hover_region = r.id;
        }
        if (sc.hover_region.empty()) {
            float best = 14.0f / std::max(s, 0.2f);
            for (const Pathway& p : g.pathways) {
                const float d = distance_to_curve(p.curve, mouse);
                if (d < best) { best = d; sc.hover_path = p.id; }
            }
        }
    }
    for (const Region& r : g.regions) {
        const LabelBox b = region_box(sc.v, r);
        drawn_now().rects.push_back({"region:" + tag_of(app, brain) + r.id, b.x0, b.y0, b.w(), b.h()});
    }
    for (const Pathway& p : g.pathways) {
        ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
        for (int k = 0; k <= 16; ++k) {
            const ImVec2 q = sc.v.to_screen(bezier(p.curve, static_cast<float>(k) / 16.0f));
            lo = ImVec2(std::min(lo.x, q.x), std::min(lo.y, q.y));
            hi = ImVec2(std::max(hi.x, q.x), std::max(hi.y, q.y));
        }
        drawn_now().rects.push_back({"pathway:" + tag_of(app, brain) + p.id, lo.x, lo.y, hi.x - lo.x, hi.y - lo.y});
    }

    draw_base(ImGui::GetWindowDrawList(), app, brain, sc);
    ImDrawList* live = layer_draw_list(Layer::Live);
    draw_pathways(live, app, brain, sc);
    draw_region_levels(live, app, brain, sc);
    ImDrawList* above = layer_draw_list(Layer::Above);
    ImDrawList* top = layer_draw_list(Layer::Top);
    // Kept clear of the labels: the page's buttons over the canvas, the legend and the striatum box.
    std::vector<LabelBox> obstacles;
    const ImGuiIO& io = ImGui::GetIO();
    if (app.ui.page_tools_w > 0.0f && pos.y < app.ui.page_tools_h && pos.x + size.x > io.DisplaySize.x - app.ui.page_tools_w)
        obstacles.push_back({io.DisplaySize.x - app.ui.page_tools_w, 0.0f, io.DisplaySize.x, app.ui.page_tools_h});
    if (is_first(app, brain) && !is_hidden(app, "legend") && size.x > 260.0f) {
        const std::vector<LabelBox> legend = draw_legend(above, app, sc, obstacles);
        obstacles.insert(obstacles.end(), legend.begin(), legend.end());
    }
    // The striatum's output pathways (not on phones and small frames: the drive meter's "starts
    // actions" row and the narration say it there).
    if (!sc.compact && !is_hidden(app, "legend")) {
        const StriatumBox sb = place_striatum_box(app, sc, obstacles, sc.small_px);
        if (sb.shown) {
            draw_striatum_output(above, top, app, brain, sc, sb, hovered);
            obstacles.push_back(sb.box);
        }
    }
    draw_labels(above, top, app, brain, sc, obstacles);
    tooltip(app, brain, sc);
}

}  // namespace

void panel_schematic(const App& app, ImVec2 pos, ImVec2 size) {
    if (!app.compare) { draw_brain(app, app.brain, pos, size); return; }
    // Compare mode: two brains, side by side or one above the other - whichever draws them larger -
    // each above a caption naming its scenario (below, so the page's buttons never cover it).
    const Geometry& g = app.geometry;
    ImFont* bold = fonts().bold;
    const float cap_px = font_px(bold), cap_h = std::round(cap_px * 1.3f), gap = 6.0f;
    const float side_scale = std::min((size.x - gap) * 0.5f / g.size.x, (size.y - cap_h) / g.size.y);
    const float stack_scale = std::min(size.x / g.size.x, (size.y - gap - 2.0f * cap_h) * 0.5f / g.size.y);
    const bool side = side_scale >= stack_scale;
    const ImVec2 half = side ? ImVec2((size.x - gap) * 0.5f, size.y) : ImVec2(size.x, (size.y - gap) * 0.5f);
    const Brain* brains[2] = {&app.brain, &*app.compare};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int k = 0; k < 2; ++k) {
        const ImVec2 p = side ? ImVec2(pos.x + static_cast<float>(k) * (half.x + gap), pos.y) : ImVec2(pos.x, pos.y + static_cast<float>(k) * (half.y + gap));
        char caption[160];
        const std::string title = scenario_title(app, brains[k]->preset, brains[k]->inputs);
        format_into(caption, app.strings.number, tr(app, k == 0 ? "compare.a" : "compare.b"), title.c_str());
        // The caption shrinks (to 70%) rather than run past its half.
        const float natural = bold->CalcTextSizeA(cap_px, 1e9f, 0.0f, caption).x;
        const float px = cap_px * std::clamp((half.x - 8.0f) / std::max(natural, 1.0f), 0.7f, 1.0f);
        const ImVec2 ts = bold->CalcTextSizeA(px, 1e9f, 0.0f, caption);
        const ImVec2 cp(std::round(p.x + (half.x - ts.x) * 0.5f), p.y + half.y - cap_h + 2.0f);
        dl->AddRectFilled(ImVec2(cp.x - 6.0f, cp.y - 1.0f), ImVec2(cp.x + ts.x + 6.0f, cp.y + ts.y + 1.0f), with_alpha(theme().panel, 0.85f), 4.0f);
        dl->PushClipRect(p, ImVec2(p.x + half.x, p.y + half.y), true);
        dl->AddText(bold, px, cp, theme().text, caption);
        dl->PopClipRect();
        record_label(k == 0 ? "compare.a" : "compare.b", cp, ImVec2(cp.x + ts.x, cp.y + ts.y), ImVec4(p.x, p.y, p.x + half.x, p.y + half.y));
        if (k == 1 && side) dl->AddLine(ImVec2(p.x - gap * 0.5f, p.y + 4.0f), ImVec2(p.x - gap * 0.5f, p.y + half.y - 4.0f), theme().grid, 2.0f);
        if (k == 1 && !side) dl->AddLine(ImVec2(p.x + 4.0f, p.y - gap * 0.5f), ImVec2(p.x + half.x - 4.0f, p.y - gap * 0.5f), theme().grid, 2.0f);
        draw_brain(app, *brains[k], p, ImVec2(half.x, half.y - cap_h));
    }
}

}  // namespace neurodrive::app
