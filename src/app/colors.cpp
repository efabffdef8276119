// colors.cpp - see colors.hpp. The table's rows come from cmake/tables.cmake; no ImGui, no JSON.
#include "colors.hpp"

#include <cstddef>
#include <cstdio>
#include <iterator>


// The colour table's rows (cmake/tables.cmake).
extern const neurodrive::app::ColorRow nd_colors[];
extern const std::size_t nd_color_count;

namespace neurodrive::app {
namespace {

// Every role of a Theme by its name in assets/colors.json, as its place in the struct (all Colors).
struct Role { const char* name; std::size_t offset; };
#define ND_ROLE(r) {#r, offsetof(Theme, r)}
#define ND_DRIVE(i) {"drive_" #i, offsetof(Theme, drive) + (i - 1) * sizeof(Color)}
constexpr Role kRoles[] = {
    ND_ROLE(background), ND_ROLE(panel), ND_ROLE(panel_border), ND_ROLE(text), ND_ROLE(text_dim), ND_ROLE(accent), ND_ROLE(brain_fill),
    ND_ROLE(brain_outline), ND_ROLE(callosum), ND_ROLE(body_band), ND_ROLE(dopamine), ND_ROLE(dopamine_light), ND_ROLE(norepinephrine),
    ND_ROLE(serotonin), ND_ROLE(testosterone), ND_ROLE(estradiol), ND_ROLE(thyroid), ND_ROLE(cortisol), ND_ROLE(neutral), ND_ROLE(good),
    ND_ROLE(bad), ND_ROLE(ghost), ND_ROLE(grid), ND_ROLE(nac_line), ND_ROLE(pfc_line), ND_ROLE(cue_mark), ND_ROLE(reward_mark),
    ND_ROLE(omit_mark), ND_ROLE(highlight), ND_DRIVE(1), ND_DRIVE(2), ND_DRIVE(3), ND_DRIVE(4), ND_DRIVE(5), ND_DRIVE(6)};
#undef ND_ROLE
#undef ND_DRIVE
static_assert(sizeof(Theme) == std::size(kRoles) * sizeof(Color), "every colour of a Theme has its role in kRoles");

Color& slot(Theme& t, const Role& r) { return *reinterpret_cast<Color*>(reinterpret_cast<char*>(&t) + r.offset); }
Color value(const Theme& t, const Role& r) { return *reinterpret_cast<const Color*>(reinterpret_cast<const char*>(&t) + r.offset); }

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "#rrggbb" or "#rrggbbaa".
bool read_color(std::string_view s, Color* out) {
    if ((s.size() != 7 && s.size() != 9) || s[0] != '#') return false;
    unsigned bytes[4] = {0, 0, 0, 255};
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
        const int hi = hex_digit(s[i + 1]), lo = hex_digit(s[i + 2]);
        if (hi < 0 || lo < 0) return false;
        bytes[i / 2] = static_cast<unsigned>(hi * 16 + lo);
    }
    *out = pack_color(bytes[0], bytes[1], bytes[2], bytes[3]);
    return true;
}

// Fills a theme from its own rows, else the shared ones; the first role it lacks or cannot read, or null.
const Role* fill_theme(std::string_view name, const std::vector<ColorRow>& rows, Theme* out, bool* unreadable) {
    for (const Role& role : kRoles) {
        const ColorRow* found = nullptr;
        for (const ColorRow& r : rows)
            if (r.role == role.name && (r.theme == name || (r.theme.empty() && !found))) found = &r;
        *unreadable = found && !read_color(found->value, &slot(*out, role));
        if (!found || *unreadable) return &role;
    }
    return nullptr;
}

bool has_theme(const ColorTable& table, std::string_view name) {
    for (const auto& t : table.themes)
        if (t.first == name) return true;
    return false;
}

}  // namespace

std::string make_color_table(const std::vector<ColorRow>& rows, ColorTable* out) {
    ColorTable table;
    for (const ColorRow& r : rows) {
        if (r.theme.empty() || has_theme(table, r.theme)) continue;
        Theme theme{};
        bool unreadable = false;
        if (const Role* bad = fill_theme(r.theme, rows, &theme, &unreadable))
            return "colors: theme \"" + std::string(r.theme) + (unreadable ? "\": \"" : "\" has no colour \"") + bad->name + (unreadable ? "\" must be #rrggbb or #rrggbbaa" : "\"");
        table.themes.emplace_back(std::string(r.theme), theme);
    }
    if (table.themes.empty()) return "colors: no theme";
    *out = std::move(table);
    return {};
}

const ColorTable& builtin_colors() {
    static const ColorTable table = [] {
        const std::vector<ColorRow> rows(nd_colors, nd_colors + nd_color_count);
        ColorTable t;
        t.error = make_color_table(rows, &t);
        return t;
    }();
    return table;
}

const Theme* find_theme(std::string_view name) {
    for (const auto& [id, theme] : builtin_colors().themes)
        if (id == name) return &theme;
    return nullptr;
}

std::vector<std::string> theme_names() {
    std::vector<std::string> names;
    for (const auto& t : builtin_colors().themes) names.push_back(t.first);
    return names;
}

Color theme_color(const Theme& theme, std::string_view role, Color fallback) {
    for (const Role& r : kRoles)
        if (role == r.name) return value(theme, r);
    return fallback;
}

std::string css_color(Color c) {
    const unsigned a = (c >> 24) & 0xFF;
    char buf[12];
    if (a == 255) std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
    else std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, a);
    return buf;
}

}  // namespace neurodrive::app
