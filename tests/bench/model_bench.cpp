// model_bench.cpp - benchmark (not a test): CPU cost of the model per simulated second, natively and
// in wasm under Node. Prints one line per scenario: "scenario ns_per_sim_s us_per_frame_at_4x".
#include <chrono>
#include <cstdio>

#include "neurodrive/model.hpp"

namespace nm = neurodrive::model;

int main() {
    struct Scenario { const char* name; bool trials; nm::Inputs in; };
    nm::Inputs low_thyroid; low_thyroid.thyroid = 0.3;
    const Scenario scenarios[] = {{"baseline", false, nm::Inputs{}}, {"auto_trials", true, nm::Inputs{}}, {"low_thyroid", false, low_thyroid}};
    constexpr double kSimSeconds = 600.0;
    std::printf("scenario ns_per_simulated_second us_per_frame_at_4x_60fps\n");
    for (const Scenario& sc : scenarios) {
        nm::State s = nm::make_state(sc.in, 1);
        const auto t0 = std::chrono::steady_clock::now();
        for (double t = 0.0; t < kSimSeconds; t += 1.0 / 15.0) {  // 4x speed at 60 fps = 1/15 s per frame
            if (sc.trials && static_cast<long>(t * 15.0) % 75 == 0) nm::apply_event(s, nm::Event::Cue);
            nm::advance(s, sc.in, 1.0 / 15.0);
            volatile double sink = nm::outputs(s, sc.in).motivation;
            (void)sink;
        }
        const double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() / kSimSeconds;
        std::printf("%s %.0f %.1f\n", sc.name, ns, ns / 15.0 / 1000.0);
    }
    return 0;
}
