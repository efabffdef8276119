// panel_controls.cpp - time controls, events, the scenario (presets) and the input sliders, all read
// from the model's registries. Drawing only reads: a change is an action (push_action) that update()
// applies through the commands of commands.hpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "neurodrive/names.hpp"
#include "commands.hpp"
#include "ui.hpp"

namespace neurodrive::app {
namespace {

// Ticks at 100% (typical) above and below a level's slider at [smin, smax].
void typical_marker(ImVec2 smin, ImVec2 smax) {
    const float grab = ImGui::GetStyle().GrabMinSize;
    const float x = smin.x + grab * 0.5f + 2.0f + (smax.x - smin.x - grab - 4.0f) * 0.5f;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, smin.y - 2.0f), ImVec2(x, smin.y + 5.0f), theme().ghost, 2.0f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, smax.y - 5.0f), ImVec2(x, smax.y + 2.0f), theme().ghost, 2.0f);
}

// One labelled slider: name and value on the first line, the slider with a marker at typical and a
// reset button on the second. Long because the label, value, lock, highlight, lesson cue, typical
// marker, reset and layout report all belong to the same two lines.
void input_slider(const App& app, const model::InputSpec& spec) {
    const std::string name(spec.name);
    const bool level = spec.kind == model::InputKind::Level;
    const double value = app.brain.inputs.*(spec.field);
    ImGui::PushID(name.c_str());
    const ImU32 color = input_color(name);
    const ImVec2 row_min = ImGui::GetCursorScreenPos();

    // Line 1: colour dot, name, value in words.
    const float dot = ImGui::GetFontSize() * 0.32f;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(row_min.x + dot, row_min.y + ImGui::GetFontSize() * 0.55f), dot, color);
    ImGui::Dummy(ImVec2(dot * 2.6f, 0));
    ImGui::SameLine(0, 0);
    char value_text[64];
    if (level) format_into(value_text, app.strings.number, tr(app, "format.percent_level"), value * 100.0, level_word(app, value));
    else format_into(value_text, app.strings.number, tr(app, "format.percent"), value * 100.0);
    const float value_w = ImGui::CalcTextSize(value_text).x;
    const float row_room = ImGui::GetContentRegionAvail().x;
    const float name_room = row_room - value_w - ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushFont(fonts().bold);
    const char* label = tr(app, "input." + name);
    // A long name on a narrow column goes smaller rather than under the value; a name too long even
    // then (a long language) has the line to itself and the value goes on the next line.
    const float label_w = ImGui::CalcTextSize(label).x;
    const bool value_beside = label_w * 0.7f <= name_room;
    const float shrink = std::clamp((value_beside ? name_room : row_room) / std::max(label_w, 1.0f), 0.7f, 1.0f);
    ImGui::SetWindowFontScale(shrink);
    ImGui::TextUnformatted(label);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    record_item("label:input." + name);
    help_marker_tooltip(tr(app, "tip." + name));
    if (value_beside) ImGui::SameLine(ImGui::GetContentRegionMax().x - value_w);
    else ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - value_w);
    ImGui::PushStyleColor(ImGuiCol_Text, theme().text_dim);
    ImGui::TextUnformatted(value_text);
    ImGui::PopStyleColor();
    record_item("label:value." + name);

    // Line 2: slider + reset.
    const float reset_w = ImGui::GetFrameHeight() * 1.2f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - reset_w - ImGui::GetStyle().ItemSpacing.x);
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, color);
    ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, mix(color, IM_COL32_WHITE, 0.35f));
    float percent = static_cast<float>(value * 100.0);
    const bool locked = is_locked(app, name) || (!level && is_locked(app, "experiments"));
    ImGui::BeginDisabled(locked);
    const bool changed = ImGui::SliderFloat("##v", &percent, 0.0f, static_cast<float>(spec.max * 100.0), "", ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopStyleColor(2);
    ImGui::EndDisabled();
    help_marker_tooltip(tr(app, "tip." + name));
    const ImVec2 smin = ImGui::GetItemRectMin(), smax = ImGui::GetItemRectMax();
    if (ImGui::IsItemVisible()) drawn_now().rects.push_back({name, smin.x, smin.y, smax.x - smin.x, smax.y - smin.y});
    if (level) typical_marker(smin, smax);
    if (changed) {
        const double v = std::clamp(static_cast<double>(std::round(percent)) / 100.0, spec.min, spec.max);
        push_action([name, v](App& a) { cmd_set_input(a, name, v); });
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(value == spec.typical || locked);
    char reset_tip[128];
    format_into(reset_tip, app.strings.number, tr(app, "reset.one"), label);
    if (icon_button("reset", Icon::Reset, "", ImVec2(reset_w, ImGui::GetFrameHeight()))) push_action([name, v = spec.typical](App& a) { cmd_set_input(a, name, v); });
    ImGui::EndDisabled();
    help_marker_tooltip(reset_tip);
    const ImVec2 row_max(ImGui::GetItemRectMax().x, smax.y);
    if (input_highlighted(app, name) || lesson_wants_input(app, name)) {
        highlight_rect(app, row_min, row_max);
        // Reveal it: a preset or a lesson step names this slider (the first one drawn this frame).
        if (app.ui.scroll_to_highlight > 0 && !drawn_now().revealed) {
            ImGui::SetScrollHereY(0.3f);
            drawn_now().revealed = true;
        }
    }
    ImGui::PopID();
    ImGui::Spacing();
}

void sliders(const App& app, std::string_view group) {
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i)
        if (specs[i].group == group) input_slider(app, specs[i]);
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

// Compare with: a second brain with the same events beside this one (both restart together).
void compare_choice(const App& app, float full) {
    const float h = ImGui::GetFrameHeight();
    const char* compare_label = tr(app, "compare.label");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(compare_label);
    record_item("label:compare.label");
    help_marker_tooltip(tr(app, "compare.tip"));
    ImGui::SameLine();
    float combo_w = ImGui::GetContentRegionAvail().x;
    if (combo_w < ImGui::GetFontSize() * 7.0f) { ImGui::NewLine(); combo_w = full; }  // a narrow column: on its own line
    ImGui::SetNextItemWidth(combo_w);
    const std::string compare_now = app.compare.has_value() ? scenario_title(app, app.compare->preset, app.compare->inputs) : tr(app, "compare.off");
    ImGui::BeginDisabled(!compare_error(app, "off").empty());  // the locks of Reset all (time, presets)
    if (ImGui::BeginCombo("##compare", compare_now.c_str())) {
        if (ImGui::Selectable(tr(app, "compare.off"), !app.compare.has_value(), 0, ImVec2(0, h))) push_action([](App& a) { cmd_compare(a, "off"); });
        record_item("option:compare.off");
        for (const auto& p : io::builtin_presets().presets) {
            const bool selected = app.compare.has_value() && app.compare->preset == p.id;
            // A scenario that would change a locked input (lock=experiments: a manipulation) is greyed out.
            const ImGuiSelectableFlags locked = compare_error(app, p.id).empty() ? 0 : ImGuiSelectableFlags_Disabled;
            if (ImGui::Selectable(preset_title(app, p), selected, locked, ImVec2(0, h))) push_action([id = p.id](App& a) { cmd_compare(a, id); });
            record_item("option:compare." + p.id);
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    record_item("combo:compare");
    help_marker_tooltip(tr(app, "compare.tip"));
    ImGui::EndDisabled();
}

}  // namespace

namespace {

// Play or pause, one step while paused, and the speed menu (all off under lock=time).
void time_buttons(const App& app, float h) {
    const float icon = h * 0.9f;
    const char* play = app.paused ? tr(app, "time.play") : tr(app, "time.pause");
    if (icon_button("play", app.paused ? Icon::Play : Icon::Pause, play, ImVec2(button_w(play, icon), h))) push_action([](App& a) { cmd_toggle_pause(a); });
    record_item("button:play");
    flow(button_w(tr(app, "time.step"), icon), false);
    ImGui::BeginDisabled(!app.paused);
    if (icon_button("step", Icon::Step, tr(app, "time.step"), ImVec2(button_w(tr(app, "time.step"), icon), h))) push_action([](App& a) { cmd_step(a, 0.1); });
    record_item("button:step");
    ImGui::EndDisabled();
    const SettingSteps& speeds = find_setting("speed")->steps;
    char speed_label[32];
    format_into(speed_label, app.strings.number, tr(app, "format.speed"), static_cast<double>(app.speed));
    char widest[16];
    format_into(widest, app.strings.number, tr(app, "format.speed"), speeds.front());
    const float speed_w = button_w(widest) + h;
    flow(speed_w, false);
    ImGui::SetNextItemWidth(speed_w);
    if (ImGui::BeginCombo("##speed", speed_label)) {
        for (double sp : speeds) {
            char label[16];
            format_into(label, app.strings.number, tr(app, "format.speed"), sp);
            if (ImGui::Selectable(label, std::abs(static_cast<double>(app.speed) - sp) < 1e-3, 0, ImVec2(0, h))) push_action([sp](App& a) { cmd_speed(a, sp); });
        }
        ImGui::EndCombo();
    }
    record_item("combo:speed");
    help_marker_tooltip(tr(app, "time.speed"));
}

// A dim line of text in the row (label:<id>); longer than a whole row (a long language with large
// text) it wraps at words, never cut off. A ticking one (the clock, while the model runs) is drawn in a
// Slow layer over the retained panel.
void dim_text(const char* text, const char* id, bool ticking) {
    const ImVec2 size = ImGui::CalcTextSize(text);
    flow(size.x, false);
    ImGui::AlignTextToFramePadding();
    const float avail = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    const std::vector<std::string> lines = size.x > avail ? wrap_lines(ImGui::GetFont(), ImGui::GetFontSize(), text, avail) : std::vector<std::string>{text};
    const float line_h = ImGui::GetTextLineHeight();
    if (ticking) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(std::min(size.x, avail), line_h * static_cast<float>(lines.size())));
        for (std::size_t i = 0; i < lines.size(); ++i)
            layer_draw_list(Layer::Slow)->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x, p.y + line_h * static_cast<float>(i)), theme().text_dim, lines[i].c_str());
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, theme().text_dim);
        ImGui::BeginGroup();
        for (const std::string& line : lines) ImGui::TextUnformatted(line.c_str());
        ImGui::EndGroup();
        ImGui::PopStyleColor();
    }
    record_item(std::string("label:") + id);
}

// Cue, reward, omit and automatic trials (all off under lock=events).
void event_buttons(const App& app, float h) {
    // The Omit tooltip is true in this state: it promises a dip only once the cue predicts reward.
    const char* omit_tip = app.brain.out.reward_expected > 0.3 ? "event.omit.tip" : "event.omit.tip.untrained";
    struct Ev { const char* label; const char* tip; const char* name; const char* id; };
    const Ev events[] = {{"event.cue", "event.cue.tip", "cue", "button:event.cue"},
                         {"event.reward", "event.reward.tip", "reward", "button:event.reward"},
                         {"event.omit", omit_tip, "omit", "button:event.omit"}};
    bool first = true;
    for (const Ev& ev : events) {
        const char* label = tr(app, ev.label);
        flow(button_w(label), first);
        first = false;
        if (ImGui::Button(label, ImVec2(button_w(label), h))) push_action([name = ev.name](App& a) { cmd_event(a, name); });
        record_item(ev.id);
        help_marker_tooltip(tr(app, ev.tip));
    }
    flow(button_w(tr(app, "event.auto"), h), false);
    bool auto_trials = app.auto_trials;
    if (ImGui::Checkbox(tr(app, "event.auto"), &auto_trials)) push_action([auto_trials](App& a) { cmd_auto_trials(a, auto_trials); });
    record_item("check:auto");
    help_marker_tooltip(tr(app, "event.auto.tip"));
}

}  // namespace

void panel_time_events(const App& app) {
    const float h = ImGui::GetFrameHeight();
    ImGui::BeginDisabled(is_locked(app, "time"));
    time_buttons(app, h);
    ImGui::EndDisabled();
    char clock[96];
    format_into(clock, app.strings.number, tr(app, app.brain.state.hold_slow_clock ? "time.clock_held" : "time.clock"), app.brain.state.time_s, app.brain.out.sim_day);
    dim_text(clock, "clock", true);
    help_marker_tooltip(tr(app, "time.compressed"));
    if (app.skipped_time_s >= 0.5) {  // stalls are not hidden: say how much time they skipped (own line when narrow)
        char skipped[96];
        format_into(skipped, app.strings.number, tr(app, "time.skipped"), app.skipped_time_s);
        dim_text(skipped, "skipped", false);
    }
    if (is_hidden(app, "events")) return;
    ImGui::BeginDisabled(is_locked(app, "events"));
    event_buttons(app, h);
    ImGui::EndDisabled();
}

void panel_controls(const App& app) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float full = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetFrameHeight();

    // Scenario: the title row carries Reset all, so the preset names get the full width.
    section_title("presets", tr(app, "group.presets"));
    const io::Preset* current = io::find_preset(app.brain.preset);
    ImGui::BeginDisabled(is_locked(app, "presets"));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(tr(app, "reset.all")).x - style.FramePadding.x * 2.0f);
    if (ImGui::SmallButton(tr(app, "reset.all"))) push_action([](App& a) { cmd_reset(a); });
    record_item("button:reset");
    ImGui::SetNextItemWidth(full);
    if (ImGui::BeginCombo("##preset", current ? preset_title(app, *current) : tr(app, "preset.custom"))) {
        for (const auto& p : io::builtin_presets().presets) {
            const bool selected = current && current->id == p.id;
            if (ImGui::Selectable(preset_title(app, p), selected, 0, ImVec2(0, h))) push_action([id = p.id](App& a) { cmd_preset(a, id); });
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    record_item("combo:preset");
    ImGui::EndDisabled();
    if (current && current->id != "baseline") {
        text_block("preset.explanation", preset_explanation(app, *current), theme().text_dim);
        ImGui::PushFont(fonts().small);
        text_block("preset.sources", current->sources.c_str(), theme().text_dim);
        ImGui::PopFont();
    }
    compare_choice(app, full);
    ImGui::Spacing();

    // Levels and lab manipulations: one tap apart (a preset or a lesson step that needs a
    // manipulation opens its tab).
    const bool manipulations_shown = !is_hidden(app, "experiments");
    // A pending reveal (app.cpp reveal_inputs chose the tab) counts the frames that drew the sliders.
    drawn_now().controls_drawn = true;
    if (manipulations_shown) {
        const float tab_w = (full - style.ItemSpacing.x) * 0.5f;
        for (int t = 0; t < 2; ++t) {
            if (t) ImGui::SameLine();
            const bool on = static_cast<int>(app.ui.controls_tab) == t;
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(on ? ImGuiCol_ButtonActive : ImGuiCol_FrameBg));
            if (ImGui::Button(tr(app, t == 0 ? "controls.levels" : "controls.manipulations"), ImVec2(tab_w, h))) push_view(&UiState::controls_tab, static_cast<ControlsTab>(t));
            ImGui::PopStyleColor();
            record_item(t == 0 ? "tab:controls.levels" : "tab:controls.manipulations");
        }
        ImGui::Spacing();
    }
    if (!manipulations_shown || app.ui.controls_tab == ControlsTab::Levels) {
        section_title("transmitters", tr(app, "group.transmitters"));
        sliders(app, "transmitter");
        section_title("hormones", tr(app, "group.hormones"));
        sliders(app, "hormone");
    } else {
        text_block("manipulations.intro", tr(app, "group.experiments.intro"), theme().text_dim);
        sliders(app, "manipulation");
    }
}

}  // namespace neurodrive::app
