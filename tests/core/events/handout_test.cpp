#include "core/events/handout.h"

#include <doctest/doctest.h>

#include "event_world.h"

using namespace nx;
using namespace nx::events;
using namespace nx::evtest;

namespace {
const std::string kCampaign = uid(500);

// A district campaign of 夏送清凉 in July and August 2026.
void add_campaign(World& w) {
  REQUIRE(applied(w.create(w.district_staff, "campaign", kCampaign,
                           {{"name", "夏送清凉 2026"}, {"category", "summer_cooling"}, {"unit_id", kDistrict},
                            {"items", {"绿豆汤", "防暑药品", "毛巾"}}, {"start_date", "2026-07-01"}, {"end_date", "2026-08-31"}})));
}

json handout(const std::string& member, const char* given_at = "2026-07-01T10:30:00+08:00", const char* place = "城西驿站",
             const char* device = "phone-a", const std::string& unit = kTown1) {
  return {{"campaign_id", kCampaign}, {"member_id", member}, {"unit_id", unit},      {"items", {"绿豆汤", "毛巾"}},
          {"given_at", given_at},     {"place", place},       {"device", device}};
}
}  // namespace

TEST_SUITE("events/handout") {
  TEST_CASE("decoding a handout line names each bad field") {
    json f = handout(uid(400));
    f["items"] = json::array();
    f["given_at"] = "2026-07-01T10:30";  // no zone
    f["place"] = "  ";
    f["device"] = "phone a!";
    f["status"] = "lost";
    f["station_id"] = "station-1";
    const auto d = decode_handout(f);
    CHECK(has_error(d.errors, "items", "required"));
    CHECK(has_error(d.errors, "given_at", "datetime_invalid"));
    CHECK(has_error(d.errors, "place", "required"));
    CHECK(has_error(d.errors, "device", "id_invalid"));
    CHECK(has_error(d.errors, "status", "enum_invalid"));
    CHECK(has_error(d.errors, "station_id", "id_invalid"));
    const auto empty = decode_handout(json::object());
    for (const char* field : {"campaign_id", "member_id", "unit_id", "items", "given_at", "place", "device", "status"})
      CHECK_MESSAGE(has_error(empty.errors, field, "required"), field);
    json good = handout(uid(400));
    good["status"] = "given";
    const auto ok = decode_handout(good);
    REQUIRE(ok.ok());
    CHECK(to_fields(ok.value) == good);
  }

  TEST_CASE("staff of a unit inside the campaign give handouts; the giver is the actor, not the op") {
    World w;
    add_campaign(w);
    const auto r = w.create(w.staff, "handout", uid(600), handout(uid(400)));
    REQUIRE(applied(r));
    CHECK(r.record.str("given_by") == "s1");
    CHECK(r.record.str("status") == "given");
    CHECK(applied(w.create(w.district_staff, "handout", uid(601), handout(uid(401), "2026-07-02T09:00:00+08:00", "区工会",
                                                                          "pc-1", kDistrict))));
    CHECK(applied(w.create(w.admin, "handout", uid(602), handout(uid(402)))));
    CHECK(applied(w.create(w.sibling_staff, "handout", uid(603), handout(uid(403), "2026-07-02T09:00:00+08:00", "城东驿站",
                                                                         "phone-c", kTown2))));
    CHECK(code(w.create(w.sibling_staff, "handout", uid(604), handout(uid(404)))) == "forbidden");  // T1's line
    CHECK(code(w.create(w.worker, "handout", uid(605), handout(uid(405)))) == "forbidden");
    json forged = handout(uid(406));
    forged["given_by"] = "s9";
    CHECK(code(w.create(w.staff, "handout", uid(606), forged)) == "field_protected");
    json stray = handout(uid(406));
    stray["void_reason"] = "x";
    CHECK(code(w.create(w.staff, "handout", uid(606), stray)) == "param_unknown");
  }

  TEST_CASE("a handout fits its campaign: unit inside it, its items, its dates, not in the future") {
    World w;
    add_campaign(w);
    World town = w;
    // A T1 campaign cannot be handed out by T2, nor by the district above it.
    REQUIRE(applied(town.create(town.staff, "campaign", uid(510),
                                {{"name", "冬送温暖"}, {"category", "winter_warmth"}, {"unit_id", kTown1}, {"items", {"棉手套"}},
                                 {"start_date", "2026-07-01"}, {"end_date", "2026-12-31"}})));
    json other = handout(uid(400), "2026-07-02T09:00:00+08:00", "区工会", "pc-1", kDistrict);
    other["campaign_id"] = uid(510);
    other["items"] = {"棉手套"};
    CHECK(code(town.create(town.district_staff, "handout", uid(600), other)) == "unit_outside_campaign");

    json unknown = handout(uid(400));
    unknown["campaign_id"] = uid(599);
    CHECK(code(w.create(w.staff, "handout", uid(600), unknown)) == "not_found");
    json item = handout(uid(400));
    item["items"] = {"绿豆汤", "电风扇"};
    const auto bad_item = w.create(w.staff, "handout", uid(600), item);
    CHECK(code(bad_item) == "item_unknown");
    CHECK(bad_item.reason->message_zh.find("电风扇") != std::string::npos);
    // 2026-06-30T23:59 China is still June; 2026-06-30T16:00Z is 2026-07-01 00:00 China.
    CHECK(code(w.create(w.staff, "handout", uid(600), handout(uid(400), "2026-06-30T23:59:00+08:00"))) ==
          "outside_campaign_dates");
    w.now_ms = china("2026-09-02", "12:00");
    CHECK(applied(w.create(w.staff, "handout", uid(600), handout(uid(400), "2026-06-30T16:00:00Z"))));
    CHECK(code(w.create(w.staff, "handout", uid(601), handout(uid(401), "2026-09-01T08:00:00+08:00"))) ==
          "outside_campaign_dates");
    w.now_ms = china("2026-07-01", "10:00");
    CHECK(code(w.create(w.staff, "handout", uid(602), handout(uid(402), "2026-07-01T10:11:00+08:00"))) == "moment_in_future");
    CHECK(applied(w.create(w.staff, "handout", uid(602), handout(uid(402), "2026-07-01T10:09:00+08:00"))));

    sync::Op o = w.op("handout", uid(603));
    o.set = handout(uid(403), "2026-07-01T09:00:00+08:00");
    CHECK(code(w.apply(w.staff, o, /*with_records=*/false)) == "records_unavailable");
  }

  TEST_CASE("a second claim, from another device, is refused with the first one's time and place") {
    World server;
    add_campaign(server);
    server.now_ms = china("2026-07-02", "12:00");
    World phone_a = server;
    World phone_b = server;
    // Both phones serve member 400 offline; each alone sees no earlier claim.
    const auto a = phone_a.create(phone_a.staff, "handout", uid(600), handout(uid(400), "2026-07-01T10:30:00+08:00", "城西驿站", "phone-a"));
    const auto b = phone_b.create(phone_b.district_staff, "handout", uid(601),
                                  handout(uid(400), "2026-07-01T15:00:00+08:00", "海陵区职工服务中心", "phone-b", kDistrict));
    REQUIRE(applied(a));
    REQUIRE(applied(b));

    sync::Op op_a = phone_a.op("handout", uid(600), "phone-a");
    op_a.set = handout(uid(400), "2026-07-01T10:30:00+08:00", "城西驿站", "phone-a");
    sync::Op op_b = phone_b.op("handout", uid(601), "phone-b");
    op_b.set = handout(uid(400), "2026-07-01T15:00:00+08:00", "海陵区职工服务中心", "phone-b", kDistrict);

    World first_a = server;
    REQUIRE(applied(first_a.apply(first_a.staff, op_a)));
    const auto second = first_a.apply(first_a.district_staff, op_b);
    REQUIRE(code(second) == "already_received");
    CHECK(second.reason->field == "member_id");
    CHECK(second.reason->message_zh.find("已于 2026-07-01 10:30 在 城西驿站 领取过") != std::string::npos);
    CHECK(second.reason->message_en.find("2026-07-01 10:30") != std::string::npos);
    CHECK(first_a.store.get("handout", uid(601)) == nullptr);

    // Whichever device syncs first holds the claim.
    World first_b = server;
    REQUIRE(applied(first_b.apply(first_b.district_staff, op_b)));
    const auto other = first_b.apply(first_b.staff, op_a);
    REQUIRE(code(other) == "already_received");
    CHECK(other.reason->message_zh.find("已于 2026-07-01 15:00 在 海陵区职工服务中心 领取过") != std::string::npos);
  }

  TEST_CASE("a voided line frees the member to be served again; voiding needs a reason and the unit's staff") {
    World w;
    add_campaign(w);
    REQUIRE(applied(w.create(w.staff, "handout", uid(600), handout(uid(400)))));
    CHECK(code(w.create(w.staff, "handout", uid(601), handout(uid(400), "2026-07-01T11:00:00+08:00"))) == "already_received");
    CHECK(code(w.step(w.worker, "handout", uid(600), "void", {{"void_reason", "x"}})) == "transition_forbidden");
    CHECK(code(w.step(w.sibling_staff, "handout", uid(600), "void", {{"void_reason", "x"}})) == "transition_forbidden");
    CHECK(code(w.step(w.staff, "handout", uid(600), "void")) == "required");
    CHECK(code(w.step(w.staff, "handout", uid(600), "void", {{"void_reason", "　"}})) == "required");
    CHECK(code(w.step(w.staff, "handout", uid(600), "void", {{"void_reason", "x"}, {"member_id", uid(401)}})) ==
          "param_unknown");
    const auto voided = w.step(w.district_staff, "handout", uid(600), "void", {{"void_reason", "登记错了人"}});
    REQUIRE(applied(voided));
    CHECK(voided.record.str("voided_by") == "sd");
    CHECK(code(w.step(w.admin, "handout", uid(600), "void", {{"void_reason", "再来"}})) == "transition_invalid");
    CHECK(applied(w.create(w.staff, "handout", uid(601), handout(uid(400), "2026-07-01T11:00:00+08:00"))));
  }

  TEST_CASE("the ledger is append-only: no plain edits or deletes, even by admins") {
    World w;
    add_campaign(w);
    REQUIRE(applied(w.create(w.staff, "handout", uid(600), handout(uid(400)))));
    for (const Actor* who : {&w.staff, &w.admin}) {
      CHECK(code(w.edit(*who, "handout", uid(600), {{"member_id", uid(401)}})) == "forbidden");
      CHECK(code(w.remove(*who, "handout", uid(600))) == "forbidden");
    }
  }

  TEST_CASE("the member's account is copied onto the line, and must match when given") {
    World w;
    add_campaign(w);
    sync::Record member;
    member.kind = "member";
    member.id = uid(400);
    member.fields = {{"owner_id", "w1"}};
    w.store.put(member);
    const auto r = w.create(w.staff, "handout", uid(600), handout(uid(400)));
    REQUIRE(applied(r));
    CHECK(r.record.str("owner_id") == "w1");
    json wrong = handout(uid(400));
    wrong["owner_id"] = "w2";
    w.step(w.staff, "handout", uid(600), "void", {{"void_reason", "重录"}});
    CHECK(code(w.create(w.staff, "handout", uid(601), wrong)) == "member_mismatch");
  }

  TEST_CASE("HandoutLedger: who of a list has and has not received, and who was served twice") {
    World w;
    add_campaign(w);
    REQUIRE(applied(w.create(w.staff, "handout", uid(600), handout(uid(401), "2026-07-03T09:00:00+08:00", "城西驿站"))));
    REQUIRE(applied(w.create(w.staff, "handout", uid(601), handout(uid(403), "2026-07-04T09:00:00+08:00", "城东驿站"))));
    REQUIRE(applied(w.create(w.staff, "handout", uid(602), handout(uid(404)))));
    w.step(w.staff, "handout", uid(602), "void", {{"void_reason", "登记错了人"}});
    // Data from before the rule (or a store that skipped it): a second live line for 401.
    sync::Record extra = w.rec("handout", uid(600));
    extra.id = uid(609);
    extra.fields["given_at"] = "2026-07-05T09:00:00+08:00";
    extra.fields["place"] = "别处";
    w.store.put(extra);
    // Another campaign's line does not count.
    sync::Record elsewhere = w.rec("handout", uid(601));
    elsewhere.id = uid(610);
    elsewhere.fields["campaign_id"] = uid(511);
    elsewhere.fields["member_id"] = uid(402);
    w.store.put(elsewhere);

    const HandoutLedger ledger = handout_ledger(kCampaign, {uid(404), uid(401), uid(402), uid(403), uid(401)}, w.store);
    REQUIRE(ledger.received.size() == 2);
    CHECK(ledger.received[0].member_id == uid(401));
    CHECK(ledger.received[0].handout_id == uid(600));  // the first of its two lines
    CHECK(ledger.received[0].place == "城西驿站");
    CHECK(ledger.received[0].given_by == "s1");
    CHECK(ledger.received[0].items == std::vector<std::string>{"绿豆汤", "毛巾"});
    CHECK(ledger.received[1].member_id == uid(403));
    CHECK(ledger.not_received == std::vector<std::string>{uid(404), uid(402)});  // 404's line was voided
    CHECK(ledger.served_twice == std::vector<std::string>{uid(401)});
  }
}
