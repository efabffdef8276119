// web_bridge.cpp - C exports behind window.neurodrive (web/js/, bundled into app.js): a table of thin
// entries. Every string argument arrives in wasm heap memory that app.js allocated after checking its
// length (never on the stack); each entry goes through with_app (not ready yet, or a missing argument:
// the one error; else its answer, kept until the next call), and the JSON it answers comes from the
// module that owns the data. Nothing here throws or decides policy (start_policy.hpp, persist.hpp).
// Changes go through commands.hpp (locks); host changes are kept out of the stored state (persist.hpp
// host_command). Only this file uses Emscripten's JS interop.
#include "web_bridge.hpp"

#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <cstdlib>
#include <string>
#include <type_traits>
#include <vector>

#include "a11y.hpp"
#include "commands.hpp"
#include "describe.hpp"
#include "json_text.hpp"
#include "messages.hpp"
#include "persist.hpp"
#include "scenario.hpp"
#include "start_policy.hpp"
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

// [SECTION] Files on demand: app.js fetches a language's strings (and font), and references.json ---------
// A text app.js fetched - `what` is a language's code (its strings/<code>.json) or "references" - as a
// malloc'd UTF-8 copy of at most max_bytes (0: none).
EM_JS(char*, nd_js_fetched_text, (const char* what, int max_bytes), {
    var t = null;
    try { t = Module["ndFetchedText"](UTF8ToString(what)); } catch (e) { t = null; }
    if (typeof t !== "string") return 0;
    var n = lengthBytesUTF8(t) + 1;
    if (n > max_bytes) return 0;
    var p = _malloc(n);
    if (p) stringToUTF8(t, p, n);
    return p;
});
EM_JS(void, nd_js_want_language, (const char* code), {
    try { if (Module["ndWantLanguage"]) Module["ndWantLanguage"](UTF8ToString(code)); } catch (e) { }
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

EM_JS(void, nd_js_want_references, (), {
    try { if (Module["ndWantReferences"]) Module["ndWantReferences"](); } catch (e) { }
});
namespace neurodrive::app {
namespace {

constexpr int kMaxFetchedBytes = 1 << 20;  // a fetched text: a language's strings (the largest is about 90 KB), references.json (about 35 KB)
constexpr int kMaxFontBytes = 8 << 20;     // a language's font (zh-CN: about 200 KB)

App* g_app = nullptr;     // the single app instance (owned by main.cpp)
std::string g_reply;      // last answer; JS copies it out before the next call
std::string g_config;     // start-up report for app.js
Persistence g_persist;    // what the user chose (persist.hpp)

std::string take_js(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

// The text app.js fetched for `what`, or "" (none, or larger than kMaxFetchedBytes).
std::string fetched_text(const std::string& what) { return take_js(nd_js_fetched_text(what.c_str(), kMaxFetchedBytes)); }

void js_want_language(const std::string& lang) { nd_js_want_language(lang.c_str()); }

const char* keep(std::string answer) {
    g_reply = std::move(answer);
    return g_reply.c_str();
}

const char* not_ready() { return keep(json_result("NeuroDrive is not ready yet (await neurodrive.ready)")); }

// One export's body, borrowed for the call (no copy, no allocation): the entries below share one
// with_app, result_of and command, and each adds only its own few lines to the wasm.
template <class R>
class Body {
public:
    template <class F, class G = std::remove_reference_t<F>, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Body>>>
    Body(F&& f) : obj_(&f), call_([](void* o, App& app) -> R { return (*static_cast<G*>(o))(app); }) {}  // NOLINT: implicit
    R operator()(App& app) const { return call_(obj_, app); }

private:
    void* obj_;
    R (*call_)(void*, App&);
};

// Whether every string argument is there (JS passes 0 only when it could not allocate one).
template <class... Args>
bool given(const Args*... args) { return (true && ... && (args != nullptr)); }

// Every export that needs the app: the same answer until main.cpp attached it or when a string argument
// is missing, else `entry`'s answer (JSON text, or a plain string where the export says so).
const char* with_app(Body<std::string> entry, bool args_given = true) { return g_app && args_given ? keep(entry(*g_app)) : not_ready(); }

// An entry that answers {"ok":true} or {"ok":false,"error":..}: `entry` returns "" or the error.
const char* result_of(Body<std::string> entry, bool args_given = true) { return g_app && args_given ? keep(json_result(entry(*g_app))) : not_ready(); }

// A command (commands.hpp). From a host (the JS API, postMessage: from_user 0) its change is not
// stored; from the accessible mirror (from_user 1) it is the user's own.
const char* command(int from_user, Body<std::string> cmd, bool args_given = true) {
    if (!g_app || !args_given) return not_ready();
    App& app = *g_app;
    return keep(json_result(from_user ? cmd(app) : host_command(g_persist, app, [&] { return cmd(app); })));
}

// The stored state, when the plan reads it: applied to the app; `restored` receives what it gave.
StoredOutcome read_stored(App& app, const PersistPlan& plan, Choices* restored) {
    if (!plan.active) return stored_outcome(false, StoredRead::Nothing, {});
    int status = 0;
    const std::string text = take_js(nd_js_read_stored(plan.name.c_str(), static_cast<int>(kMaxStoredBytes), &status));
    const auto read = static_cast<StoredRead>(status);
    return stored_outcome(true, read, read == StoredRead::Text ? apply_stored(app, text, restored) : std::vector<Ignored>{});
}

}  // namespace

void bridge_attach(App* app) {
    g_app = app;
    // One more character than C++ reads, so a query cut short here is still reported as too long.
    const int max_chars = static_cast<int>(kMaxQueryChars) + 2;
    const std::string env = take_js(nd_js_start_text(0, max_chars));
    const std::string url = take_js(nd_js_start_text(1, max_chars));
    const bool in_frame = nd_js_in_frame() != 0;
    if (std::string build = deployment_name(take_js(nd_js_start_text(2, 40))); !build.empty()) app->build = std::move(build);
    app->ui.page_tools_w = static_cast<float>(nd_js_page_tools(0));
    app->ui.page_tools_h = static_cast<float>(nd_js_page_tools(1));
    apply_environment(*app, env);
    const UrlConfig c = parse_query(url);
    const PersistPlan plan = persist_plan(c, in_frame);
    Choices restored;
    const StoredOutcome stored = read_stored(*app, plan, &restored);
    const std::string url_report = apply_query(*app, url);
    persist_begin(g_persist, choices_now(*app), restored);
    app->ui.start_hint = show_start_hint(stored.active, in_frame, c.has_state, app->ui.start_hint_done);
    // The language chosen by the environment, the stored state or the URL, if its strings are not built
    // in: app.js fetches them now (the loading message stays until they are shown); later choices ask at once.
    app->request_language = js_want_language;
    app->request_references = [] { nd_js_want_references(); };
    if (!app->language_wanted.empty()) js_want_language(app->language_wanted);
    g_config = config_json(url_report, message_policy(c, in_frame), plan, stored, g_persist.last_record, settings_json());
}

void bridge_first_frames() { EM_ASM({ if (Module['onFirstFrames']) Module['onFirstFrames'](); }); }
void bridge_no_webgl() { EM_ASM({ if (Module['onNoWebGL']) Module['onNoWebGL'](); }); }

namespace {
void (*g_draw_now)(void*) = nullptr;
void* g_draw_now_user = nullptr;

// A language's font, if app.js fetched one, handed to the font atlas.
void take_language_font(const std::string& lang) {
    int size = 0;
    if (unsigned char* font = nd_js_language_font(lang.c_str(), kMaxFontBytes, &size)) {
        provide_font(lang, std::vector<unsigned char>(font, font + size));
        std::free(font);
    }
}

// A language's strings arrived (app.js holds them): checked and kept; shown if still the one chosen.
std::string take_language(App& app, const std::string& lang) {
    if (!known_language(lang)) return "unknown language";
    take_language_font(lang);
    const std::string text = fetched_text(lang);
    if (text.empty()) return language_arrived(app, lang, nullptr, lang + ".json is empty or larger than 1 MB");
    const std::string_view json(text);
    return language_arrived(app, lang, &json);
}

std::string take_references(App& app) {
    const std::string text = fetched_text("references");
    if (text.empty()) return references_arrived(app, nullptr, "references.json is empty or larger than 1 MB");
    const std::string_view json(text);
    return references_arrived(app, &json);
}

std::string lesson_action(App& app, const std::string& a, int option) {
    if (a == "choose") lesson_choose(app, option);
    else if (a == "lock") lesson_lock(app);
    else if (a == "next") lesson_next(app);
    else if (a == "back") lesson_back(app);
    else if (a.rfind("start:", 0) == 0) { if (!start_lesson(app, a.substr(6))) return "unknown lesson"; }
    else return "unknown lesson action; allowed: start:<id>, choose, lock, next, back";
    return {};
}

MemoryUse memory_use() {
    const struct mallinfo mi = mallinfo();
    return {emscripten_get_heap_size(), mi.uordblks};
}
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
using na::App;
using na::command;
using na::given;
using na::result_of;
using na::keep;
using na::with_app;

// [SECTION] The exports (window.neurodrive; from_user = 1 for the accessible mirror) ---------------------
// Each entry is one line through with_app or command; its name and signature are web/app.js's contract
// (EXPORTED_FUNCTIONS: EMSCRIPTEN_KEEPALIVE).
extern "C" {

// [SECTION] State and commands
EMSCRIPTEN_KEEPALIVE const char* nd_state_json() { return with_app([](App& a) { return na::state_json(a); }); }
EMSCRIPTEN_KEEPALIVE const char* nd_set_inputs(const char* json, int from_user) { return command(from_user, [&](App& a) { return na::cmd_set_inputs_json(a, json); }, given(json)); }
EMSCRIPTEN_KEEPALIVE const char* nd_event(const char* name, int from_user) { return command(from_user, [&](App& a) { return na::cmd_event(a, name); }, given(name)); }
EMSCRIPTEN_KEEPALIVE const char* nd_preset(const char* id, int from_user) { return command(from_user, [&](App& a) { return na::cmd_preset(a, id); }, given(id)); }
EMSCRIPTEN_KEEPALIVE const char* nd_compare(const char* spec, int from_user) { return command(from_user, [&](App& a) { return na::cmd_compare(a, spec); }, given(spec)); }
EMSCRIPTEN_KEEPALIVE const char* nd_reset(int from_user) { return command(from_user, [](App& a) { return na::cmd_reset(a); }); }
EMSCRIPTEN_KEEPALIVE const char* nd_pause(int from_user) { return command(from_user, [](App& a) { return na::cmd_pause(a); }); }
EMSCRIPTEN_KEEPALIVE const char* nd_play(int from_user) { return command(from_user, [](App& a) { return na::cmd_play(a); }); }
EMSCRIPTEN_KEEPALIVE const char* nd_set_speed(double speed, int from_user) { return command(from_user, [=](App& a) { return na::cmd_speed(a, speed); }); }
EMSCRIPTEN_KEEPALIVE const char* nd_set_auto_trials(int on, int from_user) { return command(from_user, [=](App& a) { return na::cmd_auto_trials(a, on != 0); }); }
// Page settings chosen in the accessible mirror (the user's own): the table's kUserSetting settings.
EMSCRIPTEN_KEEPALIVE const char* nd_setting(const char* key, const char* value) { return result_of([&](App& a) { return na::cmd_setting(a, key, value); }, given(key, value)); }

// The page's buttons over the canvas changed size (a language, a button shown): layouts keep them free.
EMSCRIPTEN_KEEPALIVE void nd_page_tools(double w, double h) {
    if (!na::g_app || !(w >= 0.0 && w < 1e4) || !(h >= 0.0 && h < 1e4)) return;
    na::g_app->ui.page_tools_w = static_cast<float>(w);
    na::g_app->ui.page_tools_h = static_cast<float>(h);
}

// [SECTION] Files fetched on demand: {"ok":true} or the reason (a notice; the References tab shows it)
// A language's strings (and font) arrived: app.js holds them (Module.ndFetchedText, ndLanguageData).
EMSCRIPTEN_KEEPALIVE const char* nd_language_arrived(const char* code) { return result_of([&](App& a) { return na::take_language(a, code); }, given(code)); }
// The page could not fetch them (offline, a missing file): the language shown stays.
EMSCRIPTEN_KEEPALIVE const char* nd_language_failed(const char* code, const char* reason) { return result_of([&](App& a) { return na::language_arrived(a, code, nullptr, reason); }, given(code, reason)); }
// references.json arrived (app.js holds its text: Module.ndFetchedText("references")), or could not be fetched.
EMSCRIPTEN_KEEPALIVE const char* nd_references_arrived() { return result_of([](App& a) { return na::take_references(a); }); }
EMSCRIPTEN_KEEPALIVE const char* nd_references_failed(const char* reason) { return result_of([&](App& a) { return na::references_arrived(a, nullptr, std::string(reason).substr(0, 200)); }, given(reason)); }

// [SECTION] Start-up, share links, the scenario builder and persistence
// The start-up report (start_policy.hpp config_json).
EMSCRIPTEN_KEEPALIVE const char* nd_config_json() { return na::g_config.empty() ? "null" : na::g_config.c_str(); }
// The share link's query string ("" before the app is ready).
EMSCRIPTEN_KEEPALIVE const char* nd_share_query() { return na::g_app ? keep(na::share_query(*na::g_app)) : ""; }
// The scenario builder (docs/EMBEDDING.md): what it offers, with labels in the UI language.
EMSCRIPTEN_KEEPALIVE const char* nd_builder_json() { return with_app([](App& a) { return na::builder_json(na::scenario_view(a)); }); }
// A scenario link's query for the current state and the chosen view: {"ok":true,"query":".."} or an error.
EMSCRIPTEN_KEEPALIVE const char* nd_scenario_query(const char* options_json) {
    return with_app([&](App& a) {
        std::string query;
        const std::string err = na::scenario_query(na::scenario_view(a), options_json, &query);
        return err.empty() ? na::json_ok_with("query", query) : na::json_result(err);
    }, given(options_json));
}
// Persistence, every half second and when the page hides: {"changed":b,"record":"..."} ("" = nothing to keep).
EMSCRIPTEN_KEEPALIVE const char* nd_persist_tick() { return with_app([](App& a) { return na::persist_tick_json(na::persist_tick(na::g_persist, na::choices_now(a))); }); }

// [SECTION] Host-page messages
// One message from an allowed sender (JSON text, at most 16 KB): {"reply":<message or null>,"subscribe_hz":x}.
// may_subscribe = 0 when app.js already serves its most subscribers.
EMSCRIPTEN_KEEPALIVE const char* nd_message(const char* json, int may_subscribe) {
    return with_app([&](App& a) { return na::message_reply_json(na::host_command(na::g_persist, a, [&] { return na::handle_message(a, json, may_subscribe != 0); })); }, given(json));
}
// The state message a subscription sends.
EMSCRIPTEN_KEEPALIVE const char* nd_state_message() { return with_app([](App& a) { return na::state_message(na::state_json(a)); }); }

// [SECTION] The accessible mirror, announcements, exports and audio
EMSCRIPTEN_KEEPALIVE const char* nd_mirror_json() { return with_app([](App& a) { return na::mirror_json(na::mirror_view(a)); }); }
// A change of drive worth saying ("" when none, or before the app is ready).
EMSCRIPTEN_KEEPALIVE const char* nd_announcement() { return na::g_app ? keep(na::take_announcement(na::g_app->ui.announced, na::g_app->strings, na::narration_input(*na::g_app))) : ""; }
// Key events (a burst at the cue, an omission dip) in one short sentence, throttled in simulated time.
EMSCRIPTEN_KEEPALIVE const char* nd_key_announcement() { return na::g_app ? keep(na::take_key_event_announcement(na::g_app->ui.announced, na::g_app->brain.history, na::g_app->strings)) : ""; }
// "Describe the brain now": the pathways, regions, drive and what to try next, in a few sentences.
EMSCRIPTEN_KEEPALIVE const char* nd_describe_scene() { return with_app([](App& a) { return na::describe_scene(na::scene_view(a)); }); }
// Exports: {"ok":true,"name":..,"text":..} for signals | trials | lab (CSV) and caption (the picture's line).
EMSCRIPTEN_KEEPALIVE const char* nd_export(const char* kind) { return with_app([&](App& a) { return na::export_json(a, kind); }, given(kind)); }
// Builds and draws a frame now (the caller reads the canvas in the same task).
EMSCRIPTEN_KEEPALIVE void nd_draw_now() {
    if (na::g_draw_now) na::g_draw_now(na::g_draw_now_user);
}
// The audio monitor's spikes and tones since the last call (web/audio.js plays them).
EMSCRIPTEN_KEEPALIVE const char* nd_audio_json() { return with_app([](App& a) { return na::take_audio_json(a); }); }

// [SECTION] Lessons
EMSCRIPTEN_KEEPALIVE const char* nd_lessons_json() { return with_app([](App& a) { return na::lessons_json(a); }); }
// start:<id>, choose (option 1..3), lock, next or back: {"ok":true} or the reason.
EMSCRIPTEN_KEEPALIVE const char* nd_lesson(const char* action, int option) { return result_of([&](App& a) { return na::lesson_action(a, action, option); }, given(action)); }
// Progress records for an LMS (SCORM cmi.suspend_data): {"ok":true,"record":".."} for a lesson id.
EMSCRIPTEN_KEEPALIVE const char* nd_lesson_record(const char* id) {
    return with_app([&](App& a) {
        const std::string r = na::lesson_record(a, id);
        return r.empty() ? na::json_result("unknown lesson") : na::json_ok_with("record", r);
    }, given(id));
}
// Restores a record: {"ok":true} or {"ok":false,"error":..} (validated strictly in lessons.cpp; nothing changes then).
EMSCRIPTEN_KEEPALIVE const char* nd_lesson_restore(const char* record) { return result_of([&](App& a) { return na::lesson_restore(a, record); }, given(record)); }
// Answers shown and lessons finished from number `from` on (app.hpp lesson_events_json).
EMSCRIPTEN_KEEPALIVE const char* nd_lesson_events(double from) {
    return with_app([=](App& a) { return na::lesson_events_json(a, from >= 0 && from < 9e15 ? static_cast<long long>(from) : 0); });
}

// [SECTION] Read-only views
// Where each control and label was drawn in the last frame (frame_report.hpp layout_json).
EMSCRIPTEN_KEEPALIVE const char* nd_layout_json() { return with_app([](App& a) { return na::layout_json(a.drawn.rects); }); }
// The presets (English): [{"id","title","explanation","sources"}] (needs no app).
EMSCRIPTEN_KEEPALIVE const char* nd_presets_json() { return keep(neurodrive::io::presets_json(neurodrive::io::builtin_presets())); }
EMSCRIPTEN_KEEPALIVE double nd_frames() { return na::g_app ? static_cast<double>(na::g_app->frames) : 0.0; }
// Frame times, vertices, start-up and memory (frame_report.hpp stats_json).
EMSCRIPTEN_KEEPALIVE const char* nd_stats_json() { return with_app([](App& a) { return na::stats_json(a.stats, a.frames, na::memory_use()); }); }

}  // extern "C"
