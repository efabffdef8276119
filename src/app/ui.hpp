// ui.hpp - shared pieces of the ImGui UI: theme colours, fonts, small widgets and the panels'
// entry points. Only the app's UI files include this (it pulls in ImGui).
#pragma once

#include <imgui.h>

#include <string_view>

#include "app.hpp"

namespace neurodrive::app {

// One colour per transmitter or hormone, from the Okabe-Ito colour-blind-safe palette,
// used in the schematic, the sliders and the plots.
struct Theme {
    ImU32 background, panel, panel_border, text, text_dim, accent;
    ImU32 brain_fill, brain_outline, callosum, body_band;
    ImU32 dopamine, dopamine_light, norepinephrine, serotonin, testosterone, estradiol, thyroid, cortisol, neutral;
    ImU32 good, bad, ghost, grid;
};

const Theme& theme();
void set_theme(std::string_view name);  // "dark" (default) or "projector"
bool theme_is_light();
// The theme's background as RGB 0-1 (the renderer clears the frame with it).
void theme_clear_color(float rgb[3]);
ImU32 role_color(std::string_view role);        // "dopamine", "serotonin", ... (neutral when unknown)
ImU32 input_color(std::string_view input_name);  // colour of an input's slider
ImU32 with_alpha(ImU32 c, float alpha);
ImU32 mix(ImU32 a, ImU32 b, float t);

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* big = nullptr;
    ImFont* small = nullptr;
};
Fonts& fonts();

// Rebuilds the font atlas when the wanted pixel size or device pixel ratio changes. Returns true
// when the atlas changed (the renderer must re-upload the texture).
bool ensure_fonts(App& app, float font_px, float dpr);

// Font size in CSS pixels for a display of this size.
float wanted_font_px(ImVec2 display);

// Widgets
bool icon_button(const char* id, int icon, const char* label, ImVec2 size);  // icon: 0 play, 1 pause, 2 step, 3 reset
void section_title(const char* text);
void help_marker_tooltip(const char* text);
const char* tr(const App& app, std::string_view key);

// Panels
void panel_controls(App& app);      // scenario and sliders
void panel_time_events(App& app);  // play/pause, step, speed, clock and the events
void panel_schematic(App& app, ImVec2 pos, ImVec2 size);
void panel_drive(App& app);
void panel_plots_signals(App& app);
void panel_plots_learning(App& app);
void about_modal(App& app);
void panel_lessons(App& app);
void panel_lab(App& app);

}  // namespace neurodrive::app
