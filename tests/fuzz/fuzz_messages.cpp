// fuzz_messages.cpp - libFuzzer target: host-page messages (the C++ side of the postMessage decoder).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "messages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static neurodrive::app::App base = [] { neurodrive::app::App a; neurodrive::app::init(a); return a; }();
    neurodrive::app::App app = base;
    const auto reply = neurodrive::app::handle_message(app, std::string_view(reinterpret_cast<const char*>(data), size));
    if (reply.json.empty() || !neurodrive::model::inputs_valid(app.inputs)) __builtin_trap();
    return 0;
}
