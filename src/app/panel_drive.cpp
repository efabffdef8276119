// panel_drive.cpp - the drive meter (motivation and its six parts, each with a ghost marker of the
// healthy baseline), "What's happening" narration, and the always-reachable model note.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "narration.hpp"
#include "ui.hpp"

namespace neurodrive::app {
namespace {

struct Component { const char* key; double value; double typical; double weight; };

// A horizontal 0-1 bar with a ghost marker at the typical value.
void component_bar(const App& app, const Component& c, ImU32 color) {
    const Theme& th = theme();
    const std::string name = c.key;
    ImGui::PushID(c.key);
    ImGui::TextUnformatted(tr(app, "drive." + name));
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f%%", c.value * 100.0);
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::CalcTextSize(pct).x);
    ImGui::TextUnformatted(pct);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = std::max(8.0f, ImGui::GetFontSize() * 0.55f);
    ImGui::InvisibleButton("bar", ImVec2(w, h + 4.0f));
    char tip[256];
    std::snprintf(tip, sizeof tip, tr(app, "drive.tip." + name), app.out.response_latency_s);
    help_marker_tooltip(tip);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), th.grid, h * 0.5f);
    dl->AddRectFilled(p, ImVec2(p.x + w * static_cast<float>(std::clamp(c.value, 0.0, 1.0)), p.y + h), color, h * 0.5f);
    const float gx = p.x + w * static_cast<float>(std::clamp(c.typical, 0.0, 1.0));
    dl->AddLine(ImVec2(gx, p.y - 3.0f), ImVec2(gx, p.y + h + 3.0f), th.ghost, 2.5f);
    ImGui::PopID();
}

}  // namespace

void panel_drive(App& app) {
    const Theme& th = theme();
    const model::Outputs& o = app.out;
    const model::Outputs& t = app.typical;
    section_title(tr(app, "group.drive"));

    // Headline number.
    ImGui::PushFont(fonts().big);
    char num[16];
    std::snprintf(num, sizeof num, "%.0f", o.motivation);
    const ImU32 num_col = o.motivation < t.motivation - 5 ? th.bad : o.motivation > t.motivation + 5 ? th.good : th.text;
    ImGui::PushStyleColor(ImGuiCol_Text, num_col);
    ImGui::TextUnformatted(num);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.4f));
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr(app, "drive.motivation"));
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
    ImGui::Text(tr(app, "drive.typical"), t.motivation);
    ImGui::PopStyleColor();
    ImGui::EndGroup();

    // Stacked bar: each component's contribution in points, with the typical total marked.
    const Component parts[] = {
        {"wanting", o.wanting, t.wanting, 0.25}, {"vigor", o.vigor, t.vigor, 0.20},
        {"effort_willingness", o.effort_willingness, t.effort_willingness, 0.20}, {"executive", o.executive, t.executive, 0.15},
        {"vigilance", o.vigilance, t.vigilance, 0.10}, {"mood", o.mood, t.mood, 0.10},
    };
    const ImU32 part_colors[] = {IM_COL32(86, 180, 233, 255), IM_COL32(64, 150, 205, 255), IM_COL32(46, 120, 178, 255),
                                 IM_COL32(120, 200, 240, 255), IM_COL32(150, 210, 245, 255), IM_COL32(175, 222, 248, 255)};
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * 1.2f;
        ImGui::Dummy(ImVec2(w, h + 6.0f));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), th.grid, 4.0f);
        float x = p.x;
        for (int i = 0; i < 6; ++i) {
            const float seg = w * static_cast<float>(parts[i].weight * std::clamp(parts[i].value, 0.0, 1.0));
            dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + seg, p.y + h), part_colors[i]);
            if (seg > 2.0f) dl->AddLine(ImVec2(x + seg, p.y), ImVec2(x + seg, p.y + h), th.panel, 2.0f);
            x += seg;
        }
        const float gx = p.x + w * static_cast<float>(t.motivation / 100.0);
        dl->AddLine(ImVec2(gx, p.y - 4.0f), ImVec2(gx, p.y + h + 4.0f), th.ghost, 3.0f);
    }
    for (int i = 0; i < 6; ++i) component_bar(app, parts[i], part_colors[i]);
    ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
    component_bar(app, {"liking", o.liking, t.liking, 0.0}, th.neutral);
    ImGui::PushFont(fonts().small);
    ImGui::TextWrapped("%s", tr(app, "drive.ghost"));
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::Spacing();

    // What's happening (scrolls if long), then the note pinned to the bottom of the panel.
    const float note_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() * 2.0f + ImGui::GetStyle().ItemSpacing.y * 2.0f;
    ImGui::BeginChild("happening", ImVec2(0, -note_h), false);
    if (!is_hidden(app, "narration")) {
        section_title(tr(app, "group.happening"));
        NarrationInput in;
        in.inputs = &app.inputs;
        in.out = &app.out;
        in.typical = &app.typical;
        in.state = &app.state;
        in.recent_rpe = app.state.time_s - app.last_phasic_time_s < 2.0 ? app.last_phasic_rpe : 0.0;
        ImGui::PushTextWrapPos(0.0f);
        for (const std::string& sentence : narrate(app.strings, in)) {
            ImGui::TextUnformatted(sentence.c_str());
            ImGui::Spacing();
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();

    // The note: always visible, with the full text one click away.
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
    ImGui::TextWrapped("%s", tr(app, "note.short"));
    ImGui::PopStyleColor();
    if (ImGui::Button(tr(app, "note.button"))) app.ui.about_open = true;
    app.widget_rects.push_back({"button:about", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y});
}

void about_modal(App& app) {
    if (app.ui.about_open) ImGui::OpenPopup("##about");
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - 16.0f, ImGui::GetFontSize() * 34.0f), std::min(io.DisplaySize.y - 16.0f, ImGui::GetFontSize() * 30.0f)));
    if (ImGui::BeginPopupModal("##about", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        app.widget_rects.push_back({"dialog:about", ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(), ImGui::GetWindowHeight()});
        const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
        if (ImGui::BeginTabBar("about_tabs")) {
            if (ImGui::BeginTabItem(tr(app, "about.tab"))) {
                ImGui::BeginChild("about_text", ImVec2(0, -footer));
                section_title(tr(app, "note.button"));
                ImGui::TextWrapped("%s", tr(app, "note.long"));
                ImGui::Spacing();
                ImGui::TextWrapped("%s", tr(app, "note.drugs_tiers"));
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem(tr(app, "glossary.tab"))) {
                ImGui::BeginChild("glossary", ImVec2(0, -footer));
                for (const auto& kv : app.strings.table) {
                    const std::string& key = kv.first;
                    if (key.rfind("glossary.", 0) != 0 || key.size() < 5 || key.compare(key.size() - 5, 5, ".term") != 0) continue;
                    ImGui::PushFont(fonts().bold);
                    ImGui::TextWrapped("%s", kv.second.c_str());
                    ImGui::PopFont();
                    ImGui::TextWrapped("%s", tr(app, key.substr(0, key.size() - 5) + ".text"));
                    ImGui::Spacing();
                }
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem(tr(app, "references.tab"))) {
                ImGui::BeginChild("references", ImVec2(0, -footer));
                ImGui::TextWrapped("%s", tr(app, "references.intro"));
                for (const auto& r : app.references) {
                    char tier[64];
                    std::snprintf(tier, sizeof tier, tr(app, "references.tier"), r.tier.c_str());
                    ImGui::PushFont(fonts().bold);
                    ImGui::TextWrapped("%s", r.cite.c_str());
                    ImGui::PopFont();
                    ImGui::TextWrapped("%s. %s (%s)", r.source.c_str(), r.topic.c_str(), tier);
                }
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        if (ImGui::Button(tr(app, "note.close"), ImVec2(-1.0f, 0.0f)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            app.ui.about_open = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace neurodrive::app
