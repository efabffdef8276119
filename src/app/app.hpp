// app.hpp - the thin app: owns the model state and the inputs, steps the model once per display
// frame, keeps history for plots, and builds the UI (panels live in panel_*.cpp). It never writes
// model state except through the model's API. No SDL, GL or Emscripten here (see main.cpp, web_bridge.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "assets.hpp"
#include "lab.hpp"
#include "lessons.hpp"
#include "neurodrive/model.hpp"
#include "neurodrive/presets.hpp"

namespace neurodrive::app {

constexpr int kHistorySamples = 900;        // 30 s at 30 samples per simulated second
constexpr double kSampleIntervalS = 1.0 / 30.0;
constexpr double kAutoTrialPeriodS = 5.0;
constexpr double kMaxFrameDtS = 0.1;        // a stalled or hidden tab never makes the model jump
constexpr int kMaxPulses = 64;

struct Ring {
    std::array<float, kHistorySamples> values{};
    int head = 0;   // next write position
    int count = 0;
    void push(float v);
    float at(int i) const;  // i = 0 oldest .. count-1 newest
    void clear() { head = count = 0; }
};

struct EventMark { double time_s = 0.0; model::Event type = model::Event::Cue; };
struct TrialPoint { int trial = 0; float cue_hz = 0.0f; float reward_hz = 0.0f; };

struct PathwayAnim {
    std::array<float, kMaxPulses> pos{};       // 0..1 along the curve
    std::array<float, kMaxPulses> strength{};  // 1 = tonic pulse, >1 = burst
    int count = 0;
    double spawn_acc = 0.0;
};

enum class PhoneTab { Controls, Drive, Signals, Learning, Lesson, Lab };

struct UiState {
    std::vector<std::string> lock;   // inputs or groups shown but disabled (URL lock=)
    std::vector<std::string> hide;   // panels hidden (URL hide=, ui=minimal)
    std::string theme = "dark";      // "dark" | "projector"
    std::string lang = "en";         // "en" | "es"
    float scale = 1.0f;              // UI text scale, 0.75 - 2.0
    bool settings_open = false;
    double announced_motivation = std::numeric_limits<double>::infinity();  // until the first announcement check
    bool shortcuts_open = false;
    bool experiments_open = false;
    bool about_open = false;
    PhoneTab phone_tab = PhoneTab::Controls;
    int plot_tab = 0;             // 0 signals, 1 learning, 2 lesson
    bool select_lesson_tab = false;  // bring the lesson tab to the front once
    int lab_choice = 0;              // experiment chosen in the lab
    float font_px = 0.0f;         // font size the atlas was built for (logical px)
    float font_dpr = 0.0f;        // device pixel ratio the atlas was built for
    bool reduced_motion = false;
};

// Where a control was drawn this frame (CSS pixels), for the browser tests and the a11y mirror.
struct WidgetRect { std::string name; float x = 0, y = 0, w = 0, h = 0; };

struct FrameStats {
    std::array<float, 600> cpu_ms{};   // whole frame: events, model, UI build, draw submission
    std::array<float, 600> ui_ms{};    // model + UI build only (no GL calls)
    int head = 0, count = 0;
    int vertices = 0;                  // vertices drawn in the last frame
    void push(float ms, float ui);
};

struct App {
    Strings strings;
    Geometry geometry;
    std::string asset_error;      // non-empty: the app shows this instead of the UI

    model::Inputs inputs;
    model::State state;
    model::Outputs out;
    model::Outputs typical;       // healthy baseline, for ghost markers and narration
    std::string preset = "baseline";

    bool paused = false;
    float speed = 1.0f;
    bool auto_trials = false;
    double next_auto_trial_s = 0.0;
    double next_sample_s = 0.0;
    double last_phasic_time_s = -1e9;
    double last_phasic_rpe = 0.0;

    Ring da_nac, da_pfc, vta_hz, rpe;
    std::vector<EventMark> events;   // last 30 s
    std::array<int, 3> event_counts{};  // cue, reward, omit fired since start (lessons check them)
    std::vector<Lesson> lessons;     // assets/lessons.json
    LessonState lesson;
    LabResult lab;                   // the virtual lab's last run
    std::vector<Reference> references;  // assets/references.json
    std::vector<TrialPoint> trials;  // last 200
    int trials_seen = 0;

    std::vector<PathwayAnim> anims;  // one per geometry pathway
    UiState ui;
    std::vector<WidgetRect> widget_rects;  // rebuilt every frame
    FrameStats stats;
    std::uint64_t frames = 0;
};

// Loads the embedded assets and starts the model at the healthy baseline. Returns false (and sets
// app.asset_error) when an asset is broken.
bool init(App& app);

// Advances the model by real_dt_s * speed (real_dt_s clamped to kMaxFrameDtS); nothing when paused.
void update(App& app, double real_dt_s);
// Advances the model by sim_dt_s of simulated time in history-sample-sized chunks (also when paused).
void advance_sim(App& app, double sim_dt_s);

// Builds the whole UI for this frame (ImGui; between NewFrame and Render).
void build_ui(App& app);

// Commands shared by the UI, the keyboard and the JS bridge.
void fire_event(App& app, model::Event e);
bool set_preset(App& app, std::string_view id);
void reset_all(App& app);
void set_input_value(App& app, std::string_view name, double value);  // value already validated

// Switches the UI language ("en" or "es"); false for an unknown one.
bool set_language(App& app, std::string_view lang);

// Applies the browser environment from app.js: "lang=es&scheme=light&motion=reduce&scale=1.25"
// (the browser's language and preferences, and the remembered text scale). Validated like the URL;
// bad values are dropped. URL parameters applied afterwards override it.
void apply_environment(App& app, std::string_view env);

// A preset's title and explanation in the UI language (assets/presets.json holds the English text;
// other languages override it with "preset.<id>.title" / ".explanation" in their string table).
const char* preset_title(const App& app, const model::Preset& p);
const char* preset_explanation(const App& app, const model::Preset& p);

// "very low" .. "very high" for a level input (1 = typical), in the UI language.
const char* level_word(const App& app, double level);

bool is_locked(const App& app, std::string_view name);
bool is_hidden(const App& app, std::string_view panel);

// Applies a query string (URL parameters, a share link or the stored state). Returns the JSON report
// {"ignored":[{"name":..,"reason":..}],"resize":b,"persist":b|null,"xapi":b,"origins":[..],"lesson":..}.
std::string apply_query(App& app, std::string_view query);
// The share link's query string for the current state.
std::string share_query(const App& app);

// JSON snapshot {time_s, sim_day, preset, paused, speed, inputs, outputs}.
std::string state_json(const App& app);
// Applies {"name": number, ...} atomically: all valid or nothing changes. Returns "" or an error.
std::string apply_inputs_json(App& app, std::string_view json);

}  // namespace neurodrive::app
