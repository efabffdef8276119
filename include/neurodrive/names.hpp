// names.hpp - the naming contract: every input, manipulation and output by its public name, with
// range, unit, meaning and evidence tier. The app, the JS API, the CLI and the docs all use these.
// Pure: no I/O.
#pragma once

#include <optional>
#include <string_view>

#include "neurodrive/model.hpp"

namespace neurodrive::model {

enum class InputKind { Level, Manipulation };

struct InputSpec {
    std::string_view name;
    InputKind kind;
    double min;
    double max;
    double typical;
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

// All inputs in display order (levels first, then manipulations).
const InputSpec* input_specs(int* count);
const OutputSpec* output_specs(int* count);  // contract outputs, then the extra schematic readouts
int contract_output_count();                 // how many of output_specs() are the headline contract

const InputSpec* find_input(std::string_view name);
const OutputSpec* find_output(std::string_view name);

// Sets one input by name. Returns an empty string on success, else a one-line error that names the
// problem and the allowed values. Never clamps silently.
std::string_view set_input(Inputs& in, std::string_view name, double value, char* error_buf, int error_len);

std::string_view event_name(Event e);
std::optional<Event> parse_event(std::string_view name);

}  // namespace neurodrive::model
