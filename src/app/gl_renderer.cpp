// gl_renderer.cpp - draws ImGui draw lists (gl_renderer.hpp). The shader and vertex layout are those of
// Dear ImGui's OpenGL3 backend (Omar Cornut, MIT licence; backends/imgui_impl_opengl3.cpp of 1.86), so a
// frame looks the same; what differs is that state is set, never queried and restored.
#include "gl_renderer.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <string>

#include "gl.hpp"

namespace neurodrive::app {
namespace {

// The GL state as the renderer last set it. The renderer is the app's only GL user, so a call that would
// set what is already set is skipped without asking the GL: in the browser every call is a command the
// GPU process decodes, and a frame of passes set the same state dozens of times (docs/PERFORMANCE.md).
struct GlState {
    bool fixed = false;              // program, vertex array, blend equation and enables (set once)
    GLint fbo = -1;
    GLint viewport[4] = {-1, -1, -1, -1}, scissor[4] = {-1, -1, -1, -1};
    GLuint texture = ~0u;
    int blend = -1;                  // 0: straight alpha (ImGui's), 1: premultiplied colour
    float ortho[16] = {};
    bool ortho_set = false;
    float clear[4] = {-1.0f, -1.0f, -1.0f, -1.0f};
};

struct Renderer {
    GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font_texture = 0;
    GLint proj_location = -1, texture_location = -1;
    GLsizeiptr vbo_bytes = 0, ebo_bytes = 0;
    GLint max_texture_px = 0;
    GlState gl;
};

Renderer& renderer() {
    static Renderer r;
    return r;
}

const char* const kVertexShader =
    "precision highp float;\n"
    "layout (location = 0) in vec2 Position;\n"
    "layout (location = 1) in vec2 UV;\n"
    "layout (location = 2) in vec4 Color;\n"
    "uniform mat4 ProjMtx;\n"
    "out vec2 Frag_UV;\n"
    "out vec4 Frag_Color;\n"
    "void main() { Frag_UV = UV; Frag_Color = Color; gl_Position = ProjMtx * vec4(Position.xy, 0, 1); }\n";
const char* const kFragmentShader =
    "precision mediump float;\n"
    "uniform sampler2D Texture;\n"
    "in vec2 Frag_UV;\n"
    "in vec4 Frag_Color;\n"
    "layout (location = 0) out vec4 Out_Color;\n"
    "void main() { Out_Color = Frag_Color * texture(Texture, Frag_UV.st); }\n";

GLuint compile(GLenum type, const std::string& source) {
    const GLuint shader = glCreateShader(type);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "neurodrive: the %s shader did not compile: %s\n", type == GL_VERTEX_SHADER ? "vertex" : "fragment", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

void bind_framebuffer(GLuint fbo) {
    GlState& g = renderer().gl;
    if (g.fbo == static_cast<GLint>(fbo)) return;
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    g.fbo = static_cast<GLint>(fbo);
}

// Records the box [x, y, w, h] in `cached`; false when it was already there (nothing to set).
bool changed_box(GLint (&cached)[4], GLint x, GLint y, GLsizei w, GLsizei h) {
    if (cached[0] == x && cached[1] == y && cached[2] == w && cached[3] == h) return false;
    cached[0] = x, cached[1] = y, cached[2] = w, cached[3] = h;
    return true;
}
void set_viewport(GLint x, GLint y, GLsizei w, GLsizei h) { if (changed_box(renderer().gl.viewport, x, y, w, h)) glViewport(x, y, w, h); }
void set_scissor(GLint x, GLint y, GLsizei w, GLsizei h) { if (changed_box(renderer().gl.scissor, x, y, w, h)) glScissor(x, y, w, h); }

void bind_texture(GLuint texture) {
    GlState& g = renderer().gl;
    if (g.texture == texture) return;
    glBindTexture(GL_TEXTURE_2D, texture);
    g.texture = texture;
}

void set_blend(int blend) {
    GlState& g = renderer().gl;
    if (g.blend == blend) return;
    if (blend == 0) glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    else glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    g.blend = blend;
}

// What never changes between draws, set once per context: the program and its texture unit, the vertex
// array (which holds the index buffer) and vertex buffer, blending as ImGui's backend sets it, scissor on.
void set_fixed_state() {
    Renderer& r = renderer();
    if (r.gl.fixed) return;
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(r.program);
    glUniform1i(r.texture_location, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.ebo);
    r.gl.fixed = true;
}

// The state every draw needs: the fixed state, ImGui's blending, the target's framebuffer and projection.
void set_state(const DrawTarget& t) {
    Renderer& r = renderer();
    set_fixed_state();
    set_blend(0);
    bind_framebuffer(t.fbo);
    set_viewport(0, 0, t.width_px, t.height_px);
    const float l = t.origin.x, rgt = t.origin.x + static_cast<float>(t.width_px) / t.scale.x;
    const float top = t.origin.y, b = t.origin.y + static_cast<float>(t.height_px) / t.scale.y;
    const float ortho[16] = {
        2.0f / (rgt - l), 0.0f, 0.0f, 0.0f,
        0.0f, 2.0f / (top - b), 0.0f, 0.0f,
        0.0f, 0.0f, -1.0f, 0.0f,
        (rgt + l) / (l - rgt), (top + b) / (b - top), 0.0f, 1.0f,
    };
    if (r.gl.ortho_set && std::equal(ortho, ortho + 16, r.gl.ortho)) return;
    glUniformMatrix4fv(r.proj_location, 1, GL_FALSE, ortho);
    std::copy(ortho, ortho + 16, r.gl.ortho);
    r.gl.ortho_set = true;
}

// Uploads a list's vertices and indices, growing the buffers when needed.
void upload(const ImDrawList* dl) {
    Renderer& r = renderer();
    const auto vtx_bytes = static_cast<GLsizeiptr>(dl->VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert));
    const auto idx_bytes = static_cast<GLsizeiptr>(dl->IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx));
    if (r.vbo_bytes < vtx_bytes) glBufferData(GL_ARRAY_BUFFER, r.vbo_bytes = vtx_bytes, nullptr, GL_STREAM_DRAW);
    if (r.ebo_bytes < idx_bytes) glBufferData(GL_ELEMENT_ARRAY_BUFFER, r.ebo_bytes = idx_bytes, nullptr, GL_STREAM_DRAW);
    glBufferSubData(GL_ARRAY_BUFFER, 0, vtx_bytes, dl->VtxBuffer.Data);
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, idx_bytes, dl->IdxBuffer.Data);
}

ImVec4 intersect(const ImVec4& a, const ImVec4& b) { return ImVec4(std::max(a.x, b.x), std::max(a.y, b.y), std::min(a.z, b.z), std::min(a.w, b.w)); }
bool empty(const ImVec4& r) { return r.z <= r.x || r.w <= r.y; }

// Draws one command clipped to its clip rectangle within the target's limit.
void draw_command(const ImDrawCmd& cmd, const DrawTarget& t) {
    const ImVec4 clip = intersect(cmd.ClipRect, t.limit);
    if (empty(clip)) return;
    const float x0 = (clip.x - t.origin.x) * t.scale.x, y0 = (clip.y - t.origin.y) * t.scale.y;
    const float x1 = (clip.z - t.origin.x) * t.scale.x, y1 = (clip.w - t.origin.y) * t.scale.y;
    if (x1 <= x0 || y1 <= y0) return;
    set_scissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(t.height_px) - y1), static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
    bind_texture(static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(static_cast<std::intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
}

// Whether any command of the list draws inside the limit.
bool reaches(const ImDrawList* dl, const ImVec4& limit) {
    for (const ImDrawCmd& cmd : dl->CmdBuffer)
        if (!cmd.UserCallback && !empty(intersect(cmd.ClipRect, limit))) return true;
    return false;
}

}  // namespace

bool renderer_init(const char* glsl_version) {
    Renderer& r = renderer();
    const std::string head = std::string(glsl_version) + "\n";
    const GLuint vs = compile(GL_VERTEX_SHADER, head + kVertexShader), fs = compile(GL_FRAGMENT_SHADER, head + kFragmentShader);
    if (!vs || !fs) return false;
    r.program = glCreateProgram();
    glAttachShader(r.program, vs);
    glAttachShader(r.program, fs);
    glLinkProgram(r.program);
    glDetachShader(r.program, vs);
    glDetachShader(r.program, fs);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(r.program, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::fprintf(stderr, "neurodrive: the shader program did not link\n");
        return false;
    }
    r.texture_location = glGetUniformLocation(r.program, "Texture");
    r.proj_location = glGetUniformLocation(r.program, "ProjMtx");
    glGenVertexArrays(1, &r.vao);
    glGenBuffers(1, &r.vbo);
    glGenBuffers(1, &r.ebo);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vbo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    r.vbo_bytes = r.ebo_bytes = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &r.max_texture_px);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "neurodrive_gl";
    return true;
}

int renderer_max_texture_px() { return renderer().max_texture_px; }

void renderer_upload_fonts() {
    Renderer& r = renderer();
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    if (r.font_texture) renderer_delete_target(r.font_texture, 0);
    glGenTextures(1, &r.font_texture);
    bind_texture(r.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(r.font_texture)));
}

int renderer_draw(ImDrawList* const* lists, int n, const DrawTarget& t) {
    if (t.width_px <= 0 || t.height_px <= 0 || !renderer().program) return 0;
    set_state(t);
    int vertices = 0;
    for (int i = 0; i < n; ++i) {
        const ImDrawList* dl = lists[i];
        if (dl->VtxBuffer.Size == 0 || !reaches(dl, t.limit)) continue;
        upload(dl);
        vertices += dl->VtxBuffer.Size;
        for (const ImDrawCmd& cmd : dl->CmdBuffer) {
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState) set_state(t);
            else if (cmd.UserCallback) cmd.UserCallback(dl, &cmd);
            else draw_command(cmd, t);
        }
    }
    return vertices;
}

void renderer_blend_premultiplied(const ImDrawList*, const ImDrawCmd*) { set_blend(1); }

void renderer_clear(std::uint32_t fbo, int x, int y, int w, int h, const float rgba[4]) {
    GlState& g = renderer().gl;
    set_fixed_state();
    bind_framebuffer(fbo);
    set_scissor(x, y, w, h);
    if (!std::equal(rgba, rgba + 4, g.clear)) {
        glClearColor(rgba[0], rgba[1], rgba[2], rgba[3]);
        std::copy(rgba, rgba + 4, g.clear);
    }
    glClear(GL_COLOR_BUFFER_BIT);
}

bool renderer_make_target(int w, int h, std::uint32_t* texture, std::uint32_t* fbo) {
    GLuint tex = 0, fb = 0;
    glGenTextures(1, &tex);
    bind_texture(tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &fb);
    bind_framebuffer(fb);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    *texture = tex;
    *fbo = fb;
    return tex && fb;
}

void renderer_delete_target(std::uint32_t texture, std::uint32_t fbo) {
    GlState& g = renderer().gl;
    // Deleting what is bound binds 0 in its place.
    if (fbo) {
        glDeleteFramebuffers(1, &fbo);
        if (g.fbo == static_cast<GLint>(fbo)) g.fbo = 0;
    }
    if (texture) {
        glDeleteTextures(1, &texture);
        if (g.texture == texture) g.texture = 0;
    }
}

void renderer_copy_to_window(std::uint32_t from, int x, int y, int w, int h) {
    set_scissor(x, y, w, h);  // a blit is clipped by the scissor too
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(x, y, x + w, y + h, x, y, x + w, y + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    renderer().gl.fbo = 0;
}

void renderer_forget() { renderer() = Renderer{}; }

void renderer_shutdown() {
    Renderer& r = renderer();
    if (r.font_texture) renderer_delete_target(r.font_texture, 0);
    if (r.vbo) glDeleteBuffers(1, &r.vbo);
    if (r.ebo) glDeleteBuffers(1, &r.ebo);
    if (r.vao) glDeleteVertexArrays(1, &r.vao);
    if (r.program) glDeleteProgram(r.program);
    r = Renderer{};
}

}  // namespace neurodrive::app
