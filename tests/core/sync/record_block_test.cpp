#include "core/sync/record_block.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/demo/demo.h"

using nlohmann::json;
using nx::sync::decode_block;
using nx::sync::encode_block;
using nx::sync::Hlc;
using nx::sync::Record;

namespace {

std::vector<Record> decoded(const std::string& bytes) {
  std::vector<Record> out;
  REQUIRE(decode_block(bytes, out).ok());
  return out;
}

}  // namespace

TEST_CASE("a block gives back the district's records exactly as their stored text does") {
  auto district = nx::demo::generate_demo_district(nx::demo::scale_options(7, 300, 800));
  REQUIRE(district.ok());
  std::vector<Record> records;
  std::size_t text_bytes = 0;
  for (const auto& [key, r] : district.value().records.records()) {
    records.push_back(r);
    text_bytes += r.to_json().dump().size();
  }
  REQUIRE(records.size() > 2000);
  const std::string bytes = encode_block(records);
  CHECK(nx::sync::is_block(bytes));
  const std::vector<Record> back = decoded(bytes);
  REQUIRE(back.size() == records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    // As the text path reads them: the differential the phone's two block forms rest on.
    const Record via_text = Record::from_json(json::parse(records[i].to_json().dump())).value();
    REQUIRE(back[i] == records[i]);
    REQUIRE(back[i] == via_text);
    REQUIRE(back[i].stamps.distinct() == records[i].stamps.distinct());
  }
  MESSAGE("block ", bytes.size(), " bytes against ", text_bytes, " bytes of stored text, ", records.size(), " records");
  CHECK(bytes.size() < text_bytes / 2);
}

TEST_CASE("every kind of value, a deleted record and a stamp without its field survive a block") {
  Record a{"note", "n1"};
  a.fields = {{"int", -42},     {"uint", 18446744073709551615ull}, {"big", INT64_MIN}, {"real", -0.125},
              {"yes", true},    {"no", false},                     {"none", nullptr},  {"text", "暖新 ☀"},
              {"empty", ""},    {"list", {1, "二", {{"k", {3.5, nullptr}}}}},          {"obj", json::object()},
              {"arr", json::array()}};
  a.stamps = {{"int", Hlc{-5, 0, ""}}, {"text", Hlc{INT64_MAX, UINT32_MAX, "设备"}}, {"gone", Hlc{3, 1, "d"}}};
  a.seq = INT64_MIN;
  Record b{"note", "n2"};
  b.deleted = true;
  b.deleted_at = Hlc{9, 2, "server"};
  b.seq = 77;
  Record c{"", ""};
  const std::vector<Record> records{a, b, c};
  const std::vector<Record> back = decoded(encode_block(records));
  CHECK(back == records);
  CHECK(back[0].fields["uint"].is_number_unsigned());
  CHECK(back[0].fields["int"].is_number_integer());
  CHECK(decoded(encode_block({})).empty());
}

TEST_CASE("a store of many blocks read into one vector grows it a few times, not once a block") {
  std::vector<Record> page;
  for (int i = 0; i < 50; ++i) page.push_back(Record{"station", "s" + std::to_string(i)});
  const std::string bytes = encode_block(page);
  std::vector<Record> all;
  int moved = 0;
  for (int block = 0; block < 400; ++block) {
    const Record* was = all.data();
    REQUIRE(decode_block(bytes, all).ok());
    moved += all.data() != was;
  }
  CHECK(all.size() == 20000);
  CHECK(moved <= 16);
}

TEST_CASE("bytes that are not a whole block are refused, and nothing is added") {
  Record r{"station", "s1"};
  r.fields = {{"name", "驿站"}, {"open", true}, {"lat", 32.49}};
  r.stamps = {{"name", Hlc{1, 0, "d"}}, {"open", Hlc{1, 0, "d"}}};
  const std::string bytes = encode_block({r, r});
  std::vector<Record> out{r};
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    REQUIRE_FALSE(decode_block(std::string_view(bytes).substr(0, n), out).ok());
    REQUIRE(out.size() == 1);
  }
  CHECK_FALSE(decode_block(bytes + "x", out).ok());
  CHECK_FALSE(decode_block("[{\"kind\":\"station\"}]", out).ok());
  CHECK_FALSE(nx::sync::is_block("[]"));
  // Any byte changed: refused, or read as some other records, never a crash (the fuzz target
  // goes further).
  std::mt19937 rng(3);
  for (int i = 0; i < 2000; ++i) {
    std::string bent = bytes;
    bent[rng() % bent.size()] = static_cast<char>(rng());
    std::vector<Record> some;
    if (!decode_block(bent, some).ok()) CHECK(some.empty());
  }
  CHECK(out.size() == 1);
}
