// test_settings.cpp - the one settings table (settings.hpp), the language table and the colour table:
// every row is whole and consistent, every value a link carries reads back the same, the defaults are
// values, the errors name the range or the choices, and the docs list every URL parameter.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "app.hpp"
#include "assets.hpp"
#include "colors.hpp"
#include "settings.hpp"
#include "url_params.hpp"

namespace na = neurodrive::app;

namespace {
// A value of `spec` that is not its default (the last choice, step or a known name), as URL text.
std::string other_value(const na::SettingSpec& spec) {
    switch (spec.type) {
    case na::SettingType::Flag: return na::parse_flag(spec.default_text).value_or(false) ? "0" : "1";
    case na::SettingType::Number: return na::format_exact(spec.steps.back() != na::parse_strict_number(spec.default_text) ? spec.steps.back() : spec.steps.front());
    case na::SettingType::Choice:
    case na::SettingType::List:
        for (const std::string& v : spec.values())
            if (v != na::setting_default(spec)) return v;
        return "";
    default: return spec.name == "compare" ? "hypothyroid,dopamine:0.8" : "tonic_vs_phasic";
    }
}
}  // namespace

TEST_CASE("every setting is bound to exactly the one field its type needs, with unique names") {
    std::set<std::string_view> names;
    for (const na::SettingSpec& s : na::setting_specs()) {
        INFO(s.name);
        CHECK(names.insert(s.name).second);
        CHECK(na::find_setting(s.name) == &s);
        const int bound = (s.flag ? 1 : 0) + (s.number ? 1 : 0) + (s.text ? 1 : 0) + (s.list ? 1 : 0);
        CHECK(bound == 1);
        if (s.type == na::SettingType::Flag) CHECK(s.flag != nullptr);
        if (s.type == na::SettingType::Number) { CHECK(s.number != nullptr); CHECK(s.min < s.max); CHECK(!s.steps.empty()); }
        if (s.type == na::SettingType::List) CHECK(s.list != nullptr);
        if (s.type == na::SettingType::Choice || s.type == na::SettingType::Flag) { REQUIRE((s.values != nullptr)); CHECK(!s.values().empty()); }
        if (s.type == na::SettingType::Flag) CHECK(s.values().size() == 2);
        if (s.use & (na::kInLink | na::kStored | na::kUserSetting | na::kBuilder | na::kFromEnv | na::kDefinesView)) CHECK((s.use & (na::kFromUrl | na::kStored | na::kFromEnv)) != 0);
        if (s.use & na::kUserSetting) CHECK(!s.label_key.empty());
    }
    CHECK(na::find_setting("nonsense") == nullptr);
}

TEST_CASE("every default is a value of its setting, and the app starts from the defaults") {
    for (const na::SettingSpec& s : na::setting_specs()) {
        if (na::setting_default(s).empty()) continue;
        na::SettingValues v;
        CHECK_MESSAGE(na::set_setting(v, s, na::setting_default(s)).empty(), s.name);
        CHECK_MESSAGE(na::setting_is_default(v, s), s.name);
    }
    for (const double step : na::find_setting("scale")->steps) CHECK(na::setting_number_error("scale", step).empty());
    na::App app;
    REQUIRE(na::init(app));
    CHECK(app.settings.theme == na::setting_default("theme"));
    CHECK(app.settings.lang == na::setting_default("lang"));
    CHECK(static_cast<double>(app.settings.scale) == na::setting_default_number("scale"));
    CHECK(static_cast<double>(app.speed) == na::setting_default_number("speed"));
    CHECK(na::share_query(app).empty());  // defaults are never written into a link
}

TEST_CASE("the errors name the range or the choices, made from the table") {
    CHECK(na::setting_error(*na::find_setting("scale")) == "must be a number from 0.75 to 2");
    CHECK(na::setting_error(*na::find_setting("speed")) == "must be a number from 0.25 to 4");
    CHECK(na::setting_error(*na::find_setting("theme")) == "must be dark or projector");
    CHECK(na::setting_error(*na::find_setting("audio")) == "must be on or off");
    CHECK(na::setting_error(*na::find_setting("paused")) == "must be 1 or 0");
    std::string langs = "must be ";
    const auto codes = na::language_codes();
    for (std::size_t i = 0; i < codes.size(); ++i) langs += (i == 0 ? "" : i + 1 == codes.size() ? " or " : ", ") + codes[i];
    CHECK(na::setting_error(*na::find_setting("lang")) == langs);
    // The same reasons reach a URL, a command and the stored state.
    const auto c = na::parse_query("scale=9&theme=neon");
    REQUIRE(c.ignored.size() == 2);
    CHECK(c.ignored[0].reason == "must be a number from 0.75 to 2");
    CHECK(c.ignored[1].reason == "must be dark or projector");
}

TEST_CASE("every setting a link carries reads back the same from the link") {
    for (const na::SettingSpec& s : na::setting_specs()) {
        if (!(s.use & na::kInLink) || s.name == "preset") continue;
        INFO(s.name);
        na::SettingValues view;
        REQUIRE(na::set_setting(view, s, other_value(s)).empty());
        REQUIRE(!na::setting_is_default(view, s));
        const std::string q = na::share_query(neurodrive::model::Inputs{}, "baseline", view);
        CHECK(q.find(std::string(s.name) + "=") == 0);
        const na::UrlConfig back = na::parse_query(q);
        CHECK(back.ignored.empty());
        CHECK(na::setting_text(back.values, s) == na::setting_text(view, s));
    }
}

TEST_CASE("only the table's environment settings come from the browser, and they never define the view") {
    const auto env = na::parse_query("lang=es&scheme=light&motion=reduce&theme=projector&preset=stimulant&dopamine=0.5", na::kFromEnv);
    CHECK(env.values.lang == std::optional<std::string>("es"));
    CHECK(env.values.scheme == std::optional<std::string>("light"));
    CHECK(!env.values.preset);
    CHECK(env.inputs.empty());
    CHECK(!env.has_state);
    CHECK(!na::parse_query("scheme=light").values.scheme);  // not a URL parameter
}

TEST_CASE("the languages: codes unique, each with its own name, loading text and strings") {
    std::set<std::string> codes;
    REQUIRE(!na::languages().empty());
    for (const na::Language& l : na::languages()) {
        CHECK(codes.insert(l.code).second);
        CHECK(*l.name);
        CHECK(*l.loading);
        na::Strings s;
        CHECK_MESSAGE(na::load_strings(l.code, &s).empty(), l.code);
    }
    CHECK(na::languages().front().code == na::setting_default("lang"));
    na::Strings s;
    CHECK(!na::load_strings("xx", &s).empty());
}

TEST_CASE("the colour table: every theme names every role, and a missing one is refused by name") {
    REQUIRE(na::builtin_colors().error.empty());
    CHECK(na::theme_names() == na::find_setting("theme")->values());
    CHECK(na::find_theme(na::setting_default("theme")) != nullptr);
    for (const auto& [name, theme] : na::builtin_colors().themes) {
        INFO(name);
        CHECK(((theme.text >> 24) & 0xFF) == 0xFF);  // text is opaque
        CHECK(theme.text != theme.background);
        CHECK(na::theme_color(theme, "dopamine", 0) == theme.dopamine);
    }
    CHECK(na::css_color(na::pack_color(0x12, 0x34, 0x56)) == "#123456");
    CHECK(na::css_color(na::pack_color(255, 255, 255, 230)) == "#ffffffe6");
    CHECK(na::builtin_colors().themes.front().first == na::setting_default("theme"));  // the first theme is the default: the page's colours
    na::ColorTable t;
    CHECK(na::make_color_table({{"x", "background", "#000000"}}, &t).find("has no colour \"panel\"") != std::string::npos);
    CHECK(na::make_color_table({{"x", "background", "black"}}, &t).find("background") != std::string::npos);
    // The shared roles (the drive meter's parts) fill every theme.
    CHECK(na::find_theme("dark")->drive == na::find_theme("projector")->drive);
}

TEST_CASE("app.js receives the table and the limits at start") {
    rapidjson::Document d;
    d.Parse(na::settings_json().c_str());
    REQUIRE(d.IsObject());
    CHECK(d["limits"]["json_bytes"].GetDouble() == static_cast<double>(na::kMaxJsonBytes));
    CHECK(d["limits"]["stored_bytes"].GetDouble() == static_cast<double>(na::kMaxStoredBytes));
    CHECK(d["settings"].Size() == na::setting_specs().size());
    CHECK(std::string(d["settings"][0]["name"].GetString()) == std::string(na::setting_specs().front().name));
}

TEST_CASE("docs/EMBEDDING.md describes every URL parameter of the table") {
    std::ifstream f(ND_SOURCE_DIR "/docs/EMBEDDING.md");
    REQUIRE(f.good());
    std::stringstream doc;
    doc << f.rdbuf();
    for (const na::SettingSpec& s : na::setting_specs())
        if (s.use & na::kFromUrl) CHECK_MESSAGE(doc.str().find("| `" + std::string(s.name) + "` |") != std::string::npos, s.name);
}
