// gl.hpp - the OpenGL API: OpenGL ES 3.0 (WebGL 2) in the browser, OpenGL 3.3 core natively.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#endif
