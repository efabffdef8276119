// messages.hpp - the host-page protocol (postMessage), decoded and answered in C++ so every message
// is validated in one place (and fuzzed). web/js/messages.js checks who sent it and its size, then
// forwards the JSON text; every change goes through commands.hpp, so locks hold. Pure: no Emscripten.
#pragma once

#include <string>
#include <string_view>

#include "app.hpp"

namespace neurodrive::app {

struct MessageReply {
    std::string json;            // the reply to post back to the sender ("" = none)
    double subscribe_hz = -1.0;  // >= 0 when the sender asked for periodic state (0 = stop, else 0.1 - 30)
};

// Handles one message (JSON text of the posted object, at most kMaxJsonBytes). Never throws; unknown or malformed messages
// get {"type":"neurodrive:error","error":"..."}, refused commands an ack with ok:false and the reason
// (a lock, a bad name or value). An "id" field (string of at most 64 characters, or a finite number) is
// echoed back. The types NeuroDrive sends itself (error, ack, state, ready, xapi) get no reply at all.
// `may_subscribe` is false when the page already serves the most subscribers it allows (kMaxSubscribers);
// a new subscription is then refused with an error.
MessageReply handle_message(App& app, std::string_view json, bool may_subscribe = true);

// What the page does with a handled message: {"reply":<the reply object or null>,"subscribe_hz":x}.
std::string message_reply_json(const MessageReply& r);

// {"type":"neurodrive:state","time_s":..,"sim_day":..,"preset":..,"inputs":{..},"outputs":{..},...}: the
// app's state snapshot (app.hpp state_json, the one writer of the state) as a message.
std::string state_message(std::string_view snapshot_json);

}  // namespace neurodrive::app
