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
           {"--db", "mysql://x"}, {"--token-ttl", "0"}, {"--allow-origin", "app.example"},
           {"--allow-origin", "https://app.example/path"}}) {
    auto c = parse_args(args);
    CAPTURE(args[0]);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == "bad_argument");
    CHECK(c.error().field == args[0]);
    CHECK_FALSE(c.error().message_en.empty());
    CHECK_FALSE(c.error().message_zh.empty());
  }
}

TEST_CASE("--db takes a PostgreSQL URL, --demo and --token-ttl are read") {
  auto c = parse_args({"--db", "postgresql://nuanxin@127.0.0.1:5432/nx", "--demo", "--token-ttl", "60"});
  REQUIRE(c.ok());
  CHECK(c.value().db_url == "postgresql://nuanxin@127.0.0.1:5432/nx");
  CHECK(c.value().demo);
  CHECK(c.value().token_lifetimes.worker_ms == 60000);
  CHECK(c.value().token_lifetimes.staff_ms == 60000);
  auto sqlite = parse_args({"--db", "sqlite"});
  REQUIRE(sqlite.ok());
  CHECK(sqlite.value().db_url.empty());
}

TEST_CASE("--demo-scale reads members,requests and refuses anything else") {
  auto c = parse_args({"--demo", "--demo-scale", "20000,50000"});
  REQUIRE(c.ok());
  CHECK(c.value().demo_members == 20000);
  CHECK(c.value().demo_requests == 50000);
  CHECK(parse_args({}).value().demo_members == 0);
  for (const char* bad : {"20000", "x,1", "0,5", "20000,-1", "1,2,3", ""})
    CHECK(parse_args({"--demo-scale", bad}).error().field == "--demo-scale");
}

TEST_CASE("user add needs a username, a password, a role, and a unit for staff") {
  using nx::server::parse_user_add;
  auto ok = parse_user_add({"--username", "li.wei", "--password", "long-enough-1", "--role", "staff", "--unit", "u1"});
  REQUIRE(ok.ok());
  CHECK(ok.value().username == "li.wei");
  CHECK(ok.value().unit_id == "u1");
  CHECK(parse_user_add({"--username", "root", "--password", "long-enough-1", "--role", "admin"}).ok());
  CHECK(parse_user_add({"--password", "x", "--role", "admin"}).error().field == "--username");
  CHECK(parse_user_add({"--username", "a", "--password", "x", "--role", "boss"}).error().field == "--role");
  CHECK(parse_user_add({"--username", "a", "--password", "x", "--role", "staff"}).error().field == "--unit");
}
