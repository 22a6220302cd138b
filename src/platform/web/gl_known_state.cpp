// The Dear ImGui backend saves the GL state before it draws and puts it back after (about twenty
// glGetIntegerv and glIsEnabled calls a frame). In WebGL each one is a getParameter or
// isEnabled that waits for the GPU process to answer: 4 ms of every 11 ms frame while a finger
// scrolled 待办 in headless Chromium (profiled through CDP), and the same blocking round trips
// on a phone (MDN's WebGL best practices: no getParameter while drawing). Nothing else draws
// with this context and the backend restores what it saved, so the state it finds at each frame
// is what it found the first time: the first answer to each question is asked of WebGL and
// kept. cmake/imgui.cmake points the backend's two queries here.
#include <GLES3/gl3.h>

#include <array>
#include <map>

extern "C" void nx_gl_known_integerv(GLenum pname, GLint* data) {
  // Four values at most (GL_VIEWPORT, GL_SCISSOR_BOX); one for the rest.
  static std::map<GLenum, std::array<GLint, 4>> known;
  auto it = known.find(pname);
  if (it == known.end()) {
    std::array<GLint, 4> values{};
    glGetIntegerv(pname, values.data());
    it = known.emplace(pname, values).first;
  }
  const int count = pname == GL_VIEWPORT || pname == GL_SCISSOR_BOX ? 4 : 1;
  for (int i = 0; i < count; ++i) data[i] = it->second[static_cast<std::size_t>(i)];
}

extern "C" GLboolean nx_gl_known_is_enabled(GLenum cap) {
  static std::map<GLenum, GLboolean> known;
  auto it = known.find(cap);
  if (it == known.end()) it = known.emplace(cap, glIsEnabled(cap)).first;
  return it->second;
}
