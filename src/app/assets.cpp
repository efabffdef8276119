// assets.cpp - parses the app's JSON data (RapidJSON, no exceptions) and smooths outlines.
// No ImGui, GL or SDL.
#include "assets.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

#include "json_text.hpp"

// The embedded files of assets/ (cmake/embed.cmake, INDEX app_assets) and the language table
// (cmake/tables.cmake). Declared before the namespace: the generated sources define them there.
struct EmbeddedFile { const char* symbol; const unsigned char* data; unsigned long size; };
extern const EmbeddedFile nd_app_assets[];
extern const neurodrive::app::Language nd_languages[];
extern const std::size_t nd_language_count;

namespace neurodrive::app {

std::string_view embedded_asset(std::string_view symbol) {
    for (const EmbeddedFile* f = nd_app_assets; f->symbol; ++f)
        if (symbol == f->symbol) return {reinterpret_cast<const char*>(f->data), static_cast<std::size_t>(f->size)};
    return {};
}

LanguageList languages() { return {nd_languages, nd_language_count}; }

std::vector<std::string> language_codes() {
    std::vector<std::string> codes;
    for (const Language& l : languages()) codes.push_back(l.code);
    return codes;
}

bool known_language(std::string_view code) {
    for (const Language& l : languages())
        if (l.code == code) return true;
    return false;
}

namespace {

bool same_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}
std::string_view first_part(std::string_view code) { return code.substr(0, code.find_first_of("-_")); }

// The tables the page gave (provide_strings), by language code: their checked JSON text.
std::map<std::string, std::string, std::less<>>& provided() {
    static std::map<std::string, std::string, std::less<>> tables;
    return tables;
}

}  // namespace

std::string match_language(std::string_view code) {
    if (same_ignoring_case(code, kPseudoLanguage)) return std::string(kPseudoLanguage);
    for (const Language& l : languages())
        if (same_ignoring_case(code, l.code)) return l.code;
    std::string with_dash(code);
    for (char& c : with_dash) if (c == '_') c = '-';
    for (const Language& l : languages())
        if (same_ignoring_case(with_dash, l.code)) return l.code;
    if (first_part(code).empty()) return {};
    for (const Language& l : languages())
        if (same_ignoring_case(first_part(code), first_part(l.code))) return l.code;
    return {};
}

bool strings_available(std::string_view lang) {
    if (lang == kPseudoLanguage) return strings_available(languages().front().code);
    for (const Language& l : languages())
        if (lang == l.code) return !embedded_asset(l.strings_symbol).empty() || provided().count(lang) > 0;
    return false;
}

std::string provide_strings(std::string_view lang, std::string_view json) {
    if (!known_language(lang)) return "strings: unknown language \"" + std::string(lang) + "\"";
    Strings s;
    if (std::string err = parse_strings(json, &s); !err.empty()) return std::string(lang) + ".json: " + err;
    provided().insert_or_assign(std::string(lang), std::string(json));
    return {};
}

namespace {
std::map<std::string, std::vector<unsigned char>, std::less<>>& provided_fonts() {
    static std::map<std::string, std::vector<unsigned char>, std::less<>> fonts;
    return fonts;
}
}  // namespace

std::string_view language_font(std::string_view lang) {
    std::string symbol = "font_" + std::string(lang);
    for (char& c : symbol) if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    if (const std::string_view built_in = embedded_asset(symbol); !built_in.empty()) return built_in;
    const auto it = provided_fonts().find(lang);
    if (it == provided_fonts().end()) return {};
    return {reinterpret_cast<const char*>(it->second.data()), it->second.size()};
}

void provide_font(std::string_view lang, std::vector<unsigned char> ttf) {
    // Kept for good, even when replaced: an atlas built from the old bytes may still be drawing.
    static std::vector<std::vector<unsigned char>> retired;
    auto& slot = provided_fonts()[std::string(lang)];
    if (!slot.empty()) retired.push_back(std::move(slot));
    slot = std::move(ttf);
}

std::vector<unsigned> text_code_points(const Strings& strings) {
    // Marked in a bit set, then read back up to the highest one seen (not all 1.1 million: the font atlas
    // asks for every language's name on each build, and a full sweep per call was most of start-up's
    // font time - about 120 million instructions natively).
    std::vector<bool> seen(0x110000, false);
    unsigned highest = 0;
    for (const auto& kv : strings.table) {
        const std::string& t = kv.second;
        for (std::size_t i = 0; i < t.size();) {
            const auto b = static_cast<unsigned char>(t[i]);
            const int n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            unsigned cp = n == 1 ? b : b & (0xFF >> (n + 1));
            for (int k = 1; k < n && i + static_cast<std::size_t>(k) < t.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
            if (cp < seen.size()) {
                seen[cp] = true;
                highest = std::max(highest, cp);
            }
            i += static_cast<std::size_t>(n);
        }
    }
    std::vector<unsigned> out;
    for (unsigned cp = 0; cp <= highest; ++cp)
        if (seen[cp]) out.push_back(cp);
    return out;
}

std::string load_strings(std::string_view lang, Strings* out) {
    if (lang == kPseudoLanguage) {
        Strings s;
        if (std::string err = load_strings(languages().front().code, &s); !err.empty()) return err;
        for (auto& [key, text] : s.table)
            if (key.rfind("locale.", 0) != 0 && key.rfind("lang.", 0) != 0) text = pseudo_text(text);
        *out = std::move(s);
        return {};
    }
    for (const Language& l : languages()) {
        if (lang != l.code) continue;
        std::string_view json = embedded_asset(l.strings_symbol);
        if (const auto it = provided().find(lang); json.empty() && it != provided().end()) json = it->second;
        if (json.empty()) return "strings: " + std::string(lang) + ".json has not been loaded";
        return parse_strings(json, out);
    }
    return "strings: unknown language \"" + std::string(lang) + "\"";
}

const char* Strings::get(std::string_view key) const {
    const auto it = table.find(key);
    if (it != table.end()) return it->second.c_str();
    static thread_local std::string missing;
    missing = std::string(key);
    return missing.c_str();
}

std::vector<std::string> missing_keys(const Strings& reference, const Strings& other) {
    std::vector<std::string> out;
    for (const auto& kv : reference.table) if (!other.table.count(kv.first)) out.push_back(kv.first);
    return out;
}

std::string parse_strings(std::string_view json, Strings* out) {
    rapidjson::Document doc;
    if (std::string err = parse_json(json, "strings", &doc); !err.empty()) return err;
    if (!doc.IsObject()) return "strings: expected an object of \"key\": \"text\"";
    Strings s;
    for (const auto& m : doc.GetObject()) {
        if (m.name.GetString()[0] == '@') continue;  // a note for translators
        if (!m.value.IsString()) return std::string("strings: \"") + m.name.GetString() + "\" must be a string";
        s.table.emplace(m.name.GetString(), m.value.GetString());
    }
    if (s.table.empty()) return "strings: no strings";
    // How the language writes numbers and picks plural forms (locale.hpp).
    if (const auto d = s.table.find("locale.decimal"); d != s.table.end()) s.number.decimal = d->second;
    if (const auto g = s.table.find("locale.group"); g != s.table.end()) s.number.group = g->second;
    if (s.number.decimal.empty() || s.number.decimal.size() > 4 || s.number.group.size() > 4)
        return "strings: locale.decimal must be one character (\".\" or \",\") and locale.group at most one";
    if (const auto p = s.table.find("locale.plural"); p != s.table.end())
        if (std::string err = parse_plural_rule(p->second, &s.number.plural); !err.empty()) return "strings: locale.plural: " + err;
    *out = std::move(s);
    return {};
}

Vec2 bezier(const std::array<Vec2, 4>& c, float t) {
    const float u = 1.0f - t;
    return (u * u * u) * c[0] + (3.0f * u * u * t) * c[1] + (3.0f * u * t * t) * c[2] + (t * t * t) * c[3];
}

namespace {

bool read_vec2(const rapidjson::Value& v, Vec2* out) {
    if (!v.IsArray() || v.Size() != 2 || !v[0].IsNumber() || !v[1].IsNumber()) return false;
    *out = {static_cast<float>(v[0].GetDouble()), static_cast<float>(v[1].GetDouble())};
    return std::isfinite(out->x) && std::isfinite(out->y);
}

bool read_curve(const rapidjson::Value& v, std::array<Vec2, 4>* out) {
    if (!v.IsArray() || v.Size() != 8) return false;
    for (rapidjson::SizeType i = 0; i < 8; ++i) if (!v[i].IsNumber()) return false;
    for (int i = 0; i < 4; ++i) {
        const auto k = static_cast<rapidjson::SizeType>(2 * i);
        (*out)[static_cast<std::size_t>(i)] = {static_cast<float>(v[k].GetDouble()), static_cast<float>(v[k + 1].GetDouble())};
    }
    return true;
}

bool read_string(const rapidjson::Value& obj, const char* key, std::string* out) {
    if (!obj.HasMember(key) || !obj[key].IsString()) return false;
    *out = obj[key].GetString();
    return true;
}

// Closed Catmull-Rom spline through the points, 8 segments per span.
std::vector<Vec2> smooth_closed(const std::vector<Vec2>& p) {
    std::vector<Vec2> out;
    const std::size_t n = p.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 p0 = p[(i + n - 1) % n], p1 = p[i], p2 = p[(i + 1) % n], p3 = p[(i + 2) % n];
        for (int k = 0; k < 8; ++k) {
            const float t = static_cast<float>(k) / 8.0f, t2 = t * t, t3 = t2 * t;
            out.push_back(0.5f * (2.0f * p1 + (p2 - p0) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 + (3.0f * p1 - p0 - 3.0f * p2 + p3) * t3));
        }
    }
    return out;
}

// A triangle fan from the center fills the outline correctly only if every edge faces the center.
bool star_shaped(const std::vector<Vec2>& pts, Vec2 c) {
    int sign = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const Vec2 a = pts[i], b = pts[(i + 1) % pts.size()];
        const Vec2 ra = a - c, rb = b - c;
        const float cross = ra.x * rb.y - ra.y * rb.x;
        const int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
        if (s == 0) continue;
        if (sign == 0) sign = s;
        else if (s != sign) return false;
    }
    return sign != 0;
}

}  // namespace

std::string parse_references(std::string_view json, std::vector<Reference>* out) {
    rapidjson::Document doc;
    if (std::string err = parse_json_list(json, "references", &doc); !err.empty()) return err;
    std::vector<Reference> refs;
    for (const auto& r : doc["references"].GetArray()) {
        Reference ref;
        if (!r.IsObject() || !read_string(r, "cite", &ref.cite) || !read_string(r, "authors", &ref.authors) || !read_string(r, "title", &ref.title)
            || !read_string(r, "source", &ref.source) || !read_string(r, "topic", &ref.topic) || !read_string(r, "tier", &ref.tier))
            return "references[" + std::to_string(refs.size()) + "]: needs strings cite, authors, title, source, topic and tier";
        if (r.HasMember("doi") && r["doi"].IsString()) ref.doi = json_view(r["doi"]);
        refs.push_back(std::move(ref));
    }
    *out = std::move(refs);
    return {};
}

const Region* Geometry::region(std::string_view id) const {
    for (const auto& r : regions) if (r.id == id) return &r;
    return nullptr;
}

const Pathway* Geometry::pathway(std::string_view id) const {
    for (const auto& p : pathways) if (p.id == id) return &p;
    return nullptr;
}

namespace {
// The optional parts: the body band, the legend, the labels' order and the pathways named on the schematic.
std::string parse_schematic_layout(const rapidjson::Value& doc, Geometry* g) {
    if (doc.HasMember("body")) {
        const rapidjson::Value& b = doc["body"];
        if (!b.IsArray() || b.Size() != 4 || !b[0].IsNumber() || !b[1].IsNumber() || !b[2].IsNumber() || !b[3].IsNumber()
            || !(b[2].GetDouble() > b[0].GetDouble()) || !(b[3].GetDouble() > b[1].GetDouble()))
            return "geometry: \"body\" must be [x0, y0, x1, y1] with x1 > x0 and y1 > y0";
        g->body_min = {static_cast<float>(b[0].GetDouble()), static_cast<float>(b[1].GetDouble())};
        g->body_max = {static_cast<float>(b[2].GetDouble()), static_cast<float>(b[3].GetDouble())};
    }
    for (const auto& [key, list] : {std::pair{"legend", &g->legend}, std::pair{"label_order", &g->label_order}}) {
        if (!doc.HasMember(key)) continue;
        if (!doc[key].IsArray()) return std::string("geometry: \"") + key + "\" must be an array of strings";
        for (const auto& v : doc[key].GetArray()) {
            if (!v.IsString()) return std::string("geometry: \"") + key + "\" must be an array of strings";
            list->push_back(v.GetString());
        }
    }
    for (const std::string& id : g->label_order)
        if (!g->region(id)) return "geometry: \"label_order\" names an unknown region \"" + id + "\"";
    for (const Region& r : g->regions)  // every region is labelled: those not listed come last
        if (std::find(g->label_order.begin(), g->label_order.end(), r.id) == g->label_order.end()) g->label_order.push_back(r.id);
    if (doc.HasMember("pathway_labels")) {
        if (!doc["pathway_labels"].IsArray()) return "geometry: \"pathway_labels\" must be an array";
        for (const auto& p : doc["pathway_labels"].GetArray()) {
            PathwayLabel label;
            if (!p.IsObject() || !read_string(p, "id", &label.id) || !g->pathway(label.id))
                return "geometry: pathway_labels[" + std::to_string(g->pathway_labels.size()) + "] needs the \"id\" of a pathway";
            if (!p.HasMember("at") || !p["at"].IsNumber() || !(p["at"].GetDouble() >= 0.0 && p["at"].GetDouble() <= 1.0))
                return "geometry: pathway_labels[" + std::to_string(g->pathway_labels.size()) + "] (" + label.id + "): \"at\" must be a number from 0 to 1";
            label.at = static_cast<float>(p["at"].GetDouble());
            g->pathway_labels.push_back(std::move(label));
        }
    }
    return {};
}
}  // namespace

std::string parse_geometry(std::string_view json, Geometry* out) {
    rapidjson::Document doc;
    if (std::string err = parse_json(json, "geometry", &doc); !err.empty()) return err;
    if (!doc.IsObject()) return "geometry: expected an object";
    Geometry g;
    if (!doc.HasMember("size") || !read_vec2(doc["size"], &g.size) || g.size.x <= 0 || g.size.y <= 0) return "geometry: \"size\" must be [width, height] > 0";
    if (!doc.HasMember("callosum") || !read_curve(doc["callosum"], &g.callosum)) return "geometry: \"callosum\" must be 8 numbers";
    for (const char* key : {"outlines", "regions", "pathways"})
        if (!doc.HasMember(key) || !doc[key].IsArray() || doc[key].Empty()) return std::string("geometry: \"") + key + "\" must be a non-empty array";
    for (const auto& o : doc["outlines"].GetArray()) {
        Outline outline;
        const std::string where = "geometry: outlines[" + std::to_string(g.outlines.size()) + "]";
        if (!o.IsObject() || !read_string(o, "id", &outline.id)) return where + ": needs a string \"id\"";
        if (!o.HasMember("center") || !read_vec2(o["center"], &outline.center)) return where + " (" + outline.id + "): bad \"center\"";
        if (!o.HasMember("points") || !o["points"].IsArray() || o["points"].Size() < 3) return where + " (" + outline.id + "): needs 3 or more points";
        std::vector<Vec2> pts;
        for (const auto& p : o["points"].GetArray()) {
            Vec2 v;
            if (!read_vec2(p, &v)) return where + " (" + outline.id + "): every point must be [x, y]";
            pts.push_back(v);
        }
        outline.points = smooth_closed(pts);
        if (!star_shaped(outline.points, outline.center)) return where + " (" + outline.id + "): not star-shaped around its center";
        g.outlines.push_back(std::move(outline));
    }
    for (const auto& r : doc["regions"].GetArray()) {
        Region region;
        const std::string where = "geometry: regions[" + std::to_string(g.regions.size()) + "]";
        if (!r.IsObject() || !read_string(r, "id", &region.id)) return where + ": needs a string \"id\"";
        if (!r.HasMember("center") || !read_vec2(r["center"], &region.center) || !r.HasMember("radius") || !read_vec2(r["radius"], &region.radius))
            return where + " (" + region.id + "): needs \"center\" and \"radius\" as [x, y]";
        if (r.HasMember("label") && !read_vec2(r["label"], &region.label)) return where + " (" + region.id + "): \"label\" must be [dx, dy]";
        if (!read_string(r, "color", &region.color) || !read_string(r, "value", &region.value))
            return where + " (" + region.id + "): needs strings \"color\" and \"value\"";
        for (const auto& [key, flag] : {std::pair{"gland", &region.gland}, std::pair{"label_value", &region.label_value}}) {
            if (!r.HasMember(key)) continue;
            if (!r[key].IsBool()) return where + " (" + region.id + "): \"" + key + "\" must be true or false";
            *flag = r[key].GetBool();
        }
        g.regions.push_back(std::move(region));
    }
    for (const auto& p : doc["pathways"].GetArray()) {
        Pathway pathway;
        const std::string where = "geometry: pathways[" + std::to_string(g.pathways.size()) + "]";
        if (!p.IsObject() || !read_string(p, "id", &pathway.id) || !read_string(p, "color", &pathway.color) || !read_string(p, "source", &pathway.source))
            return where + ": needs strings \"id\", \"color\" and \"source\"";
        if (!p.HasMember("curve") || !read_curve(p["curve"], &pathway.curve)) return where + " (" + pathway.id + "): \"curve\" must be 8 numbers";
        if (!g.region(pathway.source)) return where + " (" + pathway.id + "): unknown source region \"" + pathway.source + "\"";
        g.pathways.push_back(std::move(pathway));
    }
    if (std::string err = parse_schematic_layout(doc, &g); !err.empty()) return err;
    *out = std::move(g);
    return {};
}

}  // namespace neurodrive::app
