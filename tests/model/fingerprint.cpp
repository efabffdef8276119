// fingerprint.cpp - prints every output of fixed scenarios as exact hex floats, so the native and the
// wasm builds of the model can be compared bit for bit (scripts/test.sh diffs the two).
#include <cstdio>

#include "neurodrive/experiments.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"

int main() {
    namespace nm = neurodrive::model;
    int n = 0;
    const nm::OutputSpec* specs = nm::output_specs(&n);
    for (const auto& p : neurodrive::io::builtin_presets().presets) {
        nm::State s = nm::make_state(nm::Inputs{}, 7);
        nm::apply_event(s, nm::Event::Cue);
        nm::advance(s, p.inputs, 3.3);
        nm::apply_event(s, nm::Event::Reward);
        nm::advance(s, p.inputs, 20.0);
        const nm::Outputs o = nm::outputs(s, p.inputs);
        for (int i = 0; i < n; ++i) std::printf("%s %s %a\n", p.id.c_str(), std::string(specs[i].name).c_str(), o.*(specs[i].field));
    }
    const nm::ExperimentResult r = nm::run_experiment("conditioning", nm::Inputs{}, {{"trials", 20}}, 3);
    for (const auto& [k, v] : r.arrays) for (double x : v) std::printf("conditioning %s %a\n", k.c_str(), x);
    return 0;
}
