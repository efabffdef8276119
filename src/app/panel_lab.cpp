// panel_lab.cpp - the virtual lab: pick a classic experiment, run it on a typical brain and on the
// current scenario, and see both beside the published finding (with its citation).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "lab.hpp"
#include "neurodrive/experiments.hpp"
#include "ui.hpp"

namespace neurodrive::app {
namespace {

float nice_max(double v) {
    const double p = std::pow(10.0, std::floor(std::log10(std::max(v, 1e-6))));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) if (v <= m * p) return static_cast<float>(m * p);
    return static_cast<float>(10.0 * p);
}

// Paired horizontal bars: control (neutral) and scenario (accent) for each measure.
void bar_chart(App& app, const LabResult& r, ImVec2 size) {
    const Theme& th = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    double lo = 0.0, hi = 0.0;
    for (const auto& b : r.bars) { lo = std::min({lo, b.control, b.scenario}); hi = std::max({hi, b.control, b.scenario}); }
    const float top = nice_max(hi), bottom = lo < 0 ? -nice_max(-lo) : 0.0f;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float label_w = std::min(size.x * 0.42f, ImGui::GetFontSize() * 11.0f);
    const float row_h = std::min(ImGui::GetFontSize() * 2.6f, size.y / static_cast<float>(std::max<std::size_t>(r.bars.size(), 1)));
    const float x0 = p0.x + label_w, x1 = p0.x + size.x - ImGui::GetFontSize() * 3.0f;
    auto tx = [&](double v) { return x0 + static_cast<float>((v - bottom) / (top - bottom)) * (x1 - x0); };
    ImFont* small = fonts().small;
    const float px = small->FontSize * ImGui::GetIO().FontGlobalScale;
    for (std::size_t i = 0; i < r.bars.size(); ++i) {
        const auto& b = r.bars[i];
        const float y = p0.y + row_h * static_cast<float>(i);
        dl->AddText(ImVec2(p0.x, y + row_h * 0.25f), th.text, tr(app, b.label_key));
        const float h = row_h * 0.36f;
        for (int k = 0; k < 2; ++k) {
            const double v = k == 0 ? b.control : b.scenario;
            const float yy = y + 2.0f + static_cast<float>(k) * (h + 2.0f);
            dl->AddRectFilled(ImVec2(std::min(tx(0), tx(v)), yy), ImVec2(std::max(tx(0), tx(v)), yy + h), k == 0 ? th.neutral : th.accent, 2.0f);
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.3g", v);
            dl->AddText(small, px, ImVec2(std::max(tx(0), tx(v)) + 4.0f, yy + (h - px) * 0.5f), th.text_dim, buf);
        }
    }
    dl->AddLine(ImVec2(tx(0), p0.y), ImVec2(tx(0), p0.y + row_h * static_cast<float>(r.bars.size())), th.text_dim, 1.0f);
    ImGui::Dummy(ImVec2(size.x, row_h * static_cast<float>(r.bars.size()) + 4.0f));
}

void curve_chart(App& app, const LabResult& r, ImVec2 size, const char* first_label, const char* second_label) {
    const Theme& th = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    if (r.curve.x.size() < 2) return;
    double lo = 0.0, hi = 0.0;
    for (double v : r.curve.control) { lo = std::min(lo, v); hi = std::max(hi, v); }
    for (double v : r.curve.scenario) { lo = std::min(lo, v); hi = std::max(hi, v); }
    const float top = nice_max(hi), bottom = lo < 0 ? -nice_max(-lo) : 0.0f;
    const bool log_x = r.experiment == "pfc_dose";
    auto fx = [&](double x) { return log_x ? std::log(std::max(x, 1e-3)) : x; };
    const double xa = fx(r.curve.x.front()), xb = fx(r.curve.x.back());
    const float left = p0.x + ImGui::GetFontSize() * 2.2f, right = p0.x + size.x - 6.0f;
    const float y_top = p0.y + ImGui::GetFontSize() * 1.4f, y_bottom = p0.y + size.y - ImGui::GetFontSize() * 1.4f;
    auto tx = [&](double x) { return left + static_cast<float>((fx(x) - xa) / (xb - xa)) * (right - left); };
    auto ty = [&](double y) { return y_bottom - static_cast<float>((y - bottom) / (top - bottom)) * (y_bottom - y_top); };
    dl->AddRect(ImVec2(left, y_top), ImVec2(right, y_bottom), th.grid);
    ImFont* small = fonts().small;
    const float px = small->FontSize * ImGui::GetIO().FontGlobalScale;
    char buf[32];
    for (float v : {bottom, 0.0f, top}) {
        std::snprintf(buf, sizeof buf, "%g", static_cast<double>(v));
        dl->AddText(small, px, ImVec2(p0.x, ty(v) - px * 0.5f), th.text_dim, buf);
    }
    dl->AddText(small, px, ImVec2(right - small->CalcTextSizeA(px, 1e9f, 0, tr(app, r.x_key)).x, y_bottom + 2.0f), th.text_dim, tr(app, r.x_key));
    const std::vector<double>* series[] = {&r.curve.control, &r.curve.scenario};
    const ImU32 colors[] = {th.dopamine, th.text};
    for (int k = 0; k < 2; ++k) {
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i < series[k]->size() && i < r.curve.x.size(); ++i) pts.emplace_back(tx(r.curve.x[i]), ty((*series[k])[i]));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colors[k], 0, 2.5f);
    }
    float lx = left + 6.0f;
    for (int k = 0; k < 2; ++k) {
        const char* label = k == 0 ? first_label : second_label;
        dl->AddLine(ImVec2(lx, p0.y + px * 0.6f), ImVec2(lx + px * 1.5f, p0.y + px * 0.6f), colors[k], 3.0f);
        dl->AddText(small, px, ImVec2(lx + px * 1.8f, p0.y), th.text, label);
        lx += small->CalcTextSizeA(px, 1e9f, 0, label).x + px * 3.0f;
    }
}

}  // namespace

void panel_lab(App& app) {
    const Theme& th = theme();
    const auto& specs = model::experiment_specs();
    section_title(tr(app, "lab.title"));
    help_marker_tooltip(tr(app, "lab.intro"));
    const std::string current_title = tr(app, "lab." + std::string(specs[static_cast<std::size_t>(app.ui.lab_choice)].name) + ".title");
    const char* run = tr(app, "lab.run");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(run).x - ImGui::GetStyle().FramePadding.x * 2.0f - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::BeginCombo("##experiment", current_title.c_str())) {
        for (std::size_t i = 0; i < specs.size(); ++i)
            if (ImGui::Selectable(tr(app, "lab." + std::string(specs[i].name) + ".title"), app.ui.lab_choice == static_cast<int>(i))) app.ui.lab_choice = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button(run)) run_lab(app, app.ui.lab_choice);
    app.widget_rects.push_back({"button:lab.run", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y});
    const std::string name(specs[static_cast<std::size_t>(app.ui.lab_choice)].name);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr(app, "lab.published"));
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(app, "lab." + name + ".finding"));
    ImGui::PopTextWrapPos();
    if (app.lab.experiment != name) {
        ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
        ImGui::TextWrapped("%s", tr(app, "lab.none"));
        ImGui::PopStyleColor();
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(avail.x, std::max(avail.y - 6.0f, ImGui::GetFontSize() * 5.0f));
    if (!app.lab.bars.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.neutral), "%s", tr(app, "lab.control"));
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.accent), "%s", tr(app, "lab.scenario"));
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", tr(app, app.lab.unit_key));
        bar_chart(app, app.lab, ImVec2(size.x, size.y - ImGui::GetFrameHeightWithSpacing()));
    } else if (name == "conditioning") {
        curve_chart(app, app.lab, size, tr(app, "lab.cue"), tr(app, "lab.reward"));
    } else {
        curve_chart(app, app.lab, size, tr(app, "lab.control"), tr(app, "lab.scenario"));
    }
}

}  // namespace neurodrive::app
