// history.cpp - see history.hpp.
#include "history.hpp"

#include <algorithm>
#include <cmath>

#include "json_text.hpp"
#include "neurodrive/rng.hpp"

namespace neurodrive::app {

void Ring::push(float v) {
    values[static_cast<std::size_t>(head)] = v;
    head = (head + 1) % kHistorySamples;
    count = std::min(count + 1, kHistorySamples);
}

float Ring::at(int i) const {
    const int start = (head - count + kHistorySamples) % kHistorySamples;
    return values[static_cast<std::size_t>((start + i) % kHistorySamples)];
}

float nice_ceiling(float v) {
    if (v <= 0.0f) return 1.0f;
    const float p = std::pow(10.0f, std::floor(std::log10(v)));
    for (float m : {1.0f, 2.0f, 2.5f, 5.0f, 10.0f}) if (v <= m * p) return m * p;
    return 10.0f * p;
}

namespace {
void stable_axis(float* axis, float data_max, float floor) {
    const float wanted = nice_ceiling(std::max(data_max, floor));
    if (wanted > *axis || data_max < 0.4f * *axis) *axis = wanted;
}

float ring_max(const Ring& r, bool absolute) {
    float m = 0.0f;
    for (int i = 0; i < r.count; ++i) m = std::max(m, absolute ? std::abs(r.at(i)) : r.at(i));
    return m;
}

void update_axes(History& h) {
    stable_axis(&h.axis_dopamine, std::max(ring_max(h.da_nac, false), ring_max(h.da_pfc, false)), 20.0f);
    stable_axis(&h.axis_firing, ring_max(h.vta_hz, false), 10.0f);
    stable_axis(&h.axis_rpe, ring_max(h.rpe, true), 1.0f);
    float trials = 0.0f;
    const std::size_t first = h.trials.size() > 60 ? h.trials.size() - 60 : 0;
    for (std::size_t i = first; i < h.trials.size(); ++i) trials = std::max({trials, std::abs(h.trials[i].cue_hz), std::abs(h.trials[i].reward_hz)});
    stable_axis(&h.axis_learning, trials, 10.0f);
}
}  // namespace

void history_clear(History& h, double now_s) {
    const std::array<int, 3> counts = h.event_counts;  // lessons count events across resets
    const std::uint64_t rng = h.spike_rng;
    h = History{};
    h.event_counts = counts;
    h.spike_rng = rng;
    h.next_sample_s = now_s;
    h.audio.silence = true;
}

namespace {
void set_key_event(History& h, KeyEvent e, double now_s) {
    h.key_event = e;
    h.key_event_time_s = now_s;
}
}  // namespace

void history_event(History& h, model::Event e, const model::Outputs& after, double now_s, double burst_gain_hz) {
    h.events.push_back({now_s, e});
    h.event_counts[static_cast<std::size_t>(e)] += 1;
    if (e != model::Event::Omit) h.audio.tones.push_back({now_s, e});
    // Only running time trims events by age: while paused, a host could send them without end.
    if (h.events.size() > kMaxEventMarks) h.events.erase(h.events.begin(), h.events.end() - static_cast<std::ptrdiff_t>(kMaxEventMarks));
    if (h.audio.tones.size() > kMaxTones) h.audio.tones.erase(h.audio.tones.begin(), h.audio.tones.end() - static_cast<std::ptrdiff_t>(kMaxTones));
    if (e == model::Event::Cue) {
        TrialRow row;
        row.trial = static_cast<int>(after.trials) + 1;
        // The half second before the cue comes from the firing history.
        for (int k = 0; k < kRasterBefore; ++k) {
            const int i = h.vta_hz.count - kRasterBefore + k;
            row.rate_hz[static_cast<std::size_t>(k)] = i >= 0 ? h.vta_hz.at(i) : static_cast<float>(after.vta_rate_hz);
        }
        row.filled = kRasterBefore;
        h.raster.push_back(row);
        if (h.raster.size() > static_cast<std::size_t>(kRasterRows)) h.raster.erase(h.raster.begin());
        h.trial_omitted = false;
        // At the cue the prediction error is gamma V(0): how much the cue has come to predict.
        const double cue_hz = after.rpe * burst_gain_hz;
        if (cue_hz >= 10.0) set_key_event(h, KeyEvent::CuePredicts, now_s);
        else if (cue_hz >= 3.0) set_key_event(h, KeyEvent::CueLearning, now_s);
    } else if (e == model::Event::Omit) {
        h.trial_omitted = true;
        if (!h.raster.empty()) h.raster.back().omitted = true;
    } else if (after.trial_time_s < 0.0) {
        set_key_event(h, KeyEvent::Surprise, now_s);  // a reward out of the blue
    }
}

void history_sample(History& h, const model::Outputs& o, double now_s, double dt_s, double burst_gain_hz) {
    h.da_nac.push(static_cast<float>(o.da_nac_nM));
    h.da_pfc.push(static_cast<float>(o.da_pfc_nM));
    h.vta_hz.push(static_cast<float>(o.vta_rate_hz));
    h.rpe.push(static_cast<float>(o.rpe));
    h.trial_peak_da_nM = std::max(h.trial_peak_da_nM, static_cast<float>(o.da_nac_nM));
    if (h.samples % (kSamplesPerS / kRecordPerS) == 0) {
        h.recorded.push_back({now_s, o});
        if (h.recorded.size() > static_cast<std::size_t>(kRecordRows)) h.recorded.pop_front();
    }
    // Audio monitor: Poisson spikes at the current rate (like the loudspeaker on a recording rig).
    const double expected = std::max(0.0, o.vta_rate_hz) * std::max(0.0, dt_s);
    double p = std::exp(-expected), cdf = p;
    const double u = model::uniform01(h.spike_rng);
    int n = 0;
    while (u > cdf && n < 50) { ++n; p *= expected / n; cdf += p; }
    for (int i = 0; i < n; ++i) h.audio.spikes_s.push_back(now_s - dt_s * model::uniform01(h.spike_rng));
    if (h.audio.spikes_s.size() > 2000) h.audio.spikes_s.erase(h.audio.spikes_s.begin(), h.audio.spikes_s.end() - 2000);
    // Trial-aligned view: the open row fills until 2.5 s after its cue.
    if (!h.raster.empty() && h.raster.back().filled < kRasterBins) {
        TrialRow& row = h.raster.back();
        row.rate_hz[static_cast<std::size_t>(row.filled++)] = static_cast<float>(o.vta_rate_hz);
    }
    // A trial ended: record its responses and name what happened at reward time.
    const int trials = static_cast<int>(o.trials);
    if (trials != h.trials_seen) {
        h.trials_seen = trials;
        h.trials.push_back({trials, now_s, static_cast<float>(o.last_cue_response_hz), static_cast<float>(o.last_reward_response_hz),
                            std::max(h.trial_peak_da_nM, static_cast<float>(o.da_nac_nM))});
        h.trial_peak_da_nM = 0.0f;
        if (h.trials.size() > 200) h.trials.erase(h.trials.begin());
        const double delta = o.last_reward_response_hz / burst_gain_hz;
        if (h.trial_omitted) set_key_event(h, delta < -0.15 ? KeyEvent::Dip : KeyEvent::NoExpectation, now_s);
        else if (delta > 0.35) set_key_event(h, KeyEvent::Surprise, now_s);
        else if (o.reward_expected > 0.5) set_key_event(h, KeyEvent::Predicted, now_s);
        h.trial_omitted = false;
    }
    if (++h.samples % 15 == 0) update_axes(h);  // twice a simulated second is often enough
    const double horizon = now_s - kHistorySamples * kSampleIntervalS;
    h.events.erase(std::remove_if(h.events.begin(), h.events.end(), [&](const EventMark& e) { return e.time_s < horizon; }), h.events.end());
}

std::string audio_json(const AudioEvents& a, const AudioClock& clock) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "on"); w.Bool(clock.on);
    json_key(w, "silence"); w.Bool(a.silence);
    json_key(w, "now"); json_put_num(w, clock.now_s);
    json_key(w, "speed"); json_put_num(w, clock.speed);
    json_key(w, "paused"); w.Bool(clock.paused);
    json_key(w, "spikes");
    w.StartArray();
    for (double t : a.spikes_s) json_put_num(w, t);
    w.EndArray();
    json_key(w, "tones");
    w.StartArray();
    for (const EventMark& e : a.tones) {
        w.StartObject();
        json_key(w, "t"); json_put_num(w, e.time_s);
        json_key(w, "kind"); json_put(w, e.type == model::Event::Cue ? "cue" : "reward");
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buf.GetString();
}

}  // namespace neurodrive::app
