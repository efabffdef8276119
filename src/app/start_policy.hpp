// start_policy.hpp - the page's start-up decisions, as pure functions of what the page and the link say:
// whether the stored state is read and written, who may control the app by postMessage, whether the
// "Start here" card shows, the deployment's name About shows, and the start-up report app.js reads
// (nd_config_json). web_bridge.cpp gathers the facts and applies the decisions; nothing here touches
// Emscripten, globals or the App: tested natively (tests/app/test_start_policy.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "url_params.hpp"

namespace neurodrive::app {

// Persistence: on at top level, off in a frame unless persist=1 or persist=<name>; never when the link
// itself defines a state (then stored state is neither read nor written). At top level, origin= lets
// the link's author control this window (it opened it): what the user saved on the plain page is then
// neither read nor written, so that author can never read it through get().
struct PersistPlan {
    bool active = false;      // read the stored state now and write it as the user chooses
    bool origin_off = false;  // off only because of origin= (the page's notice says so)
    std::string name;         // the storage name ("" = the default one)
};
PersistPlan persist_plan(const UrlConfig& url, bool in_frame);

// What reading the page's storage gave (web_bridge.cpp's nd_js_read_stored status).
enum class StoredRead { Nothing = 0, Text = 1, TooLong = 2, Unavailable = 3 };
// The report of the stored state: "off", "none", "restored", "damaged" or "unavailable", what in it was
// ignored, and whether persistence stays on (not when the storage cannot be used).
struct StoredOutcome {
    const char* stored = "off";
    bool active = false;
    std::vector<Ignored> ignored;
};
// `applied`: what apply_stored ignored of a Text it was given (nothing for the other reads).
StoredOutcome stored_outcome(bool active, StoredRead read, std::vector<Ignored> applied);

// Who may control the app by postMessage (app.js enforces it: only JS sees event.source): "list" (the
// origins of origin=), "deny" (origin= given but unusable: no one, fail closed), "parent" (a frame
// without origin=: the page that embeds it) or "none" (top level without origin=).
struct MessagePolicy {
    const char* kind = "none";
    std::vector<std::string> origins;
};
MessagePolicy message_policy(const UrlConfig& url, bool in_frame);

// "Start here" on a first visit: at top level where the page saves, until the user dismisses or uses it
// (that choice is stored like the others). A link with state, or an embed, decides its own start.
bool show_start_hint(bool persist_active, bool in_frame, bool has_state, bool hint_done);

// The deployment's name make_dist.mjs writes into app.js when it is only digits, lowercase letters, dots
// and dashes; else "" (About then names the version).
std::string deployment_name(std::string_view build);

// The start-up report: {"url":<url_report>,"policy":{kind,origins},"persist":{active,origin_off,name,
// stored,ignored,record},"settings":<settings_json>}.
std::string config_json(std::string_view url_report, const MessagePolicy& policy, const PersistPlan& plan,
                        const StoredOutcome& stored, std::string_view record, std::string_view settings);

}  // namespace neurodrive::app
