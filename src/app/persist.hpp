// persist.hpp - the stored state (localStorage in the browser): only what the user chose in this
// page - preset, inputs and the settings the table keeps (settings.hpp kStored) - as a small versioned
// JSON record of at most kMaxStoredBytes. Never locks,
// hidden panels, pause or speed, and never a change made by a host page (postMessage, the JS API):
// the bridge calls persist_sync before and persist_absorb after every host command. Pure C++
// (no Emscripten): tested and fuzzed natively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "url_params.hpp"

namespace neurodrive::app {

// What the user chose: the preset and inputs, and the settings the table keeps (kStored: theme,
// language, text size, the start hint, the compared brain); a setting not given was not chosen (the
// browser's default holds).
struct Choices {
    std::string preset = "baseline";   // a preset id, or "custom"
    model::Inputs inputs;
    SettingValues values;
};

struct Persistence {
    Choices saved;     // the user's choices: what is stored
    Choices seen;      // the app as of the last sync (every field filled)
    std::string last_record;  // the record as last handed out (persist_tick)
};

// The user-choosable state: a brain's preset and inputs, the kStored settings of `shared` (the settings
// as a link carries them: share_view), and the start hint when the user is done with it.
Choices choices_of(std::string_view preset, const model::Inputs& inputs, const SettingValues& shared, bool hint_done);
// The app's choices now (every field filled): the one place that reads them from the App (app.cpp).
Choices choices_now(const App& app);

// The tracking below reads only `now`, the app's choices at that moment (choices_now).
// Starts tracking: `restored` is what the stored record gave (or a default Choices).
void persist_begin(Persistence& p, const Choices& now, const Choices& restored);
// Whatever changed since the last sync was the user's doing: it becomes part of the stored record.
void persist_sync(Persistence& p, const Choices& now);
// Whatever changed since the last sync was a host's doing: it is not stored.
void persist_absorb(Persistence& p, const Choices& now);

// {"v":1,"preset":..,"inputs":{..},"theme":..,"lang":..,"scale":..,"hint":"done","compare":..} with only what
// was chosen (the kStored settings in table order) and inputs that differ from the preset; "" when nothing
// was chosen (a first visit: nothing to store).
std::string stored_record(const Choices& saved);

// A command from a host page or the JS API: what the user changed before it stays theirs (synced
// first); what the command changes is not stored (absorbed after). Returns what the command returns.
template <class F>
auto host_command(Persistence& p, App& app, F command) {
    persist_sync(p, choices_now(app));
    auto result = command();
    persist_absorb(p, choices_now(app));
    return result;
}

// Syncs, then returns the record and whether it changed since the last call: the page saves the record
// when it changed (every half second and when the page hides).
struct PersistTick { bool changed = false; std::string record; };
PersistTick persist_tick(Persistence& p, const Choices& now);
// {"changed":b,"record":"..."} ("" = nothing to keep).
std::string persist_tick_json(const PersistTick& t);

// Applies a stored record to the app (validated like everything from outside: unknown keys, bad
// names, types or ranges are skipped and listed). `restored` receives what was applied. A text that
// is not a version-1 record applies nothing and lists why. It changes the app, so it takes the App
// (not a view), and changes it only through the app's appliers that apply_query uses too (set_preset,
// set_input_value, apply_settings): the bridge applies the stored state at start, before the URL and
// so before any lock (commands.hpp) can hold.
std::vector<Ignored> apply_stored(App& app, std::string_view text, Choices* restored);

}  // namespace neurodrive::app
