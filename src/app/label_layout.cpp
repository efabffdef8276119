// label_layout.cpp - label placement (label_layout.hpp): for each label, in order of importance, the
// best free spot among candidates on the four sides of its anchor at growing distances; a label with
// no free spot tries its next variant, and one left out or shortened is retried earlier in the order.
// The last placements are remembered by a hash of their input (the same scene, the same answer).
// Pure C++.
#include "label_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>

namespace neurodrive::app {

bool label_boxes_overlap(const LabelBox& a, const LabelBox& b, float pad) {
    return a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;
}

float label_box_gap(const LabelBox& a, const LabelBox& b) {
    const float dx = std::max({0.0f, b.x0 - a.x1, a.x0 - b.x1}), dy = std::max({0.0f, b.y0 - a.y1, a.y0 - b.y1});
    return std::hypot(dx, dy);
}

namespace {

// Length of the polyline inside box b (each segment clipped to it).
float line_inside(const LabelBox& b, const std::vector<float>& line) {
    float total = 0.0f;
    for (std::size_t i = 0; i + 3 < line.size(); i += 2) {
        const float x0 = line[i], y0 = line[i + 1], dx = line[i + 2] - x0, dy = line[i + 3] - y0;
        float t0 = 0.0f, t1 = 1.0f;
        const float p[4] = {-dx, dx, -dy, dy}, q[4] = {x0 - b.x0, b.x1 - x0, y0 - b.y0, b.y1 - y0};
        bool out = false;
        for (int k = 0; k < 4 && !out; ++k) {
            if (p[k] == 0.0f) { out = q[k] < 0.0f; continue; }
            const float r = q[k] / p[k];
            if (p[k] < 0.0f) t0 = std::max(t0, r); else t1 = std::min(t1, r);
            out = t0 > t1;
        }
        if (!out) total += (t1 - t0) * std::hypot(dx, dy);
    }
    return total;
}

struct Line { LabelBox bounds; const std::vector<float>* points; };

}  // namespace

// At the same distance (a wide label over a row of glands), its centre decides.
bool label_nearer_own(const LabelBox& label, const LabelBox& own, const LabelBox& other) {
    const float d_own = label_box_gap(label, own), d_other = label_box_gap(label, other);
    if (std::abs(d_own - d_other) > 0.5f) return d_own < d_other;
    const LabelBox centre{(label.x0 + label.x1) * 0.5f, (label.y0 + label.y1) * 0.5f, (label.x0 + label.x1) * 0.5f, (label.y0 + label.y1) * 0.5f};
    return label_box_gap(centre, own) < label_box_gap(centre, other);
}

namespace {

struct Arrangement {
    std::vector<LabelPlace> places;
    float left_out = 0.0f;  // weighted: leaving out an important label costs more
    int variants = 0;       // sum of the variants used (0 = every label in full)
    float score = 0.0f;
    bool better_than(const Arrangement& o) const {
        if (left_out != o.left_out) return left_out < o.left_out;
        if (variants != o.variants) return variants < o.variants;
        return score < o.score;
    }
};

class Placer {
public:
    Placer(const LabelScene& scene, const std::vector<LabelRequest>& labels) : scene_(scene), labels_(labels) {
        for (const auto& l : scene.lines) {
            LabelBox b{1e30f, 1e30f, -1e30f, -1e30f};
            for (std::size_t i = 0; i + 1 < l.size(); i += 2) b = {std::min(b.x0, l[i]), std::min(b.y0, l[i + 1]), std::max(b.x1, l[i]), std::max(b.y1, l[i + 1])};
            lines_.push_back({b, &l});
        }
    }

    Arrangement run(const std::vector<int>& order) const {
        Arrangement a;
        a.places.assign(labels_.size(), LabelPlace{});
        std::vector<LabelBox> taken;
        const float n = static_cast<float>(labels_.size());
        for (int index : order) {
            const LabelRequest& r = labels_[static_cast<std::size_t>(index)];
            LabelPlace& out = a.places[static_cast<std::size_t>(index)];
            for (std::size_t v = 0; v < r.variants.size() && out.variant < 0; ++v) {
                float score = 0.0f;
                if (best_spot(index, r.variants[v], taken, &out.box, &score)) {
                    out.variant = static_cast<int>(v);
                    a.variants += static_cast<int>(v);
                    a.score += score;
                    taken.push_back(out.box);
                }
            }
            if (out.variant < 0) a.left_out += (n - static_cast<float>(index)) * (n - static_cast<float>(index));
        }
        return a;
    }

private:
    // The best free spot for a box of `size` next to label `index`'s anchor; false when none is free.
    bool best_spot(int index, LabelSize size, const std::vector<LabelBox>& taken, LabelBox* out, float* out_score) const {
        const LabelRequest& r = labels_[static_cast<std::size_t>(index)];
        const LabelBox& a = r.anchor;
        const float pad = scene_.pad;
        const float acx = (a.x0 + a.x1) * 0.5f, acy = (a.y0 + a.y1) * 0.5f;
        const float pref_len = std::hypot(r.prefer_x, r.prefer_y);
        float best = 1e30f;
        constexpr int kSteps = 4, kAlong = 9;
        for (int g = 0; g < kSteps; ++g) {
            const float gap = pad + (std::max(size.reach, pad) - pad) * static_cast<float>(g) / static_cast<float>(kSteps - 1);
            for (int side = 0; side < 4; ++side) {
                const bool vertical = side < 2;  // above or below: slides along x
                for (int k = 0; k <= kAlong; ++k) {
                    // k = 0: centred on the anchor; then from one end of the side to the other.
                    const float t = k == 0 ? 0.5f : static_cast<float>(k - 1) / static_cast<float>(kAlong - 1);
                    LabelBox b;
                    if (vertical) {
                        b.x0 = k == 0 ? acx - size.w * 0.5f : a.x0 - size.w + t * (a.x1 - a.x0 + size.w);
                        b.y0 = side == 0 ? a.y0 - gap - size.h : a.y1 + gap;
                    } else {
                        b.y0 = k == 0 ? acy - size.h * 0.5f : a.y0 - size.h + t * (a.y1 - a.y0 + size.h);
                        b.x0 = side == 2 ? a.x0 - gap - size.w : a.x1 + gap;
                    }
                    b.x0 = std::round(b.x0);
                    b.y0 = std::round(b.y0);
                    b.x1 = b.x0 + size.w;
                    b.y1 = b.y0 + size.h;
                    const float own = label_box_gap(b, a);
                    if (own > size.reach + 0.5f) continue;
                    if (b.x0 < scene_.area.x0 || b.y0 < scene_.area.y0 || b.x1 > scene_.area.x1 || b.y1 > scene_.area.y1) continue;
                    bool free = true;
                    for (const LabelBox& o : scene_.obstacles) free = free && !label_boxes_overlap(b, o, pad);
                    for (const LabelBox& o : taken) free = free && !label_boxes_overlap(b, o, pad);
                    for (std::size_t j = 0; j < labels_.size() && free; ++j)
                        if (static_cast<int>(j) != index && !label_nearer_own(b, a, labels_[j].anchor)) free = false;
                    if (!free) continue;
                    float score = own + std::abs(vertical ? (b.x0 + b.x1) * 0.5f - acx : (b.y0 + b.y1) * 0.5f - acy) * 0.1f;
                    if (pref_len > 0.0f) {
                        const float dx = (b.x0 + b.x1) * 0.5f - acx, dy = (b.y0 + b.y1) * 0.5f - acy, len = std::max(std::hypot(dx, dy), 1e-3f);
                        score += (1.0f - (dx * r.prefer_x + dy * r.prefer_y) / (len * pref_len)) * size.h * 0.75f;
                    }
                    for (std::size_t l = 0; l < lines_.size(); ++l)
                        if (static_cast<int>(l) != r.own_line && label_boxes_overlap(b, lines_[l].bounds)) score += line_inside(b, *lines_[l].points) * 1.5f;
                    if (score < best) {
                        best = score;
                        *out = b;
                    }
                }
            }
        }
        *out_score = best;
        return best < 1e29f;
    }

    const LabelScene& scene_;
    const std::vector<LabelRequest>& labels_;
    std::vector<Line> lines_;
};

}  // namespace

namespace {

std::vector<LabelPlace> place(const LabelScene& scene, const std::vector<LabelRequest>& labels) {
    const Placer placer(scene, labels);
    std::vector<int> order(labels.size());
    std::iota(order.begin(), order.end(), 0);
    Arrangement best = placer.run(order);
    // A label left out or shortened gets another chance placed earlier (its neighbours may have taken
    // the only spot for its full text); the arrangement that leaves out least, then shortens least, wins.
    for (int round = 0; round < 3 && (best.left_out > 0.0f || best.variants > 0); ++round) {
        const std::vector<int> tried = order;
        bool improved = false;
        for (std::size_t i = 1; i < tried.size() && !improved; ++i) {
            const int index = tried[i];
            if (best.places[static_cast<std::size_t>(index)].variant == 0) continue;
            std::vector<int> earlier = tried;
            earlier.erase(earlier.begin() + static_cast<std::ptrdiff_t>(i));
            earlier.insert(earlier.begin(), index);
            const Arrangement a = placer.run(earlier);
            if (a.better_than(best)) {
                best = a;
                order = earlier;
                improved = true;
            }
        }
        if (!improved) break;
    }
    return best.places;
}

// What a placement depends on, hashed (the layout only changes with the view, the text and the language).
std::uint64_t key_of(const LabelScene& scene, const std::vector<LabelRequest>& labels) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](float v) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        h = (h ^ bits) * 1099511628211ull;
    };
    auto mix_box = [&](const LabelBox& b) { mix(b.x0); mix(b.y0); mix(b.x1); mix(b.y1); };
    mix_box(scene.area);
    mix(scene.pad);
    for (const LabelBox& b : scene.obstacles) mix_box(b);
    mix(-1.0f);
    for (const auto& l : scene.lines) { for (float v : l) mix(v); mix(-2.0f); }
    for (const LabelRequest& r : labels) {
        mix_box(r.anchor);
        mix(r.prefer_x);
        mix(r.prefer_y);
        mix(static_cast<float>(r.own_line));
        for (const LabelSize& v : r.variants) { mix(v.w); mix(v.h); mix(v.reach); }
        mix(-3.0f);
    }
    return h;
}

}  // namespace

std::vector<LabelPlace> place_labels(const LabelScene& scene, const std::vector<LabelRequest>& labels) {
    // The same scene gives the same placement: the last few are kept (one per brain shown, and spare).
    struct Memo { std::uint64_t key = 0; std::vector<LabelPlace> places; };
    static std::array<Memo, 4> memo;
    static std::size_t next = 0;
    const std::uint64_t key = key_of(scene, labels);
    for (const Memo& m : memo) if (m.key == key && m.places.size() == labels.size()) return m.places;
    Memo& slot = memo[next++ % memo.size()];
    slot.key = key;
    slot.places = place(scene, labels);
    return slot.places;
}

}  // namespace neurodrive::app
