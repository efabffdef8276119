// panel_controls.cpp - time controls, events, presets and the input sliders. UI code changes
// App::inputs through set_input_value(); it never writes model state.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "neurodrive/names.hpp"
#include "ui.hpp"

namespace neurodrive::app {
namespace {

// One labelled slider: name and value on the first line, the slider with a marker at typical and a
// reset button on the second.
void input_slider(App& app, const model::InputSpec& spec) {
    const std::string name(spec.name);
    const bool level = spec.kind == model::InputKind::Level;
    double value = app.inputs.*(spec.field);
    ImGui::PushID(name.c_str());
    const ImU32 color = input_color(name);

    // Line 1: colour dot, name, value in words.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float dot = ImGui::GetFontSize() * 0.32f;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + dot, p.y + ImGui::GetFontSize() * 0.55f), dot, color);
    ImGui::Dummy(ImVec2(dot * 2.6f, 0));
    ImGui::SameLine(0, 0);
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr(app, "input." + name));
    ImGui::PopFont();
    help_marker_tooltip(tr(app, "tip." + name));
    char value_text[64];
    if (level) std::snprintf(value_text, sizeof value_text, "%.0f%%  %s", value * 100.0, level_word(app, value));
    else std::snprintf(value_text, sizeof value_text, "%.0f%%", value * 100.0);
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::CalcTextSize(value_text).x - ImGui::GetStyle().ItemSpacing.x * 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, theme().text_dim);
    ImGui::TextUnformatted(value_text);
    ImGui::PopStyleColor();

    // Line 2: slider + reset.
    const float reset_w = ImGui::GetFrameHeight() * 1.2f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - reset_w - ImGui::GetStyle().ItemSpacing.x);
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, color);
    ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, mix(color, IM_COL32_WHITE, 0.35f));
    float percent = static_cast<float>(value * 100.0);
    const float max_percent = static_cast<float>(spec.max * 100.0);
    const bool locked = is_locked(app, name) || (!level && is_locked(app, "experiments"));
    ImGui::BeginDisabled(locked);
    const bool changed = ImGui::SliderFloat("##v", &percent, 0.0f, max_percent, "", ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopStyleColor(2);
    ImGui::EndDisabled();
    help_marker_tooltip(tr(app, "tip." + name));
    const ImVec2 smin = ImGui::GetItemRectMin(), smax = ImGui::GetItemRectMax();
    if (ImGui::IsItemVisible()) app.widget_rects.push_back({name, smin.x, smin.y, smax.x - smin.x, smax.y - smin.y});
    if (level) {  // marker at 100% (typical)
        const float grab = ImGui::GetStyle().GrabMinSize;
        const float x = smin.x + grab * 0.5f + 2.0f + (smax.x - smin.x - grab - 4.0f) * 0.5f;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, smin.y - 2.0f), ImVec2(x, smin.y + 5.0f), theme().ghost, 2.0f);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, smax.y - 5.0f), ImVec2(x, smax.y + 2.0f), theme().ghost, 2.0f);
    }
    if (changed) set_input_value(app, name, std::clamp(static_cast<double>(std::round(percent)) / 100.0, spec.min, spec.max));
    ImGui::SameLine();
    const bool at_typical = value == spec.typical;
    ImGui::BeginDisabled(at_typical || locked);
    char reset_tip[128];
    std::snprintf(reset_tip, sizeof reset_tip, tr(app, "reset.one"), tr(app, "input." + name));
    if (icon_button("reset", 3, "", ImVec2(reset_w, ImGui::GetFrameHeight()))) set_input_value(app, name, spec.typical);
    ImGui::EndDisabled();
    help_marker_tooltip(reset_tip);
    ImGui::PopID();
    ImGui::Spacing();
}

void sliders(App& app, model::InputKind kind) {
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i) {
        if (specs[i].kind != kind) continue;
        input_slider(app, specs[i]);
    }
}

void level_group(App& app, bool hormones) {
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i) {
        if (specs[i].kind != model::InputKind::Level) continue;
        const std::string_view name = specs[i].name;
        const bool hormone = name == "testosterone" || name == "estradiol" || name == "thyroid" || name == "cortisol";
        if (hormone == hormones) input_slider(app, specs[i]);
    }
}


// Places the next item on the current line when it fits, else on a new line.
void flow(float item_w, bool first) {
    if (first) return;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < item_w) ImGui::NewLine();
}

float button_w(const char* text, float extra = 0.0f) {
    return ImGui::CalcTextSize(text).x + ImGui::GetStyle().FramePadding.x * 2.0f + extra;
}

}  // namespace

void panel_time_events(App& app) {
    const float h = ImGui::GetFrameHeight();
    const float icon = h * 0.9f;
    const bool time_locked = is_locked(app, "time");
    ImGui::BeginDisabled(time_locked);
    const char* play = app.paused ? tr(app, "time.play") : tr(app, "time.pause");
    if (icon_button("play", app.paused ? 0 : 1, play, ImVec2(button_w(play, icon), h))) app.paused = !app.paused;
    flow(button_w(tr(app, "time.step"), icon), false);
    ImGui::BeginDisabled(!app.paused);
    if (icon_button("step", 2, tr(app, "time.step"), ImVec2(button_w(tr(app, "time.step"), icon), h))) advance_sim(app, 0.1);
    ImGui::EndDisabled();
    static const float speeds[] = {0.25f, 0.5f, 1.0f, 2.0f, 4.0f};
    char speed_label[32];
    std::snprintf(speed_label, sizeof speed_label, "%gx", static_cast<double>(app.speed));
    const float speed_w = button_w("0.25x") + h;
    flow(speed_w, false);
    ImGui::SetNextItemWidth(speed_w);
    if (ImGui::BeginCombo("##speed", speed_label)) {
        for (float sp : speeds) {
            char label[16];
            std::snprintf(label, sizeof label, "%gx", static_cast<double>(sp));
            if (ImGui::Selectable(label, std::abs(app.speed - sp) < 1e-3f, 0, ImVec2(0, h))) app.speed = sp;
        }
        ImGui::EndCombo();
    }
    help_marker_tooltip(tr(app, "time.speed"));
    ImGui::EndDisabled();
    char clock[96];
    std::snprintf(clock, sizeof clock, tr(app, "time.clock"), app.state.time_s, app.out.sim_day);
    flow(ImGui::CalcTextSize(clock).x, false);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, theme().text_dim);
    ImGui::TextUnformatted(clock);
    ImGui::PopStyleColor();
    help_marker_tooltip(tr(app, "time.compressed"));

    if (is_hidden(app, "events")) return;
    ImGui::BeginDisabled(is_locked(app, "events"));
    struct Ev { const char* label; const char* tip; model::Event e; };
    const Ev events[] = {{"event.cue", "event.cue.tip", model::Event::Cue}, {"event.reward", "event.reward.tip", model::Event::Reward},
                         {"event.omit", "event.omit.tip", model::Event::Omit}};
    bool first = true;
    for (const Ev& ev : events) {
        const char* label = tr(app, ev.label);
        flow(button_w(label), first);
        first = false;
        if (ImGui::Button(label, ImVec2(button_w(label), h))) fire_event(app, ev.e);
        help_marker_tooltip(tr(app, ev.tip));
    }
    flow(button_w(tr(app, "event.auto"), h), false);
    if (ImGui::Checkbox(tr(app, "event.auto"), &app.auto_trials) && app.auto_trials) app.next_auto_trial_s = app.state.time_s + 0.2;
    help_marker_tooltip(tr(app, "event.auto.tip"));
    ImGui::EndDisabled();
}

void panel_controls(App& app) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float full = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetFrameHeight();

    // Presets: the title row carries Reset all, so the preset names get the full width.
    section_title(tr(app, "group.presets"));
    const model::Preset* current = model::find_preset(app.preset);
    ImGui::BeginDisabled(is_locked(app, "presets"));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(tr(app, "reset.all")).x - style.FramePadding.x * 2.0f);
    if (ImGui::SmallButton(tr(app, "reset.all"))) reset_all(app);
    ImGui::SetNextItemWidth(full);
    if (ImGui::BeginCombo("##preset", current ? preset_title(app, *current) : tr(app, "preset.custom"))) {
        for (const auto& p : model::builtin_presets().presets) {
            const bool selected = current && current->id == p.id;
            if (ImGui::Selectable(preset_title(app, p), selected, 0, ImVec2(0, h))) set_preset(app, p.id);
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    if (current && current->id != "baseline") {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, theme().text_dim);
        ImGui::TextUnformatted(preset_explanation(app, *current));
        ImGui::PushFont(fonts().small);
        ImGui::TextUnformatted(current->sources.c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();

    section_title(tr(app, "group.transmitters"));
    level_group(app, false);
    section_title(tr(app, "group.hormones"));
    level_group(app, true);
    if (is_hidden(app, "experiments")) return;
    ImGui::SetNextItemOpen(app.ui.experiments_open, ImGuiCond_Always);
    ImGui::PushFont(fonts().bold);
    app.ui.experiments_open = ImGui::CollapsingHeader(tr(app, "group.experiments"));
    ImGui::PopFont();
    if (app.ui.experiments_open) sliders(app, model::InputKind::Manipulation);
}

}  // namespace neurodrive::app
