#include "server/static_files.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <system_error>

namespace nx::server {

namespace fs = std::filesystem;

namespace {

struct MimeRow {
  std::string_view extension;
  std::string_view type;
};
constexpr MimeRow kMime[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".wasm", "application/wasm"},
    {".json", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".ttf", "font/ttf"},
    {".otf", "font/otf"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// A request path is served only if every segment is an ordinary name: no "..", no hidden
// files, no backslashes or NULs that a filesystem might read differently than we do.
bool is_safe_relative(std::string_view rel) {
  if (rel.find('\\') != std::string_view::npos || rel.find('\0') != std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= rel.size()) {
    const std::size_t end = std::min(rel.find('/', start), rel.size());
    const std::string_view segment = rel.substr(start, end - start);
    if (segment.empty() || segment.front() == '.') return false;
    start = end + 1;
  }
  return true;
}

std::optional<std::uintmax_t> regular_file_size(const fs::path& p) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return std::nullopt;
  const auto size = fs::file_size(p, ec);
  if (ec) return std::nullopt;
  return size;
}

std::string etag_for(const fs::path& p, std::uintmax_t size) {
  std::error_code ec;
  const auto mtime = fs::last_write_time(p, ec);
  const auto ticks = ec ? 0ULL : static_cast<unsigned long long>(mtime.time_since_epoch().count());
  return "\"" + std::to_string(size) + "-" + std::to_string(ticks) + "\"";
}

}  // namespace

std::string_view content_type_for(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    const std::string_view ext = name.substr(dot);
    for (const MimeRow& row : kMime)
      if (iequals(row.extension, ext)) return row.type;
  }
  return "application/octet-stream";
}

AcceptedEncodings parse_accept_encoding(std::string_view header) {
  AcceptedEncodings accepted;
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    std::string_view coding = trim(item.substr(0, item.find(';')));
    bool refused = false;
    if (const std::size_t semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view param = trim(item.substr(semi + 1));
      if (param.substr(0, 2) == "q=") {
        const std::string_view q = trim(param.substr(2));
        refused = !q.empty() && q.find_first_not_of("0.") == std::string_view::npos;  // q=0, q=0.0
      }
    }
    if (refused) continue;
    if (iequals(coding, "br")) accepted.br = true;
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) accepted.gzip = true;
  }
  return accepted;
}

bool is_content_hashed(std::string_view name) {
  // name.HASH.ext where HASH is at least 8 hex digits
  const std::size_t last = name.rfind('.');
  if (last == std::string_view::npos || last == 0) return false;
  const std::size_t prev = name.rfind('.', last - 1);
  if (prev == std::string_view::npos) return false;
  const std::string_view hash = name.substr(prev + 1, last - prev - 1);
  return hash.size() >= 8 &&
         std::all_of(hash.begin(), hash.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

std::optional<StaticFile> StaticFiles::resolve(std::string_view url_path, std::string_view accept_encoding) const {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  std::string_view rel = url_path.substr(1);
  std::string rel_path = rel.empty() || rel.back() == '/' ? std::string(rel) + "index.html" : std::string(rel);
  if (!is_safe_relative(rel_path)) return std::nullopt;

  const fs::path original = root_ / rel_path;
  const auto original_size = regular_file_size(original);
  if (!original_size) return std::nullopt;

  StaticFile file;
  const std::string name = original.filename().string();
  file.content_type = std::string(content_type_for(name));
  file.cache_control = is_content_hashed(name) ? "public, max-age=31536000, immutable" : "no-cache";
  file.path = original;
  file.size = *original_size;

  const AcceptedEncodings accepted = parse_accept_encoding(accept_encoding);
  const std::pair<bool, std::string_view> variants[] = {{accepted.br, "br"}, {accepted.gzip, "gzip"}};
  for (const auto& [ok, encoding] : variants) {
    if (!ok) continue;
    const fs::path candidate = original.string() + (encoding == "br" ? ".br" : ".gz");
    if (const auto size = regular_file_size(candidate)) {
      file.path = candidate;
      file.size = *size;
      file.content_encoding = std::string(encoding);
      break;
    }
  }
  file.etag = etag_for(file.path, file.size);
  return file;
}

}  // namespace nx::server
