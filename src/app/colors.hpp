// colors.hpp - the colour table (assets/colors.json): the canvas's themes, each a set of named colours,
// and the page's own colours (scripts/make_dist.mjs writes web/style.css's variables from the same file).
// Pure C++: no ImGui (a Color is packed as Dear ImGui's ImU32, so the UI uses it directly).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace neurodrive::app {

// 0xAABBGGRR: the byte order of Dear ImGui's IM_COL32 (theme.cpp checks it).
using Color = std::uint32_t;
constexpr Color pack_color(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return r | (g << 8) | (b << 16) | (a << 24); }

// One theme: a colour per role. Transmitters and hormones, drawn in the schematic, the sliders and the
// plots, have one each; paired plot lines differ in lightness as well as hue.
struct Theme {
    Color background, panel, panel_border, text, text_dim, accent;
    Color brain_fill, brain_outline, callosum, body_band;
    Color dopamine, dopamine_light, norepinephrine, serotonin, testosterone, estradiol, thyroid, cortisol, neutral;
    Color good, bad, ghost, grid;
    Color nac_line, pfc_line;        // NAc and PFC dopamine
    Color cue_mark, reward_mark, omit_mark;
    Color highlight;                 // a lesson's focus or a preset's changed sliders
    std::array<Color, 6> drive;      // the drive meter's parts, in registry order
};

struct ColorTable {
    std::vector<std::pair<std::string, Theme>> themes;  // in file order; the first is the default
    std::string error;                                  // "" when the table was read
};

// One colour of the table: a theme's role ("" theme: shared by every theme) and its "#rrggbb[aa]".
struct ColorRow { std::string_view theme, role, value; };
// Builds the themes from the rows, in the order they first appear: every theme must have every role,
// from its own rows or the shared ones. "" or the error naming the theme and the role.
std::string make_color_table(const std::vector<ColorRow>& rows, ColorTable* out);
// The built-in table (assets/colors.json, made C++ data by cmake/tables.cmake), built once.
const ColorTable& builtin_colors();
// The theme of that name (nullptr when unknown), and every theme's name.
const Theme* find_theme(std::string_view name);
std::vector<std::string> theme_names();
// A theme's colour by its role's name ("dopamine", "text", ...), or `fallback` for an unknown role.
Color theme_color(const Theme& theme, std::string_view role, Color fallback);
// "#rrggbb", or "#rrggbbaa" when not opaque (CSS).
std::string css_color(Color c);

}  // namespace neurodrive::app
