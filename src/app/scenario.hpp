// scenario.hpp - the teachers' scenario builder (web/js/share.js draws its dialog): what it offers, with
// labels in the UI language, and the link it builds from the current state (preset and inputs) plus
// a chosen view (locks, hidden panels, lesson, language, theme, text size, simple view).
// No ImGui, SDL or Emscripten: unit-tested natively (tests/app/test_scenario.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assets.hpp"
#include "lessons.hpp"
#include "neurodrive/model.hpp"
#include "settings.hpp"

namespace neurodrive::app {

// What the builder reads, not the App: built in one place (app.cpp scenario_view).
struct ScenarioView {
    const Strings& strings;              // labels in the UI language
    const std::vector<Lesson>& lessons;  // the lessons a link may open
    SettingValues shared;                // the view a share link carries now (share_view): the dialog starts from it
    const model::Inputs& inputs;         // the user's brain, which the link carries ...
    std::string_view preset;             // ... with its preset
};
struct App;
ScenarioView scenario_view(const App& app);

// {"inputs":[{name,label,group}],"input_groups":[{name,label}],"groups":[{name,label}],"panels":[{name,label}],
//  "themes":[{name,label}],"languages":[{name,label}],"lessons":[{id,title}],"scales":[..],
//  "embed_titles":{<lang>:..},"current":{lock,hide,lesson,lang,theme,scale,minimal},"labels":{builder.*, ...}}
std::string builder_json(const ScenarioView& now);

// options: a JSON object of the settings the table marks kBuilder: lock: [input or group names], hide:
// [panel names], lesson: id or "", lang, theme, scale, and minimal: true | false (ui=minimal). An
// option left out keeps the current view's value (so {} gives the share link). Unknown options, names
// and values are refused whole with an error naming them; on success *query is the link's query and
// the result is "".
std::string scenario_query(const ScenarioView& now, std::string_view options_json, std::string* query);

}  // namespace neurodrive::app
