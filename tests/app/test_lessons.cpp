// test_lessons.cpp - the guided lessons: data valid, every text present, and every lesson can be
// completed by doing what it says.
#include <doctest/doctest.h>

#include <string>

#include "app.hpp"
#include "lessons.hpp"
#include "neurodrive/experiments.hpp"
#include "neurodrive/names.hpp"

#include <algorithm>

namespace na = neurodrive::app;
namespace nm = neurodrive::model;

TEST_CASE("eight lessons, each step with all its texts in both languages") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(app.lessons.size() >= 8);
    for (const char* lang : {"en", "es"}) {
        REQUIRE(na::set_language(app, lang));
        for (const auto& l : app.lessons) {
            CHECK(app.strings.table.count("lesson." + l.id + ".title") == 1);
            for (const auto& s : l.steps)
                for (const char* part : {"explain", "do", "question", "option1", "option2", "option3", "observe", "why"})
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

namespace {
// A scripted student: does what the step's checks ask (the same thing its "do" text says).
void do_step(na::App& app, const na::LessonStep& step) {
    for (const auto& c : step.checks) {
        switch (c.kind) {
        case na::LessonCheck::Kind::Input: na::set_input_value(app, c.name, c.value); break;
        case na::LessonCheck::Kind::Event: na::fire_event(app, *nm::parse_event(c.name)); break;
        case na::LessonCheck::Kind::Trials: app.auto_trials = true; app.next_auto_trial_s = app.state.time_s + 0.2; break;
        case na::LessonCheck::Kind::Lab: break;  // after the inputs, below
        default: break;
        }
    }
    for (const auto& c : step.checks) {
        if (c.kind != na::LessonCheck::Kind::Lab) continue;
        const auto& specs = nm::experiment_specs();
        for (std::size_t i = 0; i < specs.size(); ++i) if (specs[i].name == c.name) na::run_lab(app, static_cast<int>(i));
    }
}
}  // namespace

TEST_CASE("predict, act, observe, answer: every lesson runs to its end by doing what it says") {
    na::App app;
    REQUIRE(na::init(app));
    for (std::size_t li = 0; li < app.lessons.size(); ++li) {
        const na::Lesson& lesson = app.lessons[li];
        INFO("lesson ", lesson.id);
        na::reset_all(app);
        REQUIRE(na::start_lesson(app, lesson.id));
        for (std::size_t si = 0; si < lesson.steps.size(); ++si) {
            const na::LessonStep& step = lesson.steps[si];
            INFO("step ", step.id);
            na::lesson_lock(app);  // no choice yet: stays in Predict
            CHECK(app.lesson.phase == na::LessonPhase::Predict);
            na::lesson_choose(app, step.correct);
            na::lesson_lock(app);
            CHECK(app.lesson.phase == na::LessonPhase::Act);
            do_step(app, step);
            // The answer waits for the model to settle: not before settle_s has passed.
            na::advance_sim(app, 0.05);
            if (step.settle_s > 0.2) CHECK(app.lesson.phase != na::LessonPhase::Result);
            double waited = 0.0;
            while (app.lesson.phase != na::LessonPhase::Result && waited < 200.0) { na::advance_sim(app, 0.5); waited += 0.5; }
            REQUIRE(app.lesson.phase == na::LessonPhase::Result);
            app.auto_trials = false;
            na::lesson_next(app);
        }
        CHECK(app.lesson.lesson == -1);
        CHECK(app.lesson.done[li] == static_cast<int>(lesson.steps.size()));
    }
    CHECK(app.lesson.right_answers == app.lesson.completed_steps);
    CHECK(na::lessons_json(app).find("\"done\":2") != std::string::npos);
}

TEST_CASE("progress survives: leaving a lesson and coming back resumes at the same step") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::start_lesson(app, "tonic_vs_phasic"));
    na::lesson_choose(app, 1);
    na::lesson_lock(app);
    na::fire_event(app, nm::Event::Reward);
    na::advance_sim(app, 3.0);
    REQUIRE(app.lesson.phase == na::LessonPhase::Result);
    na::lesson_next(app);
    CHECK(app.lesson.step == 1);
    na::set_input_value(app, "thyroid", 0.5);  // other interactions never drop the lesson
    na::reset_all(app);
    CHECK(app.lesson.lesson >= 0);
    na::lesson_back(app);
    CHECK(app.lesson.lesson == -1);
    REQUIRE(na::start_lesson(app, "tonic_vs_phasic"));
    CHECK(app.lesson.step == 1);
    CHECK(na::lessons_json(app).find("\"done\":1") != std::string::npos);
}

TEST_CASE("an undone action sends the step back to acting, and the result shows the right answer") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::start_lesson(app, "too_little_too_much"));
    na::lesson_choose(app, 2);  // a wrong prediction
    na::lesson_lock(app);
    na::set_input_value(app, "pfc_depletion", 0.6);
    na::advance_sim(app, 1.0);
    CHECK(app.lesson.phase == na::LessonPhase::Observe);
    na::set_input_value(app, "pfc_depletion", 0.0);
    na::advance_sim(app, 0.1);
    CHECK(app.lesson.phase == na::LessonPhase::Act);
    na::set_input_value(app, "pfc_depletion", 0.6);
    na::advance_sim(app, 4.0);
    REQUIRE(app.lesson.phase == na::LessonPhase::Result);
    const std::string json = na::lessons_json(app);
    CHECK(json.find("\"right\":false") != std::string::npos);
    CHECK(json.find("\"correct\":1") != std::string::npos);
    CHECK(json.find("\"why\":\"\"") == std::string::npos);
}

TEST_CASE("lesson answers are what this simulated brain shows") {
    na::App app;
    REQUIRE(na::init(app));
    // too_much_good: a moderate DAT block raises drive; a full one lowers it below that.
    const double typical = nm::steady_outputs(nm::Inputs{}).motivation;
    nm::Inputs moderate; moderate.dat_block = 0.4;
    nm::Inputs full; full.dat_block = 1.0;
    const double m = nm::steady_outputs(moderate, nm::Params{}, 12.0).motivation, f = nm::steady_outputs(full, nm::Params{}, 12.0).motivation;
    CHECK(m > typical);
    CHECK(f < m);
    // effort_not_appetite s2: almost no dopamine and eating stops.
    nm::Inputs none; none.dopamine = 0.05;
    CHECK(nm::run_experiment("effort_choice", none, {}).scalar("total_intake_g") < 0.2 * nm::run_experiment("effort_choice", nm::Inputs{}, {}).scalar("total_intake_g"));
    // ssri_weeks: firing falls first, then recovers while forebrain 5-HT rises.
    const auto course = nm::run_experiment("ssri_course", nm::Inputs{}, {{"days", 21}});
    const auto& raphe = *course.array("raphe_rate_hz");
    const auto& ht = *course.array("serotonin_level");
    CHECK(*std::min_element(raphe.begin(), raphe.begin() + 5) < 0.85 * raphe.front());
    CHECK(raphe.back() > *std::min_element(raphe.begin(), raphe.begin() + 5));
    CHECK(ht.back() > ht[2]);
    // hormones s2: thyroid excess lowers drive.
    nm::Inputs hyper; hyper.thyroid = 2.0;
    CHECK(nm::steady_outputs(hyper, nm::Params{}, 20.0).motivation < typical);
}

TEST_CASE("the virtual lab runs every registry experiment as its chart mapping says") {
    na::App app;
    REQUIRE(na::init(app));
    na::set_input_value(app, "nac_depletion", 0.8);
    const auto& specs = nm::experiment_specs();
    for (std::size_t i = 0; i < specs.size(); ++i) {
        na::run_lab(app, static_cast<int>(i));
        INFO(specs[i].name);
        CHECK(app.lab.experiment == specs[i].name);
        if (specs[i].chart.kind == nm::ChartKind::Bars) CHECK(app.lab.bars.size() == specs[i].chart.bars.size());
        else CHECK(app.lab.x.size() >= 2);
        CHECK(!na::lab_csv(app.lab).empty());
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
