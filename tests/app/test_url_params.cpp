// test_url_params.cpp - the query-string parser and share links (URL, share link, stored state).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "app.hpp"
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
    CHECK(c.preset == std::string("hypothyroid"));
    REQUIRE(c.inputs.size() == 1);
    CHECK(c.lock.size() == 2);
    CHECK(c.hide.size() == 1);
    CHECK(c.speed == 2.0);
    CHECK(c.paused == true);
    CHECK(c.resize == true);
    CHECK(c.origins.size() == 1);
    CHECK(c.persist == false);
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
    CHECK(!c.preset);
    CHECK(!c.speed);
    CHECK(c.origins.empty());
    for (const char* name : {"dopamine", "serotonin", "thyroid", "cortisol", "estradiol", "bogus", "preset", "lock=happiness", "hide=everything",
                             "speed", "paused", "theme", "lang", "dat_block", "testosterone"})
        CHECK_MESSAGE(ignored(c, name), name);
    for (const auto& i : c.ignored) {
        CHECK(i.name.size() <= 43);
        for (char ch : i.name) CHECK(static_cast<unsigned char>(ch) >= 0x20);
    }
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
    na::apply_inputs_json(app, R"({"thyroid":0.123456789,"dat_block":0.2})");
    app.ui.hide = {"plots"};
    app.ui.theme = "projector";
    const std::string q = na::share_query(app);
    na::App other;
    REQUIRE(na::init(other));
    const std::string report = na::apply_query(other, q);
    CHECK(report.find("\"ignored\":[]") != std::string::npos);
    CHECK(std::memcmp(&other.inputs, &app.inputs, sizeof app.inputs) == 0);
    CHECK(other.preset == app.preset);
    CHECK(other.ui.hide == app.ui.hide);
    CHECK(other.ui.theme == "projector");
}
