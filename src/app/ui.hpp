// ui.hpp - shared pieces of the ImGui UI: theme colours, fonts, small widgets that record what they
// draw for layout(), the drawing layers (layers.hpp) and the panels' entry points. Only the app's UI
// files include this (it pulls in ImGui). Drawing only reads: every panel takes a const App, writes
// what it reports into the frame's DrawnFrame (drawn_now) and asks for changes as actions (push_action)
// that update() applies through the commands.
#pragma once

#include <imgui.h>

#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app.hpp"
#include "colors.hpp"
#include "layers.hpp"

namespace neurodrive::app {

// The theme drawing uses (colors.hpp; build_ui sets it from the theme setting at the start of each frame).
const Theme& theme();
void set_theme(std::string_view name);  // a theme of assets/colors.json (the first when unknown)
// The theme's background as RGB 0-1 (the renderer clears the frame with it).
void theme_clear_color(float rgb[3]);
ImU32 role_color(std::string_view role);        // "dopamine", "serotonin", ... (neutral when unknown)
ImU32 input_color(std::string_view input_name);  // the colour role of an input, from the registry
ImU32 with_alpha(ImU32 c, float alpha);
ImU32 mix(ImU32 a, ImU32 b, float t);
ImU32 heat_color(float t);                       // 0-1 -> a perceptually ordered dark-to-bright ramp

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* big = nullptr;
    ImFont* small = nullptr;
};
Fonts& fonts();
float font_px(ImFont* f);  // the font's size in CSS pixels

// Rebuilds the font atlas when the wanted pixel size or device pixel ratio changes. Returns true
// when the atlas changed (the renderer must re-upload the texture).
bool ensure_fonts(App& app, float font_px, float dpr);

// Font size in CSS pixels for a display of this size (before the user's text scale).
float wanted_font_px(ImVec2 display);

// [SECTION] What the plots and the drive meter read: the brains they draw, not the App
struct BrainsView {
    const Brain& first;                 // the user's brain
    const Brain* second;                // compare mode's brain, else null
    const model::Outputs& typical;      // the healthy baseline (ghost markers)
    const Strings& strings;             // texts and numbers in the UI language
    const LessonState& lesson;          // what the active lesson step keeps in view (its focus)
    const std::vector<Lesson>& lessons;
    double clock_s;                     // the app's clock (a focus highlight pulses with it) ...
    bool reduced_motion;                // ... unless motion is reduced
};
BrainsView brains_view(const App& app);

// [SECTION] What this frame reports
// The DrawnFrame that build_ui is filling (only while it runs; like ImGui's own current context): the one
// thing drawing writes.
DrawnFrame& drawn_now();
// A change for update() to apply (app.hpp Action), e.g. push_action([id](App& a) { cmd_preset(a, id); }).
inline void push_action(Action action) { drawn_now().actions.push_back(std::move(action)); }
// An action that sets one field of the view's state (a dialog, a tab).
template <typename T, typename V>
inline void push_view(T UiState::*field, V value) {
    push_action([field, value](App& a) { a.ui.*field = value; });
}

// [SECTION] Widgets that record what they draw (layout() reports them; tests check overlaps and clipping)
const char* tr(const App& app, std::string_view key);
inline const char* tr(const BrainsView& v, std::string_view key) { return v.strings.get(key); }
// Lines of `text` that fit `width` in `font` at `px`, broken at spaces only.
std::vector<std::string> wrap_lines(ImFont* font, float px, const char* text, float width);
// Wrapped text in the current window (broken at spaces only), recorded as text:<id>. wrap_width 0 =
// the available width.
void text_block(const std::string& id, const char* text, ImU32 color, ImFont* font = nullptr, float wrap_width = 0.0f);
// A label drawn with the draw list at [min, max], recorded as label:<id>; clipped when it leaves `clip`.
// `anchor` (x0, y0, x1, y1): what it names, reported with it (the layout test checks the distance).
void record_label(const std::string& id, ImVec2 min, ImVec2 max, ImVec4 clip, const ImVec4* anchor = nullptr);
// The last ImGui item, recorded under `name` (controls, tabs, buttons).
void record_item(const std::string& name);
void section_title(const std::string& id, const char* text);
void help_marker_tooltip(const char* text);
enum class Icon { Play, Pause, Step, Reset, Sliders, Meter, Wave, Rows, Book, Flask, Open, Gear };
void draw_icon(ImDrawList* dl, Icon icon, ImVec2 center, float radius, ImU32 color);
bool icon_button(const char* id, Icon icon, const char* label, ImVec2 size);
// A soft pulsing outline around [min, max] (a lesson's focus, a preset's changed sliders).
void highlight_rect(const App& app, ImVec2 min, ImVec2 max);
void highlight_rect(double clock_s, bool reduced_motion, ImVec2 min, ImVec2 max);

// A child exactly as tall as its content: the height measured by the previous drawn frame is used, and
// a change asks for one more frame (DrawnFrame::relayout), so the block never needs a scrollbar. With
// max_h > 0 it is at most that tall and scrolls beyond it (what must stay below it keeps its room).
template <typename Draw>
inline void fitted_child(const App& app, const char* id, float width, float MeasuredHeights::*height, ImU32 bg, bool border, Draw draw, float max_h = 0.0f) {
    const float stored = app.drawn.heights.*height;
    const float fitted = stored > 0.0f ? stored : ImGui::GetFontSize() * 12.0f;
    const bool capped = max_h > 0.0f && fitted > max_h;
    const float h = capped ? max_h : fitted;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(bg));
    ImGui::BeginChild(id, ImVec2(width, h), border, capped ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw();
    const float measured = std::ceil(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + (border ? ImGui::GetStyle().WindowPadding.y : 0.0f));
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (std::abs(measured - stored) > 1.0f) {
        drawn_now().heights.*height = measured;
        drawn_now().relayout = true;
    }
}

// [SECTION] Panels
void panel_controls(const App& app);       // scenario and sliders (levels | manipulations)
void panel_time_events(const App& app);    // play/pause, step, speed, clock and the events
void panel_schematic(const App& app, ImVec2 pos, ImVec2 size);
void panel_drive(const App& app, bool with_narration);  // with_narration: What's happening and the note below the meter
// The drive meter alone (the headline, the parts of each brain, a row per part) in `room_y` px of height.
void drive_meter(const BrainsView& v, float room_y);
void panel_narration(const App& app, int max_sentences);   // 0 = all sentences, with the section title
// "Not medical advice" and About this model, in every layout whatever is hidden: the note above an About
// button, or (with_button false, the compact view) the note itself opening About.
void note_and_about(const App& app, bool with_button);
// The same as a block at the bottom of a panel: the note beside the About button when it fits on one
// line there, else above it.
float note_footer_height(const App& app, float width);
void note_footer(const App& app, float width);
void findings_table(const App& app);       // the registry of findings: the Lab's Evidence view and About
void panel_plots_signals(const BrainsView& v, ImVec2 size);
void panel_plots_learning(const BrainsView& v, ImVec2 size);
void panel_lessons(const App& app);
void panel_lab(const App& app);
void about_modal(const App& app);
// The plot the active lesson step asks to keep in view (Signals when it names none).
void panel_lesson_evidence(const App& app, ImVec2 size);

}  // namespace neurodrive::app
