// label_layout.hpp - places labels next to what they name: no label covers another label or an
// obstacle (regions, glands, the legend, a box, the page's buttons), each sits within a set distance of
// its anchor and nearer to it than to any other label's anchor (at equal distance, its centre nearer),
// and lines (pathways) are covered only when no other spot is free. A label has variants (full text, shorter, without its value line) tried in
// order. Pure geometry: no ImGui, GL or App, so it is tested natively.
#pragma once

#include <vector>

namespace neurodrive::app {

struct LabelBox {
    float x0 = 0.0f, y0 = 0.0f, x1 = 0.0f, y1 = 0.0f;
    float w() const { return x1 - x0; }
    float h() const { return y1 - y0; }
};
// Whether a and b overlap once each is grown by `pad` / 2 on every side.
bool label_boxes_overlap(const LabelBox& a, const LabelBox& b, float pad = 0.0f);
// The shortest distance between a and b (0 when they touch or overlap).
float label_box_gap(const LabelBox& a, const LabelBox& b);
// Whether `label` reads as naming `own` rather than `other`: nearer to it, or at the same distance
// (within half a pixel) with its centre nearer.
bool label_nearer_own(const LabelBox& label, const LabelBox& own, const LabelBox& other);

struct LabelSize {
    float w = 0.0f, h = 0.0f;
    float reach = 0.0f;  // the farthest it may sit from its anchor (the callers: the height of its name)
};

struct LabelRequest {
    LabelBox anchor;                  // what the label names
    std::vector<LabelSize> variants;  // in order of preference
    float prefer_x = 0.0f, prefer_y = 0.0f;  // a preferred direction from the anchor (0, 0: none)
    int own_line = -1;                // a line of the scene the label names (not avoided)
};

struct LabelScene {
    LabelBox area;                          // labels stay inside it
    std::vector<LabelBox> obstacles;        // never covered
    std::vector<std::vector<float>> lines;  // polylines x0,y0,x1,y1,..: covered only when nothing else is free
    float pad = 3.0f;                       // clearance from obstacles and other labels
};

struct LabelPlace {
    int variant = -1;  // -1: left out (no free spot near its anchor)
    LabelBox box;
};

// Places `labels` in the given order of importance (a label left out or shortened is tried earlier, and
// the arrangement that leaves out fewest important labels, then shortens fewest, wins). Deterministic;
// a scene placed recently is answered from memory.
std::vector<LabelPlace> place_labels(const LabelScene& scene, const std::vector<LabelRequest>& labels);

}  // namespace neurodrive::app
