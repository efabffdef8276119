// lessons.cpp - see lessons.hpp.
#include "lessons.hpp"


#include <cmath>
#include <cstdio>

#include "app.hpp"
#include "json_text.hpp"
#include "neurodrive/names.hpp"

namespace neurodrive::app {
namespace {

constexpr int kOptions = 3;

void begin_step(App& app) {
    LessonState& l = app.lesson;
    l.phase = LessonPhase::Predict;
    l.choice = 0;
    l.start_time_s = app.state.time_s;
    l.start_day = app.out.sim_day;
    l.start_trials = app.state.trials;
    l.start_events.assign(app.event_counts.begin(), app.event_counts.end());
}

std::string key(const App& app, const std::string& part) {
    const Lesson& lesson = app.lessons[static_cast<std::size_t>(app.lesson.lesson)];
    return "lesson." + lesson.id + "." + lesson.steps[static_cast<std::size_t>(app.lesson.step)].id + "." + part;
}

}  // namespace

std::string parse_lessons(std::string_view json, std::vector<Lesson>* out) {
    rapidjson::Document doc;
    if (std::string err = parse_json(json, "lessons", &doc); !err.empty()) return err;
    if (!doc.IsObject() || !doc.HasMember("lessons") || !doc["lessons"].IsArray() || doc["lessons"].Empty())
        return "lessons: expected {\"lessons\": [...]}";
    std::vector<Lesson> lessons;
    for (const auto& l : doc["lessons"].GetArray()) {
        const std::string where = "lessons[" + std::to_string(lessons.size()) + "]";
        if (!l.IsObject() || !l.HasMember("id") || !l["id"].IsString() || !l.HasMember("steps") || !l["steps"].IsArray() || l["steps"].Empty())
            return where + ": needs a string \"id\" and a non-empty \"steps\" array";
        Lesson lesson;
        lesson.id = l["id"].GetString();
        for (const auto& s : l["steps"].GetArray()) {
            const std::string at = where + " (" + lesson.id + ") step " + std::to_string(lesson.steps.size() + 1);
            if (!s.IsObject() || !s.HasMember("id") || !s["id"].IsString()) return at + ": needs a string \"id\"";
            if (!s.HasMember("correct") || !s["correct"].IsInt() || s["correct"].GetInt() < 1 || s["correct"].GetInt() > kOptions)
                return at + ": \"correct\" must be an option number 1-3";
            if (!s.HasMember("checks") || !s["checks"].IsArray() || s["checks"].Empty()) return at + ": needs a non-empty \"checks\" array";
            LessonStep step;
            step.id = s["id"].GetString();
            step.correct = s["correct"].GetInt();
            for (const auto& c : s["checks"].GetArray()) {
                LessonCheck check;
                if (!c.IsObject()) return at + ": every check must be an object";
                if (c.HasMember("input") || c.HasMember("output")) {
                    const bool input = c.HasMember("input");
                    const auto& n = input ? c["input"] : c["output"];
                    if (!n.IsString()) return at + ": the input/output name must be a string";
                    check.kind = input ? LessonCheck::Kind::Input : LessonCheck::Kind::Output;
                    check.name = n.GetString();
                    if (input ? !model::find_input(check.name) : !model::find_output(check.name)) return at + ": unknown name \"" + check.name + "\"";
                    if (!c.HasMember("op") || !c["op"].IsString() || (std::string(c["op"].GetString()) != ">=" && std::string(c["op"].GetString()) != "<="))
                        return at + ": \"op\" must be \">=\" or \"<=\"";
                    check.at_least = std::string(c["op"].GetString()) == ">=";
                    if (!c.HasMember("value") || !c["value"].IsNumber()) return at + ": \"value\" must be a number";
                    check.value = c["value"].GetDouble();
                } else if (c.HasMember("event")) {
                    if (!c["event"].IsString() || !model::parse_event(c["event"].GetString())) return at + ": \"event\" must be cue, reward or omit";
                    check.kind = LessonCheck::Kind::Event;
                    check.name = c["event"].GetString();
                } else if (c.HasMember("trials") || c.HasMember("wait_s") || c.HasMember("wait_days")) {
                    const char* k = c.HasMember("trials") ? "trials" : c.HasMember("wait_s") ? "wait_s" : "wait_days";
                    if (!c[k].IsNumber() || c[k].GetDouble() < 0 || c[k].GetDouble() > 1000) return at + ": \"" + k + "\" must be a number from 0 to 1000";
                    check.kind = c.HasMember("trials") ? LessonCheck::Kind::Trials : c.HasMember("wait_s") ? LessonCheck::Kind::WaitS : LessonCheck::Kind::WaitDays;
                    check.value = c[k].GetDouble();
                } else {
                    return at + ": unknown check (allowed: input, output, event, trials, wait_s, wait_days)";
                }
                step.checks.push_back(check);
            }
            lesson.steps.push_back(std::move(step));
        }
        for (const auto& other : lessons) if (other.id == lesson.id) return where + ": duplicate id \"" + lesson.id + "\"";
        lessons.push_back(std::move(lesson));
    }
    *out = std::move(lessons);
    return {};
}

bool lesson_check_met(const App& app, const LessonCheck& c) {
    const LessonState& l = app.lesson;
    auto compare = [&](double v) { return c.at_least ? v >= c.value : v <= c.value; };
    switch (c.kind) {
    case LessonCheck::Kind::Input: return compare(app.inputs.*(model::find_input(c.name)->field));
    case LessonCheck::Kind::Output: return compare(app.out.*(model::find_output(c.name)->field));
    case LessonCheck::Kind::Event: {
        const auto e = static_cast<std::size_t>(*model::parse_event(c.name));
        return e < l.start_events.size() && app.event_counts[e] > l.start_events[e];
    }
    case LessonCheck::Kind::Trials: return app.state.trials - l.start_trials >= static_cast<int>(c.value);
    case LessonCheck::Kind::WaitS: return app.state.time_s - l.start_time_s >= c.value;
    case LessonCheck::Kind::WaitDays: return app.out.sim_day - l.start_day >= c.value;
    }
    return false;
}

bool start_lesson(App& app, std::string_view id) {
    for (std::size_t i = 0; i < app.lessons.size(); ++i) {
        if (app.lessons[i].id != id) continue;
        app.lesson.lesson = static_cast<int>(i);
        app.lesson.step = 0;
        if (app.lesson.done.size() != app.lessons.size()) app.lesson.done.assign(app.lessons.size(), 0);
        begin_step(app);
        return true;
    }
    return false;
}

void lesson_choose(App& app, int option) {
    if (app.lesson.lesson >= 0 && app.lesson.phase == LessonPhase::Predict && option >= 1 && option <= kOptions) app.lesson.choice = option;
}

void lesson_lock(App& app) {
    if (app.lesson.lesson < 0 || app.lesson.phase != LessonPhase::Predict || app.lesson.choice == 0) return;
    const int choice = app.lesson.choice;
    begin_step(app);  // the act starts now: time, trials and events count from here
    app.lesson.choice = choice;
    app.lesson.phase = LessonPhase::Act;
}

void lesson_update(App& app) {
    LessonState& l = app.lesson;
    if (l.lesson < 0 || l.phase != LessonPhase::Act) return;
    const LessonStep& step = app.lessons[static_cast<std::size_t>(l.lesson)].steps[static_cast<std::size_t>(l.step)];
    for (const auto& c : step.checks) if (!lesson_check_met(app, c)) return;
    l.phase = LessonPhase::Result;
    int& done = l.done[static_cast<std::size_t>(l.lesson)];
    done = std::max(done, l.step + 1);
    l.completed_steps += 1;
}

void lesson_next(App& app) {
    LessonState& l = app.lesson;
    if (l.lesson < 0 || l.phase != LessonPhase::Result) return;
    if (l.step + 1 < static_cast<int>(app.lessons[static_cast<std::size_t>(l.lesson)].steps.size())) {
        l.step += 1;
        begin_step(app);
    } else {
        l.lesson = -1;
    }
}

void lesson_back(App& app) { app.lesson.lesson = -1; }

void lesson_reset_progress(App& app) {
    app.lesson.done.assign(app.lessons.size(), 0);
    app.lesson.lesson = -1;
}

std::string lessons_json(const App& app) {
    const LessonState& l = app.lesson;
    std::string s = "{\"active\":";
    if (l.lesson >= 0) {
        const Lesson& lesson = app.lessons[static_cast<std::size_t>(l.lesson)];
        const LessonStep& step = lesson.steps[static_cast<std::size_t>(l.step)];
        const char* phase = l.phase == LessonPhase::Predict ? "predict" : l.phase == LessonPhase::Act ? "act" : "result";
        s += "{\"id\":" + json_quote(lesson.id) + ",\"title\":" + json_quote(app.strings.get("lesson." + lesson.id + ".title"))
             + ",\"step\":" + std::to_string(l.step + 1) + ",\"steps\":" + std::to_string(lesson.steps.size())
             + ",\"phase\":\"" + phase + "\",\"explain\":" + json_quote(app.strings.get(key(app, "explain")))
             + ",\"do\":" + json_quote(app.strings.get(key(app, "do"))) + ",\"question\":" + json_quote(app.strings.get(key(app, "question")))
             + ",\"options\":[";
        for (int i = 1; i <= kOptions; ++i) s += (i > 1 ? "," : "") + json_quote(app.strings.get(key(app, "option" + std::to_string(i))));
        s += "],\"choice\":" + std::to_string(l.choice) + ",\"right\":" + (l.phase == LessonPhase::Result && l.choice == step.correct ? "true" : "false")
             + ",\"why\":" + json_quote(l.phase == LessonPhase::Result ? app.strings.get(key(app, "why")) : "") + "}";
    } else {
        s += "null";
    }
    s += ",\"list\":[";
    for (std::size_t i = 0; i < app.lessons.size(); ++i) {
        const int done = i < l.done.size() ? l.done[i] : 0;
        s += (i ? ",{" : "{") + std::string("\"id\":") + json_quote(app.lessons[i].id) + ",\"title\":" + json_quote(app.strings.get("lesson." + app.lessons[i].id + ".title"))
             + ",\"steps\":" + std::to_string(app.lessons[i].steps.size()) + ",\"done\":" + std::to_string(done) + "}";
    }
    s += "],\"labels\":{";
    bool first = true;
    for (const char* k : {"lessons.title", "lessons.start", "lessons.lock", "lessons.waiting", "lessons.right", "lessons.wrong", "lessons.next",
                          "lessons.finish", "lessons.back", "lessons.predict", "lessons.reset"}) {
        s += (first ? "\"" : ",\"") + std::string(k) + "\":" + json_quote(app.strings.get(k));
        first = false;
    }
    return s + "},\"completed_steps\":" + std::to_string(l.completed_steps) + "}";
}

}  // namespace neurodrive::app
