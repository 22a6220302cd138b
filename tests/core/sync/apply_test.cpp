#include "core/sync/apply.h"

#include <doctest/doctest.h>

#include "test_kinds.h"

using namespace nx;
using namespace nx::sync;
using nlohmann::json;
using nx::test::make_op;

namespace {
const std::string kNote = "11111111-1111-4111-8111-111111111111";
const std::string kTicket = "22222222-2222-4222-8222-222222222222";
Hlc at(std::int64_t ms, const char* dev = "p1") { return Hlc{ms, 0, dev}; }

struct Fixture {
  kinds::Registry registry = test::test_registry();
  UnitTree units = test::test_units();
  Actor staff_t1{"s1", Role::Staff, "t1", ""};
  Actor staff_t2{"s2", Role::Staff, "t2", ""};
  Actor staff_d{"sd", Role::Staff, "d", ""};
  Actor worker{"w1", Role::Worker, "", ""};
  Actor other_worker{"w2", Role::Worker, "", ""};
  Actor admin{"a", Role::Admin, "", ""};

  ApplyResult apply(const Record* current, const Op& op, const Actor& who) {
    return apply_op(current, op, ApplyContext{registry, who, units, nullptr, 0});
  }
};
}  // namespace

TEST_CASE_FIXTURE(Fixture, "a set creates a record, a newer set wins field by field, an older one loses") {
  auto created = apply(nullptr, make_op("note", kNote, at(100), {{"title", "初稿"}, {"count", 1}, {"unit_id", "c1"}}), staff_t1);
  REQUIRE(created.status == ApplyStatus::Applied);
  Record r = created.record;
  CHECK(r.fields["title"] == "初稿");
  REQUIRE(r.stamps.contains("title"));
  CHECK(*r.stamps.find("title") == at(100));

  auto newer = apply(&r, make_op("note", kNote, at(200), {{"title", "二稿"}}), staff_t1);
  REQUIRE(newer.status == ApplyStatus::Applied);
  CHECK(newer.record.fields["title"] == "二稿");
  CHECK(newer.record.fields["count"] == 1);

  // An edit made offline earlier arrives late: its title loses, its count (untouched since) wins.
  auto older = apply(&newer.record, make_op("note", kNote, at(150, "p2"), {{"title", "旧稿"}, {"count", 5}}), staff_t1);
  REQUIRE(older.status == ApplyStatus::Merged);
  CHECK(older.record.fields["title"] == "二稿");
  CHECK(older.record.fields["count"] == 5);

  // The same op again changes nothing.
  auto replay = apply(&older.record, make_op("note", kNote, at(150, "p2"), {{"title", "旧稿"}, {"count", 5}}), staff_t1);
  CHECK(replay.status == ApplyStatus::Merged);
  CHECK(replay.record == older.record);
}

TEST_CASE_FIXTURE(Fixture, "validation and unknown kinds reject with the field named") {
  auto bad = apply(nullptr, make_op("note", kNote, at(1), {{"title", 5}, {"unit_id", "t1"}}), staff_t1);
  CHECK(bad.status == ApplyStatus::Rejected);
  REQUIRE(bad.reason);
  CHECK(bad.reason->field == "title");
  auto missing = apply(nullptr, make_op("note", kNote, at(1), {{"count", 2}, {"unit_id", "t1"}}), staff_t1);
  CHECK(missing.reason->code == "required");
  auto unknown = apply(nullptr, make_op("spaceship", kNote, at(1), {{"x", 1}}), admin);
  CHECK(unknown.reason->code == "kind_unknown");
}

TEST_CASE_FIXTURE(Fixture, "who may create and edit follows the unit tree") {
  const Op create = make_op("note", kNote, at(1), {{"title", "t"}, {"unit_id", "c1"}});
  CHECK(apply(nullptr, create, staff_t1).status == ApplyStatus::Applied);   // the unit's parent
  CHECK(apply(nullptr, create, staff_d).status == ApplyStatus::Applied);    // an ancestor
  CHECK(apply(nullptr, create, admin).status == ApplyStatus::Applied);
  CHECK(apply(nullptr, create, staff_t2).reason->code == "forbidden");      // a sibling town
  CHECK(apply(nullptr, create, worker).reason->code == "forbidden");

  Record r = apply(nullptr, create, staff_t1).record;
  CHECK(apply(&r, make_op("note", kNote, at(2), {{"title", "x"}}), staff_t2).reason->code == "forbidden");
  // Moving a record out of one's own reach is refused.
  CHECK(apply(&r, make_op("note", kNote, at(2), {{"unit_id", "t2"}}), staff_t1).reason->code == "forbidden");
  CHECK(apply(&r, make_op("note", kNote, at(2), {{"unit_id", "t2"}}), staff_d).status == ApplyStatus::Applied);
}

TEST_CASE_FIXTURE(Fixture, "a worker creates only records that name them as owner") {
  CHECK(apply(nullptr, make_op("ticket", kTicket, at(1), {{"owner_id", "w1"}, {"unit_id", "t1"}}), worker).status ==
        ApplyStatus::Applied);
  CHECK(apply(nullptr, make_op("ticket", kTicket, at(1), {{"owner_id", "w2"}, {"unit_id", "t1"}}), worker).reason->code ==
        "forbidden");
}

TEST_CASE_FIXTURE(Fixture, "workflow steps: who, from which state, parameters, side effects") {
  Record t = apply(nullptr, make_op("ticket", kTicket, at(1), {{"owner_id", "w1"}, {"unit_id", "t1"}}), worker).record;
  CHECK(t.fields["status"] == "open");
  CHECK_FALSE(t.stamps.contains("status"));

  // The status and step-only fields cannot be set directly.
  CHECK(apply(&t, make_op("ticket", kTicket, at(2), {{"status", "done"}}), staff_t1).reason->code == "field_protected");
  CHECK(apply(&t, make_op("ticket", kTicket, at(2), {{"finished_by", "me"}}), staff_t1).reason->code == "field_protected");

  CHECK(apply(&t, make_op("ticket", kTicket, at(2), {}, "finish"), worker).reason->code == "transition_forbidden");
  CHECK(apply(&t, make_op("ticket", kTicket, at(2), {}, "finish"), staff_t2).reason->code == "transition_forbidden");
  CHECK(apply(&t, make_op("ticket", kTicket, at(2), {}, "fly"), staff_t1).reason->code == "transition_unknown");
  CHECK(apply(&t, make_op("ticket", kTicket, at(2), {}, "reopen"), worker).reason->code == "transition_invalid");

  auto done = apply(&t, make_op("ticket", kTicket, at(2), {}, "finish"), staff_d);
  REQUIRE(done.status == ApplyStatus::Applied);
  CHECK(done.record.fields["status"] == "done");
  CHECK(done.record.fields["finished_by"] == "sd");
  REQUIRE(done.record.stamps.contains("finished_by"));
  CHECK(*done.record.stamps.find("finished_by") == at(2));

  // A step's own rule: closing needs a reason.
  CHECK(apply(&done.record, make_op("ticket", kTicket, at(3), {}, "close"), worker).reason->field == "reason");
  auto closed = apply(&done.record, make_op("ticket", kTicket, at(3), {{"reason", "已解决"}}, "close"), worker);
  REQUIRE(closed.status == ApplyStatus::Applied);
  CHECK(closed.record.fields["reason"] == "已解决");
}

TEST_CASE_FIXTURE(Fixture, "a step made before the last state change is a conflict, or a no-op if it led there") {
  Record t = apply(nullptr, make_op("ticket", kTicket, at(1), {{"owner_id", "w1"}, {"unit_id", "t1"}}), worker).record;
  Record done = apply(&t, make_op("ticket", kTicket, at(10, "staff"), {}, "finish"), staff_t1).record;
  // The worker closed it offline at t=5, before staff finished it at t=10.
  auto late = apply(&done, make_op("ticket", kTicket, at(5, "w"), {{"reason", "r"}}, "close"), worker);
  CHECK(late.status == ApplyStatus::Rejected);
  CHECK(late.reason->code == "conflict");
  CHECK(late.record == done);
  // Another device replays the same finish: nothing changes.
  auto same = apply(&done, make_op("ticket", kTicket, at(10, "staff"), {}, "finish"), staff_t1);
  CHECK(same.status == ApplyStatus::Merged);
  CHECK(same.record == done);
}

TEST_CASE_FIXTURE(Fixture, "deletes leave a tombstone that wins whatever the order") {
  Record r = apply(nullptr, make_op("note", kNote, at(1), {{"title", "t"}, {"unit_id", "t1"}}), staff_t1).record;
  auto deleted = apply(&r, make_op("note", kNote, at(5), {}, "", true), staff_t1);
  REQUIRE(deleted.status == ApplyStatus::Applied);
  CHECK(deleted.record.deleted);
  CHECK(deleted.record.deleted_at == at(5));
  auto later_set = apply(&deleted.record, make_op("note", kNote, at(9), {{"title", "x"}}), staff_t1);
  CHECK(later_set.status == ApplyStatus::Merged);
  CHECK(later_set.record.deleted);
  CHECK(apply(&deleted.record, make_op("ticket", kNote, at(9), {}, "finish"), staff_t1).reason->code == "id_mismatch");
  CHECK(apply(&r, make_op("note", kNote, at(5), {}, "", true), staff_t2).reason->code == "forbidden");
  // A delete that arrives before the record: a worker cannot do that, staff can.
  CHECK(apply(nullptr, make_op("note", kNote, at(5), {}, "", true), worker).reason->code == "not_found");
}

TEST_CASE("a record survives its stored form") {
  Record r{"note", kNote, {{"title", "暖"}}, {{"title", Hlc{5, 1, "d"}}}, true, Hlc{6, 0, "d"}, 42};
  auto back = Record::from_json(r.to_json());
  REQUIRE(back.ok());
  CHECK(back.value() == r);
  CHECK_FALSE(Record::from_json(json::array()).ok());
  CHECK_FALSE(Record::from_json({{"kind", "note"}, {"id", "x"}, {"fields", 1}}).ok());
  CHECK_FALSE(Record::from_json({{"kind", "note"}, {"id", "x"}, {"fields", json::object()}, {"stamps", {{"a", "bad"}}}}).ok());
}
