// json_read.cpp - see neurodrive/json_read.hpp.
#include "neurodrive/io/json_read.hpp"

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

namespace neurodrive::io {

namespace {

// Forwards the reader's events to a Document, turning each number into exactly the value its text
// names: integers as RapidJSON would store them, everything else through strtod (correctly rounded,
// so a double written by JSON.stringify or our writer reads back bit for bit). RapidJSON 1.1.0's own
// kParseFullPrecisionFlag path has undefined behaviour for a zero with an exponent ("0e-300"; found by
// fuzz_messages), so it is not used.
// It also stops at kMaxDepth nested arrays and objects: RapidJSON's reader recurses once per level, and
// outside text (a 16 KB message could nest 8000 levels) must not exhaust the wasm stack.
constexpr int kMaxDepth = 16;

struct ExactNumbers {
    rapidjson::Document& doc;
    bool too_big = false;
    bool too_deep = false;
    int depth = 0;
    using SizeType = rapidjson::SizeType;
    bool Null() { return doc.Null(); }
    bool Bool(bool b) { return doc.Bool(b); }
    bool Int(int i) { return doc.Int(i); }
    bool Uint(unsigned u) { return doc.Uint(u); }
    bool Int64(std::int64_t i) { return doc.Int64(i); }
    bool Uint64(std::uint64_t u) { return doc.Uint64(u); }
    bool Double(double d) { return doc.Double(d); }
    bool String(const char* s, SizeType n, bool copy) { return doc.String(s, n, copy); }
    bool Enter() { too_deep = ++depth > kMaxDepth; return !too_deep; }
    bool StartObject() { return Enter() && doc.StartObject(); }
    bool Key(const char* s, SizeType n, bool copy) { return doc.Key(s, n, copy); }
    bool EndObject(SizeType n) { --depth; return doc.EndObject(n); }
    bool StartArray() { return Enter() && doc.StartArray(); }
    bool EndArray(SizeType n) { --depth; return doc.EndArray(n); }
    bool RawNumber(const char* s, SizeType n, bool) {
        const std::string text(s, n);  // already a valid JSON number (the reader checked its grammar)
        if (text.find_first_of(".eE") == std::string::npos) {
            errno = 0;
            if (text[0] == '-') {
                const long long v = std::strtoll(text.c_str(), nullptr, 10);
                if (errno == 0) return v >= std::numeric_limits<int>::min() ? doc.Int(static_cast<int>(v)) : doc.Int64(v);
            } else {
                const unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
                if (errno == 0) return v <= std::numeric_limits<unsigned>::max() ? doc.Uint(static_cast<unsigned>(v)) : doc.Uint64(v);
            }
        }
        const double d = std::strtod(text.c_str(), nullptr);
        if (!std::isfinite(d)) { too_big = true; return false; }
        return doc.Double(d);
    }
};

}  // namespace

std::string parse_json(std::string_view text, std::string_view what, rapidjson::Document* doc) {
    constexpr unsigned kFlags = rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseValidateEncodingFlag;
    rapidjson::ParseResult result;
    bool too_big = false, too_deep = false;
    auto generate = [&](rapidjson::Document& handler) {
        rapidjson::MemoryStream memory(text.data(), text.size());
        rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(memory);
        ExactNumbers exact{handler};
        rapidjson::Reader reader;
        result = reader.Parse<kFlags>(in, exact);
        too_big = exact.too_big;
        too_deep = exact.too_deep;
        return !result.IsError();
    };
    doc->SetNull();
    doc->Populate(generate);
    if (!result.IsError()) return {};
    doc->SetNull();
    const std::string reason = too_big ? "Number too big to be stored in double."
                               : too_deep ? "nested deeper than " + std::to_string(kMaxDepth) + " levels."
                                          : rapidjson::GetParseError_En(result.Code());
    return std::string(what) + ": JSON error at byte " + std::to_string(result.Offset()) + ": " + reason;
}

std::string parse_json_list(std::string_view text, const char* key, rapidjson::Document* doc) {
    if (std::string err = parse_json(text, key, doc); !err.empty()) return err;
    if (!doc->IsObject() || !doc->HasMember(key) || !(*doc)[key].IsArray() || (*doc)[key].Empty())
        return std::string(key) + ": expected {\"" + key + "\": [...]}";
    return {};
}

}  // namespace neurodrive::io
