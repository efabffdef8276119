// json_text.hpp - the app's one JSON reader and one JSON writer path: reading a data or message text
// into a RapidJSON document (full double precision, UTF-8 validated, one error format), and writing
// with RapidJSON's Writer (exact doubles, proper escaping). No ImGui, SDL or Emscripten.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>

namespace neurodrive::app {

// Parses `text`: every number becomes exactly the double it names (correctly rounded), invalid
// UTF-8 is refused; "" on success, else "<what>: JSON error at byte N: <reason>" (and a null doc).
std::string parse_json(std::string_view text, std::string_view what, rapidjson::Document* doc);

// A member name or string value with its full length (a NUL inside stays inside).
inline std::string_view json_view(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

// The writer every JSON text of the app goes through.
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;
void json_put(JsonWriter& w, std::string_view text);          // a string (escaped by RapidJSON)
void json_put_num(JsonWriter& w, double v);                   // exact double; null when not finite
void json_key(JsonWriter& w, std::string_view key);

// A JSON string literal for text (RapidJSON escaping: quotes, backslashes, control characters).
std::string json_quote(std::string_view text);

}  // namespace neurodrive::app
