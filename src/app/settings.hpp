// settings.hpp - the one table of the page's settings: every parameter a URL, a share link, the stored
// state, the browser's preferences, the scenario builder or the accessible mirror may give, with its type,
// its allowed values or range, its default, where it may come from and go, and the error a bad value
// gets; and the limits on everything that comes from outside. url_params, scenario, persist, commands
// and web_bridge read it, and app.js receives it at start (settings_json). A new setting is one row here
// (and a field of SettingValues); a new language is one line of assets/languages.json.
// Pure C++17: no ImGui, SDL, Emscripten or App.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace neurodrive::app {

// [SECTION] Limits on what comes from outside (app.js receives them too) ----------------------------------
constexpr std::size_t kMaxQueryChars = 4096;    // a URL query or share link: the rest is cut and reported
constexpr std::size_t kMaxQueryParams = 64;     // parameters of one query
constexpr std::size_t kMaxValueChars = 512;     // one parameter's value
constexpr std::size_t kMaxListItems = 64;       // names in one list (lock=, hide=, origin=, the builder's lists)
constexpr std::size_t kMaxJsonBytes = 16384;    // a host message, a JS API argument, set()'s inputs, the builder's options
constexpr std::size_t kMaxStoredBytes = 4096;   // the stored state (localStorage)
constexpr std::size_t kMaxInputsPerCall = 64;   // inputs in one set() or host message
constexpr std::size_t kMaxNameChars = 64;       // an input, preset, event or lesson name passed to the JS API
constexpr int kMaxSubscribers = 8;              // windows receiving periodic state at once
constexpr double kMinSubscribeHz = 0.1, kMaxSubscribeHz = 30.0;

// [SECTION] The values ----------------------------------------------------------------------------------
// Every setting's value; an empty optional (or list) is "not given". The table binds each row to one
// field, so parsing, links, the stored state and the builder read and write them the same way.
struct SettingValues {
    std::optional<std::string> preset, ui, theme, lang, lesson, compare, scheme, motion, hint;
    std::optional<std::string> xapi_base, lti_token, persist;  // persist: "1", "0" or a storage name
    std::optional<double> speed, scale;
    std::optional<bool> paused, audio, resize, xapi;
    std::vector<std::string> lock, hide, origin;
};

enum class SettingType {
    Flag,     // 1 | 0 (also true | false, on | off); its values() name the two words shown ("on", "off")
    Number,   // a plain decimal number from min to max
    Choice,   // one of values()
    List,     // a comma list of values(), each kept once
    Name,     // 1-40 letters, digits, '-' and '_' (a lesson id, a storage name)
    Special,  // its own check (check(): the value in its normal form, or the reason it is refused)
};

// Where a setting may come from and where it goes (bits).
enum SettingUse : unsigned {
    kFromUrl = 1u << 0,      // a URL parameter (a share link is a URL)
    kInLink = 1u << 1,       // written into the share link when it is not its default
    kStored = 1u << 2,       // kept in the stored state (persist.hpp), only when the user chose it
    kFromEnv = 1u << 3,      // the browser's preferences (app.js environment(); URL parameters override them)
    kDefinesView = 1u << 4,  // a link that gives it defines what is shown: the stored state is neither read nor written
    kUserSetting = 1u << 5,  // a page setting of the accessible mirror (nd_setting)
    kBuilder = 1u << 6,      // an option of the scenario builder (scenario.hpp)
};

// A Special setting's (or a List item's) check: the value in its normal form, or refused (with its own
// reason, "" = the row's error). A refused value may still come back as the value that stands instead
// (persist=<bad>: "0", nothing is saved) - fail closed.
struct Checked { std::optional<std::string> value; bool refused = false; std::string reason = ""; };
using SettingCheck = Checked (*)(std::string_view text);
using SettingValuesList = std::vector<std::string> (*)();

// Up to five values a Number's pickers offer (the speeds, the text sizes).
struct SettingSteps {
    double v[5] = {};
    int n = 0;
    const double* begin() const { return v; }
    const double* end() const { return v + n; }
    double front() const { return v[0]; }
    double back() const { return v[n - 1]; }
    bool empty() const { return n == 0; }
};

// One row. The table is static data (settings.cpp), built by small constexpr helpers per type.
struct SettingSpec {
    std::string_view name;
    SettingType type = SettingType::Choice;
    unsigned use = 0;
    std::string_view default_text;    // the value when none is given, as text ("" = none; see default_first)
    std::string_view label_key;       // strings key of its name in the app's and the page's menus ("" = none)
    bool default_first = false;       // the default is the first allowed value (the first theme, the first language)
    // Where its value lives (exactly one, by type: Flag -> flag, Number -> number, List -> list, else text).
    std::optional<bool> SettingValues::*flag = nullptr;
    std::optional<double> SettingValues::*number = nullptr;
    std::optional<std::string> SettingValues::*text = nullptr;
    std::vector<std::string> SettingValues::*list = nullptr;
    double min = 0.0, max = 0.0;                     // Number
    SettingSteps steps = {};                         // Number: what the app's pickers offer
    SettingValuesList values = nullptr;              // Choice, List, Flag: allowed words (from their registry)
    SettingCheck check = nullptr;                    // Special (and List items with a check)
    std::string_view error = "";                     // the reason a bad value is refused ("" = made from the range or the values)
};

// The rows, iterable (`for (const SettingSpec& s : setting_specs())`).
struct SettingTable {
    const SettingSpec* first = nullptr;
    std::size_t count = 0;
    const SettingSpec* begin() const { return first; }
    const SettingSpec* end() const { return first + count; }
    std::size_t size() const { return count; }
    const SettingSpec& front() const { return *first; }
};

// The table, in the order a share link writes its settings.
SettingTable setting_specs();
const SettingSpec* find_setting(std::string_view name);

// The reason a bad value of `spec` is refused: the row's error, or one made from its range or values.
std::string setting_error(const SettingSpec& spec);
// Checks `text` as a value of `spec` and stores it in `values`. A List keeps its good items and reports
// each bad one; anything else is stored whole or not at all. Returns the problems (item: the bad item of
// a list, "" for the whole value).
struct SettingProblem { std::string item, reason; };
std::vector<SettingProblem> set_setting(SettingValues& values, const SettingSpec& spec, std::string_view text);
// "" when `v` is a value of the Number setting `name`, else its reason ("must be a number from 0.25 to 4").
std::string setting_number_error(std::string_view name, double v);
// The same for one setting by name that must be known ("" or the reason).
std::string set_setting(SettingValues& values, std::string_view name, std::string_view text);
// The setting's value in `values` as text (its normal form: "1"/"0", "%g"-exact numbers, comma lists),
// or nothing when it is not given.
std::optional<std::string> setting_text(const SettingValues& values, const SettingSpec& spec);
// The same by name, for the few readers that need one setting ("" when unknown or not given).
std::string setting_text(const SettingValues& values, std::string_view name);
// Copies one setting's value (given or not) from `from` to `to`.
void copy_setting(SettingValues& to, const SettingValues& from, const SettingSpec& spec);
// True when the value is not given or equals the default.
bool setting_is_default(const SettingValues& values, const SettingSpec& spec);
// A setting's default (the app's own settings start from these): as text, and as a number or flag.
std::string setting_default(const SettingSpec& spec);
std::string setting_default(std::string_view name);
double setting_default_number(std::string_view name);

// The app's own page settings now, starting from the table's defaults (App::settings).
struct PageSettings {
    std::string theme = setting_default("theme");
    std::string lang = setting_default("lang");
    float scale = static_cast<float>(setting_default_number("scale"));  // UI text scale
    bool minimal = setting_default("ui") == "minimal";  // the simple view: fewer controls (ui=minimal)
    bool reduced_motion = false;     // the browser asks for it (motion=reduce) or the user chose it
    bool audio = setting_default_number("audio") != 0.0;  // the audio monitor (app.js plays it)
    std::vector<std::string> lock;   // inputs or groups shown but disabled (lock=)
    std::vector<std::string> hide;   // panels hidden (hide=)
};

// [SECTION] The registries behind the values ---------------------------------------------------------------
// Lock groups (URL lock=, besides input names):
//   presets     - choosing a preset, Reset all
//   events      - cue, reward, omit, automatic trials
//   time        - pause, play, step, speed, Reset all, compare mode (it restarts the clock)
//   experiments - the manipulation inputs and running a lab experiment
const std::vector<std::string>& lockable_groups();
// Whether `name` (an input or a group) is among the page's locks (PageSettings::lock).
bool is_locked(const std::vector<std::string>& locks, std::string_view name);
// "" when `what` may change, else e.g. "thyroid is locked by the page that embeds NeuroDrive (lock=thyroid)".
std::string lock_error(const std::vector<std::string>& locks, std::string_view what);
// The lock that keeps the input `name` as it is ("" when it may change): its own, or "experiments"
// for a manipulation.
std::string input_lock_error(const std::vector<std::string>& locks, std::string_view name);
// Panels that hide= may hide.
const std::vector<std::string>& hideable_panels();
// Input groups of the registry with the strings key of their title, in the order the app shows them.
struct InputGroup { std::string_view name, title_key; };
const std::vector<InputGroup>& input_groups();

// [SECTION] Checks shared by the settings and the commands -------------------------------------------------
// Strict number: optional minus, digits, optional fraction and exponent; at most 24 characters;
// finite. "1e999", "0.5abc", "NaN", "" and " 1" are rejected.
std::optional<double> parse_strict_number(std::string_view text);
// The items of a comma list, empty ones left out, at most kMaxListItems.
std::vector<std::string> split_list(std::string_view text);
// 1 | true | on, 0 | false | off.
std::optional<bool> parse_flag(std::string_view text);
// Shortest decimal text that reads back as exactly the same double.
std::string format_exact(double v);
// A web origin, strictly: http(s)://host[:port] with nothing after it but an optional "/". Returns
// the browser's form (lower case, default port dropped), or nothing for "*", "null", paths, user
// info, queries, non-ASCII hosts or bad ports.
std::optional<std::string> normalize_origin(std::string_view text);
// An https IRI base for xAPI activity ids: https://host[:port][/path], at most 200 characters of
// letters, digits and - . _ ~ / (and %XX escapes) in the path; no user info, query or fragment.
// Returns it ending in "/", or nothing.
std::optional<std::string> normalize_iri_base(std::string_view text);
// A name from outside, safe to show in an error: at most 40 characters (then "..."), control characters as '?'.
std::string shown(std::string_view text);

// The table and the limits as JSON for app.js, which receives them at start:
// {"limits":{..},"settings":[{"name","type","default","use":[..],"min","max","steps","values"}]}.
std::string settings_json();

}  // namespace neurodrive::app
