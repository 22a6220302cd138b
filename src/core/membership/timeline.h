#pragma once
// A member's timeline (我的入会记录): every dated thing about one person, newest first —
// application steps, joining, transfers, lapses, skill certificates, volunteer teams.
//
// Extensible by kind: a TimelineSource turns one record of its kind into entries. Other areas
// append their own sources to membership_timeline_sources() and pass the list to timeline().
// Records belong to the person when their owner_id is the person's user id, their member_id
// is one of the person's member records, or they are one of those records (or the
// applications they came from) — staff-enrolled people without an account are covered too.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/messages/catalog.h"
#include "core/sync/record_source.h"

namespace nx::membership {

struct TimelineEntry {
  std::string at;          // ISO 8601 moment, or YYYY-MM-DD for dated-only events
  std::int64_t at_ms = 0;  // the moment (a date counts from its midnight, China time)
  std::string kind;
  std::string record_id;
  std::string event;       // "<kind>.<step>": "membership_application.approve", "member.lapse", ...
  Message text;
  int order = 0;           // position within its record: later steps of one moment come first
};

// Who a timeline is about.
struct TimelineSubject {
  std::string owner_id;                  // the worker's user id ("" for someone without an account)
  std::vector<std::string> record_ids;   // their member records and the applications they came from
  std::vector<std::string> member_ids;   // their member records (for records that carry member_id)
};

// The person behind a worker account, or behind one member record (following transfers).
TimelineSubject subject_for_owner(const std::string& owner_id, const sync::RecordSource& records);
TimelineSubject subject_for_member(const std::string& member_id, const sync::RecordSource& records);

using TimelineFn = void (*)(const sync::Record& record, const sync::RecordSource& records, std::vector<TimelineEntry>& out);

struct TimelineSource {
  std::string kind;
  TimelineFn entries = nullptr;
};

// This area's sources: membership_application, member, skill_record, volunteer_membership.
std::vector<TimelineSource> membership_timeline_sources();

// Newest first; entries of one moment keep a stable order.
std::vector<TimelineEntry> timeline(const TimelineSubject& who, const sync::RecordSource& records,
                                    std::span<const TimelineSource> sources);

}  // namespace nx::membership
