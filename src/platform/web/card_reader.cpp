#include "platform/web/card_reader.h"

#include <emscripten.h>

#include <map>

#include "core/base64url.h"

namespace nx::platform {

namespace {
std::map<int, std::function<void(app::Signature)>> g_checks;
std::function<void(std::string)> g_scan_done;
int g_next = 1;
}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void nx_card_checked(int request, int result) {
  auto it = g_checks.find(request);
  if (it == g_checks.end()) return;
  auto done = std::move(it->second);
  g_checks.erase(it);
  done(result == 1    ? app::Signature::Valid
       : result == 0 ? app::Signature::Invalid
       : result == -2 ? app::Signature::Unsupported
                      : app::Signature::NoKey);
}

EMSCRIPTEN_KEEPALIVE void nx_qr_read(const char* text) {
  if (auto done = std::move(g_scan_done)) done(text ? text : "");
  g_scan_done = nullptr;
}
}

namespace {
// clang-format off
// The key lives in localStorage: a public value, read synchronously, kept across sign-outs.
EM_JS(void, nx_js_remember_card_key, (), {
  Module.nxFetchCardKey = function() {
    return fetch((Module.nxApiBase || "") + "/api/v1/card-key", {cache: "no-store"})
      .then(function(r) { return r.ok ? r.json() : null; })
      .then(function(j) {
        if (!j || typeof j.public_key !== "string") return null;
        try { localStorage.setItem("nuanxin-card-key", j.public_key); } catch (e) {}
        return j.public_key;
      })
      .catch(function() { return null; });
  };
  Module.nxFetchCardKey();
});

EM_JS(void, nx_js_check_card, (int request, const char* text_ptr, const char* sig_ptr), {
  var text = UTF8ToString(text_ptr), sig = UTF8ToString(sig_ptr);
  var bytes = function(b64url) {
    var s = b64url.split("-").join("+").split("_").join("/");
    while (s.length % 4) s += "=";
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  };
  var kept = null;
  try { kept = localStorage.getItem("nuanxin-card-key"); } catch (e) {}
  var key = kept ? Promise.resolve(kept) : (Module.nxFetchCardKey ? Module.nxFetchCardKey() : Promise.resolve(null));
  // -1: no key kept and none to fetch; -2: this browser has no Ed25519 in WebCrypto.
  key.then(function(k) {
    if (!k) { _nx_card_checked(request, -1); return; }
    if (!window.crypto || !crypto.subtle) { _nx_card_checked(request, -2); return; }
    return crypto.subtle.importKey("raw", bytes(k), {name: "Ed25519"}, false, ["verify"])
      .then(function(pub) {
        return crypto.subtle.verify({name: "Ed25519"}, pub, bytes(sig), new TextEncoder().encode(text))
          .then(function(ok) { _nx_card_checked(request, ok ? 1 : 0); });
      }, function() { _nx_card_checked(request, -2); });
  }).catch(function() { _nx_card_checked(request, 0); });
});

EM_JS(int, nx_js_camera_can_scan, (), {
  return (typeof BarcodeDetector !== "undefined" && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) ? 1 : 0;
});

// A full-screen video with a close button; frames go to the BarcodeDetector until a QR code reads.
EM_JS(void, nx_js_scan_qr, (const char* close_ptr), {
  var finish = function(text, layer, stream) {
    if (stream) stream.getTracks().forEach(function(t) { t.stop(); });
    if (layer) layer.remove();
    var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    _nx_qr_read(p);
    _free(p);
  };
  var layer = document.createElement("div");
  layer.style.cssText = "position:fixed;inset:0;background:#000;z-index:10;display:flex;align-items:center;justify-content:center";
  var video = document.createElement("video");
  video.setAttribute("playsinline", "");
  video.muted = true;
  video.style.cssText = "max-width:100%;max-height:100%";
  var close = document.createElement("button");
  close.textContent = UTF8ToString(close_ptr);
  close.style.cssText = "position:absolute;bottom:32px;left:50%;transform:translateX(-50%);font-size:18px;padding:12px 32px;border-radius:24px;border:0";
  layer.appendChild(video);
  layer.appendChild(close);
  document.body.appendChild(layer);
  var stream = null, done = false;
  close.onclick = function() { done = true; finish("", layer, stream); };
  navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}}).then(function(s) {
    stream = s;
    video.srcObject = s;
    return video.play();
  }).then(function() {
    var detector = new BarcodeDetector({formats: ["qr_code"]});
    var look = function() {
      if (done) return;
      detector.detect(video).then(function(codes) {
        if (codes.length && !done) { done = true; finish(codes[0].rawValue || "", layer, stream); }
        else setTimeout(look, 200);
      }).catch(function() { setTimeout(look, 400); });
    };
    look();
  }).catch(function() { if (!done) { done = true; finish("", layer, stream); } });
});
// clang-format on
}  // namespace

void remember_card_key() { nx_js_remember_card_key(); }

void check_card_signature(const std::string& signed_text, const std::string& signature,
                          std::function<void(app::Signature)> done) {
  const int request = g_next++;
  g_checks[request] = std::move(done);
  nx_js_check_card(request, signed_text.c_str(), base64url_encode(signature).c_str());
}

bool camera_can_scan() { return nx_js_camera_can_scan() != 0; }

void scan_qr(const std::string& close_label, std::function<void(std::string)> done) {
  g_scan_done = std::move(done);
  nx_js_scan_qr(close_label.c_str());
}

}  // namespace nx::platform
