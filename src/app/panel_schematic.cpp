// panel_schematic.cpp - draws the mid-sagittal brain from assets/geometry.json and the schematic
// view model (schematic_model.hpp): regions filled by their level (0 looks empty), glands by their
// hormone level, pathways whose width follows activity and whose pulses follow firing, labels placed
// automatically so none collides with another or leaves the panel, and hover/tap tooltips. Drawing
// only: the pulses are advanced in update().
//
// Index
//   [SECTION] Geometry helpers
//   [SECTION] Label placement
//   [SECTION] Drawing
//   [SECTION] Tooltip
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <glm/geometric.hpp>

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

void ellipse_path(ImDrawList* dl, ImVec2 c, ImVec2 r, int segments = 40) {
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

double output_value(const model::Outputs& out, const std::string& name) {
    const model::OutputSpec* spec = model::find_output(name);
    return spec ? out.*(spec->field) : 0.0;
}

// One brain to draw: the first (the user's) or compare mode's second; `tag` ("" or "b.") keeps the
// second brain's names apart in layout().
struct BrainRef {
    const model::Inputs& inputs;
    const model::Outputs& out;
    const SchematicAnim& anim;
    std::string tag;
    bool first;   // the legend, the lesson's focus and the start-up report belong to the first brain
};

// [SECTION] Label placement ----------------------------------------------------------------------------------
struct Box { ImVec2 min, max; const Region* owner = nullptr; };  // owner: a region's own outline
bool overlaps(const Box& a, const Box& b, float pad) {
    return a.min.x < b.max.x + pad && b.min.x < a.max.x + pad && a.min.y < b.max.y + pad && b.min.y < a.max.y + pad;
}

struct LabelText {
    std::string id;
    const Region* region = nullptr;
    std::string name, value;
    ImVec2 name_size, value_size;
    float value_px = 0.0f;
};

// Finds a spot for a box of `size` near the region: candidates on rings around it (the designed
// offset first); a spot must stay inside `area` and clear every box in `taken`. Of the free spots the
// best is the closest to its own region that is not closer to any other region.
bool place(const View& v, const Region& r, ImVec2 size, bool use_designed, const Box& area, const std::vector<Box>& taken,
           const std::vector<Region>& all, Box* out) {
    const ImVec2 c = v.to_screen(r.center);
    const ImVec2 rad(r.radius.x * v.scale, r.radius.y * v.scale);
    std::vector<ImVec2> centres;
    // The designed spot first ((0, 0) = on the region itself, as for the glands).
    if (use_designed) centres.push_back(v.to_screen(r.center + r.label));
    const float ring_step = std::max(size.y * 0.9f, 10.0f);
    for (int ring = 0; ring < 6; ++ring) {
        for (int k = 0; k < 16; ++k) {
            const float a = static_cast<float>(k) / 16.0f * 6.2831853f + (ring % 2 ? 0.2f : 0.0f);
            const float dx = std::cos(a), dy = std::sin(a);
            // Just outside the ellipse, plus half the box in the direction of travel.
            const float off_x = rad.x + 5.0f + size.x * 0.5f * std::abs(dx) + static_cast<float>(ring) * ring_step;
            const float off_y = rad.y + 4.0f + size.y * 0.5f * std::abs(dy) + static_cast<float>(ring) * ring_step;
            centres.emplace_back(c.x + dx * off_x, c.y + dy * off_y);
        }
    }
    float best = 1e30f;
    for (std::size_t i = 0; i < centres.size(); ++i) {
        const ImVec2 p = centres[i];
        const Box b{ImVec2(std::round(p.x - size.x * 0.5f), std::round(p.y - size.y * 0.5f)), ImVec2(std::round(p.x + size.x * 0.5f), std::round(p.y + size.y * 0.5f))};
        if (b.min.x < area.min.x || b.min.y < area.min.y || b.max.x > area.max.x || b.max.y > area.max.y) continue;
        bool clear = true;
        for (const Box& t : taken) if (t.owner != &r && overlaps(b, t, 2.0f)) { clear = false; break; }
        if (!clear) continue;
        const float own = std::hypot(p.x - c.x, p.y - c.y);
        float score = own + (i == 0 && use_designed ? -1e6f : 0.0f);  // the designed spot wins when free
        for (const Region& o : all) {
            if (&o == &r) continue;
            const ImVec2 oc = v.to_screen(o.center);
            if (std::hypot(p.x - oc.x, p.y - oc.y) < own) score += 400.0f;  // reads as another region's label
        }
        if (score < best) { best = score; *out = b; }
    }
    return best < 1e29f;
}

void shadowed_text(ImDrawList* dl, ImFont* font, float size, ImVec2 p, ImU32 col, const char* text) {
    const ImU32 shadow = with_alpha(theme().background, 0.85f);
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) dl->AddText(font, size, ImVec2(p.x + static_cast<float>(dx) * 1.2f, p.y + static_cast<float>(dy) * 1.2f), shadow, text);
    dl->AddText(font, size, p, col, text);
}

}  // namespace

// [SECTION] Drawing -------------------------------------------------------------------------------------------
namespace {

// Long on purpose: one pass over one brain - body, pathways with their pulses, regions with their
// levels, legend, labels placed around each other, tooltips - sharing the view and the taken boxes.
// The striatum's two output pathways (issue 19): for the accumbens and the dorsal striatum, a "go"
// (direct, D1) and a "stop" (indirect, D2) bar on a log scale, typical at the centre tick (x1/4 to x4).
// Placed in a free corner of the schematic; returns its box (empty when no corner is free).
Box draw_striatum_output(App& app, const BrainRef& brain, ImDrawList* dl, const Box& area, const std::vector<Box>& taken, float text_px, bool hovered_canvas) {
    const Theme& th = theme();
    ImFont* f = fonts().small;
    const char* title = tr(app, "striatum.title");
    const char* rows[] = {tr(app, "striatum.nac"), tr(app, "striatum.dorsal")};
    const char* cols[] = {tr(app, "striatum.go"), tr(app, "striatum.stop")};
    float row_w = 0.0f, col_w = 0.0f;
    for (const char* r : rows) row_w = std::max(row_w, f->CalcTextSizeA(text_px, 1e9f, 0.0f, r).x);
    for (const char* c : cols) col_w = std::max(col_w, f->CalcTextSizeA(text_px, 1e9f, 0.0f, c).x);
    const float bar_w = std::max(col_w, text_px * 4.0f), pad = text_px * 0.4f, line = text_px * 1.25f;
    const float title_w = f->CalcTextSizeA(text_px, 1e9f, 0.0f, title).x;
    const ImVec2 size(std::max(row_w + 2.0f * bar_w + 4.0f * pad, title_w + 2.0f * pad), 4.0f * line + pad);
    // Corners in order of preference: top right (below the legend), bottom right, top left.
    const ImVec2 corners[] = {ImVec2(area.max.x - size.x - 6.0f, area.min.y + line * 2.0f), ImVec2(area.max.x - size.x - 6.0f, area.max.y - size.y - 6.0f),
                              ImVec2(area.min.x + 6.0f, area.min.y + line * 2.0f)};
    Box box{};
    bool found = false;
    for (const ImVec2& c : corners) {
        const Box b{c, ImVec2(c.x + size.x, c.y + size.y)};
        if (b.min.x < area.min.x || b.min.y < area.min.y) continue;
        bool clear = true;
        for (const Box& t : taken) clear = clear && !overlaps(b, t, 4.0f);
        if (clear) { box = b; found = true; break; }
    }
    if (!found) return Box{};
    dl->AddRectFilled(box.min, box.max, with_alpha(th.panel, 0.92f), 6.0f);
    dl->AddRect(box.min, box.max, th.panel_border, 6.0f);
    ImVec2 p(box.min.x + pad, box.min.y + pad * 0.5f);
    dl->AddText(f, text_px, p, th.text, title);
    const ImVec4 clip(area.min.x, area.min.y, area.max.x, area.max.y);
    record_label(app, "striatum.title" + brain.tag, p, ImVec2(p.x + title_w, p.y + text_px), clip);
    const float x0 = box.min.x + pad + row_w + pad;
    for (int c = 0; c < 2; ++c) {
        const float cw = f->CalcTextSizeA(text_px, 1e9f, 0.0f, cols[c]).x;
        const ImVec2 cp(x0 + static_cast<float>(c) * (bar_w + pad) + (bar_w - cw) * 0.5f, box.min.y + pad * 0.5f + line);
        dl->AddText(f, text_px, cp, c == 0 ? th.good : th.bad, cols[c]);
        record_label(app, std::string(c == 0 ? "striatum.go" : "striatum.stop") + brain.tag, cp, ImVec2(cp.x + cw, cp.y + text_px), clip);
    }
    const double values[2][2] = {{brain.out.direct_nac, brain.out.indirect_nac}, {brain.out.direct_dstr, brain.out.indirect_dstr}};
    for (int r = 0; r < 2; ++r) {
        const float y = box.min.y + pad * 0.5f + line * static_cast<float>(r + 2);
        dl->AddText(f, text_px, ImVec2(box.min.x + pad, y), th.text_dim, rows[r]);
        for (int c = 0; c < 2; ++c) {
            const ImVec2 b0(x0 + static_cast<float>(c) * (bar_w + pad), y + text_px * 0.2f), b1(b0.x + bar_w, y + text_px * 0.95f);
            dl->AddRectFilled(b0, b1, th.grid, 3.0f);
            // log2 of the activity, from x1/4 (empty) through typical (half) to x4 (full).
            const float frac = std::clamp(0.5f + static_cast<float>(std::log2(std::max(values[r][c], 1e-3))) / 4.0f, 0.0f, 1.0f);
            dl->AddRectFilled(b0, ImVec2(b0.x + bar_w * frac, b1.y), c == 0 ? th.good : th.bad, 3.0f);
            const float mid = b0.x + bar_w * 0.5f;
            dl->AddLine(ImVec2(mid, b0.y - 2.0f), ImVec2(mid, b1.y + 2.0f), th.ghost, 2.0f);
        }
    }
    app.widget_rects.push_back({"striatum_output" + brain.tag, box.min.x, box.min.y, box.max.x - box.min.x, box.max.y - box.min.y});
    if (hovered_canvas && ImGui::IsMouseHoveringRect(box.min, box.max)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
        ImGui::TextUnformatted(tr(app, "striatum.tip"));
        char buf[256];
        std::snprintf(buf, sizeof buf, tr(app, "striatum.values"), 100.0 * values[0][0], 100.0 * values[0][1], 100.0 * values[1][0], 100.0 * values[1][1]);
        ImGui::TextUnformatted(buf);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    return box;
}

void draw_brain(App& app, const BrainRef& brain, ImVec2 pos, ImVec2 size) {
    const Theme& th = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Geometry& g = app.geometry;
    View v;
    v.scale = std::min(size.x / g.size.x, size.y / g.size.y);
    v.origin = ImVec2(pos.x + (size.x - g.size.x * v.scale) * 0.5f, pos.y + (size.y - g.size.y * v.scale) * 0.5f);
    const float s = v.scale;
    const ImGuiIO& io = ImGui::GetIO();
    const Box area{pos, ImVec2(pos.x + size.x, pos.y + size.y)};
    const ImVec4 clip(area.min.x, area.min.y, area.max.x, area.max.y);

    // Interaction surface (hover and tap for tooltips).
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton(brain.first ? "schematic" : "schematic_b", size);
    const bool hovered = ImGui::IsItemHovered();
    const Vec2 mouse((io.MousePos.x - v.origin.x) / s, (io.MousePos.y - v.origin.y) / s);
    std::vector<Box> taken;  // everything a label must not cover

    // Body band: the glands live outside the brain.
    const ImVec2 band0 = v.to_screen({40, 612}), band1 = v.to_screen({500, 714});
    dl->AddRectFilled(band0, band1, th.body_band, 12.0f * s);

    // Brain.
    for (const Outline& o : g.outlines) fill_star(dl, v, o, th.brain_fill, th.brain_outline, std::max(1.5f, 3.0f * s));
    dl->AddBezierCubic(v.to_screen(g.callosum[0]), v.to_screen(g.callosum[1]), v.to_screen(g.callosum[2]), v.to_screen(g.callosum[3]), th.callosum, std::max(2.0f, 9.0f * s));

    // Hover target.
    std::string hover_region, hover_path;
    if (hovered) {
        for (const Region& r : g.regions) {
            const float dx = (mouse.x - r.center.x) / (r.radius.x + 6.0f), dy = (mouse.y - r.center.y) / (r.radius.y + 6.0f);
            if (dx * dx + dy * dy <= 1.0f) hover_region = r.id;
        }
        if (hover_region.empty()) {
            float best = 14.0f / std::max(s, 0.2f);
            for (const Pathway& p : g.pathways) {
                const float d = distance_to_curve(p.curve, mouse);
                if (d < best) { best = d; hover_path = p.id; }
            }
        }
    }

    // Where regions and pathways are on screen (for the browser tests and the accessibility mirror).
    for (const Region& r : g.regions) {
        const ImVec2 a = v.to_screen({r.center.x - r.radius.x, r.center.y - r.radius.y});
        app.widget_rects.push_back({"region:" + brain.tag + r.id, a.x, a.y, 2.0f * r.radius.x * s, 2.0f * r.radius.y * s});
        taken.push_back({ImVec2(a.x, a.y), ImVec2(a.x + 2.0f * r.radius.x * s, a.y + 2.0f * r.radius.y * s), &r});
    }
    for (const Pathway& p : g.pathways) {
        ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
        for (int k = 0; k <= 16; ++k) {
            const ImVec2 q = v.to_screen(bezier(p.curve, static_cast<float>(k) / 16.0f));
            lo = ImVec2(std::min(lo.x, q.x), std::min(lo.y, q.y));
            hi = ImVec2(std::max(hi.x, q.x), std::max(hi.y, q.y));
        }
        app.widget_rects.push_back({"pathway:" + brain.tag + p.id, lo.x, lo.y, hi.x - lo.x, hi.y - lo.y});
    }

    // Pathways: width and brightness follow activity; pulses travel at a rate that follows firing.
    for (std::size_t i = 0; i < g.pathways.size(); ++i) {
        const Pathway& p = g.pathways[i];
        const PathActivity act = pathway_activity(p.id, brain.out, brain.inputs);
        const ImU32 col = role_color(p.color);
        const float width = s * (2.0f + 12.0f * act.activity) + (hover_path == p.id ? 3.0f : 0.0f);
        for (int k = 0; k <= 40; ++k) dl->PathLineTo(v.to_screen(bezier(p.curve, static_cast<float>(k) / 40.0f)));
        dl->PathStroke(with_alpha(col, 0.12f + 0.6f * act.activity), 0, std::max(1.0f, width));
        if (i >= brain.anim.paths.size()) continue;
        const PathwayAnim& a = brain.anim.paths[i];
        for (int k = 0; k < a.count; ++k) {
            const float strength = a.strength[static_cast<std::size_t>(k)];
            const ImVec2 c = v.to_screen(bezier(p.curve, a.pos[static_cast<std::size_t>(k)]));
            const float r = s * (4.0f + 2.5f * strength);
            if (!app.settings.reduced_motion && strength > 1.2f) dl->AddCircleFilled(c, r * 2.2f, with_alpha(col, 0.25f));
            dl->AddCircleFilled(c, std::max(2.0f, r), mix(col, IM_COL32_WHITE, std::min(0.6f, 0.15f * strength)));
        }
    }

    // Regions: the fill grows with the level (an empty outline at zero), a glow above typical.
    for (const Region& r : g.regions) {
        const ImVec2 c = v.to_screen(r.center);
        const ImVec2 rad(r.radius.x * s, r.radius.y * s);
        const ImU32 col = role_color(r.color);
        const bool neutral = r.color == "neutral";
        const float level = neutral ? 1.0f : std::clamp(region_level(r.id, brain.out, app.typical), 0.0f, 5.0f);
        ellipse_path(dl, c, rad);
        dl->PathFillConvex(with_alpha(th.brain_fill, 0.9f));
        if (level > 1.05f) {  // above typical: a halo that grows with the excess
            const float k = 1.0f + 0.22f * std::min(level - 1.0f, 3.0f);
            ellipse_path(dl, c, ImVec2(rad.x * k, rad.y * k));
            dl->PathFillConvex(with_alpha(col, 0.12f + 0.08f * std::min(level - 1.0f, 3.0f)));
        }
        const float fill = std::sqrt(std::min(level, 1.0f));  // area follows the level up to typical
        if (fill > 0.02f) {
            ellipse_path(dl, c, ImVec2(rad.x * fill, rad.y * fill));
            dl->PathFillConvex(with_alpha(col, neutral ? 0.35f : 0.85f));
        }
        const ImU32 stroke = hover_region == r.id ? th.text : mix(col, th.text, 0.3f);
        if (level < 0.05f) dashed_ellipse(dl, c, rad, stroke, std::max(1.5f, 2.0f * s));
        else { ellipse_path(dl, c, rad); dl->PathStroke(stroke, ImDrawFlags_Closed, std::max(1.5f, 2.5f * s)); }
        if (r.id == "vta" && brain.out.rpe > 0.2) {  // burst: a flash (a steady ring with calm motion)
            ellipse_path(dl, c, ImVec2(rad.x * (app.settings.reduced_motion ? 1.5f : 1.9f), rad.y * (app.settings.reduced_motion ? 1.5f : 1.9f)));
            dl->PathStroke(app.settings.reduced_motion ? th.text : with_alpha(th.text, static_cast<float>(std::min(1.0, brain.out.rpe))), ImDrawFlags_Closed, 3.0f * s + 1.0f);
        }
        if (r.id == "vta" && brain.out.rpe < -0.2) {  // a pause: the nucleus dims
            ellipse_path(dl, c, rad);
            dl->PathFillConvex(with_alpha(th.background, 0.55f));
        }
        if (brain.first && lesson_focuses(app.lesson, app.lessons, "region:" + r.id)) highlight_rect(app, ImVec2(c.x - rad.x - 4.0f, c.y - rad.y - 4.0f), ImVec2(c.x + rad.x + 4.0f, c.y + rad.y + 4.0f));
    }

    // Legend: one colour per transmitter / hormone, top left, kept clear of the labels.
    const float small_px = std::max(font_px(fonts().small), 12.0f);
    if (brain.first && !is_hidden(app, "legend") && size.x > 260.0f) {
        const char* roles[] = {"dopamine", "norepinephrine", "serotonin", "thyroid", "cortisol", "estradiol"};
        ImFont* f = fonts().small;
        ImVec2 p(pos.x + 6.0f, pos.y + 4.0f);
        // The page's own buttons sit over the canvas's top right corner: the legend stops short of them.
        const float tools_w = app.ui.page_tools_w, tools_h = app.ui.page_tools_h;
        const float right = pos.x + size.x - (pos.y < tools_h && pos.x + size.x > io.DisplaySize.x - tools_w ? tools_w : 0.0f);
        for (const char* role : roles) {
            const char* text = tr(app, std::string("legend.") + role);
            const float w = f->CalcTextSizeA(small_px, 1e9f, 0.0f, text).x;
            if (p.x + w + small_px * 2.0f > right) { p.x = pos.x + 6.0f; p.y += small_px * 1.3f; }
            dl->AddCircleFilled(ImVec2(p.x + small_px * 0.4f, p.y + small_px * 0.55f), small_px * 0.35f, role_color(role));
            dl->AddText(f, small_px, ImVec2(p.x + small_px, p.y), th.text_dim, text);
            const Box b{ImVec2(p.x, p.y), ImVec2(p.x + small_px + w, p.y + small_px * 1.2f)};
            record_label(app, std::string("legend.") + role, b.min, b.max, clip);
            taken.push_back(b);
            p.x += w + small_px * 2.0f;
        }
    }

    // The striatum's output pathways in a free corner (not on phones and small frames: the drive meter's
    // "starts actions" row and the narration say it there).
    const bool compact = s < 0.5f;
    if (!compact && !is_hidden(app, "legend")) {
        const Box so = draw_striatum_output(app, brain, dl, area, taken, std::max(font_px(fonts().small), 12.0f), hovered);
        if (so.max.x > so.min.x) taken.push_back(so);
    }

    // Labels, most important first; a label that finds no free spot is left out rather than overlap.
    ImFont* bold = fonts().bold;
    const float label_px = std::max(13.0f, font_px(bold) * std::clamp(s * 1.4f, 0.85f, 1.1f));
    const float value_px = std::max(12.0f, small_px * std::clamp(s * 1.25f, 0.8f, 1.0f));
    const char* order[] = {"vta", "nac", "pfc", "lc", "raphe", "thyroid", "adrenal", "gonads", "hypothalamus", "pituitary"};
    for (const char* id : order) {
        const Region* r = g.region(id);
        if (!r) continue;
        LabelText t;
        t.region = r;
        t.name = tr(app, (compact ? "region.short." : "region.") + r->id);
        const bool gland = r->id == "thyroid" || r->id == "adrenal" || r->id == "gonads";
        if (!compact && (r->id == "nac" || r->id == "pfc" || r->id == "vta" || gland)) {
            char buf[96];
            if (r->id == "gonads") std::snprintf(buf, sizeof buf, tr(app, "region.label_value.gonads"), 100.0 * brain.out.estradiol_level, 100.0 * brain.out.testosterone_level);
            else std::snprintf(buf, sizeof buf, tr(app, "region.label_value." + r->id), (gland ? 100.0 : 1.0) * output_value(brain.out, r->value));
            t.value = buf;
        }
        t.name_size = bold->CalcTextSizeA(label_px, 1e9f, 0.0f, t.name.c_str());
        t.value_size = t.value.empty() ? ImVec2(0, 0) : fonts().small->CalcTextSizeA(value_px, 1e9f, 0.0f, t.value.c_str());
        const ImVec2 box_size(std::max(t.name_size.x, t.value_size.x) + 4.0f, t.name_size.y + t.value_size.y + 2.0f);
        Box b;
        const bool designed = !compact || gland;  // gland names sit on the glands at every size
        if (!place(v, *r, box_size, designed, area, taken, g.regions, &b)) {
            // Without the value line, at least the name.
            t.value.clear();
            const ImVec2 name_only(t.name_size.x + 4.0f, t.name_size.y + 2.0f);
            if (!place(v, *r, name_only, designed, area, taken, g.regions, &b)) continue;
        }
        taken.push_back(b);
        // A leader line when the label sits away from its region.
        const ImVec2 rc = v.to_screen(r->center);
        const ImVec2 bc((b.min.x + b.max.x) * 0.5f, (b.min.y + b.max.y) * 0.5f);
        const float dx = bc.x - rc.x, dy = bc.y - rc.y, len = std::max(1.0f, std::hypot(dx, dy));
        const float reach = std::max(r->radius.x, r->radius.y) * s + std::max(b.max.x - b.min.x, b.max.y - b.min.y) * 0.5f + 12.0f;
        if (len > reach) {
            const float ex = std::abs(dx) / len, ey = std::abs(dy) / len;
            const float edge = std::min(r->radius.x * s / std::max(ex, 1e-3f), r->radius.y * s / std::max(ey, 1e-3f));
            const float bt = std::min((b.max.x - b.min.x) * 0.5f / std::max(std::abs(dx), 1e-3f), (b.max.y - b.min.y) * 0.5f / std::max(std::abs(dy), 1e-3f));
            dl->AddLine(ImVec2(rc.x + dx / len * edge, rc.y + dy / len * edge), ImVec2(bc.x - dx * bt, bc.y - dy * bt), with_alpha(th.text_dim, 0.8f), std::max(1.0f, 1.5f * s));
        }
        const ImVec2 np(std::round(bc.x - t.name_size.x * 0.5f), b.min.y + 1.0f);
        shadowed_text(dl, bold, label_px, np, th.text, t.name.c_str());
        record_label(app, "region." + brain.tag + r->id, np, ImVec2(np.x + t.name_size.x, np.y + t.name_size.y), clip);
        if (!t.value.empty()) {
            const ImVec2 vp(std::round(bc.x - t.value_size.x * 0.5f), np.y + t.name_size.y + 1.0f);
            shadowed_text(dl, fonts().small, value_px, vp, th.text_dim, t.value.c_str());
            record_label(app, "region_value." + brain.tag + r->id, vp, ImVec2(vp.x + t.value_size.x, vp.y + t.value_size.y), clip);
        }
    }

    // Pathway names along the two dopamine pathways, and where the glands are, when there is room.
    if (!compact) {
        for (const char* id : {"mesolimbic", "mesocortical"}) {
            const Pathway* p = nullptr;
            for (const Pathway& q : g.pathways) if (q.id == id) p = &q;
            if (!p) continue;
            Region at;
            at.center = bezier(p->curve, std::string_view(id) == "mesolimbic" ? 0.45f : 0.55f);
            at.radius = Vec2(2.0f, 2.0f);
            const char* text = tr(app, std::string("pathway.short.") + id);
            const ImVec2 ts = fonts().small->CalcTextSizeA(value_px, 1e9f, 0.0f, text);
            Box b;
            if (!place(v, at, ImVec2(ts.x + 4.0f, ts.y + 2.0f), false, area, taken, {}, &b)) continue;
            taken.push_back(b);
            shadowed_text(dl, fonts().small, value_px, ImVec2(b.min.x + 2.0f, b.min.y + 1.0f), th.text, text);
            record_label(app, "pathway." + brain.tag + id, ImVec2(b.min.x + 2.0f, b.min.y + 1.0f), ImVec2(b.min.x + 2.0f + ts.x, b.min.y + 1.0f + ts.y), clip);
        }
        const char* body = tr(app, "schematic.body");
        const ImVec2 ts = fonts().small->CalcTextSizeA(value_px, 1e9f, 0.0f, body);
        const Box b{ImVec2(band0.x + 6.0f, band1.y - ts.y - 4.0f), ImVec2(band0.x + 6.0f + ts.x, band1.y - 4.0f)};
        bool clear = b.max.x < band1.x && b.max.x < area.max.x;
        for (const Box& t : taken) clear = clear && !overlaps(b, t, 1.0f);
        if (clear) {
            dl->AddText(fonts().small, value_px, b.min, th.text_dim, body);
            record_label(app, "schematic.body" + std::string(brain.first ? "" : ".b"), b.min, b.max, clip);
        }
    }

    // [SECTION] Tooltip ------------------------------------------------------------------------------------
    if (hover_region.empty() && hover_path.empty()) return;
    app.widget_rects.push_back({"tooltip:" + (hover_region.empty() ? "pathway:" + brain.tag + hover_path : "region:" + brain.tag + hover_region), io.MousePos.x, io.MousePos.y, 0, 0});
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 20.0f);
    if (!hover_region.empty()) {
        const Region* r = g.region(hover_region);
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(tr(app, "region." + hover_region));
        ImGui::PopFont();
        ImGui::TextUnformatted(tr(app, "region.desc." + hover_region));
        if (r && !r->value.empty()) {
            char buf[160];
            const bool gland = r->id == "thyroid" || r->id == "adrenal" || r->id == "gonads";
            if (r->id == "gonads") std::snprintf(buf, sizeof buf, tr(app, "region.value.gonads"), 100.0 * brain.out.estradiol_level, 100.0 * brain.out.testosterone_level);
            else if (r->id == "raphe") std::snprintf(buf, sizeof buf, tr(app, "region.value.raphe"), brain.out.raphe_rate_hz, 100.0 * brain.out.serotonin_level);
            else if (r->id == "vta") std::snprintf(buf, sizeof buf, tr(app, "region.value.vta"), brain.out.vta_rate_hz, brain.out.vta_mc_rate_hz);
            else std::snprintf(buf, sizeof buf, tr(app, "region.value." + hover_region), (gland ? 100.0 : 1.0) * output_value(brain.out, r->value));
            ImGui::TextUnformatted(buf);
        }
        ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
        ImGui::Text(tr(app, "tooltip.source"), tr(app, "region.source." + hover_region));
        ImGui::PopStyleColor();
    } else {
        const PathActivity act = pathway_activity(hover_path, brain.out, brain.inputs);
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(tr(app, "pathway." + hover_path));
        ImGui::PopFont();
        ImGui::TextUnformatted(tr(app, "pathway.desc." + hover_path));
        ImGui::Text(tr(app, "pathway.value"), 200.0 * static_cast<double>(act.activity));
        ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
        ImGui::Text(tr(app, "tooltip.source"), tr(app, "pathway.source." + hover_path));
        ImGui::PopStyleColor();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
    ImGui::TextUnformatted(tr(app, "tooltip.glossary"));
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace

void panel_schematic(App& app, ImVec2 pos, ImVec2 size) {
    const BrainRef first{app.inputs, app.out, app.anim, "", true};
    if (!app.compare.on) { draw_brain(app, first, pos, size); return; }
    // Compare mode: two brains, side by side or one above the other - whichever draws them larger -
    // each above a caption naming its scenario (below, so the page's buttons never cover it).
    const Geometry& g = app.geometry;
    ImFont* bold = fonts().bold;
    const float cap_px = font_px(bold), cap_h = std::round(cap_px * 1.3f), gap = 6.0f;
    const float side_scale = std::min((size.x - gap) * 0.5f / g.size.x, (size.y - cap_h) / g.size.y);
    const float stack_scale = std::min(size.x / g.size.x, (size.y - gap - 2.0f * cap_h) * 0.5f / g.size.y);
    const bool side = side_scale >= stack_scale;
    const ImVec2 half = side ? ImVec2((size.x - gap) * 0.5f, size.y) : ImVec2(size.x, (size.y - gap) * 0.5f);
    const BrainRef second{app.compare.inputs, app.compare.out, app.compare.anim, "b.", false};
    const std::string titles[2] = {scenario_title(app, app.preset, app.inputs), scenario_title(app, app.compare.preset, app.compare.inputs)};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int k = 0; k < 2; ++k) {
        const ImVec2 p = side ? ImVec2(pos.x + static_cast<float>(k) * (half.x + gap), pos.y) : ImVec2(pos.x, pos.y + static_cast<float>(k) * (half.y + gap));
        char caption[160];
        std::snprintf(caption, sizeof caption, tr(app, k == 0 ? "compare.a" : "compare.b"), titles[k].c_str());
        // The caption shrinks (to 70%) rather than run past its half.
        const float natural = bold->CalcTextSizeA(cap_px, 1e9f, 0.0f, caption).x;
        const float px = cap_px * std::clamp((half.x - 8.0f) / std::max(natural, 1.0f), 0.7f, 1.0f);
        const ImVec2 ts = bold->CalcTextSizeA(px, 1e9f, 0.0f, caption);
        const ImVec2 cp(std::round(p.x + (half.x - ts.x) * 0.5f), p.y + half.y - cap_h + 2.0f);
        dl->AddRectFilled(ImVec2(cp.x - 6.0f, cp.y - 1.0f), ImVec2(cp.x + ts.x + 6.0f, cp.y + ts.y + 1.0f), with_alpha(theme().panel, 0.85f), 4.0f);
        dl->PushClipRect(p, ImVec2(p.x + half.x, p.y + half.y), true);
        dl->AddText(bold, px, cp, theme().text, caption);
        dl->PopClipRect();
        record_label(app, k == 0 ? "compare.a" : "compare.b", cp, ImVec2(cp.x + ts.x, cp.y + ts.y), ImVec4(p.x, p.y, p.x + half.x, p.y + half.y));
        if (k == 1 && side) dl->AddLine(ImVec2(p.x - gap * 0.5f, p.y + 4.0f), ImVec2(p.x - gap * 0.5f, p.y + half.y - 4.0f), theme().grid, 2.0f);
        if (k == 1 && !side) dl->AddLine(ImVec2(p.x + 4.0f, p.y - gap * 0.5f), ImVec2(p.x + half.x - 4.0f, p.y - gap * 0.5f), theme().grid, 2.0f);
        draw_brain(app, k == 0 ? first : second, p, ImVec2(half.x, half.y - cap_h));
    }
}

}  // namespace neurodrive::app
