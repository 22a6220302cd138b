// The staff side of the app layer: 待办, deciding applications, 配单, and 集中入会, each checked
// by applying the planned changes through the core as the staff member.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>

#include "app/enrolment.h"
#include "app/staff_dashboard.h"
#include "app/staff_inbox.h"
#include "app/staff_review.h"
#include "core/membership/application.h"
#include "core/membership/normalize.h"
#include "core/pinyin.h"
#include "core/sync/layered_records.h"
#include "core/text.h"
#include "fixtures.h"

using namespace nx;
using namespace nx::app;
using test::district;
using test::ids;
using test::staff_of;
using test::unit_named;

namespace {

const sync::Record* first_waiting_application(const Inbox& inbox) {
  for (const InboxItem& item : inbox.items)
    if (item.record->kind == membership::kApplicationKind) return item.record;
  return nullptr;
}

}  // namespace

TEST_CASE("待办 holds what waits for the unit and the units below it, oldest first") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor district_staff = staff_of(d, "demo-district");
  const Inbox all = staff_inbox(d.records, units, district_staff.unit_id, {}, test::kNow);
  REQUIRE(all.applications > 0);
  REQUIRE(all.requests > 0);
  CHECK(all.items.size() == static_cast<std::size_t>(all.applications + all.requests));
  for (std::size_t i = 1; i < all.items.size(); ++i) CHECK(all.items[i - 1].since_ms <= all.items[i].since_ms);
  for (const InboxItem& item : all.items) {
    CHECK(item.since_ms > 0);
    if (item.record->kind == membership::kApplicationKind) CHECK(membership::application_waiting(item.record->str("status")));
    else CHECK(request_waits_for_union(item.record->str("status")));
  }

  InboxView only_requests;
  only_requests.kind = "service_request";
  const Inbox requests = staff_inbox(d.records, units, district_staff.unit_id, only_requests, test::kNow);
  CHECK(requests.items.size() == static_cast<std::size_t>(all.requests));
  InboxView overdue;
  overdue.overdue_only = true;
  const Inbox late = staff_inbox(d.records, units, district_staff.unit_id, overdue, test::kNow);
  CHECK(late.items.size() == static_cast<std::size_t>(all.overdue));
  for (const InboxItem& item : late.items) CHECK(item.overdue);

  // A name finds its application.
  const sync::Record* first = all.items.back().record;
  InboxView search;
  search.query = first->kind == membership::kApplicationKind ? first->str("name") : first->str("description");
  const Inbox found = staff_inbox(d.records, units, district_staff.unit_id, search, test::kNow);
  REQUIRE(!found.items.empty());
  CHECK(found.items.size() < all.items.size());
  CHECK(std::any_of(found.items.begin(), found.items.end(), [&](const InboxItem& i) { return i.record == first; }));

  // A company union's chairman sees only his own union's part.
  const Actor meituan = staff_of(d, "demo-meituan");
  const Inbox own = staff_inbox(d.records, units, meituan.unit_id, {}, test::kNow);
  CHECK(own.items.size() < all.items.size());
  for (const InboxItem& item : own.items) CHECK(units.is_within(item.record->str("unit_id"), meituan.unit_id));
}

// 待办's search against the plain way of answering it: every waiting record scanned, each field
// folded as it is read. Prepared text must not change a single answer.
TEST_CASE("待办's search finds exactly what a scan of every waiting record would") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-district");
  const OpenWork work = open_work(d.records, units, staff.unit_id, test::kNow);
  const Inbox everything = filter_inbox(work, {});
  std::vector<std::string> queries = {"王", "建", "138", "wj", "ＷＡＮＧ", "工资", " ", "13 8", "\x1f", "\xFF", "w", "lw", "zm", "Wj"};
  for (std::size_t i = 0; i < everything.items.size(); i += 7) {
    const sync::Record& r = *everything.items[i].record;
    const std::string& text = r.str_ref(i % 2 ? "phone" : "name").empty() ? r.str_ref("description") : r.str_ref(i % 2 ? "phone" : "name");
    if (text.size() >= 6) queries.push_back(text.substr(text.size() / 2 - text.size() / 2 % 3, 6));
  }
  for (const std::string& kind : {std::string(), std::string(membership::kApplicationKind), std::string("service_request")})
    for (const std::string& query : queries) {
      CAPTURE(kind);
      CAPTURE(query);
      InboxView view;
      view.kind = kind;
      view.query = query;
      std::vector<const sync::Record*> expected;
      const std::string folded_query = membership::fold_text(query);
      for (const InboxItem& item : everything.items) {
        if (!kind.empty() && item.record->kind != kind) continue;
        bool found = folded_query.empty();
        for (const char* field : {"name", "phone", "description", "employer"})
          found = found || membership::fold_text(item.record->str_ref(field)).find(folded_query) != std::string::npos;
        // Letters find the initials of the name's characters, one after another.
        const std::u32string name = text::decode_utf8(item.record->str_ref("name"));
        for (std::size_t start = 0; !found && pinyin::looks_like_initials(folded_query) && start + folded_query.size() <= name.size(); ++start) {
          std::size_t i = 0;
          while (i < folded_query.size() && pinyin::initials(name[start + i]) & 1u << (folded_query[i] - 'a')) ++i;
          found = i == folded_query.size();
        }
        if (found) expected.push_back(item.record);
      }
      std::vector<const sync::Record*> got;
      for (const InboxItem& item : filter_inbox(work, view).items) got.push_back(item.record);
      CHECK(got == expected);
    }
}

TEST_CASE("待办's search folds what is typed: full-width, case and spaces") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-district");
  const OpenWork work = open_work(d.records, units, staff.unit_id, test::kNow);
  const sync::Record* with_phone = nullptr;
  for (const auto& open : work.items)
    if (open.item.record->str_ref("phone").size() == 11) with_phone = open.item.record;
  REQUIRE(with_phone);
  const std::string phone = with_phone->str("phone");
  const auto finds = [&](const std::string& query) {
    InboxView view;
    view.query = query;
    const Inbox found = filter_inbox(work, view);
    return std::any_of(found.items.begin(), found.items.end(), [&](const InboxItem& i) { return i.record == with_phone; });
  };
  CHECK(finds(phone));
  CHECK(finds(phone.substr(0, 3) + " " + phone.substr(3, 4) + " " + phone.substr(7)));  // 138 0013 8000
  std::string full_width;  // １３８… as a Chinese keyboard in full-width mode types it
  for (char c : phone.substr(0, 5)) full_width += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));
  CHECK(finds(full_width));
  CHECK_FALSE(finds(phone + "9"));

  // A name by its pinyin initials: each character's first letter, typed in capitals.
  const sync::Record* named = nullptr;
  for (const auto& open : work.items)
    if (open.item.record->kind == membership::kApplicationKind) named = open.item.record;
  REQUIRE(named);
  std::string initials;
  for (std::uint32_t mask : pinyin::initials_of(named->str_ref("name")))
    if (mask) initials += static_cast<char>('A' + __builtin_ctz(mask));
  CAPTURE(named->str("name"));
  REQUIRE(initials.size() >= 2);
  InboxView by_initials;
  by_initials.query = initials;
  const Inbox found = filter_inbox(work, by_initials);
  CHECK(std::any_of(found.items.begin(), found.items.end(), [&](const InboxItem& i) { return i.record == named; }));
  CHECK(found.items.size() < work.items.size());
}

TEST_CASE("approving an application issues the member number and makes the member") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-district");
  const sync::Record* waiting = first_waiting_application(staff_inbox(d.records, units, staff.unit_id, {}, test::kNow));
  REQUIRE(waiting);
  const sync::Record application = *waiting;
  const sync::Record member = test::apply_all(d.records, approve_application(application, "5e5e5e5e-0000-4000-8000-000000000001"), staff);
  CHECK(d.records.get(membership::kApplicationKind, application.id)->str("status") == "approved");
  CHECK(member.kind == "member");
  CHECK(member.str("status") == "active");
  CHECK(member.str("name") == application.str("name"));
  CHECK(!member.str("member_no").empty());
  CHECK(member.str("member_no") == d.records.get(membership::kApplicationKind, application.id)->str("member_no"));
  // It has left the inbox.
  for (const InboxItem& item : staff_inbox(d.records, units, staff.unit_id, {}, test::kNow).items)
    CHECK(item.record->id != application.id);
}

TEST_CASE("a refusal and a request for information carry their words") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-district");
  const Inbox inbox = staff_inbox(d.records, units, staff.unit_id, {}, test::kNow);
  std::vector<const sync::Record*> apps;
  for (const InboxItem& item : inbox.items)
    if (item.record->kind == membership::kApplicationKind) apps.push_back(item.record);
  REQUIRE(apps.size() >= 2);
  const std::string a = apps[0]->id, b = apps[1]->id;
  test::apply_all(d.records, {reject_application(*apps[0], "不在本区工作")}, staff);
  test::apply_all(d.records, {ask_for_information(*d.records.get(membership::kApplicationKind, b), "请补充所在站点")}, staff);
  CHECK(d.records.get(membership::kApplicationKind, a)->str("reject_reason") == "不在本区工作");
  CHECK(d.records.get(membership::kApplicationKind, b)->str("status") == "needs_info");
  CHECK(d.records.get(membership::kApplicationKind, b)->str("info_request") == "请补充所在站点");
}

TEST_CASE("a second application with the same phone is flagged before approving") {
  auto d = district();
  const Actor staff = staff_of(d, "demo-meituan");
  EnrolForm form;
  form.name = "钱多多";
  form.phone = "16612340001";
  form.trade = "delivery";
  form.employer = "美团";
  form.unit_id = staff.unit_id;
  form.consent = true;
  const auto plan = plan_enrolment(form, d.records, ids("5f5f5f5f-0000-4000-8000-"));
  REQUIRE(plan.errors.empty());
  const sync::Record member = test::apply_all(d.records, plan.changes, staff);

  // The same person applies again from their own phone.
  sync::Record again;
  again.kind = membership::kApplicationKind;
  again.id = "another";
  again.fields = {{"name", "钱多多"}, {"phone", "16612340001"}, {"employer", "美团"}};
  const auto found = application_duplicates(again, d.records);
  REQUIRE(!found.empty());
  CHECK(found[0].kind == "member");
  CHECK(found[0].member_no == member.str("member_no"));
  CHECK(found[0].same_phone);
}

TEST_CASE("集中入会: one person after another, the last choices kept, nobody twice") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-meituan");
  const auto choices = enrolment_units(d.records, units, staff.unit_id);
  REQUIRE(!choices.empty());
  CHECK(choices[0].unit_id == staff.unit_id);
  for (const UnitChoice& c : choices) CHECK(units.is_within(c.unit_id, staff.unit_id));

  EnrolForm form;
  form.trade = "delivery";
  form.employer = "美团";
  form.unit_id = staff.unit_id;
  auto new_id = ids("6a6a6a6a-0000-4000-8000-");
  std::set<std::string> numbers;
  const char* names[] = {"周一鸣", "吴二丫", "郑三宝", "王四海", "冯五洲", "陈六顺", "褚七星", "卫八方", "蒋九州", "沈十全"};
  for (int i = 0; i < 10; ++i) {
    form.name = names[i];
    form.phone = "1661234100" + std::to_string(i);
    form.consent = true;
    const auto plan = plan_enrolment(form, d.records, new_id);
    REQUIRE_MESSAGE(plan.errors.empty(), plan.errors.begin()->second);
    REQUIRE(plan.changes.size() == 4);
    const sync::Record member = test::apply_all(d.records, plan.changes, staff);
    CHECK(member.str("unit_id") == staff.unit_id);
    CHECK(member.str("trade") == "delivery");
    numbers.insert(member.str("member_no"));
    next_person(form);
    CHECK(form.name.empty());
    CHECK(form.phone.empty());
    CHECK(!form.consent);
    CHECK(form.trade == "delivery");
    CHECK(form.employer == "美团");
  }
  CHECK(numbers.size() == 10);
  CHECK(form.enrolled == 10);
  CHECK(form.last_enrolled == "沈十全");

  // The first one again: named beside the phone, nothing planned.
  form.name = "周一鸣";
  form.phone = "16612341000";
  form.consent = true;
  CHECK(!enrolment_duplicates(form, d.records).empty());
  const auto twice = plan_enrolment(form, d.records, new_id);
  CHECK(twice.changes.empty());
  CHECK(twice.errors.at("phone").text(Locale::ZhCN).find("周一鸣") != std::string::npos);
}

TEST_CASE("集中入会 names what is missing, and asks for consent") {
  auto d = district();
  EnrolForm form;
  const auto plan = plan_enrolment(form, d.records, [] { return std::string("x"); });
  CHECK(plan.changes.empty());
  CHECK(plan.errors.at("name").text(Locale::En) == "Enter the name");
  CHECK(plan.errors.at("phone").text(Locale::En) == "Enter the mobile number");
  CHECK(plan.errors.at("trade").text(Locale::En) == "Choose the trade");
  CHECK(plan.errors.at("area").text(Locale::En) == "Choose the union");
  CHECK(plan.errors.count("consent") == 1);
}

TEST_CASE("配单: the providers who offer the service, then match and deliver") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  const Actor staff = staff_of(d, "demo-district");
  InboxView requests;
  requests.kind = "service_request";
  const sync::Record* ordered = nullptr;
  for (const InboxItem& item : staff_inbox(d.records, units, staff.unit_id, requests, test::kNow).items)
    if (item.record->str("status") == "ordered" && item.record->str("category") == "legal_consultation") ordered = item.record;
  REQUIRE(ordered);
  const std::string id = ordered->id;
  const auto providers = providers_for(*ordered, d.records, units);
  REQUIRE(!providers.empty());
  test::apply_all(d.records, {match_request(*ordered, providers[0]->id, "2026-07-08")}, staff);
  const sync::Record* matched = d.records.get("service_request", id);
  CHECK(matched->str("status") == "matched");
  CHECK(matched->str("provider_id") == providers[0]->id);
  test::apply_all(d.records, {deliver_request(*matched)}, staff);
  CHECK(d.records.get("service_request", id)->str("status") == "delivered");
}

TEST_CASE("统计 adds up: by trade, by unit, by stage and by kind, each equal to the records") {
  auto d = district();
  const UnitTree units = membership::units_from(d.records);
  for (const char* login : {"demo-district", "demo-chengnan", "demo-admin"}) {
    CAPTURE(login);
    const Actor staff = staff_of(d, login);
    const StaffDashboard dash = staff_dashboard(d.records, staff.unit_id, test::kNow);
    REQUIRE(!dash.unit_id.empty());
    std::int64_t members = 0, requests = 0;
    for (const sync::Record* m : d.records.all("member"))
      if (m->str("status") == "active" && units.is_within(m->str("unit_id"), dash.unit_id)) ++members;
    for (const sync::Record* r : d.records.all("service_request"))
      if (units.is_within(r->str("unit_id"), dash.unit_id)) ++requests;
    CHECK(members > 0);
    CHECK(dash.members_active == members);
    const auto sum = [](const std::vector<Count>& counts) {
      std::int64_t n = 0;
      for (const Count& c : counts) n += c.value;
      return n;
    };
    CHECK(sum(dash.members_by_trade) == members);
    CHECK(sum(dash.members_by_unit) == members);
    CHECK(dash.members_by_unit.front().key == dash.unit_id);
    CHECK(sum(dash.requests_by_stage) == requests);
    CHECK(sum(dash.requests_by_kind) == requests);
    CHECK(dash.insurance_enrolled <= dash.insurance_quota);
  }
  const StaffDashboard district_dash = staff_dashboard(d.records, staff_of(d, "demo-district").unit_id, test::kNow);
  CHECK(district_dash.events_this_month > 0);  // the demo's summer is July 2026
  CHECK(district_dash.insurance_quota > 0);
  const std::string csv = counts_csv(district_dash.members_by_unit, "unit_id");
  CHECK(csv.rfind("unit_id,name,count\r\n", 0) == 0);
  CHECK(csv.find(district_dash.members_by_unit[1].label) != std::string::npos);
}

// 待办 brought up to date after changes against 待办 worked out again, on random edits of the
// district through the phone's layered view: the same items in the same order, the same
// counts, the same search text, and pointers that still point where the records are.
TEST_CASE("待办 brought up to date after changes equals 待办 worked out again") {
  const auto d = district();
  const Actor staff = staff_of(d, "demo-district");
  std::vector<std::pair<std::string, std::string>> keys;  // applications and requests
  sync::LayeredRecords records;
  for (const auto& [key, r] : d.records.records()) {
    records.put_base(r);
    if (key.first == membership::kApplicationKind || key.first == "service_request") keys.push_back(key);
  }
  REQUIRE(keys.size() > 50);
  const char* const application_statuses[] = {"submitted", "resubmitted", "approved", "needs_info", "rejected"};
  const char* const request_statuses[] = {"ordered", "reopened", "matched", "delivered", "closed"};
  std::mt19937 rng(7);
  OpenWork work = open_work(records, membership::units_from(records), staff.unit_id, test::kNow);
  std::uint64_t seen = records.revision();
  int updated = 0;
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    for (int edit = 0, edits = 1 + static_cast<int>(rng() % 12); edit < edits; ++edit) {
      const auto& [kind, id] = keys[rng() % keys.size()];
      sync::Record r = *records.get(kind, id);
      const bool application = kind == membership::kApplicationKind;
      switch (rng() % 5) {
        case 0: r.fields["status"] = application ? application_statuses[rng() % 5] : request_statuses[rng() % 5]; break;
        case 1: r.deleted = !r.deleted; break;
        case 2: r.fields["name"] = "改名" + std::to_string(rng() % 100); r.fields["description"] = "新的事由"; break;
        case 3: r.fields["due_date"] = rng() % 2 ? "2020-01-01" : "2099-01-01"; break;
        default: records.lift(kind, id); continue;  // back to the base's form
      }
      if (rng() % 2) records.lay(std::move(r));
      else records.put_base(std::move(r));
    }
    const auto changed = records.changed_since(seen);
    REQUIRE(changed);
    const UnitTree units = membership::units_from(records);
    REQUIRE(update_open_work(work, records, units, staff.unit_id, *changed, test::kNow));
    ++updated;
    seen = records.revision();
    const OpenWork fresh = open_work(records, units, staff.unit_id, test::kNow);
    CHECK(work.applications == fresh.applications);
    CHECK(work.requests == fresh.requests);
    CHECK(work.overdue == fresh.overdue);
    REQUIRE(work.items.size() == fresh.items.size());
    for (std::size_t i = 0; i < work.items.size(); ++i) {
      const OpenWork::Item &a = work.items[i], &b = fresh.items[i];
      CHECK(a.item.record == b.item.record);
      CHECK(a.item.since_ms == b.item.since_ms);
      CHECK(a.item.overdue == b.item.overdue);
      CHECK(a.id == b.id);
      CHECK(a.application == b.application);
      CHECK(a.text.folded == b.text.folded);
      CHECK(a.text.name_initials == b.text.name_initials);
    }
  }
  CHECK(updated == 40);

  // A unit changed: what is in reach may have, so it is worked out again.
  CHECK_FALSE(update_open_work(work, records, membership::units_from(records), staff.unit_id,
                               {{membership::kUnitKind, staff.unit_id}}, test::kNow));
}
