// json_text.hpp - the app's one JSON reader and one JSON writer path: reading a data or message text
// into a RapidJSON document (the model's exact reader, neurodrive/json_read.hpp), and writing
// with RapidJSON's Writer (exact doubles, proper escaping). No ImGui, SDL or Emscripten.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "neurodrive/io/json_read.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace neurodrive::app {

// The project's one reader (neurodrive/json_read.hpp): exact numbers, UTF-8 validated.
using io::parse_json;
using io::parse_json_list;

// A member name or string value with its full length (a NUL inside stays inside).
inline std::string_view json_view(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

// The writer every JSON text of the app goes through.
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;
void json_put(JsonWriter& w, std::string_view text);          // a string (escaped by RapidJSON)
void json_put_num(JsonWriter& w, double v);                   // exact double; null when not finite
void json_key(JsonWriter& w, std::string_view key);

// {"<name>":value,...}: the fields of a registry (model::input_specs, output_specs: each spec's name and
// field) read from `values`, in the registry's order.
template <class Spec, class Values>
void json_put_fields(JsonWriter& w, const Spec* specs, int n, const Values& values) {
    w.StartObject();
    for (int i = 0; i < n; ++i) { json_key(w, specs[i].name); json_put_num(w, values.*(specs[i].field)); }
    w.EndObject();
}

// [{"value":..,"label":..}, ...]: a menu's choices.
void write_choices(JsonWriter& w, const std::vector<std::pair<std::string, std::string>>& choices);

// The answer of a command: {"ok":true} when `error` is empty, else {"ok":false,"error":error}.
std::string json_result(std::string_view error);
// A successful answer that carries one string: {"ok":true,"<key>":value}.
std::string json_ok_with(std::string_view key, std::string_view value);

// A JSON string literal for text (RapidJSON escaping: quotes, backslashes, control characters).
std::string json_quote(std::string_view text);

}  // namespace neurodrive::app
