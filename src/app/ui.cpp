// ui.cpp - the frame's UI: style, responsive layout (landscape: controls | schematic over plots |
// drive; portrait: schematic over tabs) and the panels. ImGui only.
#include <algorithm>
#include <cmath>
#include <string>

#include "neurodrive/presets.hpp"
#include "ui.hpp"

namespace neurodrive::app {
namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove
                                         | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

void apply_style(float font_px, bool touch) {
    ImGuiStyle& st = ImGui::GetStyle();
    const Theme& th = theme();
    st = ImGuiStyle();
    const float u = font_px / 18.0f;
    st.WindowPadding = ImVec2(14 * u, 12 * u);
    // Touch layouts: every control at least 44 CSS px tall (WCAG 2.5.5 target size).
    st.FramePadding = ImVec2(10 * u, touch ? std::max(8 * u, (44.0f - font_px) * 0.5f) : 6 * u);
    st.ItemSpacing = ImVec2(8 * u, 7 * u);
    st.ItemInnerSpacing = ImVec2(6 * u, 4 * u);
    st.ScrollbarSize = 14 * u;
    st.GrabMinSize = 22 * u;
    st.WindowRounding = 0;
    st.FrameRounding = 6 * u;
    st.GrabRounding = 6 * u;
    st.PopupRounding = 8 * u;
    st.ScrollbarRounding = 8 * u;
    st.TabRounding = 6 * u;
    st.WindowBorderSize = 0;
    st.PopupBorderSize = 1;
    ImVec4* c = st.Colors;
    auto col = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    c[ImGuiCol_Text] = col(th.text);
    c[ImGuiCol_TextDisabled] = col(th.text_dim);
    c[ImGuiCol_WindowBg] = col(th.panel);
    c[ImGuiCol_ChildBg] = col(th.panel);
    c[ImGuiCol_PopupBg] = col(mix(th.panel, IM_COL32_WHITE, 0.06f));
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
    c[ImGuiCol_NavHighlight] = col(IM_COL32(255, 220, 120, 255));
}

// Remembers where the last item was drawn, for the browser tests and the accessible mirror.
void record_item(App& app, const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.widget_rects.push_back({name, a.x, a.y, b.x - a.x, b.y - a.y});
}

void begin_panel(App& app, const char* name, ImVec2 pos, ImVec2 size, ImU32 bg) {
    app.widget_rects.push_back({std::string("panel:") + name, pos.x, pos.y, size.x, size.y});
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(bg));
    ImGui::Begin(name, nullptr, kPanelFlags);
    ImGui::PopStyleColor();
}

void title_block(App& app) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted(tr(app, "app.title"));
    ImGui::PopFont();
    const char* view = tr(app, "settings.button");
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(view).x - ImGui::GetStyle().FramePadding.x * 2.0f);
    if (ImGui::SmallButton(view)) app.ui.settings_open = true;
    ImGui::PushStyleColor(ImGuiCol_Text, theme().text_dim);
    ImGui::TextUnformatted(tr(app, "app.subtitle"));
    ImGui::PopStyleColor();
    ImGui::Separator();
}

void plots_area(App& app) {
    panel_time_events(app);
    ImGui::Spacing();
    if (ImGui::BeginTabBar("plots")) {
        if (ImGui::BeginTabItem(tr(app, "tab.signals"))) { app.ui.plot_tab = 0; panel_plots_signals(app); ImGui::EndTabItem(); }
        if (ImGui::BeginTabItem(tr(app, "tab.learning"))) { app.ui.plot_tab = 1; panel_plots_learning(app); ImGui::EndTabItem(); }
        const ImGuiTabItemFlags lesson_flags = app.ui.select_lesson_tab ? ImGuiTabItemFlags_SetSelected : 0;
        app.ui.select_lesson_tab = false;
        if (ImGui::BeginTabItem(tr(app, "tab.lesson"), nullptr, lesson_flags)) {
            app.ui.plot_tab = 2;
            ImGui::BeginChild("lesson");
            panel_lessons(app);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        const bool lab_open = ImGui::BeginTabItem(tr(app, "tab.lab"));
        record_item(app, "tab:lab");
        if (lab_open) {
            app.ui.plot_tab = 3;
            ImGui::BeginChild("lab");
            panel_lab(app);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

// A centred modal of a readable width; returns true while open (EndPopup then).
bool begin_modal(const char* id, bool* open_flag) {
    if (*open_flag && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - 16.0f, ImGui::GetFontSize() * 28.0f), 0.0f));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        *open_flag = false;
        return false;
    }
    return true;
}

void close_button(App& app, bool* open_flag) {
    ImGui::Spacing();
    if (ImGui::Button(tr(app, "settings.close"), ImVec2(-1.0f, 0.0f)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        *open_flag = false;
        ImGui::CloseCurrentPopup();
    }
}

void settings_modal(App& app) {
    if (!begin_modal("##settings", &app.ui.settings_open)) return;
    app.widget_rects.push_back({"dialog:settings", ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(), ImGui::GetWindowHeight()});
    section_title(tr(app, "settings.title"));
    ImGui::TextUnformatted(tr(app, "settings.theme"));
    if (ImGui::RadioButton(tr(app, "settings.theme.dark"), app.ui.theme == "dark")) app.ui.theme = "dark";
    if (ImGui::RadioButton(tr(app, "settings.theme.projector"), app.ui.theme == "projector")) app.ui.theme = "projector";
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(app, "settings.scale"));
    int percent = static_cast<int>(std::lround(app.ui.scale * 100.0f));
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::SliderInt("##scale", &percent, 75, 200, "%d%%", ImGuiSliderFlags_AlwaysClamp))
        app.ui.scale = static_cast<float>(std::clamp((percent + 12) / 25 * 25, 75, 200)) / 100.0f;
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(app, "settings.language"));
    for (const char* lang : {"en", "es"}) {
        if (ImGui::RadioButton(tr(app, std::string("lang.") + lang), app.ui.lang == lang)) set_language(app, lang);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Spacing();
    ImGui::Checkbox(tr(app, "settings.motion"), &app.ui.reduced_motion);
    ImGui::Spacing();
    if (ImGui::Button(tr(app, "settings.shortcuts"), ImVec2(-1.0f, 0.0f))) {
        app.ui.settings_open = false;
        ImGui::CloseCurrentPopup();
        app.ui.shortcuts_open = true;
    }
    close_button(app, &app.ui.settings_open);
    ImGui::EndPopup();
}

void shortcuts_modal(App& app) {
    if (!begin_modal("##shortcuts", &app.ui.shortcuts_open)) return;
    app.widget_rects.push_back({"dialog:shortcuts", ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(), ImGui::GetWindowHeight()});
    section_title(tr(app, "shortcuts.title"));
    ImGui::TextWrapped("%s", tr(app, "shortcuts.intro"));
    ImGui::Spacing();
    for (const char* key : {"shortcuts.space", "shortcuts.r", "shortcuts.c", "shortcuts.w", "shortcuts.o", "shortcuts.digits", "shortcuts.help"})
        ImGui::BulletText("%s", tr(app, key));
    close_button(app, &app.ui.shortcuts_open);
    ImGui::EndPopup();
}

// Single-key shortcuts, from typed characters (layout-independent). They only act while the app has
// keyboard focus (SDL listens on the canvas only), no popup is open and no text is being typed.
void handle_shortcuts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) || ImGui::IsAnyItemActive()) return;
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if (c == ' ' && !io.NavVisible && !is_locked(app, "time")) app.paused = !app.paused;
        else if ((c == 'r' || c == 'R') && !is_locked(app, "presets")) reset_all(app);
        else if ((c == 'c' || c == 'C') && !is_locked(app, "events")) fire_event(app, model::Event::Cue);
        else if ((c == 'w' || c == 'W') && !is_locked(app, "events")) fire_event(app, model::Event::Reward);
        else if ((c == 'o' || c == 'O') && !is_locked(app, "events")) fire_event(app, model::Event::Omit);
        else if (c >= '1' && c <= '9' && !is_locked(app, "presets")) {
            const auto& list = model::builtin_presets().presets;
            const std::size_t index = static_cast<std::size_t>(c - '1');
            if (index < list.size()) set_preset(app, list[index].id);
        } else if (c == '?') app.ui.shortcuts_open = true;
    }
}

}  // namespace

// Font size in CSS pixels for this window: large enough for the back of a classroom.
float wanted_font_px(ImVec2 display) {
    const float by_width = display.x / 1366.0f * 19.0f, by_height = display.y / 768.0f * 19.0f;
    return std::clamp(std::round(std::min(by_width, by_height)), 15.0f, 30.0f);
}

void build_ui(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 d = io.DisplaySize;
    // Three columns from 1100 px; two columns (schematic and plots | controls and drive in tabs) for
    // smaller landscape frames such as course-page iframes; below 700 px or portrait, schematic over tabs.
    const bool landscape = d.x >= 1100.0f && d.x >= d.y;
    const bool two_columns = !landscape && d.x >= 700.0f && d.x >= d.y * 1.1f;
    set_theme(app.ui.theme);
    apply_style(app.ui.font_px, !landscape && !two_columns);
    app.widget_rects.clear();
    const Theme& th = theme();

    if (!app.asset_error.empty()) {
        begin_panel(app, "error", ImVec2(0, 0), d, th.panel);
        ImGui::TextWrapped("NeuroDrive could not load its data: %s", app.asset_error.c_str());
        ImGui::End();
        return;
    }

    if (landscape) {
        const float side = std::clamp(d.x * 0.245f, 300.0f, 520.0f);
        const float left_w = is_hidden(app, "controls") ? 0.0f : side;
        const float right_w = is_hidden(app, "drive") ? 0.0f : side;
        const float center_w = d.x - left_w - right_w;
        const bool plots = !is_hidden(app, "plots");
        const float toolbar_rows = center_w < 520.0f ? 3.0f : 2.0f;
        const float toolbar_h = ImGui::GetFrameHeightWithSpacing() * toolbar_rows + ImGui::GetStyle().WindowPadding.y * 2.0f;
        // Lessons and the lab need room for text and charts: the schematic yields some height to them.
        const float schematic_share = app.ui.plot_tab >= 2 ? 0.48f : 0.63f;
        const float schematic_h = std::round(plots ? d.y * schematic_share : d.y - toolbar_h);
        if (left_w > 0) {
            begin_panel(app, "controls", ImVec2(0, 0), ImVec2(left_w, d.y), th.panel);
            title_block(app);
            panel_controls(app);
            ImGui::End();
        }
        begin_panel(app, "schematic", ImVec2(left_w, 0), ImVec2(center_w, schematic_h), th.background);
        panel_schematic(app, ImVec2(left_w + 8.0f, 8.0f), ImVec2(center_w - 16.0f, schematic_h - 16.0f));
        ImGui::End();
        begin_panel(app, plots ? "plots" : "toolbar", ImVec2(left_w, schematic_h), ImVec2(center_w, d.y - schematic_h), mix(th.background, th.panel, 0.5f));
        if (plots) plots_area(app);
        else panel_time_events(app);
        ImGui::End();
        if (right_w > 0) {
            begin_panel(app, "drive", ImVec2(left_w + center_w, 0), ImVec2(right_w, d.y), th.panel);
            panel_drive(app);
            ImGui::End();
        }
    } else if (two_columns) {
        const float side = std::clamp(std::round(d.x * 0.36f), 280.0f, 420.0f);
        const float left_w = d.x - side;
        const bool plots = !is_hidden(app, "plots");
        const float schematic_h = std::round(plots ? d.y * (app.ui.plot_tab >= 2 ? 0.45f : 0.58f) : d.y * 0.7f);
        begin_panel(app, "schematic", ImVec2(0, 0), ImVec2(left_w, schematic_h), th.background);
        panel_schematic(app, ImVec2(6.0f, 6.0f), ImVec2(left_w - 12.0f, schematic_h - 12.0f));
        ImGui::End();
        begin_panel(app, plots ? "plots" : "toolbar", ImVec2(0, schematic_h), ImVec2(left_w, d.y - schematic_h), mix(th.background, th.panel, 0.5f));
        if (plots) plots_area(app);
        else panel_time_events(app);
        ImGui::End();
        begin_panel(app, "side", ImVec2(left_w, 0), ImVec2(side, d.y), th.panel);
        if (ImGui::BeginTabBar("side_tabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
            if (!is_hidden(app, "drive") && ImGui::BeginTabItem(tr(app, "tab.drive"))) {
                ImGui::BeginChild("side_drive");
                panel_drive(app);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            if (!is_hidden(app, "controls") && ImGui::BeginTabItem(tr(app, "tab.controls"))) {
                ImGui::BeginChild("side_controls");
                panel_controls(app);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            if (ImGui::TabItemButton(tr(app, "settings.button"), ImGuiTabItemFlags_Trailing)) app.ui.settings_open = true;
            ImGui::EndTabBar();
        }
        ImGui::End();
    } else {
        const float schematic_h = std::round(std::min(d.x * 0.78f, d.y * 0.42f));
        begin_panel(app, "schematic", ImVec2(0, 0), ImVec2(d.x, schematic_h), th.background);
        panel_schematic(app, ImVec2(4.0f, 4.0f), ImVec2(d.x - 8.0f, schematic_h - 8.0f));
        ImGui::End();
        begin_panel(app, "tabs", ImVec2(0, schematic_h), ImVec2(d.x, d.y - schematic_h), th.panel);
        if (ImGui::BeginTabBar("phone", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
            struct Tab { PhoneTab id; const char* key; };
            const Tab tabs[] = {{PhoneTab::Controls, "tab.controls"}, {PhoneTab::Drive, "tab.drive"}, {PhoneTab::Signals, "tab.signals"},
                                {PhoneTab::Learning, "tab.learning"}, {PhoneTab::Lesson, "tab.lesson"}, {PhoneTab::Lab, "tab.lab"}};
            const bool select_lesson = app.ui.select_lesson_tab;
            app.ui.select_lesson_tab = false;
            for (const Tab& t : tabs) {
                if ((t.id == PhoneTab::Controls && is_hidden(app, "controls")) || (t.id == PhoneTab::Drive && is_hidden(app, "drive"))
                    || ((t.id == PhoneTab::Signals || t.id == PhoneTab::Learning || t.id == PhoneTab::Lab) && is_hidden(app, "plots")))
                    continue;
                const ImGuiTabItemFlags flags = select_lesson && t.id == PhoneTab::Lesson ? ImGuiTabItemFlags_SetSelected : 0;
                const bool open = ImGui::BeginTabItem(tr(app, t.key), nullptr, flags);
                record_item(app, std::string("tab:") + t.key);
                if (open) {
                    app.ui.phone_tab = t.id;
                    ImGui::BeginChild("tab_body", ImVec2(0, 0), false);
                    switch (t.id) {
                    case PhoneTab::Controls: panel_time_events(app); ImGui::Separator(); panel_controls(app); break;
                    case PhoneTab::Drive: panel_drive(app); break;
                    case PhoneTab::Signals: panel_plots_signals(app); break;
                    case PhoneTab::Learning: panel_plots_learning(app); break;
                    case PhoneTab::Lesson: panel_lessons(app); break;
                    case PhoneTab::Lab: panel_lab(app); break;
                    }
                    ImGui::EndChild();
                    ImGui::EndTabItem();
                }
            }
            if (ImGui::TabItemButton(tr(app, "settings.button"), ImGuiTabItemFlags_Trailing)) app.ui.settings_open = true;
            ImGui::EndTabBar();
        }
        ImGui::End();
    }
    about_modal(app);
    settings_modal(app);
    shortcuts_modal(app);
    handle_shortcuts(app);
}

}  // namespace neurodrive::app
