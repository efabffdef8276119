// frame_report.cpp - see frame_report.hpp.
#include "frame_report.hpp"

#include <algorithm>
#include <utility>

#include "json_text.hpp"

namespace neurodrive::app {

void FrameStats::push(float ms, float ui, int vertices_drawn) {
    cpu_ms[static_cast<std::size_t>(head)] = ms;
    ui_ms[static_cast<std::size_t>(head)] = ui;
    drawn[static_cast<std::size_t>(head)] = static_cast<float>(vertices_drawn);
    head = (head + 1) % static_cast<int>(cpu_ms.size());
    count = std::min(count + 1, static_cast<int>(cpu_ms.size()));
}

std::string layout_json(const std::vector<WidgetRect>& rects) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    const char* keys[] = {"x", "y", "w", "h"};
    w.StartObject();
    for (const auto& r : rects) {
        json_key(w, r.name);
        w.StartObject();
        const float box[] = {r.x, r.y, r.w, r.h};
        for (std::size_t k = 0; k < 4; ++k) { json_key(w, keys[k]); json_put_num(w, box[k]); }
        if (r.clipped) { json_key(w, "clipped"); w.Bool(true); }
        if (r.anchored) {
            json_key(w, "anchor");
            w.StartObject();
            for (std::size_t k = 0; k < 4; ++k) { json_key(w, keys[k]); json_put_num(w, r.anchor[k]); }
            w.EndObject();
        }
        w.EndObject();
    }
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

namespace {

// The samples of one ring, sorted (the oldest first does not matter for percentiles).
std::vector<float> sorted_samples(const std::array<float, 600>& ring, int count) {
    std::vector<float> v(ring.begin(), ring.begin() + count);
    std::sort(v.begin(), v.end());
    return v;
}

double percentile(const std::vector<float>& sorted, double q) {
    if (sorted.empty()) return 0.0;
    const double last = static_cast<double>(sorted.size() - 1);
    return static_cast<double>(sorted[static_cast<std::size_t>(std::min(last, q * static_cast<double>(sorted.size())))]);
}

void put_startup(JsonWriter& w, const StartupTimeline& t) {
    w.StartObject();
    for (const auto& [name, ms] : {std::pair<const char*, double>{"main", t.main_ms}, {"gl", t.gl_ms}, {"app", t.app_ms}, {"bridge", t.bridge_ms},
                                   {"fonts", t.fonts_ms}, {"frame1", t.frame1_ms}, {"frame3", t.frame3_ms}}) {
        json_key(w, name);
        json_put_num(w, ms);
    }
    w.EndObject();
}

}  // namespace

std::string stats_json(const FrameStats& st, std::uint64_t frames, const MemoryUse& memory) {
    const std::vector<float> v = sorted_samples(st.cpu_ms, st.count), u = sorted_samples(st.ui_ms, st.count), d = sorted_samples(st.drawn, st.count);
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "frames"); w.Uint64(frames);
    json_key(w, "cpu_ms_median"); json_put_num(w, percentile(v, 0.5));
    json_key(w, "cpu_ms_p99"); json_put_num(w, percentile(v, 0.99));
    json_key(w, "ui_ms_median"); json_put_num(w, percentile(u, 0.5));
    json_key(w, "ui_ms_p99"); json_put_num(w, percentile(u, 0.99));
    json_key(w, "samples"); w.Int(st.count);
    json_key(w, "vertices"); w.Int(st.vertices);
    json_key(w, "vertices_median"); json_put_num(w, percentile(d, 0.5));
    json_key(w, "vertices_p99"); json_put_num(w, percentile(d, 0.99));
    json_key(w, "vertices_steady"); w.Int(st.vertices_steady);
    json_key(w, "redrawn_share"); json_put_num(w, st.redrawn_share);
    json_key(w, "textures_shown"); w.Int(st.textures_shown);
    json_key(w, "pacing"); w.Bool(st.pacing);
    json_key(w, "slow_stale_ms"); json_put_num(w, st.slow_stale_ms);
    json_key(w, "startup_ms"); put_startup(w, st.startup);
    json_key(w, "heap_bytes"); w.Uint64(memory.heap_bytes);
    json_key(w, "malloc_in_use_bytes"); w.Int(memory.malloc_in_use_bytes);
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

}  // namespace neurodrive::app
