// no_sdl_gl.cpp - keeps SDL's OpenGL ES (EGL) support out of the browser build. main.cpp makes the WebGL 2
// context itself (it needs preserveDrawingBuffer, which SDL cannot ask for) and opens its window without
// SDL_WINDOW_OPENGL, so SDL never loads EGL. But SDL's Emscripten video driver still references its EGL
// code, which references Emscripten's EGL emulation and, through eglGetProcAddress, a lookup table of
// every GL function. The web link wraps those entry points (-Wl,--wrap=..., src/app/CMakeLists.txt) with
// these stubs, which say "no OpenGL through SDL": the originals are then unreferenced and dropped
// (measured in docs/PERFORMANCE.md). Browser build only; plain C signatures (SDL's own: every pointer
// and handle is 32 bits in wasm32), no SDL header needed.
extern "C" {
int __wrap_Emscripten_GLES_LoadLibrary(void* /*video*/, const char* /*path*/) { return -1; }
void* __wrap_Emscripten_GLES_CreateContext(void* /*video*/, void* /*window*/) { return nullptr; }
int __wrap_Emscripten_GLES_SwapWindow(void* /*video*/, void* /*window*/) { return -1; }
int __wrap_Emscripten_GLES_MakeCurrent(void* /*video*/, void* /*window*/, void* /*context*/) { return -1; }
void* __wrap_SDL_EGL_GetProcAddress(void* /*video*/, const char* /*proc*/) { return nullptr; }
void __wrap_SDL_EGL_UnloadLibrary(void* /*video*/) {}
int __wrap_SDL_EGL_SetSwapInterval(void* /*video*/, int /*interval*/) { return -1; }
int __wrap_SDL_EGL_GetSwapInterval(void* /*video*/) { return 0; }
void __wrap_SDL_EGL_DeleteContext(void* /*video*/, void* /*context*/) {}
void* __wrap_SDL_EGL_CreateSurface(void* /*video*/, int /*native_window*/) { return nullptr; }
void __wrap_SDL_EGL_DestroySurface(void* /*video*/, void* /*surface*/) {}
}
