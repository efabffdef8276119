// test_label_layout.cpp - label placement (label_layout.hpp): the rules on small made-up scenes, then
// the schematic's own labels (assets/geometry.json, English and Spanish names, and names 40% longer)
// over a sweep of canvas and text sizes, with the legend, the striatum box and the page's buttons as
// obstacles: no label covers another or an obstacle, each sits within its reach of what it names and
// nearer to it than to any other, and every region keeps a label unless the brain is drawn very small.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "assets.hpp"
#include "label_layout.hpp"

extern const unsigned char nd_geometry[];
extern const unsigned long nd_geometry_size;

namespace na = neurodrive::app;

namespace {

// Every rule a placement must keep; returns the broken ones (empty when all hold).
std::vector<std::string> broken_rules(const na::LabelScene& scene, const std::vector<na::LabelRequest>& labels, const std::vector<na::LabelPlace>& places) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < places.size(); ++i) {
        const na::LabelPlace& p = places[i];
        if (p.variant < 0) continue;
        const std::string who = "label " + std::to_string(i);
        const na::LabelSize& size = labels[i].variants[static_cast<std::size_t>(p.variant)];
        if (std::abs(p.box.w() - size.w) > 0.01f || std::abs(p.box.h() - size.h) > 0.01f) out.push_back(who + " has another size than its variant");
        if (p.box.x0 < scene.area.x0 || p.box.y0 < scene.area.y0 || p.box.x1 > scene.area.x1 || p.box.y1 > scene.area.y1) out.push_back(who + " leaves the area");
        for (const na::LabelBox& o : scene.obstacles)
            if (na::label_boxes_overlap(p.box, o)) out.push_back(who + " covers an obstacle");
        const float own = na::label_box_gap(p.box, labels[i].anchor);
        if (own > size.reach + 0.5f) out.push_back(who + " is " + std::to_string(own) + " px from its anchor (reach " + std::to_string(size.reach) + ")");
        for (std::size_t j = 0; j < places.size(); ++j) {
            if (j == i) continue;
            if (!na::label_nearer_own(p.box, labels[i].anchor, labels[j].anchor)) out.push_back(who + " is as near to label " + std::to_string(j) + "'s anchor as to its own");
            if (j > i && places[j].variant >= 0 && na::label_boxes_overlap(p.box, places[j].box)) out.push_back(who + " overlaps label " + std::to_string(j));
        }
    }
    return out;
}

na::LabelRequest request(na::LabelBox anchor, std::vector<na::LabelSize> variants) {
    na::LabelRequest r;
    r.anchor = anchor;
    r.variants = std::move(variants);
    return r;
}

}  // namespace

TEST_CASE("labels: two labels wanting the same spot share the room without overlapping") {
    na::LabelScene scene;
    scene.area = {0, 0, 300, 200};
    const std::vector<na::LabelRequest> labels = {request({140, 90, 160, 110}, {{60, 14, 14}}), request({140, 120, 160, 140}, {{60, 14, 14}})};
    scene.obstacles = {labels[0].anchor, labels[1].anchor};
    const auto places = na::place_labels(scene, labels);
    REQUIRE(places.size() == 2);
    CHECK(places[0].variant == 0);
    CHECK(places[1].variant == 0);
    CHECK(broken_rules(scene, labels, places).empty());
}

TEST_CASE("labels: a label without room for its full text takes its shorter variant, and one without any room is left out") {
    na::LabelScene scene;
    scene.area = {0, 0, 100, 60};
    // The anchor fills the middle: only 18 px are free above and below it.
    std::vector<na::LabelRequest> labels = {request({10, 18, 90, 42}, {{80, 20, 20}, {40, 14, 14}})};
    scene.obstacles = {labels[0].anchor};
    auto places = na::place_labels(scene, labels);
    CHECK(places[0].variant == 1);
    CHECK(broken_rules(scene, labels, places).empty());
    labels[0].variants = {{80, 20, 20}};
    places = na::place_labels(scene, labels);
    CHECK(places[0].variant == -1);
}

TEST_CASE("labels: a label keeps off lines when a free spot exists, and sits on its preferred side") {
    na::LabelScene scene;
    scene.area = {0, 0, 200, 200};
    na::LabelRequest r = request({90, 90, 110, 110}, {{30, 12, 12}});
    scene.obstacles = {r.anchor};
    scene.lines = {{0, 80, 200, 80}};  // a line just above the anchor
    auto places = na::place_labels(scene, {r});
    REQUIRE(places[0].variant == 0);
    CHECK(places[0].box.y0 >= 110.0f);  // below, where there is no line
    r.prefer_x = 1.0f;                  // to the right, still clear of the line
    scene.lines.clear();
    places = na::place_labels(scene, {r});
    CHECK(places[0].box.x0 >= 110.0f);
    r.own_line = 0;  // a line the label names is no obstacle to it
    scene.lines = {{0, 80, 200, 80}};
    r.prefer_x = 0.0f;
    r.prefer_y = -1.0f;
    places = na::place_labels(scene, {r});
    CHECK(places[0].box.y1 <= 90.0f);
}

TEST_CASE("labels: an important label left out by its neighbours is placed first on a second try") {
    na::LabelScene scene;
    scene.area = {0, 0, 120, 30};
    // Label 1 (at the left edge) has one spot: the one label 0 likes best (it prefers its left side);
    // label 0 also fits on its right.
    std::vector<na::LabelRequest> labels = {request({60, 0, 70, 30}, {{40, 30, 40}}), request({0, 0, 10, 30}, {{40, 30, 3}})};
    labels[0].prefer_x = -1.0f;
    scene.obstacles = {labels[0].anchor, labels[1].anchor};
    const auto places = na::place_labels(scene, labels);
    CHECK(places[0].variant == 0);
    CHECK(places[1].variant == 0);
    CHECK(places[0].box.x0 >= 70.0f);
    CHECK(broken_rules(scene, labels, places).empty());
}

namespace {

// The schematic's labels at one canvas and text size, modelled as panel_schematic.cpp builds them
// (text widths from a fixed advance per character: 0.56 em bold, 0.52 em regular, times `stretch`;
// label sizes capped at 28 px per unit of the brain's scale, as the app caps them).
struct Sweep {
    float canvas_w, canvas_h, font_px, stretch;
};

// Characters in the longest line (UTF-8 continuation bytes are not characters).
std::size_t chars(const std::string& s) {
    std::size_t line = 0, longest = 0;
    for (unsigned char c : s) {
        if (c == '\n') { longest = std::max(longest, line); line = 0; continue; }
        if ((c & 0xC0) != 0x80) ++line;
    }
    return std::max(longest, line);
}
std::size_t lines(const std::string& s) { return 1 + static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

struct Result {
    int regions = 0, labelled = 0, full = 0, core_labelled = 0;
    float scale = 0.0f;
    std::string left_out;
    std::vector<std::string> broken;
};

Result schematic_labels(const na::Geometry& g, const na::Strings& str, const Sweep& sw) {
    const float s = std::min(sw.canvas_w / g.size.x, sw.canvas_h / g.size.y);
    const float ox = (sw.canvas_w - g.size.x * s) * 0.5f, oy = (sw.canvas_h - g.size.y * s) * 0.5f;
    auto box_of = [&](na::Vec2 c, na::Vec2 r) { return na::LabelBox{ox + (c.x - r.x) * s, oy + (c.y - r.y) * s, ox + (c.x + r.x) * s, oy + (c.y + r.y) * s}; };
    const bool compact = s < 0.5f;
    const float cap = std::max(13.0f, std::round(28.0f * s));
    const float small_px = std::min(std::max(std::round(sw.font_px * 0.85f), 12.0f), std::max(12.0f, cap * 0.85f));
    const float name_px = std::min(std::max(13.0f, sw.font_px * std::clamp(s * 1.4f, 0.85f, 1.1f)), cap);
    const float value_px = std::min(std::max(12.0f, small_px * std::clamp(s * 1.25f, 0.8f, 1.0f)), small_px);
    auto size = [&](const std::string& text, float px, float em) { return na::LabelSize{std::ceil(static_cast<float>(chars(text)) * em * px * sw.stretch), std::ceil(static_cast<float>(lines(text)) * 1.17f * px), 0.0f}; };

    na::LabelScene scene;
    scene.area = {0, 0, sw.canvas_w, sw.canvas_h};
    // The page's buttons over the top right corner, one row of legend top left, the striatum box in a free corner.
    scene.obstacles.push_back({sw.canvas_w - 150.0f, 0.0f, sw.canvas_w, 44.0f});
    const float legend_h = small_px * 1.2f, legend_w = std::min(sw.canvas_w - 160.0f, 78.0f * small_px * 0.52f * sw.stretch);
    if (sw.canvas_w > 260.0f) scene.obstacles.push_back({6.0f, 4.0f, 6.0f + legend_w, 4.0f + legend_h});
    for (const na::Region& r : g.regions) scene.obstacles.push_back(box_of(r.center, r.radius));
    if (!compact) {
        const na::LabelSize sb{std::ceil((9.0f * 0.52f * sw.stretch + 8.0f + 1.6f) * small_px), std::ceil(5.4f * small_px), 0.0f};
        for (const na::LabelBox c : {na::LabelBox{sw.canvas_w - sb.w - 6.0f, 50.0f, sw.canvas_w - 6.0f, 50.0f + sb.h},
                                     na::LabelBox{sw.canvas_w - sb.w - 6.0f, sw.canvas_h - sb.h - 6.0f, sw.canvas_w - 6.0f, sw.canvas_h - 6.0f}}) {
            bool clear = c.y0 >= 0.0f && c.x0 >= 0.0f;
            for (const na::LabelBox& o : scene.obstacles) clear = clear && !na::label_boxes_overlap(c, o, 4.0f);
            if (clear) { scene.obstacles.push_back(c); break; }
        }
    }
    for (const na::Pathway& p : g.pathways) {
        std::vector<float> line;
        for (int k = 0; k <= 16; ++k) {
            const na::Vec2 q = na::bezier(p.curve, static_cast<float>(k) / 16.0f);
            line.push_back(ox + q.x * s);
            line.push_back(oy + q.y * s);
        }
        scene.lines.push_back(line);
    }
    std::vector<na::LabelRequest> labels;
    for (const std::string& id : g.label_order) {
        const na::Region& r = *g.region(id);
        na::LabelRequest q;
        q.anchor = box_of(r.center, r.radius);
        const float len = std::hypot(r.label.x, r.label.y);
        if (len > 0.0f) { q.prefer_x = r.label.x / len; q.prefer_y = r.label.y / len; }
        const std::string full = str.get("region." + id), brief = str.get("region.short." + id);
        const na::LabelSize value = size(r.id == "gonads" ? "E 888%  T 888%" : "888.8 nM", value_px, 0.52f);
        auto add = [&](const std::string& name, bool with_value, bool one_line) {
            na::LabelSize n = size(name, name_px, 0.56f);
            if (one_line && lines(name) > 1) return;
            na::LabelSize v{n.w, n.h, n.h};
            if (with_value) v = one_line ? na::LabelSize{n.w + value.h * 0.5f + value.w, std::max(n.h, value.h), n.h} : na::LabelSize{std::max(n.w, value.w), n.h + value.h, n.h};
            q.variants.push_back({v.w + 4.0f, v.h + 2.0f, n.h});
        };
        if (compact) add(brief, false, false);
        else {
            if (r.label_value) { add(full, true, false); add(full, true, true); add(brief, true, false); add(brief, true, true); }
            add(full, false, false);
            add(brief, false, false);
        }
        labels.push_back(std::move(q));
    }
    const auto places = na::place_labels(scene, labels);
    Result res;
    res.broken = broken_rules(scene, labels, places);
    for (std::size_t i = 0; i < places.size(); ++i) {
        ++res.regions;
        res.labelled += places[i].variant >= 0;
        res.full += places[i].variant == 0;
        if (places[i].variant < 0) res.left_out += g.label_order[i] + " ";
        const std::string& id = g.label_order[i];
        res.core_labelled += places[i].variant >= 0 && (id == "vta" || id == "nac" || id == "pfc" || id == "lc" || id == "raphe");
    }
    res.scale = s;
    return res;
}

}  // namespace

TEST_CASE("labels: the schematic's labels keep every rule at every canvas and text size, in English, Spanish and 40% longer") {
    na::Geometry g;
    REQUIRE(na::parse_geometry(std::string_view(reinterpret_cast<const char*>(nd_geometry), nd_geometry_size), &g).empty());
    for (const char* lang : {"en", "es"}) {
        na::Strings str;
        REQUIRE(na::load_strings(lang, &str).empty());
        for (float stretch : {1.0f, 1.4f}) {
            for (float w : {300.0f, 390.0f, 520.0f, 680.0f, 900.0f, 1240.0f, 1600.0f}) {
                for (float aspect : {0.55f, 0.75f, 1.0f}) {
                    for (float font : {12.0f, 15.0f, 19.0f, 24.0f, 30.0f, 38.0f}) {
                        const Sweep sw{w, std::round(w * aspect), font, stretch};
                        const Result r = schematic_labels(g, str, sw);
                        const std::string where = std::string(lang) + " " + std::to_string(static_cast<int>(sw.canvas_w)) + "x" + std::to_string(static_cast<int>(sw.canvas_h)) +
                                                  " font " + std::to_string(static_cast<int>(font)) + " stretch " + std::to_string(stretch);
                        CHECK_MESSAGE(r.broken.empty(), where << ": " << (r.broken.empty() ? "" : r.broken.front()));
                        // Every region keeps a label; where the brain is drawn under 0.35 of its design size (a
                        // small iframe) the hypothalamus, the pituitary or a gland may be left out, never the
                        // five regions of the dopamine story.
                        if (r.scale >= 0.35f) CHECK_MESSAGE(r.labelled == r.regions, where << ": " << r.labelled << " of " << r.regions << " regions labelled; left out: " << r.left_out);
                        else CHECK_MESSAGE(r.core_labelled == 5, where << ": left out " << r.left_out);
                    }
                }
            }
        }
    }
}
