// texts.cpp - see texts.hpp.
#include "texts.hpp"

namespace neurodrive::app {

const char* tr_or(const Strings& strings, const std::string& key, std::string_view english) {
    const auto it = strings.table.find(key);
    if (it != strings.table.end()) return it->second.c_str();
    return english.data();  // registry texts are string literals (null-terminated)
}

const char* preset_title(const Strings& strings, const io::Preset& p) { return tr_or(strings, "preset." + p.id + ".title", p.title); }

std::string setting_value_label(const Strings& strings, const SettingSpec& spec, std::string_view value) {
    if (spec.name == "lang")
        for (const Language& l : languages())
            if (l.code == value) return l.name;
    return strings.get(std::string(spec.label_key) + "." + std::string(value));
}

std::vector<std::pair<std::string, std::string>> setting_choices(const Strings& strings, const SettingSpec& spec) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& v : spec.values()) out.emplace_back(v, setting_value_label(strings, spec, v));
    return out;
}

std::string text_in_language(std::string_view lang, std::string_view key) {
    Strings strings;
    if (!load_strings(lang, &strings).empty()) return std::string(key);
    return strings.get(key);
}

}  // namespace neurodrive::app
