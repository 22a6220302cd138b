#pragma once
// Demo data for one district (a believable 海陵区-like one, from the seed document) and a
// scale mode for benchmarks. Every record is made by an op through sync::apply_op, by the
// person who would really make it (admin, staff of the unit, the worker), so the data obeys
// every rule of its kind; a refused op is a bug of the generator and comes back as an Error.
// Deterministic: the same options give byte-identical records. Pure: no I/O, no clock.
//
// One file per part, run in this order (world.h holds what they share):
//   district.cpp units · stations.cpp 16 驿站 · providers.cpp 律师顾问团 and organisations ·
//   members.cpp workers, applications, members · requests.cpp 点单/配单/送单 with threads ·
//   events.cpp events, sessions, sign-ups · campaign.cpp 夏送清凉 handouts · care.cpp insurance
//   and health checks · fieldwork.cpp visits, items, follow-ups · skills.cpp 新八级工, volunteers ·
//   demo.cpp logins and the summary · names.cpp people and phone numbers
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/sync/record_source.h"

namespace nx::demo {

struct DemoOptions {
  std::uint64_t seed = 20260701;
  // "Now" for the data: 2026-07-01T09:00:00+08:00, summer (夏送清凉 season). Records lie before it.
  std::int64_t now_ms = 1782867600000;
  // 0 = the default district (a few hundred workers). Above 0: scale mode, with about this many
  // members and `requests` service requests, and the rest in proportion.
  int members = 0;
  int requests = 0;
};

// Options for a benchmark run: 20 000 members, 50 000 requests.
DemoOptions scale_options(std::uint64_t seed = 20260701, int members = 20000, int requests = 50000);

// A staff account the server creates for the demo (it picks the password).
struct StaffLogin {
  std::string username;      // ASCII, e.g. "demo-admin"
  std::string display_name;  // 张主席
  std::string role;          // staff | admin
  std::string unit_id;       // "" for the admin
  std::string user_id;
  std::string note;          // what the account shows off, for the server's banner
};

// A worker account (the server picks the PIN); its user id owns records in the data.
struct WorkerLogin {
  std::string phone;
  std::string name;
  std::string user_id;
  std::string note;
};

struct DemoDistrict {
  sync::MemoryRecords records;
  std::vector<StaffLogin> staff;
  std::vector<WorkerLogin> workers;
  std::int64_t ops_applied = 0;
};

// Live records per kind (and per status where the kind has one: "service_request.matched").
using DemoSummary = std::map<std::string, std::int64_t>;

Result<DemoDistrict> generate_demo_district(const DemoOptions& options);
DemoSummary summarize(const sync::RecordSource& records);
// "unit 34, member 412, ..." in one line per kind, for the server's banner and benchmarks.
std::string summary_text(const DemoSummary& summary);

}  // namespace nx::demo
