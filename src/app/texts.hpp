// texts.hpp - the UI's texts from a strings table, for the modules that read no App (the accessible
// mirror, the scenario builder): a registry text in the UI language, a preset's title, a setting's
// value labels and choices, one text in another language. app.hpp keeps App-taking forms that call these.
// Pure C++17: no ImGui, SDL, Emscripten or App.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assets.hpp"
#include "settings.hpp"
#include "neurodrive/io/presets.hpp"

namespace neurodrive::app {

// A registry text (English, in code) in the UI language: the strings table's key when present.
const char* tr_or(const Strings& strings, const std::string& key, std::string_view english);
// A preset's title in the UI language (assets/presets.json holds the English; a language overrides it
// with "preset.<id>.title").
const char* preset_title(const Strings& strings, const io::Preset& p);
// A setting's value as the menus name it: a language by its own name, any other by the strings key
// "<label_key>.<value>" (settings.theme.dark).
std::string setting_value_label(const Strings& strings, const SettingSpec& spec, std::string_view value);
// Every allowed value of a Choice setting with its label, for the page's menus.
std::vector<std::pair<std::string, std::string>> setting_choices(const Strings& strings, const SettingSpec& spec);
// One text in a language other than the UI's (the key itself when missing, or when that language's
// strings are not here: the page fetches a language only when it is chosen).
std::string text_in_language(std::string_view lang, std::string_view key);

}  // namespace neurodrive::app
