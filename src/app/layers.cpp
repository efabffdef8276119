// layers.cpp - the extra draw lists of each window (layers.hpp): one ImDrawList per root window and
// layer, reset when first used in a frame, and the frame's trace plots. ImGui only (imgui_internal.h
// for the current root window); no GL, SDL or App.
#include "layers.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace neurodrive::app {
namespace {

struct LayerList {
    ImGuiID root = 0;
    Layer layer = Layer::Live;
    int frame = -1;  // the frame it was last filled in
    std::unique_ptr<ImDrawList> list;
};

struct TraceEntry {
    ImGuiID root = 0;
    TracePlotEntry plot;
};

struct Registry {
    std::vector<LayerList> lists;
    std::vector<TraceEntry> traces;  // this frame's
    int frame = 0;
};

Registry& registry() {
    static Registry r;
    return r;
}

}  // namespace

void layers_new_frame() {
    ++registry().frame;
    registry().traces.clear();
}

void layer_trace_plot(ImGuiID id, TracePlot plot) {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    registry().traces.push_back({window->RootWindow->ID, {id, window->DrawList->_ClipRectStack.back(), std::move(plot)}});
}

std::vector<const TracePlotEntry*> trace_plots_of_window(ImGuiID root_window) {
    std::vector<const TracePlotEntry*> out;
    for (const TraceEntry& t : registry().traces) if (t.root == root_window) out.push_back(&t.plot);
    return out;
}

ImDrawList* layer_draw_list(Layer layer) {
    Registry& r = registry();
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID root = window->RootWindow->ID;
    LayerList* found = nullptr;
    for (LayerList& l : r.lists) if (l.root == root && l.layer == layer) found = &l;
    if (!found) {
        r.lists.push_back({root, layer, -1, nullptr});
        found = &r.lists.back();
    }
    if (!found->list || found->list->_Data != ImGui::GetDrawListSharedData()) {  // new, or made in another ImGui context
        found->list = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
        found->frame = -1;
    }
    ImDrawList* dl = found->list.get();
    const ImVec4 clip = window->DrawList->_ClipRectStack.back();
    if (found->frame != r.frame) {
        found->frame = r.frame;
        dl->_ResetForNewFrame();
        dl->_OwnerName = window->RootWindow->Name;
        dl->PushTextureID(ImGui::GetIO().Fonts->TexID);
        dl->PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.z, clip.w));
    } else {
        const ImVec4 cur = dl->_ClipRectStack.back();
        if (cur.x != clip.x || cur.y != clip.y || cur.z != clip.z || cur.w != clip.w) {
            dl->PopClipRect();
            dl->PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.z, clip.w));
        }
    }
    return dl;
}

ImDrawList* layer_of_window(ImGuiID root_window, Layer layer) {
    Registry& r = registry();
    for (LayerList& l : r.lists) {
        if (l.root != root_window || l.layer != layer || l.frame != r.frame) continue;
        l.list->_PopUnusedDrawCmd();
        return l.list->VtxBuffer.Size > 0 ? l.list.get() : nullptr;
    }
    return nullptr;
}

float add_dashed_segment(ImDrawList* dl, ImVec2 a, ImVec2 b, float along, ImU32 col, float thickness, float dash) {
    const float len = std::hypot(b.x - a.x, b.y - a.y);
    float t = 0.0f;
    while (t < len) {
        const float phase = std::fmod(along + t, 2.0f * dash);
        const float step = std::min(len - t, phase < dash ? dash - phase : 2.0f * dash - phase);
        if (phase < dash) {
            const float t0 = t / len, t1 = (t + step) / len;
            dl->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0), ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), col, thickness);
        }
        t += std::max(step, 0.01f);
    }
    return len;
}

}  // namespace neurodrive::app
