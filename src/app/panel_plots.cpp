// panel_plots.cpp - scrolling plots of the last 30 s (NAc and PFC dopamine, VTA firing, prediction
// error, with event markers) and the learned response at cue vs at reward across trials.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "ui.hpp"

namespace neurodrive::app {
namespace {

struct Series {
    std::vector<float> values;  // oldest first
    ImU32 color;
    bool dashed;
    const char* label;
};

float nice_ceiling(float v) {
    if (v <= 0.0f) return 1.0f;
    const float p = std::pow(10.0f, std::floor(std::log10(v)));
    for (float m : {1.0f, 2.0f, 2.5f, 5.0f, 10.0f}) if (v <= m * p) return m * p;
    return 10.0f * p;
}

void polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float thick, bool dashed) {
    if (pts.size() < 2) return;
    if (!dashed) { dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, 0, thick); return; }
    float acc = 0.0f;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const float len = std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
        if (std::fmod(acc, 14.0f) < 8.0f) dl->AddLine(pts[i - 1], pts[i], col, thick);
        acc += len;
    }
}

// A labelled plot. x_min/x_max: axis range; xs: x of each sample (same for all series).
void plot(const App& app, const char* title, const std::vector<Series>& series, const std::vector<float>& xs, float x_min, float x_max,
          float y_floor_max, bool symmetric, const char* x_label, ImVec2 size, bool time_axis) {
    const Theme& th = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = fonts().small;
    const float px = small->FontSize * ImGui::GetIO().FontGlobalScale;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);

    // Title.
    dl->AddText(fonts().bold, fonts().bold->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(p0.x, p0.y), th.text, title);

    // Axes.
    const float top = p0.y + px * 1.7f, bottom = p0.y + size.y - px * 1.5f;
    const float left = p0.x + px * 2.6f, right = p0.x + size.x - 4.0f;
    if (bottom - top < 20.0f || right - left < 40.0f) return;
    float y_max = y_floor_max;
    for (const Series& s : series) for (float v : s.values) y_max = std::max(y_max, symmetric ? std::abs(v) : v);
    y_max = nice_ceiling(y_max);
    const float y_min = symmetric ? -y_max : 0.0f;
    auto ty = [&](float v) { return bottom - (std::clamp(v, y_min, y_max) - y_min) / (y_max - y_min) * (bottom - top); };
    auto tx = [&](float x) { return left + (x - x_min) / (x_max - x_min) * (right - left); };
    dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), with_alpha(th.background, 0.6f));
    for (float f : {0.0f, 0.5f, 1.0f}) {
        const float v = y_min + (y_max - y_min) * f, y = ty(v);
        dl->AddLine(ImVec2(left, y), ImVec2(right, y), th.grid, 1.0f);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%g", static_cast<double>(v));
        const float tw = small->CalcTextSizeA(px, 1e9f, 0, buf).x;
        dl->AddText(small, px, ImVec2(left - tw - 4.0f, y - px * 0.5f), th.text_dim, buf);
    }
    // x ticks
    const float span = x_max - x_min;
    const float step = time_axis ? 10.0f : nice_ceiling(span / 5.0f);
    for (float x = time_axis ? x_max : std::ceil(x_min / step) * step; time_axis ? x >= x_min - 1e-3f : x <= x_max + 1e-3f; x += time_axis ? -step : step) {
        const float sx = tx(x);
        dl->AddLine(ImVec2(sx, bottom), ImVec2(sx, bottom + 4.0f), th.text_dim, 1.0f);
        char buf[24];
        if (time_axis && x >= x_max - 1e-3f) std::snprintf(buf, sizeof buf, "%s", tr(app, "plot.now"));
        else if (time_axis) std::snprintf(buf, sizeof buf, "%.0f s", static_cast<double>(x - x_max));
        else std::snprintf(buf, sizeof buf, "%.0f", static_cast<double>(x));
        const float tw = small->CalcTextSizeA(px, 1e9f, 0, buf).x;
        dl->AddText(small, px, ImVec2(std::clamp(sx - tw * 0.5f, left, right - tw), bottom + 3.0f), th.text_dim, buf);
    }
    if (!time_axis) {
        const float xl = small->CalcTextSizeA(px, 1e9f, 0, x_label).x;
        dl->AddText(small, px, ImVec2(right - xl - 4.0f, bottom - px - 2.0f), with_alpha(th.text_dim, 0.8f), x_label);
    }

    // Event markers.
    if (time_axis) {
        for (const EventMark& e : app.events) {
            const float x = static_cast<float>(e.time_s);
            if (x < x_min || x > x_max) continue;
            const ImU32 col = e.type == model::Event::Cue ? th.text : e.type == model::Event::Reward ? th.dopamine : th.bad;
            dl->AddLine(ImVec2(tx(x), top), ImVec2(tx(x), bottom), with_alpha(col, 0.55f), 1.5f);
        }
    }
    // Series.
    dl->PushClipRect(ImVec2(left, top - 2.0f), ImVec2(right, bottom + 2.0f), true);
    for (const Series& s : series) {
        // At most two points per pixel column (its lowest and highest sample, in time order), so
        // bursts and dips survive however many samples share a column.
        std::vector<ImVec2> pts;
        pts.reserve(static_cast<std::size_t>(right - left) * 2 + 4);
        float column = -1e9f;
        ImVec2 lo, hi;
        bool lo_first = true;
        auto flush = [&]() {
            if (column < -1e8f) return;
            if (lo.y == hi.y) { pts.push_back(lo); return; }
            pts.push_back(lo_first ? lo : hi);
            pts.push_back(lo_first ? hi : lo);
        };
        for (std::size_t i = 0; i < s.values.size() && i < xs.size(); ++i) {
            const ImVec2 p(tx(xs[i]), ty(s.values[i]));
            if (std::floor(p.x) != column) {
                flush();
                column = std::floor(p.x);
                lo = hi = p;
                lo_first = true;
                continue;
            }
            if (p.y > lo.y) { lo = p; lo_first = false; }  // screen y grows downward: "lo" is the smallest value
            if (p.y < hi.y) { hi = p; lo_first = true; }
        }
        flush();
        polyline(dl, pts, s.color, 2.5f, s.dashed);
    }
    dl->PopClipRect();
    // Legend inside the plot, top left (only when there is more than one series).
    if (series.size() > 1) {
        float lx = left + 6.0f;
        for (const Series& s : series) {
            const float tw = small->CalcTextSizeA(px, 1e9f, 0, s.label).x;
            dl->AddRectFilled(ImVec2(lx - 3.0f, top + 2.0f), ImVec2(lx + px * 1.9f + tw + 3.0f, top + px * 1.25f), with_alpha(th.background, 0.75f), 3.0f);
            polyline(dl, {ImVec2(lx, top + px * 0.7f), ImVec2(lx + px * 1.5f, top + px * 0.7f)}, s.color, 3.0f, s.dashed);
            dl->AddText(small, px, ImVec2(lx + px * 1.8f, top + 2.0f), th.text, s.label);
            lx += tw + px * 2.8f;
        }
    }
}

std::vector<float> ring_values(const Ring& r) {
    std::vector<float> v(static_cast<std::size_t>(r.count));
    for (int i = 0; i < r.count; ++i) v[static_cast<std::size_t>(i)] = r.at(i);
    return v;
}

}  // namespace

void panel_plots_signals(App& app) {
    const Theme& th = theme();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float now = static_cast<float>(app.state.time_s);
    const float span = static_cast<float>(kHistorySamples * kSampleIntervalS);
    std::vector<float> xs(static_cast<std::size_t>(app.da_nac.count));
    // Samples are taken every kSampleIntervalS; the newest is at (about) now.
    for (int i = 0; i < app.da_nac.count; ++i) xs[static_cast<std::size_t>(i)] = now - static_cast<float>((app.da_nac.count - 1 - i) * kSampleIntervalS);
    const bool wide = avail.x > ImGui::GetFontSize() * 28.0f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 size = wide ? ImVec2((avail.x - 2 * spacing) / 3.0f, avail.y - 4.0f) : ImVec2(avail.x, (avail.y - 2 * ImGui::GetStyle().ItemSpacing.y) / 3.0f);
    const float x_min = now - span;
    plot(app, tr(app, "plot.dopamine"),
         {{ring_values(app.da_nac), th.dopamine, false, tr(app, "plot.nac")}, {ring_values(app.da_pfc), th.dopamine_light, true, tr(app, "plot.pfc")}},
         xs, x_min, now, 20.0f, false, tr(app, "plot.time"), size, true);
    if (wide) ImGui::SameLine();
    plot(app, tr(app, "plot.firing"), {{ring_values(app.vta_hz), th.dopamine, false, ""}}, xs, x_min, now, 10.0f, false, tr(app, "plot.time"), size, true);
    if (wide) ImGui::SameLine();
    plot(app, tr(app, "plot.rpe"), {{ring_values(app.rpe), th.text, false, ""}}, xs, x_min, now, 1.0f, true, tr(app, "plot.time"), size, true);
}

void panel_plots_learning(App& app) {
    const Theme& th = theme();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (app.trials.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
        ImGui::TextWrapped("%s", tr(app, "plot.no_trials"));
        ImGui::PopStyleColor();
        return;
    }
    std::vector<float> xs, cue, reward;
    const std::size_t first = app.trials.size() > 60 ? app.trials.size() - 60 : 0;
    for (std::size_t i = first; i < app.trials.size(); ++i) {
        xs.push_back(static_cast<float>(app.trials[i].trial));
        cue.push_back(app.trials[i].cue_hz);
        reward.push_back(app.trials[i].reward_hz);
    }
    const float x_min = xs.front(), x_max = std::max(xs.back(), xs.front() + 10.0f);
    plot(app, tr(app, "plot.response_hz"), {{cue, th.dopamine, false, tr(app, "plot.cue")}, {reward, th.text, true, tr(app, "plot.reward")}},
         xs, x_min, x_max, 5.0f, true, tr(app, "plot.trial"), ImVec2(avail.x, avail.y - 4.0f), false);
}

}  // namespace neurodrive::app
