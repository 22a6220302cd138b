#pragma once
// The generator's working state, shared by the files that each make one part of the district
// (district.cpp the unit tree, stations.cpp the stations, ...). Internal to src/core/demo.
//
// Why errors are sticky instead of returned from every helper: a demo part makes hundreds of
// ops in loops; the first refusal is what matters (it names the op and the rule), and every
// later op is skipped once one failed, so the whole run stops at the first bug.
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/demo/demo.h"
#include "core/sync/hlc.h"
#include "core/sync/op.h"

namespace nx::demo {

using nlohmann::json;

inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kHourMs = 60 * kMinuteMs;
inline constexpr std::int64_t kDayMs = 24 * kHourMs;

// Seeded randomness: the only source of variety, so a seed fixes everything. Never roll twice
// in one expression's arguments (f(roll(), roll())): their order is unspecified, and gcc and
// clang differ, so the server and the web app would make different districts.
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : gen_(seed) {}
  std::uint64_t next() { return gen_(); }
  int between(int lo, int hi);  // inclusive
  bool chance(double p);
  std::string uuid();           // RFC 4122 version 4 layout
  template <typename C>
  const auto& pick(const C& c) { return c[static_cast<std::size_t>(between(0, static_cast<int>(std::size(c)) - 1))]; }

 private:
  std::mt19937_64 gen_;
};

// A union unit as the generator knows it.
struct DemoUnit {
  std::string id, name, type, parent_id, area, industry, employer;
  Actor staff;               // the unit's staff member (工会干部) who acts for it
  std::string staff_name;
};

// A worker of the district and how far their membership went.
struct DemoWorker {
  std::string user_id, name, phone, trade, employer, area;
  std::string application_id, unit_id, application_status;
  std::string member_id;     // "" unless approved and taken in
  std::int64_t joined_ms = 0;
};

struct DemoProvider {
  std::string id, name, type;
  std::vector<std::string> services;
  Actor actor;  // the lawyer or the organisation's caseworker
};

class World {
 public:
  World(const DemoOptions& options);

  const DemoOptions& options;
  Dice dice;
  DemoDistrict out;
  UnitTree tree;
  std::vector<DemoUnit> units;
  std::map<std::string, std::size_t> unit_by_key;  // short keys: "district", "town:chengnan", ...
  std::vector<DemoWorker> workers;
  std::vector<DemoProvider> providers;
  std::vector<std::string> station_ids;
  std::vector<std::string> station_names;
  std::set<std::string> phones;  // every mobile handed out, so none repeats
  Actor admin;

  bool failed() const { return error_.has_value(); }
  const std::optional<Error>& error() const { return error_; }
  bool scale() const { return options.members > 0; }

  // Applies one op as `who` at local time `at_ms` (clamped to options.now_ms). Returns the
  // stored record, or null when refused (the refusal becomes the run's error).
  const sync::Record* create(const Actor& who, const std::string& kind, const std::string& id, json set, std::int64_t at_ms);
  const sync::Record* step(const Actor& who, const std::string& kind, const std::string& id, const std::string& transition,
                           json params, std::int64_t at_ms);

  DemoUnit& unit(const std::string& key) { return units[unit_by_key.at(key)]; }
  const DemoUnit* unit_by_id(const std::string& id) const;
  // The staff who act for `unit_id`: its own, else the nearest unit above it.
  const Actor& staff_for(const std::string& unit_id) const;
  void fail(Error e);

  // China local moment: day offset from options.now_ms's date, at hh:mm.
  std::int64_t at_day(int day_offset, int hh, int mm = 0) const;
  std::string date_at(int day_offset) const;  // YYYY-MM-DD

 private:
  const sync::Record* apply(const Actor& who, sync::Op op, std::int64_t at_ms);
  sync::HlcClock clock_{"demo-seed"};
  std::optional<Error> error_;
};

// A moment as records store it (UTC ISO 8601), and the China date of a moment.
std::string iso(std::int64_t ms);
std::string civil_date(std::int64_t ms);

// The parts, in the order generate_demo_district runs them.
void make_district(World& w);
void make_stations(World& w);
void make_providers(World& w);
void make_workers(World& w);
void make_requests(World& w);
void make_events(World& w);
void make_campaign(World& w);
void make_insurance_and_health(World& w);
void make_fieldwork(World& w);
void make_skills_and_volunteers(World& w);
void make_logins(World& w);
void make_content(World& w);  // after the logins, so adding content never changes who they are

}  // namespace nx::demo
