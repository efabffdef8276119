// brain.cpp - see brain.hpp. One brain's event and sample, for the first brain and compare mode's second alike.
#include "brain.hpp"

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

}  // namespace neurodrive::app
