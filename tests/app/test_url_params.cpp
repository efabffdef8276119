// test_url_params.cpp - the query-string parser and share links (URL, share link, stored state).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <string>

#include "app.hpp"
#include "commands.hpp"
#include "url_params.hpp"

namespace na = neurodrive::app;
namespace nm = neurodrive::model;

namespace {
bool ignored(const na::UrlConfig& c, const std::string& name) {
    for (const auto& i : c.ignored) if (i.name == name) return true;
    return false;
}
}

TEST_CASE("strict numbers: plain decimals only, finite") {
    CHECK(na::parse_strict_number("0.5") == 0.5);
    CHECK(na::parse_strict_number("2") == 2.0);
    CHECK(na::parse_strict_number("-1.25") == -1.25);
    CHECK(na::parse_strict_number("1e-3") == 0.001);
    for (const char* bad : {"", " 1", "1 ", "0.5abc", "NaN", "nan", "inf", "1e999", ".5", "5.", "+1", "0x10", "1,5", "--1", "1e", "1e+"})
        CHECK_MESSAGE(!na::parse_strict_number(bad).has_value(), bad);
    CHECK(!na::parse_strict_number(std::string(30, '1')).has_value());
}

TEST_CASE("format_exact gives the shortest text that reads back exactly") {
    for (double v : {0.0, 1.0, 0.3, 0.45, 1.0 / 3.0, 1e-7, 1.9999999999999998, 0.123456789012345})
        CHECK(std::strtod(na::format_exact(v).c_str(), nullptr) == v);
    CHECK(na::format_exact(0.3) == "0.3");
}

TEST_CASE("good parameters apply: preset first, then inputs, flags and lists") {
    const auto c = na::parse_query("?preset=hypothyroid&dopamine=0.5&lock=thyroid,events&hide=plots&ui=minimal&speed=2&paused=1&theme=projector&lang=en&resize=1&origin=https://lms.example.edu&persist=0&xapi=1");
    CHECK(c.ignored.empty());
    CHECK(c.values.preset == std::string("hypothyroid"));
    REQUIRE(c.inputs.size() == 1);
    CHECK(c.values.lock.size() == 2);
    CHECK(c.values.hide.size() == 1);
    CHECK(c.values.speed == 2.0);
    CHECK(c.values.paused == true);
    CHECK(c.values.resize == true);
    CHECK(c.values.origin.size() == 1);
    CHECK(c.persist() == false);
    nm::Inputs in;
    std::string preset;
    na::apply_inputs(c, &in, &preset);
    CHECK(in.thyroid == 0.3);
    CHECK(in.dopamine == 0.5);
}

TEST_CASE("bad and hostile parameters are ignored and reported, never half-applied") {
    const std::string q = "dopamine=1e999&serotonin=%3Cscript%3E&thyroid=0.5abc&cortisol=NaN&estradiol=2.5&bogus=1&preset=nope"
                          "&lock=happiness&hide=everything&speed=9&paused=maybe&theme=neon&lang=xx&origin=javascript:alert(1)"
                          "&dat_block=-0.1&testosterone=" + std::string(600, '1') + "&dopamine=0.5";
    const auto c = na::parse_query(q);
    CHECK(c.inputs.empty());
    CHECK(!c.values.preset);
    CHECK(!c.values.speed);
    CHECK(c.values.origin.empty());
    for (const char* name : {"dopamine", "serotonin", "thyroid", "cortisol", "estradiol", "bogus", "preset", "lock=happiness", "hide=everything",
                             "speed", "paused", "theme", "lang", "dat_block", "testosterone"})
        CHECK_MESSAGE(ignored(c, name), name);
    for (const auto& i : c.ignored) {
        CHECK(i.name.size() <= 43);
        for (char ch : i.name) CHECK(static_cast<unsigned char>(ch) >= 0x20);
    }
}

TEST_CASE("what a notice may show of an ignored parameter comes from a fixed vocabulary: never the link's own words") {
    const auto c = na::parse_query("Your+session+expired.=1&Sign%20in%20at%20evil.example=1&lock=thyroid,Call+555&hide=Visit+evil.example"
                                   "&thyroid=9&origin=https://ok.example,evil+words&compare=Sign+in+now&lesson=Sign_in&" + std::string(5000, 'x'));
    std::vector<std::string> params;
    for (const auto& i : c.ignored) params.push_back(i.param);
    CHECK(params == std::vector<std::string>{"(rest)", "", "", "lock", "hide", "thyroid", "origin", "compare", ""});
    REQUIRE(c.ignored.size() == 9);
    CHECK(c.ignored[1].name == "Your session expired.");   // the console still gets the name and reason as given
    CHECK(c.ignored[7].reason.find("Sign in now") != std::string::npos);
}

TEST_CASE("huge queries are cut and reported") {
    std::string q;
    for (int i = 0; i < 2000; ++i) q += "dopamine=0.5&";
    const auto c = na::parse_query(q);
    CHECK(!c.ignored.empty());
    CHECK(c.inputs.size() == 1);
}

TEST_CASE("share links round-trip the app state") {
    na::App app;
    REQUIRE(na::init(app));
    na::set_preset(app, "chronic_stress");
    CHECK(na::share_query(app) == "preset=chronic_stress");
    na::set_input_value(app, "dopamine", 0.37);
    na::cmd_set_inputs_json(app, R"({"thyroid":0.123456789,"dat_block":0.2})");
    app.settings.hide = {"plots"};
    app.settings.theme = "projector";
    app.settings.scale = 1.5f;
    app.settings.minimal = true;
    REQUIRE(na::start_lesson(app, "tonic_vs_phasic"));
    const std::string q = na::share_query(app);
    na::App other;
    REQUIRE(na::init(other));
    const std::string report = na::apply_query(other, q);
    CHECK(report.find("\"ignored\":[]") != std::string::npos);
    CHECK(std::memcmp(&other.brain.inputs, &app.brain.inputs, sizeof app.brain.inputs) == 0);
    CHECK(other.brain.preset == app.brain.preset);
    CHECK(other.settings.hide == app.settings.hide);
    CHECK(other.settings.theme == "projector");
    CHECK(other.settings.scale == 1.5f);
    CHECK(other.settings.minimal);
    REQUIRE(other.lesson.lesson >= 0);
    CHECK(other.lessons[static_cast<std::size_t>(other.lesson.lesson)].id == "tonic_vs_phasic");
}

TEST_CASE("scale= takes 0.75 to 2 and audio= takes on or off, anything else is reported") {
    auto c = na::parse_query("scale=1.5&audio=on");
    REQUIRE(c.values.scale.has_value());
    CHECK(*c.values.scale == 1.5);
    CHECK(c.values.audio == std::optional<bool>(true));
    CHECK(c.ignored.empty());
    c = na::parse_query("scale=3&audio=loud");
    CHECK(!c.values.scale.has_value());
    CHECK(!c.values.audio.has_value());
    CHECK(c.ignored.size() == 2);
    c = na::parse_query("scale=0.5");
    CHECK(!c.values.scale.has_value());
    na::App app;
    REQUIRE(na::init(app));
    na::apply_query(app, "scale=0.75&audio=off");
    CHECK(app.settings.scale == 0.75f);
    CHECK(!app.settings.audio);
}

TEST_CASE("origin= is strict and normalised, and present but invalid means no one may control") {
    const std::pair<const char*, const char*> good[] = {
        {"https://lms.example.edu", "https://lms.example.edu"}, {"HTTPS://LMS.Example.EDU/", "https://lms.example.edu"},
        {"https://lms.example.edu:443", "https://lms.example.edu"}, {"http://127.0.0.1:80/", "http://127.0.0.1"},
        {"http://127.0.0.1:8080", "http://127.0.0.1:8080"}, {"https://[::1]:8443", "https://[::1]:8443"},
        {"https://xn--bcher-kva.example", "https://xn--bcher-kva.example"},
    };
    for (const auto& [in, out] : good) {
        const auto n = na::normalize_origin(in);
        REQUIRE_MESSAGE(n.has_value(), in);
        CHECK(*n == out);
    }
    for (const char* bad : {"*", "null", "", "garbage", "https://", "https:///", "https://a.org/path", "https://a.org//", "https://a.org?x=1",
                            "https://a.org#x", "https://user@a.org", "https://a.org:0", "https://a.org:65536", "https://a.org:", "https://a..org",
                            "https://.a.org", "https://a.org.", "ftp://a.org", "javascript:alert(1)", "https://bücher.example", "https://a.org:80x",
                            "https://[::1", "https://a.org\\@b.org", "https://a org"})
        CHECK_MESSAGE(!na::normalize_origin(bad).has_value(), bad);
    for (const char* q : {"origin=*", "origin=null", "origin=garbage", "origin=", "origin=https://ok.org,*", "origin=https%3A%2F%2Fa.org%2Fpath"}) {
        const auto c = na::parse_query(q);
        CHECK_MESSAGE(c.origin_given, q);
        CHECK_MESSAGE(c.origin_invalid, q);
        CHECK(!c.ignored.empty());
    }
    const auto c = na::parse_query("origin=HTTPS://A.org/,http://b.org:8080");
    CHECK(!c.origin_invalid);
    REQUIRE(c.values.origin.size() == 2);
    CHECK(c.values.origin[0] == "https://a.org");
    CHECK(!na::parse_query("preset=stimulant").origin_given);
}

TEST_CASE("state parameters and persist names") {
    for (const char* q : {"preset=stimulant", "thyroid=0.5", "thyroid=banana", "lock=thyroid", "hide=plots", "ui=minimal", "speed=2",
                          "paused=1", "theme=projector", "lang=es", "lesson=learning_to_predict"})
        CHECK_MESSAGE(na::parse_query(q).has_state, q);
    for (const char* q : {"", "persist=1", "origin=https://a.org", "resize=1&xapi=1", "bogus=1"}) CHECK_MESSAGE(!na::parse_query(q).has_state, q);
    auto c = na::parse_query("persist=lab-2_b");
    CHECK(c.persist() == true);
    CHECK(c.persist_name() == "lab-2_b");
    c = na::parse_query("persist=1");
    CHECK(c.persist() == true);
    CHECK(c.persist_name().empty());
    CHECK(na::parse_query("persist=0").persist() == false);
    c = na::parse_query("persist=a%2Fb");
    CHECK(c.persist() == false);  // a bad name saves nothing (fail closed) ...
    CHECK(ignored(c, "persist"));  // ... and says so
    CHECK(na::parse_query("persist=" + std::string(41, 'a')).persist() == false);
}

static std::string pct(const char* s) {
    std::string out;
    for (const char* p = s; *p; ++p) { char buf[4]; std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(*p)); out += buf; }
    return out;
}

TEST_CASE("xapi_base and lti_token: strict, normalised, else ignored with a reason") {
    auto c = na::parse_query("?xapi_base=HTTPS://LMS.Example.edu:443/neuro&lti_token=abc.DEF-1_2~");
    REQUIRE(c.values.xapi_base);
    CHECK(*c.values.xapi_base == "https://lms.example.edu/neuro/");
    REQUIRE(c.values.lti_token);
    CHECK(*c.values.lti_token == "abc.DEF-1_2~");
    CHECK(c.ignored.empty());
    for (const char* bad : {"http://lms.example.edu/", "https://", "https://a.org/x?y=1", "https://a.org/x#f", "https://u@a.org/",
                            "https://a.org/x y", "javascript:alert(1)", "https://a.org/../x", "https://a.org//x", "https://*.org/"}) {
        INFO(bad);
        const auto b = na::parse_query(std::string("xapi_base=") + pct(bad));
        CHECK(!b.values.xapi_base);
        REQUIRE(b.ignored.size() == 1);
        CHECK(b.ignored[0].name == "xapi_base");
    }
    CHECK(!na::parse_query("xapi_base=https://a.org/" + std::string(300, 'x')).values.xapi_base);
    for (const char* bad : {"lti_token=", "lti_token=a%20b", "lti_token=%3Cscript%3E"}) {
        const auto b = na::parse_query(bad);
        CHECK(!b.values.lti_token);
        CHECK(b.ignored.size() == 1);
    }
    CHECK(!na::parse_query("lti_token=" + std::string(257, 'a')).values.lti_token);
}
