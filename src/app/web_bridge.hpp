// web_bridge.hpp - everything that talks to JavaScript (exports for window.neurodrive, the host-page
// protocol, the mirror, persistence). Only compiled into the browser build; main.cpp attaches the app
// once it exists.
#pragma once

#include "app.hpp"

namespace neurodrive::app {
// Reads the start-up texts from the page (through the heap, length-checked in app.js): the browser
// environment, the URL query and - when persistence applies - the stored state; applies them in that
// order and keeps their reports for app.js (nd_config_json).
void bridge_attach(App* app);
void bridge_first_frames();  // tells the page the first frames are drawn
void bridge_no_webgl();      // tells the page no WebGL 2 context could be made (it says so, not a black canvas)
// Compact mode's "Full view": the page opens this same scenario (the share link) in a new tab.
void bridge_open_full_view(const App& app);
// How the bridge draws a frame at once (nd_draw_now: the picture export reads the canvas right after).
void bridge_set_draw_now(void (*draw)(void* user), void* user);
}  // namespace neurodrive::app
