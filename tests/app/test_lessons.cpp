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
