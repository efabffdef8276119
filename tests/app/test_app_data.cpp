// test_app_data.cpp - the app's data files and the pure parts of the app (no ImGui, GL or SDL).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "neurodrive/io/presets.hpp"
#include <string>

#include "app.hpp"
#include "commands.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/findings.hpp"
#include "neurodrive/experiments.hpp"
#include "assets.hpp"
#include "colors.hpp"
#include "narration.hpp"
#include "settings.hpp"
#include "strings_check.hpp"

extern const unsigned char nd_strings_en[];
extern const unsigned long nd_strings_en_size;
extern const unsigned char nd_geometry[];
extern const unsigned long nd_geometry_size;

namespace na = neurodrive::app;
namespace nm = neurodrive::model;

namespace {
std::string_view text(const unsigned char* d, unsigned long n) { return {reinterpret_cast<const char*>(d), n}; }
}

TEST_CASE("the built-in strings and geometry parse, every schematic region and pathway has its texts") {
    na::Strings s;
    na::Geometry g;
    REQUIRE(na::parse_strings(text(nd_strings_en, nd_strings_en_size), &s).empty());
    REQUIRE(na::parse_geometry(text(nd_geometry, nd_geometry_size), &g).empty());
    for (const char* id : {"pfc", "nac", "vta", "lc", "raphe", "hypothalamus", "pituitary", "thyroid", "adrenal", "gonads"})
        CHECK_MESSAGE(g.region(id) != nullptr, id);
    for (const auto& r : g.regions)
        for (const std::string& key : {"region." + r.id, "region.desc." + r.id, "region.source." + r.id})
            CHECK_MESSAGE(s.table.count(key) == 1, key);
    for (const auto& p : g.pathways)
        for (const std::string& key : {"pathway." + p.id, "pathway.desc." + p.id, "pathway.source." + p.id})
            CHECK_MESSAGE(s.table.count(key) == 1, key);
}

TEST_CASE("broken data files give a clear error naming the place") {
    na::Strings s;
    CHECK(na::parse_strings("{\"a\": 1}", &s).find("\"a\"") != std::string::npos);
    CHECK(!na::parse_strings("[", &s).empty());
    CHECK(!na::parse_strings("{}", &s).empty());
    na::Geometry g;
    CHECK(!na::parse_geometry("{}", &g).empty());
    const std::string concave = R"({"size":[10,10],"callosum":[0,0,1,1,2,2,3,3],
        "outlines":[{"id":"bad","center":[5,5],"points":[[0,0],[10,0],[10,10],[6,10],[5,-20],[4,10],[0,10]]}],
        "regions":[{"id":"a","center":[1,1],"radius":[1,1],"color":"x","value":""}],
        "pathways":[{"id":"p","color":"x","source":"a","curve":[0,0,1,1,2,2,3,3]}]})";
    CHECK(na::parse_geometry(concave, &g).find("star-shaped") != std::string::npos);
    const std::string unknown_source = R"({"size":[10,10],"callosum":[0,0,1,1,2,2,3,3],
        "outlines":[{"id":"ok","center":[5,5],"points":[[0,0],[10,0],[10,10],[0,10]]}],
        "regions":[{"id":"a","center":[1,1],"radius":[1,1],"color":"x","value":""}],
        "pathways":[{"id":"p","color":"x","source":"zz","curve":[0,0,1,1,2,2,3,3]}]})";
    CHECK(na::parse_geometry(unknown_source, &g).find("zz") != std::string::npos);
}

TEST_CASE("the schematic's layout data: the body band, the legend, every region labelled in order, the glands and the named pathways") {
    na::Strings s;
    na::Geometry g;
    REQUIRE(na::parse_strings(text(nd_strings_en, nd_strings_en_size), &s).empty());
    REQUIRE(na::parse_geometry(text(nd_geometry, nd_geometry_size), &g).empty());
    CHECK(g.body_max.x > g.body_min.x);
    CHECK(g.body_max.y > g.body_min.y);
    REQUIRE(!g.legend.empty());
    const na::Theme& theme = na::builtin_colors().themes.front().second;
    for (const std::string& role : g.legend) {
        CHECK_MESSAGE(s.table.count("legend." + role) == 1, role);
        CHECK_MESSAGE(na::theme_color(theme, role, 0u) != 0u, "legend role " << role << " has a colour");
    }
    CHECK(g.label_order.size() == g.regions.size());
    CHECK(g.label_order.front() == "vta");
    int glands = 0;
    for (const auto& r : g.regions) {
        CHECK_MESSAGE(s.table.count("region.short." + r.id) == 1, r.id);
        if (r.label_value) CHECK_MESSAGE(s.table.count("region.label_value." + r.id) == 1, r.id);
        if (!r.gland) continue;
        ++glands;
        // A gland sits in the body band.
        CHECK(r.center.x > g.body_min.x);
        CHECK(r.center.x < g.body_max.x);
        CHECK(r.center.y > g.body_min.y);
        CHECK(r.center.y < g.body_max.y);
    }
    CHECK(glands == 3);
    REQUIRE(!g.pathway_labels.empty());
    for (const auto& p : g.pathway_labels) CHECK_MESSAGE(s.table.count("pathway.short." + p.id) == 1, p.id);
}

TEST_CASE("broken schematic layout data gives a clear error naming the place") {
    const std::string base = R"({"size":[10,10],"callosum":[0,0,1,1,2,2,3,3],
        "outlines":[{"id":"ok","center":[5,5],"points":[[0,0],[10,0],[10,10],[0,10]]}],
        "regions":[{"id":"a","center":[1,1],"radius":[1,1],"color":"x","value":""}],
        "pathways":[{"id":"p","color":"x","source":"a","curve":[0,0,1,1,2,2,3,3]}])";
    na::Geometry g;
    REQUIRE(na::parse_geometry(base + "}", &g).empty());
    CHECK(g.label_order == std::vector<std::string>{"a"});  // every region is labelled, listed or not
    CHECK(na::parse_geometry(base + R"(,"body":[5,5,1,1]})", &g).find("\"body\"") != std::string::npos);
    CHECK(na::parse_geometry(base + R"(,"legend":["dopamine",3]})", &g).find("\"legend\"") != std::string::npos);
    CHECK(na::parse_geometry(base + R"(,"label_order":["nope"]})", &g).find("nope") != std::string::npos);
    CHECK(na::parse_geometry(base + R"(,"pathway_labels":[{"id":"q","at":0.5}]})", &g).find("pathway_labels[0]") != std::string::npos);
    CHECK(na::parse_geometry(base + R"(,"pathway_labels":[{"id":"p","at":2}]})", &g).find("\"at\"") != std::string::npos);
    const std::string bad_flag = R"({"size":[10,10],"callosum":[0,0,1,1,2,2,3,3],
        "outlines":[{"id":"ok","center":[5,5],"points":[[0,0],[10,0],[10,10],[0,10]]}],
        "regions":[{"id":"a","center":[1,1],"radius":[1,1],"color":"x","value":"","gland":"yes"}],
        "pathways":[{"id":"p","color":"x","source":"a","curve":[0,0,1,1,2,2,3,3]}]})";
    CHECK(na::parse_geometry(bad_flag, &g).find("\"gland\"") != std::string::npos);
}

TEST_CASE("a missing string shows its key instead of crashing") {
    na::Strings s;
    CHECK(std::string(s.get("no.such.key")) == "no.such.key");
}

TEST_CASE("narration names the cause and words tier-C effects as uncertain") {
    na::App app;
    REQUIRE(na::init(app));
    na::set_input_value(app, "thyroid", 0.3);
    na::advance_sim(app, 30.0);
    const auto sentences = na::narrate(app.strings, na::narration_input(app));
    REQUIRE(sentences.size() >= 2);
    CHECK(sentences.size() <= 4);
    CHECK(sentences[0].find("down from") != std::string::npos);
    CHECK(sentences[1].find("thyroid") != std::string::npos);
    CHECK(sentences[1].find("tier C") != std::string::npos);
    for (const auto& s : sentences) CHECK(s.find("your") == std::string::npos);  // "this simulated brain", never "your brain"

    na::reset_all(app);
    na::set_input_value(app, "testosterone", 0.2);
    na::advance_sim(app, 10.0);
    const auto t = na::narrate(app.strings, na::narration_input(app));
    bool uncertain = false;
    for (const auto& s : t) uncertain |= s.find("mixed") != std::string::npos;
    CHECK(uncertain);
}

TEST_CASE("the app's JSON interface is strict and atomic") {
    na::App app;
    REQUIRE(na::init(app));
    CHECK(na::cmd_set_inputs_json(app, R"({"thyroid":0.5,"dopamine":0.7})").empty());
    CHECK(app.brain.inputs.thyroid == 0.5);
    CHECK(app.brain.preset == "custom");
    CHECK(!na::cmd_set_inputs_json(app, R"({"thyroid":0.9,"dopamine":7})").empty());
    CHECK(app.brain.inputs.thyroid == 0.5);  // nothing applied when one value is bad
    CHECK(!na::cmd_set_inputs_json(app, R"({"thyroid":"1"})").empty());
    CHECK(!na::cmd_set_inputs_json(app, "[1,2]").empty());
    CHECK(!na::cmd_set_inputs_json(app, "{").empty());
    CHECK(na::set_preset(app, "hypothyroid"));
    CHECK(!na::set_preset(app, "<script>"));
    const std::string json = na::state_json(app);
    CHECK(json.find("\"preset\":\"hypothyroid\"") != std::string::npos);
    CHECK(json.find("\"motivation\":") != std::string::npos);
}

TEST_CASE("a 5-second stall or a hidden tab does not make the model jump") {
    na::App app;
    REQUIRE(na::init(app));
    const double t0 = app.brain.state.time_s;
    na::update(app, 5.0);  // clamped to kMaxFrameDtS
    CHECK(app.brain.state.time_s - t0 <= na::kMaxFrameDtS + 1e-9);
    app.paused = true;
    na::update(app, 0.05);
    CHECK(app.brain.state.time_s - t0 <= na::kMaxFrameDtS + 1e-9);
}

TEST_CASE("auto trials fire a cue every 5 s and history keeps 30 s") {
    na::App app;
    REQUIRE(na::init(app));
    app.auto_trials = true;
    app.next_auto_trial_s = app.brain.state.time_s + 0.2;
    for (int i = 0; i < 60 * 40; ++i) na::update(app, 1.0 / 60.0);  // 40 s
    CHECK(app.brain.out.trials >= 7);
    CHECK(app.brain.history.da_nac.count == na::kHistorySamples);
    CHECK(!app.brain.history.trials.empty());
}

TEST_CASE("events sent while paused are capped: event marks and tones stay bounded, the newest kept") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::cmd_pause(app).empty());
    for (int i = 0; i < 20000; ++i) {
        REQUIRE(na::cmd_event(app, i % 3 == 0 ? "cue" : i % 3 == 1 ? "reward" : "omit").empty());
        na::update(app, 1.0 / 60.0);
    }
    CHECK(app.brain.history.events.size() <= na::kMaxEventMarks);
    CHECK(app.brain.history.audio.tones.size() <= na::kMaxTones);
    CHECK(app.brain.history.events.back().type == neurodrive::model::Event::Reward);  // the newest (i = 19999) is kept
    CHECK(app.brain.history.event_counts[0] >= 6667);                                // lessons still count every one
}

extern const unsigned char nd_references[];
extern const unsigned long nd_references_size;

namespace {

// Every language of assets/languages.json against the first (English, the reference).
std::vector<std::pair<std::string, na::Strings>> translations() {
    std::vector<std::pair<std::string, na::Strings>> out;
    for (const na::Language& l : na::languages()) {
        if (&l == &na::languages().front()) continue;
        na::Strings s;
        REQUIRE_MESSAGE(na::load_strings(l.code, &s).empty(), l.code);
        out.emplace_back(l.code, std::move(s));
    }
    return out;
}

}  // namespace

TEST_CASE("every language is complete: the strings check finds nothing missing, extra, untranslated, with other values or too long") {
    const std::string_view english = na::embedded_asset(na::languages().front().strings_symbol);
    REQUIRE(!english.empty());
    for (const na::Language& l : na::languages()) {
        INFO("language ", l.code);
        const std::string_view json = na::embedded_asset(l.strings_symbol);
        REQUIRE(!json.empty());  // natively every language is built in
        for (const auto& p : na::check_strings(l.code, english, json)) FAIL_CHECK(l.code << ".json: " << p.kind << " " << p.key << ": " << p.detail);
    }
}

TEST_CASE("the strings check finds what a translator can get wrong") {
    const std::string en = R"({"@@room": {"tab.*": 8}, "@@not_translated": ["app.title"], "app.title": "NeuroDrive", "tab.drive": "Drive",
        "a.b": "Hello", "v": "%s at %.1f Hz", "n": "%d findings", "pct": "50%% of %s", "plain": "25% likely", "locale.plural": "one: n = 1"})";
    auto kinds = [&](const std::string& tr) {
        std::vector<std::string> out;
        for (const auto& p : na::check_strings("xx", en, tr)) if (p.key.rfind("preset.", 0) && p.key.rfind("experiment.", 0) && p.key.rfind("finding.", 0) && p.key.rfind("reference.", 0)) out.push_back(p.kind + " " + p.key);
        return out;
    };
    CHECK(kinds(R"({"app.title": "NeuroDrive", "tab.drive": "Antrieb", "a.b": "Hallo", "v": "%2$.1f Hz: %1$s", "n": "{1, plural, one {# Befund} other {# Befunde}}",
        "pct": "50 %% von %s", "plain": "25 % de chance", "locale.plural": "one: n = 1", "extra.key": "x"})") == std::vector<std::string>{"extra extra.key"});
    CHECK(kinds(R"({"app.title": "NeuroDrive", "tab.drive": "Motivation!", "a.b": "Hello", "v": "%s at %s Hz", "n": "{1, plural, other {# Befunde}}",
        "pct": "50 % von %s", "plain": "x", "locale.plural": "one: n = 1"})")
          == std::vector<std::string>{"untranslated a.b", "plural n", "values pct", "too long tab.drive", "values v"});
    CHECK(kinds(R"({"tab.drive": "A"})").size() == 7);  // seven keys missing
    CHECK(na::check_strings("xx", en, "{not json").front().kind == "file");
    CHECK(na::text_width("\u4f0f\u9694\u6838 %s") == 11);  // three wide characters, a space and a value
}

TEST_CASE("every registry entry has its UI text in every language") {
    na::Strings en;
    REQUIRE(na::load_strings("en", &en).empty());
    int n = 0;
    const nm::InputSpec* inputs = nm::input_specs(&n);
    std::vector<na::Reference> refs;
    REQUIRE(na::parse_references(text(nd_references, nd_references_size), &refs).empty());
    for (const auto& [lang, tr] : translations()) {
        INFO("language ", lang);
        for (int i = 0; i < n; ++i)
            for (const char* part : {"input.", "tip."})
                for (const na::Strings* s : {static_cast<const na::Strings*>(&en), &tr}) CHECK_MESSAGE(s->table.count(part + std::string(inputs[i].name)) == 1, part << inputs[i].name);
        int n_parts = 0;
        const nm::DriveComponent* parts = nm::drive_components(&n_parts);
        for (int i = 0; i < n_parts; ++i)
            for (const char* part : {"drive.", "drive.tip.", "component."})
                for (const na::Strings* s : {static_cast<const na::Strings*>(&en), &tr}) CHECK_MESSAGE(s->table.count(part + std::string(parts[i].output)) == 1, part << parts[i].output);
        for (const auto& e : nm::experiment_specs()) {
            const std::string k = "experiment." + std::string(e.name) + ".";
            CHECK_MESSAGE(tr.table.count(k + "title") == 1, e.name);
            CHECK_MESSAGE(tr.table.count(k + "finding") == 1, e.name);
            CHECK_MESSAGE(tr.table.count(k + "unit") == 1, e.name);
            if (!e.chart.x_label.empty()) CHECK_MESSAGE(tr.table.count(k + "x") == 1, e.name);
            if (!e.chart.y_label.empty()) CHECK_MESSAGE(tr.table.count(k + "y") == 1, e.name);
            if (!e.chart.y2_label.empty()) CHECK_MESSAGE(tr.table.count(k + "y2") == 1, e.name);
            for (std::size_t b = 0; b < e.chart.bars.size(); ++b) CHECK_MESSAGE(tr.table.count(k + "bar" + std::to_string(b + 1)) == 1, e.name);
            CHECK(en.table.count(k + "title") == 0);  // the English lives in the registry only
        }
        for (const auto& f : nm::finding_specs()) CHECK_MESSAGE(tr.table.count("finding." + std::string(f.id)) == 1, f.id);
        for (const auto& r : refs) CHECK_MESSAGE(tr.table.count("reference.topic." + r.cite) == 1, r.cite);
    }
}

TEST_CASE("the language can be switched and the environment is validated") {
    na::App app;
    REQUIRE(na::init(app));
    CHECK(std::string(app.strings.get("time.pause")) == "Pause");
    na::apply_environment(app, "lang=es&scheme=light&motion=reduce&scale=1.5");
    CHECK(app.settings.lang == "es");
    CHECK(std::string(app.strings.get("time.pause")) == "Pausa");
    CHECK(app.settings.theme == "projector");
    CHECK(app.settings.reduced_motion);
    CHECK(app.settings.scale == 1.5f);
    na::apply_environment(app, "lang=xx&scale=9&scale=abc&motion=fast");
    CHECK(app.settings.lang == "es");
    CHECK(app.settings.scale == 1.5f);
    CHECK(!na::set_language(app, "xx"));
    CHECK(std::string(na::preset_title(app, *neurodrive::io::find_preset("hypothyroid"))) == "Hipotiroidismo manifiesto");
    // A language is matched as the browser or a URL writes it; an unknown one is refused.
    na::apply_environment(app, "lang=EN-gb");
    CHECK(app.settings.lang == "en");
    na::apply_environment(app, "lang=es-MX");
    CHECK(app.settings.lang == "es");
    CHECK(na::match_language("pt_br") == na::match_language("pt-BR"));
    CHECK(na::match_language("xx-YY").empty());
    CHECK(na::match_language("en-xa") == "en-XA");
}

TEST_CASE("the pseudo-locale en-XA: English accented, longer and bracketed, with the same values, from ?lang=en-XA") {
    na::App app;
    REQUIRE(na::init(app));
    na::Strings en, xa;
    REQUIRE(na::load_strings("en", &en).empty());
    REQUIRE(na::load_strings("en-XA", &xa).empty());
    REQUIRE(xa.table.size() == en.table.size());
    for (const auto& [key, text] : en.table) {
        if (key.rfind("locale.", 0) == 0) { CHECK(xa.table.at(key) == text); continue; }
        CHECK_MESSAGE(xa.table.at(key).size() > text.size(), key);
        std::string why;
        CHECK_MESSAGE(na::same_arguments(na::template_use(text), na::template_use(xa.table.at(key)), &why), key, why);
    }
    CHECK(na::set_language(app, "en-XA"));
    CHECK(app.strings_lang == "en-XA");
    CHECK(std::string(app.strings.get("time.pause")).front() == '[');
    // Never offered in a menu: the language setting's values are the table's languages.
    const auto codes = na::find_setting("lang")->values();
    CHECK(std::find(codes.begin(), codes.end(), "en-XA") == codes.end());
}
