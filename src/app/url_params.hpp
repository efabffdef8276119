// url_params.hpp - parses and writes the page's query string: URL parameters, share links and the
// browser's preferences use the same format, and the settings table (settings.hpp) says what each
// parameter may be. Strict: unknown names and bad values are ignored and reported, never half-applied.
// Pure C++: no Emscripten, so it is unit-tested and fuzzed natively.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "neurodrive/model.hpp"
#include "scenario_text.hpp"
#include "settings.hpp"

namespace neurodrive::app {

struct Ignored {
    std::string name;    // the parameter name as given (decoded, cut to 40 characters): for the console only
    std::string reason;  // why it was ignored (may quote outside text): for the console only
    std::string param;   // what a notice may show, from a fixed vocabulary: a known parameter's name,
                         // "(rest)" for the cut end of a long query, "" for a name NeuroDrive does not know
    Ignored(std::string name_, std::string reason_, std::string param_ = {})
        : name(std::move(name_)), reason(std::move(reason_)), param(std::move(param_)) {}
};

struct UrlConfig {
    SettingValues values;                                // every setting given with a valid value
    std::vector<std::pair<std::string, double>> inputs;  // validated name=value pairs, applied after the preset
    bool origin_given = false;      // origin= was present ...
    bool origin_invalid = false;    // ... and empty or with an entry that is not an origin: no one may control (fail closed)
    bool has_state = false;         // an input or a setting that defines the view was present, valid or not
    std::vector<Ignored> ignored;

    // persist=: whether to keep the user's choices (nothing when not given), and the storage name ("" = none).
    std::optional<bool> persist() const;
    std::string persist_name() const;
};

// Parses "?a=1&b=2" or "a=1&b=2": the parameters the settings table allows `from` (kFromUrl, or kFromEnv
// for the browser's preferences; inputs only from a URL). Never throws; bounded work for any input.
UrlConfig parse_query(std::string_view query, unsigned from = kFromUrl);

// The share link's query string for a state: preset, every input that differs from the preset, then
// every setting of `view` the table puts in a link (kInLink) that is not its default, in table order.
// parse_query(share_query(...)) restores the same inputs and view.
std::string share_query(const model::Inputs& inputs, std::string_view preset, const SettingValues& view);

// What the page learns of a parsed query (after the app applied it; lesson_ok: its lesson= was known):
// {"ignored":[{"name":..,"reason":..,"param":..}],"resize":b,"persist":b|null,"xapi":b,"xapi_base":..|null,
//  "lti_token":..|null,"origins":[..],"lesson":..|null}.
std::string query_report_json(const UrlConfig& config, bool lesson_ok);

// Applies a parsed config's preset and inputs to `inputs`/`preset` (ignored ones already removed).
void apply_inputs(const UrlConfig& config, model::Inputs* inputs, std::string* preset);

}  // namespace neurodrive::app
