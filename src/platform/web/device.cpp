#include "platform/web/device.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include "app/card_check.h"
#include "core/civil_time.h"
#include "core/membership/card.h"
#include "platform/web/card_reader.h"
#include "platform/web/frame_loop.h"

namespace nx::platform {

extern "C" EMSCRIPTEN_KEEPALIVE void nx_located(void* device, int ok, double lat, double lng) {
  static_cast<WebDevice*>(device)->on_located(ok != 0, lat, lng);
}

namespace {
// clang-format off
// A fix up to a minute old is fine for "which station is nearest"; a rider on the move gets a
// fresh one by tapping again. The browser asks the person the first time.
EM_JS(void, nx_js_locate, (void* device), {
  if (!navigator.geolocation) { _nx_located(device, 0, 0, 0); return; }
  navigator.geolocation.getCurrentPosition(
    function(p) { _nx_located(device, 1, p.coords.latitude, p.coords.longitude); },
    function() { _nx_located(device, 0, 0, 0); },
    {enableHighAccuracy: false, timeout: 15000, maximumAge: 60000});
});

// A file the person downloads, made in the page: nothing goes to a server.
EM_JS(void, nx_js_download, (const char* name_ptr, const char* type_ptr, const char* data_ptr), {
  var blob = new Blob([UTF8ToString(data_ptr)], {type: UTF8ToString(type_ptr)});
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name_ptr);
  document.body.appendChild(a);
  a.click();
  setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

// An <a> clicked in the page: tel: goes to the dialler, https: opens beside the app (the map
// app takes it over where installed), and the app's own page stays where it was.
EM_JS(void, nx_js_open_url, (const char* url), {
  var a = document.createElement('a');
  a.href = UTF8ToString(url);
  if (a.protocol !== 'tel:') { a.target = '_blank'; a.rel = 'noopener'; }
  window.nuanxinOpened = a.href;
  document.body.appendChild(a);
  a.click();
  a.remove();
});
// A preference of this browser, not data of a person: localStorage, read synchronously at start.
EM_JS(int, nx_js_welcome_seen, (), {
  try { return localStorage.getItem("nuanxin-welcomed") === "1" ? 1 : 0; } catch (e) { return 0; }
});
EM_JS(void, nx_js_remember_welcome, (), {
  try { localStorage.setItem("nuanxin-welcomed", "1"); } catch (e) {}
});
EM_JS(int, nx_js_text_size, (), {
  try { return Number(localStorage.getItem("nuanxin-text-size")) || 0; } catch (e) { return 0; }
});
EM_JS(void, nx_js_remember_text_size, (int size), {
  try { localStorage.setItem("nuanxin-text-size", String(size)); } catch (e) {}
});
// clang-format on
}  // namespace

void WebDevice::locate() {
  state_.stations.locating = true;
  state_.stations.locate_failed = false;
  nx_js_locate(this);
}

void WebDevice::on_located(bool ok, double lat, double lng) {
  state_.stations.locating = false;
  state_.stations.locate_failed = !ok;
  if (ok) state_.stations.here = app::Place{lat, lng, ""};
  request_frames();
}

void WebDevice::open_url(const std::string& url) { nx_js_open_url(url.c_str()); }

void download_file(const std::string& name, const std::string& type, const std::string& data) {
  nx_js_download(name.c_str(), type.c_str(), data.c_str());
}

void WebDevice::download(const std::string& name, const std::string& type, const std::string& data) {
  download_file(name, type, data);
}

std::int64_t WebDevice::now_ms() const { return static_cast<std::int64_t>(emscripten_date_now()); }

bool WebDevice::welcome_seen() const { return nx_js_welcome_seen() != 0; }
void WebDevice::remember_welcome_seen() { nx_js_remember_welcome(); }
app::TextSize WebDevice::text_size() const {
  const int stored = nx_js_text_size();
  return stored == 2 ? app::TextSize::Larger : stored == 1 ? app::TextSize::Large : app::TextSize::Standard;
}
void WebDevice::remember_text_size(app::TextSize size) { nx_js_remember_text_size(static_cast<int>(size)); }

void WebDevice::check_card(const std::string& text) {
  app::CheckView& check = state_.check;
  check.card_checked = text;
  check.card_member_no.clear();
  check.card_valid_until.clear();
  const auto card = membership::parse_card(text);
  if (!card) {
    check.card = app::CardVerdict::Unreadable;
    return;
  }
  check.card = app::CardVerdict::Checking;
  check_card_signature(card->signed_text, card->signature, [this, text, card = *card](app::Signature signature) {
    app::CheckView& c = state_.check;
    if (c.card_checked != text) return;  // another card was read meanwhile
    const std::string today = civil::format_date(civil::to_china_local(now_ms()).date);
    c.card = app::card_verdict(card, signature, today);
    c.card_member_no = card.claims.member_no;
    c.card_valid_until = card.claims.valid_until;
    request_frames();
  });
}

bool WebDevice::can_scan() const { return camera_can_scan(); }

void WebDevice::scan_card(const std::string& close_label) {
  state_.check.scanning = true;
  scan_qr(close_label, [this](std::string text) {
    state_.check.scanning = false;
    if (!text.empty()) state_.check.number = text;
    request_frames();
  });
}

}  // namespace nx::platform
