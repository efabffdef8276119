// json_read.hpp - the one JSON reader of the project (model data files, the app's messages, stored
// state and bridge calls): RapidJSON's SAX reader with every number read exactly (correctly rounded),
// UTF-8 validated, nesting limited to 16 levels, one error format. Needs RapidJSON's headers on the include path.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace neurodrive::io {

// Parses `text`: every number becomes exactly the double it names (correctly rounded), invalid
// UTF-8 and nesting deeper than 16 arrays or objects are refused; "" on success, else "<what>: JSON error at byte N: <reason>" (and a null doc).
std::string parse_json(std::string_view text, std::string_view what, rapidjson::Document* doc);

// Parses a data file that is one object holding a non-empty array under `key` ({"lessons": [...]});
// "" on success, else parse_json's error or "<key>: expected {"<key>": [...]}".
std::string parse_json_list(std::string_view text, const char* key, rapidjson::Document* doc);

}  // namespace neurodrive::io
