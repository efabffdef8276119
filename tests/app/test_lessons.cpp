// test_lessons.cpp - the guided lessons: data valid, every text present, every lesson can be
// completed by doing what it says, and every answer key is what this simulated brain shows (the
// "answer" of each step in assets/lessons.json).
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <cmath>
#include <map>
#include <string>

#include "app.hpp"
#include "assets.hpp"
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
        case na::LessonCheck::Kind::Trials: app.auto_trials = true; app.next_auto_trial_s = app.brain.state.time_s + 0.2; break;
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

TEST_CASE("predict, act, observe, answer: every lesson runs to its end by doing what it says, and only right predictions count as right") {
    na::App app;
    REQUIRE(na::init(app));
    int steps_total = 0, chosen_right = 0;
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
            // Every other step the student predicts wrongly (another of the three options): the lesson
            // still runs on, and the count of right answers must follow the choices, not the steps.
            const bool predict_right = (steps_total++ % 2) == 0;
            chosen_right += predict_right ? 1 : 0;
            na::lesson_choose(app, predict_right ? step.correct : step.correct % 3 + 1);
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
    CHECK(app.lesson.completed_steps == steps_total);
    CHECK(app.lesson.right_answers == chosen_right);
    CHECK(app.lesson.right_answers < app.lesson.completed_steps);
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

// Runs the current step with `choice` as the prediction until its result shows.
static void answer_step(na::App& app, int choice) {
    const na::LessonStep* step = na::lesson_current_step(app.lesson, app.lessons);
    REQUIRE(step != nullptr);
    na::lesson_choose(app, choice);
    na::lesson_lock(app);
    do_step(app, *step);
    double waited = 0.0;
    while (app.lesson.phase != na::LessonPhase::Result && waited < 200.0) { na::advance_sim(app, 0.5); waited += 0.5; }
    REQUIRE(app.lesson.phase == na::LessonPhase::Result);
    app.auto_trials = false;
}

TEST_CASE("progress record (SCORM suspend_data): round trip part-way and finished, answers and events once each") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::start_lesson(app, "wanting_vs_liking"));
    const auto& lesson = app.lessons[static_cast<std::size_t>(app.lesson.lesson)];
    REQUIRE(lesson.steps.size() == 2);
    CHECK(na::lesson_record(app, "wanting_vs_liking") == R"({"v":1,"lesson":"wanting_vs_liking","step":0,"done":0,"answers":[null,null]})");
    CHECK(na::lesson_record(app, "nope").empty());
    const int wrong = lesson.steps[0].correct % 3 + 1;
    answer_step(app, wrong);
    // The result is shown: the record already points at the next step, with the (wrong) answer.
    const std::string part = na::lesson_record(app, "wanting_vs_liking");
    CHECK(part == R"({"v":1,"lesson":"wanting_vs_liking","step":1,"done":1,"answers":[[)" + std::to_string(wrong) + R"(,0],null]})");
    CHECK(part.size() <= na::kLessonRecordMax);
    // Events: one answer, reported with its choice and right/wrong.
    std::string ev = na::lesson_events_json(app, 0);
    CHECK(ev.find(R"("total":1)") != std::string::npos);
    CHECK(ev.find(R"("kind":"answered")") != std::string::npos);
    CHECK(ev.find(R"("choice":)" + std::to_string(wrong)) != std::string::npos);
    CHECK(ev.find(R"("right":false)") != std::string::npos);
    CHECK(na::lesson_events_json(app, 1).find(R"("events":[])") != std::string::npos);  // nothing new after the first

    // A fresh app (a reload) restores the record: the lesson opens at step 2, step 1 counted as done.
    na::App again;
    REQUIRE(na::init(again));
    CHECK(na::lesson_restore(again, part) == "");
    CHECK(again.lesson.lesson == app.lesson.lesson);
    CHECK(again.lesson.step == 1);
    CHECK(again.lesson.phase == na::LessonPhase::Predict);
    CHECK(na::lesson_record(again, "wanting_vs_liking") == part);
    // Finishing the lesson logs the answer and the completion with the pass's score.
    answer_step(again, lesson.steps[1].correct);
    ev = na::lesson_events_json(again, 0);
    CHECK(ev.find(R"("kind":"completed")") != std::string::npos);
    CHECK(ev.find(R"("kind":"completed","right":1)") != std::string::npos);
    na::lesson_next(again);
    const std::string finished = na::lesson_record(again, "wanting_vs_liking");
    CHECK(finished.find(R"("step":0,"done":2)") != std::string::npos);
    na::App third;
    REQUIRE(na::init(third));
    CHECK(na::lesson_restore(third, finished) == "");
    CHECK(third.lesson.lesson == -1);  // finished: the list, showing 2/2
    CHECK(third.lesson.done[static_cast<std::size_t>(app.lesson.lesson)] == 2);
    CHECK(na::lesson_record(third, "wanting_vs_liking") == finished);
}

TEST_CASE("progress record: garbage is refused with a reason and changes nothing") {
    na::App app;
    REQUIRE(na::init(app));
    REQUIRE(na::start_lesson(app, "tonic_vs_phasic"));
    const std::string before = na::lesson_record(app, "tonic_vs_phasic");
    const int correct1 = app.lessons[static_cast<std::size_t>(app.lesson.lesson)].steps[0].correct;
    const std::string c1 = std::to_string(correct1);
    const std::string bad[] = {
        "", "null", "[]", "{", "x", std::string(5000, ' '),
        R"({"v":2,"lesson":"tonic_vs_phasic","step":0,"done":0,"answers":[null,null]})",
        R"({"v":1,"lesson":"nope","step":0,"done":0,"answers":[null,null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":-1,"done":0,"answers":[null,null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":9,"done":0,"answers":[null,null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":1,"done":0,"answers":[null,null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":0,"done":1,"answers":[null,null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":0,"done":0,"answers":[null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":0,"done":0,"answers":[[4,0],null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":0,"done":0,"answers":[[)" + c1 + R"(,0],null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":0,"done":0,"answers":[["1",1],null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":0.5,"done":0,"answers":[null,null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":0,"done":0,"answers":[null,null],"extra":1})",
        R"({"v":1,"v":1,"step":0,"done":0,"answers":[null,null]})",
        R"({"v":1,"lesson":"tonic_vs_phasic","step":0,"done":0})",
        "{\"v\":1,\"lesson\":\"tonic_vs_phasic\\u0000x\",\"step\":0,\"done\":0,\"answers\":[null,null]}",
    };
    for (const std::string& b : bad) {
        INFO("record: ", b.substr(0, 100));
        CHECK(!na::lesson_restore(app, b).empty());
        CHECK(na::lesson_record(app, "tonic_vs_phasic") == before);
        CHECK(app.lesson.step == 0);
    }
    // The whole lesson list survives random bytes too (no crash, always a reason).
    unsigned seed = 7;
    for (int i = 0; i < 2000; ++i) {
        std::string junk = R"({"v":1,"lesson":"tonic_vs_phasic","step":0,"done":0,"answers":[null,null]})";
        for (int k = 0; k < 3; ++k) { seed = seed * 1103515245u + 12345u; junk[(seed >> 8) % junk.size()] = static_cast<char>((seed >> 16) & 0xff); }
        (void)na::lesson_restore(app, junk);
    }
}

namespace {
double output_value(const neurodrive::model::Outputs& o, const std::string& name) {
    const nm::OutputSpec* spec = nm::find_output(name);
    REQUIRE_MESSAGE(spec != nullptr, "unknown output in a lesson answer: " << name);
    return o.*(spec->field);
}
// One claim of a step's answer, against the outputs before the act, after it settled, the extremes
// while it settled, a typical brain's outputs and the lab's last run. Empty when it holds, else why not.
std::string claim_fails(const rapidjson::Value& c, const nm::Outputs& before, const nm::Outputs& after, const std::map<std::string, double>& low,
                        const std::map<std::string, double>& high, const nm::Outputs& typical, const na::LabResult& lab) {
    auto holds = [](const std::string& change, double now, double ref, double by) {
        if (change == "up") return now >= ref * (1.0 + by);
        if (change == "down") return now <= ref * (1.0 - by);
        return std::abs(now - ref) <= by * std::abs(ref) + 1e-9;  // same
    };
    char buf[256];
    if (c.HasMember("lab_bar")) {
        const unsigned i = c["lab_bar"].GetUint();
        if (i >= lab.bars.size()) return "the lab has no bar " + std::to_string(i);
        const na::LabBar& b = lab.bars[i];
        std::snprintf(buf, sizeof buf, "lab bar %s: scenario %.3g vs control %.3g", b.label.c_str(), b.scenario, b.control);
        return holds(c["change"].GetString(), b.scenario, b.control, c["by"].GetDouble()) ? "" : buf;
    }
    if (c.HasMember("lab_curve")) {  // inverted_u: the peak inside the range, above both ends by `by`
        const std::vector<double>& y = std::string(c["series"].GetString()) == "control" ? lab.control : lab.scenario;
        if (y.size() < 3) return "the lab ran no curve";
        const std::size_t peak = static_cast<std::size_t>(std::max_element(y.begin(), y.end()) - y.begin());
        const double by = c["by"].GetDouble();
        std::snprintf(buf, sizeof buf, "curve: first %.3g, peak %.3g at point %zu of %zu, last %.3g", y.front(), y[peak], peak, y.size(), y.back());
        return peak > 0 && peak + 1 < y.size() && y[peak] >= y.front() * (1.0 + by) && y[peak] >= y.back() * (1.0 + by) ? "" : buf;
    }
    const std::string name = c["output"].GetString();
    const double now = output_value(after, name);
    if (c.HasMember("from")) {
        const double ref = output_value(std::string(c["from"].GetString()) == "typical" ? typical : before, name);
        std::snprintf(buf, sizeof buf, "%s %s by %.2f from %s: %.4g -> %.4g", name.c_str(), c["change"].GetString(), c["by"].GetDouble(), c["from"].GetString(), ref, now);
        return holds(c["change"].GetString(), now, ref, c["by"].GetDouble()) ? "" : buf;
    }
    if (c.HasMember("peak_above_hz")) {
        std::snprintf(buf, sizeof buf, "%s peaked at %.3g, not above %.3g", name.c_str(), high.at(name), c["peak_above_hz"].GetDouble());
        return high.at(name) > c["peak_above_hz"].GetDouble() ? "" : buf;
    }
    if (c.HasMember("dips_by")) {
        const double ref = output_value(before, name);
        std::snprintf(buf, sizeof buf, "%s dipped to %.3g from %.3g, not by %.2f", name.c_str(), low.at(name), ref, c["dips_by"].GetDouble());
        return low.at(name) <= ref * (1.0 - c["dips_by"].GetDouble()) ? "" : buf;
    }
    if (c.HasMember("exceeds")) {
        const double other = output_value(after, c["exceeds"].GetString());
        std::snprintf(buf, sizeof buf, "%s %.3g is not %.2f times %s %.3g", name.c_str(), now, c["times"].GetDouble(), c["exceeds"].GetString(), other);
        return now >= other * c["times"].GetDouble() ? "" : buf;
    }
    if (c.HasMember("below")) {
        std::snprintf(buf, sizeof buf, "%s %.3g is not below %.3g", name.c_str(), now, c["below"].GetDouble());
        return now < c["below"].GetDouble() ? "" : buf;
    }
    return "a claim of an unknown kind";
}
}  // namespace

TEST_CASE("every answer key is what this simulated brain shows: each step's correct option checked against the model (assets/lessons.json answer)") {
    rapidjson::Document doc;
    doc.Parse(std::string(na::embedded_asset("lessons")).c_str());
    REQUIRE(doc.IsObject());
    na::App typical_app;
    REQUIRE(na::init(typical_app));
    na::advance_sim(typical_app, 30.0);
    const nm::Outputs typical = typical_app.brain.out;
    na::App app;
    REQUIRE(na::init(app));
    int claims = 0;
    for (const auto& l : doc["lessons"].GetArray()) {
        const std::string lesson_id = l["id"].GetString();
        const na::Lesson* lesson = nullptr;
        for (const auto& x : app.lessons) if (x.id == lesson_id) lesson = &x;
        REQUIRE(lesson != nullptr);
        na::reset_all(app);
        na::advance_sim(app, 10.0);
        REQUIRE(na::start_lesson(app, lesson_id));
        for (std::size_t si = 0; si < lesson->steps.size(); ++si) {
            const na::LessonStep& step = lesson->steps[si];
            const rapidjson::Value& answer = l["steps"][static_cast<unsigned>(si)]["answer"];
            INFO("lesson ", lesson_id, " step ", step.id);
            REQUIRE(answer.IsArray());
            REQUIRE(!answer.Empty());
            na::lesson_choose(app, step.correct);
            na::lesson_lock(app);
            const nm::Outputs before = app.brain.out;
            std::map<std::string, double> low, high;
            for (const auto& c : answer.GetArray())
                if (c.HasMember("output")) low[c["output"].GetString()] = high[c["output"].GetString()] = output_value(before, c["output"].GetString());
            do_step(app, step);
            double waited = 0.0;
            while (app.lesson.phase != na::LessonPhase::Result && waited < 200.0) {
                const double dt = waited < 10.0 ? 0.01 : 0.5;  // fine steps while a burst or a pause can happen
                na::advance_sim(app, dt);
                waited += dt;
                for (auto& [name, v] : low) v = std::min(v, output_value(app.brain.out, name));
                for (auto& [name, v] : high) v = std::max(v, output_value(app.brain.out, name));
            }
            REQUIRE(app.lesson.phase == na::LessonPhase::Result);
            for (const auto& c : answer.GetArray()) {
                ++claims;
                const std::string why = claim_fails(c, before, app.brain.out, low, high, typical, app.lab);
                CHECK_MESSAGE(why.empty(), why);
            }
            app.auto_trials = false;
            na::lesson_next(app);
        }
    }
    CHECK(claims >= 21);
}
