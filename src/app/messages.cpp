// messages.cpp - see messages.hpp. Replies are built as RapidJSON documents and written once.
#include "messages.hpp"

#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "commands.hpp"
#include "json_text.hpp"

namespace neurodrive::app {
namespace {

using Value = rapidjson::Value;

std::string write(const Value& v) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    v.Accept(w);
    return {buf.GetString(), buf.GetSize()};
}

// A reply document with "type" (and the echoed "id", when there was one).
struct Reply {
    rapidjson::Document doc;
    explicit Reply(std::string_view type) {
        doc.SetObject();
        add("type", type);
    }
    void add(const char* key, std::string_view text) {
        doc.AddMember(rapidjson::StringRef(key), Value(text.data(), static_cast<rapidjson::SizeType>(text.size()), doc.GetAllocator()), doc.GetAllocator());
    }
    void add_bool(const char* key, bool b) { doc.AddMember(rapidjson::StringRef(key), Value(b), doc.GetAllocator()); }
    std::string finish(const Value* id) {
        if (id) doc.AddMember("id", Value(*id, doc.GetAllocator()), doc.GetAllocator());
        return write(doc);
    }
};

std::string error(std::string_view msg, const Value* id = nullptr) {
    Reply r("neurodrive:error");
    r.add("error", msg);
    return r.finish(id);
}

std::string ack(std::string_view of, const std::string& err, const Value* id) {
    Reply r("neurodrive:ack");
    r.add("of", of);
    r.add_bool("ok", err.empty());
    if (!err.empty()) r.add("error", err);
    return r.finish(id);
}

// The app's state_json with "type" first (and the id last).
std::string state_reply(std::string_view snapshot_json, const Value* id) {
    rapidjson::Document state;
    if (!parse_json(snapshot_json, "state", &state).empty() || !state.IsObject()) return error("internal: state unavailable", id);
    Reply r("neurodrive:state");
    for (auto& m : state.GetObject()) r.doc.AddMember(Value(m.name, r.doc.GetAllocator()), Value(m.value, r.doc.GetAllocator()), r.doc.GetAllocator());
    return r.finish(id);
}

std::string subscribe_error() {
    char buf[80];
    std::snprintf(buf, sizeof buf, "expected {hz: 0 (stop) or a number from %g to %g}", kMinSubscribeHz, kMaxSubscribeHz);
    return buf;
}

}  // namespace

std::string state_message(std::string_view snapshot_json) { return state_reply(snapshot_json, nullptr); }

std::string message_reply_json(const MessageReply& r) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "reply");
    if (r.json.empty()) w.Null();
    else w.RawValue(r.json.data(), r.json.size(), rapidjson::kObjectType);
    json_key(w, "subscribe_hz");
    json_put_num(w, r.subscribe_hz);
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

MessageReply handle_message(App& app, std::string_view json, bool may_subscribe) {
    MessageReply r;
    if (json.size() > kMaxJsonBytes) { r.json = error("message larger than " + std::to_string(kMaxJsonBytes / 1024) + " KB"); return r; }
    rapidjson::Document d;
    if (const std::string err = parse_json(json, "message", &d); !err.empty() || !d.IsObject()) {
        r.json = error(err.find("nested deeper") != std::string::npos ? "message nested deeper than 16 levels" : "a message must be an object {type: \"neurodrive:...\"}");
        return r;
    }
    std::unordered_set<std::string_view> keys;
    for (const auto& m : d.GetObject()) {
        if (!keys.insert(json_view(m.name)).second) { r.json = error("a field is given more than once"); return r; }
    }
    const Value* id = nullptr;
    if (const auto it = d.FindMember("id"); it != d.MemberEnd()) {
        const Value& v = it->value;
        const bool ok = (v.IsString() && v.GetStringLength() <= 64) || (v.IsNumber() && std::isfinite(v.GetDouble()));
        if (!ok) { r.json = error("id must be a string (64 characters at most) or a number"); return r; }
        id = &v;
    }
    const auto type_it = d.FindMember("type");
    if (type_it == d.MemberEnd() || !type_it->value.IsString()) { r.json = error("missing string field \"type\"", id); return r; }
    const std::string_view type = json_view(type_it->value);
    // The types NeuroDrive sends are never answered: two copies of it (a course page and its Share
    // preview) would otherwise answer each other's errors and acks forever.
    for (const char* own : {"neurodrive:error", "neurodrive:ack", "neurodrive:state", "neurodrive:ready", "neurodrive:xapi"})
        if (type == own) return r;
    auto str_field = [&](const char* key, std::string_view* out) {
        const auto it = d.FindMember(key);
        if (it == d.MemberEnd() || !it->value.IsString()) return false;
        *out = json_view(it->value);
        return true;
    };

    if (type == "neurodrive:get") {
        r.json = state_reply(state_json(app), id);
    } else if (type == "neurodrive:set") {
        const auto it = d.FindMember("inputs");
        if (it == d.MemberEnd() || !it->value.IsObject()) { r.json = ack(type, "expected {inputs: {name: number, ...}}", id); return r; }
        r.json = ack(type, cmd_set_inputs_object(app, it->value), id);
    } else if (type == "neurodrive:event") {
        std::string_view name;
        r.json = ack(type, str_field("event", &name) ? cmd_event(app, name) : "expected {event: \"cue\" | \"reward\" | \"omit\"}", id);
    } else if (type == "neurodrive:preset") {
        std::string_view preset;
        r.json = ack(type, str_field("preset", &preset) ? cmd_preset(app, preset) : "expected {preset: id} with a known preset id", id);
    } else if (type == "neurodrive:compare") {
        std::string_view spec;
        r.json = ack(type, str_field("compare", &spec) ? cmd_compare(app, spec) : "expected {compare: \"off\" or a scenario such as \"hypothyroid\"}", id);
    } else if (type == "neurodrive:reset") {
        r.json = ack(type, cmd_reset(app), id);
    } else if (type == "neurodrive:pause") {
        r.json = ack(type, cmd_pause(app), id);
    } else if (type == "neurodrive:play") {
        r.json = ack(type, cmd_play(app), id);
    } else if (type == "neurodrive:subscribe") {
        const auto it = d.FindMember("hz");
        const double hz = it != d.MemberEnd() && it->value.IsNumber() ? it->value.GetDouble() : -1.0;
        const bool ok = hz == 0.0 || (hz >= kMinSubscribeHz && hz <= kMaxSubscribeHz);
        const bool room = hz == 0.0 || may_subscribe;
        if (ok && room) r.subscribe_hz = hz;
        r.json = ack(type, !ok ? subscribe_error() : !room ? "too many subscribers: " + std::to_string(kMaxSubscribers) + " at most; send {hz: 0} from another one first" : "", id);
    } else {
        r.json = error("unknown message type; allowed: neurodrive:get, set, event, preset, compare, reset, pause, play, subscribe", id);
    }
    return r;
}

}  // namespace neurodrive::app
