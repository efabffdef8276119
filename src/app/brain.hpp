// brain.hpp - one simulated brain as the app shows it: the scenario it comes from, its model inputs,
// state (TD learning lives there) and readouts, its history for the plots and its travelling pulses.
// The app holds one, or two in compare mode: every brain is stepped in the same chunks, receives the
// same events and is drawn by the same code. No ImGui and no App.
#pragma once

#include <cstddef>
#include <string>

#include "history.hpp"
#include "neurodrive/model.hpp"
#include "schematic_model.hpp"

namespace neurodrive::app {

struct Brain {
    // The first brain: its preset ("custom" once an input is changed by hand). Compare mode's second:
    // the preset it started from (its inputs may differ: compare_text).
    std::string preset = "baseline";
    model::Inputs inputs;
    model::State state;
    model::Outputs out;
    History history;
    SchematicAnim anim;
};

// Starts the brain at rest with its inputs (the model's seed 1) and its readouts; its pulses sized to
// the schematic's pathways. Its history is left to the caller (restarted once both brains have settled).
void brain_start(Brain& b, std::size_t pathways);
// An event now (cue, reward, omit): the model, the readouts and the history's markers.
void brain_event(Brain& b, model::Event e);
// The readouts now and one history sample of kSampleIntervalS.
void brain_sample(Brain& b);

}  // namespace neurodrive::app
