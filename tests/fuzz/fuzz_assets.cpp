// fuzz_assets.cpp - libFuzzer target: the asset loaders (presets, UI strings, schematic geometry).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "assets.hpp"
#include "neurodrive/io/presets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto presets = neurodrive::io::parse_presets(text);
    if (presets.error.empty() == presets.presets.empty()) __builtin_trap();  // either presets or an error
    for (const auto& p : presets.presets) if (!neurodrive::model::inputs_valid(p.inputs)) __builtin_trap();
    neurodrive::app::Strings strings;
    neurodrive::app::parse_strings(text, &strings);
    neurodrive::app::Geometry geometry;
    if (neurodrive::app::parse_geometry(text, &geometry).empty()) {
        for (const auto& p : geometry.pathways) if (!geometry.region(p.source)) __builtin_trap();
    }
    return 0;
}
