// web_bridge.hpp - everything that talks to JavaScript (exports for window.neurodrive). Only
// compiled into the browser build; main.cpp attaches the app once it exists.
#pragma once

#include "app.hpp"

namespace neurodrive::app {
// Applies the stored state, then the URL query (both validated), and keeps their reports.
void bridge_attach(App* app, const char* stored_query, const char* url_query);
void bridge_first_frames();  // tells the page the first frames are drawn
}  // namespace neurodrive::app
