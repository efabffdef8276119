// web_bridge.cpp - C exports behind window.neurodrive (web/app.js). Every entry validates its input
// and answers with JSON text {"ok":true} or {"ok":false,"error":"..."}; nothing here throws.
#include "web_bridge.hpp"

#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <string>
#include <vector>

#include "a11y.hpp"
#include "json_text.hpp"
#include "messages.hpp"
#include "url_params.hpp"
#include "neurodrive/names.hpp"

namespace neurodrive::app {
namespace {
App* g_app = nullptr;   // the single app instance (owned by main.cpp)
std::string g_reply;    // last reply; JS copies it out before the next call
std::string g_config;   // {"stored":report,"url":report} from bridge_attach

const char* reply_ok() { g_reply = "{\"ok\":true}"; return g_reply.c_str(); }
const char* reply_error(const std::string& msg) {
    g_reply = "{\"ok\":false,\"error\":" + json_quote(msg) + "}";
    return g_reply.c_str();
}
}  // namespace

void bridge_attach(App* app, const char* stored_query, const char* url_query) {
    g_app = app;
    // A link that defines a state (a preset or any input) wins over the stored state entirely.
    const UrlConfig url_config = parse_query(url_query);
    const bool link_has_state = url_config.preset.has_value() || !url_config.inputs.empty();
    const std::string stored = *stored_query && !link_has_state ? apply_query(*app, stored_query) : std::string("null");
    const std::string url = apply_query(*app, url_query);
    g_config = "{\"stored\":" + stored + ",\"url\":" + url + "}";
}
void bridge_first_frames() { EM_ASM({ if (Module.onFirstFrames) Module.onFirstFrames(); }); }

}  // namespace neurodrive::app

using neurodrive::app::g_app;
using neurodrive::app::g_config;
using neurodrive::app::json_quote;
using neurodrive::app::g_reply;
using neurodrive::app::reply_error;
using neurodrive::app::reply_ok;
namespace nm = neurodrive::model;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* nd_state_json() {
    if (!g_app) return reply_error("not ready");
    g_reply = neurodrive::app::state_json(*g_app);
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* nd_set_inputs(const char* json) {
    if (!g_app || !json) return reply_error("not ready");
    const std::string err = neurodrive::app::apply_inputs_json(*g_app, json);
    return err.empty() ? reply_ok() : reply_error(err);
}

EMSCRIPTEN_KEEPALIVE const char* nd_event(const char* name) {
    if (!g_app || !name) return reply_error("not ready");
    const auto e = nm::parse_event(name);
    if (!e) return reply_error("unknown event; allowed: cue, reward, omit");
    neurodrive::app::fire_event(*g_app, *e);
    return reply_ok();
}

EMSCRIPTEN_KEEPALIVE const char* nd_preset(const char* id) {
    if (!g_app || !id) return reply_error("not ready");
    if (!neurodrive::app::set_preset(*g_app, id)) {
        std::string allowed;
        for (const auto& p : nm::builtin_presets().presets) allowed += (allowed.empty() ? "" : ", ") + p.id;
        return reply_error("unknown preset; allowed: " + allowed);
    }
    return reply_ok();
}

// The reports of the stored state and URL parameters applied at start.
EMSCRIPTEN_KEEPALIVE const char* nd_config_json() { return g_config.empty() ? "null" : g_config.c_str(); }

// The share link's query string (also what app.js keeps in localStorage).
EMSCRIPTEN_KEEPALIVE const char* nd_share_query() {
    if (!g_app) return "";
    g_reply = neurodrive::app::share_query(*g_app);
    return g_reply.c_str();
}

// One host-page message (JSON text): {"reply":<message or null>,"subscribe_hz":x}.
EMSCRIPTEN_KEEPALIVE const char* nd_message(const char* json) {
    if (!g_app || !json) return reply_error("not ready");
    const auto r = neurodrive::app::handle_message(*g_app, json);
    char hz[40];
    std::snprintf(hz, sizeof hz, "%.6g", r.subscribe_hz);
    g_reply = "{\"reply\":" + (r.json.empty() ? std::string("null") : r.json) + ",\"subscribe_hz\":" + hz + "}";
    return g_reply.c_str();
}

// The accessible mirror's content, and a throttled announcement ("" when nothing changed enough).
EMSCRIPTEN_KEEPALIVE const char* nd_mirror_json() {
    if (!g_app) return reply_error("not ready");
    g_reply = neurodrive::app::mirror_json(*g_app);
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* nd_announcement() {
    if (!g_app) return "";
    g_reply = neurodrive::app::take_announcement(*g_app);
    return g_reply.c_str();
}

// Guided lessons, for the HTML mirror (keyboard and screen-reader users run whole lessons with it).
EMSCRIPTEN_KEEPALIVE const char* nd_lessons_json() {
    if (!g_app) return reply_error("not ready");
    g_reply = neurodrive::app::lessons_json(*g_app);
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* nd_lesson(const char* action, int option) {
    if (!g_app || !action) return reply_error("not ready");
    const std::string a = action;
    if (a == "choose") neurodrive::app::lesson_choose(*g_app, option);
    else if (a == "lock") neurodrive::app::lesson_lock(*g_app);
    else if (a == "next") neurodrive::app::lesson_next(*g_app);
    else if (a == "back") neurodrive::app::lesson_back(*g_app);
    else if (a.rfind("start:", 0) == 0) { if (!neurodrive::app::start_lesson(*g_app, a.substr(6))) return reply_error("unknown lesson"); }
    else return reply_error("unknown lesson action; allowed: start:<id>, choose, lock, next, back");
    return reply_ok();
}

EMSCRIPTEN_KEEPALIVE void nd_reset() { if (g_app) neurodrive::app::reset_all(*g_app); }
EMSCRIPTEN_KEEPALIVE void nd_pause() { if (g_app) g_app->paused = true; }
EMSCRIPTEN_KEEPALIVE void nd_play() { if (g_app) g_app->paused = false; }

EMSCRIPTEN_KEEPALIVE const char* nd_set_speed(double speed) {
    if (!g_app) return reply_error("not ready");
    if (!std::isfinite(speed) || speed < 0.25 || speed > 4.0) return reply_error("speed must be a number from 0.25 to 4");
    g_app->speed = static_cast<float>(speed);
    return reply_ok();
}

EMSCRIPTEN_KEEPALIVE const char* nd_set_auto_trials(int on) {
    if (!g_app) return reply_error("not ready");
    g_app->auto_trials = on != 0;
    if (g_app->auto_trials) g_app->next_auto_trial_s = g_app->state.time_s + 0.2;
    return reply_ok();
}

// {"name":{"x":..,"y":..,"w":..,"h":..},...}: where each slider was drawn in the last frame (CSS px).
EMSCRIPTEN_KEEPALIVE const char* nd_layout_json() {
    if (!g_app) return reply_error("not ready");
    g_reply = "{";
    char buf[160];
    for (std::size_t i = 0; i < g_app->widget_rects.size(); ++i) {
        const auto& r = g_app->widget_rects[i];
        std::snprintf(buf, sizeof buf, "%s\"%s\":{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", i ? "," : "", r.name.c_str(),
                      static_cast<double>(r.x), static_cast<double>(r.y), static_cast<double>(r.w), static_cast<double>(r.h));
        g_reply += buf;
    }
    g_reply += "}";
    return g_reply.c_str();
}

// [{"id":..,"title":..,"explanation":..,"sources":..},...]
EMSCRIPTEN_KEEPALIVE const char* nd_presets_json() {
    g_reply = "[";
    for (const auto& p : nm::builtin_presets().presets)
        g_reply += (g_reply.size() > 1 ? ",{" : "{") + std::string("\"id\":") + json_quote(p.id) + ",\"title\":" + json_quote(p.title)
                   + ",\"explanation\":" + json_quote(p.explanation) + ",\"sources\":" + json_quote(p.sources) + "}";
    g_reply += "]";
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE double nd_frames() { return g_app ? static_cast<double>(g_app->frames) : 0.0; }

// {"frames":N,"cpu_ms_median":x,"cpu_ms_p99":y,"samples":n,"heap_bytes":h,"malloc_in_use_bytes":m}
EMSCRIPTEN_KEEPALIVE const char* nd_stats_json() {
    if (!g_app) return reply_error("not ready");
    const auto& st = g_app->stats;
    auto sorted = [&](const std::array<float, 600>& a) {
        std::vector<float> v(a.begin(), a.begin() + st.count);
        std::sort(v.begin(), v.end());
        return v;
    };
    const std::vector<float> v = sorted(st.cpu_ms), u = sorted(st.ui_ms);
    auto pct = [](const std::vector<float>& x, double q) {
        return x.empty() ? 0.0 : static_cast<double>(x[static_cast<std::size_t>(std::min<double>(static_cast<double>(x.size() - 1), q * static_cast<double>(x.size())))]);
    };
    char buf[300];
    const struct mallinfo mi = mallinfo();
    std::snprintf(buf, sizeof buf, "{\"frames\":%llu,\"cpu_ms_median\":%.4f,\"cpu_ms_p99\":%.4f,\"ui_ms_median\":%.4f,\"ui_ms_p99\":%.4f,\"samples\":%d,\"vertices\":%d,\"heap_bytes\":%zu,\"malloc_in_use_bytes\":%d}",
                  static_cast<unsigned long long>(g_app->frames), pct(v, 0.5), pct(v, 0.99), pct(u, 0.5), pct(u, 0.99), st.count, st.vertices, emscripten_get_heap_size(), mi.uordblks);
    g_reply = buf;
    return g_reply.c_str();
}

}  // extern "C"
