// describe.cpp - see describe.hpp.
#include "describe.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "narration.hpp"

namespace neurodrive::app {
namespace {

// How a value compares with the typical brain, in words (the scale of every level word: level_step).
const char* compared(const App& app, double value, double typical) {
    const char* words[] = {"scene.level.far_below", "scene.level.below", "scene.level.typical", "scene.level.above", "scene.level.far_above"};
    return app.strings.get(words[level_step(typical > 0.0 ? value / typical : 1.0)]);
}

}  // namespace

std::string describe_scene(const App& app) {
    const model::Outputs& o = app.brain.out;
    const model::Outputs& t = app.typical;
    std::string s;
    auto add = [&](const std::string& sentence) { s += (s.empty() ? "" : " ") + sentence; };
    const char* vta_state = o.rpe > 0.2 ? app.strings.get("scene.vta.bursting") : o.rpe < -0.2 ? app.strings.get("scene.vta.pausing")
                                                                                              : compared(app, o.vta_rate_hz, t.vta_rate_hz);
    add(app.strings.format("scene.vta", o.vta_rate_hz, t.vta_rate_hz, vta_state));
    add(app.strings.format("scene.mesolimbic", o.da_nac_nM, t.da_nac_nM, compared(app, o.da_nac_nM, t.da_nac_nM)));
    add(app.strings.format("scene.mesocortical", o.da_pfc_nM, t.da_pfc_nM, compared(app, o.da_pfc_nM, t.da_pfc_nM)));
    add(app.strings.format("scene.lc", o.lc_rate_hz, 100.0 * o.ne_level, compared(app, o.ne_level, t.ne_level)));
    add(app.strings.format("scene.raphe", o.raphe_rate_hz, 100.0 * o.serotonin_level, compared(app, o.serotonin_level, t.serotonin_level)));
    char buf[512];
    format_into(buf, app.strings.number, app.strings.get("scene.hormones"), 100.0 * o.thyroid_level, 100.0 * o.cortisol_level, 100.0 * o.estradiol_level,
                  100.0 * o.testosterone_level);
    add(buf);
    if (o.activation < 0.5 * t.activation) {
        format_into(buf, app.strings.number, app.strings.get("scene.catalepsy"), 100.0 * o.activation / t.activation);
        add(buf);
    }
    if (o.stereotypy > 0.2) {
        format_into(buf, app.strings.number, app.strings.get("scene.stereotypy"), 100.0 * o.stereotypy);
        add(buf);
    }
    // Drive and the part that moved most: the narration's headline says exactly that. In compare mode,
    // the second brain's pathways, then how drive differs between the two.
    const NarrationInput in = narration_input(app);
    if (app.compare.has_value()) {
        const model::Outputs& b = app.compare->out;
        format_into(buf, app.strings.number, app.strings.get("scene.compare"), in.title_b.c_str(), b.vta_rate_hz, b.da_nac_nM, b.da_pfc_nM);
        add(buf);
        for (const std::string& line : narrate_difference(app.strings, in)) add(line);
    } else {
        add(narrate_headline(app.strings, in));
    }
    // What to try next.
    const char* next = nullptr;
    std::string lesson_do;
    if (app.lesson.lesson >= 0 && app.lesson.phase != LessonPhase::Result) {
        lesson_do = app.strings.get(lesson_key(app.lesson, app.lessons, app.lesson.phase == LessonPhase::Predict ? "question" : "do"));
        next = lesson_do.c_str();
    } else if (o.trials < 1.0) {
        next = app.strings.get("scene.next.cue");
    } else if (app.brain.preset == "baseline") {
        next = app.strings.get("scene.next.thyroid");
    } else {
        next = app.strings.get("scene.next.reset");
    }
    format_into(buf, app.strings.number, app.strings.get("scene.next"), next);
    add(buf);
    return s;
}

std::string take_key_event_announcement(App& app) {
    const History& h = app.brain.history;
    if (h.key_event == KeyEvent::None || h.key_event_time_s <= app.ui.announced_key_event_s) return {};
    if (h.key_event_time_s - app.ui.announced_key_event_s < kMinAnnounceGapS) return {};
    app.ui.announced_key_event_s = h.key_event_time_s;
    return app.strings.get(std::string("announce.") + key_event_name(h.key_event));
}

}  // namespace neurodrive::app
