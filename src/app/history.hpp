// history.hpp - what the app remembers of the simulation for its plots and narration: 30 s rings of
// signals, event markers, per-trial responses, a trial-aligned view of VTA firing (a row per trial,
// cue at 0: the classic peri-event display of Schultz 1997), key events, and spike times for the
// audio monitor. Filled from model Outputs only. Pure C++ (no ImGui): tested natively.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <vector>

#include "narration.hpp"
#include "neurodrive/model.hpp"

namespace neurodrive::app {

constexpr int kSamplesPerS = 30;            // samples per simulated second
constexpr int kHistorySamples = 30 * kSamplesPerS;  // 30 s
constexpr double kSampleIntervalS = 1.0 / kSamplesPerS;
constexpr int kRasterBefore = 15;           // 0.5 s before the cue ...
constexpr int kRasterAfter = 75;            // ... to 2.5 s after it, one bin per sample
constexpr int kRasterBins = kRasterBefore + kRasterAfter;
constexpr int kRasterRows = 30;             // trials kept in the trial-aligned view
// Events a host may send while time is paused (when nothing trims by age): the newest are kept, so
// memory and the per-frame loops over them stay bounded.
constexpr std::size_t kMaxEventMarks = 256;
constexpr std::size_t kMaxTones = 64;       // cue and reward tones waiting for the audio monitor

struct Ring {
    std::array<float, kHistorySamples> values{};
    int head = 0;   // next write position
    int count = 0;
    void push(float v);
    float at(int i) const;  // i = 0 oldest .. count-1 newest
    void clear() { head = count = 0; }
};

struct EventMark { double time_s = 0.0; model::Event type = model::Event::Cue; };
struct TrialPoint {
    int trial = 0;
    double end_time_s = 0.0;       // simulated time the trial ended
    float cue_hz = 0.0f;           // VTA response to the cue (change from tonic, Hz)
    float reward_hz = 0.0f;        // VTA response at reward time (change from tonic, Hz)
    float peak_da_nac_nM = 0.0f;   // highest accumbens dopamine during the trial
};

// Every output, 10 times per simulated second, for the signal export (columns of `run --csv`).
constexpr int kRecordPerS = 10;
constexpr int kRecordRows = 60 * kRecordPerS;  // the last 60 simulated seconds
struct RecordedRow { double time_s = 0.0; model::Outputs out; };

struct TrialRow {
    int trial = 0;                              // 1-based trial number
    std::array<float, kRasterBins> rate_hz{};   // VTA firing, bin k at (k - kRasterBefore) / 30 s from the cue
    int filled = 0;                             // bins written so far
    bool omitted = false;                       // the reward was withheld
};

struct AudioEvents {
    std::vector<double> spikes_s;   // VTA spike times (simulated s) not yet played
    std::vector<EventMark> tones;   // cue and reward tones not yet played
    bool silence = false;           // history was cleared (a reset): stop what is already scheduled
};

// The audio monitor's clock as the page needs it to schedule the events.
struct AudioClock {
    bool on = false;       // the sound is switched on
    double now_s = 0.0;    // simulated time now
    double speed = 1.0;
    bool paused = false;
};
// {"on":b,"silence":b (a reset since the last call),"now":sim_s,"speed":x,"paused":b,
//  "spikes":[sim_s,...],"tones":[{"t":sim_s,"kind":"cue"|"reward"}]} (web/audio.js plays them).
std::string audio_json(const AudioEvents& a, const AudioClock& clock);

struct History {
    Ring da_nac, da_pfc, vta_hz, rpe;
    std::vector<EventMark> events;   // the last 30 s
    std::vector<TrialPoint> trials;  // the last 200 trials
    std::deque<RecordedRow> recorded;  // every output at kRecordPerS for the last kRecordRows rows
    float trial_peak_da_nM = 0.0f;     // the trial in progress: highest accumbens dopamine so far
    std::vector<TrialRow> raster;    // the last kRasterRows trials, oldest first
    std::array<int, 3> event_counts{};  // cue, reward, omit fired since the start
    int trials_seen = 0;
    long samples = 0;                // samples taken since the last clear
    double next_sample_s = 0.0;
    bool trial_omitted = false;      // the trial in progress had its reward withheld
    KeyEvent key_event = KeyEvent::None;
    double key_event_time_s = -1e9;
    // Plot axes: they grow at once and shrink only when everything in view fits in 40% of them,
    // so they never jump back and forth (nice round values).
    float axis_dopamine = 20.0f, axis_firing = 10.0f, axis_rpe = 1.0f, axis_learning = 10.0f;
    AudioEvents audio;
    std::uint64_t spike_rng = 0x2545F4914F6CDD1Dull;
};

// The smallest of 1, 2, 2.5, 5 x 10^n at or above v (plot axes).
float nice_ceiling(float v);

// Empties the history; the next sample is taken at `now_s`.
void history_clear(History& h, double now_s);
// Records a user event (markers, counts, audio tones, key events that follow at once).
void history_event(History& h, model::Event e, const model::Outputs& after, double now_s, double burst_gain_hz);
// Takes one sample of the readouts at simulated time now_s (every kSampleIntervalS); dt_s is the
// time since the previous sample (for the audio monitor's spikes).
void history_sample(History& h, const model::Outputs& o, double now_s, double dt_s, double burst_gain_hz);

}  // namespace neurodrive::app
