// test_lessons.cpp - the guided lessons: data valid, every text present, and every lesson can be
// completed by doing what it says.
#include <doctest/doctest.h>

#include <string>

#include "app.hpp"
#include "lessons.hpp"

namespace na = neurodrive::app;

TEST_CASE("six lessons, each step with all its texts in both languages") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(app.lessons.size() >= 6);
    for (const char* lang : {"en", "es"}) {
        REQUIRE(na::set_language(app, lang));
        for (const auto& l : app.lessons) {
            CHECK(app.strings.table.count("lesson." + l.id + ".title") == 1);
            for (const auto& s : l.steps)
                for (const char* part : {"explain", "do", "question", "option1", "option2", "option3", "why"})
                    CHECK_MESSAGE(app.strings.table.count("lesson." + l.id + "." + s.id + "." + part) == 1, (l.id + "." + s.id + "." + part));
        }
    }
}

TEST_CASE("bad lesson documents are refused with a clear message") {
    std::vector<na::Lesson> out;
    CHECK(!na::parse_lessons("{}", &out).empty());
    CHECK(na::parse_lessons(R"({"lessons":[{"id":"a","steps":[{"id":"s","correct":4,"checks":[{"wait_s":1}]}]}]})", &out).find("correct") != std::string::npos);
    CHECK(na::parse_lessons(R"({"lessons":[{"id":"a","steps":[{"id":"s","correct":1,"checks":[{"input":"mojo","op":">=","value":1}]}]}]})", &out).find("mojo") != std::string::npos);
    CHECK(!na::parse_lessons(R"({"lessons":[{"id":"a","steps":[{"id":"s","correct":1,"checks":[{"input":"thyroid","op":"==","value":1}]}]}]})", &out).empty());
    CHECK(!na::parse_lessons(R"({"lessons":[{"id":"a","steps":[{"id":"s","correct":1,"checks":[{"dance":1}]}]}]})", &out).empty());
}

TEST_CASE("predict, act, confirm: the wanting-vs-liking lesson runs to the end") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::start_lesson(app, "wanting_vs_liking"));
    na::lesson_lock(app);  // no choice yet: stays in Predict
    CHECK(app.lesson.phase == na::LessonPhase::Predict);
    na::lesson_choose(app, 2);
    na::lesson_lock(app);
    CHECK(app.lesson.phase == na::LessonPhase::Act);
    na::advance_sim(app, 5.0);
    CHECK(app.lesson.phase == na::LessonPhase::Act);  // nothing done yet
    na::set_input_value(app, "nac_depletion", 0.95);
    na::advance_sim(app, 4.0);
    REQUIRE(app.lesson.phase == na::LessonPhase::Result);
    CHECK(app.lesson.choice == app.lessons[0].steps[0].correct);
    na::lesson_next(app);
    na::lesson_choose(app, 1);
    na::lesson_lock(app);
    na::advance_sim(app, 4.0);
    REQUIRE(app.lesson.phase == na::LessonPhase::Result);
    na::lesson_next(app);
    CHECK(app.lesson.lesson == -1);
    CHECK(app.lesson.done[0] == 2);
    CHECK(app.lesson.completed_steps == 2);
    CHECK(na::lessons_json(app).find("\"done\":2") != std::string::npos);
}

TEST_CASE("the virtual lab runs every experiment on control and scenario") {
    na::App app;
    REQUIRE(na::init(app));
    na::set_input_value(app, "nac_depletion", 0.8);
    for (int i = 0; i < 6; ++i) {
        na::run_lab(app, i);
        CHECK(!app.lab.experiment.empty());
        CHECK((!app.lab.bars.empty() || app.lab.curve.x.size() >= 2));
        CHECK(app.strings.table.count("lab." + app.lab.experiment + ".finding") == 1);
        CHECK(app.strings.table.count(app.lab.unit_key) == 1);
        for (const auto& b : app.lab.bars) CHECK(app.strings.table.count(b.label_key) == 1);
    }
    na::run_lab(app, 1);  // effort choice: depletion lowers presses, raises chow
    REQUIRE(app.lab.experiment == "effort_choice");
    CHECK(app.lab.bars[0].scenario < app.lab.bars[0].control);
    CHECK(app.lab.bars[1].scenario > app.lab.bars[1].control);
    na::run_lab(app, 99);  // out of range: ignored
    CHECK(app.lab.experiment == "effort_choice");
}

TEST_CASE("references and glossary are complete") {
    na::App app;
    REQUIRE(na::init(app));
    CHECK(app.references.size() >= 30);
    for (const auto& r : app.references) CHECK(!r.tier.empty());
    int terms = 0;
    for (const auto& kv : app.strings.table)
        if (kv.first.rfind("glossary.", 0) == 0 && kv.first.size() > 5 && kv.first.compare(kv.first.size() - 5, 5, ".term") == 0) {
            ++terms;
            CHECK(app.strings.table.count(kv.first.substr(0, kv.first.size() - 5) + ".text") == 1);
        }
    CHECK(terms >= 20);
    std::vector<na::Reference> refs;
    CHECK(!na::parse_references(R"({"references":[{"cite":"x"}]})", &refs).empty());
}
