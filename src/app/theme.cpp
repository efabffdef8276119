// theme.cpp - the current theme (from the colour table, colors.hpp), colour helpers and fonts of the UI.
// ImGui only (no SDL/GL).
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

// Colors are packed as Dear ImGui packs ImU32 (colors.hpp).
static_assert(IM_COL32(1, 2, 3, 4) == pack_color(1, 2, 3, 4), "colors.hpp packs colours in another byte order than ImGui");

namespace {
const Theme* g_theme = nullptr;

// The colour table is broken (init() reports it): black and white, enough to show the error.
const Theme& fallback_theme() {
    static const Theme t = [] {
        Theme f{};
        f.text = f.highlight = pack_color(255, 255, 255);
        f.background = f.panel = pack_color(0, 0, 0);
        return f;
    }();
    return t;
}
}  // namespace

void set_theme(std::string_view name) {
    const Theme* t = find_theme(name);
    g_theme = t ? t : builtin_colors().themes.empty() ? &fallback_theme() : &builtin_colors().themes.front().second;
}
const Theme& theme() { return g_theme ? *g_theme : fallback_theme(); }

void theme_clear_color(float rgb[3]) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(theme().background);
    rgb[0] = c.x; rgb[1] = c.y; rgb[2] = c.z;
}

ImU32 role_color(std::string_view role) { return theme_color(theme(), role, theme().neutral); }

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
    // A language with its own font (CJK) has many glyphs per size: they are drawn at most at twice the
    // CSS pixel, so the atlas stays a texture every WebGL 2 device takes (4096 px wide at most).
    const std::string_view own_font = language_font(app.strings_lang);
    if (!own_font.empty()) dpr = std::min(dpr, 2.0f);
    if (px == app.ui.font_px && dpr == app.ui.font_dpr && app.ui.font_lang == app.strings_lang) return false;
    app.ui.font_px = px;
    app.ui.font_dpr = dpr;
    app.ui.font_lang = app.strings_lang;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The glyphs: the UI's symbols and every character of the language's strings and of the languages'
    // own names (the Settings menu lists them all). Each font is Roboto, then the names' glyphs, then the
    // language's own font merged in: a character comes from the first that has it.
    static std::vector<ImWchar> ranges;
    static const ImWchar kDigits[] = {0x0020, 0x007E, 0x2212, 0x2212, 0};
    std::vector<bool> wanted(0x10000, false);  // ImWchar is 16 bits
    for (unsigned c : text_code_points(app.strings)) if (c < wanted.size()) wanted[c] = true;
    // ASCII and Latin-1 (the accented letters of the references' authors, whatever the UI language; the
    // font holds the ones some Latin language uses, scripts/make_fonts.py, and ImGui skips the others).
    for (unsigned c = 0x20; c <= 0xFF; ++c) wanted[c] = true;
    for (unsigned c : {0x2013u, 0x2014u, 0x2018u, 0x2019u, 0x201Cu, 0x201Du, 0x2022u, 0x2026u, 0x2190u, 0x2191u, 0x2192u, 0x2193u, 0x2212u, 0x2248u, 0x2264u, 0x2265u})
        wanted[c] = true;
    for (const Language& l : languages()) {
        Strings name;
        name.table.emplace("", l.name);
        for (unsigned c : text_code_points(name)) if (c < wanted.size()) wanted[c] = true;
    }
    ranges.clear();
    for (unsigned c = 0x20; c < wanted.size(); ++c) {
        if (!wanted[c]) continue;
        if (!ranges.empty() && ranges.back() + 1u == c) ranges.back() = static_cast<ImWchar>(c);
        else { ranges.push_back(static_cast<ImWchar>(c)); ranges.push_back(static_cast<ImWchar>(c)); }
    }
    ranges.push_back(0);
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the data is a static array
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    const std::string_view names = embedded_asset("font_names");
    auto add = [&](const unsigned char* data, unsigned long size, float size_px, bool all) {
        ImFontConfig c = cfg;
        ImFont* f = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), size_px * dpr, &c, all ? ranges.data() : kDigits);
        if (!all) return f;
        c.MergeMode = true;
        c.OversampleH = 1;  // ideographs are dense: no horizontal oversampling (half the atlas)
        for (std::string_view extra : {names, own_font})
            if (!extra.empty())
                io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(extra.data()), static_cast<int>(extra.size()), size_px * dpr, &c, ranges.data());
        return f;
    };
    Fonts& f = fonts();
    f.regular = add(nd_font_regular, nd_font_regular_size, px, true);
    f.bold = add(nd_font_bold, nd_font_bold_size, px, true);
    f.heading = add(nd_font_bold, nd_font_bold_size, std::round(px * 1.2f), true);
    f.big = add(nd_font_bold, nd_font_bold_size, std::round(px * 2.8f), false);  // the drive meter's number
    f.small = add(nd_font_regular, nd_font_regular_size, std::round(px * 0.85f), true);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / dpr;  // rasterised at device pixels, laid out in CSS pixels
    io.FontDefault = f.regular;
    return true;
}

float font_px(ImFont* f) { return f->FontSize * ImGui::GetIO().FontGlobalScale; }

}  // namespace neurodrive::app
