#include "server/config.h"

#include <doctest/doctest.h>

using nx::server::parse_args;

TEST_CASE("defaults bind loopback on 8080 with SQLite under nuanxin-data") {
  auto c = parse_args({});
  REQUIRE(c.ok());
  CHECK(c.value().host == "127.0.0.1");
  CHECK(c.value().port == 8080);
  CHECK(c.value().data_dir == "nuanxin-data");
  CHECK(c.value().static_dir.empty());
}

TEST_CASE("all options are read") {
  auto c = parse_args({"--data", "/tmp/d", "--port", "0", "--host", "0.0.0.0", "--static", "dist", "--db", "sqlite"});
  REQUIRE(c.ok());
  CHECK(c.value().data_dir == "/tmp/d");
  CHECK(c.value().port == 0);
  CHECK(c.value().host == "0.0.0.0");
  CHECK(c.value().static_dir == "dist");
}

TEST_CASE("bad arguments are refused with the field named") {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--port", "80a"}, {"--port", "70000"}, {"--port", "-1"}, {"--port"}, {"--data"}, {"--frobnicate"},
           {"--db", "mysql://x"}}) {
    auto c = parse_args(args);
    CAPTURE(args[0]);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == "bad_argument");
    CHECK(c.error().field == args[0]);
    CHECK_FALSE(c.error().message_en.empty());
    CHECK_FALSE(c.error().message_zh.empty());
  }
}
