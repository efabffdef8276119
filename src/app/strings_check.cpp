// strings_check.cpp - see strings_check.hpp. No ImGui, SDL or Emscripten.
#include "strings_check.hpp"

#include <algorithm>
#include <cctype>

#include "assets.hpp"
#include "json_text.hpp"
#include "locale.hpp"
#include "neurodrive/experiments.hpp"
#include "neurodrive/findings.hpp"
#include "neurodrive/io/presets.hpp"

namespace neurodrive::app {

std::map<std::string, std::string> registry_english() {
    std::map<std::string, std::string> out;
    for (const auto& p : io::builtin_presets().presets) {
        out["preset." + p.id + ".title"] = p.title;
        out["preset." + p.id + ".explanation"] = p.explanation;
    }
    for (const auto& e : model::experiment_specs()) {
        const std::string k = "experiment." + std::string(e.name) + ".";
        out[k + "title"] = std::string(e.title);
        out[k + "finding"] = std::string(e.finding);
        out[k + "unit"] = std::string(e.chart.unit);
        if (!e.chart.x_label.empty()) out[k + "x"] = std::string(e.chart.x_label);
        if (!e.chart.y_label.empty()) out[k + "y"] = std::string(e.chart.y_label);
        if (!e.chart.y2_label.empty()) out[k + "y2"] = std::string(e.chart.y2_label);
        for (std::size_t b = 0; b < e.chart.bars.size(); ++b) out[k + "bar" + std::to_string(b + 1)] = std::string(e.chart.bars[b].label);
    }
    for (const auto& f : model::finding_specs()) out["finding." + std::string(f.id)] = std::string(f.published);
    std::vector<Reference> refs;
    if (parse_references(embedded_asset("references"), &refs).empty())
        for (const auto& r : refs) out["reference.topic." + r.cite] = r.topic;
    return out;
}

namespace {

bool glob(std::string_view pattern, std::string_view text) {
    if (pattern.empty()) return text.empty();
    if (pattern[0] == '*') {
        for (std::size_t i = 0; i <= text.size(); ++i)
            if (glob(pattern.substr(1), text.substr(i))) return true;
        return false;
    }
    return !text.empty() && pattern[0] == text[0] && glob(pattern.substr(1), text.substr(1));
}

bool wide(unsigned cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
           || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
}

std::size_t plain_width(std::string_view t) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < t.size();) {
        const auto b = static_cast<unsigned char>(t[i]);
        const int n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        unsigned cp = n == 1 ? b : b & (0xFF >> (n + 1));
        for (int k = 1; k < n && i + static_cast<std::size_t>(k) < t.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
        w += wide(cp) ? 2 : 1;
        i += static_cast<std::size_t>(n);
    }
    return w;
}

// Has the text a word of four letters or more (outside its values)? A text without one ("%s: %.0f",
// "LC", "A") is the same in every language.
bool has_word(std::string_view t) {
    int run = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '%') {  // skip a conversion
            ++i;
            while (i < t.size() && !std::isalpha(static_cast<unsigned char>(t[i])) && t[i] != '%') ++i;
            run = 0;
            continue;
        }
        run = std::isalpha(static_cast<unsigned char>(t[i])) ? run + 1 : 0;
        if (run >= 4) return true;
    }
    return false;
}

// At most n bytes of t, cut at a whole UTF-8 character.
std::string head(const std::string& t, std::size_t n) {
    if (t.size() <= n) return t;
    while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) --n;
    return t.substr(0, n) + "...";
}

std::vector<std::string> string_list(const rapidjson::Value& doc, const char* name) {
    std::vector<std::string> out;
    if (doc.IsObject() && doc.HasMember(name) && doc[name].IsArray())
        for (const auto& v : doc[name].GetArray())
            if (v.IsString()) out.emplace_back(json_view(v));
    return out;
}

}  // namespace

std::size_t text_width(std::string_view text) {
    const TemplateUse use = template_use(text);
    int count = 0;
    for (const auto& [pos, kind] : use.args) count = std::max(count, pos);
    std::size_t widest = 0;
    for (long long n : {1LL, 5LL}) {  // a plural's forms: one, and the rest
        std::vector<FormatArg> args;
        for (int i = 1; i <= count; ++i) {
            const auto it = use.args.find(i);
            const char kind = it == use.args.end() ? 's' : it->second;
            args.push_back(kind == 's' ? FormatArg("xxxx") : kind == 'f' ? FormatArg(10.0) : FormatArg(n));
        }
        widest = std::max(widest, plain_width(format_args(NumberFormat{}, text, args.data(), args.size())));
    }
    return widest;
}

std::vector<StringsProblem> check_strings(std::string_view lang, std::string_view english_json, std::string_view json) {
    std::vector<StringsProblem> problems;
    Strings en, tr;
    rapidjson::Document en_doc, doc;
    if (std::string err = parse_strings(english_json, &en); !err.empty()) return {{"file", "", "en.json: " + err}};
    if (std::string err = parse_strings(json, &tr); !err.empty()) return {{"file", "", std::string(lang) + ".json: " + err}};
    parse_json(english_json, "en", &en_doc);
    parse_json(json, "strings", &doc);
    const bool english = lang == languages().front().code;

    std::map<std::string, std::string> want(en.table.begin(), en.table.end());
    std::map<std::string, std::string> registry;  // plain texts, never templates
    if (!english) registry = registry_english();
    for (auto& [k, v] : registry) want.emplace(k, v);
    // Texts that stay as they are in every language (en.json's "@@not_translated": citations, the name),
    // and this language's words that happen to be the same as English ("@@same_as_english").
    std::vector<std::string> same = string_list(doc, "@@same_as_english");
    for (const std::string& p : string_list(en_doc, "@@not_translated")) same.push_back(p);
    std::vector<std::pair<std::string, std::size_t>> room;
    if (en_doc.IsObject() && en_doc.HasMember("@@room") && en_doc["@@room"].IsObject())
        for (const auto& m : en_doc["@@room"].GetObject())
            if (m.value.IsUint()) room.emplace_back(std::string(json_view(m.name)), m.value.GetUint());

    for (const auto& [key, text] : want)
        if (!tr.table.count(key)) problems.push_back({"missing", key, "English: " + head(text, 80)});
    for (const auto& [key, text] : tr.table)
        if (!want.count(key)) problems.push_back({"extra", key, "not a key of en.json or of a registry"});
    const std::vector<std::string> categories = tr.number.plural.names();
    for (const auto& entry : tr.table) {
        const std::string& key = entry.first;
        const std::string& text = entry.second;
        const auto it = want.find(key);
        if (it == want.end()) continue;
        const std::string& source = it->second;
        if (!english && text == source && key.rfind("locale.", 0) != 0 && has_word(text)
            && std::none_of(same.begin(), same.end(), [&](const std::string& p) { return glob(p, key); }))
            problems.push_back({"untranslated", key, "the same as English: \"" + head(text, 60) + "\" (if right, list it in @@same_as_english)"});
        // A template (English has values, or writes %% for a percent sign) must take the same values; a
        // plain text is shown as it is, so a "%" in it is just a percent sign.
        const TemplateUse source_use = template_use(source);
        const bool is_template = !registry.count(key) && (!source_use.args.empty() || source.find("%%") != std::string::npos);
        const TemplateUse use = is_template ? template_use(text) : TemplateUse{};
        std::string why;
        if (!use.error.empty()) problems.push_back({"values", key, use.error});
        else if (is_template && !same_arguments(source_use, use, &why)) problems.push_back({"values", key, why});
        for (const auto& forms : use.plural_forms)
            for (const std::string& c : categories)
                if (std::find(forms.begin(), forms.end(), c) == forms.end())
                    problems.push_back({"plural", key, "a plural needs the form '" + c + "' (locale.plural: " + tr.get("locale.plural") + ")"});
        for (const auto& [pattern, limit] : room)
            if (glob(pattern, key) && text_width(text) > limit) {
                problems.push_back({"too long", key, std::to_string(text_width(text)) + " wide, room for " + std::to_string(limit) + " (@@room \"" + pattern + "\"): \"" + text + "\""});
                break;
            }
    }
    return problems;
}

}  // namespace neurodrive::app
