// panel_lab.cpp - the virtual lab: pick a registry experiment, run it on a typical brain and on the
// current scenario, and see both beside the published finding; or the Evidence view, the findings
// registry checked on this model (the same table as About). Charts follow the registry's mapping.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "neurodrive/experiments.hpp"
#include "commands.hpp"
#include "neurodrive/findings.hpp"
#include "ui.hpp"

namespace neurodrive::app {
namespace {

float nice_extent(double v) { return nice_ceiling(static_cast<float>(std::max(v, 1e-6))); }

std::string exp_key(const model::ExperimentSpec& spec, const char* part) { return "experiment." + std::string(spec.name) + "." + part; }

// Paired horizontal bars: control (neutral) and scenario (accent) for each measure.
void bar_chart(const App& app, const model::ExperimentSpec& spec, const LabResult& r, ImVec2 size) {
    const Theme& th = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    double lo = 0.0, hi = 0.0;
    for (const auto& b : r.bars) { lo = std::min({lo, b.control, b.scenario}); hi = std::max({hi, b.control, b.scenario}); }
    const float top = nice_extent(hi), bottom = lo < 0 ? -nice_extent(-lo) : 0.0f;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float label_w = std::min(size.x * 0.4f, ImGui::GetFontSize() * 11.0f);
    const float row_h = std::min(ImGui::GetFontSize() * 2.6f, size.y / static_cast<float>(std::max<std::size_t>(r.bars.size(), 1)));
    const float x0 = p0.x + label_w, x1 = p0.x + size.x - ImGui::GetFontSize() * 3.0f;
    auto tx = [&](double v) { return x0 + static_cast<float>((v - bottom) / (top - bottom)) * (x1 - x0); };
    ImFont* small = fonts().small;
    const float px = font_px(small);
    for (std::size_t i = 0; i < r.bars.size(); ++i) {
        const auto& b = r.bars[i];
        const float y = p0.y + row_h * static_cast<float>(i);
        const char* label = tr_or(app, exp_key(spec, ("bar" + std::to_string(i + 1)).c_str()), b.label);
        dl->AddText(small, px, ImVec2(p0.x, y + row_h * 0.25f), th.text, label, nullptr, label_w - 6.0f);
        const float h = row_h * 0.36f;
        for (int k = 0; k < 2; ++k) {
            const double v = k == 0 ? b.control : b.scenario;
            const float yy = y + 2.0f + static_cast<float>(k) * (h + 2.0f);
            dl->AddRectFilled(ImVec2(std::min(tx(0), tx(v)), yy), ImVec2(std::max(tx(0), tx(v)), yy + h), k == 0 ? th.neutral : th.accent, 2.0f);
            char buf[32];
            format_into(buf, app.strings.number, "%.3g", v);
            dl->AddText(small, px, ImVec2(std::max(tx(0), tx(v)) + 4.0f, yy + (h - px) * 0.5f), th.text_dim, buf);
        }
    }
    dl->AddLine(ImVec2(tx(0), p0.y), ImVec2(tx(0), p0.y + row_h * static_cast<float>(r.bars.size())), th.text_dim, 1.0f);
    ImGui::Dummy(ImVec2(size.x, row_h * static_cast<float>(r.bars.size()) + 4.0f));
}

void curve_chart(const App& app, const model::ExperimentSpec& spec, const LabResult& r, ImVec2 size, const char* first_label, const char* second_label) {
    const Theme& th = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    if (r.x.size() < 2) return;
    double lo = 0.0, hi = 0.0;
    for (double v : r.control) { lo = std::min(lo, v); hi = std::max(hi, v); }
    for (double v : r.scenario) { lo = std::min(lo, v); hi = std::max(hi, v); }
    const float top = nice_extent(hi), bottom = lo < 0 ? -nice_extent(-lo) : 0.0f;
    const bool log_x = spec.chart.log_x;
    auto fx = [&](double x) { return log_x ? std::log(std::max(x, 1e-3)) : x; };
    const double xa = fx(r.x.front()), xb = fx(r.x.back());
    ImFont* small = fonts().small;
    const float px = font_px(small);
    const float left = p0.x + px * 2.8f, right = p0.x + size.x - 6.0f;
    const float y_top = p0.y + px * 1.6f, y_bottom = p0.y + size.y - px * 1.5f;
    auto tx = [&](double x) { return left + static_cast<float>((fx(x) - xa) / (xb - xa == 0.0 ? 1.0 : xb - xa)) * (right - left); };
    auto ty = [&](double y) { return y_bottom - static_cast<float>((y - bottom) / (top - bottom)) * (y_bottom - y_top); };
    dl->AddRect(ImVec2(left, y_top), ImVec2(right, y_bottom), th.grid);
    char buf[32];
    for (float v : {bottom, 0.0f, top}) {
        format_into(buf, app.strings.number, "%g", static_cast<double>(v));
        dl->AddText(small, px, ImVec2(p0.x, ty(v) - px * 0.5f), th.text_dim, buf);
    }
    const char* x_label = tr_or(app, exp_key(spec, "x"), spec.chart.x_label);
    dl->AddText(small, px, ImVec2(right - small->CalcTextSizeA(px, 1e9f, 0, x_label).x, y_bottom + 2.0f), th.text_dim, x_label);
    const std::vector<double>* series[] = {&r.control, &r.scenario};
    const ImU32 colors[] = {th.neutral, th.accent};
    for (int k = 0; k < 2; ++k) {
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i < series[k]->size() && i < r.x.size(); ++i) pts.emplace_back(tx(r.x[i]), ty((*series[k])[i]));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colors[k], 0, 2.5f);
        for (const ImVec2& p : pts) if (k == 1) dl->AddCircleFilled(p, 3.0f, colors[k]);
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

void panel_lab(const App& app) {
    const Theme& th = theme();
    const auto& specs = model::experiment_specs();
    // Experiments, or the evidence table (the registry of findings).
    const bool evidence = app.ui.lab_evidence;
    for (int t = 0; t < 2; ++t) {
        if (t) ImGui::SameLine();
        if (ImGui::RadioButton(tr(app, t == 0 ? "lab.experiments" : "evidence.tab"), evidence == (t == 1))) push_view(&UiState::lab_evidence, t == 1);
        record_item(t == 0 ? "radio:lab.experiments" : "radio:lab.evidence");
    }
    if (evidence) {
        ImGui::BeginChild("evidence");
        ImGui::PushTextWrapPos(0.0f);
        findings_table(app);
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        return;
    }
    const model::ExperimentSpec& spec = specs[static_cast<std::size_t>(std::clamp(app.ui.lab_choice, 0, static_cast<int>(specs.size()) - 1))];
    // Wide areas put the choice and the finding beside the chart, so the chart keeps its height.
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const bool side = area.x > area.y * 1.8f && area.x > ImGui::GetFontSize() * 30.0f;
    if (side) ImGui::BeginChild("lab_left", ImVec2(std::round(area.x * 0.38f), area.y), false);
    const char* run = tr(app, "lab.run");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(run).x - ImGui::GetStyle().FramePadding.x * 2.0f - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::BeginCombo("##experiment", tr_or(app, exp_key(spec, "title"), spec.title))) {
        for (std::size_t i = 0; i < specs.size(); ++i)
            if (ImGui::Selectable(tr_or(app, exp_key(specs[i], "title"), specs[i].title), app.ui.lab_choice == static_cast<int>(i))) push_view(&UiState::lab_choice, static_cast<int>(i));
        ImGui::EndCombo();
    }
    record_item("combo:lab.experiment");
    ImGui::SameLine();
    if (ImGui::Button(run)) push_action([choice = app.ui.lab_choice](App& a) { cmd_run_experiment(a, choice); });  // runs in update()
    record_item("button:lab.run");
    const std::string published = app.strings.format("lab.published", tr_or(app, exp_key(spec, "finding"), spec.finding), spec.citation);
    text_block("lab.finding", published.c_str(), th.text);
    // What the evidence table (About > Evidence) makes of the findings this experiment checks, by kind.
    int kinds[3] = {0, 0, 0};
    for (std::string_view id : spec.findings)
        if (const model::FindingSpec* f = model::find_finding(id)) ++kinds[static_cast<int>(f->kind)];
    char evidence_line[256];
    format_into(evidence_line, app.strings.number, tr(app, "lab.evidence"), kinds[0], kinds[1], kinds[2]);
    text_block("lab.evidence", evidence_line, th.text_dim);
    const bool ran = app.lab.experiment == spec.name;
    if (!ran) text_block("lab.none", tr(app, "lab.none"), th.text_dim);
    if (side) {
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("lab_chart", ImVec2(0, area.y), false);
    }
    if (ran) {
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const ImVec2 size(avail.x, std::max(avail.y - ImGui::GetFrameHeightWithSpacing() - 4.0f, ImGui::GetFontSize() * 6.0f));
        const char* unit = tr_or(app, exp_key(spec, "unit"), spec.chart.unit);
        if (app.lab.kind == model::ChartKind::Bars) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.neutral), "%s", tr(app, "lab.control"));
            ImGui::SameLine();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.accent), "%s", tr(app, "lab.scenario"));
            ImGui::SameLine();
            ImGui::TextDisabled("(%s)", unit);
            bar_chart(app, spec, app.lab, size);
        } else if (app.lab.kind == model::ChartKind::Pair) {
            ImGui::TextDisabled("%s - %s", tr(app, "lab.scenario"), unit);
            curve_chart(app, spec, app.lab, size, tr_or(app, exp_key(spec, "y"), spec.chart.y_label), tr_or(app, exp_key(spec, "y2"), spec.chart.y2_label));
        } else {
            ImGui::TextDisabled("%s", unit);
            curve_chart(app, spec, app.lab, size, tr(app, "lab.control"), tr(app, "lab.scenario"));
        }
        record_item("chart:lab");
    }
    if (side) ImGui::EndChild();
}

}  // namespace neurodrive::app
