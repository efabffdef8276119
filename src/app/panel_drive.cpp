// panel_drive.cpp - the drive meter (motivation and its six parts from the model's registry, each
// with a ghost marker of the healthy baseline; the undirected share; liking, which is not part of
// drive), "What's happening", and the always-visible model note with the About button.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "narration.hpp"
#include "ui.hpp"

namespace neurodrive::app {
namespace {

// One row: the name, then a bar with the percentage, a ghost marker at typical, in one line. In
// compare mode (b_value >= 0) the bar splits: brain A above, brain B below (hatched), both numbers.
void component_row(const BrainsView& v, const std::string& name, double value, double typical, ImU32 color, const char* tip, float h, double b_value = -1.0) {
    const Theme& th = theme();
    ImGui::PushID(name.c_str());
    const float w = ImGui::GetContentRegionAvail().x;
    const float label_w = std::round(w * 0.42f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("row", ImVec2(w, h));
    help_marker_tooltip(tip);
    const bool focused = lesson_focuses(v.lesson, v.lessons, "drive:" + name);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const char* label = tr(v, "drive." + name);
    ImFont* f = ImGui::GetFont();
    const float px = font_px(f);
    const ImVec2 ts = f->CalcTextSizeA(px, 1e9f, 0.0f, label);
    const float scale = std::min({1.0f, (label_w - 6.0f) / std::max(ts.x, 1.0f), h / std::max(ts.y, 1.0f)});
    const ImVec2 tp(p.x, p.y + (h - ts.y * scale) * 0.5f);
    dl->AddText(f, px * scale, tp, th.text, label);
    record_label("drive." + name, tp, ImVec2(tp.x + ts.x * scale, tp.y + ts.y * scale), ImVec4(p.x, p.y, p.x + label_w, p.y + h));
    const ImVec2 b0(p.x + label_w, p.y + h * 0.12f), b1(p.x + w, p.y + h * 0.88f);
    dl->AddRectFilled(b0, b1, th.grid, 4.0f);
    dl = layer_draw_list(Layer::Slow);  // the bar's level, its typical marker and number follow the model
    const bool two = b_value >= 0.0;
    const float split = two ? b0.y + (b1.y - b0.y) * 0.55f : b1.y;
    dl->AddRectFilled(b0, ImVec2(b0.x + (b1.x - b0.x) * static_cast<float>(std::clamp(value, 0.0, 1.0)), split), color, 4.0f);
    if (two) {  // brain B: a hatched bar under A's, so the two differ in pattern as well as place
        const float bx = b0.x + (b1.x - b0.x) * static_cast<float>(std::clamp(b_value, 0.0, 1.0));
        const ImVec2 h0(b0.x, split + 1.0f), h1(bx, b1.y);
        dl->AddRectFilled(h0, h1, with_alpha(color, 0.35f), 3.0f);
        dl->PushClipRect(h0, h1, true);
        for (float x = h0.x - (h1.y - h0.y); x < h1.x; x += 5.0f) dl->AddLine(ImVec2(x, h1.y), ImVec2(x + (h1.y - h0.y), h0.y), color, 1.5f);
        dl->PopClipRect();
    }
    const float gx = b0.x + (b1.x - b0.x) * static_cast<float>(std::clamp(typical, 0.0, 1.0));
    dl->AddLine(ImVec2(gx, b0.y - 3.0f), ImVec2(gx, b1.y + 3.0f), th.ghost, 2.5f);
    char pct[32];
    if (two) format_into(pct, v.strings.number, tr(v, "format.percent_pair"), value * 100.0, b_value * 100.0);
    else format_into(pct, v.strings.number, tr(v, "format.percent"), value * 100.0);
    ImFont* s = fonts().small;
    const float spx = font_px(s);
    const ImVec2 ps = s->CalcTextSizeA(spx, 1e9f, 0.0f, pct);
    const ImVec2 pp(b1.x - ps.x - 4.0f, p.y + (h - ps.y) * 0.5f);
    dl->AddRectFilled(ImVec2(pp.x - 3.0f, pp.y), ImVec2(pp.x + ps.x + 2.0f, pp.y + ps.y), with_alpha(th.panel, 0.8f), 3.0f);
    dl->AddText(s, spx, pp, th.text, pct);
    if (focused) highlight_rect(v.clock_s, v.reduced_motion, p, ImVec2(p.x + w, p.y + h));
    ImGui::PopID();
}

// One brain's drive as a bar of its parts (registry weights), with the typical brain's ghost marker;
// compare mode's second brain thinner and paler.
void parts_bar(const BrainsView& v, const model::Outputs& x_out, bool second) {
    const Theme& th = theme();
    int n = 0;
    const model::DriveComponent* parts = model::drive_components(&n);
    const auto& colors = th.drive;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * (second ? 0.5f : 0.9f);
    ImGui::Dummy(ImVec2(w, h + 4.0f));
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), th.grid, 4.0f);
    ImDrawList* dl = layer_draw_list(Layer::Slow);
    float x = p.x;
    const model::Params weights;
    for (int i = 0; i < n; ++i) {
        const float seg = w * static_cast<float>(weights.*(parts[i].weight) * std::clamp(x_out.*(parts[i].field), 0.0, 1.0));
        const ImU32 col = colors[static_cast<std::size_t>(i) % colors.size()];
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + seg, p.y + h), second ? with_alpha(col, 0.45f) : col);
        if (seg > 2.0f) dl->AddLine(ImVec2(x + seg, p.y), ImVec2(x + seg, p.y + h), th.panel, 2.0f);
        x += seg;
    }
    const float gx = p.x + w * static_cast<float>(v.typical.motivation / 100.0);
    dl->AddLine(ImVec2(gx, p.y - 4.0f), ImVec2(gx, p.y + h + 4.0f), th.ghost, 3.0f);
}

// The headline: drive as a big number (compare mode: A's and B's), "Motivation" and the typical value.
void headline(const BrainsView& v) {
    const Theme& th = theme();
    const model::Outputs& t = v.typical;
    const bool two = v.second != nullptr;
    auto number = [&](const model::Outputs& x, const char* letter, const char* id) {
        char num[24];
        format_into(num, v.strings.number, "%s%.0f", letter, x.motivation);
        const ImU32 num_col = x.motivation < t.motivation - 5 ? th.bad : x.motivation > t.motivation + 5 ? th.good : th.text;
        // The number follows the model: drawn in the Slow layer over a space kept for it (the panel stays retained).
        ImGui::PushFont(fonts().big);
        const ImVec2 at = ImGui::GetCursorScreenPos(), size = ImGui::CalcTextSize(num);
        ImGui::Dummy(size);
        layer_draw_list(Layer::Slow)->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, num_col, num);
        ImGui::PopFont();
        record_item(id);
    };
    number(v.first.out, two ? "A " : "", "label:drive.number");
    if (two) {
        ImGui::SameLine();
        number(v.second->out, "B ", "label:drive.number_b");
    }
    if (lesson_focuses(v.lesson, v.lessons, "drive")) highlight_rect(v.clock_s, v.reduced_motion, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.3f));
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr(v, "drive.motivation"));
    ImGui::PopFont();
    record_item("label:drive.motivation");
    char typical[64];
    format_into(typical, v.strings.number, tr(v, "drive.typical"), t.motivation);
    ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
    ImGui::TextUnformatted(typical);
    ImGui::PopStyleColor();
    record_item("label:drive.typical");
    ImGui::EndGroup();
}

}  // namespace

void drive_meter(const BrainsView& v, float below) {
    const Theme& th = theme();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const model::Outputs& o = v.first.out;
    const model::Outputs& t = v.typical;
    headline(v);
    const bool two = v.second != nullptr;
    const model::Outputs& ob = two ? v.second->out : o;  // brain B's readouts (read only in compare mode)

    // The parts, from the model's registry of drive components.
    int n = 0;
    const model::DriveComponent* parts = model::drive_components(&n);
    const auto& colors = th.drive;
    // The stacked bar of the parts, one per brain (compare mode: B's thinner and hatched).
    parts_bar(v, o, false);
    if (two) parts_bar(v, ob, true);
    // The rows fit the height that is left (down to 70% of a text line) rather than scroll.
    const float after_rows = font_px(fonts().small) * 1.4f + spacing;
    const float budget = ImGui::GetContentRegionAvail().y - below - after_rows;
    const float row_h = std::clamp(budget / 9.0f - spacing * 0.5f, ImGui::GetFontSize() * 0.7f, ImGui::GetFrameHeight() * 0.8f);
    char tip[320];
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, std::round(spacing * 0.5f)));
    for (int i = 0; i < n; ++i) {
        const std::string name(parts[i].output);
        format_into(tip, v.strings.number, tr(v, "drive.tip." + name), o.response_latency_s);
        component_row(v, name, o.*(parts[i].field), t.*(parts[i].field), colors[static_cast<std::size_t>(i) % colors.size()], tip, row_h, two ? ob.*(parts[i].field) : -1.0);
    }
    // Not drive: how readily actions start (the striatum's go/stop balance), the share of behaviour taken
    // by stereotypy (driven but not directed), and liking.
    ImGui::PushFont(fonts().small);
    text_block("drive.not_part", tr(v, "drive.not_part"), th.text_dim);
    ImGui::PopFont();
    component_row(v, "activation", o.activation, t.activation, th.good, tr(v, "drive.tip.activation"), row_h, two ? ob.activation : -1.0);
    component_row(v, "stereotypy", o.stereotypy, t.stereotypy, th.bad, tr(v, "drive.tip.stereotypy"), row_h, two ? ob.stereotypy : -1.0);
    component_row(v, "liking", o.liking, t.liking, th.neutral, tr(v, "drive.tip.liking"), row_h, two ? ob.liking : -1.0);
    ImGui::PopStyleVar();
    if (budget > 9.0f * (row_h + spacing * 0.5f) + font_px(fonts().small) * 1.5f) {  // the key, when there is room
        ImGui::PushFont(fonts().small);
        text_block("drive.ghost", tr(v, "drive.ghost"), th.text_dim);
        ImGui::PopFont();
    }
}

void panel_drive(const App& app, bool with_narration) {
    const Theme& th = theme();
    // With the narration and the note below, the rows give up height first: neither is ever cut off.
    const float note_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() * 2.0f + ImGui::GetStyle().ItemSpacing.y * 2.0f;
    const float narr = !with_narration ? 0.0f : (is_hidden(app, "narration") ? 0.0f : std::max(app.drawn.heights.narration_h, ImGui::GetFontSize() * 4.0f)) + note_h;
    if (with_narration) section_title("drive", tr(app, "group.drive"));
    drive_meter(brains_view(app), narr);
    if (!with_narration) return;

    // What's happening (sized to its text), then the note pinned to the bottom of the panel.
    ImGui::Spacing();
    if (!is_hidden(app, "narration"))
        fitted_child(app, "happening", ImGui::GetContentRegionAvail().x, &MeasuredHeights::narration_h, th.panel, false, [&] { panel_narration(app, 0); },
                     std::max(ImGui::GetContentRegionAvail().y - note_h, ImGui::GetFontSize() * 3.0f));
    ImGui::Dummy(ImVec2(0, std::max(0.0f, ImGui::GetContentRegionAvail().y - note_h)));
    ImGui::Separator();
    note_and_about(app, true);
}

void note_and_about(const App& app, bool with_button) {
    ImGui::PushFont(fonts().small);
    text_block("note.short", tr(app, "note.short"), theme().text_dim);
    ImGui::PopFont();
    if (with_button) {
        if (ImGui::Button(tr(app, "note.button"))) push_view(&UiState::about_open, true);
        record_item("button:about");
        return;
    }
    // No room for a button (the compact view): the note itself opens About, underlined like a link.
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::SetCursorScreenPos(a);
    if (ImGui::InvisibleButton("about_link", ImVec2(std::max(b.x - a.x, 1.0f), std::max(b.y - a.y, 1.0f)))) push_view(&UiState::about_open, true);
    record_item("button:about");
    if (ImGui::IsItemHovered() || ImGui::IsItemFocused()) ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y), b, theme().text_dim, 1.0f);
    help_marker_tooltip(tr(app, "note.button"));
}

namespace {
// The note beside the About button when it fits there on one line, else the note above the button.
struct NoteRow { bool beside; float text_w, text_h, button_w, h; };
NoteRow note_row(const App& app, float width) {
    NoteRow r{};
    ImFont* f = fonts().small;
    const char* note = tr(app, "note.short");
    r.button_w = ImGui::CalcTextSize(tr(app, "note.button")).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    const float beside_w = width - r.button_w - ImGui::GetStyle().ItemSpacing.x;
    r.beside = f->CalcTextSizeA(font_px(f), 1e9f, 0.0f, note).x <= beside_w;
    r.text_w = r.beside ? beside_w : width;
    r.text_h = static_cast<float>(wrap_lines(f, font_px(f), note, r.text_w).size()) * font_px(f);
    r.h = r.beside ? std::max(r.text_h, ImGui::GetFrameHeight()) : r.text_h + ImGui::GetStyle().ItemSpacing.y + ImGui::GetFrameHeight();
    return r;
}
}  // namespace

float note_footer_height(const App& app, float width) { return note_row(app, width).h; }

void note_footer(const App& app, float width) {
    const NoteRow r = note_row(app, width);
    const ImVec2 start = ImGui::GetCursorPos();
    if (r.beside) ImGui::SetCursorPos(ImVec2(start.x, start.y + (r.h - r.text_h) * 0.5f));
    ImGui::PushFont(fonts().small);
    text_block("note.short", tr(app, "note.short"), theme().text_dim, nullptr, r.text_w);
    ImGui::PopFont();
    if (r.beside) ImGui::SetCursorPos(ImVec2(start.x + width - r.button_w, start.y + (r.h - ImGui::GetFrameHeight()) * 0.5f));
    else ImGui::SetCursorPos(ImVec2(start.x, start.y + r.text_h + ImGui::GetStyle().ItemSpacing.y));
    if (ImGui::Button(tr(app, "note.button"))) push_view(&UiState::about_open, true);
    record_item("button:about");
    ImGui::SetCursorPos(ImVec2(start.x, start.y + r.h));
}

void panel_narration(const App& app, int max_sentences) {
    const std::vector<std::string> sentences = narrate(app.strings, narration_input(app));
    const bool compact = max_sentences > 0;
    if (!compact) section_title("happening", tr(app, "group.happening"));
    const std::size_t shown = compact ? std::min<std::size_t>(sentences.size(), static_cast<std::size_t>(max_sentences)) : sentences.size();
    for (std::size_t i = 0; i < shown; ++i) {
        text_block("narration." + std::to_string(i), sentences[i].c_str(), theme().text, compact && i > 0 ? fonts().small : nullptr);
        if (!compact) ImGui::Spacing();
    }
}

}  // namespace neurodrive::app
