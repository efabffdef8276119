// ui.cpp - the frame's UI: style, the responsive layouts and the dialogs. Four layouts, chosen by
// size and text scale, each keeping "What's happening" and the active lesson step fully in view:
//   wide     controls | schematic over plots | drive and narration (lesson card above the controls)
//   medium   schematic over plots | side column (lesson card, Controls/Drive tabs, narration)
//   phone    schematic, narration strip, icon tab bar, one tab's content
//   compact  small iframes: schematic, drive, narration headline and one row of actions
// ImGui only. Drawing reads the App: a click asks for an action (push_action) that update() applies
// through the commands, and what the frame measured goes into its DrawnFrame.
//
// Index
//   [SECTION] Style
//   [SECTION] Panels and shared pieces
//   [SECTION] Dialogs
//   [SECTION] Keyboard
//   [SECTION] Layouts
//   [SECTION] build_ui
#include <algorithm>
#include <cmath>
#include <string>

#include "commands.hpp"
#include "neurodrive/io/presets.hpp"
#include "ui.hpp"

#include <imgui_internal.h>  // drag_to_scroll: the hovered window and its scroll range

namespace neurodrive::app {
namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove
                                         | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// [SECTION] Style ------------------------------------------------------------------------------------------
void apply_style(float font_px_now, bool touch) {
    ImGuiStyle& st = ImGui::GetStyle();
    const Theme& th = theme();
    st = ImGuiStyle();
    const float u = font_px_now / 18.0f;
    st.WindowPadding = ImVec2(12 * u, 10 * u);
    // Touch layouts: every control at least 44 CSS px tall (WCAG 2.5.5 target size).
    st.FramePadding = ImVec2(10 * u, touch ? std::max(8 * u, (44.0f - font_px_now) * 0.5f) : 6 * u);
    st.ItemSpacing = ImVec2(8 * u, 7 * u);
    st.ItemInnerSpacing = ImVec2(6 * u, 4 * u);
    st.ScrollbarSize = (touch ? 10 : 14) * u;
    st.GrabMinSize = 22 * u;
    st.WindowRounding = 0;
    st.ChildRounding = 6 * u;
    st.FrameRounding = 6 * u;
    st.GrabRounding = 6 * u;
    st.PopupRounding = 8 * u;
    st.ScrollbarRounding = 8 * u;
    st.TabRounding = 6 * u;
    st.WindowBorderSize = 0;
    st.ChildBorderSize = 1;
    st.PopupBorderSize = 1;
    ImVec4* c = st.Colors;
    auto col = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    c[ImGuiCol_Text] = col(th.text);
    c[ImGuiCol_TextDisabled] = col(th.text_dim);
    c[ImGuiCol_WindowBg] = col(th.panel);
    c[ImGuiCol_ChildBg] = col(th.panel);
    c[ImGuiCol_PopupBg] = col(mix(th.panel, th.text, 0.04f));
    c[ImGuiCol_Border] = col(th.panel_border);
    // Frames contrast with the panel: lighter on dark themes, darker on light ones.
    c[ImGuiCol_FrameBg] = col(mix(th.panel, th.text, 0.10f));
    c[ImGuiCol_FrameBgHovered] = col(mix(th.panel, th.text, 0.16f));
    c[ImGuiCol_FrameBgActive] = col(mix(th.panel, th.text, 0.20f));
    c[ImGuiCol_Button] = col(mix(th.panel, th.accent, 0.28f));
    c[ImGuiCol_ButtonHovered] = col(mix(th.panel, th.accent, 0.45f));
    c[ImGuiCol_ButtonActive] = col(mix(th.panel, th.accent, 0.6f));
    c[ImGuiCol_Header] = col(mix(th.panel, th.accent, 0.25f));
    c[ImGuiCol_HeaderHovered] = col(mix(th.panel, th.accent, 0.4f));
    c[ImGuiCol_HeaderActive] = col(mix(th.panel, th.accent, 0.55f));
    c[ImGuiCol_CheckMark] = col(th.accent);
    c[ImGuiCol_SliderGrab] = col(th.accent);
    c[ImGuiCol_Tab] = col(mix(th.panel, th.accent, 0.15f));
    c[ImGuiCol_TabHovered] = col(mix(th.panel, th.accent, 0.45f));
    c[ImGuiCol_TabActive] = col(mix(th.panel, th.accent, 0.35f));
    c[ImGuiCol_Separator] = col(th.panel_border);
    c[ImGuiCol_ScrollbarBg] = col(th.panel);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);
    c[ImGuiCol_NavHighlight] = col(th.highlight);
}

// [SECTION] Panels and shared pieces -----------------------------------------------------------------------
bool begin_panel(const char* name, ImVec2 pos, ImVec2 size, ImU32 bg, bool scroll = true) {
    drawn_now().rects.push_back({std::string("panel:") + name, pos.x, pos.y, size.x, size.y});
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(bg));
    const bool open = ImGui::Begin(name, nullptr, kPanelFlags | (scroll ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse));
    ImGui::PopStyleColor();
    return open;
}

// The title row: app name, and the View (settings) button.
void title_block(const App& app) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(tr(app, "app.title"));
    record_item("label:app.title");
    ImGui::PopFont();
    const char* view = tr(app, "settings.button");
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(view).x - ImGui::GetStyle().FramePadding.x * 2.0f);
    if (ImGui::SmallButton(view)) push_view(&UiState::settings_open, true);
    record_item("button:settings");
    ImGui::Separator();
}

// The lesson card, sized to its content (scrolling when that is taller than max_h > 0).
void lesson_card(const App& app, float width, float max_h = 0.0f) {
    fitted_child(app, "lesson_card", width, &MeasuredHeights::lesson_card_h, mix(theme().panel, theme().accent, 0.10f), true, [&] { panel_lessons(app); }, max_h);
}

// The plots area: time and events, then the tabs (Signals, Learning, Lessons, Lab).
void plots_area(const App& app) {
    panel_time_events(app);
    ImGui::Spacing();
    const bool lesson = app.lesson.lesson >= 0;
    // A lesson step brings the plot it is about to the front.
    int wanted = -1;
    if (lesson_focuses(app.lesson, app.lessons, "plot:learning")) wanted = 1;
    else if (lesson_focuses(app.lesson, app.lessons, "plot:lab")) wanted = 3;
    else if (lesson_focuses(app.lesson, app.lessons, "plot:signals")) wanted = 0;
    // Brought forward once, when the step asks for a tab the last drawn frame did not: then the user may
    // choose another.
    const bool force = wanted >= 0 && wanted != app.drawn.plot_focus;
    drawn_now().plot_focus = wanted;
    if (ImGui::BeginTabBar("plots")) {
        struct Tab { const char* key; int index; };
        const Tab tabs[] = {{"tab.signals", 0}, {"tab.learning", 1}, {"tab.lesson", 2}, {"tab.lab", 3}};
        for (const Tab& t : tabs) {
            if (t.index == 2 && lesson) continue;  // the active lesson has its own card
            const ImGuiTabItemFlags flags = force && t.index == wanted ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(tr(app, t.key), nullptr, flags);
            record_item(std::string("tab:") + t.key);
            if (t.index == wanted && lesson) highlight_rect(app, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            if (!open) continue;
            ImGui::BeginChild(t.key, ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
            const ImVec2 avail = ImGui::GetContentRegionAvail();
            if (t.index == 0) panel_plots_signals(brains_view(app), avail);
            else if (t.index == 1) panel_plots_learning(brains_view(app), avail);
            else if (t.index == 2) panel_lessons(app);
            else panel_lab(app);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

// [SECTION] Dialogs -----------------------------------------------------------------------------------------
// A centred modal of a readable width; returns true while open (EndPopup then). `open` is the UiState
// flag that opens it; when ImGui closed it, an action clears the flag.
bool begin_modal(const App& app, const char* id, bool UiState::*open, float height = 0.0f) {
    if (app.ui.*open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - 16.0f, ImGui::GetFontSize() * 30.0f), height));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(io.DisplaySize.x - 16.0f, io.DisplaySize.y - 16.0f));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        if (app.ui.*open) push_view(open, false);
        return false;
    }
    return true;
}

void close_button(const App& app, bool UiState::*open) {
    ImGui::Spacing();
    if (ImGui::Button(tr(app, "settings.close"), ImVec2(-1.0f, 0.0f)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        push_view(open, false);
        ImGui::CloseCurrentPopup();
    }
}

void settings_modal(const App& app) {
    if (!begin_modal(app, "##settings", &UiState::settings_open)) return;
    drawn_now().rects.push_back({"dialog:settings", ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(), ImGui::GetWindowHeight()});
    section_title("settings", tr(app, "settings.title"));
    const SettingSpec& theme_setting = *find_setting("theme");
    ImGui::TextUnformatted(tr(app, theme_setting.label_key));
    for (const std::string& name : theme_names()) {
        if (ImGui::RadioButton(setting_value_label(app, theme_setting, name).c_str(), app.settings.theme == name))
            push_action([name](App& a) { cmd_theme(a, name); });
        record_item("settings:theme." + name);
    }
    ImGui::Spacing();
    // The text size: a slider of percent over the setting's range that snaps to its steps.
    const SettingSpec& scale = *find_setting("scale");
    ImGui::TextUnformatted(tr(app, scale.label_key));
    int percent = static_cast<int>(std::lround(app.settings.scale * 100.0f));
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::SliderInt("##scale", &percent, static_cast<int>(scale.min * 100.0), static_cast<int>(scale.max * 100.0), "%d%%", ImGuiSliderFlags_AlwaysClamp)) {
        double nearest = scale.steps.front();
        for (double step : scale.steps) if (std::abs(step * 100.0 - percent) < std::abs(nearest * 100.0 - percent)) nearest = step;
        push_action([nearest](App& a) { cmd_scale(a, nearest); });
    }
    record_item("settings:scale");
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(app, find_setting("lang")->label_key));
    for (const Language& lang : languages()) {
        if (ImGui::RadioButton(lang.name, app.settings.lang == lang.code)) push_action([code = std::string(lang.code)](App& a) { cmd_language(a, code); });
        record_item(std::string("settings:lang.") + lang.code);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Spacing();
    bool minimal = app.settings.minimal, calm = app.settings.reduced_motion, audio = app.settings.audio;
    if (ImGui::Checkbox(tr(app, find_setting("ui")->label_key), &minimal)) push_action([minimal](App& a) { cmd_simple_view(a, minimal); });
    record_item("settings:minimal");
    if (ImGui::Checkbox(tr(app, "settings.motion"), &calm)) push_action([calm](App& a) { cmd_reduced_motion(a, calm); });
    if (ImGui::Checkbox(tr(app, find_setting("audio")->label_key), &audio)) push_action([audio](App& a) { cmd_audio(a, audio); });
    record_item("settings:audio");
    help_marker_tooltip(tr(app, "settings.audio.tip"));
    ImGui::Spacing();
    if (ImGui::Button(tr(app, "settings.shortcuts"), ImVec2(-1.0f, 0.0f))) {
        push_view(&UiState::settings_open, false);
        ImGui::CloseCurrentPopup();
        push_view(&UiState::shortcuts_open, true);
    }
    close_button(app, &UiState::settings_open);
    ImGui::EndPopup();
}

void shortcuts_modal(const App& app) {
    if (!begin_modal(app, "##shortcuts", &UiState::shortcuts_open)) return;
    drawn_now().rects.push_back({"dialog:shortcuts", ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(), ImGui::GetWindowHeight()});
    section_title("shortcuts", tr(app, "shortcuts.title"));
    ImGui::TextWrapped("%s", tr(app, "shortcuts.intro"));
    ImGui::Spacing();
    for (const char* key : {"shortcuts.space", "shortcuts.r", "shortcuts.c", "shortcuts.w", "shortcuts.o", "shortcuts.digits", "shortcuts.help"})
        ImGui::BulletText("%s", tr(app, key));
    close_button(app, &UiState::shortcuts_open);
    ImGui::EndPopup();
}

void dismiss_start_hint(App& app) {
    app.ui.start_hint = false;
    app.ui.start_hint_done = true;
}

// First visit: a small card saying where to start (dismissed for good by app.js storage).
void start_hint(const App& app, ImVec2 pos, float width) {
    if (!app.ui.start_hint || app.lesson.lesson >= 0) return;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(mix(theme().panel, theme().accent, 0.22f)));
    ImGui::Begin("##start", nullptr, (kPanelFlags & ~ImGuiWindowFlags_NoBringToFrontOnFocus) | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleColor();
    drawn_now().rects.push_back({"hint:start", ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(), ImGui::GetWindowHeight()});
    const float inner = width - ImGui::GetStyle().WindowPadding.x * 2.0f;
    text_block("start.title", tr(app, "start.title"), theme().text, fonts().bold, inner);
    text_block("start.text", tr(app, "start.text"), theme().text, nullptr, inner);
    if (ImGui::Button(tr(app, "start.lesson"))) {
        push_action([id = app.lessons.front().id](App& a) { start_lesson(a, id); });
        push_action(dismiss_start_hint);
    }
    record_item("button:start.lesson");
    ImGui::SameLine();
    if (ImGui::Button(tr(app, "start.dismiss"))) push_action(dismiss_start_hint);
    record_item("button:start.dismiss");
    ImGui::End();
}

// [SECTION] Keyboard ---------------------------------------------------------------------------------------
// Single-key shortcuts, from typed characters (layout-independent). They only act while the app has
// keyboard focus (app.js focuses the canvas on a pointer press), no popup is open and no text is typed.
void handle_shortcuts(const App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (app.ui.start_hint && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        push_action(dismiss_start_hint);
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) || ImGui::IsAnyItemActive()) return;
    // Every shortcut goes through commands.hpp, so locks hold here as everywhere (a refused key does nothing).
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (c == ' ' && !io.NavVisible) push_action([](App& a) { cmd_toggle_pause(a); });
        else if (c == 'r' || c == 'R') push_action([](App& a) { cmd_reset(a); });
        else if (c == 'c' || c == 'C') push_action([](App& a) { cmd_event(a, "cue"); });
        else if (c == 'w' || c == 'W') push_action([](App& a) { cmd_event(a, "reward"); });
        else if (c == 'o' || c == 'O') push_action([](App& a) { cmd_event(a, "omit"); });
        else if (c >= '1' && c <= '9') {
            const auto& list = io::builtin_presets().presets;
            const std::size_t index = static_cast<std::size_t>(c - '1');
            if (index < list.size()) push_action([id = list[index].id](App& a) { cmd_preset(a, id); });
        } else if (c == '?') push_view(&UiState::shortcuts_open, true);
    }
}

// [SECTION] Layouts ----------------------------------------------------------------------------------------
enum class Layout { Wide, Medium, Phone, Compact };

Layout choose_layout(ImVec2 d, float font) {
    if (d.x < 560.0f && d.y < 480.0f) return Layout::Compact;
    if (d.y < 360.0f && d.x < 900.0f) return Layout::Compact;
    if (d.x < 700.0f || d.y > d.x * 1.1f) return Layout::Phone;
    // Three columns need room for two side columns of at least 16 characters and a centre.
    if (d.x >= 1100.0f && font * 16.0f * 2.0f < d.x * 0.56f) return Layout::Wide;
    return Layout::Medium;
}


void layout_wide(const App& app, ImVec2 d) {
    const Theme& th = theme();
    const float F = ImGui::GetFontSize();
    const float side = std::clamp(std::round(d.x * 0.245f), F * 16.0f, F * 24.0f);
    const float left_w = is_hidden(app, "controls") && app.lesson.lesson < 0 ? 0.0f : side;
    // The right column holds the drive meter, What's happening and the note: with the meter and the
    // narration both hidden it goes, and the note (never hidden) gets a row under the centre.
    const bool drive_shown = !is_hidden(app, "drive"), narration_shown = !is_hidden(app, "narration");
    const float right_w = drive_shown || narration_shown ? side : 0.0f;
    const float center_w = d.x - left_w - right_w;
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    const float footer_h = right_w > 0 ? 0.0f : std::ceil(note_footer_height(app, center_w - pad.x * 2.0f) + pad.y * 2.0f);
    const float center_h = d.y - footer_h;
    const bool plots = !is_hidden(app, "plots");
    const bool busy = app.lesson.lesson >= 0;  // never on a tab change: the tabs must not move under the pointer
    // The brain is 1000 x 720: beyond 0.62 x the centre's width it only adds margins.
    const float schematic_h = std::round(plots ? std::min(center_h * (busy ? 0.52f : 0.6f), center_w * 0.62f) : center_h - ImGui::GetFrameHeightWithSpacing() * 3.0f);
    if (left_w > 0) {
        begin_panel("controls", ImVec2(0, 0), ImVec2(left_w, d.y), th.panel, false);
        title_block(app);
        if (app.lesson.lesson >= 0) lesson_card(app, ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y);
        if (!is_hidden(app, "controls")) {
            ImGui::BeginChild("controls_scroll", ImVec2(0, 0), false);
            panel_controls(app);
            ImGui::EndChild();
        }
        ImGui::End();
    }
    begin_panel("schematic", ImVec2(left_w, 0), ImVec2(center_w, schematic_h), th.background, false);
    panel_schematic(app, ImVec2(left_w + 8.0f, 8.0f), ImVec2(center_w - 16.0f, schematic_h - 16.0f));
    ImGui::End();
    begin_panel(plots ? "plots" : "toolbar", ImVec2(left_w, schematic_h), ImVec2(center_w, center_h - schematic_h), mix(th.background, th.panel, 0.5f), false);
    if (plots) plots_area(app);
    else panel_time_events(app);
    ImGui::End();
    if (footer_h > 0) {
        begin_panel("note", ImVec2(left_w, center_h), ImVec2(center_w, footer_h), th.panel, false);
        note_footer(app, ImGui::GetContentRegionAvail().x);
        ImGui::End();
    }
    if (right_w > 0) {
        begin_panel(drive_shown ? "drive" : "narration", ImVec2(left_w + center_w, 0), ImVec2(right_w, d.y), th.panel, false);
        // The column's title stays clear of the page's buttons: below them when the column is narrow.
        const char* title = tr(app, drive_shown ? "group.drive" : "group.happening");
        if (right_w - ImGui::CalcTextSize(title).x * 1.3f - ImGui::GetStyle().WindowPadding.x < app.ui.page_tools_w)
            ImGui::SetCursorPosY(app.ui.page_tools_h);
        if (drive_shown) {
            panel_drive(app, true);
        } else {  // the meter is hidden: What's happening, then the note pinned to the bottom
            const float width = ImGui::GetContentRegionAvail().x;
            const float note_h = note_footer_height(app, width) + ImGui::GetStyle().ItemSpacing.y * 2.0f;
            fitted_child(app, "happening", width, &MeasuredHeights::narration_h, th.panel, false, [&] { panel_narration(app, 0); },
                         std::max(ImGui::GetContentRegionAvail().y - note_h, F * 3.0f));
            ImGui::Dummy(ImVec2(0, std::max(0.0f, ImGui::GetContentRegionAvail().y - note_h)));
            ImGui::Separator();
            note_footer(app, width);
        }
        ImGui::End();
    }
    start_hint(app, ImVec2(left_w + center_w * 0.5f - F * 11.0f, F * 2.5f), F * 22.0f);
}


// A row of tab buttons (custom, so the row can stop short of the page's buttons).
bool tab_button(const App& app, const char* key, bool selected, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(selected ? ImGuiCol_TabActive : ImGuiCol_Tab));
    const bool pressed = ImGui::Button(tr(app, key), ImVec2(width, 0.0f));
    ImGui::PopStyleColor();
    record_item(std::string("tab:") + key);
    return pressed;
}

void layout_medium(const App& app, ImVec2 d) {
    const Theme& th = theme();
    const float F = ImGui::GetFontSize();
    const float side = std::clamp(std::round(d.x * 0.4f), std::min(F * 17.0f, d.x * 0.5f), F * 24.0f);
    const float left_w = d.x - side;
    const bool plots = !is_hidden(app, "plots");
    // The plots keep room for their toolbar and about nine lines at any text size.
    const float plots_min = ImGui::GetFrameHeightWithSpacing() * 4.0f + F * 9.0f;
    const float schematic_h = std::round(plots ? std::clamp(d.y - plots_min, d.y * 0.36f, d.y * (app.lesson.lesson >= 0 ? 0.5f : 0.56f)) : d.y * 0.7f);
    begin_panel("schematic", ImVec2(0, 0), ImVec2(left_w, schematic_h), th.background, false);
    panel_schematic(app, ImVec2(6.0f, 6.0f), ImVec2(left_w - 12.0f, schematic_h - 12.0f));
    ImGui::End();
    begin_panel(plots ? "plots" : "toolbar", ImVec2(0, schematic_h), ImVec2(left_w, d.y - schematic_h), mix(th.background, th.panel, 0.5f), false);
    if (plots) plots_area(app);
    else panel_time_events(app);
    ImGui::End();
    begin_panel("side", ImVec2(left_w, 0), ImVec2(side, d.y), th.panel, false);
    const float width = ImGui::GetContentRegionAvail().x;
    // First row: the View button, beside the page's own buttons; then the tabs at full width.
    // The View button beside the page's buttons when it fits there whole, else on its own row below them.
    const float view_w = ImGui::CalcTextSize(tr(app, "settings.button")).x + ImGui::GetFrameHeight() * 1.6f + ImGui::GetStyle().FramePadding.x * 2.0f;
    if (width - app.ui.page_tools_w < view_w) ImGui::SetCursorPosY(app.ui.page_tools_h);
    if (icon_button("settings", Icon::Gear, tr(app, "settings.button"), ImVec2(std::max(std::min(width - app.ui.page_tools_w, F * 6.0f), view_w), ImGui::GetFrameHeight())))
        push_view(&UiState::settings_open, true);
    record_item("button:settings");
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), app.ui.page_tools_h));
    const bool drive_shown = !is_hidden(app, "drive"), controls_shown = !is_hidden(app, "controls");
    // The column shows Controls when the meter is hidden, the meter when the controls are.
    const bool side_controls = !drive_shown || (controls_shown && app.ui.side_controls);
    const int tabs = (drive_shown ? 1 : 0) + (controls_shown ? 1 : 0);
    const float tab_w = (width - ImGui::GetStyle().ItemSpacing.x * static_cast<float>(tabs - 1)) / static_cast<float>(std::max(tabs, 1));
    if (drive_shown && tab_button(app, "tab.drive", !side_controls, tab_w)) push_view(&UiState::side_controls, false);
    if (drive_shown && controls_shown) ImGui::SameLine();
    if (controls_shown && tab_button(app, "tab.controls", side_controls, tab_w)) push_view(&UiState::side_controls, true);
    // The note and About keep a row at the bottom, whatever is hidden; the narration, sized to its
    // text, sits above it (scrolling only when it cannot fit), and the tab's content gets what is left.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float note_h = note_footer_height(app, width) + spacing * 2.0f;
    const bool narration = !is_hidden(app, "narration");
    // In a lesson the card comes first: it may reach down to the note's row and scrolls beyond it (very
    // large text on a short screen); the narration gets what is left, and only when that is two lines.
    if (app.lesson.lesson >= 0) lesson_card(app, width, std::max(ImGui::GetContentRegionAvail().y - note_h, F * 3.0f));
    const float narr_h = narration ? std::max(app.drawn.heights.narration_h, F * 3.0f) + spacing : 0.0f;
    const float body_h = ImGui::GetContentRegionAvail().y - narr_h - note_h;
    if (body_h > F * 3.0f) {
        ImGui::BeginChild("side_body", ImVec2(0, body_h), false);  // scrolls when the text is large: nothing silently hidden
        if (side_controls) panel_controls(app);
        else if (drive_shown) panel_drive(app, false);
        ImGui::EndChild();
    }
    if (narration && ImGui::GetContentRegionAvail().y - note_h >= F * 2.0f)
        fitted_child(app, "narration", width, &MeasuredHeights::narration_h, theme().panel, false, [&] { panel_narration(app, 0); },
                     std::max(ImGui::GetContentRegionAvail().y - note_h, F * 2.0f));
    ImGui::Dummy(ImVec2(0, std::max(0.0f, ImGui::GetContentRegionAvail().y - note_h)));
    ImGui::Separator();
    note_footer(app, width);
    ImGui::End();
    start_hint(app, ImVec2(F, F * 2.5f), std::min(left_w - 2.0f * F, F * 22.0f));
}

// Phone tabs: an icon over a short label, each at least 44 px tall.
bool phone_tab(const char* id, Icon icon, const char* label, bool selected, float w, float h) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    const bool pressed = ImGui::InvisibleButton("tab", ImVec2(w, h));
    ImGui::PopID();
    record_item(std::string("tab:") + id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& th = theme();
    const bool hovered = ImGui::IsItemHovered();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), selected ? mix(th.panel, th.accent, 0.35f) : hovered ? mix(th.panel, th.accent, 0.18f) : th.panel, 6.0f);
    if (selected) dl->AddRectFilled(ImVec2(p.x + 4.0f, p.y + h - 3.0f), ImVec2(p.x + w - 4.0f, p.y + h), th.accent, 2.0f);
    ImFont* f = fonts().small;
    const float px = font_px(f);
    const ImVec2 ts = f->CalcTextSizeA(px, 1e9f, 0.0f, label);
    const float icon_r = std::min(h * 0.2f, w * 0.2f);
    draw_icon(dl, icon, ImVec2(p.x + w * 0.5f, p.y + h * 0.32f), icon_r, th.text);
    const float scale_x = std::min(1.0f, (w - 4.0f) / std::max(ts.x, 1.0f));
    dl->AddText(f, px * scale_x, ImVec2(p.x + (w - ts.x * scale_x) * 0.5f, p.y + h * 0.58f), th.text, label);
    record_label(std::string("tab.") + id, ImVec2(p.x + (w - ts.x * scale_x) * 0.5f, p.y + h * 0.58f),
                 ImVec2(p.x + (w + ts.x * scale_x) * 0.5f, p.y + h * 0.58f + ts.y * scale_x), ImVec4(p.x, p.y, p.x + w, p.y + h));
    return pressed;
}

struct PhoneTabSpec { PhoneTab id; const char* key; Icon icon; };
const PhoneTabSpec kPhoneTabs[] = {{PhoneTab::Controls, "tab.short.controls", Icon::Sliders}, {PhoneTab::Drive, "tab.short.drive", Icon::Meter},
                                   {PhoneTab::Signals, "tab.short.signals", Icon::Wave}, {PhoneTab::Learning, "tab.short.learning", Icon::Rows},
                                   {PhoneTab::Lesson, "tab.short.lesson", Icon::Book}, {PhoneTab::Lab, "tab.short.lab", Icon::Flask}};

bool phone_tab_shown(const App& app, PhoneTab t) {
    if (t == PhoneTab::Controls) return !is_hidden(app, "controls");
    if (t == PhoneTab::Drive) return !is_hidden(app, "drive");
    if (t == PhoneTab::Signals || t == PhoneTab::Learning || t == PhoneTab::Lab) return !is_hidden(app, "plots");
    return true;
}
// The open tab: the chosen one, or the first shown when the page hides it (the Drive tab opens first).
PhoneTab shown_phone_tab(const App& app) {
    if (phone_tab_shown(app, app.ui.phone_tab)) return app.ui.phone_tab;
    for (const PhoneTabSpec& t : kPhoneTabs)
        if (phone_tab_shown(app, t.id)) return t.id;
    return PhoneTab::Lesson;
}

void layout_phone(const App& app, ImVec2 d) {
    const Theme& th = theme();
    const float schematic_h = std::round(std::min(d.x * 0.72f, d.y * 0.34f));
    begin_panel("schematic", ImVec2(0, 0), ImVec2(d.x, schematic_h), th.background, false);
    panel_schematic(app, ImVec2(4.0f, 4.0f), ImVec2(d.x - 8.0f, schematic_h - 8.0f));
    ImGui::End();
    begin_panel("tabs", ImVec2(0, schematic_h), ImVec2(d.x, d.y - schematic_h), th.panel, false);
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = 3.0f, tab_h = std::max(44.0f, ImGui::GetFontSize() * 2.6f);
    // The note and About stay in view under every tab, whatever is hidden.
    const float footer_h = note_footer_height(app, width) + ImGui::GetStyle().ItemSpacing.y * 2.0f;
    // The narration strip (or the lesson card) stays in view above the tabs; with large text on a
    // small screen it scrolls rather than push the tabs and the note away.
    const PhoneTab open = shown_phone_tab(app);
    if (app.lesson.lesson >= 0 && open == PhoneTab::Lesson) {
        // the card is the Lesson tab's content below
    } else if (!is_hidden(app, "narration")) {
        const float room = ImGui::GetContentRegionAvail().y - tab_h - footer_h - ImGui::GetFontSize() * 3.0f;
        fitted_child(app, "strip", width, &MeasuredHeights::strip_h, th.panel, false, [&] { panel_narration(app, 2); }, std::max(room, ImGui::GetFontSize() * 2.0f));
    }
    std::vector<const PhoneTabSpec*> shown;
    for (const PhoneTabSpec& t : kPhoneTabs)
        if (phone_tab_shown(app, t.id)) shown.push_back(&t);
    const float tab_w = (width - ImGui::GetFrameHeight() - gap * static_cast<float>(shown.size())) / static_cast<float>(shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (i) ImGui::SameLine(0.0f, gap);
        if (phone_tab(shown[i]->key, shown[i]->icon, tr(app, shown[i]->key), open == shown[i]->id, tab_w, tab_h)) push_view(&UiState::phone_tab, shown[i]->id);
        if (shown[i]->id == PhoneTab::Lesson && app.lesson.lesson >= 0 && open != PhoneTab::Lesson)
            highlight_rect(app, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    ImGui::SameLine(0.0f, gap);
    if (icon_button("settings", Icon::Gear, "", ImVec2(ImGui::GetFrameHeight(), tab_h))) push_view(&UiState::settings_open, true);
    record_item("button:settings");
    ImGui::BeginChild("tab_body", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - footer_h, ImGui::GetFontSize() * 3.0f)), false);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    switch (open) {
    case PhoneTab::Controls: panel_time_events(app); ImGui::Separator(); panel_controls(app); break;
    case PhoneTab::Drive: panel_drive(app, false); break;
    case PhoneTab::Signals: panel_time_events(app); panel_plots_signals(brains_view(app), ImVec2(avail.x, std::max(avail.y - ImGui::GetFrameHeightWithSpacing() * 2.0f, ImGui::GetFontSize() * 12.0f))); break;
    case PhoneTab::Learning: panel_time_events(app); panel_plots_learning(brains_view(app), ImVec2(avail.x, std::max(avail.y - ImGui::GetFrameHeightWithSpacing() * 2.0f, ImGui::GetFontSize() * 12.0f))); break;
    case PhoneTab::Lesson:
        if (app.lesson.lesson >= 0) {
            lesson_card(app, avail.x);
            panel_time_events(app);
            panel_lesson_evidence(app, ImVec2(avail.x, ImGui::GetFontSize() * 12.0f));
        } else {
            panel_lessons(app);
        }
        break;
    case PhoneTab::Lab: panel_lab(app); break;
    }
    ImGui::EndChild();
    ImGui::Separator();
    note_footer(app, width);
    ImGui::End();
    start_hint(app, ImVec2(8.0f, 8.0f), d.x - 16.0f);
}

void layout_compact(const App& app, ImVec2 d) {
    const Theme& th = theme();
    const bool side_by_side = d.x >= d.y * 1.2f;
    const float schematic_w = side_by_side ? std::round(d.x * 0.56f) : d.x;
    const float schematic_h = side_by_side ? d.y : std::round(d.y * 0.5f);
    begin_panel("schematic", ImVec2(0, 0), ImVec2(schematic_w, schematic_h), th.background, false);
    panel_schematic(app, ImVec2(2.0f, 2.0f), ImVec2(schematic_w - 4.0f, schematic_h - 4.0f));
    ImGui::End();
    const ImVec2 pos = side_by_side ? ImVec2(schematic_w, 0) : ImVec2(0, schematic_h);
    begin_panel("compact", pos, ImVec2(d.x - pos.x, d.y - pos.y), th.panel, false);
    if (pos.y < app.ui.page_tools_h) ImGui::Dummy(ImVec2(0.0f, app.ui.page_tools_h - ImGui::GetStyle().WindowPadding.y));
    // The note (which opens About) keeps its lines at the bottom; what is above scrolls if it must.
    ImFont* small = fonts().small;
    const float note_h = static_cast<float>(wrap_lines(small, font_px(small), tr(app, "note.short"), ImGui::GetContentRegionAvail().x).size()) * font_px(small);
    ImGui::BeginChild("compact_body", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - note_h - ImGui::GetStyle().ItemSpacing.y, ImGui::GetFontSize())), false);
    char num[32];
    if (app.compare.has_value()) format_into(num, app.strings.number, "A %.0f  B %.0f", app.brain.out.motivation, app.compare->out.motivation);
    else format_into(num, app.strings.number, "%.0f", app.brain.out.motivation);
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(num);
    record_item("label:drive.number");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(app, "drive.motivation"));
    record_item("label:drive.motivation");
    panel_narration(app, 1);
    const float h = ImGui::GetFrameHeight();
    ImGui::BeginDisabled(is_locked(app, "events") || is_hidden(app, "events"));
    if (ImGui::Button(tr(app, "event.cue"), ImVec2(0, h))) push_action([](App& a) { cmd_event(a, "cue"); });
    record_item("button:event.cue");
    ImGui::SameLine();
    if (ImGui::Button(tr(app, "event.reward.short"), ImVec2(0, h))) push_action([](App& a) { cmd_event(a, "reward"); });
    record_item("button:event.reward");
    ImGui::EndDisabled();
    ImGui::SameLine();
    const char* open = tr(app, "compact.open_full");
    const float open_w = ImGui::CalcTextSize(open).x + ImGui::GetStyle().FramePadding.x * 2.0f + h;
    if (ImGui::GetContentRegionAvail().x < open_w) ImGui::NewLine();
    if (icon_button("open_full", Icon::Open, open, ImVec2(open_w, h))) push_view(&UiState::open_full_view_requested, true);
    record_item("button:open_full");
    ImGui::EndChild();
    note_and_about(app, false);
    ImGui::End();
}

}  // namespace

// A finger (or the mouse) dragged over a panel's text scrolls the panel, as on any phone: ImGui itself
// scrolls only by wheel and scrollbar, which a phone has not or makes tiny. A drag that starts on a
// control (a slider, a button) is that control's; a panel that does not scroll passes it to its parent.
namespace {
void drag_to_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiContext& g = *GImGui;
    // A press on a panel's empty space makes the panel's "move" id active (our panels never move).
    const bool on_panel = g.ActiveId == 0 || (g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId);
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, io.MouseDragThreshold) || !on_panel || io.MouseDelta.y == 0.0f) return;
    ImGuiWindow* w = g.HoveredWindow;
    while (w && (w->ScrollMax.y <= 0.0f || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) && (w->Flags & ImGuiWindowFlags_ChildWindow)) w = w->ParentWindow;
    if (w && w->ScrollMax.y > 0.0f && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) ImGui::SetScrollY(w, w->Scroll.y - io.MouseDelta.y);
}
}  // namespace

// [SECTION] build_ui ---------------------------------------------------------------------------------------
// Font size in CSS pixels for this window: large enough for the back of a classroom.
float wanted_font_px(ImVec2 display) {
    const float by_width = display.x / 1366.0f * 19.0f, by_height = display.y / 768.0f * 19.0f;
    return std::clamp(std::round(std::min(by_width, by_height)), 15.0f, 30.0f);
}

namespace {
DrawnFrame* g_drawing = nullptr;  // the frame build_ui is filling (nullptr outside it)

void build_layout(const App& app) {
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    const Layout layout = choose_layout(d, app.ui.font_px);
    apply_style(app.ui.font_px, layout == Layout::Phone || layout == Layout::Compact);
    if (!app.asset_error.empty()) {
        begin_panel("error", ImVec2(0, 0), d, theme().panel);
        ImGui::TextWrapped("NeuroDrive could not load its data: %s", app.asset_error.c_str());
        ImGui::End();
        return;
    }
    const char* names[] = {"wide", "medium", "phone", "compact"};
    drawn_now().rects.push_back({std::string("layout:") + names[static_cast<int>(layout)], 0, 0, d.x, d.y});
    switch (layout) {
    case Layout::Wide: layout_wide(app, d); break;
    case Layout::Medium: layout_medium(app, d); break;
    case Layout::Phone: layout_phone(app, d); break;
    case Layout::Compact: layout_compact(app, d); break;
    }
    about_modal(app);
    settings_modal(app);
    shortcuts_modal(app);
    handle_shortcuts(app);
    drag_to_scroll();
}
}  // namespace

DrawnFrame& drawn_now() {
    IM_ASSERT(g_drawing && "drawn_now() outside build_ui()");
    return *g_drawing;
}

DrawnFrame build_ui(const App& app) {
    // The theme drawing uses follows the setting (a global of theme.cpp, like ImGui's style).
    set_theme(app.settings.theme);
    DrawnFrame frame;
    frame.heights = app.drawn.heights;        // measured blocks keep their height while not drawn
    frame.plot_focus = app.drawn.plot_focus;  // the lesson's plot tab, brought forward once
    g_drawing = &frame;
    build_layout(app);
    g_drawing = nullptr;
    return frame;
}

}  // namespace neurodrive::app
