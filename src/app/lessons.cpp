// lessons.cpp - see lessons.hpp. Depends on the model's names and the JSON reader only.
#include "lessons.hpp"

#include <algorithm>

#include "assets.hpp"
#include "json_text.hpp"
#include "neurodrive/experiments.hpp"
#include "neurodrive/names.hpp"

namespace neurodrive::app {
namespace {

void begin_step(LessonState& l) {
    l.phase = LessonPhase::Predict;
    l.choice = 0;
    l.held_since_s = -1.0;
}

void begin_act(LessonState& l, const LessonView& v) {
    l.act_start_s = v.time_s;
    l.act_start_day = v.sim_day;
    l.act_start_trials = v.trials;
    l.act_start_events = v.event_counts;
    l.held_since_s = -1.0;
    l.phase = LessonPhase::Act;
}

bool valid_focus(const std::string& f) {
    if (f == "plot:signals" || f == "plot:learning" || f == "plot:lab" || f == "drive") return true;
    if (f.rfind("region:", 0) == 0 && f.size() > 7) return true;
    if (f.rfind("drive:", 0) == 0) {
        int n = 0;
        const model::DriveComponent* parts = model::drive_components(&n);
        for (int i = 0; i < n; ++i) if (f.compare(6, std::string::npos, parts[i].output) == 0) return true;
        return f == "drive:liking" || f == "drive:stereotypy" || f == "drive:activation";
    }
    return false;
}

std::string str(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

// Per-lesson vectors sized to the lessons (a state made before the lessons were known is grown here).
void fit(LessonState& l, const std::vector<Lesson>& lessons) {
    if (l.done.size() != lessons.size()) l.done.assign(lessons.size(), 0);
    if (l.resume.size() != lessons.size()) l.resume.assign(lessons.size(), 0);
    if (l.answers.size() != lessons.size()) {
        l.answers.assign(lessons.size(), {});
        for (std::size_t i = 0; i < lessons.size(); ++i) l.answers[i].assign(lessons[i].steps.size(), 0);
    }
}

void log_event(LessonState& l, const LessonEvent& e) {
    if (l.events.size() >= kLessonEventLog) l.events.erase(l.events.begin());
    l.events.push_back(e);
    l.events_total += 1;
}

}  // namespace

std::string parse_lessons(std::string_view json, std::vector<Lesson>* out) {
    rapidjson::Document doc;
    if (std::string err = parse_json_list(json, "lessons", &doc); !err.empty()) return err;
    std::vector<Lesson> lessons;
    for (const auto& l : doc["lessons"].GetArray()) {
        const std::string where = "lessons[" + std::to_string(lessons.size()) + "]";
        if (!l.IsObject() || !l.HasMember("id") || !l["id"].IsString() || !l.HasMember("steps") || !l["steps"].IsArray() || l["steps"].Empty())
            return where + ": needs a string \"id\" and a non-empty \"steps\" array";
        Lesson lesson;
        lesson.id = str(l["id"]);
        for (const auto& s : l["steps"].GetArray()) {
            const std::string at = where + " (" + lesson.id + ") step " + std::to_string(lesson.steps.size() + 1);
            if (!s.IsObject() || !s.HasMember("id") || !s["id"].IsString()) return at + ": needs a string \"id\"";
            if (!s.HasMember("correct") || !s["correct"].IsInt() || s["correct"].GetInt() < 1 || s["correct"].GetInt() > kLessonOptions)
                return at + ": \"correct\" must be an option number 1-3";
            if (!s.HasMember("checks") || !s["checks"].IsArray() || s["checks"].Empty()) return at + ": needs a non-empty \"checks\" array";
            LessonStep step;
            step.id = str(s["id"]);
            step.correct = s["correct"].GetInt();
            if (s.HasMember("settle_s")) {
                if (!s["settle_s"].IsNumber() || s["settle_s"].GetDouble() < 0 || s["settle_s"].GetDouble() > 60) return at + ": \"settle_s\" must be 0-60 seconds";
                step.settle_s = s["settle_s"].GetDouble();
            }
            if (s.HasMember("focus")) {
                if (!s["focus"].IsArray()) return at + ": \"focus\" must be an array";
                for (const auto& f : s["focus"].GetArray()) {
                    if (!f.IsString() || !valid_focus(str(f))) return at + ": unknown focus (allowed: plot:signals, plot:learning, plot:lab, region:<id>, drive, drive:<component>)";
                    step.focus.push_back(str(f));
                }
            }
            for (const auto& c : s["checks"].GetArray()) {
                LessonCheck check;
                if (!c.IsObject()) return at + ": every check must be an object";
                if (c.HasMember("input") || c.HasMember("output")) {
                    const bool input = c.HasMember("input");
                    const auto& n = input ? c["input"] : c["output"];
                    if (!n.IsString()) return at + ": the input/output name must be a string";
                    check.kind = input ? LessonCheck::Kind::Input : LessonCheck::Kind::Output;
                    check.name = str(n);
                    if (input ? !model::find_input(check.name) : !model::find_output(check.name)) return at + ": unknown name \"" + check.name + "\"";
                    if (!c.HasMember("op") || !c["op"].IsString() || (str(c["op"]) != ">=" && str(c["op"]) != "<="))
                        return at + ": \"op\" must be \">=\" or \"<=\"";
                    check.at_least = str(c["op"]) == ">=";
                    if (!c.HasMember("value") || !c["value"].IsNumber()) return at + ": \"value\" must be a number";
                    check.value = c["value"].GetDouble();
                } else if (c.HasMember("event")) {
                    if (!c["event"].IsString() || !model::parse_event(str(c["event"]))) return at + ": \"event\" must be cue, reward or omit";
                    check.kind = LessonCheck::Kind::Event;
                    check.name = str(c["event"]);
                } else if (c.HasMember("lab")) {
                    if (!c["lab"].IsString() || !model::find_experiment(str(c["lab"]))) return at + ": \"lab\" must name an experiment";
                    check.kind = LessonCheck::Kind::Lab;
                    check.name = str(c["lab"]);
                } else if (c.HasMember("trials") || c.HasMember("wait_s") || c.HasMember("wait_days")) {
                    const char* k = c.HasMember("trials") ? "trials" : c.HasMember("wait_s") ? "wait_s" : "wait_days";
                    if (!c[k].IsNumber() || c[k].GetDouble() < 0 || c[k].GetDouble() > 1000) return at + ": \"" + k + "\" must be a number from 0 to 1000";
                    check.kind = c.HasMember("trials") ? LessonCheck::Kind::Trials : c.HasMember("wait_s") ? LessonCheck::Kind::WaitS : LessonCheck::Kind::WaitDays;
                    check.value = c[k].GetDouble();
                } else {
                    return at + ": unknown check (allowed: input, output, event, lab, trials, wait_s, wait_days)";
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

bool lesson_check_met(const LessonState& l, const LessonCheck& c, const LessonView& v) {
    auto compare = [&](double x) { return c.at_least ? x >= c.value : x <= c.value; };
    switch (c.kind) {
    case LessonCheck::Kind::Input: return compare(v.inputs->*(model::find_input(c.name)->field));
    case LessonCheck::Kind::Output: return compare(v.out->*(model::find_output(c.name)->field));
    case LessonCheck::Kind::Event: {
        const auto e = static_cast<std::size_t>(*model::parse_event(c.name));
        return v.event_counts[e] > l.act_start_events[e];
    }
    case LessonCheck::Kind::Lab: return v.lab_experiment == c.name && v.lab_current;
    case LessonCheck::Kind::Trials: return v.trials - l.act_start_trials >= static_cast<int>(c.value);
    case LessonCheck::Kind::WaitS: return v.time_s - l.act_start_s >= c.value;
    case LessonCheck::Kind::WaitDays: return v.sim_day - l.act_start_day >= c.value;
    }
    return false;
}

bool lesson_start(LessonState& l, const std::vector<Lesson>& lessons, std::string_view id, const LessonView& v) {
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        if (lessons[i].id != id) continue;
        fit(l, lessons);
        l.lesson = static_cast<int>(i);
        // Resume where the student left off (a finished lesson starts again from the top).
        const int resume = l.resume[i];
        l.step = resume < static_cast<int>(lessons[i].steps.size()) ? resume : 0;
        begin_step(l);
        (void)v;
        return true;
    }
    return false;
}

void lesson_choose(LessonState& l, int option) {
    if (l.lesson >= 0 && l.phase == LessonPhase::Predict && option >= 1 && option <= kLessonOptions) l.choice = option;
}

void lesson_lock(LessonState& l, const LessonView& v) {
    if (l.lesson < 0 || l.phase != LessonPhase::Predict || l.choice == 0) return;
    begin_act(l, v);  // time, trials and events count from here
}

void lesson_update(LessonState& l, const std::vector<Lesson>& lessons, const LessonView& v) {
    const LessonStep* step = lesson_current_step(l, lessons);
    if (!step || (l.phase != LessonPhase::Act && l.phase != LessonPhase::Observe)) return;
    bool all = true;
    for (const auto& c : step->checks) all = all && lesson_check_met(l, c, v);
    if (!all) {  // undone (e.g. a slider moved back): back to acting
        l.held_since_s = -1.0;
        l.phase = LessonPhase::Act;
        return;
    }
    if (l.held_since_s < 0.0) l.held_since_s = v.time_s;
    l.phase = LessonPhase::Observe;
    if (v.time_s - l.held_since_s < step->settle_s) return;
    l.phase = LessonPhase::Result;
    const auto i = static_cast<std::size_t>(l.lesson);
    fit(l, lessons);
    l.done[i] = std::max(l.done[i], l.step + 1);
    l.completed_steps += 1;
    if (l.choice == step->correct) l.right_answers += 1;
    l.answers[i][static_cast<std::size_t>(l.step)] = l.choice;
    LessonEvent answered;
    answered.lesson = l.lesson;
    answered.step = l.step;
    answered.choice = l.choice;
    answered.right = l.choice == step->correct;
    log_event(l, answered);
    const auto& steps = lessons[i].steps;
    if (l.step + 1 == static_cast<int>(steps.size())) {  // the last step: the lesson is finished
        LessonEvent done;
        done.kind = LessonEvent::Kind::Completed;
        done.lesson = l.lesson;
        done.step = l.step;
        done.steps = static_cast<int>(steps.size());
        for (std::size_t k = 0; k < steps.size(); ++k) done.right_count += l.answers[i][k] == steps[k].correct ? 1 : 0;
        log_event(l, done);
    }
}

void lesson_next(LessonState& l, const std::vector<Lesson>& lessons, const LessonView& v) {
    if (l.lesson < 0 || l.phase != LessonPhase::Result) return;
    const auto i = static_cast<std::size_t>(l.lesson);
    (void)v;
    if (l.step + 1 < static_cast<int>(lessons[i].steps.size())) {
        l.step += 1;
        l.resume[i] = l.step;
        begin_step(l);
    } else {
        l.resume[i] = 0;
        l.lesson = -1;
    }
}

void lesson_back(LessonState& l) {
    if (l.lesson >= 0 && static_cast<std::size_t>(l.lesson) < l.resume.size()) l.resume[static_cast<std::size_t>(l.lesson)] = l.step;
    l.lesson = -1;
}

void lesson_reset_progress(LessonState& l, const std::vector<Lesson>& lessons) {
    l.done.assign(lessons.size(), 0);
    l.resume.assign(lessons.size(), 0);
    l.answers.clear();
    fit(l, lessons);
    l.lesson = -1;
}

std::string lesson_record(const LessonState& l, const std::vector<Lesson>& lessons, int lesson) {
    if (lesson < 0 || lesson >= static_cast<int>(lessons.size())) return {};
    const auto i = static_cast<std::size_t>(lesson);
    const auto& steps = lessons[i].steps;
    const int n = static_cast<int>(steps.size());
    const int done = i < l.done.size() ? std::min(l.done[i], n) : 0;
    int step = i < l.resume.size() ? l.resume[i] : 0;
    if (l.lesson == lesson) step = l.phase == LessonPhase::Result ? (l.step + 1 < n ? l.step + 1 : 0) : l.step;
    if (step < 0 || step >= n) step = 0;
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "v"); w.Int(1);
    json_key(w, "lesson"); json_put(w, lessons[i].id);
    json_key(w, "step"); w.Int(step);
    json_key(w, "done"); w.Int(done);
    json_key(w, "answers");
    w.StartArray();
    for (int k = 0; k < n; ++k) {
        const int c = i < l.answers.size() && static_cast<std::size_t>(k) < l.answers[i].size() ? l.answers[i][static_cast<std::size_t>(k)] : 0;
        if (c < 1 || c > kLessonOptions) { w.Null(); continue; }
        w.StartArray();
        w.Int(c);
        w.Int(c == steps[static_cast<std::size_t>(k)].correct ? 1 : 0);
        w.EndArray();
    }
    w.EndArray();
    w.EndObject();
    return buf.GetString();
}

std::string lesson_restore(LessonState& l, const std::vector<Lesson>& lessons, std::string_view record) {
    if (record.size() > kLessonRecordMax) return "the progress record is longer than 4096 characters";
    rapidjson::Document doc;
    if (std::string err = parse_json(record, "progress record", &doc); !err.empty()) return err;
    if (!doc.IsObject()) return "the progress record must be a JSON object";
    for (const auto& m : doc.GetObject()) {
        const std::string_view k = json_view(m.name);
        if (k != "v" && k != "lesson" && k != "step" && k != "done" && k != "answers") return "unknown key in the progress record (allowed: v, lesson, step, done, answers)";
    }
    for (const char* k : {"v", "lesson", "step", "done", "answers"})
        if (!doc.HasMember(k)) return std::string("the progress record has no \"") + k + "\"";
    if (doc.MemberCount() != 5) return "the progress record gives a key more than once";
    if (!doc["v"].IsInt() || doc["v"].GetInt() != 1) return "the progress record is not version 1";
    if (!doc["lesson"].IsString()) return "\"lesson\" must be a lesson id";
    int index = -1;
    for (std::size_t i = 0; i < lessons.size(); ++i) if (lessons[i].id == json_view(doc["lesson"])) index = static_cast<int>(i);
    if (index < 0) return "unknown lesson in the progress record";
    const auto& steps = lessons[static_cast<std::size_t>(index)].steps;
    const int n = static_cast<int>(steps.size());
    if (!doc["step"].IsInt() || doc["step"].GetInt() < 0 || doc["step"].GetInt() >= n) return "\"step\" must be a step number from 0 to " + std::to_string(n - 1);
    if (!doc["done"].IsInt() || doc["done"].GetInt() < 0 || doc["done"].GetInt() > n) return "\"done\" must be a number from 0 to " + std::to_string(n);
    const int step = doc["step"].GetInt(), done = doc["done"].GetInt();
    if (step > done) return "\"step\" is beyond the steps done";
    const auto& a = doc["answers"];
    if (!a.IsArray() || static_cast<int>(a.Size()) != n) return "\"answers\" must have one entry per step (" + std::to_string(n) + ")";
    std::vector<int> choices(static_cast<std::size_t>(n), 0);
    for (int k = 0; k < n; ++k) {
        const auto& e = a[static_cast<rapidjson::SizeType>(k)];
        if (e.IsNull()) {
            if (k < done) return "step " + std::to_string(k + 1) + " is done but has no answer";
            continue;
        }
        if (!e.IsArray() || e.Size() != 2 || !e[0].IsInt() || !e[1].IsInt()) return "an answer must be [choice, right] or null";
        const int c = e[0].GetInt(), r = e[1].GetInt();
        if (c < 1 || c > kLessonOptions || (r != 0 && r != 1)) return "an answer's choice must be 1-3 and right 0 or 1";
        if ((c == steps[static_cast<std::size_t>(k)].correct) != (r == 1)) return "step " + std::to_string(k + 1) + ": the answer's right/wrong does not match the lesson";
        choices[static_cast<std::size_t>(k)] = c;
    }
    fit(l, lessons);
    const auto i = static_cast<std::size_t>(index);
    l.answers[i] = choices;
    l.done[i] = done;
    l.resume[i] = step;
    if (done == n && step == 0) {   // finished: the lesson list, with the lesson shown as done
        l.lesson = -1;
    } else {
        l.lesson = index;
        l.step = step;
        begin_step(l);
    }
    return {};
}

const LessonStep* lesson_current_step(const LessonState& l, const std::vector<Lesson>& lessons) {
    if (l.lesson < 0 || l.lesson >= static_cast<int>(lessons.size())) return nullptr;
    const Lesson& lesson = lessons[static_cast<std::size_t>(l.lesson)];
    if (l.step < 0 || l.step >= static_cast<int>(lesson.steps.size())) return nullptr;
    return &lesson.steps[static_cast<std::size_t>(l.step)];
}

bool lesson_focuses(const LessonState& l, const std::vector<Lesson>& lessons, std::string_view what) {
    const LessonStep* s = lesson_current_step(l, lessons);
    if (!s) return false;
    return std::find(s->focus.begin(), s->focus.end(), what) != s->focus.end();
}

std::string lesson_key(const LessonState& l, const std::vector<Lesson>& lessons, std::string_view part) {
    const LessonStep* s = lesson_current_step(l, lessons);
    if (!s) return {};
    return "lesson." + lessons[static_cast<std::size_t>(l.lesson)].id + "." + s->id + "." + std::string(part);
}

// [SECTION] JSON views -----------------------------------------------------------------------------------
namespace {

void put_text(JsonWriter& w, const Strings& strings, const std::string& key) { json_put(w, strings.get(key)); }

// The active lesson's step as the mirror shows it (the answer only in the Result phase).
void put_active_step(JsonWriter& w, const LessonState& l, const std::vector<Lesson>& lessons, const Strings& strings, const LessonStep& step) {
    const Lesson& lesson = lessons[static_cast<std::size_t>(l.lesson)];
    const char* phases[] = {"predict", "act", "observe", "result"};
    w.StartObject();
    json_key(w, "id"); json_put(w, lesson.id);
    json_key(w, "title"); put_text(w, strings, "lesson." + lesson.id + ".title");
    json_key(w, "step"); w.Int(l.step + 1);
    json_key(w, "steps"); w.Int(static_cast<int>(lesson.steps.size()));
    json_key(w, "phase"); json_put(w, phases[static_cast<int>(l.phase)]);
    for (const char* part : {"explain", "do", "question", "observe"}) { w.Key(part); put_text(w, strings, lesson_key(l, lessons, part)); }
    json_key(w, "options");
    w.StartArray();
    for (int i = 1; i <= kLessonOptions; ++i) put_text(w, strings, lesson_key(l, lessons, "option" + std::to_string(i)));
    w.EndArray();
    json_key(w, "choice"); w.Int(l.choice);
    const bool result = l.phase == LessonPhase::Result;
    json_key(w, "correct"); w.Int(result ? step.correct : 0);
    json_key(w, "right"); w.Bool(result && l.choice == step.correct);
    json_key(w, "why"); json_put(w, result ? strings.get(lesson_key(l, lessons, "why")) : "");
    w.EndObject();
}

void put_lesson_list(JsonWriter& w, const LessonState& l, const std::vector<Lesson>& lessons, const Strings& strings) {
    w.StartArray();
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        w.StartObject();
        json_key(w, "id"); json_put(w, lessons[i].id);
        json_key(w, "title"); put_text(w, strings, "lesson." + lessons[i].id + ".title");
        json_key(w, "steps"); w.Int(static_cast<int>(lessons[i].steps.size()));
        json_key(w, "done"); w.Int(i < l.done.size() ? l.done[i] : 0);
        w.EndObject();
    }
    w.EndArray();
}

// One answer or completion of the log (its number n).
void put_lesson_event(JsonWriter& w, const Lesson& lesson, const Strings& strings, const LessonEvent& e, long long n) {
    w.StartObject();
    json_key(w, "n"); w.Int64(n);
    json_key(w, "lesson"); json_put(w, lesson.id);
    json_key(w, "title"); put_text(w, strings, "lesson." + lesson.id + ".title");
    json_key(w, "steps"); w.Int(static_cast<int>(lesson.steps.size()));
    if (e.kind == LessonEvent::Kind::Answered && e.step >= 0 && e.step < static_cast<int>(lesson.steps.size())) {
        const LessonStep& step = lesson.steps[static_cast<std::size_t>(e.step)];
        const std::string key = "lesson." + lesson.id + "." + step.id + ".";
        json_key(w, "kind"); json_put(w, "answered");
        json_key(w, "step"); w.Int(e.step + 1);
        json_key(w, "step_id"); json_put(w, step.id);
        json_key(w, "question"); put_text(w, strings, key + "question");
        json_key(w, "options");
        w.StartArray();
        for (int i = 1; i <= kLessonOptions; ++i) put_text(w, strings, key + "option" + std::to_string(i));
        w.EndArray();
        json_key(w, "choice"); w.Int(e.choice);
        json_key(w, "correct"); w.Int(step.correct);
        json_key(w, "right"); w.Bool(e.right);
    } else {
        json_key(w, "kind"); json_put(w, "completed");
        json_key(w, "right"); w.Int(e.right_count);
    }
    w.EndObject();
}

}  // namespace

std::string lessons_json(const LessonState& l, const std::vector<Lesson>& lessons, const Strings& strings) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "active");
    if (const LessonStep* step = lesson_current_step(l, lessons)) put_active_step(w, l, lessons, strings, *step);
    else w.Null();
    json_key(w, "list");
    put_lesson_list(w, l, lessons, strings);
    json_key(w, "labels");
    w.StartObject();
    for (const char* k : {"lessons.title", "lessons.start", "lessons.lock", "lessons.waiting", "lessons.observing", "lessons.right", "lessons.wrong",
                          "lessons.answer", "lessons.answer_is", "lessons.next", "lessons.finish", "lessons.back", "lessons.predict", "lessons.reset"}) {
        w.Key(k);
        put_text(w, strings, k);
    }
    w.EndObject();
    json_key(w, "completed_steps"); w.Int(l.completed_steps);
    json_key(w, "right_answers"); w.Int(l.right_answers);
    w.EndObject();
    return buf.GetString();
}

std::string lesson_events_json(const LessonState& l, const std::vector<Lesson>& lessons, const Strings& strings, std::string_view lang, long long from) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_key(w, "total"); w.Int64(l.events_total);
    json_key(w, "lang"); json_put(w, lang);
    json_key(w, "events");
    w.StartArray();
    const long long first = l.events_total - static_cast<long long>(l.events.size());
    for (std::size_t k = 0; k < l.events.size(); ++k) {
        const long long n = first + static_cast<long long>(k);
        const LessonEvent& e = l.events[k];
        if (n < from || e.lesson < 0 || e.lesson >= static_cast<int>(lessons.size())) continue;
        put_lesson_event(w, lessons[static_cast<std::size_t>(e.lesson)], strings, e, n);
    }
    w.EndArray();
    w.EndObject();
    return buf.GetString();
}

}  // namespace neurodrive::app
