// app.hpp - the thin app: owns the model state and the inputs, steps the model once per display
// frame, keeps the history for plots, the lessons' and the lab's state, and builds the UI (ui.cpp,
// panel_*.cpp). update() changes state; drawing reads it. No SDL, GL or Emscripten here (main.cpp,
// web_bridge.cpp), and the UI reads model Outputs, never the model's State.
//
// Index
//   [SECTION] UI state and layout report
//   [SECTION] App
//   [SECTION] Frame: init, update, advance
//   [SECTION] Commands shared by the UI, the keyboard and the JS bridge
//   [SECTION] Lessons and lab (App-level wrappers)
//   [SECTION] Query strings and JSON state
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "assets.hpp"
#include "brain.hpp"
#include "frame_report.hpp"
#include "history.hpp"
#include "lab.hpp"
#include "lessons.hpp"
#include "neurodrive/findings.hpp"
#include "neurodrive/model.hpp"
#include "neurodrive/io/presets.hpp"
#include "schematic_model.hpp"
#include "settings.hpp"
#include "texts.hpp"
#include "url_params.hpp"

namespace neurodrive::app {

constexpr double kAutoTrialPeriodS = 5.0;
constexpr double kMaxFrameDtS = 0.25;       // a stalled or hidden tab never makes the model jump further

// [SECTION] UI state and what a drawn frame reports ----------------------------------------------------------
enum class PhoneTab { Controls, Drive, Signals, Learning, Lesson, Lab };
enum class ControlsTab { Levels, Manipulations };

// What the view shows and remembers. Changed by update() and the commands - by drawing only through the
// actions it asks for (DrawnFrame::actions).
struct UiState {
    bool settings_open = false;
    bool shortcuts_open = false;
    bool about_open = false;
    bool start_hint = false;         // first visit: a dismissable "start here" card
    bool start_hint_done = false;    // the user dismissed or used it (stored where the page saves)
    Announced announced;             // what the spoken announcements last said (narration.hpp)
    PhoneTab phone_tab = PhoneTab::Drive;
    ControlsTab controls_tab = ControlsTab::Levels;
    int lab_choice = 0;              // experiment chosen in the lab
    bool lab_evidence = false;       // the lab shows the evidence table instead of an experiment
    std::vector<std::string> highlight;  // sliders a preset just changed ...
    double highlight_until_s = 0.0;      // ... highlighted until this app-clock time
    int scroll_to_highlight = 0;         // drawn frames of the sliders left that reveal the first of them (3: the list's size settles)
    bool evidence_visible = false;   // the findings table has been on screen: update() fills it in
    bool open_full_view_requested = false;  // compact mode: the platform opens the full view
    bool side_controls = false;      // the medium layout's side column shows Controls (else Drive)
    float page_tools_w = 0.0f;       // the page's own buttons over the canvas's top right corner, as the
    float page_tools_h = 0.0f;       // page measured them (CSS px; none natively): layouts keep it free
    float font_px = 0.0f;            // font size the atlas was built for (logical px)
    float font_dpr = 0.0f;           // device pixel ratio the atlas was built for
    std::string font_lang;           // the language whose characters (and font) the atlas holds
};
// Every field, as text (the drawing test compares it before and after a frame).
std::string ui_state_text(const UiState& ui);

struct App;
// A change asked for while drawing (a click, a drag, a key): update() applies it - through the commands
// of commands.hpp for everything they govern, so locks and ranges are checked in one place - and
// drawing itself never changes the App.
// A small callable: each kind of action costs a call, a copy and a destructor in the wasm, where
// std::function cost seven functions per lambda (about 3 KB gzip of the page; docs/PERFORMANCE.md).
// Copyable (a copy clones the action), so an App can still be copied (the fuzzers snapshot one).
class Action {
public:
    template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Action>>>
    Action(F f) : impl_(std::make_unique<Model<F>>(std::move(f))) {}  // NOLINT: implicit, like std::function
    Action(const Action& other) : impl_(other.impl_->clone()) {}
    Action(Action&&) noexcept = default;
    Action& operator=(const Action& other) { impl_ = other.impl_->clone(); return *this; }
    Action& operator=(Action&&) noexcept = default;
    ~Action() = default;
    void operator()(App& app) const { impl_->call(app); }

private:
    struct Concept {
        virtual ~Concept() = default;
        virtual void call(App& app) const = 0;
        virtual std::unique_ptr<Concept> clone() const = 0;
    };
    template <class F>
    struct Model final : Concept {
        F f;
        explicit Model(F g) : f(std::move(g)) {}
        void call(App& app) const override { f(app); }
        std::unique_ptr<Concept> clone() const override { return std::make_unique<Model>(f); }
    };
    std::unique_ptr<Concept> impl_;
};

// Heights of blocks that must fit without scrolling, measured by the frame that drew them and used by
// the next (carried over while a block is not drawn).
struct MeasuredHeights {
    float lesson_card_h = 0.0f;
    float narration_h = 0.0f;
    float strip_h = 0.0f;            // the phone's narration strip (it scrolls only when it cannot fit)
};

// What one drawn frame reports: the outputs of drawing (ui.hpp build_ui), read by the next update(),
// needs_frame(), the bridge (the mirror, the browser tests) and the tests. ImGui's own state (window
// positions, focus, open popups) stays ImGui's.
struct DrawnFrame {
    std::vector<WidgetRect> rects;   // where everything was drawn
    MeasuredHeights heights;
    bool relayout = false;           // a measured height changed (or a layer kept an older picture): one more frame
    bool evidence_shown = false;     // the findings table was on screen
    bool controls_drawn = false;     // the sliders were drawn (a pending reveal used one of its frames)
    bool revealed = false;           // the first highlighted slider of this frame scrolled into view
    int plot_focus = -1;             // the plots tab the lesson step asked for (a new one is brought forward once)
    std::vector<Action> actions;     // what the frame asked for, applied in order by the next update()
};

// Where the references are: not here yet, asked for, here, or the fetch failed (the References tab then
// offers to try again).
enum class ReferencesLoad { Absent, Wanted, Loaded, Failed };

// [SECTION] App ---------------------------------------------------------------------------------------
struct App {
    Strings strings;
    std::string strings_lang = setting_default("lang");  // the language `strings` is in (what is shown)
    // A language chosen whose strings are still on their way (the page fetches them on demand; settings.lang
    // already names it): "" when none. request_language asks the platform for them (the browser only).
    std::string language_wanted;
    void (*request_language)(const std::string& lang) = nullptr;
    Geometry geometry;
    std::vector<Lesson> lessons;        // assets/lessons.json
    // assets/references.json: built in natively; in the browser a file fetched when About > References
    // first opens (docs/PERFORMANCE.md: 10.7 KB gzip the page no longer downloads at start).
    std::vector<Reference> references;
    ReferencesLoad references_load = ReferencesLoad::Absent;
    std::string references_error;       // why the last fetch failed (ReferencesLoad::Failed)
    void (*request_references)() = nullptr;  // asks the platform for the file (the browser only)
    std::string asset_error;            // non-empty: the app shows this instead of the UI
    // The build About names: the version, and in the browser the deployment's name ("0.1.0-<12 hex>",
    // written into app.js by make_dist.mjs: the offline cache's name too).
    std::string build = ND_VERSION;

    Brain brain;                  // the user's brain: sliders, presets, lessons and the lab act on it
    // Compare mode: a second brain beside the first, run on the same clock with the same events (cue,
    // reward, omit, automatic trials); empty when off.
    std::optional<Brain> compare;
    model::Outputs typical;       // healthy baseline, for ghost markers and narration
    std::string last_changed;     // the input the user changed last (narration names its consequence)

    PageSettings settings;        // theme, language, text size, simple view, locks, hidden panels (settings.hpp)
    bool paused = setting_default_number("paused") != 0.0;
    float speed = static_cast<float>(setting_default_number("speed"));
    bool auto_trials = false;
    double next_auto_trial_s = 0.0;
    double clock_s = 0.0;         // wall-clock seconds since start (highlights, hints)

    LessonState lesson;
    LabResult lab;                // the virtual lab's last run
    std::vector<model::FindingOutcome> evidence;  // the findings registry checked on this model, filled one per frame
    UiState ui;
    DrawnFrame drawn;                   // what the last drawn frame reported
    FrameStats stats;
    std::uint64_t frames = 0;
    std::uint64_t skipped_frames = 0;   // display frames not drawn (nothing moved)
    std::uint64_t drawn_signature = 0;  // what the last drawn frame showed (see needs_frame)
    int settle_frames = 0;              // frames still to draw after input (hover, release)
    double last_drawn_clock_s = 0.0;
    double skipped_time_s = 0.0;        // simulated time skipped because frames stalled (shown in the clock)
};

// Every brain: the first, then compare mode's second. Stepping, events and drawing treat them alike.
template <typename F>
void each_brain(App& app, F f) {
    f(app.brain);
    if (app.compare) f(*app.compare);
}
inline std::vector<const Brain*> brains_of(const App& app) {
    std::vector<const Brain*> brains{&app.brain};
    if (app.compare) brains.push_back(&*app.compare);
    return brains;
}

// [SECTION] Frame: init, update, advance ---------------------------------------------------------------
// Loads the embedded assets and starts the model at the healthy baseline. Returns false (and sets
// app.asset_error) when an asset is broken.
bool init(App& app);

// Applies the actions the last drawn frame asked for, then advances the model by real_dt_s * speed
// (real_dt_s clamped to kMaxFrameDtS; nothing when paused), the pulses of the schematic, the lessons.
// Everything that changes state happens here or in a command.
void update(App& app, double real_dt_s);
// Advances the model by sim_dt_s of simulated time in history-sample-sized chunks (also when paused).
void advance_sim(App& app, double sim_dt_s);

// Draw on demand: whether the next display frame must be drawn. Not when paused with nothing in
// flight (no recent input, no state change from the API, no highlight, no pending relayout); a
// running simulation animates every frame (with calm motion at most ten times a second).
// `input` = pointer, keyboard or window events arrived this frame. A pure query.
bool needs_frame(const App& app, bool input);
// A frame was drawn (after update()): keeps what it reported and remembers what it showed; `input` as
// for needs_frame (hover states and releases take a few more frames to show).
void frame_drawn(App& app, DrawnFrame frame, bool input);

// Builds the whole UI for this frame (ImGui; between NewFrame and Render) and returns what it reported.
// Reads the App only. ui.cpp.
DrawnFrame build_ui(const App& app);

// [SECTION] Commands shared by the UI, the keyboard and the JS bridge ---------------------------------------
void fire_event(App& app, model::Event e);
bool set_preset(App& app, std::string_view id);
void reset_all(App& app);
void set_input_value(App& app, std::string_view name, double value);  // value already validated

// Switches the UI language (a code of assets/languages.json, matched by match_language: "fr-CA" is fr);
// false for an unknown one. A language whose strings are not here yet becomes language_wanted (and is
// asked for through request_language): the UI switches when they arrive (language_arrived).
bool set_language(App& app, std::string_view lang);
// The page fetched a language's strings (or could not: json == nullptr, reason in `error`): they are kept
// and, if it is still the one wanted, shown; if not usable, the language shown stays and the setting
// goes back to it. Returns "" or what went wrong, for the page's notice.
std::string language_arrived(App& app, std::string_view lang, const std::string_view* json, std::string_view error = "");
// The page fetched references.json (or could not: json == nullptr, reason in `error`). Returns "" or what
// went wrong; the References tab says it and offers to try again.
std::string references_arrived(App& app, const std::string_view* json, std::string_view error = "");
// Asks the platform for references.json when it is not here or its last fetch failed (the References tab
// is shown); nothing while a fetch is on its way or natively, where the file is built in.
void want_references(App& app);

// Applies the browser's preferences from app.js: "lang=es&scheme=light&motion=reduce" (the settings
// the table takes kFromEnv). Validated like the URL; bad values are dropped. URL parameters applied
// afterwards override them.
void apply_environment(App& app, std::string_view env);

// The texts of texts.hpp in the UI language, and a preset's explanation ("preset.<id>.explanation").
const char* preset_title(const App& app, const io::Preset& p);
const char* preset_explanation(const App& app, const io::Preset& p);
const char* tr_or(const App& app, const std::string& key, std::string_view english);
std::string setting_value_label(const App& app, const SettingSpec& spec, std::string_view value);
std::vector<std::pair<std::string, std::string>> setting_choices(const App& app, const SettingSpec& spec);

// "very low" .. "very high" for a level input (1 = typical), in the UI language (narration.hpp level_word;
// describe.cpp's scene words use the same scale: level_step).
const char* level_word(const App& app, double level);

// Compare mode: both brains restart together from rest - the first with its inputs, the second at
// `spec` - and settle for the longer of their presets' settle days, so their clocks stay equal.
void compare_start(App& app, const CompareSpec& spec);
void compare_stop(App& app);
// A brain's scenario title in the UI language: the preset's title, "(changed)" when its inputs differ.
std::string scenario_title(const App& app, std::string_view preset, const model::Inputs& inputs);

// Sliders called to attention: the ones a preset just changed (for a few seconds), and the ones the
// active lesson step asks to move. reveal_inputs opens their tab and scrolls the first into view.
bool input_highlighted(const App& app, std::string_view name);
bool lesson_wants_input(const App& app, std::string_view name);
void reveal_inputs(App& app);

bool is_locked(const App& app, std::string_view name);
bool is_hidden(const App& app, std::string_view panel);

// The narration's view of the app (the screen and the accessible mirror use the same one).
NarrationInput narration_input(const App& app);

// [SECTION] Lessons and lab (App-level wrappers) -------------------------------------------------------------
LessonView lesson_view(const App& app);
bool start_lesson(App& app, std::string_view id);
void lesson_choose(App& app, int option);
void lesson_lock(App& app);
void lesson_next(App& app);
void lesson_back(App& app);
void lesson_reset_progress(App& app);
// The lessons for the HTML mirror (lessons.hpp lessons_json, in the UI language).
std::string lessons_json(const App& app);

// A lesson's progress record (lessons.hpp lesson_record; "" for an unknown id) and its strict restore
// ("" or the reason it was refused: nothing changes then). For SCORM suspend_data.
std::string lesson_record(const App& app, std::string_view id);
std::string lesson_restore(App& app, std::string_view record);
// Answers shown and lessons finished from number `from` on (lessons.hpp lesson_events_json).
std::string lesson_events_json(const App& app, long long from);

// Runs experiment `index` of the registry on a typical brain and on app.inputs.
void run_lab(App& app, int index);

// [SECTION] Query strings and JSON state --------------------------------------------------------------------
// Applies every setting given in `v` to the app (preset and inputs are applied by their callers, the
// lesson by start_lesson): the one place that acts on the settings table's values.
void apply_settings(App& app, const SettingValues& v);
// Applies a query string (URL parameters, a share link or the stored state). Returns the JSON report
// {"ignored":[{"name":..,"reason":..}],"resize":b,"persist":b|null,"xapi":b,"origins":[..],"lesson":..}.
std::string apply_query(App& app, std::string_view query);
// The view a share link carries (the settings the table puts in a link): hidden panels, locks, theme,
// language, text size, simple view, lesson and the compared brain.
SettingValues share_view(const App& app);
// The share link's query string for the current state.
std::string share_query(const App& app);

// JSON snapshot {time_s, sim_day, preset, paused, speed, inputs, outputs, ...}.
std::string state_json(const App& app);
// The audio monitor's events since the last call, then forgotten: {"on":b,"silence":b (a reset since
// the last call),"now":sim_s,"speed":x,"paused":b,
// "spikes":[sim_s,...],"tones":[{"t":sim_s,"kind":"cue"|"reward"}]} (web/audio.js plays them).
std::string take_audio_json(App& app);

// Exports (export.hpp export_kinds) of this app's state: the CSV kinds as {"ok":true,"name":file name,
// "text":...}; the picture kind with the caption as its text and the theme's "background" and "color"
// for the caption band; {"ok":false,"error":...} for an unknown kind or a lab export before any run.
std::string export_json(const App& app, std::string_view kind);


}  // namespace neurodrive::app
