// web_bridge.cpp - C exports behind window.neurodrive (web/app.js). Every string argument arrives in
// wasm heap memory that app.js allocated after checking its length (never on the stack); every entry
// validates it and answers with JSON text {"ok":true} or {"ok":false,"error":"..."}; nothing here
// throws. Changes go through commands.hpp (locks); host changes are kept out of the stored state
// (persist.hpp). Only this file uses Emscripten's JS interop.
#include "web_bridge.hpp"

#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "a11y.hpp"
#include "commands.hpp"
#include "describe.hpp"
#include "json_text.hpp"
#include "messages.hpp"
#include "persist.hpp"
#include "scenario.hpp"
#include "url_params.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"

// [SECTION] Start-up texts from the page (app.js passes them in Module.ndStart) ----------------------
// Each returns a malloc'd UTF-8 copy (the caller frees it) of a string app.js already cut to size.
EM_JS(char*, nd_js_start_text, (int which, int max_chars), {
    var s = "";
    try { var st = Module["ndStart"]; s = which === 0 ? st.env : which === 1 ? st.url : st.build; } catch (e) { s = ""; }
    if (typeof s !== "string") s = "";
    s = s.slice(0, max_chars);
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    if (p) stringToUTF8(s, p, n);
    return p;
});
// The page's buttons over the canvas (CSS px), as app.js measured them before the module started.
EM_JS(double, nd_js_page_tools, (int which), {
    try { var t = Module["ndStart"].pageTools; var v = which === 0 ? t.w : t.h; return typeof v === "number" && v >= 0 && v < 1e4 ? v : 0; } catch (e) { return 0; }
});
EM_JS(int, nd_js_in_frame, (), {
    try { return Module["ndStart"].inFrame ? 1 : 0; } catch (e) { return 0; }
});
// status: 0 nothing stored, 1 text, 2 longer than max_bytes (not copied), 3 storage unavailable.
EM_JS(char*, nd_js_read_stored, (const char* name, int max_bytes, int* status), {
    var r = { status: 3, text: "" };
    try { r = Module["ndStart"].readStored(UTF8ToString(name), max_bytes); } catch (e) { r = { status: 3, text: "" }; }
    var text = typeof r.text === "string" && r.status === 1 ? r.text : "";
    HEAP32[status >> 2] = r.status | 0;
    var n = lengthBytesUTF8(text) + 1;
    var p = _malloc(n);
    if (p) stringToUTF8(text, p, n);
    return p;
});

// [SECTION] Languages on demand: app.js fetches a language's strings (and font) when C++ asks for it ----
EM_JS(void, nd_js_want_language, (const char* code), {
    try { if (Module["ndWantLanguage"]) Module["ndWantLanguage"](UTF8ToString(code)); } catch (e) { }
});
// The strings file app.js fetched for `code`, as a malloc'd UTF-8 copy of at most max_bytes (0: none).
EM_JS(char*, nd_js_language_text, (const char* code, int max_bytes), {
    var t = null;
    try { t = Module["ndLanguageData"](UTF8ToString(code)).text; } catch (e) { t = null; }
    if (typeof t !== "string") return 0;
    var n = lengthBytesUTF8(t) + 1;
    if (n > max_bytes) return 0;
    var p = _malloc(n);
    if (p) stringToUTF8(t, p, n);
    return p;
});
// Its font (TrueType bytes), malloc'd, at most max_bytes; *size = 0 when there is none.
EM_JS(unsigned char*, nd_js_language_font, (const char* code, int max_bytes, int* size), {
    var b = null;
    try { b = Module["ndLanguageData"](UTF8ToString(code)).font; } catch (e) { b = null; }
    HEAP32[size >> 2] = 0;
    if (!(b instanceof Uint8Array) || b.length === 0 || b.length > max_bytes) return 0;
    var p = _malloc(b.length);
    if (!p) return 0;
    HEAPU8.set(b, p);
    HEAP32[size >> 2] = b.length;
    return p;
});

// [SECTION] The references on demand: app.js fetches references.json when the References tab opens ----
EM_JS(void, nd_js_want_references, (), {
    try { if (Module["ndWantReferences"]) Module["ndWantReferences"](); } catch (e) { }
});
// The text app.js fetched, as a malloc'd UTF-8 copy of at most max_bytes (0: none).
EM_JS(char*, nd_js_references_text, (int max_bytes), {
    var t = null;
    try { t = Module["ndReferencesText"](); } catch (e) { t = null; }
    if (typeof t !== "string") return 0;
    var n = lengthBytesUTF8(t) + 1;
    if (n > max_bytes) return 0;
    var p = _malloc(n);
    if (p) stringToUTF8(t, p, n);
    return p;
});

namespace neurodrive::app {
namespace {

constexpr int kMaxReferencesBytes = 1 << 20;  // references.json (about 35 KB)
constexpr int kMaxStringsBytes = 1 << 20;  // a language's strings file (the largest is about 90 KB)
constexpr int kMaxFontBytes = 8 << 20;     // a language's font (zh-CN: about 200 KB)

void js_want_language(const std::string& lang) { nd_js_want_language(lang.c_str()); }

App* g_app = nullptr;     // the single app instance (owned by main.cpp)
std::string g_reply;      // last reply; JS copies it out before the next call
std::string g_config;     // start-up report for app.js
Persistence g_persist;    // what the user chose (persist.hpp)

std::string take_js(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

const char* reply(const std::string& err) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "ok");
    w.Bool(err.empty());
    if (!err.empty()) { json_key(w, "error"); json_put(w, err); }
    w.EndObject();
    g_reply.assign(buf.GetString(), buf.GetSize());
    return g_reply.c_str();
}
const char* not_ready() { return reply("NeuroDrive is not ready yet (await neurodrive.ready)"); }

// A command from a host (the JS API, postMessage): what the user changed before it is theirs; what the
// host changes is not stored.
template <class F>
std::string as(int from_user, F command) {
    if (from_user) return command();
    persist_sync(g_persist, *g_app);
    std::string err = command();
    persist_absorb(g_persist, *g_app);
    return err;
}

void write_ignored(JsonWriter& w, const std::vector<Ignored>& list) {
    w.StartArray();
    for (const auto& i : list) {
        w.StartObject();
        json_key(w, "name"); json_put(w, i.name);
        json_key(w, "reason"); json_put(w, i.reason);
        w.EndObject();
    }
    w.EndArray();
}

}  // namespace

void bridge_attach(App* app) {
    g_app = app;
    // One more character than C++ reads, so a query cut short here is still reported as too long.
    const int max_chars = static_cast<int>(kMaxQueryChars) + 2;
    const std::string env = take_js(nd_js_start_text(0, max_chars));
    const std::string url = take_js(nd_js_start_text(1, max_chars));
    const bool in_frame = nd_js_in_frame() != 0;
    // The deployment's name from make_dist.mjs: digits, letters, dots and dashes only, else the version.
    const std::string build = take_js(nd_js_start_text(2, 40));
    if (!build.empty() && build.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz.-") == std::string::npos) app->build = build;
    app->ui.page_tools_w = static_cast<float>(nd_js_page_tools(0));
    app->ui.page_tools_h = static_cast<float>(nd_js_page_tools(1));
    apply_environment(*app, env);
    const UrlConfig c = parse_query(url);

    // Persistence: on at top level, off in a frame unless persist=1 or persist=<name>; never when the
    // link itself defines a state (then stored state is neither read nor written). At top level,
    // origin= lets the link's author control this window (it opened it): what the user saved on the
    // plain page is then neither read nor written, so that author can never read it through get().
    const bool origin_top = c.origin_given && !in_frame;
    const bool wanted = c.persist().value_or(!in_frame);
    bool active = wanted && !c.has_state && !origin_top;
    std::string stored = active ? "none" : "off";
    std::vector<Ignored> stored_ignored;
    Choices restored;
    if (active) {
        int status = 0;
        const std::string text = take_js(nd_js_read_stored(c.persist_name().c_str(), static_cast<int>(kMaxStoredBytes), &status));
        if (status == 1) {
            stored_ignored = apply_stored(*app, text, &restored);
            stored = stored_ignored.empty() ? "restored" : "damaged";
        } else if (status == 2) {
            stored = "damaged";
            stored_ignored.push_back({"(saved state)", "longer than " + std::to_string(kMaxStoredBytes) + " characters"});
        } else if (status == 3) {
            stored = "unavailable";
            active = false;
        }
    }
    const std::string url_report = apply_query(*app, url);
    persist_begin(g_persist, *app, restored);
    // "Start here" on a first visit: at top level where the page saves, until the user dismisses or
    // uses it (that choice is stored like the others). A link with state, or an embed, decides its own start.
    app->ui.start_hint = active && !in_frame && !c.has_state && !app->ui.start_hint_done;
    // The language chosen by the environment, the stored state or the URL, if its strings are not built
    // in: app.js fetches them now (the loading message stays until they are shown); later choices ask at once.
    app->request_language = js_want_language;
    app->request_references = [] { nd_js_want_references(); };
    if (!app->language_wanted.empty()) js_want_language(app->language_wanted);

    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "url");
    w.RawValue(url_report.data(), url_report.size(), rapidjson::kObjectType);
    // Who may control the app by postMessage (app.js enforces it: only JS sees event.source).
    json_key(w, "policy");
    w.StartObject();
    json_key(w, "kind");
    json_put(w, c.origin_given ? (c.origin_invalid ? "deny" : "list") : (in_frame ? "parent" : "none"));
    json_key(w, "origins");
    w.StartArray();
    if (!c.origin_invalid) for (const auto& o : c.values.origin) json_put(w, o);
    w.EndArray();
    w.EndObject();
    json_key(w, "persist");
    w.StartObject();
    json_key(w, "active"); w.Bool(active);
    json_key(w, "origin_off"); w.Bool(origin_top && wanted && !c.has_state);   // off only because of origin=: the notice says so
    json_key(w, "name"); json_put(w, c.persist_name());
    json_key(w, "stored"); json_put(w, stored);
    json_key(w, "ignored"); write_ignored(w, stored_ignored);
    json_key(w, "record"); json_put(w, g_persist.last_record);
    w.EndObject();
    // The settings table and the limits (app.js measures what it passes in against them).
    const std::string settings = settings_json();
    json_key(w, "settings");
    w.RawValue(settings.data(), settings.size(), rapidjson::kObjectType);
    w.EndObject();
    g_config.assign(buf.GetString(), buf.GetSize());
}

void bridge_first_frames() { EM_ASM({ if (Module['onFirstFrames']) Module['onFirstFrames'](); }); }

namespace {
void (*g_draw_now)(void*) = nullptr;
void* g_draw_now_user = nullptr;
}  // namespace

void bridge_set_draw_now(void (*draw)(void* user), void* user) {
    g_draw_now = draw;
    g_draw_now_user = user;
}

void bridge_open_full_view(const App& app) {
    const std::string query = share_query(app);
    EM_ASM({ if (Module['onOpenFullView']) Module['onOpenFullView'](UTF8ToString($0)); }, query.c_str());
}

}  // namespace neurodrive::app

namespace na = neurodrive::app;
namespace nm = neurodrive::model;
using na::g_app;
using na::g_config;
using na::g_reply;
using na::reply;
using na::not_ready;

extern "C" {

// [SECTION] State and commands (window.neurodrive; from_user = 1 for the accessible mirror) ----------
EMSCRIPTEN_KEEPALIVE const char* nd_state_json() {
    if (!g_app) return not_ready();
    g_reply = na::state_json(*g_app);
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* nd_set_inputs(const char* json, int from_user) {
    if (!g_app || !json) return not_ready();
    return reply(na::as(from_user, [&] { return na::cmd_set_inputs_json(*g_app, json); }));
}

EMSCRIPTEN_KEEPALIVE const char* nd_event(const char* name, int from_user) {
    if (!g_app || !name) return not_ready();
    return reply(na::as(from_user, [&] { return na::cmd_event(*g_app, name); }));
}

EMSCRIPTEN_KEEPALIVE const char* nd_preset(const char* id, int from_user) {
    if (!g_app || !id) return not_ready();
    return reply(na::as(from_user, [&] { return na::cmd_preset(*g_app, id); }));
}

EMSCRIPTEN_KEEPALIVE const char* nd_compare(const char* spec, int from_user) {
    if (!g_app || !spec) return not_ready();
    return reply(na::as(from_user, [&] { return na::cmd_compare(*g_app, spec); }));
}

EMSCRIPTEN_KEEPALIVE const char* nd_reset(int from_user) {
    if (!g_app) return not_ready();
    return reply(na::as(from_user, [&] { return na::cmd_reset(*g_app); }));
}
EMSCRIPTEN_KEEPALIVE const char* nd_pause(int from_user) {
    if (!g_app) return not_ready();
    return reply(na::as(from_user, [&] { return na::cmd_pause(*g_app); }));
}
EMSCRIPTEN_KEEPALIVE const char* nd_play(int from_user) {
    if (!g_app) return not_ready();
    return reply(na::as(from_user, [&] { return na::cmd_play(*g_app); }));
}
EMSCRIPTEN_KEEPALIVE const char* nd_set_speed(double speed, int from_user) {
    if (!g_app) return not_ready();
    return reply(na::as(from_user, [&] { return na::cmd_speed(*g_app, speed); }));
}
EMSCRIPTEN_KEEPALIVE const char* nd_set_auto_trials(int on, int from_user) {
    if (!g_app) return not_ready();
    return reply(na::as(from_user, [&] { return na::cmd_auto_trials(*g_app, on != 0); }));
}

// Page settings chosen in the accessible mirror (the user's own): the table's kUserSetting settings.
EMSCRIPTEN_KEEPALIVE const char* nd_setting(const char* key, const char* value) {
    if (!g_app || !key || !value) return not_ready();
    return reply(na::cmd_setting(*g_app, key, value));
}

// The page's buttons over the canvas changed size (a language, a button shown): layouts keep them free.
EMSCRIPTEN_KEEPALIVE void nd_page_tools(double w, double h) {
    if (!g_app || !(w >= 0.0 && w < 1e4) || !(h >= 0.0 && h < 1e4)) return;
    g_app->ui.page_tools_w = static_cast<float>(w);
    g_app->ui.page_tools_h = static_cast<float>(h);
}

// A language's strings (and font) arrived: app.js holds them in Module.ndLanguageData(code). They are
// checked and kept; if the language is still the one chosen it is shown. {"ok":true} or the reason.
EMSCRIPTEN_KEEPALIVE const char* nd_language_arrived(const char* code) {
    if (!g_app || !code) return not_ready();
    const std::string lang = code;
    if (!na::known_language(lang)) return reply("unknown language");
    int size = 0;
    if (unsigned char* font = nd_js_language_font(code, na::kMaxFontBytes, &size)) {
        na::provide_font(lang, std::vector<unsigned char>(font, font + size));
        std::free(font);
    }
    const std::string text = na::take_js(nd_js_language_text(code, na::kMaxStringsBytes));
    if (text.empty()) return reply(na::language_arrived(*g_app, lang, nullptr, lang + ".json is empty or larger than 1 MB"));
    const std::string_view json(text);
    return reply(na::language_arrived(*g_app, lang, &json));
}
// references.json arrived (app.js holds its text in Module.ndReferencesText()), or could not be fetched.
// {"ok":true} or the reason, which the References tab also shows.
EMSCRIPTEN_KEEPALIVE const char* nd_references_arrived() {
    if (!g_app) return not_ready();
    const std::string text = na::take_js(nd_js_references_text(na::kMaxReferencesBytes));
    if (text.empty()) return reply(na::references_arrived(*g_app, nullptr, "references.json is empty or larger than 1 MB"));
    const std::string_view json(text);
    return reply(na::references_arrived(*g_app, &json));
}
EMSCRIPTEN_KEEPALIVE const char* nd_references_failed(const char* reason) {
    if (!g_app || !reason) return not_ready();
    return reply(na::references_arrived(*g_app, nullptr, std::string(reason).substr(0, 200)));
}
// The page could not fetch them (offline, a missing file): the language shown stays.
EMSCRIPTEN_KEEPALIVE const char* nd_language_failed(const char* code, const char* reason) {
    if (!g_app || !code || !reason) return not_ready();
    return reply(na::language_arrived(*g_app, code, nullptr, reason));
}

// The start-up report: {"url":{ignored,resize,xapi,...},"policy":{kind,origins},"persist":{active,origin_off,name,stored,ignored,record}}.
EMSCRIPTEN_KEEPALIVE const char* nd_config_json() { return g_config.empty() ? "null" : g_config.c_str(); }

// The share link's query string.
EMSCRIPTEN_KEEPALIVE const char* nd_share_query() {
    if (!g_app) return "";
    g_reply = na::share_query(*g_app);
    return g_reply.c_str();
}

// The scenario builder (docs/EMBEDDING.md): what it offers, with labels in the UI language.
EMSCRIPTEN_KEEPALIVE const char* nd_builder_json() {
    if (!g_app) return not_ready();
    g_reply = na::builder_json(*g_app);
    return g_reply.c_str();
}
// A scenario link's query for the current state and the chosen view: {"ok":true,"query":".."} or an error.
EMSCRIPTEN_KEEPALIVE const char* nd_scenario_query(const char* options_json) {
    if (!g_app || !options_json) return not_ready();
    std::string query;
    const std::string err = na::scenario_query(*g_app, options_json, &query);
    if (!err.empty()) return reply(err);
    rapidjson::StringBuffer buf;
    na::JsonWriter w(buf);
    w.StartObject();
    na::json_key(w, "ok"); w.Bool(true);
    na::json_key(w, "query"); na::json_put(w, query);
    w.EndObject();
    g_reply.assign(buf.GetString(), buf.GetSize());
    return g_reply.c_str();
}

// Persistence, every half second and when the page hides: {"changed":b,"record":"..."} ("" = nothing to keep).
EMSCRIPTEN_KEEPALIVE const char* nd_persist_tick() {
    if (!g_app) return not_ready();
    const na::PersistTick t = na::persist_tick(na::g_persist, *g_app);
    rapidjson::StringBuffer buf;
    na::JsonWriter w(buf);
    w.StartObject();
    na::json_key(w, "changed"); w.Bool(t.changed);
    na::json_key(w, "record"); na::json_put(w, t.record);
    w.EndObject();
    g_reply.assign(buf.GetString(), buf.GetSize());
    return g_reply.c_str();
}

// [SECTION] Host-page messages -------------------------------------------------------------------------
// One message from an allowed sender (JSON text, at most 16 KB): {"reply":<message or null>,"subscribe_hz":x}.
// may_subscribe = 0 when app.js already serves its most subscribers.
EMSCRIPTEN_KEEPALIVE const char* nd_message(const char* json, int may_subscribe) {
    if (!g_app || !json) return not_ready();
    na::MessageReply r;
    na::as(0, [&] { r = na::handle_message(*g_app, json, may_subscribe != 0); return std::string(); });
    rapidjson::StringBuffer buf;
    na::JsonWriter w(buf);
    w.StartObject();
    na::json_key(w, "reply");
    if (r.json.empty()) w.Null();
    else w.RawValue(r.json.data(), r.json.size(), rapidjson::kObjectType);
    na::json_key(w, "subscribe_hz");
    na::json_put_num(w, r.subscribe_hz);
    w.EndObject();
    g_reply.assign(buf.GetString(), buf.GetSize());
    return g_reply.c_str();
}
// The state message a subscription sends.
EMSCRIPTEN_KEEPALIVE const char* nd_state_message() {
    if (!g_app) return not_ready();
    g_reply = na::state_message(*g_app);
    return g_reply.c_str();
}

// [SECTION] The accessible mirror and lessons ----------------------------------------------------------
EMSCRIPTEN_KEEPALIVE const char* nd_mirror_json() {
    if (!g_app) return not_ready();
    g_reply = na::mirror_json(*g_app);
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* nd_announcement() {
    if (!g_app) return "";
    g_reply = na::take_announcement(*g_app);
    return g_reply.c_str();
}
// Key events (a burst at the cue, an omission dip) in one short sentence, throttled in simulated time.
EMSCRIPTEN_KEEPALIVE const char* nd_key_announcement() {
    if (!g_app) return "";
    g_reply = na::take_key_event_announcement(*g_app);
    return g_reply.c_str();
}
// "Describe the brain now": the pathways, regions, drive and what to try next, in a few sentences.
EMSCRIPTEN_KEEPALIVE const char* nd_describe_scene() {
    if (!g_app) return not_ready();
    g_reply = na::describe_scene(*g_app);
    return g_reply.c_str();
}
// Exports: {"ok":true,"name":..,"text":..} for signals | trials | lab (CSV) and caption (the picture's line).
EMSCRIPTEN_KEEPALIVE const char* nd_export(const char* kind) {
    if (!g_app || !kind) return not_ready();
    g_reply = na::export_json(*g_app, kind);
    return g_reply.c_str();
}
// Builds and draws a frame now (the caller reads the canvas in the same task).
EMSCRIPTEN_KEEPALIVE void nd_draw_now() {
    if (na::g_draw_now) na::g_draw_now(na::g_draw_now_user);
}
// The audio monitor's spikes and tones since the last call (web/audio.js plays them).
EMSCRIPTEN_KEEPALIVE const char* nd_audio_json() {
    if (!g_app) return not_ready();
    g_reply = na::take_audio_json(*g_app);
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* nd_lessons_json() {
    if (!g_app) return not_ready();
    g_reply = na::lessons_json(*g_app);
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* nd_lesson(const char* action, int option) {
    if (!g_app || !action) return not_ready();
    const std::string a = action;
    if (a == "choose") na::lesson_choose(*g_app, option);
    else if (a == "lock") na::lesson_lock(*g_app);
    else if (a == "next") na::lesson_next(*g_app);
    else if (a == "back") na::lesson_back(*g_app);
    else if (a.rfind("start:", 0) == 0) { if (!na::start_lesson(*g_app, a.substr(6))) return reply("unknown lesson"); }
    else return reply("unknown lesson action; allowed: start:<id>, choose, lock, next, back");
    return reply("");
}
// Progress records for an LMS (SCORM cmi.suspend_data): {"ok":true,"record":".."} for a lesson id.
EMSCRIPTEN_KEEPALIVE const char* nd_lesson_record(const char* id) {
    if (!g_app || !id) return not_ready();
    const std::string r = na::lesson_record(*g_app, id);
    if (r.empty()) return reply("unknown lesson");
    g_reply = "{\"ok\":true,\"record\":" + na::json_quote(r) + "}";
    return g_reply.c_str();
}
// Restores a record: {"ok":true} or {"ok":false,"error":..} (validated strictly in lessons.cpp; nothing changes then).
EMSCRIPTEN_KEEPALIVE const char* nd_lesson_restore(const char* record) {
    if (!g_app || !record) return not_ready();
    return reply(na::lesson_restore(*g_app, record));
}
// Answers shown and lessons finished from number `from` on (app.hpp lesson_events_json).
EMSCRIPTEN_KEEPALIVE const char* nd_lesson_events(double from) {
    if (!g_app) return not_ready();
    g_reply = na::lesson_events_json(*g_app, from >= 0 && from < 9e15 ? static_cast<long long>(from) : 0);
    return g_reply.c_str();
}

// [SECTION] Read-only views ----------------------------------------------------------------------------
// {"name":{"x":..,"y":..,"w":..,"h":..},...}: where each control was drawn in the last frame (CSS px); a
// label that names something on the schematic also has "anchor":{"x","y","w","h"}: that thing's rectangle;
// a text or label that is cut off has "clipped":true.
EMSCRIPTEN_KEEPALIVE const char* nd_layout_json() {
    if (!g_app) return not_ready();
    rapidjson::StringBuffer buf;
    na::JsonWriter w(buf);
    w.StartObject();
    for (const auto& r : g_app->drawn.rects) {
        na::json_key(w, r.name);
        w.StartObject();
        na::json_key(w, "x"); na::json_put_num(w, r.x);
        na::json_key(w, "y"); na::json_put_num(w, r.y);
        na::json_key(w, "w"); na::json_put_num(w, r.w);
        na::json_key(w, "h"); na::json_put_num(w, r.h);
        if (r.clipped) { na::json_key(w, "clipped"); w.Bool(true); }
        if (r.anchored) {
            na::json_key(w, "anchor");
            w.StartObject();
            const char* keys[] = {"x", "y", "w", "h"};
            for (std::size_t k = 0; k < 4; ++k) { na::json_key(w, keys[k]); na::json_put_num(w, r.anchor[k]); }
            w.EndObject();
        }
        w.EndObject();
    }
    w.EndObject();
    g_reply.assign(buf.GetString(), buf.GetSize());
    return g_reply.c_str();
}

// [{"id":..,"title":..,"explanation":..,"sources":..},...]
EMSCRIPTEN_KEEPALIVE const char* nd_presets_json() {
    rapidjson::StringBuffer buf;
    na::JsonWriter w(buf);
    w.StartArray();
    for (const auto& p : neurodrive::io::builtin_presets().presets) {
        w.StartObject();
        na::json_key(w, "id"); na::json_put(w, p.id);
        na::json_key(w, "title"); na::json_put(w, p.title);
        na::json_key(w, "explanation"); na::json_put(w, p.explanation);
        na::json_key(w, "sources"); na::json_put(w, p.sources);
        w.EndObject();
    }
    w.EndArray();
    g_reply.assign(buf.GetString(), buf.GetSize());
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE double nd_frames() { return g_app ? static_cast<double>(g_app->frames) : 0.0; }

// {"frames":N,"cpu_ms_median":x,"cpu_ms_p99":y,"ui_ms_median":..,"ui_ms_p99":..,"samples":n,"vertices":v (last frame),
//  "vertices_median":..,"vertices_p99":.. (last 600 frames),"vertices_steady":s,"redrawn_share":r,"textures_shown":t,"pacing":b,
//  "slow_stale_ms":a,"heap_bytes":h,"malloc_in_use_bytes":m}
EMSCRIPTEN_KEEPALIVE const char* nd_stats_json() {
    if (!g_app) return not_ready();
    const auto& st = g_app->stats;
    auto sorted = [&](const std::array<float, 600>& a) {
        std::vector<float> v(a.begin(), a.begin() + st.count);
        std::sort(v.begin(), v.end());
        return v;
    };
    const std::vector<float> v = sorted(st.cpu_ms), u = sorted(st.ui_ms), d = sorted(st.drawn);
    auto pct = [](const std::vector<float>& x, double q) {
        return x.empty() ? 0.0 : static_cast<double>(x[static_cast<std::size_t>(std::min<double>(static_cast<double>(x.size() - 1), q * static_cast<double>(x.size())))]);
    };
    const struct mallinfo mi = mallinfo();
    rapidjson::StringBuffer buf;
    na::JsonWriter w(buf);
    w.StartObject();
    na::json_key(w, "frames"); w.Uint64(g_app->frames);
    na::json_key(w, "cpu_ms_median"); na::json_put_num(w, pct(v, 0.5));
    na::json_key(w, "cpu_ms_p99"); na::json_put_num(w, pct(v, 0.99));
    na::json_key(w, "ui_ms_median"); na::json_put_num(w, pct(u, 0.5));
    na::json_key(w, "ui_ms_p99"); na::json_put_num(w, pct(u, 0.99));
    na::json_key(w, "samples"); w.Int(st.count);
    na::json_key(w, "vertices"); w.Int(st.vertices);
    na::json_key(w, "vertices_median"); na::json_put_num(w, pct(d, 0.5));
    na::json_key(w, "vertices_p99"); na::json_put_num(w, pct(d, 0.99));
    na::json_key(w, "vertices_steady"); w.Int(st.vertices_steady);
    na::json_key(w, "redrawn_share"); na::json_put_num(w, st.redrawn_share);
    na::json_key(w, "textures_shown"); w.Int(st.textures_shown);
    na::json_key(w, "pacing"); w.Bool(st.pacing);
    na::json_key(w, "slow_stale_ms"); na::json_put_num(w, st.slow_stale_ms);
    const na::StartupTimeline& t = st.startup;
    na::json_key(w, "startup_ms");
    w.StartObject();
    for (const auto& [name, ms] : {std::pair<const char*, double>{"main", t.main_ms}, {"gl", t.gl_ms}, {"app", t.app_ms}, {"bridge", t.bridge_ms},
                                   {"fonts", t.fonts_ms}, {"frame1", t.frame1_ms}, {"frame3", t.frame3_ms}}) {
        na::json_key(w, name);
        na::json_put_num(w, ms);
    }
    w.EndObject();
    na::json_key(w, "heap_bytes"); w.Uint64(emscripten_get_heap_size());
    na::json_key(w, "malloc_in_use_bytes"); w.Int(mi.uordblks);
    w.EndObject();
    g_reply.assign(buf.GetString(), buf.GetSize());
    return g_reply.c_str();
}

}  // extern "C"
