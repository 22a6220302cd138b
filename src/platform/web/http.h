#pragma once
// Requests to the sync server with fetch. The API's base URL comes from config.json beside
// index.html ({"api": "https://..."}), so the app and the server can live on different hosts;
// without it, the app's own origin.
#include <functional>
#include <string>

namespace nx::platform::http {

struct Response {
  int status = 0;         // 0: no answer (offline, refused, timed out)
  std::string body;
  int retry_after_s = 0;  // Retry-After, when sent
};

// Reads config.json once; calls `ready` when the base URL is known (or defaulted).
void configure(std::function<void()> ready);

// `token` empty: no Authorization header. Times out after 30 s.
void request(const std::string& method, const std::string& path, const std::string& body, const std::string& token,
             std::function<void(Response)> done);

}  // namespace nx::platform::http
