// lessons.hpp - guided lessons (assets/lessons.json): predict, act, and the model state confirms the
// step. Texts come from the strings table. Pure C++ (no ImGui): tested natively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace neurodrive::app {

struct App;

struct LessonCheck {
    enum class Kind { Input, Output, Event, Trials, WaitS, WaitDays } kind = Kind::WaitS;
    std::string name;          // input / output / event name
    bool at_least = true;      // op ">=" (else "<=")
    double value = 0.0;
};

struct LessonStep {
    std::string id;
    int correct = 1;           // 1-based option number
    std::vector<LessonCheck> checks;
};

struct Lesson {
    std::string id;
    std::vector<LessonStep> steps;
};

enum class LessonPhase { Predict, Act, Result };

struct LessonState {
    int lesson = -1;           // index into App::lessons, -1 = the lesson list
    int step = 0;
    LessonPhase phase = LessonPhase::Predict;
    int choice = 0;            // chosen option, 1-based; 0 = none
    double start_time_s = 0.0, start_day = 0.0;
    int start_trials = 0;
    std::vector<int> start_events;  // event counts when the step began
    std::vector<int> done;     // steps completed, per lesson
    int completed_steps = 0;   // all steps completed in this session (for LMS statements)
};

// Parses and validates the lessons document (names, ops, option numbers). "" or an error message.
std::string parse_lessons(std::string_view json, std::vector<Lesson>* out);

bool start_lesson(App& app, std::string_view id);
void lesson_choose(App& app, int option);   // 1..3, in the Predict phase
void lesson_lock(App& app);                 // Predict -> Act (needs a choice)
void lesson_update(App& app);               // Act -> Result when every check holds
void lesson_next(App& app);                 // Result -> next step (or back to the list)
void lesson_back(App& app);                 // back to the lesson list
void lesson_reset_progress(App& app);
bool lesson_check_met(const App& app, const LessonCheck& check);

// {"active":{...}|null,"list":[{"id","title","steps","done"}],"labels":{...}} for the HTML mirror.
std::string lessons_json(const App& app);

}  // namespace neurodrive::app
