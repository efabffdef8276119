// panel_lessons.cpp - the guided lessons: the list with progress, and the step card: the explanation,
// a prediction chosen and locked in before acting, what to do, what to watch while the model settles,
// then the right answer highlighted with its reason. Drawing reads the lesson state; actions go
// through the lesson commands of app.hpp.
#include <algorithm>
#include <cstdio>
#include <string>

#include "ui.hpp"

namespace neurodrive::app {
namespace {

std::string key(const App& app, const char* part) { return lesson_key(app.lesson, app.lessons, part); }

void lesson_list(const App& app) {
    const Theme& th = theme();
    const LessonState& l = app.lesson;
    section_title("lessons", tr(app, "lessons.title"));
    text_block("lessons.choose", tr(app, "lessons.choose"), th.text_dim);
    for (std::size_t i = 0; i < app.lessons.size(); ++i) {
        const Lesson& lesson = app.lessons[i];
        ImGui::PushID(static_cast<int>(i));
        const int done = i < l.done.size() ? l.done[i] : 0;
        const bool resume = i < l.resume.size() && l.resume[i] > 0;
        if (ImGui::Button(tr(app, resume ? "lessons.resume" : "lessons.start"))) push_action([id = lesson.id](App& a) { start_lesson(a, id); });
        record_item("button:lesson." + lesson.id);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        char line[200];
        format_into(line, app.strings.number, tr(app, "lessons.list_item"), tr(app, "lesson." + lesson.id + ".title"), done, static_cast<int>(lesson.steps.size()));
        ImGui::TextUnformatted(line);
        record_item("label:lesson." + lesson.id);
        ImGui::PopID();
    }
    if (ImGui::SmallButton(tr(app, "lessons.reset"))) push_action([](App& a) { lesson_reset_progress(a); });
}

// The lesson's title with the way back to the list (the step is remembered): beside the title when it
// fits there on one line; else the button goes first, on its own row, and the title takes the whole
// width (large text, long languages: fewer lines before the question). False when Back was pressed.
bool lesson_title(const App& app, const Lesson& lesson) {
    const char* back = tr(app, "lessons.back");
    const float back_w = ImGui::CalcTextSize(back).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    const char* title = tr(app, "lesson." + lesson.id + ".title");
    const float beside_w = avail - back_w - ImGui::GetStyle().ItemSpacing.x * 2.0f;
    const bool beside = fonts().bold->CalcTextSizeA(font_px(fonts().bold), 1e9f, 0.0f, title).x <= beside_w;
    if (!beside) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, avail - back_w));
        if (ImGui::SmallButton(back)) { push_action([](App& a) { lesson_back(a); }); return false; }
        record_item("button:lesson.back");
    }
    text_block("lesson.title", title, theme().text, fonts().bold, beside ? beside_w : avail);
    if (beside) {
        ImGui::SameLine(ImGui::GetContentRegionMax().x - back_w);
        if (ImGui::SmallButton(back)) { push_action([](App& a) { lesson_back(a); }); return false; }
        record_item("button:lesson.back");
    }
    return true;
}

// The question's options: chosen in the Predict phase; in the Result phase the right one marked.
void lesson_options(const App& app, const LessonStep& step) {
    const Theme& th = theme();
    const LessonState& l = app.lesson;
    const bool result = l.phase == LessonPhase::Result;
    for (int i = 1; i <= kLessonOptions; ++i) {
        ImGui::PushID(i);
        const std::string option = key(app, ("option" + std::to_string(i)).c_str());
        const bool chosen = l.choice == i, correct = result && step.correct == i;
        ImGui::BeginDisabled(l.phase != LessonPhase::Predict);
        if (ImGui::RadioButton("##o", chosen)) push_action([i](App& a) { lesson_choose(a, i); });
        ImGui::EndDisabled();
        record_item("radio:lesson.option" + std::to_string(i));
        ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        text_block("lesson.option" + std::to_string(i), tr(app, option), correct ? th.good : (result && chosen) ? th.bad : th.text,
                   correct ? fonts().bold : nullptr);
        if (ImGui::IsItemClicked() && l.phase == LessonPhase::Predict) push_action([i](App& a) { lesson_choose(a, i); });
        if (correct) {
            const ImVec2 b = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRect(ImVec2(p.x - 4.0f, p.y - 2.0f), ImVec2(b.x + 4.0f, b.y + 2.0f), th.good, 4.0f, 0, 2.0f);
        }
        ImGui::PopID();
    }
}

// What the phase asks for: lock in the answer, do it, watch, or read the verdict and go on.
void lesson_phase(const App& app, const Lesson& lesson, const LessonStep& step) {
    const Theme& th = theme();
    const LessonState& l = app.lesson;
    switch (l.phase) {
    case LessonPhase::Predict:
        ImGui::BeginDisabled(l.choice == 0);
        if (ImGui::Button(tr(app, "lessons.lock"))) push_action([](App& a) { lesson_lock(a); });
        ImGui::EndDisabled();
        record_item("button:lesson.lock");
        break;
    case LessonPhase::Act:
        text_block("lesson.do", tr(app, key(app, "do")), th.accent, fonts().bold);
        text_block("lesson.waiting", tr(app, "lessons.waiting"), th.text_dim, fonts().small);
        break;
    case LessonPhase::Observe:
        text_block("lesson.observe", tr(app, key(app, "observe")), th.accent, fonts().bold);
        text_block("lesson.observing", tr(app, "lessons.observing"), th.text_dim, fonts().small);
        break;
    case LessonPhase::Result: {
        const bool right = l.choice == step.correct;
        text_block("lesson.verdict", tr(app, right ? "lessons.right" : "lessons.wrong"), right ? th.good : th.bad, fonts().bold);
        text_block("lesson.why", tr(app, key(app, "why")), th.text);
        const bool last = l.step + 1 >= static_cast<int>(lesson.steps.size());
        if (ImGui::Button(tr(app, last ? "lessons.finish" : "lessons.next"))) push_action([](App& a) { lesson_next(a); });
        record_item("button:lesson.next");
        break;
    }
    }
}

}  // namespace

void panel_lessons(const App& app) {
    const Theme& th = theme();
    const LessonState& l = app.lesson;
    const LessonStep* step = lesson_current_step(l, app.lessons);
    if (!step) { lesson_list(app); return; }
    const Lesson& lesson = app.lessons[static_cast<std::size_t>(l.lesson)];
    if (!lesson_title(app, lesson)) return;
    char progress[64];
    format_into(progress, app.strings.number, tr(app, "lessons.progress"), l.step + 1, static_cast<int>(lesson.steps.size()));
    ImGui::ProgressBar(static_cast<float>(l.step + (l.phase == LessonPhase::Result ? 1 : 0)) / static_cast<float>(lesson.steps.size()),
                       ImVec2(-1.0f, ImGui::GetFontSize() * 1.3f), progress);
    text_block("lesson.explain", tr(app, key(app, "explain")), th.text);
    text_block("lesson.question", tr(app, key(app, "question")), th.text, fonts().bold);
    lesson_options(app, *step);
    ImGui::Spacing();
    lesson_phase(app, lesson, *step);
}

}  // namespace neurodrive::app
