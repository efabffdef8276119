// fuzz_url_params.cpp - libFuzzer target: URL parameters, share links and stored state all go
// through parse_query/apply_query; a share link built from the result must parse without complaint.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app.hpp"
#include "url_params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static neurodrive::app::App base = [] { neurodrive::app::App a; neurodrive::app::init(a); return a; }();
    const std::string query(reinterpret_cast<const char*>(data), size);
    neurodrive::app::App app = base;
    neurodrive::app::apply_query(app, query);
    if (!neurodrive::model::inputs_valid(app.brain.inputs)) __builtin_trap();
    const auto again = neurodrive::app::parse_query(neurodrive::app::share_query(app));
    if (!again.ignored.empty()) __builtin_trap();  // our own share links are always valid
    neurodrive::app::parse_strict_number(query);
    return 0;
}
