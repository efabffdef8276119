// lessons.hpp - guided lessons (assets/lessons.json): predict, act, watch the model settle, then the
// answer with its reason. Lessons work on their own state and a small read-only view of the
// simulation; texts come from the strings table. Pure C++ (no ImGui, no App): tested natively.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "neurodrive/model.hpp"

namespace neurodrive::app {

struct Strings;  // assets.hpp: the texts, in the UI language

struct LessonCheck {
    enum class Kind { Input, Output, Event, Trials, WaitS, WaitDays, Lab } kind = Kind::WaitS;
    std::string name;          // input / output / event / experiment name
    bool at_least = true;      // op ">=" (else "<=")
    double value = 0.0;
};

struct LessonStep {
    std::string id;
    int correct = 1;                 // 1-based option number
    std::vector<LessonCheck> checks; // what doing the step means
    double settle_s = 2.0;           // simulated seconds the checks must hold before the result
    std::vector<std::string> focus;  // what to keep in view: plot:signals|learning|lab, region:<id>, drive, drive:<component>
};

struct Lesson {
    std::string id;
    std::vector<LessonStep> steps;
};

// Predict (choose an answer and lock it in) -> Act (do it) -> Observe (the checks hold; the model
// settles for settle_s) -> Result (the right answer highlighted, with why).
enum class LessonPhase { Predict, Act, Observe, Result };

constexpr int kLessonOptions = 3;
constexpr std::size_t kLessonEventLog = 64;       // answers and completions kept for JS to report (newest)
constexpr std::size_t kLessonRecordMax = 4096;    // characters of a progress record (SCORM 1.2 suspend_data)

// An answer shown (a prediction whose result appeared) or a lesson finished: reported once each to an
// LMS (xAPI statements, SCORM score) by the page.
struct LessonEvent {
    enum class Kind { Answered, Completed } kind = Kind::Answered;
    int lesson = -1;           // index into the lessons
    int step = 0;              // 0-based; Completed: the last step
    int choice = 0;            // Answered: the chosen option, 1-based
    bool right = false;        // Answered: choice == the step's correct option
    int right_count = 0;       // Completed: steps of this lesson answered right
    int steps = 0;             // Completed: steps in the lesson
};

struct LessonState {
    int lesson = -1;           // index into the lessons, -1 = the lesson list
    int step = 0;
    LessonPhase phase = LessonPhase::Predict;
    int choice = 0;            // chosen option, 1-based; 0 = none
    double act_start_s = 0.0, act_start_day = 0.0;
    int act_start_trials = 0;
    std::array<int, 3> act_start_events{};  // event counts when the act began
    double held_since_s = -1.0;             // when every check began to hold (-1 = not holding)
    std::vector<int> done;     // steps completed, per lesson (progress survives leaving a lesson)
    std::vector<int> resume;   // the step to resume at, per lesson
    int completed_steps = 0;   // all steps completed in this session (for LMS statements)
    int right_answers = 0;     // predictions that were right
    std::vector<std::vector<int>> answers;  // per lesson, per step: the choice whose result was shown (0 = none)
    std::vector<LessonEvent> events;        // the newest kLessonEventLog answers and completions ...
    long long events_total = 0;             // ... and how many were ever logged (events[0] is number total - size)
};

// What a lesson may look at: a read-only view of the simulation, built by the app each frame.
struct LessonView {
    const model::Inputs* inputs = nullptr;
    const model::Outputs* out = nullptr;
    double time_s = 0.0;
    double sim_day = 0.0;
    int trials = 0;
    std::array<int, 3> event_counts{};
    std::string lab_experiment;   // the lab's last run ("" = none) ...
    bool lab_current = false;     // ... and whether it ran on the current inputs
};

// Parses and validates the lessons document (names, ops, option numbers, focus). "" or an error.
std::string parse_lessons(std::string_view json, std::vector<Lesson>* out);

bool lesson_start(LessonState& l, const std::vector<Lesson>& lessons, std::string_view id, const LessonView& v);
void lesson_choose(LessonState& l, int option);   // 1..3, in the Predict phase
void lesson_lock(LessonState& l, const LessonView& v);  // Predict -> Act (needs a choice)
void lesson_update(LessonState& l, const std::vector<Lesson>& lessons, const LessonView& v);  // Act -> Observe -> Result
void lesson_next(LessonState& l, const std::vector<Lesson>& lessons, const LessonView& v);    // Result -> next step (or the list)
void lesson_back(LessonState& l);                 // back to the list; the step is remembered
void lesson_reset_progress(LessonState& l, const std::vector<Lesson>& lessons);
bool lesson_check_met(const LessonState& l, const LessonCheck& check, const LessonView& v);

// A lesson's progress as a compact JSON record (for SCORM cmi.suspend_data, at most kLessonRecordMax
// characters): {"v":1,"lesson":id,"step":k,"done":n,"answers":[[choice,right],null,...]} - step: where
// the student resumes (0-based), done: steps completed (n = all: the lesson was finished once),
// answers: one entry per step, [choice 1-3, 1 if right else 0] or null. "" for an unknown index.
std::string lesson_record(const LessonState& l, const std::vector<Lesson>& lessons, int lesson);
// Restores a record strictly (every field, type, range and consistency checked; unknown keys refused):
// "" and the lesson opens at its step (or the list when finished), or an error naming the problem and
// nothing changes.
std::string lesson_restore(LessonState& l, const std::vector<Lesson>& lessons, std::string_view record);

// The step in progress, or nullptr on the list.
const LessonStep* lesson_current_step(const LessonState& l, const std::vector<Lesson>& lessons);
// True when the current step asks to keep `what` in view (e.g. "plot:learning", "region:vta").
bool lesson_focuses(const LessonState& l, const std::vector<Lesson>& lessons, std::string_view what);
// Strings key of a part of the current step: lesson.<lesson>.<step>.<part>.
std::string lesson_key(const LessonState& l, const std::vector<Lesson>& lessons, std::string_view part);

// [SECTION] JSON views (the page's mirror and the LMS reports), with texts from `strings`
// {"active":{id,title,step,steps,phase,explain,do,question,observe,options,choice,correct,right,why}|null,
//  "list":[{"id","title","steps","done"}],"labels":{...},"completed_steps":n,"right_answers":n}.
std::string lessons_json(const LessonState& l, const std::vector<Lesson>& lessons, const Strings& strings);
// Answers shown and lessons finished, numbered from 0, from number `from` on (older ones than the log
// keeps are gone); `lang` names the language of the texts: {"total":N,"lang":..,"events":[{"n","lesson",
// "title","steps","kind":"answered","step","step_id","question","options":[..],"choice","correct","right"} |
// {"n","lesson","title","steps","kind":"completed","right"}]}.
std::string lesson_events_json(const LessonState& l, const std::vector<Lesson>& lessons, const Strings& strings, std::string_view lang, long long from);

}  // namespace neurodrive::app
