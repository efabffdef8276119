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

struct Renderer {
    GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font_texture = 0;
    GLint proj_location = -1, texture_location = -1;
    GLsizeiptr vbo_bytes = 0, ebo_bytes = 0;
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

// The state every draw needs: alpha blending as ImGui's backend sets it, scissor on, nothing else.
void set_state(const DrawTarget& t) {
    const Renderer& r = renderer();
    glBindFramebuffer(GL_FRAMEBUFFER, t.fbo);
    glViewport(0, 0, t.width_px, t.height_px);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    const float l = t.origin.x, rgt = t.origin.x + static_cast<float>(t.width_px) / t.scale.x;
    const float top = t.origin.y, b = t.origin.y + static_cast<float>(t.height_px) / t.scale.y;
    const float ortho[4][4] = {
        {2.0f / (rgt - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (top - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(rgt + l) / (l - rgt), (top + b) / (b - top), 0.0f, 1.0f},
    };
    glUseProgram(r.program);
    glUniform1i(r.texture_location, 0);
    glUniformMatrix4fv(r.proj_location, 1, GL_FALSE, &ortho[0][0]);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.ebo);
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
    glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(t.height_px) - y1), static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
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
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "neurodrive_gl";
    return true;
}

void renderer_upload_fonts() {
    Renderer& r = renderer();
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    if (r.font_texture) glDeleteTextures(1, &r.font_texture);
    glGenTextures(1, &r.font_texture);
    glBindTexture(GL_TEXTURE_2D, r.font_texture);
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
    glDisable(GL_SCISSOR_TEST);
    return vertices;
}

void renderer_copy_to_window(std::uint32_t from, int x, int y, int w, int h) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    glBlitFramebuffer(x, y, x + w, y + h, x, y, x + w, y + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void renderer_forget() { renderer() = Renderer{}; }

void renderer_shutdown() {
    Renderer& r = renderer();
    if (r.font_texture) glDeleteTextures(1, &r.font_texture);
    if (r.vbo) glDeleteBuffers(1, &r.vbo);
    if (r.ebo) glDeleteBuffers(1, &r.ebo);
    if (r.vao) glDeleteVertexArrays(1, &r.vao);
    if (r.program) glDeleteProgram(r.program);
    r = Renderer{};
}

}  // namespace neurodrive::app
