// fuzz_messages.cpp - libFuzzer target: every JSON text that comes from outside - host-page messages
// (messages.cpp), set() inputs (commands.cpp), the stored state (persist.cpp) and a SCORM suspend_data
// progress record (lessons.cpp: refused without a change, or accepted and then read back the same) - on an unlocked and a
// fully locked app. Properties: an answer always, inputs always valid, locks always hold, and the
// 16 KB limit exact to the byte (an input starting with a space is also tried padded to the limit,
// where it must be read, and one byte past it, where it must be refused).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "app.hpp"
#include "commands.hpp"
#include "messages.hpp"
#include "persist.hpp"

namespace na = neurodrive::app;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const na::App open = [] { na::App a; na::init(a); return a; }();
    static const na::App locked = [] {
        na::App a;
        na::init(a);
        na::apply_query(a, "preset=hypothyroid&lock=thyroid,presets,events,time,experiments");
        return a;
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const na::App* base : {&open, &locked}) {
        na::App app = *base;
        const auto reply = na::handle_message(app, text, size % 2 == 0);
        if (reply.json.empty() || !neurodrive::model::inputs_valid(app.brain.inputs)) __builtin_trap();
        if (reply.subscribe_hz > 0.0 && (reply.subscribe_hz < na::kMinSubscribeHz || reply.subscribe_hz > na::kMaxSubscribeHz)) __builtin_trap();
        na::cmd_set_inputs_json(app, text);
        na::Choices restored;
        na::apply_stored(app, text, &restored);
        if (!neurodrive::model::inputs_valid(app.brain.inputs)) __builtin_trap();
        if (base == &locked) {
            // Messages and set() never move a locked input, pause or speed (stored state is
            // only read when the URL has no lock, so it is not bound by one).
            na::App again = *base;
            na::handle_message(again, text);
            na::cmd_set_inputs_json(again, text);
            if (again.brain.inputs.thyroid != base->brain.inputs.thyroid || again.paused != base->paused
                || again.speed != base->speed || std::memcmp(&again.brain.inputs.dat_block, &base->brain.inputs.dat_block, sizeof(double)) != 0)
                __builtin_trap();
        }
    }
    {
        na::App app = open;
        const std::string before = na::lesson_record(app, "wanting_vs_liking");
        if (na::lesson_restore(app, text).empty()) {
            // Accepted: the lesson's record restores into a fresh app and reads back identically.
            for (const auto& l : app.lessons) {
                const std::string r = na::lesson_record(app, l.id);
                na::App again = open;
                if (!na::lesson_restore(again, r).empty() || na::lesson_record(again, l.id) != r) __builtin_trap();
            }
        } else if (na::lesson_record(app, "wanting_vs_liking") != before) {
            __builtin_trap();
        }
    }
    if (size > 0 && size < na::kMaxJsonBytes && data[0] == ' ') {
        std::string padded(na::kMaxJsonBytes - size, ' ');
        padded.append(text);
        na::App app = open;
        if (na::handle_message(app, padded).json.find("larger than 16 KB") != std::string::npos) __builtin_trap();
        padded.insert(0, " ");
        if (na::handle_message(app, padded).json.find("larger than 16 KB") == std::string::npos) __builtin_trap();
    }
    return 0;
}
