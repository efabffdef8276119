// messages.cpp - see messages.hpp.
#include "messages.hpp"

#include "json_text.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <cstdio>

#include "neurodrive/names.hpp"
#include "neurodrive/presets.hpp"

namespace neurodrive::app {
namespace {

constexpr std::size_t kMaxMessage = 16384;

std::string with_id(std::string body, const std::string& id_json) {
    if (!id_json.empty()) body.insert(body.size() - 1, ",\"id\":" + id_json);
    return body;
}

std::string error(std::string_view msg, const std::string& id_json = {}) {
    return with_id("{\"type\":\"neurodrive:error\",\"error\":" + json_quote(msg) + "}", id_json);
}

std::string ack(std::string_view of, const std::string& err, const std::string& id_json) {
    std::string body = "{\"type\":\"neurodrive:ack\",\"of\":" + json_quote(of) + ",\"ok\":" + (err.empty() ? "true" : "false");
    if (!err.empty()) body += ",\"error\":" + json_quote(err);
    return with_id(body + "}", id_json);
}

}  // namespace

std::string state_message(const App& app) {
    std::string s = state_json(app);  // {"time_s":...}
    return "{\"type\":\"neurodrive:state\"," + s.substr(1);
}

MessageReply handle_message(App& app, std::string_view json) {
    MessageReply r;
    if (json.size() > kMaxMessage) { r.json = error("message larger than 16 KB"); return r; }
    rapidjson::Document d;
    d.Parse(json.data(), json.size());
    if (d.HasParseError() || !d.IsObject()) { r.json = error("a message must be an object {type: \"neurodrive:...\"}"); return r; }
    std::string id_json;
    if (d.HasMember("id")) {
        const auto& id = d["id"];
        if (id.IsString() && id.GetStringLength() <= 64) id_json = json_quote(std::string_view(id.GetString(), id.GetStringLength()));
        else if (id.IsNumber() && std::isfinite(id.GetDouble())) { char b[32]; std::snprintf(b, sizeof b, "%.17g", id.GetDouble()); id_json = b; }
        else { r.json = error("id must be a string (64 characters at most) or a number"); return r; }
    }
    if (!d.HasMember("type") || !d["type"].IsString()) { r.json = error("missing string field \"type\"", id_json); return r; }
    const std::string type = d["type"].GetString();
    auto str_field = [&](const char* key, std::string* out) {
        if (!d.HasMember(key) || !d[key].IsString()) return false;
        *out = d[key].GetString();
        return true;
    };

    if (type == "neurodrive:get") {
        r.json = with_id(state_message(app), id_json);
    } else if (type == "neurodrive:set") {
        if (!d.HasMember("inputs") || !d["inputs"].IsObject()) { r.json = ack(type, "expected {inputs: {name: number, ...}}", id_json); return r; }
        rapidjson::StringBuffer buf;
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        d["inputs"].Accept(w);
        r.json = ack(type, apply_inputs_json(app, buf.GetString()), id_json);
    } else if (type == "neurodrive:event") {
        std::string name;
        const auto e = str_field("event", &name) ? model::parse_event(name) : std::nullopt;
        if (e) fire_event(app, *e);
        r.json = ack(type, e ? "" : "expected {event: \"cue\" | \"reward\" | \"omit\"}", id_json);
    } else if (type == "neurodrive:preset") {
        std::string id;
        const bool ok = str_field("preset", &id) && set_preset(app, id);
        r.json = ack(type, ok ? "" : "expected {preset: id} with a known preset id", id_json);
    } else if (type == "neurodrive:reset") {
        reset_all(app);
        r.json = ack(type, "", id_json);
    } else if (type == "neurodrive:pause" || type == "neurodrive:play") {
        app.paused = type == "neurodrive:pause";
        r.json = ack(type, "", id_json);
    } else if (type == "neurodrive:subscribe") {
        const bool ok = d.HasMember("hz") && d["hz"].IsNumber() && std::isfinite(d["hz"].GetDouble()) && d["hz"].GetDouble() >= 0.0 && d["hz"].GetDouble() <= 30.0;
        if (ok) r.subscribe_hz = d["hz"].GetDouble();
        r.json = ack(type, ok ? "" : "expected {hz: number from 0 (stop) to 30}", id_json);
    } else {
        r.json = error("unknown message type; allowed: neurodrive:get, set, event, preset, reset, pause, play, subscribe", id_json);
    }
    return r;
}

}  // namespace neurodrive::app
