// theme.cpp - colours, fonts and small shared widgets of the UI. ImGui only (no SDL/GL).
#include <algorithm>
#include <cmath>
#include <string>

#include "neurodrive/names.hpp"
#include "ui.hpp"

extern const unsigned char nd_font_regular[];
extern const unsigned long nd_font_regular_size;
extern const unsigned char nd_font_bold[];
extern const unsigned long nd_font_bold_size;

namespace neurodrive::app {

namespace {
const Theme kDark = {
        IM_COL32(16, 20, 28, 255),    // background
        IM_COL32(26, 31, 42, 255),    // panel
        IM_COL32(52, 60, 78, 255),    // panel border
        IM_COL32(236, 240, 246, 255), // text
        IM_COL32(170, 180, 196, 255), // text dim
        IM_COL32(86, 180, 233, 255),  // accent (sky blue)
        IM_COL32(44, 50, 66, 255),    // brain fill
        IM_COL32(122, 134, 160, 255), // brain outline
        IM_COL32(70, 80, 102, 255),   // callosum
        IM_COL32(34, 28, 34, 255),    // body band
        IM_COL32(230, 159, 0, 255),   // dopamine: orange
        IM_COL32(255, 205, 110, 255), // dopamine light (PFC series)
        IM_COL32(86, 180, 233, 255),  // norepinephrine: sky blue
        IM_COL32(224, 140, 190, 255), // serotonin: reddish purple (lightened for dark backgrounds)
        IM_COL32(70, 150, 235, 255),  // testosterone: blue (lightened)
        IM_COL32(240, 228, 66, 255),  // estradiol: yellow
        IM_COL32(0, 178, 138, 255),   // thyroid: bluish green
        IM_COL32(230, 105, 40, 255),  // cortisol: vermillion
        IM_COL32(150, 160, 180, 255), // neutral
        IM_COL32(0, 178, 138, 255),   // good
        IM_COL32(230, 105, 40, 255),  // bad
        IM_COL32(255, 255, 255, 230), // ghost marker
        IM_COL32(60, 68, 86, 255),    // grid
        IM_COL32(230, 120, 0, 255),   // NAc line: deep orange
        IM_COL32(250, 232, 150, 255), // PFC line: pale yellow (much lighter)
        IM_COL32(236, 240, 246, 255), // cue marker
        IM_COL32(0, 178, 138, 255),   // reward marker
        IM_COL32(230, 105, 40, 255),  // omit marker
        IM_COL32(255, 214, 90, 255),  // highlight
};

// Projector: light background, dark text, saturated colours, for washed-out classroom projectors.
const Theme kProjector = {
    IM_COL32(255, 255, 255, 255), // background
    IM_COL32(240, 242, 246, 255), // panel
    IM_COL32(150, 156, 170, 255), // panel border
    IM_COL32(10, 12, 16, 255),    // text
    IM_COL32(60, 66, 80, 255),    // text dim
    IM_COL32(0, 94, 160, 255),    // accent (blue)
    IM_COL32(228, 230, 238, 255), // brain fill
    IM_COL32(40, 44, 56, 255),    // brain outline
    IM_COL32(170, 176, 190, 255), // callosum
    IM_COL32(250, 236, 236, 255), // body band
    IM_COL32(200, 120, 0, 255),   // dopamine: orange (darkened for white backgrounds)
    IM_COL32(150, 85, 0, 255),    // dopamine light -> darker for contrast
    IM_COL32(0, 114, 178, 255),   // norepinephrine: blue
    IM_COL32(190, 60, 140, 255),  // serotonin: reddish purple
    IM_COL32(30, 60, 200, 255),   // testosterone: deep blue
    IM_COL32(160, 140, 0, 255),   // estradiol: dark yellow
    IM_COL32(0, 140, 100, 255),   // thyroid: bluish green
    IM_COL32(213, 94, 0, 255),    // cortisol: vermillion
    IM_COL32(90, 96, 110, 255),   // neutral
    IM_COL32(0, 110, 75, 255),    // good (>= 4.5:1 on the panel)
    IM_COL32(180, 50, 0, 255),    // bad
    IM_COL32(0, 0, 0, 230),       // ghost marker
    IM_COL32(200, 204, 214, 255), // grid
    IM_COL32(200, 100, 0, 255),   // NAc line: orange
    IM_COL32(90, 60, 0, 255),     // PFC line: dark brown (much darker)
    IM_COL32(10, 12, 16, 255),    // cue marker
    IM_COL32(0, 120, 85, 255),    // reward marker
    IM_COL32(180, 50, 0, 255),    // omit marker
    IM_COL32(190, 110, 0, 255),   // highlight
};
const Theme* g_theme = &kDark;
}  // namespace

void set_theme(std::string_view name) { g_theme = name == "projector" ? &kProjector : &kDark; }
const Theme& theme() { return *g_theme; }

void theme_clear_color(float rgb[3]) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(g_theme->background);
    rgb[0] = c.x; rgb[1] = c.y; rgb[2] = c.z;
}

ImU32 role_color(std::string_view role) {
    const Theme& t = theme();
    if (role == "dopamine") return t.dopamine;
    if (role == "norepinephrine") return t.norepinephrine;
    if (role == "serotonin") return t.serotonin;
    if (role == "testosterone") return t.testosterone;
    if (role == "estradiol") return t.estradiol;
    if (role == "thyroid") return t.thyroid;
    if (role == "cortisol") return t.cortisol;
    return t.neutral;
}

ImU32 input_color(std::string_view name) {
    const model::InputSpec* spec = model::find_input(name);
    return role_color(spec ? spec->role : std::string_view());
}

ImU32 heat_color(float t) {
    // Dark blue-violet through orange to pale yellow (monotone in lightness: readable in grey).
    t = std::clamp(t, 0.0f, 1.0f);
    const ImVec4 stops[] = {{0.09f, 0.07f, 0.22f, 1}, {0.45f, 0.12f, 0.45f, 1}, {0.85f, 0.35f, 0.15f, 1}, {0.98f, 0.72f, 0.20f, 1}, {1.0f, 0.98f, 0.75f, 1}};
    const float x = t * 4.0f;
    const int i = std::min(3, static_cast<int>(x));
    const float f = x - static_cast<float>(i);
    const ImVec4 a = stops[i], b = stops[i + 1];
    return ImGui::ColorConvertFloat4ToU32(ImVec4(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.z + (b.z - a.z) * f, 1.0f));
}

ImU32 with_alpha(ImU32 c, float alpha) {
    const float a = std::clamp(alpha, 0.0f, 1.0f) * static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF);
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

Fonts& fonts() {
    static Fonts f;
    return f;
}

bool ensure_fonts(App& app, float px, float dpr) {
    px = std::round(px);
    if (px == app.ui.font_px && dpr == app.ui.font_dpr) return false;
    app.ui.font_px = px;
    app.ui.font_dpr = dpr;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the data is a static array
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2212, 0x2212, 0x2248, 0x2248, 0x2264, 0x2265, 0};
    auto add = [&](const unsigned char* data, unsigned long size, float size_px) {
        return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), size_px * dpr, &cfg, ranges);
    };
    Fonts& f = fonts();
    f.regular = add(nd_font_regular, nd_font_regular_size, px);
    f.bold = add(nd_font_bold, nd_font_bold_size, px);
    f.heading = add(nd_font_bold, nd_font_bold_size, std::round(px * 1.2f));
    f.big = add(nd_font_bold, nd_font_bold_size, std::round(px * 2.8f));
    f.small = add(nd_font_regular, nd_font_regular_size, std::round(px * 0.85f));
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr;  // rasterised at device pixels, laid out in CSS pixels
    io.FontDefault = f.regular;
    return true;
}

float font_px(ImFont* f) { return f->FontSize * ImGui::GetIO().FontGlobalScale; }

}  // namespace neurodrive::app
