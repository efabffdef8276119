// assets.hpp - the app's data (the files of assets/ embedded at build time: UI strings, schematic
// geometry, references, the language table; a language's strings given at run time by the page, which
// fetches them when the language is chosen), parsed from JSON text with clear errors. No ImGui, GL or
// SDL here, so the loaders are tested natively.
#pragma once

#include <glm/vec2.hpp>

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "locale.hpp"

namespace neurodrive::app {

using Vec2 = glm::vec2;  // design-space coordinates of the schematic

// An embedded file of assets/ by its symbol ("geometry", "strings_en", ...; cmake/embed.cmake), or "".
std::string_view embedded_asset(std::string_view symbol);

// The languages (assets/languages.json, made C++ data by cmake/tables.cmake): the code a URL or the
// browser gives, the language's own name, and its word for loading (shown before the strings table is
// read). The first is the default.
struct Language { const char* code; const char* name; const char* loading; const char* strings_symbol; };
struct LanguageList {
    const Language* first;
    std::size_t count;
    const Language* begin() const { return first; }
    const Language* end() const { return first + count; }
    const Language& front() const { return *first; }
    bool empty() const { return count == 0; }
};
LanguageList languages();
std::vector<std::string> language_codes();
bool known_language(std::string_view code);

// The pseudo-locale (?lang=en-XA): English made about 40% longer, accented and bracketed, to show
// what a longer language would clip. Not a language of the table: never offered in a menu.
constexpr std::string_view kPseudoLanguage = "en-XA";
// The language's code as the table writes it ("pt-br" or "pt-BR" -> "pt-BR"; "fr-CA" -> "fr",
// "pt-PT" -> "pt-BR": the same language first, then one that shares its first part), or "" when
// NeuroDrive has no such language. The pseudo-locale is matched too.
std::string match_language(std::string_view code);

struct Strings {
    std::map<std::string, std::string, std::less<>> table;
    NumberFormat number;  // from the table's locale.decimal, locale.group and locale.plural
    // The text for key; the key itself (visibly wrong, never a crash) when missing.
    const char* get(std::string_view key) const;
    // The text for key with its values, in this language's way of writing numbers and plurals.
    template <class... A>
    std::string format(std::string_view key, const A&... a) const { return format_text(number, get(key), a...); }
};

struct Outline {
    std::string id;
    Vec2 center;
    std::vector<Vec2> points;  // smoothed closed polygon
};

struct Region {
    std::string id;
    Vec2 center;
    Vec2 radius;
    Vec2 label;         // preferred direction of its label from the center (0,0 = none)
    std::string color;  // colour role: dopamine, serotonin, ...
    std::string value;  // output name shown in the tooltip ("" = none)
    bool gland = false;        // a gland in the body band (its level in percent)
    bool label_value = false;  // its label carries the value
};

struct Pathway {
    std::string id;
    std::string color;
    std::string source;              // region the pulses start from
    std::array<Vec2, 4> curve{};     // cubic Bezier
};

struct PathwayLabel {
    std::string id;   // a pathway
    float at = 0.5f;  // where along its curve (0-1) the name sits
};

struct Geometry {
    Vec2 size;
    Vec2 body_min, body_max;         // the body band the glands sit in (empty: none)
    std::vector<std::string> legend;       // colour roles the legend names, in order
    std::vector<std::string> label_order;  // regions by importance (every region, the listed ones first)
    std::vector<PathwayLabel> pathway_labels;
    std::vector<Outline> outlines;
    std::array<Vec2, 4> callosum{};
    std::vector<Region> regions;
    std::vector<Pathway> pathways;
    const Region* region(std::string_view id) const;
    const Pathway* pathway(std::string_view id) const;
};

struct Reference {
    std::string cite;    // "Schultz, Dayan & Montague 1997"
    std::string authors; // "Schultz W, Dayan P, Montague PR"
    std::string title;
    std::string source;  // journal, volume:page
    std::string doi;     // "" when the paper has none
    std::string topic;   // what it supports here (English)
    std::string tier;    // evidence tier
};

// Each returns "" on success, else a message naming the file, the place and the problem.
// Keys that start with "@" are notes for translators (as in ARB files), not texts.
std::string parse_strings(std::string_view json, Strings* out);
// The strings table of a language: built in (English; natively every language), given by the page
// (provide_strings), or the pseudo-locale made from English. An error for an unknown language, or a
// known one whose table has not arrived (strings_available says which).
std::string load_strings(std::string_view lang, Strings* out);
bool strings_available(std::string_view lang);
// A language's table as the page fetched it (strings/<code>.json): checked, then kept for load_strings.
// "" or what is wrong with it (nothing is kept then).
std::string provide_strings(std::string_view lang, std::string_view json);
// A language's own font (TrueType bytes; languages.json "font", built by scripts/make_fonts.py): built
// in natively, given by the page in the browser (provide_font keeps the bytes for good: the font atlas
// reads them). Empty for a language written in the UI font, or whose font has not arrived.
std::string_view language_font(std::string_view lang);
void provide_font(std::string_view lang, std::vector<unsigned char> ttf);
// Every character (Unicode code point) the table's texts use, sorted, once each: the glyphs to draw.
std::vector<unsigned> text_code_points(const Strings& strings);

std::string parse_geometry(std::string_view json, Geometry* out);
std::string parse_references(std::string_view json, std::vector<Reference>* out);

// Keys present in `reference` but missing in `other` (for the language-completeness test).
std::vector<std::string> missing_keys(const Strings& reference, const Strings& other);

Vec2 bezier(const std::array<Vec2, 4>& c, float t);

}  // namespace neurodrive::app
