#pragma once
// Serving the app's static files safely and small: path checks (no way out of the root),
// precompressed variants (.br/.gz) chosen by Accept-Encoding, the right MIME type, and
// caching that lets hashed files live forever while index.html is always revalidated.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace nx::server {

struct StaticFile {
  std::filesystem::path path;   // the file to send (maybe the .br or .gz variant)
  std::string content_type;
  std::string content_encoding; // "br", "gzip" or empty
  std::string cache_control;
  std::string etag;             // quoted, changes whenever the file does
  std::uintmax_t size = 0;
};

// The MIME type for a file name by its extension; application/octet-stream if unknown.
std::string_view content_type_for(std::string_view file_name);

// Which of br / gzip / identity the client accepts, in our order of preference.
struct AcceptedEncodings {
  bool br = false;
  bool gzip = false;
};
AcceptedEncodings parse_accept_encoding(std::string_view header);

// True if `name` carries a content hash ("app.3f9a2c1d.js"), so it can be cached for a year.
bool is_content_hashed(std::string_view name);

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // The file for a request path ("/" means index.html), or nullopt when there is none or the
  // path tries to leave the root.
  std::optional<StaticFile> resolve(std::string_view url_path, std::string_view accept_encoding) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace nx::server
