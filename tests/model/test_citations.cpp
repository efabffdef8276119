// test_citations.cpp - every author-year citation in the parameters, the findings and experiments
// registries and the presets resolves to exactly one entry of assets/references.json (by its cite or one
// of its aliases), and every entry says who, when, what and where (SCIENCE.md section 7: citations you
// can check). The reference list is read with the project's one JSON reader.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "neurodrive/experiments.hpp"
#include "neurodrive/findings.hpp"
#include "neurodrive/io/json_read.hpp"
#include "neurodrive/io/presets.hpp"
#include "neurodrive/params.hpp"

extern const unsigned char nd_test_references[];
extern const unsigned long nd_test_references_size;

namespace nm = neurodrive::model;

namespace {
// "Name YEAR", "Name et al. YEAR", "Name & Name YEAR", "Name, Name & Name YEAR" (with de/Di/Le/van prefixes).
std::vector<std::string> citations_in(const std::string& text) {
    static const std::string name = "(?:d'|De |Di |de |van |Van |Le )?[A-Z][A-Za-z'\\-]+";
    static const std::regex pattern("(" + name + "(?: et al\\.|(?:, " + name + ")*(?: & " + name + "))?) ((?:19|20)[0-9][0-9])");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1].str() + " " + (*it)[2].str());
    return out;
}

struct References {
    std::map<std::string, int> by_form;  // cite or alias -> entry index
    std::set<std::string> duplicated;    // forms claimed by two entries
    int count = 0;
};

const References& references() {
    static const References refs = [] {
        References r;
        rapidjson::Document doc;
        const std::string text(reinterpret_cast<const char*>(nd_test_references), nd_test_references_size);
        REQUIRE(neurodrive::io::parse_json(text, "references", &doc).empty());
        REQUIRE(doc.IsObject());
        REQUIRE(doc["references"].IsArray());
        for (const auto& e : doc["references"].GetArray()) {
            INFO(r.count);
            for (const char* key : {"cite", "authors", "title", "source", "topic", "tier", "checked"})
                CHECK_MESSAGE((e.HasMember(key) && e[key].IsString() && e[key].GetStringLength() > 0), key);
            CHECK((e.HasMember("year") && e["year"].IsInt()));
            CHECK((e.HasMember("doi") && (e["doi"].IsNull() || e["doi"].IsString())));
            std::vector<std::string> forms{e["cite"].GetString()};
            if (e.HasMember("aliases"))
                for (const auto& a : e["aliases"].GetArray()) forms.emplace_back(a.GetString());
            for (const auto& f : forms) {
                if (r.by_form.count(f)) r.duplicated.insert(f);
                r.by_form[f] = r.count;
            }
            ++r.count;
        }
        return r;
    }();
    return refs;
}

// Every citation in `text` resolves to one entry; returns how many citations it holds.
int check_resolves(const std::string& where, const std::string& text) {
    const auto cites = citations_in(text);
    for (const auto& c : cites) {
        INFO(where, ": \"", c, "\"");
        CHECK(references().by_form.count(c) == 1);
        CHECK(references().duplicated.count(c) == 0);
    }
    return static_cast<int>(cites.size());
}
}  // namespace

TEST_CASE("citations: the pattern finds author-year citations and nothing else") {
    CHECK(citations_in("(Grace & Bunney 1984; Hyland et al. 2002)") == std::vector<std::string>{"Grace & Bunney 1984", "Hyland et al. 2002"});
    CHECK(citations_in("Bunney, Walters, Roth & Aghajanian 1973") == std::vector<std::string>{"Bunney, Walters, Roth & Aghajanian 1973"});
    CHECK(citations_in("Blier & de Montigny 1994, Piazza & Le Moal 1996") == std::vector<std::string>{"Blier & de Montigny 1994", "Piazza & Le Moal 1996"});
    CHECK(citations_in("Valentino & Van Bockstaele 2008") == std::vector<std::string>{"Valentino & Van Bockstaele 2008"});
    CHECK(citations_in("4.5 Hz at 11 nM for 30 min").empty());
}

TEST_CASE("citations: every reference entry says who, when, what and where, and no cite or alias is claimed twice") {
    CHECK(references().count >= 60);
    CHECK(references().duplicated.empty());
}

TEST_CASE("citations: every citation in the parameters, findings, experiments and presets resolves to one reference entry") {
    int n = 0;
    const nm::ParamSpec* params = nm::param_specs(&n);
    for (int i = 0; i < n; ++i) check_resolves("param " + std::string(params[i].name), std::string(params[i].source));
    for (const auto& f : nm::finding_specs()) {
        const std::string id(f.id);
        CHECK_MESSAGE(check_resolves("finding " + id, std::string(f.citation)) >= 1, id);  // every finding names its source
        check_resolves("finding " + id, std::string(f.published) + " " + std::string(f.value));
    }
    for (const auto& e : nm::experiment_specs()) {
        CHECK_MESSAGE(check_resolves("experiment " + std::string(e.name), std::string(e.citation)) >= 1, e.name);
        check_resolves("experiment " + std::string(e.name), std::string(e.finding));
    }
    for (const auto& p : neurodrive::io::builtin_presets().presets) {
        CHECK_MESSAGE(check_resolves("preset " + p.id, p.sources) >= 1, p.id);
        check_resolves("preset " + p.id, p.explanation);
    }
}
