#include "platform/web/text_input.h"

#include <emscripten.h>
#include <imgui.h>

#include <string>

#include "platform/web/frame_loop.h"
#include "platform/web/ui_scale.h"

namespace nx::platform {

namespace {

struct ImeState {
  bool want = false;
  float x = 0, y = 0, line = 0;
};
ImeState g_ime;
std::string g_clipboard;

// The keys the textarea forwards, numbered as text_input.js sends them.
constexpr ImGuiKey kKeys[] = {ImGuiKey_None,      ImGuiKey_Backspace, ImGuiKey_Delete,     ImGuiKey_Enter,
                              ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_Home,      ImGuiKey_End,
                              ImGuiKey_Tab,       ImGuiKey_Escape,    ImGuiKey_UpArrow,    ImGuiKey_DownArrow,
                              ImGuiKey_A,         ImGuiKey_C,         ImGuiKey_V,          ImGuiKey_X,
                              ImGuiKey_Z};

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
  g_ime.want = data->WantVisible;
  g_ime.x = ui_to_css(data->InputPos.x);  // the textarea sits in the page: CSS px
  g_ime.y = ui_to_css(data->InputPos.y);
  g_ime.line = ui_to_css(data->InputLineHeight);
}

void set_clipboard(void*, const char* text) {
  g_clipboard = text ? text : "";
  // clang-format off
  EM_ASM({
    var t = UTF8ToString($0);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function() {});
  }, g_clipboard.c_str());
  // clang-format on
}

const char* get_clipboard(void*) { return g_clipboard.c_str(); }

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void nx_text_insert(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  request_frames(2);
}

EMSCRIPTEN_KEEPALIVE void nx_text_key(int key, int ctrl) {
  if (key <= 0 || key >= static_cast<int>(std::size(kKeys))) return;
  ImGuiIO& io = ImGui::GetIO();
  // A press and its release in one go: imgui's input queue plays them a frame apart.
  if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
  io.AddKeyEvent(kKeys[key], true);
  io.AddKeyEvent(kKeys[key], false);
  if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
  request_frames(3);
}

// The textarea lost focus by itself (the person closed the keyboard): leave the field too.
EMSCRIPTEN_KEEPALIVE void nx_text_blurred() {
  if (g_ime.want) {
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
    request_frames(3);
  }
}
}

// clang-format off
EM_JS(void, nx_js_text_input_install, (), {
  var ta = document.createElement('textarea');
  ta.id = 'nx-text-input';
  ta.setAttribute('autocomplete', 'off');
  ta.setAttribute('autocorrect', 'off');
  ta.setAttribute('autocapitalize', 'off');
  ta.setAttribute('spellcheck', 'false');
  ta.setAttribute('aria-hidden', 'true');
  ta.tabIndex = -1;
  document.body.appendChild(ta);
  var composing = false;
  var send = function(text) {
    if (!text) return;
    var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    _nx_text_insert(p);
    _free(p);
  };
  var KEY = {Backspace: 1, Delete: 2, Enter: 3, ArrowLeft: 4, ArrowRight: 5, Home: 6, End: 7, Tab: 8,
             Escape: 9, ArrowUp: 10, ArrowDown: 11};
  var CTRL = {a: 12, c: 13, v: 14, x: 15, z: 16};
  ta.addEventListener('keydown', function(e) {
    if (composing || e.isComposing || e.keyCode === 229) return;  // the IME owns these keys
    var ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && CTRL[e.key.toLowerCase()] && e.key.toLowerCase() !== 'v') {
      _nx_text_key(CTRL[e.key.toLowerCase()], 1);
      e.preventDefault();
      return;
    }
    if (KEY[e.key]) {
      _nx_text_key(KEY[e.key], 0);
      e.preventDefault();
    }
  });
  // Text arrives through beforeinput: typed characters, soft-keyboard deletes and line breaks.
  ta.addEventListener('beforeinput', function(e) {
    if (composing || e.inputType === 'insertCompositionText') return;
    if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText') send(e.data);
    else if (e.inputType === 'deleteContentBackward') _nx_text_key(1, 0);
    else if (e.inputType === 'deleteContentForward') _nx_text_key(2, 0);
    else if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') _nx_text_key(3, 0);
    else return;
    e.preventDefault();
  });
  // Browsers without beforeinput for some paths (and synthetic events) still fire input.
  ta.addEventListener('input', function(e) {
    if (composing) return;
    if (ta.value) { send(ta.value); ta.value = ""; }
  });
  ta.addEventListener('compositionstart', function() { composing = true; ta.classList.add('composing'); });
  ta.addEventListener('compositionend', function(e) {
    composing = false;
    ta.classList.remove('composing');
    send(e.data);  // only the committed text: the pinyin typed on the way never reaches the field
    ta.value = "";
  });
  ta.addEventListener('paste', function(e) {
    var text = (e.clipboardData || window.clipboardData).getData('text');
    send(text);
    e.preventDefault();
  });
  ta.addEventListener('cut', function(e) { _nx_text_key(15, 1); e.preventDefault(); });
  ta.addEventListener('copy', function(e) { _nx_text_key(13, 1); e.preventDefault(); });
  ta.addEventListener('blur', function() { if (!Module.nxTextWanted) return; _nx_text_blurred(); });
  Module.nxTextArea = ta;

  // iOS opens the keyboard only for a focus() inside the touch handler itself: when a touch
  // ends on a text field of the last frame, focus right there.
  var canvas = document.getElementById('canvas');
  canvas.addEventListener('touchend', function(e) {
    var t = e.changedTouches[0];
    if (!t || !window.nuanxin) return;
    var r = canvas.getBoundingClientRect(), x = t.clientX - r.left, y = t.clientY - r.top;
    var hit = window.nuanxin.widgets().some(function(w) {
      return w.role === 'input' && x >= w.x && x <= w.x + w.w && y >= w.y && y <= w.y + w.h;
    });
    if (hit) ta.focus({preventScroll: true});
  }, {passive: true});
});

EM_JS(void, nx_js_text_input_sync, (int want, float x, float y, float line, int keyboard), {
  var ta = Module.nxTextArea;
  Module.nxTextWanted = !!want;
  if (!ta) return;
  if (want) {
    // At the caret, so the IME's candidate window and the composing text appear there.
    ta.style.left = x + 'px';
    ta.style.top = y + 'px';
    ta.style.height = Math.max(line, 16) + 'px';
    var mode = keyboard === 1 || keyboard === 3 ? 'numeric' : keyboard === 2 ? 'tel' : 'text';
    if (ta.getAttribute('inputmode') !== mode) ta.setAttribute('inputmode', mode);
    if (document.activeElement !== ta) ta.focus({preventScroll: true});
  } else if (document.activeElement === ta) {
    ta.blur();  // the field was left: the keyboard closes
  }
});
// clang-format on

void text_input_install() {
  ImGuiIO& io = ImGui::GetIO();
  io.SetPlatformImeDataFn = set_ime_data;
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  nx_js_text_input_install();
}

void text_input_sync(nx::ui::Keyboard keyboard) {
  static ImeState last;
  static nx::ui::Keyboard last_keyboard = nx::ui::Keyboard::Text;
  const bool same = last.want == g_ime.want && last.x == g_ime.x && last.y == g_ime.y && keyboard == last_keyboard;
  if (same) return;
  last = g_ime;
  last_keyboard = keyboard;
  nx_js_text_input_sync(g_ime.want ? 1 : 0, g_ime.x, g_ime.y, g_ime.line, static_cast<int>(keyboard));
}

}  // namespace nx::platform
