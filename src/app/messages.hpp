// messages.hpp - the host-page protocol (postMessage), decoded and answered in C++ so every message
// is validated in one place (and fuzzed). web/app.js only forwards JSON text and checks origins.
// Pure: no Emscripten.
#pragma once

#include <string>
#include <string_view>

#include "app.hpp"

namespace neurodrive::app {

struct MessageReply {
    std::string json;        // the reply to post back to the sender ("" = none)
    double subscribe_hz = -1.0;  // >= 0 when the sender asked for periodic state (0 = stop)
};

// Handles one message (JSON text of the posted object). Never throws; unknown or malformed messages
// get {"type":"neurodrive:error","error":"..."}. An "id" field (string or number) is echoed back.
MessageReply handle_message(App& app, std::string_view json);

// {"type":"neurodrive:state","time_s":..,"sim_day":..,"preset":..,"inputs":{..},"outputs":{..}}
std::string state_message(const App& app);

}  // namespace neurodrive::app
