// panel_about.cpp - "About this model": the note in full, the evidence table (the findings registry
// checked on this model, shared with the Lab), the glossary and the references with their tiers.
#include <algorithm>
#include <cstdio>
#include <string>

#include "ui.hpp"

namespace neurodrive::app {

void findings_table(const App& app) {
    const Theme& th = theme();
    drawn_now().evidence_shown = true;
    const auto& specs = model::finding_specs();
    int kinds[3] = {0, 0, 0};  // predictions, calibrations, structural
    for (const auto& f : specs) ++kinds[static_cast<int>(f.kind)];
    char intro[512];
    format_into(intro, app.strings.number, tr(app, "evidence.intro"), static_cast<int>(specs.size()), kinds[0], kinds[1], kinds[2]);
    text_block("evidence.intro", intro, th.text_dim);
    if (app.evidence.size() < specs.size()) {
        char progress[96];
        format_into(progress, app.strings.number, tr(app, "evidence.checking"), static_cast<int>(app.evidence.size()), static_cast<int>(specs.size()));
        ImGui::TextUnformatted(progress);
    }
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const auto& f = specs[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        const bool done = i < app.evidence.size();
        const bool holds = done && app.evidence[i].holds;
        ImGui::PushFont(fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text, !done ? th.text_dim : holds ? th.good : th.bad);
        ImGui::TextUnformatted(!done ? "..." : holds ? tr(app, "evidence.holds") : tr(app, "evidence.fails"));
        ImGui::PopStyleColor();
        ImGui::SameLine();
        static const char* const kind_keys[] = {"evidence.prediction", "evidence.calibration", "evidence.structural"};
        char kind[160];
        format_into(kind, app.strings.number, tr(app, "evidence.tier"), tr(app, kind_keys[static_cast<int>(f.kind)]), f.tier);
        ImGui::TextUnformatted(kind);
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr_or(app, "finding." + std::string(f.id), f.published));
        ImGui::PushStyleColor(ImGuiCol_Text, th.text_dim);
        ImGui::TextUnformatted(std::string(f.citation).c_str());
        // The published value and where it appears, and the model's own account, are English prose from the
        // registry; other languages show the verdict.
        if (app.strings_lang == "en") ImGui::TextUnformatted(app.strings.format("evidence.published_value", f.value).c_str());
        // The model's own account is English prose from the registry; other languages show the verdict.
        if (done && app.strings_lang == "en") ImGui::TextUnformatted(app.strings.format("evidence.model", app.evidence[i].model).c_str());
        if (f.kind == model::FindingKind::Calibration)
            ImGui::TextUnformatted(app.strings.format("evidence.fitted", model::calibrated_params(f.id)).c_str());
        if (f.kind == model::FindingKind::Structural) ImGui::TextUnformatted(app.strings.format("evidence.basis", f.basis).c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
}

namespace {

void about_tab(const App& app) {
    section_title("about", tr(app, "note.button"));
    ImGui::TextUnformatted(tr(app, "note.long"));
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(app, "note.drugs_tiers"));
    // Which deployment this is (the offline copy's cache has the same name; docs/EMBEDDING.md).
    ImGui::TextDisabled("%s", app.strings.format("about.version", app.build).c_str());
    record_item("text:about.version");
}

// Every glossary.<id>.term of the strings with its text.
void glossary_tab(const App& app) {
    for (const auto& kv : app.strings.table) {
        const std::string& key = kv.first;
        if (key.rfind("glossary.", 0) != 0 || key.size() < 5 || key.compare(key.size() - 5, 5, ".term") != 0) continue;
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(kv.second.c_str());
        ImGui::PopFont();
        ImGui::TextUnformatted(tr(app, key.substr(0, key.size() - 5) + ".text"));
        ImGui::Spacing();
    }
}

// The references: asked for when first shown (the browser fetches the file), with a way to try again.
void references_tab(const App& app) {
    ImGui::TextUnformatted(tr(app, "references.intro"));
    if (app.references_load == ReferencesLoad::Wanted || app.references_load == ReferencesLoad::Absent) {
        // Shown but not here: ask for the file (once: want_references marks it Wanted).
        if (app.references_load == ReferencesLoad::Absent) push_action([](App& a) { want_references(a); });
        ImGui::TextDisabled("%s", tr(app, "references.loading"));
        record_item("text:references.loading");
    } else if (app.references_load == ReferencesLoad::Failed) {
        ImGui::TextUnformatted(app.strings.format("references.failed", app.references_error).c_str());
        record_item("text:references.failed");
        if (ImGui::Button(tr(app, "references.retry"))) push_action([](App& a) { want_references(a); });
        record_item("button:references.retry");
    }
    if (app.references.empty()) return;
    ImGui::BeginGroup();
    for (const auto& r : app.references) {
        char tier[64];
        format_into(tier, app.strings.number, tr(app, "references.tier"), r.tier.c_str());
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(r.cite.c_str());
        ImGui::PopFont();
        const std::string line = r.authors + ". " + r.title + ". " + r.source + (r.doi.empty() ? "" : ". doi:" + r.doi) + ". "
                                 + tr_or(app, "reference.topic." + r.cite, r.topic) + " (" + tier + ")";
        ImGui::TextUnformatted(line.c_str());
    }
    ImGui::EndGroup();
    record_item("list:references");
}

}  // namespace

// One modal with four tabs (About, Evidence, Glossary, References), each drawn by its own function.
void about_modal(const App& app) {
    if (app.ui.about_open && !ImGui::IsPopupOpen("##about")) ImGui::OpenPopup("##about");
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - 16.0f, ImGui::GetFontSize() * 36.0f), std::min(io.DisplaySize.y - 16.0f, ImGui::GetFontSize() * 32.0f)));
    if (!ImGui::BeginPopupModal("##about", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        if (app.ui.about_open) push_view(&UiState::about_open, false);
        return;
    }
    drawn_now().rects.push_back({"dialog:about", ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(), ImGui::GetWindowHeight()});
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::BeginTabBar("about_tabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
        const char* keys[] = {"about.tab", "evidence.tab", "glossary.tab", "references.tab"};
        void (*const tabs[])(const App&) = {about_tab, findings_table, glossary_tab, references_tab};
        for (int t = 0; t < 4; ++t) {
            const bool open = ImGui::BeginTabItem(tr(app, keys[t]));
            record_item(std::string("tab:") + keys[t]);
            if (!open) continue;
            ImGui::BeginChild(keys[t], ImVec2(0, -footer));
            ImGui::PushTextWrapPos(0.0f);
            tabs[t](app);
            ImGui::PopTextWrapPos();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (ImGui::Button(tr(app, "note.close"), ImVec2(-1.0f, 0.0f)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        push_view(&UiState::about_open, false);
        ImGui::CloseCurrentPopup();
    }
    record_item("button:about.close");
    ImGui::EndPopup();
}

}  // namespace neurodrive::app
