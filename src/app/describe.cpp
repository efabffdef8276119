// describe.cpp - see describe.hpp.
#include "describe.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "narration.hpp"

namespace neurodrive::app {
namespace {

// How a value compares with the typical brain, in words (the scale of every level word: level_step).
const char* compared(const Strings& strings, double value, double typical) {
    const char* words[] = {"scene.level.far_below", "scene.level.below", "scene.level.typical", "scene.level.above", "scene.level.far_above"};
    return strings.get(words[level_step(typical > 0.0 ? value / typical : 1.0)]);
}

}  // namespace

std::string describe_scene(const SceneView& v) {
    const Strings& strings = v.strings;
    const NarrationInput& in = v.brains;
    const model::Outputs& o = *in.out;
    const model::Outputs& t = *in.typical;
    std::string s;
    auto add = [&](const std::string& sentence) { s += (s.empty() ? "" : " ") + sentence; };
    const char* vta_state = o.rpe > 0.2 ? strings.get("scene.vta.bursting") : o.rpe < -0.2 ? strings.get("scene.vta.pausing")
                                                                                           : compared(strings, o.vta_rate_hz, t.vta_rate_hz);
    add(strings.format("scene.vta", o.vta_rate_hz, t.vta_rate_hz, vta_state));
    add(strings.format("scene.mesolimbic", o.da_nac_nM, t.da_nac_nM, compared(strings, o.da_nac_nM, t.da_nac_nM)));
    add(strings.format("scene.mesocortical", o.da_pfc_nM, t.da_pfc_nM, compared(strings, o.da_pfc_nM, t.da_pfc_nM)));
    add(strings.format("scene.lc", o.lc_rate_hz, 100.0 * o.ne_level, compared(strings, o.ne_level, t.ne_level)));
    add(strings.format("scene.raphe", o.raphe_rate_hz, 100.0 * o.serotonin_level, compared(strings, o.serotonin_level, t.serotonin_level)));
    char buf[512];
    format_into(buf, strings.number, strings.get("scene.hormones"), 100.0 * o.thyroid_level, 100.0 * o.cortisol_level, 100.0 * o.estradiol_level,
                  100.0 * o.testosterone_level);
    add(buf);
    if (o.activation < 0.5 * t.activation) {
        format_into(buf, strings.number, strings.get("scene.catalepsy"), 100.0 * o.activation / t.activation);
        add(buf);
    }
    if (o.stereotypy > 0.2) {
        format_into(buf, strings.number, strings.get("scene.stereotypy"), 100.0 * o.stereotypy);
        add(buf);
    }
    // Drive and the part that moved most: the narration's headline says exactly that. In compare mode,
    // the second brain's pathways, then how drive differs between the two.
    if (in.compare_out) {
        const model::Outputs& b = *in.compare_out;
        format_into(buf, strings.number, strings.get("scene.compare"), in.title_b.c_str(), b.vta_rate_hz, b.da_nac_nM, b.da_pfc_nM);
        add(buf);
        for (const std::string& line : narrate_difference(strings, in)) add(line);
    } else {
        add(narrate_headline(strings, in));
    }
    // What to try next.
    const char* next = nullptr;
    std::string lesson_do;
    if (v.lesson.lesson >= 0 && v.lesson.phase != LessonPhase::Result) {
        lesson_do = strings.get(lesson_key(v.lesson, v.lessons, v.lesson.phase == LessonPhase::Predict ? "question" : "do"));
        next = lesson_do.c_str();
    } else if (o.trials < 1.0) {
        next = strings.get("scene.next.cue");
    } else if (v.preset == "baseline") {
        next = strings.get("scene.next.thyroid");
    } else {
        next = strings.get("scene.next.reset");
    }
    format_into(buf, strings.number, strings.get("scene.next"), next);
    add(buf);
    return s;
}

std::string take_key_event_announcement(Announced& announced, const History& history, const Strings& strings) {
    if (history.key_event == KeyEvent::None || history.key_event_time_s <= announced.key_event_s) return {};
    if (history.key_event_time_s - announced.key_event_s < kMinAnnounceGapS) return {};
    announced.key_event_s = history.key_event_time_s;
    return strings.get(std::string("announce.") + key_event_name(history.key_event));
}

}  // namespace neurodrive::app
