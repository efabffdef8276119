// test_layouts.cpp - the UI built headless (Dear ImGui without a window or GL: only the font atlas is
// rasterised) at every layout size: the "not medical advice" note and the About button are drawn,
// whole and on screen, whatever the URL hides (every hide= subset), in English and Spanish, with and
// without the simple view, a lesson, compare mode and large text (TEACHERS.md promises it; issue 23).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "ui.hpp"
#include "url_params.hpp"

namespace na = neurodrive::app;

namespace {
const na::WidgetRect* find(const na::App& app, const std::string& name) {
    for (const auto& r : app.drawn.rects) if (r.name == name) return &r;
    return nullptr;
}
std::string layout_of(const na::App& app) {
    for (const auto& r : app.drawn.rects) if (r.name.rfind("layout:", 0) == 0) return r.name.substr(7);
    return "?";
}
// Frames until the fitted blocks have measured themselves (DrawnFrame::relayout), at most 6.
void frames(na::App& app, ImVec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    // One font atlas for all the apps of a size (ensure_fonts rebuilds it only for a new size).
    static float atlas_px = 0.0f;
    app.ui.font_px = atlas_px;
    app.ui.font_dpr = 1.0f;
    na::ensure_fonts(app, na::wanted_font_px(size) * app.settings.scale, 1.0f);
    atlas_px = app.ui.font_px;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    for (int i = 0; i < 6; ++i) {
        ImGui::NewFrame();
        na::frame_drawn(app, na::build_ui(app), false);
        ImGui::Render();
        if (i >= 2 && !app.drawn.relayout) break;
    }
}
bool on_screen(const na::WidgetRect& r, ImVec2 d) {
    return !r.clipped && r.w > 0 && r.h > 0 && r.x >= -0.5f && r.y >= -0.5f && r.x + r.w <= d.x + 0.5f && r.y + r.h <= d.y + 0.5f;
}
}  // namespace

TEST_CASE("the note and About are drawn whole at every layout size, whatever hide= and the other parameters say") {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    const std::vector<std::string>& panels = na::hideable_panels();
    REQUIRE(panels.size() == 7);
    struct Size { ImVec2 d; const char* layout; };
    // Wide (a laptop), medium (a projector at 1024 x 768 and a course-page frame), phone, compact (a 400 x 300 frame).
    const Size sizes[] = {{{1366, 768}, "wide"}, {{1024, 768}, "medium"}, {{900, 560}, "medium"}, {{390, 844}, "phone"},
                          {{320, 480}, "phone"}, {{400, 300}, "compact"}};
    const char* extras[] = {"", "&lang=es&scale=1.5&ui=minimal", "&lang=es&lesson=ssri_weeks&compare=hypothyroid&preset=ssri_weeks"};
    int checked = 0;
    for (const Size& size : sizes) {
        for (const char* extra : extras) {
            for (unsigned mask = 0; mask < (1u << panels.size()); ++mask) {
                std::string hide;
                for (std::size_t i = 0; i < panels.size(); ++i) if (mask & (1u << i)) hide += (hide.empty() ? "" : ",") + panels[i];
                const std::string query = "hide=" + hide + extra;
                na::App app;
                REQUIRE(na::init(app));
                na::apply_query(app, query);
                frames(app, size.d);
                CAPTURE(query);
                CAPTURE(size.d.x);
                CAPTURE(size.d.y);
                const std::string layout = layout_of(app);
                // Large text on a small screen may pick a smaller layout: the note must hold in that one too.
                if (std::string(extra).find("scale") == std::string::npos) CHECK(layout == size.layout);
                const na::WidgetRect* note = find(app, "text:note.short");
                const na::WidgetRect* about = find(app, "button:about");
                CHECK_MESSAGE(note, "no note in ", layout);
                CHECK_MESSAGE(about, "no About in ", layout);
                if (note) CHECK_MESSAGE(on_screen(*note, size.d), layout, " note at ", note->x, ",", note->y, " ", note->w, "x", note->h, note->clipped ? " clipped" : "");
                if (about) CHECK_MESSAGE(on_screen(*about, size.d), layout, " About at ", about->x, ",", about->y, " ", about->w, "x", about->h);
                ++checked;
            }
        }
    }
    CHECK(checked == 6 * 3 * 128);
    ImGui::DestroyContext();
}

// The fonts are cut to the characters the strings use (scripts/make_fonts.py): a language, a pseudo-locale
// letter or a reference author's name drawn with a character no font holds would show ImGui's "?" box.
TEST_CASE("every character of every language, of the pseudo-locale and of the references has a glyph in the regular and bold fonts") {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    std::vector<std::string> codes;
    for (const na::Language& l : na::languages()) codes.emplace_back(l.code);
    codes.emplace_back("en-XA");
    for (const std::string& code : codes) {
        na::App app;
        REQUIRE(na::init(app));
        REQUIRE(na::set_language(app, code));
        REQUIRE(app.strings_lang == code);
        app.ui.font_px = 0.0f;
        REQUIRE(na::ensure_fonts(app, 16.0f, 1.0f));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        na::Strings texts = app.strings;
        for (const na::Reference& r : app.references) texts.table.emplace("ref." + r.cite, r.cite + r.authors + r.title + r.source);
        int missing = 0;
        for (unsigned c : na::text_code_points(texts)) {
            if (c < 0x20 || c > 0xFFFF) continue;
            for (ImFont* f : {na::fonts().regular, na::fonts().bold}) {
                if (f->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
                char what[64];
                std::snprintf(what, sizeof what, "%s: U+%04X has no glyph", code.c_str(), c);
                if (++missing <= 5) FAIL_CHECK(what);
            }
        }
        CHECK(missing == 0);
    }
    ImGui::DestroyContext();
}
