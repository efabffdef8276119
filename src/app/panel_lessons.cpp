// panel_lessons.cpp - the guided lessons panel: the list with progress, then per step the
// explanation, a prediction question answered before acting, the instruction, and the verdict.
#include <cstdio>
#include <string>

#include "ui.hpp"

namespace neurodrive::app {
namespace {

std::string step_key(const App& app, const char* part) {
    const Lesson& lesson = app.lessons[static_cast<std::size_t>(app.lesson.lesson)];
    return "lesson." + lesson.id + "." + lesson.steps[static_cast<std::size_t>(app.lesson.step)].id + "." + part;
}

void wrapped(const char* text, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

}  // namespace

void panel_lessons(App& app) {
    const Theme& th = theme();
    LessonState& l = app.lesson;
    if (l.lesson < 0) {
        section_title(tr(app, "lessons.title"));
        wrapped(tr(app, "lessons.choose"), th.text_dim);
        for (std::size_t i = 0; i < app.lessons.size(); ++i) {
            const Lesson& lesson = app.lessons[i];
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Button(tr(app, "lessons.start"))) start_lesson(app, lesson.id);
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            const int done = i < l.done.size() ? l.done[i] : 0;
            ImGui::Text("%s  (%d/%d)", tr(app, "lesson." + lesson.id + ".title"), done, static_cast<int>(lesson.steps.size()));
            ImGui::PopID();
        }
        if (ImGui::SmallButton(tr(app, "lessons.reset"))) lesson_reset_progress(app);
        return;
    }
    const Lesson& lesson = app.lessons[static_cast<std::size_t>(l.lesson)];
    const LessonStep& step = lesson.steps[static_cast<std::size_t>(l.step)];
    section_title(tr(app, "lesson." + lesson.id + ".title"));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(tr(app, "lessons.back")).x - ImGui::GetStyle().FramePadding.x * 2.0f);
    if (ImGui::SmallButton(tr(app, "lessons.back"))) { lesson_back(app); return; }
    char progress[64];
    std::snprintf(progress, sizeof progress, tr(app, "lessons.progress"), l.step + 1, static_cast<int>(lesson.steps.size()));
    ImGui::ProgressBar(static_cast<float>(l.step + (l.phase == LessonPhase::Result ? 1 : 0)) / static_cast<float>(lesson.steps.size()),
                       ImVec2(-1.0f, ImGui::GetFontSize() * 0.9f), progress);
    wrapped(tr(app, step_key(app, "explain")), th.text);
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    wrapped(tr(app, step_key(app, "question")), th.text);
    ImGui::PopFont();
    for (int i = 1; i <= 3; ++i) {
        const std::string option = step_key(app, ("option" + std::to_string(i)).c_str());
        ImGui::BeginDisabled(l.phase != LessonPhase::Predict);
        if (ImGui::RadioButton(tr(app, option), l.choice == i)) lesson_choose(app, i);
        ImGui::EndDisabled();
    }
    if (l.phase == LessonPhase::Predict) {
        ImGui::BeginDisabled(l.choice == 0);
        if (ImGui::Button(tr(app, "lessons.lock"))) lesson_lock(app);
        ImGui::EndDisabled();
    } else if (l.phase == LessonPhase::Act) {
        ImGui::PushFont(fonts().bold);
        wrapped(tr(app, step_key(app, "do")), th.accent);
        ImGui::PopFont();
        wrapped(tr(app, "lessons.waiting"), th.text_dim);
    } else {
        const bool right = l.choice == step.correct;
        ImGui::PushFont(fonts().bold);
        wrapped(tr(app, right ? "lessons.right" : "lessons.wrong"), right ? th.good : th.bad);
        ImGui::PopFont();
        wrapped(tr(app, step_key(app, "why")), th.text);
        const bool last = l.step + 1 >= static_cast<int>(lesson.steps.size());
        if (ImGui::Button(tr(app, last ? "lessons.finish" : "lessons.next"))) lesson_next(app);
    }
}

}  // namespace neurodrive::app
