// brain.cpp - see brain.hpp. One brain's event and sample, for the first brain and compare mode's second alike.
#include "brain.hpp"

#include "json_text.hpp"
#include "neurodrive/names.hpp"

namespace neurodrive::app {

void brain_start(Brain& b, std::size_t pathways) {
    b.state = model::make_state(b.inputs, 1);
    b.out = model::outputs(b.state, b.inputs);
    if (b.anim.paths.size() != pathways) b.anim.paths.assign(pathways, PathwayAnim{});  // running pulses go on
}

void brain_event(Brain& b, model::Event e) {
    model::apply_event(b.state, e);
    b.out = model::outputs(b.state, b.inputs);
    history_event(b.history, e, b.out, b.state.time_s, b.state.params.burst_gain_hz);
}

void brain_sample(Brain& b) {
    b.out = model::outputs(b.state, b.inputs);
    history_sample(b.history, b.out, b.state.time_s, kSampleIntervalS, b.state.params.burst_gain_hz);
    b.history.next_sample_s += kSampleIntervalS;
}

namespace {
// {"<name>":value,...} of a registry's fields (inputs or outputs).
template <class Spec, class Values>
std::string values_json(const Spec* specs, int n, const Values& values) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    for (int i = 0; i < n; ++i) { json_key(w, specs[i].name); json_put_num(w, values.*(specs[i].field)); }
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}
}  // namespace

std::string inputs_json(const model::Inputs& inputs) {
    int n = 0;
    const model::InputSpec* specs = model::input_specs(&n);
    return values_json(specs, n, inputs);
}

std::string outputs_json(const model::Outputs& out) {
    int n = 0;
    const model::OutputSpec* specs = model::output_specs(&n);
    return values_json(specs, n, out);
}

}  // namespace neurodrive::app
