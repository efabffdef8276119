// panel_plots.cpp - the plots: the last 30 s of dopamine (NAc and PFC), VTA firing and prediction
// error with persistent event markers and axes that never jump; and the Learning view: a
// trial-aligned display of VTA firing (a row per trial, cue at 0 - the peri-event display of Schultz
// 1997) beside the burst at the cue and at the reward, trial by trial. Drawing only.
//
// Index
//   [SECTION] Plot description and axes
//   [SECTION] Signals
//   [SECTION] Learning
//   [SECTION] Lesson evidence
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "ui.hpp"

namespace neurodrive::app {
namespace {

// [SECTION] Plot description and axes ---------------------------------------------------------------------
struct Series {
    std::vector<float> values;  // oldest first, one per x
    ImU32 color;
    float thickness;
    const char* label;          // "" = no legend entry
    bool markers;               // a dot on every point (series that differ in marker, not only colour)
    bool dashed = false;        // compare mode's second brain: dashed, so it differs in pattern too
};

// A polyline drawn as dashes of `dash` px with gaps as long.
void dashed_polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float thickness, float dash) {
    float along = 0.0f;
    for (std::size_t i = 1; i < pts.size(); ++i) along += add_dashed_segment(dl, pts[i - 1], pts[i], along, col, thickness, dash);
}

long long floor_div(long long a, long long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// At most two points per pixel column (its lowest and highest sample, in time order), so bursts and
// dips survive however many samples share a column. `columns` gives each point's column.
std::vector<ImVec2> decimate(const std::vector<ImVec2>& pts, const std::vector<long long>& columns) {
    std::vector<ImVec2> out;
    ImVec2 lo, hi;
    bool lo_first = true;
    auto flush = [&]() {
        if (lo.y == hi.y) { out.push_back(lo); return; }
        out.push_back(lo_first ? lo : hi);
        out.push_back(lo_first ? hi : lo);
    };
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const ImVec2 p = pts[i];
        if (i == 0 || columns[i] != columns[i - 1]) {
            if (i > 0) flush();
            lo = hi = p;
            lo_first = true;
            continue;
        }
        if (p.y > lo.y) { lo = p; lo_first = false; }
        if (p.y < hi.y) { hi = p; lo_first = true; }
    }
    if (!pts.empty()) flush();
    return out;
}

// `text` as it fits `room` px at `px`: whole, or its longest start (whole UTF-8 characters) and "...".
std::string fitted_title(ImFont* font, float px, const char* text, float room) {
    if (font->CalcTextSizeA(px, 1e9f, 0.0f, text).x <= room) return text;
    const std::string whole = text;
    const char* ellipsis = "\xE2\x80\xA6";  // U+2026
    for (std::size_t n = whole.size(); n > 0; --n) {
        if ((static_cast<unsigned char>(whole[n]) & 0xC0) == 0x80) continue;  // inside a character
        const std::string cut = whole.substr(0, n) + ellipsis;
        if (font->CalcTextSizeA(px, 1e9f, 0.0f, cut.c_str()).x <= room) return cut;
    }
    return ellipsis;
}

struct PlotDesc {
    std::string id;              // for layout() and the stable axis
    const char* title = "";
    std::vector<Series> series;
    std::vector<float> xs;       // x of each sample (shared by the series)
    float x_min = 0.0f, x_max = 1.0f;
    float y_max = 1.0f;          // the axis (kept stable by History::axis_*, never re-fitted here)
    bool symmetric = false;      // y from -max to +max
    bool time_axis = false;      // x in simulated seconds, labelled relative to now, with event markers
    double now_s = 0.0;          // time axis: the model's time (the traces' columns follow it)
    const char* x_label = "";
    ImVec2 size;
};

// The plot's drawing area and its scales, shared by the parts of one plot.
struct PlotFrame {
    const PlotDesc* d = nullptr;
    ImFont* small = nullptr;
    float px = 0.0f;                          // the small font's size
    ImVec4 clip;                              // the whole plot, title included
    float top = 0.0f, bottom = 0.0f, left = 0.0f, right = 0.0f;
    float y_min = 0.0f, y_max = 1.0f;
    float ty(float v) const { return bottom - (std::clamp(v, y_min, y_max) - y_min) / (y_max - y_min) * (bottom - top); }
    float tx(float x) const { return left + (x - d->x_min) / (d->x_max - d->x_min) * (right - left); }
};

// The title shrinks (down to 70%) rather than run into the next plot; a title still too long at 70%
// ends in "..." (only in very long translations: the pseudo-locale en-XA).
struct PlotTitle {
    float full_px;   // the title font's full size (the plot area starts below it)
    ImVec2 size;     // the title as drawn
};
PlotTitle plot_title(ImDrawList* dl, const char* text, const std::string& id, ImVec2 p0, ImVec2 size, ImVec4 clip) {
    const float full_px = font_px(fonts().bold);
    const float room = size.x - 6.0f;
    const float natural_w = fonts().bold->CalcTextSizeA(full_px, 1e9f, 0.0f, text).x;
    const float title_px = full_px * std::clamp(room / std::max(natural_w, 1.0f), 0.7f, 1.0f);
    const std::string title = fitted_title(fonts().bold, title_px, text, room);
    dl->AddText(fonts().bold, title_px, p0, theme().text, title.c_str());
    const ImVec2 title_size = fonts().bold->CalcTextSizeA(title_px, 1e9f, 0.0f, title.c_str());
    record_label(id, p0, ImVec2(p0.x + title_size.x, p0.y + title_size.y), clip);
    return {full_px, title_size};
}

// The y grid with its values: bottom, middle and top.
void y_axis(ImDrawList* dl, const BrainsView& v, const PlotFrame& f) {
    const Theme& th = theme();
    for (float k : {0.0f, 0.5f, 1.0f}) {
        const float value = f.y_min + (f.y_max - f.y_min) * k, y = f.ty(value);
        dl->AddLine(ImVec2(f.left, y), ImVec2(f.right, y), th.grid, 1.0f);
        char buf[16];
        format_into(buf, v.strings.number, "%g", static_cast<double>(value));
        const float tw = f.small->CalcTextSizeA(f.px, 1e9f, 0, buf).x;
        dl->AddText(f.small, f.px, ImVec2(f.left - tw - 4.0f, y - f.px * 0.5f), th.text_dim, buf);
    }
}

// x ticks, spaced so their labels never touch (the widest label: "-30 s", or the word for "now",
// which is longer in Spanish); a time axis counts back from now. The x axis's name for the others.
void x_axis(ImDrawList* dl, const BrainsView& v, const PlotFrame& f) {
    const Theme& th = theme();
    const PlotDesc& d = *f.d;
    const char* now_word = tr(v, "plot.now");
    const float label_w = std::max(f.small->CalcTextSizeA(f.px, 1e9f, 0, d.time_axis ? "-30 s" : "000").x,
                                   d.time_axis ? f.small->CalcTextSizeA(f.px, 1e9f, 0, now_word).x : 0.0f) * 1.5f;
    const float max_ticks = std::max(1.0f, std::floor((f.right - f.left) / std::max(label_w, 1.0f)));
    float step = d.time_axis ? 10.0f : nice_ceiling((d.x_max - d.x_min) / 5.0f);
    while ((d.x_max - d.x_min) / step > max_ticks && step < d.x_max - d.x_min)
        step = d.time_axis ? (step < 15.0f ? 15.0f : d.x_max - d.x_min) : nice_ceiling(step * 1.5f);
    int guard = 0;
    for (float x = d.time_axis ? d.x_max : std::ceil(d.x_min / step) * step; (d.time_axis ? x >= d.x_min - 1e-3f : x <= d.x_max + 1e-3f) && guard < 50;
         x += d.time_axis ? -step : step, ++guard) {
        const float sx = f.tx(x);
        dl->AddLine(ImVec2(sx, f.bottom), ImVec2(sx, f.bottom + 4.0f), th.text_dim, 1.0f);
        char buf[24];
        if (d.time_axis && x >= d.x_max - 1e-3f) format_into(buf, v.strings.number, now_word);
        else if (d.time_axis) format_into(buf, v.strings.number, tr(v, "plot.seconds"), static_cast<double>(x - d.x_max));
        else format_into(buf, v.strings.number, "%g", static_cast<double>(x));
        const float tw = f.small->CalcTextSizeA(f.px, 1e9f, 0, buf).x;
        dl->AddText(f.small, f.px, ImVec2(std::clamp(sx - tw * 0.5f, f.left, f.right - tw), f.bottom + 3.0f), th.text_dim, buf);
    }
    if (!d.time_axis && *d.x_label) {
        const float xl = f.small->CalcTextSizeA(f.px, 1e9f, 0, d.x_label).x;
        dl->AddText(f.small, f.px, ImVec2(f.right - xl - 4.0f, f.bottom - f.px - 2.0f), th.text_dim, d.x_label);
    }
}

// Event markers on a time axis: a line and a letter for every event of the first brain still in view.
void event_markers(ImDrawList* live, const BrainsView& v, const PlotFrame& f) {
    const Theme& th = theme();
    for (const EventMark& e : v.first.history.events) {
        const float x = static_cast<float>(e.time_s);
        if (x < f.d->x_min || x > f.d->x_max) continue;
        const ImU32 col = e.type == model::Event::Cue ? th.cue_mark : e.type == model::Event::Reward ? th.reward_mark : th.omit_mark;
        const char* letter = tr(v, e.type == model::Event::Cue ? "plot.mark.cue" : e.type == model::Event::Reward ? "plot.mark.reward" : "plot.mark.omit");
        live->AddLine(ImVec2(f.tx(x), f.top), ImVec2(f.tx(x), f.bottom), with_alpha(col, 0.7f), 1.5f);
        live->AddText(f.small, f.px * 0.9f, ImVec2(f.tx(x) + 2.0f, f.top + 1.0f), col, letter);
    }
}

// Traces over time: in a texture that scrolls with the clock, one column per pixel (layers.hpp); a
// column is a fixed stretch of simulated time, so only the newest ones are ever drawn again.
void trace_texture(const PlotFrame& f) {
    const PlotDesc& d = *f.d;
    TracePlot tp;
    tp.columns = static_cast<int>(std::round(f.right - f.left));
    tp.min = ImVec2(f.right - static_cast<float>(tp.columns), f.top - 2.0f);
    tp.height = static_cast<int>(std::ceil(f.bottom - f.top + 4.0f));
    const long long now_n = std::llround(d.now_s / kSampleIntervalS);  // samples since time 0
    auto column_of = [&](long long n) { return floor_div(n * tp.columns, kHistorySamples); };
    tp.first = column_of(now_n) - tp.columns + 1;
    std::uint64_t style = 1469598103934665603ull;
    auto mix_style = [&](const void* data, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) style = (style ^ static_cast<const unsigned char*>(data)[i]) * 1099511628211ull;
    };
    const float scale_y[] = {f.y_min, f.y_max, f.top - tp.min.y, f.bottom - tp.min.y};
    mix_style(scale_y, sizeof scale_y);
    for (const Series& s : d.series) {
        std::vector<ImVec2> pts;
        std::vector<long long> cols;
        const std::size_t n = s.values.size();
        for (std::size_t i = 0; i < n; ++i) {
            const long long col = column_of(now_n - static_cast<long long>(n - 1 - i));
            if (col < tp.first) continue;
            pts.emplace_back(static_cast<float>(col - tp.first) + 0.5f, f.ty(s.values[i]) - tp.min.y);
            cols.push_back(col);
        }
        tp.series.push_back({decimate(pts, cols), s.color, s.thickness, s.dashed});
        const float look[] = {s.thickness, s.dashed ? 1.0f : 0.0f};
        mix_style(&s.color, sizeof s.color);
        mix_style(look, sizeof look);
    }
    tp.style = style;
    layer_trace_plot(ImGui::GetID(d.id.c_str()), std::move(tp));
}

// Series over x (not time): polylines, dashed for compare mode's brain, with a dot per point where asked.
void xy_series(ImDrawList* live, const PlotFrame& f) {
    const PlotDesc& d = *f.d;
    live->PushClipRect(ImVec2(f.left, f.top - 2.0f), ImVec2(f.right, f.bottom + 2.0f), true);
    for (const Series& s : d.series) {
        std::vector<ImVec2> pts;
        std::vector<long long> cols;
        for (std::size_t i = 0; i < s.values.size() && i < d.xs.size(); ++i) {
            pts.emplace_back(f.tx(d.xs[i]), f.ty(s.values[i]));
            cols.push_back(static_cast<long long>(std::floor(pts.back().x)));
            if (s.markers) live->AddCircleFilled(pts.back(), s.thickness * 1.3f, s.color);
        }
        pts = decimate(pts, cols);
        if (pts.size() >= 2 && s.dashed) dashed_polyline(live, pts, s.color, s.thickness, 6.0f);
        else if (pts.size() >= 2) live->AddPolyline(pts.data(), static_cast<int>(pts.size()), s.color, 0, s.thickness);
    }
    live->PopClipRect();
}

// Legend inside the plot, top right: one row, or one entry per line (right-aligned) when the row is
// wider than the plot; entries are left out only when even the column is taller than three quarters of
// the plot. It never covers the axis labels.
void legend(ImDrawList* live, const PlotFrame& f) {
    const Theme& th = theme();
    const float px = f.px;
    std::vector<const Series*> shown;
    for (const Series& s : f.d->series) if (*s.label) shown.push_back(&s);
    const float entry_h = px * 1.3f;
    float row_w = 0.0f;
    for (const Series* s : shown) row_w += f.small->CalcTextSizeA(px, 1e9f, 0, s->label).x + px * 2.7f;
    const bool column = row_w > f.right - f.left - 8.0f;
    while (column && !shown.empty() && static_cast<float>(shown.size()) * entry_h > (f.bottom - f.top) * 0.75f) shown.pop_back();
    float lx = f.right - 4.0f, ly = f.top;
    for (auto it = shown.rbegin(); it != shown.rend(); ++it) {
        const Series* s = *it;
        const float tw = f.small->CalcTextSizeA(px, 1e9f, 0, s->label).x;
        if (column) { lx = f.right - 4.0f; ly = f.top + entry_h * static_cast<float>(shown.rend() - it - 1); }
        lx -= tw + px * 1.9f;
        const ImVec2 a(lx - 3.0f, ly + 2.0f), b(lx + px * 1.7f + tw + 3.0f, ly + px * 1.25f);
        live->AddRectFilled(a, b, with_alpha(th.background, 0.8f), 3.0f);
        const ImVec2 l0(lx, ly + px * 0.7f), l1(lx + px * 1.3f, ly + px * 0.7f);
        if (s->dashed) dashed_polyline(live, {l0, l1}, s->color, s->thickness + 0.5f, px * 0.3f);
        else live->AddLine(l0, l1, s->color, s->thickness + 0.5f);
        if (s->markers) live->AddCircleFilled(ImVec2(lx + px * 0.65f, ly + px * 0.7f), s->thickness * 1.3f, s->color);
        live->AddText(f.small, px, ImVec2(lx + px * 1.6f, ly + 2.0f), th.text, s->label);
        record_label("legend." + f.d->id + "." + s->label, ImVec2(lx + px * 1.6f, ly + 2.0f), ImVec2(lx + px * 1.6f + tw, ly + 2.0f + px),
                     ImVec4(f.left, f.clip.y, f.clip.z, f.clip.w));
        lx -= px * 0.8f;
    }
}

// One plot: title, grid and axes (retained with the window), then what moves while the model runs -
// traces over time in a scrolling texture, event markers, the legend over them (a Slow layer).
void plot(const BrainsView& v, const PlotDesc& d) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    PlotFrame f;
    f.d = &d;
    f.small = fonts().small;
    f.px = font_px(f.small);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy(d.size);
    f.clip = ImVec4(p0.x, p0.y, p0.x + d.size.x, p0.y + d.size.y);
    const float full_px = plot_title(dl, d.title, "plot." + d.id, p0, d.size, f.clip).full_px;
    f.top = p0.y + full_px * 1.35f;
    f.bottom = p0.y + d.size.y - f.px * 1.5f;
    f.left = p0.x + f.px * 2.8f;
    f.right = p0.x + d.size.x - 4.0f;
    if (f.bottom - f.top < 24.0f || f.right - f.left < 40.0f) return;
    f.y_max = d.y_max;
    f.y_min = d.symmetric ? -d.y_max : 0.0f;
    dl->AddRectFilled(ImVec2(f.left, f.top), ImVec2(f.right, f.bottom), with_alpha(theme().background, 0.6f));
    y_axis(dl, v, f);
    x_axis(dl, v, f);
    ImDrawList* live = layer_draw_list(Layer::Slow);
    if (d.time_axis) {
        event_markers(live, v, f);
        trace_texture(f);
    } else {
        xy_series(live, f);
    }
    legend(live, f);
}

std::vector<float> ring_values(const Ring& r) {
    std::vector<float> v(static_cast<std::size_t>(r.count));
    for (int i = 0; i < r.count; ++i) v[static_cast<std::size_t>(i)] = r.at(i);
    return v;
}

}  // namespace

// [SECTION] Signals ---------------------------------------------------------------------------------------
void panel_plots_signals(const BrainsView& v, ImVec2 avail) {
    const Theme& th = theme();
    const History& h = v.first.history;
    const float now = static_cast<float>(v.first.state.time_s);
    const float span = static_cast<float>(kHistorySamples * kSampleIntervalS);
    std::vector<float> xs(static_cast<std::size_t>(h.da_nac.count));
    for (int i = 0; i < h.da_nac.count; ++i) xs[static_cast<std::size_t>(i)] = now - static_cast<float>((h.da_nac.count - 1 - i) * kSampleIntervalS);
    // Side by side when the area is wide, or when stacking would leave each plot under six lines.
    const bool wide = (avail.x > ImGui::GetFontSize() * 30.0f && avail.x > avail.y * 1.6f) || avail.y < ImGui::GetFontSize() * 18.0f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 size = wide ? ImVec2((avail.x - 2 * gap) / 3.0f, avail.y - 4.0f) : ImVec2(avail.x, (avail.y - 2 * ImGui::GetStyle().ItemSpacing.y) / 3.0f - 1.0f);
    auto signal_plot = [&](const char* id, const char* title_key, std::vector<Series> series, float y_max, bool symmetric) {
        PlotDesc d;
        d.id = id;
        d.title = tr(v, title_key);
        d.series = std::move(series);
        d.xs = xs;
        d.x_min = now - span;
        d.x_max = now;
        d.y_max = y_max;
        d.symmetric = symmetric;
        d.time_axis = true;
        d.now_s = v.first.state.time_s;
        d.size = size;
        plot(v, d);
    };
    // Each brain's traces: compare mode's second dashed on the same axes (the larger of the brains' stable axes).
    const bool two = v.second != nullptr;
    std::vector<Series> dopamine, firing, rpe;
    float axes[3] = {0.0f, 0.0f, 0.0f};
    for (const Brain* b : {&v.first, v.second}) {
        if (!b) continue;
        const History& hb = b->history;
        const bool second = b == v.second;
        const char* who = !two ? "" : tr(v, second ? "compare.b_dashed" : "compare.a_solid");
        const float width = second ? 2.0f : 2.5f;
        dopamine.push_back({ring_values(hb.da_nac), th.nac_line, width, second ? who : tr(v, "plot.nac"), false, second});
        dopamine.push_back({ring_values(hb.da_pfc), th.pfc_line, width, second ? "" : tr(v, "plot.pfc"), false, second});
        firing.push_back({ring_values(hb.vta_hz), th.dopamine, 2.0f, who, false, second});
        rpe.push_back({ring_values(hb.rpe), th.text, 2.0f, who, false, second});
        axes[0] = std::max(axes[0], hb.axis_dopamine);
        axes[1] = std::max(axes[1], hb.axis_firing);
        axes[2] = std::max(axes[2], hb.axis_rpe);
    }
    signal_plot("dopamine", "plot.dopamine", std::move(dopamine), axes[0], false);
    if (wide) ImGui::SameLine();
    signal_plot("firing", "plot.firing", std::move(firing), axes[1], false);
    if (wide) ImGui::SameLine();
    signal_plot("rpe", "plot.rpe", std::move(rpe), axes[2], true);
}

// [SECTION] Learning ---------------------------------------------------------------------------------------
namespace {
// The trial-aligned view: a row per trial (newest at the bottom), firing as colour, cue at 0.
void raster(const BrainsView& v, ImVec2 size) {
    const Theme& th = theme();
    const History& h = v.first.history;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = fonts().small;
    const float px = font_px(small);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    const ImVec4 clip(p0.x, p0.y, p0.x + size.x, p0.y + size.y);
    const PlotTitle title = plot_title(dl, tr(v, "plot.raster"), "plot.raster", p0, size, clip);
    const float full_px = title.full_px;
    const ImVec2 ts = title.size;
    const float top = p0.y + full_px * 1.35f, bottom = p0.y + size.y - px * 1.5f;
    const float left = p0.x + px * 2.8f, right = p0.x + size.x - px * 2.6f;
    if (bottom - top < 24.0f || right - left < 40.0f) return;
    dl->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), with_alpha(th.background, 0.6f));
    const float t0 = -static_cast<float>(kRasterBefore) / 30.0f, t1 = static_cast<float>(kRasterAfter) / 30.0f;
    auto tx = [&](float t) { return left + (t - t0) / (t1 - t0) * (right - left); };
    const int rows = kRasterRows;
    const float row_h = (bottom - top) / static_cast<float>(rows);
    const float bin_w = (right - left) / static_cast<float>(kRasterBins);
    if (h.raster.empty()) {  // a hint at the top of the empty display
        const char* none = tr(v, "plot.no_trials");
        const ImVec2 ns = small->CalcTextSizeA(px, right - left - 8.0f, right - left - 8.0f, none);
        if (ns.y < bottom - top - 4.0f) {
            dl->AddText(small, px, ImVec2(left + 4.0f, top + 2.0f), th.text_dim, none, nullptr, right - left - 8.0f);
            record_label("raster.empty", ImVec2(left + 4.0f, top + 2.0f), ImVec2(left + 4.0f + ns.x, top + 2.0f + ns.y), clip);
        }
    }
    const std::size_t first_row = h.raster.size() > static_cast<std::size_t>(rows) ? h.raster.size() - static_cast<std::size_t>(rows) : 0;
    for (std::size_t r = first_row; r < h.raster.size(); ++r) {
        const TrialRow& row = h.raster[r];
        const float y = bottom - static_cast<float>(h.raster.size() - r) * row_h;
        for (int k = 0; k < row.filled; ++k) {
            const float rate = row.rate_hz[static_cast<std::size_t>(k)];
            const float x = left + static_cast<float>(k) * bin_w;
            dl->AddRectFilled(ImVec2(x, y + 1.0f), ImVec2(x + bin_w + 0.5f, y + row_h), heat_color(rate / 30.0f));
        }
        if (row.omitted) dl->AddText(small, px * 0.8f, ImVec2(right + 3.0f, y + (row_h - px * 0.8f) * 0.5f), th.omit_mark, tr(v, "plot.mark.omit"));
    }
    // Cue and reward lines with their names; trial numbers on the left.
    for (int m = 0; m < 2; ++m) {
        const float x = tx(m == 0 ? 0.0f : static_cast<float>(model::kRewardBin) * static_cast<float>(model::kTdBinS));
        dl->AddLine(ImVec2(x, top), ImVec2(x, bottom), m == 0 ? th.cue_mark : th.reward_mark, 1.5f);
        const char* name = tr(v, m == 0 ? "plot.cue_at" : "plot.reward_at");
        const float tw = small->CalcTextSizeA(px, 1e9f, 0, name).x;
        const ImVec2 tp(std::clamp(x - tw * 0.5f, left, right - tw), bottom + 2.0f);
        dl->AddText(small, px, tp, m == 0 ? th.cue_mark : th.reward_mark, name);
        record_label(m == 0 ? "raster.cue" : "raster.reward", tp, ImVec2(tp.x + tw, tp.y + px), clip);
    }
    if (!h.raster.empty()) {
        char buf[24];
        format_into(buf, v.strings.number, "%d", h.raster.back().trial);
        dl->AddText(small, px, ImVec2(p0.x, bottom - row_h * 0.5f - px * 0.5f), th.text_dim, buf);
        format_into(buf, v.strings.number, "%d", h.raster[first_row].trial);
        const float y_first = bottom - static_cast<float>(h.raster.size() - first_row) * row_h;
        if (bottom - y_first > px * 2.5f) dl->AddText(small, px, ImVec2(p0.x, y_first), th.text_dim, buf);
    }
    // Colour key: 0 Hz at the bottom to 30 Hz at the top, labelled beside it.
    const float key_x = right + px * 1.3f, key_w = px * 0.7f;
    for (int k = 0; k < 10; ++k) {
        const float y0 = bottom - (bottom - top) * static_cast<float>(k + 1) / 10.0f, y1 = bottom - (bottom - top) * static_cast<float>(k) / 10.0f;
        dl->AddRectFilled(ImVec2(key_x, y0), ImVec2(key_x + key_w, y1), heat_color((static_cast<float>(k) + 0.5f) / 10.0f));
    }
    const char* hz = tr(v, "plot.raster_key");
    const ImVec2 hs = small->CalcTextSizeA(px * 0.8f, 1e9f, 0.0f, hz);
    if (p0.x + ts.x + hs.x + 8.0f < p0.x + size.x) {  // beside the title when it fits
        dl->AddText(small, px * 0.8f, ImVec2(p0.x + size.x - hs.x, top - hs.y - 1.0f), th.text_dim, hz);
        record_label("raster.key", ImVec2(p0.x + size.x - hs.x, top - hs.y - 1.0f), ImVec2(p0.x + size.x, top - 1.0f), clip);
    }
}
}  // namespace

void panel_plots_learning(const BrainsView& v, ImVec2 avail) {
    const Theme& th = theme();
    const History& h = v.first.history;
    const bool side = avail.x > avail.y * 1.4f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 raster_size = side ? ImVec2((avail.x - gap) * 0.55f, avail.y - 4.0f) : ImVec2(avail.x, (avail.y - gap) * 0.55f);
    const ImVec2 curve_size = side ? ImVec2(avail.x - raster_size.x - gap, avail.y - 4.0f) : ImVec2(avail.x, avail.y - raster_size.y - gap - 4.0f);
    raster(v, raster_size);
    if (side) ImGui::SameLine();
    std::vector<float> xs, cue, reward;
    const std::size_t first = h.trials.size() > 60 ? h.trials.size() - 60 : 0;
    for (std::size_t i = first; i < h.trials.size(); ++i) {
        xs.push_back(static_cast<float>(h.trials[i].trial));
        cue.push_back(h.trials[i].cue_hz);
        reward.push_back(h.trials[i].reward_hz);
    }
    PlotDesc d;
    d.id = "learning";
    d.title = tr(v, "plot.response_hz");
    d.series = {{cue, th.nac_line, 2.5f, tr(v, "plot.cue"), true}, {reward, th.pfc_line, 2.0f, tr(v, "plot.reward"), false}};
    float axis = h.axis_learning;
    if (v.second) {  // brain B's responses, dashed, on the same trials (the two see the same cues)
        const History& hb = v.second->history;
        std::vector<float> cue_b, reward_b;
        for (std::size_t i = first; i < hb.trials.size() && cue_b.size() < xs.size(); ++i) {
            cue_b.push_back(hb.trials[i].cue_hz);
            reward_b.push_back(hb.trials[i].reward_hz);
        }
        d.series.push_back({cue_b, th.nac_line, 2.0f, tr(v, "compare.b_dashed"), false, true});
        d.series.push_back({reward_b, th.pfc_line, 1.5f, "", false, true});
        axis = std::max(axis, hb.axis_learning);
    }
    d.xs = xs;
    d.x_min = xs.empty() ? 1.0f : xs.front();
    d.x_max = xs.empty() ? 10.0f : std::max(xs.back(), xs.front() + 9.0f);
    d.y_max = axis;
    d.symmetric = true;
    d.x_label = tr(v, "plot.trial");
    d.size = curve_size;
    plot(v, d);
}

// [SECTION] Lesson evidence ----------------------------------------------------------------------------------
void panel_lesson_evidence(const App& app, ImVec2 size) {
    if (lesson_focuses(app.lesson, app.lessons, "plot:learning")) panel_plots_learning(brains_view(app), size);
    else if (lesson_focuses(app.lesson, app.lessons, "plot:lab")) panel_lab(app);
    else panel_plots_signals(brains_view(app), size);
}

}  // namespace neurodrive::app
