// presets.cpp - parses the presets document (JSON, via header-only RapidJSON; no exceptions).
// Pure: the embedded text is a byte array made by cmake/embed.cmake; no file I/O.
#include "neurodrive/io/presets.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

#include "neurodrive/io/json_read.hpp"
#include "neurodrive/experiments.hpp"
#include "neurodrive/names.hpp"

extern const unsigned char nd_presets[];
extern const unsigned long nd_presets_size;

namespace neurodrive::io {

namespace {
// One claim: {says, output | experiment + result, min?, max?, min_ratio?, max_ratio?}; "" or the problem.
std::string parse_claim(const rapidjson::Value& c, PresetClaim* claim) {
    if (!c.IsObject()) return "expected an object";
    auto text = [&](const char* key, std::string* to) {
        if (!c.HasMember(key)) return true;
        if (!c[key].IsString() || c[key].GetStringLength() == 0) return false;
        *to = c[key].GetString();
        return true;
    };
    if (!text("says", &claim->says) || claim->says.empty()) return "\"says\" must be a non-empty string";
    if (!text("output", &claim->output) || !text("experiment", &claim->experiment) || !text("result", &claim->result))
        return "\"output\", \"experiment\" and \"result\" must be non-empty strings";
    if (claim->output.empty() == claim->experiment.empty()) return "give either \"output\" or \"experiment\" with \"result\"";
    if (!claim->output.empty() && !model::find_output(claim->output)) return "unknown output \"" + claim->output + "\"";
    if (!claim->experiment.empty()) {
        const model::ExperimentSpec* e = model::find_experiment(claim->experiment);
        if (!e) return "unknown experiment \"" + claim->experiment + "\"";
        bool known = false;
        for (const auto& k : e->result_keys) known = known || k == claim->result;
        if (!known) return "experiment " + claim->experiment + " has no result \"" + claim->result + "\"";
    }
    int bounds = 0;
    for (auto [key, to] : {std::pair{"min", &claim->min}, {"max", &claim->max}, {"min_ratio", &claim->min_ratio}, {"max_ratio", &claim->max_ratio}}) {
        if (!c.HasMember(key)) continue;
        if (!c[key].IsNumber() || !std::isfinite(c[key].GetDouble())) return std::string("\"") + key + "\" must be a number";
        *to = c[key].GetDouble();
        ++bounds;
    }
    if (bounds == 0) return "give at least one of min, max, min_ratio, max_ratio";
    for (auto it = c.MemberBegin(); it != c.MemberEnd(); ++it) {
        const std::string key(it->name.GetString(), it->name.GetStringLength());
        if (key != "says" && key != "output" && key != "experiment" && key != "result" && key != "min" && key != "max" && key != "min_ratio" && key != "max_ratio")
            return "unknown field \"" + key + "\"";
    }
    return {};
}
}  // namespace

PresetList parse_presets(std::string_view text) {
    PresetList out;
    auto fail = [&out](std::string msg) { out.presets.clear(); out.error = std::move(msg); return out; };
    rapidjson::Document doc;
    if (std::string err = parse_json(text, "presets", &doc); !err.empty()) return fail(err);
    if (!doc.IsObject() || !doc.HasMember("presets") || !doc["presets"].IsArray())
        return fail("presets: expected an object with an array \"presets\"");
    for (const auto& p : doc["presets"].GetArray()) {
        const std::string where = "presets[" + std::to_string(out.presets.size()) + "]";
        if (!p.IsObject()) return fail(where + ": expected an object");
        for (const char* key : {"id", "title", "explanation", "sources"})
            if (!p.HasMember(key) || !p[key].IsString() || p[key].GetStringLength() == 0)
                return fail(where + ": \"" + key + "\" must be a non-empty string");
        Preset preset;
        preset.id = p["id"].GetString();
        preset.title = p["title"].GetString();
        preset.explanation = p["explanation"].GetString();
        preset.sources = p["sources"].GetString();
        for (const auto& other : out.presets)
            if (other.id == preset.id) return fail(where + ": duplicate id \"" + preset.id + "\"");
        if (!p.HasMember("inputs") || !p["inputs"].IsObject()) return fail(where + " (" + preset.id + "): \"inputs\" must be an object");
        for (const auto& m : p["inputs"].GetObject()) {
            const std::string name(m.name.GetString(), m.name.GetStringLength());
            if (!m.value.IsNumber()) return fail(where + " (" + preset.id + "): input \"" + name + "\" must be a number");
            char buf[160];
            const std::string_view err = model::set_input(preset.inputs, name, m.value.GetDouble(), buf, sizeof buf);
            if (!err.empty()) return fail(where + " (" + preset.id + "): " + std::string(err));
        }
        if (p.HasMember("hold_day")) {
            const auto& d = p["hold_day"];
            if (!d.IsNumber() || !(d.GetDouble() >= 0.0 && d.GetDouble() <= 120.0))
                return fail(where + " (" + preset.id + "): \"hold_day\" must be a number of days from 0 to 120");
            preset.hold_day = d.GetDouble();
        }
        if (p.HasMember("claims")) {
            if (!p["claims"].IsArray()) return fail(where + " (" + preset.id + "): \"claims\" must be an array");
            for (const auto& c : p["claims"].GetArray()) {
                const std::string at = where + " (" + preset.id + ") claim " + std::to_string(preset.claims.size());
                if (std::string err = parse_claim(c, &preset.claims.emplace_back()); !err.empty()) return fail(at + ": " + err);
            }
        }
        for (auto it = p.MemberBegin(); it != p.MemberEnd(); ++it) {
            const std::string key(it->name.GetString(), it->name.GetStringLength());
            if (key != "id" && key != "title" && key != "explanation" && key != "sources" && key != "inputs" && key != "hold_day" && key != "claims")
                return fail(where + " (" + preset.id + "): unknown field \"" + key + "\"");
        }
        out.presets.push_back(std::move(preset));
    }
    if (out.presets.empty()) return fail("presets: the list is empty");
    return out;
}

const PresetList& builtin_presets() {
    static const PresetList list = parse_presets(std::string_view(reinterpret_cast<const char*>(nd_presets), nd_presets_size));
    return list;
}

const Preset* find_preset(std::string_view id) {
    for (const auto& p : builtin_presets().presets) if (p.id == id) return &p;
    return nullptr;
}

std::string presets_json(const PresetList& list) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    auto put = [&](const char* key, const std::string& text) {
        w.Key(key);
        w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    };
    w.StartArray();
    for (const Preset& p : list.presets) {
        w.StartObject();
        put("id", p.id);
        put("title", p.title);
        put("explanation", p.explanation);
        put("sources", p.sources);
        w.EndObject();
    }
    w.EndArray();
    return {buf.GetString(), buf.GetSize()};
}

}  // namespace neurodrive::io
