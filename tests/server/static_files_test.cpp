#include "server/static_files.h"

#include <doctest/doctest.h>

#include "temp_dir.h"

using namespace nx::server;

TEST_CASE("content types by extension") {
  CHECK(content_type_for("nuanxin.wasm") == "application/wasm");
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("nuanxin.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("manifest.webmanifest") == "application/manifest+json");
  CHECK(content_type_for("ICON.SVG") == "image/svg+xml");
  CHECK(content_type_for("README") == "application/octet-stream");
}

TEST_CASE("Accept-Encoding parsing honours q=0") {
  auto a = parse_accept_encoding("gzip, deflate, br");
  CHECK(a.br);
  CHECK(a.gzip);
  a = parse_accept_encoding("br;q=0, gzip;q=0.8");
  CHECK_FALSE(a.br);
  CHECK(a.gzip);
  a = parse_accept_encoding("identity");
  CHECK_FALSE(a.br);
  CHECK_FALSE(a.gzip);
  a = parse_accept_encoding("");
  CHECK_FALSE(a.gzip);
}

TEST_CASE("content-hashed names are recognised") {
  CHECK(is_content_hashed("nuanxin.3f9a2c1d.wasm"));
  CHECK(is_content_hashed("app.0123456789abcdef.js"));
  CHECK_FALSE(is_content_hashed("nuanxin.wasm"));
  CHECK_FALSE(is_content_hashed("index.html"));
  CHECK_FALSE(is_content_hashed("a.notahash1.js"));
}

TEST_CASE("resolve picks the smallest variant the client accepts") {
  nx::test::TempDir dir;
  dir.write("index.html", "<!doctype html>");
  dir.write("nuanxin.wasm", std::string(1000, 'w'));
  dir.write("nuanxin.wasm.br", std::string(300, 'b'));
  dir.write("nuanxin.wasm.gz", std::string(400, 'g'));
  dir.write("app.css", "body{}");
  StaticFiles files(dir.path());

  auto f = files.resolve("/nuanxin.wasm", "gzip, br");
  REQUIRE(f);
  CHECK(f->content_encoding == "br");
  CHECK(f->size == 300);
  CHECK(f->content_type == "application/wasm");

  f = files.resolve("/nuanxin.wasm", "gzip");
  REQUIRE(f);
  CHECK(f->content_encoding == "gzip");
  CHECK(f->size == 400);

  f = files.resolve("/nuanxin.wasm", "");
  REQUIRE(f);
  CHECK(f->content_encoding.empty());
  CHECK(f->size == 1000);

  // No precompressed variant: the original is sent as it is.
  f = files.resolve("/app.css", "br");
  REQUIRE(f);
  CHECK(f->content_encoding.empty());

  f = files.resolve("/", "");
  REQUIRE(f);
  CHECK(f->path.filename() == "index.html");
  CHECK(f->cache_control == "no-cache");
}

TEST_CASE("resolve never leaves the root") {
  nx::test::TempDir outer;
  outer.write("secret.txt", "top secret");
  outer.write("www/index.html", "ok");
  outer.write("www/.env", "hidden");
  StaticFiles files(outer.path() / "www");
  for (const char* path : {"/../secret.txt", "/..", "/./index.html", "/.env", "//etc/passwd", "/a/../../secret.txt",
                           "/..\\secret.txt", "relative.html", "", "/nonexistent.html", "/www"}) {
    CAPTURE(path);
    CHECK_FALSE(files.resolve(path, "").has_value());
  }
  CHECK(files.resolve("/index.html", "").has_value());
}

TEST_CASE("ETags differ between variants and change with the content") {
  nx::test::TempDir dir;
  dir.write("a.js", "one");
  dir.write("a.js.br", "1");
  StaticFiles files(dir.path());
  const auto raw = files.resolve("/a.js", "");
  const auto br = files.resolve("/a.js", "br");
  REQUIRE(raw);
  REQUIRE(br);
  CHECK(raw->etag != br->etag);
  dir.write("a.js", "three");
  const auto changed = files.resolve("/a.js", "");
  REQUIRE(changed);
  CHECK(changed->etag != raw->etag);
}
