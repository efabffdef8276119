// strings_check.hpp - the check a translator runs (make check-strings, also run by make test and the
// app tests): a language's strings file against English - keys missing or extra, texts left in English,
// values ({1, plural, ...}, %s, %.1f) missing, added or of another kind, plurals without the language's
// categories, and texts longer than their place allows (en.json's "@@room"). The English of registry
// entries (presets, experiments, findings, reference topics) lives in code and data, not in en.json.
// No ImGui, SDL or Emscripten.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace neurodrive::app {

// The English of every registry text a translation carries: "preset.<id>.title", ".explanation",
// "experiment.<id>.title", ".finding", ".unit", ".x", ".y", ".y2", ".bar<N>", "finding.<id>",
// "reference.topic.<cite>".
std::map<std::string, std::string> registry_english();

struct StringsProblem {
    std::string kind;    // "missing", "extra", "untranslated", "values", "plural", "too long", "file"
    std::string key;
    std::string detail;  // what is wrong, in words
};

// Checks one language's strings file (its JSON text) against English (en.json's text, with its
// "@@room" widths and "@@not_translated" keys: citations and names that stay as they are). A language
// lists its words that are rightly the same as English in its "@@same_as_english" (keys; "*" matches
// any run of characters).
std::vector<StringsProblem> check_strings(std::string_view lang, std::string_view english_json, std::string_view json);

// How wide a text is for the "@@room" limits: characters, an East Asian wide one counting two, each
// value (%s, %.1f) four; in a plural, its widest form.
std::size_t text_width(std::string_view text);

}  // namespace neurodrive::app
