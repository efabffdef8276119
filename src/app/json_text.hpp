// json_text.hpp - the app's two JSON helpers: reading a data or message text into a RapidJSON document
// with one error format, and writing a string literal. No ImGui, SDL or Emscripten.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace neurodrive::app {

// Parses `text`; "" on success, else "<what>: JSON error at byte N: <reason>".
std::string parse_json(std::string_view text, std::string_view what, rapidjson::Document* doc);

// A JSON string literal for text (quotes and backslashes escaped, control characters dropped,
// newlines as spaces): the one escaper behind every JSON text the app writes.
std::string json_quote(std::string_view text);

}  // namespace neurodrive::app
