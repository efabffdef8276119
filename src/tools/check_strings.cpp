// check_strings.cpp - `make check-strings`: checks every language of assets/languages.json (as the files
// are on disk now, so a translator sees their own edits) against English, and prints per language what
// is missing, extra, left in English, has other values than English, lacks a plural form or is too long
// for its place (strings_check.hpp). Exit status 0 when every language is clean, 1 otherwise, 2 when
// the files cannot be read. Native only; links the app's logic (no window, no ImGui).
//   check-strings [REPOSITORY]   (default: the current directory)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "json_text.hpp"
#include "strings_check.hpp"

namespace fs = std::filesystem;
namespace na = neurodrive::app;

namespace {
bool read_file(const fs::path& p, std::string* out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    *out = s.str();
    return true;
}
}  // namespace

int main(int argc, char** argv) {
    const fs::path root = argc > 1 ? argv[1] : ".";
    const fs::path dir = root / "assets" / "strings";
    std::string table;
    if (!read_file(root / "assets" / "languages.json", &table)) {
        std::fprintf(stderr, "check-strings: cannot read %s (give the repository as the argument)\n", (root / "assets" / "languages.json").c_str());
        return 2;
    }
    rapidjson::Document doc;
    if (std::string err = na::parse_json(table, "languages.json", &doc); !err.empty() || !doc.IsObject() || !doc.HasMember("languages") || !doc["languages"].IsArray()) {
        std::fprintf(stderr, "check-strings: assets/languages.json: %s\n", err.empty() ? "expected {\"languages\": [{\"code\": ..}, ..]}" : err.c_str());
        return 2;
    }
    std::vector<std::string> codes;
    for (const auto& l : doc["languages"].GetArray())
        if (l.IsObject() && l.HasMember("code") && l["code"].IsString()) codes.emplace_back(na::json_view(l["code"]));
    if (codes.empty()) { std::fprintf(stderr, "check-strings: assets/languages.json lists no language\n"); return 2; }
    std::string english;
    if (!read_file(dir / (codes.front() + ".json"), &english)) { std::fprintf(stderr, "check-strings: cannot read %s\n", (dir / (codes.front() + ".json")).c_str()); return 2; }

    int total = 0;
    for (const std::string& code : codes) {
        std::string text;
        std::vector<na::StringsProblem> problems;
        if (!read_file(dir / (code + ".json"), &text)) problems.push_back({"file", "", "assets/strings/" + code + ".json is missing: copy en.json to it and translate"});
        else problems = na::check_strings(code, english, text);
        std::map<std::string, int> counts;
        for (const auto& p : problems) ++counts[p.kind];
        std::printf("%-6s %s", code.c_str(), problems.empty() ? "complete" : "");
        bool first = true;
        for (const char* kind : {"file", "missing", "extra", "untranslated", "values", "plural", "too long"})
            if (counts[kind]) { std::printf("%s%d %s", first ? "" : ", ", counts[kind], kind); first = false; }
        std::printf("\n");
        for (const auto& p : problems) {
            std::string detail = p.detail;  // one line per problem: a line break in a text shows as \n
            for (std::size_t i = 0; (i = detail.find('\n', i)) != std::string::npos; i += 2) detail.replace(i, 1, "\\n");
            std::printf("    %-12s %s  %s\n", p.kind.c_str(), p.key.c_str(), detail.c_str());
        }
        total += static_cast<int>(problems.size());
    }
    // A strings file for a language the table does not list is never loaded.
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".json") continue;
        const std::string code = entry.path().stem().string();
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
            std::printf("%-6s not in assets/languages.json: add {\"code\": \"%s\", \"name\": ..., \"loading\": ...} there (docs/TRANSLATING.md)\n", code.c_str(), code.c_str());
            ++total;
        }
    }
    std::printf(total ? "check-strings: %d problems\n" : "check-strings: every language is complete\n", total);
    return total ? 1 : 0;
}
