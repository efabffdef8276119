// widgets.cpp - small shared widgets: text blocks and labels recorded for layout(), section titles,
// tooltips, vector icons and highlights. ImGui only (no SDL/GL).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "ui.hpp"

namespace neurodrive::app {

const char* tr(const App& app, std::string_view key) { return app.strings.get(key); }

namespace {
bool outside(ImVec2 a, ImVec2 b, ImVec4 clip) {
    return a.x < clip.x - 0.5f || a.y < clip.y - 0.5f || b.x > clip.z + 0.5f || b.y > clip.w + 0.5f;
}
bool hidden(ImVec2 a, ImVec2 b, ImVec4 clip) { return b.x <= clip.x || b.y <= clip.y || a.x >= clip.z || a.y >= clip.w; }
ImVec4 intersect(ImVec4 a, ImVec4 b) { return ImVec4(std::max(a.x, b.x), std::max(a.y, b.y), std::min(a.z, b.z), std::min(a.w, b.w)); }

// Records what was drawn at [a, b]: nothing when it is wholly scrolled out of view (it is not on
// screen), "clipped" when only part of it shows.
// Inside a scrolling list (the controls) a partly shown row is ordinary scrolling, not a cut-off.
void record(const std::string& name, ImVec2 a, ImVec2 b, ImVec4 clip, const ImVec4* anchor = nullptr) {
    if (hidden(a, b, clip)) return;
    const bool scrolls = ImGui::GetScrollMaxY() > 0.0f;
    if (scrolls) {  // a list that scrolls cuts items at its edges by design: report the visible part
        a = ImVec2(std::max(a.x, clip.x), std::max(a.y, clip.y));
        b = ImVec2(std::min(b.x, clip.z), std::min(b.y, clip.w));
    }
    WidgetRect r{name, a.x, a.y, b.x - a.x, b.y - a.y, !scrolls && outside(a, b, clip)};
    if (anchor) r.anchor = {anchor->x, anchor->y, anchor->z - anchor->x, anchor->w - anchor->y};
    r.anchored = anchor != nullptr;
    drawn_now().rects.push_back(std::move(r));
}
// What is visible here: the window's clip rectangle within the display.
ImVec4 current_clip() {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = dl->GetClipRectMin(), b = dl->GetClipRectMax(), d = ImGui::GetIO().DisplaySize;
    return ImVec4(std::max(a.x, 0.0f), std::max(a.y, 0.0f), std::min(b.x, d.x), std::min(b.y, d.y));
}
}  // namespace

// Lines of `text` that fit `width`, broken at spaces (ImGui's own wrapping also breaks after '.', which
// splits numbers such as "4.5 Hz" across lines) and, in Chinese, between characters (locale.hpp
// wrap_pieces). A word wider than a line is cut at a whole character.
std::vector<std::string> wrap_lines(ImFont* font, float px, const char* text, float width) {
    std::vector<std::string> lines;
    auto w = [&](const std::string& t) { return font->CalcTextSizeA(px, 1e9f, 0.0f, t.c_str()).x; };
    std::string_view rest(text);
    while (true) {
        const std::size_t nl = rest.find('\n');
        std::string line;
        for (const WrapPiece& piece : wrap_pieces(rest.substr(0, nl))) {
            const std::string joined = line + (piece.space_before && !line.empty() ? " " : "") + piece.text;
            if (line.empty() || w(joined) <= width) line = joined;
            else { lines.push_back(line); line = piece.text; }
            while (w(line) > width && line.size() > 1) {  // a single word wider than the line
                std::size_t cut = utf8_prefix(line, line.size() - 1);
                while (cut > 1 && w(line.substr(0, cut)) > width) cut = utf8_prefix(line, cut - 1);
                if (cut == 0) break;
                lines.push_back(line.substr(0, cut));
                line = line.substr(cut);
            }
        }
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        rest = rest.substr(nl + 1);
    }
    return lines;
}

void text_block(const std::string& id, const char* text, ImU32 color, ImFont* font, float wrap_width) {
    if (font) ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    const float width = std::max(wrap_width > 0.0f ? wrap_width : ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 4.0f);
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
    for (const std::string& line : wrap_lines(ImGui::GetFont(), ImGui::GetFontSize(), text, width)) ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    record("text:" + id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), current_clip());
}

void record_label(const std::string& id, ImVec2 min, ImVec2 max, ImVec4 clip, const ImVec4* anchor) {
    record("label:" + id, min, max, intersect(clip, current_clip()), anchor);
}

void record_item(const std::string& name) {
    record(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), current_clip());
}

void section_title(const std::string& id, const char* text) {
    text_block("title." + id, text, theme().text, fonts().heading);
}

void help_marker_tooltip(const char* text) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && text && *text) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float r, ImU32 col) {
    const float w = std::max(1.5f, r * 0.22f);
    switch (icon) {
    case Icon::Play: dl->AddTriangleFilled(ImVec2(c.x - r * 0.7f, c.y - r), ImVec2(c.x - r * 0.7f, c.y + r), ImVec2(c.x + r, c.y), col); break;
    case Icon::Pause:
        dl->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x - r * 0.25f, c.y + r), col);
        dl->AddRectFilled(ImVec2(c.x + r * 0.25f, c.y - r), ImVec2(c.x + r * 0.8f, c.y + r), col);
        break;
    case Icon::Step:
        dl->AddTriangleFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x - r * 0.8f, c.y + r), ImVec2(c.x + r * 0.4f, c.y), col);
        dl->AddRectFilled(ImVec2(c.x + r * 0.45f, c.y - r), ImVec2(c.x + r * 0.85f, c.y + r), col);
        break;
    case Icon::Reset:
        dl->PathArcTo(c, r * 0.8f, 0.6f, 5.6f, 16);
        dl->PathStroke(col, 0, std::max(1.5f, r * 0.28f));
        dl->AddTriangleFilled(ImVec2(c.x + r * 0.35f, c.y - r * 0.95f), ImVec2(c.x + r * 1.05f, c.y - r * 0.25f), ImVec2(c.x + r * 1.05f, c.y - r * 1.1f), col);
        break;
    case Icon::Sliders:
        for (int i = -1; i <= 1; ++i) {
            const float y = c.y + static_cast<float>(i) * r * 0.7f, knob = c.x + static_cast<float>(i) * r * 0.45f;
            dl->AddLine(ImVec2(c.x - r, y), ImVec2(c.x + r, y), col, w);
            dl->AddCircleFilled(ImVec2(knob, y), r * 0.28f, col);
        }
        break;
    case Icon::Meter:
        for (int i = 0; i < 4; ++i) {
            const float x = c.x - r + static_cast<float>(i) * r * 0.6f, h = r * (0.5f + 0.45f * static_cast<float>(i));
            dl->AddRectFilled(ImVec2(x, c.y + r - h), ImVec2(x + r * 0.4f, c.y + r), col);
        }
        break;
    case Icon::Wave: {
        const float xs[] = {-1.0f, -0.55f, -0.35f, -0.15f, 0.1f, 1.0f}, ys[] = {0.3f, 0.3f, -0.9f, 0.9f, 0.3f, 0.3f};
        for (int i = 0; i < 6; ++i) dl->PathLineTo(ImVec2(c.x + xs[i] * r, c.y + ys[i] * r));
        dl->PathStroke(col, 0, w);
        break;
    }
    case Icon::Rows:
        for (int i = 0; i < 4; ++i) {
            const float y = c.y - r + static_cast<float>(i) * r * 0.6f;
            dl->AddLine(ImVec2(c.x - r, y + r * 0.2f), ImVec2(c.x + r, y + r * 0.2f), with_alpha(col, 0.45f), w);
            dl->AddRectFilled(ImVec2(c.x + r * (0.2f - 0.25f * static_cast<float>(i)), y), ImVec2(c.x + r * (0.45f - 0.25f * static_cast<float>(i)), y + r * 0.4f), col);
        }
        break;
    case Icon::Book:
        dl->AddRect(ImVec2(c.x - r, c.y - r * 0.8f), ImVec2(c.x, c.y + r * 0.8f), col, 1.0f, 0, w);
        dl->AddRect(ImVec2(c.x, c.y - r * 0.8f), ImVec2(c.x + r, c.y + r * 0.8f), col, 1.0f, 0, w);
        break;
    case Icon::Flask:
        dl->PathLineTo(ImVec2(c.x - r * 0.3f, c.y - r));
        dl->PathLineTo(ImVec2(c.x - r * 0.3f, c.y - r * 0.2f));
        dl->PathLineTo(ImVec2(c.x - r, c.y + r));
        dl->PathLineTo(ImVec2(c.x + r, c.y + r));
        dl->PathLineTo(ImVec2(c.x + r * 0.3f, c.y - r * 0.2f));
        dl->PathLineTo(ImVec2(c.x + r * 0.3f, c.y - r));
        dl->PathStroke(col, 0, w);
        break;
    case Icon::Open:
        dl->AddRect(ImVec2(c.x - r, c.y - r * 0.6f), ImVec2(c.x + r * 0.6f, c.y + r), col, 1.0f, 0, w);
        dl->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.1f), ImVec2(c.x + r, c.y - r), col, w);
        dl->AddTriangleFilled(ImVec2(c.x + r * 0.35f, c.y - r), ImVec2(c.x + r, c.y - r), ImVec2(c.x + r, c.y - r * 0.35f), col);
        break;
    case Icon::Gear:
        dl->AddCircle(c, r * 0.55f, col, 16, w * 1.4f);
        for (int i = 0; i < 6; ++i) {
            const float a = static_cast<float>(i) * 1.0471976f;
            dl->AddLine(ImVec2(c.x + std::cos(a) * r * 0.6f, c.y + std::sin(a) * r * 0.6f), ImVec2(c.x + std::cos(a) * r, c.y + std::sin(a) * r), col, w * 1.6f);
        }
        break;
    }
}

bool icon_button(const char* id, Icon icon, const char* label, ImVec2 size) {
    ImGui::PushID(id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float icon_w = size.y * 0.5f;
    const std::string text = std::string("      ") + (label ? label : "");
    const bool pressed = ImGui::Button(text.c_str(), size);
    const float cx = pos.x + (label && *label ? ImGui::GetStyle().FramePadding.x + icon_w * 0.6f : size.x * 0.5f);
    draw_icon(ImGui::GetWindowDrawList(), icon, ImVec2(cx, pos.y + size.y * 0.5f), icon_w * 0.45f, ImGui::GetColorU32(ImGuiCol_Text));
    ImGui::PopID();
    return pressed;
}

BrainsView brains_view(const App& app) {
    return {app.brain, app.compare ? &*app.compare : nullptr, app.typical, app.strings, app.lesson, app.lessons, app.clock_s, app.settings.reduced_motion};
}

void highlight_rect(const App& app, ImVec2 min, ImVec2 max) { highlight_rect(app.clock_s, app.settings.reduced_motion, min, max); }

void highlight_rect(double clock_s, bool reduced_motion, ImVec2 min, ImVec2 max) {
    const float pulse = reduced_motion ? 1.0f : 0.6f + 0.4f * std::sin(static_cast<float>(clock_s) * 5.0f);
    // It pulses: drawn every frame over the window, which stays retained.
    layer_draw_list(Layer::Live)->AddRect(ImVec2(min.x - 3.0f, min.y - 3.0f), ImVec2(max.x + 3.0f, max.y + 3.0f), with_alpha(theme().highlight, pulse), 6.0f, 0, 3.0f);
}

}  // namespace neurodrive::app
