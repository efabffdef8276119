// names.hpp - the registry of the model's public names: every input, manipulation and output with
// its range, unit, group, colour role, meaning and evidence tier. The CLI, the sliders, the JS API,
// the accessible mirror, share links, narration and the docs all read these tables; UI labels in
// each language are keyed by these names in assets/strings/. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "neurodrive/model.hpp"

namespace neurodrive::model {

enum class InputKind { Level, Manipulation };

struct InputSpec {
    std::string_view name;
    InputKind kind;
    std::string_view group;  // "transmitter", "hormone" or "manipulation"
    double min;
    double max;
    double typical;
    std::string_view unit;   // "x typical" for levels, "fraction" for manipulations
    std::string_view role;   // colour role: the system it acts on (dopamine, norepinephrine, ...)
    std::string_view meaning;
    std::string_view tier;
    double Inputs::*field;
};

struct OutputSpec {
    std::string_view name;
    double min;
    double max;
    std::string_view unit;
    std::string_view meaning;
    double Outputs::*field;
};

// All inputs in display order (transmitters, hormones, then manipulations).
const InputSpec* input_specs(int* count);
const OutputSpec* output_specs(int* count);  // contract outputs, then the further readouts
int contract_output_count();                 // how many of output_specs() are the headline contract

const InputSpec* find_input(std::string_view name);
const OutputSpec* find_output(std::string_view name);

// The outputs as CSV (the CLI's `run --csv` and the page's signal export share these columns):
// "time_s,<every output name>" and one row of values ("%.9g": every double that matters, compact).
std::string outputs_csv_header();
std::string outputs_csv_row(double time_s, const Outputs& o);

// Sets one input by name. Returns an empty string on success, else a one-line error that names the
// problem and the allowed values. Never clamps silently.
std::string_view set_input(Inputs& in, std::string_view name, double value, char* error_buf, int error_len);

std::string_view event_name(Event e);
std::optional<Event> parse_event(std::string_view name);

}  // namespace neurodrive::model
