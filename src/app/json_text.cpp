// json_text.cpp - see json_text.hpp.
#include "json_text.hpp"

#include <cmath>

namespace neurodrive::app {

void json_put(JsonWriter& w, std::string_view text) { w.String(text.data(), static_cast<rapidjson::SizeType>(text.size())); }

void json_put_num(JsonWriter& w, double v) {
    if (std::isfinite(v)) w.Double(v);
    else w.Null();
}

void json_key(JsonWriter& w, std::string_view key) { w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size())); }

void write_choices(JsonWriter& w, const std::vector<std::pair<std::string, std::string>>& choices) {
    w.StartArray();
    for (const auto& [value, label] : choices) {
        w.StartObject();
        json_key(w, "value"); json_put(w, value);
        json_key(w, "label"); json_put(w, label);
        w.EndObject();
    }
    w.EndArray();
}

std::string json_result(std::string_view error) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "ok");
    w.Bool(error.empty());
    if (!error.empty()) { json_key(w, "error"); json_put(w, error); }
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

std::string json_ok_with(std::string_view key, std::string_view value) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "ok"); w.Bool(true);
    json_key(w, key); json_put(w, value);
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

std::string json_quote(std::string_view text) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    json_put(w, text);
    return {buf.GetString(), buf.GetSize()};
}

}  // namespace neurodrive::app
