#include "platform/web/http.h"

#include <emscripten.h>

#include <map>

namespace nx::platform::http {

namespace {
int g_next = 1;
std::map<int, std::function<void(Response)>> g_pending;
std::function<void()> g_ready;
}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void nx_http_done(int request, int status, const char* body, int retry_after) {
  auto cb = std::move(g_pending[request]);
  g_pending.erase(request);
  if (cb) cb(Response{status, body ? body : "", retry_after});
}

EMSCRIPTEN_KEEPALIVE void nx_http_configured() {
  if (g_ready) g_ready();
}
}

// clang-format off
EM_JS(void, nx_js_http_configure, (), {
  Module.nxApiBase = "";
  fetch('config.json', {cache: 'no-cache'})
    .then(function(r) { return r.ok ? r.json() : {}; })
    .then(function(c) {
      if (!c || typeof c.api !== 'string') return;
      var base = c.api;
      while (base.length && base.charAt(base.length - 1) === '/') base = base.slice(0, -1);
      Module.nxApiBase = base;
    })
    .catch(function() {})
    .then(function() { _nx_http_configured(); });
});

EM_JS(void, nx_js_http_request, (int request, const char* method_ptr, const char* path_ptr, const char* body_ptr,
                                 const char* token_ptr), {
  var method = UTF8ToString(method_ptr), path = UTF8ToString(path_ptr);
  var body = UTF8ToString(body_ptr), token = UTF8ToString(token_ptr);
  var headers = {};
  if (token) headers['Authorization'] = 'Bearer ' + token;
  if (body) headers['Content-Type'] = 'application/json';
  var ctl = typeof AbortController !== 'undefined' ? new AbortController() : null;
  var timer = setTimeout(function() { if (ctl) ctl.abort(); }, 30000);
  var finish = function(status, text, retry) {
    clearTimeout(timer);
    var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    _nx_http_done(request, status, p, retry);
    _free(p);
  };
  fetch((Module.nxApiBase || "") + path, {method: method, headers: headers, body: body || undefined,
                                          cache: 'no-store', signal: ctl ? ctl.signal : undefined})
    .then(function(r) {
      var retry = parseInt(r.headers.get('Retry-After') || '0', 10) || 0;
      return r.text().then(function(t) { finish(r.status, t, retry); });
    })
    .catch(function() { finish(0, "", 0); });
});
// clang-format on

void configure(std::function<void()> ready) {
  g_ready = std::move(ready);
  nx_js_http_configure();
}

void request(const std::string& method, const std::string& path, const std::string& body, const std::string& token,
             std::function<void(Response)> done) {
  const int request = g_next++;
  g_pending[request] = std::move(done);
  nx_js_http_request(request, method.c_str(), path.c_str(), body.c_str(), token.c_str());
}

}  // namespace nx::platform::http
