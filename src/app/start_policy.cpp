// start_policy.cpp - see start_policy.hpp.
#include "start_policy.hpp"

#include <utility>

#include "json_text.hpp"
#include "persist.hpp"

namespace neurodrive::app {

PersistPlan persist_plan(const UrlConfig& url, bool in_frame) {
    const bool origin_top = url.origin_given && !in_frame;
    const bool wanted = url.persist().value_or(!in_frame);
    PersistPlan plan;
    plan.active = wanted && !url.has_state && !origin_top;
    plan.origin_off = origin_top && wanted && !url.has_state;
    plan.name = url.persist_name();
    return plan;
}

StoredOutcome stored_outcome(bool active, StoredRead read, std::vector<Ignored> applied) {
    StoredOutcome out;
    out.active = active;
    if (!active) return out;
    out.stored = "none";
    if (read == StoredRead::Text) {
        out.ignored = std::move(applied);
        out.stored = out.ignored.empty() ? "restored" : "damaged";
    } else if (read == StoredRead::TooLong) {
        out.stored = "damaged";
        out.ignored.push_back({"(saved state)", "longer than " + std::to_string(kMaxStoredBytes) + " characters"});
    } else if (read == StoredRead::Unavailable) {
        out.stored = "unavailable";
        out.active = false;
    }
    return out;
}

MessagePolicy message_policy(const UrlConfig& url, bool in_frame) {
    MessagePolicy p;
    p.kind = url.origin_given ? (url.origin_invalid ? "deny" : "list") : (in_frame ? "parent" : "none");
    if (url.origin_given && !url.origin_invalid) p.origins = url.values.origin;
    return p;
}

bool show_start_hint(bool persist_active, bool in_frame, bool has_state, bool hint_done) {
    return persist_active && !in_frame && !has_state && !hint_done;
}

std::string deployment_name(std::string_view build) {
    if (build.empty() || build.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz.-") != std::string_view::npos) return {};
    return std::string(build);
}

std::string config_json(std::string_view url_report, const MessagePolicy& policy, const PersistPlan& plan,
                        const StoredOutcome& stored, std::string_view record, std::string_view settings) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "url");
    w.RawValue(url_report.data(), url_report.size(), rapidjson::kObjectType);
    json_key(w, "policy");
    w.StartObject();
    json_key(w, "kind"); json_put(w, policy.kind);
    json_key(w, "origins");
    w.StartArray();
    for (const auto& o : policy.origins) json_put(w, o);
    w.EndArray();
    w.EndObject();
    json_key(w, "persist");
    w.StartObject();
    json_key(w, "active"); w.Bool(stored.active);
    json_key(w, "origin_off"); w.Bool(plan.origin_off);
    json_key(w, "name"); json_put(w, plan.name);
    json_key(w, "stored"); json_put(w, stored.stored);
    json_key(w, "ignored");
    w.StartArray();
    for (const auto& i : stored.ignored) {
        w.StartObject();
        json_key(w, "name"); json_put(w, i.name);
        json_key(w, "reason"); json_put(w, i.reason);
        w.EndObject();
    }
    w.EndArray();
    json_key(w, "record"); json_put(w, record);
    w.EndObject();
    json_key(w, "settings");
    w.RawValue(settings.data(), settings.size(), rapidjson::kObjectType);
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

}  // namespace neurodrive::app
