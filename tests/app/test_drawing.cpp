// test_drawing.cpp - drawing only reads: the UI built headless (Dear ImGui without a window or GL) in
// many states. Once the layout has settled, a frame drawn again with no input and no time passing
// leaves every piece of the app's state that is not ImGui's exactly as it was, asks for nothing and
// reports the same layout; a click or a key only asks for an action, which update() applies through
// the commands (so a lock refuses it there).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdio>
#include <functional>
#include <sstream>
#include <string>
#include <utility>

#include "a11y.hpp"
#include "commands.hpp"
#include "persist.hpp"
#include "ui.hpp"

namespace na = neurodrive::app;

namespace {

// All of the app's state that drawing could touch, as lines of text: its JSON views, the view's state,
// the frame bookkeeping and what the last drawn frame reported.
std::string snapshot(const na::App& app) {
    std::string s = na::state_json(app) + "\n" + na::mirror_json(na::mirror_view(app)) + "\n" + na::lessons_json(app) + "\n" + na::share_query(app) + "\n"
                    + na::stored_record(na::choices_now(app)) + "\n" + na::ui_state_text(app.ui) + "\n";
    char buf[512];
    std::snprintf(buf, sizeof buf, "frames %llu %llu %llu %d, clock %.17g %.17g, evidence %zu, lang %s %s, lab %s\n",
                  static_cast<unsigned long long>(app.frames), static_cast<unsigned long long>(app.skipped_frames),
                  static_cast<unsigned long long>(app.drawn_signature), app.settle_frames, app.clock_s, app.last_drawn_clock_s, app.evidence.size(),
                  app.strings_lang.c_str(), app.language_wanted.c_str(), app.lab.experiment.c_str());
    s += buf;
    const na::DrawnFrame& d = app.drawn;
    std::snprintf(buf, sizeof buf, "drawn %zu rects, heights %.1f %.1f %.1f, relayout %d, evidence %d, controls %d, plot focus %d, %zu actions",
                  d.rects.size(), static_cast<double>(d.heights.lesson_card_h), static_cast<double>(d.heights.narration_h),
                  static_cast<double>(d.heights.strip_h), d.relayout, d.evidence_shown, d.controls_drawn, d.plot_focus, d.actions.size());
    return s + buf;
}

// Only the build (NewFrame ... Render): what drawing reports.
na::DrawnFrame draw(const na::App& app) {
    ImGui::NewFrame();
    na::layers_new_frame();
    na::DrawnFrame f = na::build_ui(app);
    ImGui::Render();
    return f;
}

// One display frame as main.cpp runs it, with no time passing.
void frame(na::App& app, bool input = false) {
    na::update(app, 0.0);
    ImGui::NewFrame();
    na::layers_new_frame();
    na::frame_drawn(app, na::build_ui(app), input);
    ImGui::Render();
}

// Frames until the measured blocks and a pending reveal have settled (at least one: ImGui creates its windows).
void settle(na::App& app) {
    for (int i = 0; i < 8; ++i) {
        frame(app);
        if (i >= 1 && !app.drawn.relayout && app.ui.scroll_to_highlight == 0) return;
    }
}

// A new app in a new ImGui context (no window, popup or focus left from the app before).
na::App make_app(ImVec2 size, const std::string& query) {
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    na::App app;
    REQUIRE(na::init(app));
    na::apply_query(app, query);
    app.ui.font_dpr = 1.0f;
    na::ensure_fonts(app, na::wanted_font_px(size) * app.settings.scale, 1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    return app;
}

void check_lines(const std::string& before, const std::string& after) {
    std::istringstream a(before), b(after);
    std::string la, lb;
    while (std::getline(a, la) && std::getline(b, lb)) CHECK_MESSAGE(la == lb, "before: ", la, "\nafter:  ", lb);
}

struct Case {
    const char* name;
    float w, h;
    const char* query;
    std::function<void(na::App&)> then;  // after the query: a command, a tab, a dialog
};

void check_case(const Case& c) {
    INFO(std::string(c.name));
    na::App app = make_app(ImVec2(c.w, c.h), std::string("paused=1&") + c.query);
    if (c.then) c.then(app);
    settle(app);
    const std::string before = snapshot(app);
    const na::DrawnFrame again = draw(app);  // no input, no time
    check_lines(before, snapshot(app));      // drawing read the app
    CHECK(again.actions.empty());            // no input: nothing asked for
    CHECK(again.rects.size() == app.drawn.rects.size());  // and the same layout reported
    CHECK(again.heights.lesson_card_h == app.drawn.heights.lesson_card_h);
    CHECK(again.heights.narration_h == app.drawn.heights.narration_h);
    CHECK(again.heights.strip_h == app.drawn.heights.strip_h);
    CHECK(!again.relayout);
}

const na::WidgetRect* find(const na::App& app, const std::string& name) {
    for (const auto& r : app.drawn.rects) if (r.name == name) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("a frame drawn twice with no input changes no state, in every layout, tab, dialog and mode") {
    auto ui = [](auto field, auto value) { return [=](na::App& a) { a.ui.*field = value; }; };
    const Case cases[] = {
        {"default, wide", 1366, 768, "", nullptr},
        {"default, medium", 1024, 768, "", nullptr},
        {"default, phone", 390, 844, "", nullptr},
        {"default, compact", 400, 300, "", nullptr},
        {"a lesson open, wide", 1366, 768, "lesson=learning_to_predict", nullptr},
        {"a lesson open, medium", 1024, 768, "lesson=effort_not_appetite", nullptr},
        {"a lesson open, phone", 390, 844, "lesson=learning_to_predict", ui(&na::UiState::phone_tab, na::PhoneTab::Lesson)},
        {"compare mode, wide", 1366, 768, "compare=hypothyroid", nullptr},
        {"compare mode, phone", 390, 844, "compare=hypothyroid", nullptr},
        {"compare mode, compact", 400, 300, "compare=stimulant", nullptr},
        {"a preset just chosen", 1366, 768, "", [](na::App& a) { na::cmd_preset(a, "ssri_like"); }},
        {"a lesson step asks for a manipulation", 1366, 768, "lesson=wanting_vs_liking", [](na::App& a) { na::lesson_choose(a, 1); na::lesson_lock(a); }},
        {"phone: Controls", 390, 844, "", ui(&na::UiState::phone_tab, na::PhoneTab::Controls)},
        {"phone: Signals", 390, 844, "", ui(&na::UiState::phone_tab, na::PhoneTab::Signals)},
        {"phone: Learning", 390, 844, "", ui(&na::UiState::phone_tab, na::PhoneTab::Learning)},
        {"phone: Lab", 390, 844, "", ui(&na::UiState::phone_tab, na::PhoneTab::Lab)},
        {"phone: a hidden tab chosen", 390, 844, "hide=plots", ui(&na::UiState::phone_tab, na::PhoneTab::Signals)},
        {"medium: Controls beside", 1024, 768, "", ui(&na::UiState::side_controls, true)},
        {"medium: the drive meter hidden", 1024, 768, "hide=drive", nullptr},
        {"wide: the manipulations tab", 1366, 768, "", ui(&na::UiState::controls_tab, na::ControlsTab::Manipulations)},
        {"the lab after a run", 390, 844, "", [](na::App& a) { a.ui.phone_tab = na::PhoneTab::Lab; na::cmd_run_experiment(a, 0); }},
        {"the lab's evidence table", 390, 844, "", [](na::App& a) { a.ui.phone_tab = na::PhoneTab::Lab; a.ui.lab_evidence = true; }},
        {"the settings dialog", 1366, 768, "", ui(&na::UiState::settings_open, true)},
        {"the shortcuts dialog", 1366, 768, "", ui(&na::UiState::shortcuts_open, true)},
        {"the About dialog", 1366, 768, "", ui(&na::UiState::about_open, true)},
        {"the start hint", 1366, 768, "", ui(&na::UiState::start_hint, true)},
        {"Spanish, large text, simple view", 1366, 768, "lang=es&scale=1.5&ui=minimal", nullptr},
    };
    for (const Case& c : cases) check_case(c);
}

TEST_CASE("a click only asks for an action: update() applies it") {
    na::App app = make_app(ImVec2(1366, 768), "paused=1");
    settle(app);
    const na::WidgetRect* about = find(app, "button:about");
    REQUIRE(about);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(about->x + about->w * 0.5f, about->y + about->h * 0.5f);
    frame(app, true);  // the pointer arrives over the button
    io.MouseDown[0] = true;
    frame(app, true);  // pressed
    io.MouseDown[0] = false;
    na::DrawnFrame released = draw(app);  // released: the button asks
    CHECK(released.actions.size() == 1);
    CHECK(!app.ui.about_open);                  // drawing changed nothing
    na::frame_drawn(app, std::move(released), true);
    na::update(app, 0.0);
    CHECK(app.ui.about_open);                   // the next update applied it
    CHECK(app.drawn.actions.empty());           // once
}

TEST_CASE("a shortcut key goes through the commands: a lock refuses it as it refuses the JS API") {
    for (const bool locked : {false, true}) {
        CAPTURE(locked);
        na::App app = make_app(ImVec2(1366, 768), locked ? "paused=1&lock=events" : "paused=1");
        settle(app);
        ImGui::GetIO().AddInputCharacter('c');  // c: a cue
        frame(app, true);
        CHECK(app.brain.history.event_counts[0] == 0);  // asked for, not applied while drawing
        na::update(app, 0.0);
        CHECK(app.brain.history.event_counts[0] == (locked ? 0 : 1));
    }
}
