// rng.hpp - the model's one random number generator: xorshift64* with only integer operations,
// additions and multiplications, so native and WebAssembly builds draw identical numbers.
// Shared by the model and the app (the audio monitor draws its spikes with it). Pure: no I/O, no
// globals (the state lives in the caller's struct).
#pragma once

#include <cstdint>

namespace neurodrive::model {

// Uniform in [0, 1).
inline double uniform01(std::uint64_t& x) {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    return static_cast<double>((x * 0x2545F4914F6CDD1Dull) >> 11) * (1.0 / 9007199254740992.0);
}

// Close to standard normal (Irwin-Hall of 4 uniforms, scaled to unit variance): no libm needed.
inline double normal01(std::uint64_t& x) {
    const double sum = uniform01(x) + uniform01(x) + uniform01(x) + uniform01(x);
    return (sum - 2.0) * 1.7320508075688772;
}

}  // namespace neurodrive::model
