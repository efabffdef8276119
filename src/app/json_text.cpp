// json_text.cpp - see json_text.hpp.
#include "json_text.hpp"

#include <rapidjson/error/en.h>

namespace neurodrive::app {

std::string parse_json(std::string_view text, std::string_view what, rapidjson::Document* doc) {
    doc->Parse(text.data(), text.size());
    if (!doc->HasParseError()) return {};
    return std::string(what) + ": JSON error at byte " + std::to_string(doc->GetErrorOffset()) + ": " + rapidjson::GetParseError_En(doc->GetParseError());
}

std::string json_quote(std::string_view text) {
    std::string o = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') { o += '\\'; o += c; }
        else if (c == '\n') o += ' ';
        else if (static_cast<unsigned char>(c) >= 0x20) o += c;
    }
    return o + "\"";
}

}  // namespace neurodrive::app
