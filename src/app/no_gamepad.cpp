// no_gamepad.cpp - keeps SDL's joystick, game controller, haptic and sensor code out of the browser build
// (measured in docs/PERFORMANCE.md). NeuroDrive never initialises those subsystems (main.cpp: SDL_Init
// with VIDEO | TIMER only) and does not enable ImGui's gamepad navigation, but SDL_InitSubSystem,
// SDL_PumpEvents and ImGui's SDL backend reference them, so the linker keeps SDL's controller mapping
// database and the Emscripten gamepad driver. The web link wraps those entry points
// (-Wl,--wrap=..., src/app/CMakeLists.txt) with these stubs, which say "no device": the originals are then
// unreferenced and dropped. Browser build only; plain C signatures, no SDL header needed.
#include <cstdint>

extern "C" {
int __wrap_SDL_JoystickInit() { return -1; }        // never called: the subsystem is not initialised
void __wrap_SDL_JoystickQuit() {}
void __wrap_SDL_JoystickUpdate() {}                  // SDL_PumpEvents: there is no joystick to poll
int __wrap_SDL_JoystickEventState(int /*state*/) { return 0; }  // SDL_IGNORE
int __wrap_SDL_GameControllerInit() { return -1; }
void __wrap_SDL_GameControllerQuit() {}
void* __wrap_SDL_GameControllerOpen(int /*joystick_index*/) { return nullptr; }  // ImGui's backend: no pad
std::uint8_t __wrap_SDL_GameControllerGetButton(void* /*pad*/, int /*button*/) { return 0; }
std::int16_t __wrap_SDL_GameControllerGetAxis(void* /*pad*/, int /*axis*/) { return 0; }
int __wrap_SDL_HapticInit() { return -1; }
void __wrap_SDL_HapticQuit() {}
int __wrap_SDL_SensorInit() { return -1; }
void __wrap_SDL_SensorQuit() {}
void __wrap_SDL_SensorUpdate() {}
}
