// a11y.cpp - see a11y.hpp.
#include "a11y.hpp"

#include <cmath>
#include <cstdio>

#include "json_text.hpp"
#include "narration.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/presets.hpp"

namespace neurodrive::app {
namespace {

std::vector<std::string> narration(const App& app) {
    return narrate(app.strings, narration_input(app));
}

}  // namespace

std::string mirror_json(const App& app) {
    std::string s = "{\"title\":" + json_quote(app.strings.get("a11y.controls")) + ",\"inputs\":[";
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    char buf[256];
    for (int i = 0; i < n; ++i) {
        const std::string name(specs[i].name);
        const bool level = specs[i].kind == model::InputKind::Level;
        const double v = app.inputs.*(specs[i].field);
        const std::string label = app.strings.get("input." + name);
        if (level) std::snprintf(buf, sizeof buf, app.strings.get("a11y.value"), label.c_str(), v * 100.0, level_word(app, v));
        else std::snprintf(buf, sizeof buf, app.strings.get("a11y.manip_value"), label.c_str(), v * 100.0);
        const bool locked = is_locked(app, name) || (!level && is_locked(app, "experiments"));
        char num[64];
        std::snprintf(num, sizeof num, "%.17g", v);
        s += (i ? ",{" : "{") + std::string("\"name\":") + json_quote(name) + ",\"label\":" + json_quote(label)
             + ",\"group\":" + json_quote(level ? "level" : "manipulation") + ",\"value\":" + num
             + ",\"min\":" + (level ? "0" : "0") + ",\"max\":" + (level ? "2" : "1") + ",\"valuetext\":" + json_quote(buf)
             + ",\"locked\":" + (locked ? "true" : "false") + "}";
    }
    s += "],\"events\":[";
    const char* events[] = {"cue", "reward", "omit"};
    for (int i = 0; i < 3; ++i)
        s += (i ? ",{" : "{") + std::string("\"name\":") + json_quote(events[i]) + ",\"label\":" + json_quote(app.strings.get(std::string("event.") + events[i])) + "}";
    s += "],\"presets\":[";
    bool first = true;
    for (const auto& p : model::builtin_presets().presets) {
        s += (first ? "{" : ",{") + std::string("\"id\":") + json_quote(p.id) + ",\"title\":" + json_quote(preset_title(app, p)) + "}";
        first = false;
    }
    std::snprintf(buf, sizeof buf, app.strings.get("a11y.summary"), app.out.motivation, app.out.da_nac_nM, app.out.da_pfc_nM, app.out.vta_rate_hz);
    s += "],\"preset\":" + json_quote(app.preset) + ",\"paused\":" + (app.paused ? "true" : "false") + ",\"summary\":" + json_quote(buf);
    s += ",\"narration\":[";
    const auto sentences = narration(app);
    for (std::size_t i = 0; i < sentences.size(); ++i) s += (i ? "," : "") + json_quote(sentences[i]);
    s += "],\"labels\":{\"events\":" + json_quote(app.strings.get("a11y.events")) + ",\"presets\":" + json_quote(app.strings.get("a11y.presets"))
         + ",\"play\":" + json_quote(app.strings.get("time.play")) + ",\"pause\":" + json_quote(app.strings.get("time.pause"))
         + ",\"reset\":" + json_quote(app.strings.get("reset.all")) + ",\"custom\":" + json_quote(app.strings.get("preset.custom"));
    for (const char* key : {"page.copy_link", "page.copy_link.tip", "page.fullscreen", "page.link_copied", "page.copy_this_link",
                            "page.fullscreen_denied", "page.ignored", "page.stored_damaged"})
        s += ",\"" + std::string(key) + "\":" + json_quote(app.strings.get(key));
    s += "},\"lang\":" + json_quote(app.ui.lang) + "}";
    return s;
}

std::string take_announcement(App& app) {
    const double now = app.out.motivation;
    if (!std::isfinite(app.ui.announced_motivation)) { app.ui.announced_motivation = now; return {}; }
    const double before = app.ui.announced_motivation;
    if (std::abs(now - before) < 5.0) return {};
    app.ui.announced_motivation = now;
    char buf[160];
    std::snprintf(buf, sizeof buf, app.strings.get(now > before ? "a11y.announce.up" : "a11y.announce.down"), before, now);
    std::string text = buf;
    const auto sentences = narration(app);
    if (sentences.size() > 1) text += " " + sentences[1];
    return text;
}

}  // namespace neurodrive::app
