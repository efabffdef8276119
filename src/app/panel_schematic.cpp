// panel_schematic.cpp - the animated mid-sagittal brain: outlines, regions, pathways with travelling
// pulses (rate follows firing; bursts flash, pauses dim), glows for local concentration, receptor
// halos, hover/tap tooltips and a colour legend. Drawn from assets/geometry.json with ImDrawList.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <glm/geometric.hpp>

#include "neurodrive/names.hpp"
#include "ui.hpp"

namespace neurodrive::app {
namespace {

struct View {
    ImVec2 origin;
    float scale = 1.0f;
    ImVec2 to_screen(Vec2 p) const { return ImVec2(origin.x + p.x * scale, origin.y + p.y * scale); }
};

struct PathActivity {
    float rate_hz = 0.0f;     // pulses are spawned at a fraction of this
    float activity = 0.0f;    // 0-1: width and brightness
    float travel_s = 1.4f;    // time for a pulse to travel the path
    float burst = 0.0f;       // >0 during a phasic burst
};

PathActivity activity_of(const App& app, const std::string& id) {
    const model::Outputs& o = app.out;
    const model::State& s = app.state;
    const float burst = static_cast<float>(std::max(0.0, o.rpe));
    if (id == "mesolimbic") return {static_cast<float>(o.vta_rate_hz * (1.0 - app.inputs.nac_depletion)), static_cast<float>(o.mesolimbic), 1.2f, burst};
    if (id == "mesocortical") return {static_cast<float>(o.vta_rate_hz), static_cast<float>(o.mesocortical), 1.6f, burst};
    if (id == "ne_cortex") return {static_cast<float>(o.lc_rate_hz), static_cast<float>(o.ne_level / (o.ne_level + 1.2)), 2.2f, 0.0f};
    if (id == "serotonin_forebrain" || id == "serotonin_vta") {
        const float level = static_cast<float>(o.serotonin_level);
        return {static_cast<float>(o.raphe_rate_hz), level / (level + 1.2f), id == "serotonin_vta" ? 0.5f : 1.8f, 0.0f};
    }
    if (id == "thyroid_blood") return {static_cast<float>(1.5 * s.thyroid_eff), static_cast<float>(s.thyroid_eff / 2.0), 2.5f, 0.0f};
    if (id == "cortisol_blood") {
        const double load = s.stress_load + 0.8 * s.acute_stress;
        return {static_cast<float>(1.5 * load), static_cast<float>(std::min(1.0, load / 2.0)), 2.5f, 0.0f};
    }
    if (id == "gonadal_blood") {
        const double level = 0.5 * (s.estradiol_eff + s.testosterone_eff);
        return {static_cast<float>(1.5 * level), static_cast<float>(level / 2.0), 2.5f, 0.0f};
    }
    return {};
}

// Glow of a region: 1 = typical level.
float relative_level(const App& app, const std::string& id) {
    const model::Outputs& o = app.out;
    const model::Outputs& t = app.typical;
    if (id == "pfc") return static_cast<float>(o.da_pfc_nM / t.da_pfc_nM);
    if (id == "nac") return static_cast<float>(o.da_nac_nM / t.da_nac_nM);
    if (id == "vta") return static_cast<float>(o.vta_rate_hz / 4.5);
    if (id == "lc") return static_cast<float>(o.lc_rate_hz / t.lc_rate_hz);
    if (id == "raphe") return static_cast<float>(o.raphe_rate_hz / t.raphe_rate_hz);
    if (id == "thyroid") return static_cast<float>(app.state.thyroid_eff);
    if (id == "adrenal") return static_cast<float>(app.state.stress_load + 0.8 * app.state.acute_stress);
    if (id == "gonads") return static_cast<float>(0.5 * (app.state.estradiol_eff + app.state.testosterone_eff));
    return 1.0f;
}

double output_value(const App& app, const std::string& name) {
    const model::OutputSpec* spec = model::find_output(name);
    return spec ? app.out.*(spec->field) : 0.0;
}

void ellipse_path(ImDrawList* dl, ImVec2 c, ImVec2 r, int segments = 40) {
    for (int i = 0; i < segments; ++i) {
        const float a = static_cast<float>(i) / static_cast<float>(segments) * 6.2831853f;
        dl->PathLineTo(ImVec2(c.x + std::cos(a) * r.x, c.y + std::sin(a) * r.y));
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

void shadowed_text(ImDrawList* dl, ImFont* font, float size, ImVec2 center, ImU32 col, const char* text) {
    const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text);
    const ImVec2 p(std::round(center.x - ts.x * 0.5f), std::round(center.y - ts.y * 0.5f));
    const ImU32 shadow = with_alpha(theme().background, 0.9f);
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) dl->AddText(font, size, ImVec2(p.x + static_cast<float>(dx) * 1.5f, p.y + static_cast<float>(dy) * 1.5f), shadow, text);
    dl->AddText(font, size, p, col, text);
}

float distance_to_curve(const std::array<Vec2, 4>& c, Vec2 p) {
    float best = 1e9f;
    for (int i = 0; i <= 32; ++i) {
        best = std::min(best, glm::distance(bezier(c, static_cast<float>(i) / 32.0f), p));
    }
    return best;
}

void advance_pulses(App& app, float dt) {
    const float motion = app.ui.reduced_motion ? 0.5f : 1.0f;
    for (std::size_t i = 0; i < app.geometry.pathways.size(); ++i) {
        PathwayAnim& a = app.anims[i];
        const PathActivity act = activity_of(app, app.geometry.pathways[i].id);
        // Move and retire pulses.
        int kept = 0;
        for (int k = 0; k < a.count; ++k) {
            const float pos = a.pos[static_cast<std::size_t>(k)] + dt * motion / act.travel_s;
            if (pos <= 1.0f) {
                a.pos[static_cast<std::size_t>(kept)] = pos;
                a.strength[static_cast<std::size_t>(kept)] = a.strength[static_cast<std::size_t>(k)];
                ++kept;
            }
        }
        a.count = kept;
        // Spawn: half a visible pulse per spike, so 4.5 Hz tonic reads as a steady trickle and a
        // 25 Hz burst as a dense volley.
        a.spawn_acc += static_cast<double>(act.rate_hz * 0.5f * dt * motion);
        while (a.spawn_acc >= 1.0) {
            a.spawn_acc -= 1.0;
            if (a.count < kMaxPulses) {
                a.pos[static_cast<std::size_t>(a.count)] = 0.0f;
                a.strength[static_cast<std::size_t>(a.count)] = 1.0f + 2.0f * act.burst;
                ++a.count;
            }
        }
    }
}

}  // namespace

void panel_schematic(App& app, ImVec2 pos, ImVec2 size) {
    const Theme& th = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Geometry& g = app.geometry;
    View v;
    v.scale = std::min(size.x / g.size.x, size.y / g.size.y);
    v.origin = ImVec2(pos.x + (size.x - g.size.x * v.scale) * 0.5f, pos.y + (size.y - g.size.y * v.scale) * 0.5f);
    const float s = v.scale;
    const ImGuiIO& io = ImGui::GetIO();
    if (!app.paused) advance_pulses(app, io.DeltaTime * app.speed);

    // Interaction surface (hover and tap for tooltips).
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("schematic", size);
    const bool hovered = ImGui::IsItemHovered();
    const Vec2 mouse((io.MousePos.x - v.origin.x) / s, (io.MousePos.y - v.origin.y) / s);

    // Body band: the glands live outside the brain.
    const ImVec2 band0 = v.to_screen({40, 612}), band1 = v.to_screen({500, 714});
    dl->AddRectFilled(band0, band1, th.body_band, 12.0f * s);
    {
        const float px = fonts().small->FontSize * io.FontGlobalScale;
        const char* text = tr(app, "schematic.body");
        const float tw = fonts().small->CalcTextSizeA(px, 1e9f, 0.0f, text).x;
        const float scale_text = std::min(1.0f, (band1.x - band0.x - 12.0f) / std::max(tw, 1.0f));
        dl->AddText(fonts().small, px * scale_text, ImVec2(band0.x + 8 * s, band1.y - px * scale_text - 4 * s), th.text_dim, text);
    }

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
        app.widget_rects.push_back({"region:" + r.id, a.x, a.y, 2.0f * r.radius.x * s, 2.0f * r.radius.y * s});
    }
    for (const Pathway& p : g.pathways) {
        ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
        for (int k = 0; k <= 16; ++k) {
            const ImVec2 q = v.to_screen(bezier(p.curve, static_cast<float>(k) / 16.0f));
            lo = ImVec2(std::min(lo.x, q.x), std::min(lo.y, q.y));
            hi = ImVec2(std::max(hi.x, q.x), std::max(hi.y, q.y));
        }
        app.widget_rects.push_back({"pathway:" + p.id, lo.x, lo.y, hi.x - lo.x, hi.y - lo.y});
    }

    // Pathways: width and brightness follow activity; pulses travel at a rate that follows firing.
    for (std::size_t i = 0; i < g.pathways.size(); ++i) {
        const Pathway& p = g.pathways[i];
        const PathActivity act = activity_of(app, p.id);
        const ImU32 col = role_color(p.color);
        const float width = s * (3.0f + 10.0f * act.activity) + (hover_path == p.id ? 3.0f : 0.0f);
        for (int k = 0; k <= 40; ++k) dl->PathLineTo(v.to_screen(bezier(p.curve, static_cast<float>(k) / 40.0f)));
        dl->PathStroke(with_alpha(col, 0.18f + 0.55f * act.activity), 0, std::max(1.5f, width));
        const PathwayAnim& a = app.anims[i];
        for (int k = 0; k < a.count; ++k) {
            const float strength = a.strength[static_cast<std::size_t>(k)];
            const ImVec2 c = v.to_screen(bezier(p.curve, a.pos[static_cast<std::size_t>(k)]));
            const float r = s * (4.0f + 2.5f * strength);
            if (!app.ui.reduced_motion && strength > 1.2f) dl->AddCircleFilled(c, r * 2.2f, with_alpha(col, 0.25f));
            dl->AddCircleFilled(c, std::max(2.0f, r), mix(col, IM_COL32_WHITE, std::min(0.6f, 0.15f * strength)));
        }
    }

    // Names of the two dopamine pathways, along their curves (not on small drawings).
    for (const Pathway& p : g.pathways) {
        if (s < 0.45f) break;
        if (p.id != "mesolimbic" && p.id != "mesocortical") continue;
        const Vec2 m = bezier(p.curve, p.id == "mesolimbic" ? 0.45f : 0.55f);
        const ImVec2 c = v.to_screen({m.x + (p.id == "mesolimbic" ? 0.0f : 62.0f), m.y + (p.id == "mesolimbic" ? -22.0f : 0.0f)});
        // Text colour, not the pathway colour: the label must read at 4.5:1 in every theme.
        shadowed_text(dl, fonts().small, fonts().small->FontSize * io.FontGlobalScale, c, th.text, tr(app, "pathway.short." + p.id));
    }

    // Regions: glow with local concentration or firing; halos for receptor sensitivity.
    for (const Region& r : g.regions) {
        const ImVec2 c = v.to_screen(r.center);
        const ImVec2 rad(r.radius.x * s, r.radius.y * s);
        const ImU32 col = role_color(r.color);
        const float level = std::clamp(relative_level(app, r.id), 0.0f, 4.0f);
        const float glow = std::clamp(0.25f + 0.35f * level, 0.12f, 1.0f);
        ellipse_path(dl, c, ImVec2(rad.x * (1.0f + 0.25f * std::min(level, 3.0f)), rad.y * (1.0f + 0.25f * std::min(level, 3.0f))));
        dl->PathFillConvex(with_alpha(col, 0.18f * glow));
        ellipse_path(dl, c, rad);
        dl->PathFillConvex(with_alpha(col, 0.35f + 0.5f * glow));
        ellipse_path(dl, c, rad);
        dl->PathStroke(hover_region == r.id ? th.text : mix(col, IM_COL32_WHITE, 0.3f), ImDrawFlags_Closed, std::max(1.5f, 2.5f * s));
        if (r.id == "vta" && app.out.rpe > 0.2 && !app.ui.reduced_motion) {  // burst flash
            ellipse_path(dl, c, ImVec2(rad.x * 1.9f, rad.y * 1.9f));
            dl->PathStroke(with_alpha(IM_COL32_WHITE, static_cast<float>(std::min(1.0, app.out.rpe))), ImDrawFlags_Closed, 4.0f * s);
        }
        if (r.id == "vta" && app.out.rpe > 0.2 && app.ui.reduced_motion) {  // calm: a steady ring, no flash
            ellipse_path(dl, c, ImVec2(rad.x * 1.5f, rad.y * 1.5f));
            dl->PathStroke(th.text, ImDrawFlags_Closed, 2.0f * s);
        }
        if (r.id == "nac" || r.id == "pfc") {  // receptor halo
            const double sens = r.id == "nac" ? app.out.receptor_sensitivity * (1.0 - app.inputs.d2_antagonist) : std::min(3.0, app.out.d1_stimulation_pfc);
            const float halo = static_cast<float>(std::clamp(sens, 0.0, 3.0));
            ellipse_path(dl, c, ImVec2(rad.x + 9.0f * s, rad.y + 9.0f * s), 48);
            dl->PathStroke(with_alpha(th.text, 0.15f + 0.25f * std::min(halo, 2.0f)), ImDrawFlags_Closed, std::max(1.0f, s * (1.0f + 3.0f * halo)));
        }
    }

    // Labels (with the live value for the main dopamine regions); far labels get a leader line.
    ImFont* bold = fonts().bold;
    const float label_px = bold->FontSize * io.FontGlobalScale * std::clamp(s * 1.25f, 0.8f, 1.15f);
    const float value_px = fonts().small->FontSize * io.FontGlobalScale;
    // Small drawings (phones, small iframes) use short labels placed on the regions themselves.
    const bool compact = s < 0.45f;
    for (const Region& r : g.regions) {
        const Vec2 offset = compact ? Vec2(0.0f, 0.0f) : r.label;
        const ImVec2 c = v.to_screen(r.center + offset);
        const char* name = tr(app, (compact ? "region.short." : "region.") + r.id);
        const bool has_value = !compact && (r.id == "nac" || r.id == "pfc" || r.id == "vta");
        const ImVec2 ts = bold->CalcTextSizeA(label_px, 1e9f, 0.0f, name);
        const float box_h = ts.y + (has_value ? value_px * 1.1f : 0.0f);
        const ImVec2 box_c(c.x, c.y + (box_h - ts.y) * 0.5f);
        const float dist = std::hypot(offset.x, offset.y);
        if (dist > std::max(r.radius.x, r.radius.y) + 30.0f) {
            const ImVec2 rc = v.to_screen(r.center);
            const float dx = box_c.x - rc.x, dy = box_c.y - rc.y, len = std::max(1.0f, std::hypot(dx, dy));
            const float edge = std::min(r.radius.x * s / std::max(std::abs(dx) / len, 1e-3f), r.radius.y * s / std::max(std::abs(dy) / len, 1e-3f));
            const float box_t = std::min((ts.x * 0.5f + 4.0f) / std::max(std::abs(dx), 1e-3f), (box_h * 0.5f + 3.0f) / std::max(std::abs(dy), 1e-3f));
            const ImVec2 a(rc.x + dx / len * std::min(edge, len), rc.y + dy / len * std::min(edge, len));
            const ImVec2 b(box_c.x - dx * box_t, box_c.y - dy * box_t);
            dl->AddLine(a, b, with_alpha(th.text_dim, 0.8f), std::max(1.0f, 1.5f * s));
        }
        shadowed_text(dl, bold, label_px, c, th.text, name);
        if (has_value) {
            char buf[64];
            std::snprintf(buf, sizeof buf, tr(app, "region.value." + r.id), output_value(app, r.value));
            shadowed_text(dl, fonts().small, value_px, ImVec2(c.x, c.y + ts.y * 0.5f + value_px * 0.6f), th.text_dim, buf);
        }
    }

    // Legend: one colour per transmitter / hormone.
    if (!is_hidden(app, "legend")) {
        const char* roles[] = {"dopamine", "norepinephrine", "serotonin", "thyroid", "cortisol", "estradiol"};
        ImFont* f = fonts().small;
        const float px = f->FontSize * io.FontGlobalScale;
        ImVec2 p(pos.x + 8.0f, pos.y + 6.0f);
        const float right = pos.x + size.x - (ImGui::GetIO().DisplaySize.x < 900.0f ? 120.0f : 0.0f);  // page buttons sit top right
        for (const char* role : roles) {
            const char* text = tr(app, std::string("legend.") + role);
            const float w = f->CalcTextSizeA(px, 1e9f, 0.0f, text).x;
            if (p.x + w + px * 2.0f > right) { p.x = pos.x + 8.0f; p.y += px * 1.3f; }
            dl->AddCircleFilled(ImVec2(p.x + px * 0.4f, p.y + px * 0.55f), px * 0.35f, role_color(role));
            dl->AddText(f, px, ImVec2(p.x + px, p.y), th.text_dim, text);
            p.x += w + px * 2.0f;
        }
    }

    // Tooltip.
    if (!hover_region.empty() || !hover_path.empty()) {
        app.widget_rects.push_back({"tooltip:" + (hover_region.empty() ? "pathway:" + hover_path : "region:" + hover_region), io.MousePos.x, io.MousePos.y, 0, 0});
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 20.0f);
        if (!hover_region.empty()) {
            const Region* r = g.region(hover_region);
            ImGui::PushFont(fonts().bold);
            ImGui::TextUnformatted(tr(app, "region." + hover_region));
            ImGui::PopFont();
            ImGui::TextUnformatted(tr(app, "region.desc." + hover_region));
            if (r && !r->value.empty()) {
                double value = output_value(app, r->value);
                if (r->id == "thyroid" || r->id == "adrenal" || r->id == "gonads") value *= 100.0;
                if (r->id == "gonads") value = 100.0 * 0.5 * (app.state.estradiol_eff + app.state.testosterone_eff);
                ImGui::Text(tr(app, "region.value." + hover_region), value);
            }
            ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
            ImGui::Text(tr(app, "tooltip.source"), tr(app, "region.source." + hover_region));
            ImGui::PopStyleColor();
        } else {
            const PathActivity act = activity_of(app, hover_path);
            ImGui::PushFont(fonts().bold);
            ImGui::TextUnformatted(tr(app, "pathway." + hover_path));
            ImGui::PopFont();
            ImGui::TextUnformatted(tr(app, "pathway.desc." + hover_path));
            ImGui::Text(tr(app, "pathway.value"), 100.0 * static_cast<double>(act.activity));
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
}

}  // namespace neurodrive::app
