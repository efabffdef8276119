// url_params.hpp - parses and writes the page's query string (URL parameters, share links and the
// stored state use the same format). Strict: unknown names and bad values are ignored and reported,
// never half-applied. Pure C++: no Emscripten, so it is unit-tested and fuzzed natively.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "neurodrive/model.hpp"
#include "neurodrive/names.hpp"

namespace neurodrive::app {

struct Ignored {
    std::string name;    // the parameter name as given (decoded, cut to 40 characters): for the console only
    std::string reason;  // why it was ignored (may quote outside text): for the console only
    std::string param;   // what a notice may show, from a fixed vocabulary: a known parameter's name,
                         // "(rest)" for the cut end of a long query, "" for a name NeuroDrive does not know
    Ignored(std::string name_, std::string reason_, std::string param_ = {})
        : name(std::move(name_)), reason(std::move(reason_)), param(std::move(param_)) {}
};

// Compare mode's second brain: a preset, then inputs changed from it. In a URL or share link:
// compare=hypothyroid, compare=thyroid:0.4,dopamine:1.2 or compare=chronic_stress,dopamine:0.8.
struct CompareSpec {
    std::string preset = "baseline";
    std::vector<std::pair<std::string, double>> inputs;  // validated, applied after the preset
};

// Parses a compare value strictly: an unknown preset, name or a value out of range refuses all of it
// (the reason in *error); never half-applied.
std::optional<CompareSpec> parse_compare(std::string_view text, std::string* error);
// The compare value for a second brain: its preset, then every input that differs from the preset.
std::string compare_text(const model::Inputs& inputs, std::string_view preset);
// A compare spec's inputs (its preset's, then the changed ones) and the preset's id in *preset.
model::Inputs compare_inputs(const CompareSpec& spec, std::string* preset);

struct UrlConfig {
    std::optional<std::string> preset;
    std::vector<std::pair<std::string, double>> inputs;  // validated name=value pairs, applied after the preset
    std::vector<std::string> lock;     // input names or groups (events, time, presets) shown but disabled
    std::vector<std::string> hide;     // panels: controls, plots, drive, narration, experiments, events, legend
    std::optional<std::string> ui;     // "minimal" | "full"
    std::optional<double> speed;       // 0.25 - 4
    std::optional<bool> paused;
    std::optional<std::string> theme;  // "dark" | "projector"
    std::optional<std::string> lang;   // "en" | "es"
    std::optional<std::string> lesson;
    std::optional<bool> resize;        // post lti.frameResize / h5p resize messages to the parent
    std::vector<std::string> origins;  // allowlist for postMessage control ("origin=https://a.org,https://b.org"), normalised
    bool origin_given = false;         // origin= was present ...
    bool origin_invalid = false;       // ... and at least one entry was not an origin: then no one may control (fail closed)
    std::optional<bool> persist;       // keep the user's choices in localStorage (persist=1, persist=0, or persist=<name>)
    std::string persist_name;          // persist=<name>: its own storage key (several embeds on one page)
    bool has_state = false;            // a parameter that defines what is shown (preset, an input, lock, hide, ui,
                                       // speed, paused, theme, lang, lesson, scale, audio, compare) was present, valid or not
    std::optional<bool> xapi;          // post xAPI-shaped statements to the parent
    std::optional<std::string> xapi_base;  // https IRI base of the xAPI activity ids, normalised to end in "/"
    std::optional<std::string> lti_token;  // Canvas launch token echoed in lti.frameResize
    std::optional<double> scale;       // UI text scale, 0.75 - 2 (a projector at 150%: scale=1.5)
    std::optional<bool> audio;         // the audio monitor of VTA spikes: audio=on | off
    std::optional<CompareSpec> compare;  // a second brain beside the first (compare mode)
    std::vector<Ignored> ignored;
};

// The allowed words for lock= and hide= (besides input names for lock=).
const std::vector<std::string>& lockable_groups();
const std::vector<std::string>& hideable_panels();

// Parses "?a=1&b=2" or "a=1&b=2". Never throws; bounded work for any input.
UrlConfig parse_query(std::string_view query);

// Strict number: optional minus, digits, optional fraction and exponent; at most 24 characters;
// finite. "1e999", "0.5abc", "NaN", "" and " 1" are rejected.
std::optional<double> parse_strict_number(std::string_view text);

// A web origin, strictly: http(s)://host[:port] with nothing after it but an optional "/". Returns
// the browser's form (lower case, default port dropped), or nothing for "*", "null", paths, user
// info, queries, non-ASCII hosts or bad ports.
std::optional<std::string> normalize_origin(std::string_view text);

// An https IRI base for xAPI activity ids: https://host[:port][/path], at most 200 characters of
// letters, digits and - . _ ~ / (and %XX escapes) in the path; no user info, query or fragment.
// Returns it ending in "/", or nothing.
std::optional<std::string> normalize_iri_base(std::string_view text);

// The inputs that differ from a preset's (the healthy baseline's for an unknown id, e.g. "custom"), in
// registry order: what a share link, a compare value, an export header and the stored state record.
std::vector<std::pair<const model::InputSpec*, double>> changed_inputs(const model::Inputs& inputs, std::string_view preset);

// Shortest decimal text that reads back as exactly the same double.
std::string format_exact(double v);

// What a share link carries besides the inputs: the view and the lesson.
struct ShareView {
    std::vector<std::string> hide, lock;
    std::string theme, lang, lesson;   // lesson: its id, "" when none
    std::string compare;               // compare mode's second brain (compare_text), "" when off
    double scale = 1.0;
    bool minimal = false;
};

// The share link's query string for a state: preset, every input that differs from the preset,
// hidden panels, locks, theme, language, text scale, minimal UI, lesson and the compared brain.
// parse_query(share_query(...)) restores the same inputs and view.
std::string share_query(const model::Inputs& inputs, std::string_view preset, const ShareView& view);

// Applies a parsed config's preset and inputs to `inputs`/`preset` (ignored ones already removed).
void apply_inputs(const UrlConfig& config, model::Inputs* inputs, std::string* preset);

}  // namespace neurodrive::app
