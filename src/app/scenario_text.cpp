// scenario_text.cpp - see scenario_text.hpp. Depends on the model's registries and settings.hpp's checks.
#include "scenario_text.hpp"

#include <cstdio>

#include "neurodrive/io/presets.hpp"
#include "settings.hpp"

namespace neurodrive::app {

std::optional<CompareSpec> parse_compare(std::string_view text, std::string* error) {
    CompareSpec spec;
    const std::vector<std::string> items = split_list(text);
    if (items.empty()) { *error = "must name a preset or inputs, e.g. compare=hypothyroid"; return std::nullopt; }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& item = items[i];
        const std::size_t colon = item.find(':');
        if (colon == std::string::npos) {
            if (i > 0) { *error = "the preset comes first: compare=preset,input:value"; return std::nullopt; }
            if (!io::find_preset(item)) { *error = "unknown preset " + shown(item); return std::nullopt; }
            spec.preset = item;
            continue;
        }
        const std::string name = item.substr(0, colon);
        const model::InputSpec* in = model::find_input(name);
        if (!in) { *error = "unknown input " + shown(name); return std::nullopt; }
        const auto v = parse_strict_number(std::string_view(item).substr(colon + 1));
        if (!v || *v < in->min || *v > in->max) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "%s must be a number from %g to %g", name.c_str(), in->min, in->max);
            *error = buf;
            return std::nullopt;
        }
        for (const auto& [seen, value] : spec.inputs)
            if (seen == name) { *error = "input " + name + " given twice"; return std::nullopt; }
        spec.inputs.emplace_back(name, *v);
    }
    return spec;
}

const model::Inputs& preset_inputs(std::string_view preset) {
    static const model::Inputs typical{};
    const io::Preset* p = io::find_preset(preset);
    return p ? p->inputs : typical;
}

model::Inputs compare_inputs(const CompareSpec& spec, std::string* preset) {
    const io::Preset* p = io::find_preset(spec.preset);
    model::Inputs inputs = preset_inputs(spec.preset);
    *preset = p ? p->id : "baseline";
    char buf[160];
    for (const auto& [name, value] : spec.inputs) model::set_input(inputs, name, value, buf, sizeof buf);
    return inputs;
}

std::string compare_text(const model::Inputs& inputs, std::string_view preset) {
    const io::Preset* p = io::find_preset(preset);
    std::string s = p ? p->id : "baseline";
    for (const auto& [spec, v] : changed_inputs(inputs, preset)) s += "," + std::string(spec->name) + ":" + format_exact(v);
    return s;
}

std::vector<std::pair<const model::InputSpec*, double>> changed_inputs(const model::Inputs& inputs, std::string_view preset) {
    const model::Inputs& base = preset_inputs(preset);
    std::vector<std::pair<const model::InputSpec*, double>> out;
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    for (int i = 0; i < n; ++i)
        if (inputs.*(specs[i].field) != base.*(specs[i].field)) out.emplace_back(&specs[i], inputs.*(specs[i].field));
    return out;
}

}  // namespace neurodrive::app
