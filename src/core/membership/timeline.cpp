// The timeline of one person. Sections:
// [SECTION] Who: the person's records, following transfers
// [SECTION] Entries of this area's kinds
// [SECTION] Collecting and ordering
#include "core/membership/timeline.h"

#include <algorithm>
#include <set>

#include "core/civil_time.h"
#include "core/membership/application.h"
#include "core/membership/member.h"
#include "core/membership/skills.h"
#include "core/membership/steps.h"
#include "core/membership/unit.h"
#include "core/membership/volunteers.h"

namespace nx::membership {

// [SECTION] Who: the person's records, following transfers -----------------------------------

namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// Grows `who` from the member records in it: their applications, and the records they were
// transferred from or to.
void close_over_members(TimelineSubject& who, const sync::RecordSource& records) {
  for (std::size_t i = 0; i < who.member_ids.size(); ++i) {
    const std::string id = who.member_ids[i];
    add_unique(who.record_ids, id);
    const sync::Record* m = records.get(kMemberKind, id);
    if (!m || m->deleted) continue;
    if (who.owner_id.empty()) who.owner_id = m->str("owner_id");
    add_unique(who.record_ids, m->str("application_id"));
    add_unique(who.member_ids, m->str("transferred_from"));
    for (const sync::Record* next : records.find(kMemberKind, "transferred_from", id)) add_unique(who.member_ids, next->id);
  }
}

}  // namespace

TimelineSubject subject_for_owner(const std::string& owner_id, const sync::RecordSource& records) {
  TimelineSubject who;
  who.owner_id = owner_id;
  if (owner_id.empty()) return who;
  for (const sync::Record* m : records.find(kMemberKind, "owner_id", owner_id)) add_unique(who.member_ids, m->id);
  close_over_members(who, records);
  return who;
}

TimelineSubject subject_for_member(const std::string& member_id, const sync::RecordSource& records) {
  TimelineSubject who;
  add_unique(who.member_ids, member_id);
  close_over_members(who, records);
  if (!who.owner_id.empty()) {
    for (const sync::Record* m : records.find(kMemberKind, "owner_id", who.owner_id)) add_unique(who.member_ids, m->id);
    close_over_members(who, records);
  }
  return who;
}

// [SECTION] Entries of this area's kinds ----------------------------------------------------

namespace {

std::string unit_name(const std::string& id, const sync::RecordSource& records) {
  const sync::Record* u = records.get(kUnitKind, id);
  return u && !u->deleted ? u->str("name") : std::string();
}

void from_steps(const sync::Record& r, std::vector<TimelineEntry>& out, Message (*words)(const StepEntry&, const sync::Record&, const sync::RecordSource&),
                const sync::RecordSource& records) {
  int order = 0;
  for (const StepEntry& s : read_steps(r.fields)) {
    Message w = words(s, r, records);
    if (!w) continue;
    out.push_back(TimelineEntry{s.at, s.at_ms, r.kind, r.id, r.kind + "." + s.step, std::move(w), order++});
  }
}

Message application_words(const StepEntry& s, const sync::Record&, const sync::RecordSource&) {
  if (s.step == "create") return {Msg::TimelineApplicationStarted};
  if (s.step == "revise") return {Msg::TimelineApplicationEdited};
  if (s.step == "submit") return {Msg::TimelineApplicationSubmitted};
  if (s.step == "request_info") return {Msg::TimelineInfoRequested, {s.note}};
  if (s.step == "resubmit") return {Msg::TimelineApplicationResubmitted};
  if (s.step == "approve") return {Msg::TimelineApplicationApproved, {s.note}};
  if (s.step == "reject") return {Msg::TimelineApplicationRejected, {s.note}};
  if (s.step == "withdraw") return {Msg::TimelineApplicationWithdrawn};
  return {};
}

Message member_words(const StepEntry& s, const sync::Record& r, const sync::RecordSource& records) {
  const std::string unit = unit_name(r.str("unit_id"), records);
  if (s.step == "join") return {Msg::TimelineJoined, {unit, s.note}};
  if (s.step == "transfer_in") {
    const std::string from = unit_name(s.note, records);
    return {Msg::TimelineTransferredIn, {from, unit}};
  }
  if (s.step == "transfer_out") {
    const std::string to = unit_name(s.note, records);
    return {Msg::TimelineTransferStarted, {unit, to}};
  }
  if (s.step == "cancel_transfer") return {Msg::TimelineTransferCancelled, {unit}};
  if (s.step == "lapse") return {Msg::TimelineLapsed};
  if (s.step == "renew") return {Msg::TimelineRenewed};
  return {};
}

Message volunteer_words(const StepEntry& s, const sync::Record& r, const sync::RecordSource& records) {
  const sync::Record* team = records.get(kVolunteerTeamKind, r.str("team_id"));
  const std::string name = team ? team->str("name") : std::string();
  if (s.step == "join") return {Msg::TimelineTeamJoined, {name}};
  if (s.step == "leave") return {Msg::TimelineTeamLeft, {name}};
  if (s.step == "rejoin") return {Msg::TimelineTeamRejoined, {name}};
  return {};
}

void application_entries(const sync::Record& r, const sync::RecordSource& records, std::vector<TimelineEntry>& out) {
  from_steps(r, out, application_words, records);
}
void member_entries(const sync::Record& r, const sync::RecordSource& records, std::vector<TimelineEntry>& out) {
  from_steps(r, out, member_words, records);
}
void volunteer_entries(const sync::Record& r, const sync::RecordSource& records, std::vector<TimelineEntry>& out) {
  from_steps(r, out, volunteer_words, records);
}

void skill_entries(const sync::Record& r, const sync::RecordSource&, std::vector<TimelineEntry>& out) {
  auto s = decode_skill_record(r.fields);
  if (!s.ok()) return;
  auto date = civil::parse_date(s.value.certified_on);
  out.push_back(TimelineEntry{s.value.certified_on, civil::from_china_local(*date, 0), r.kind, r.id, r.kind + ".certified",
                              {Msg::TimelineCertified, {s.value.skill, skill_level_label(s.value.level), s.value.issuer}}, 0});
}

}  // namespace

std::vector<TimelineSource> membership_timeline_sources() {
  return {
      {kApplicationKind, application_entries},
      {kMemberKind, member_entries},
      {kSkillRecordKind, skill_entries},
      {kVolunteerMembershipKind, volunteer_entries},
  };
}

// [SECTION] Collecting and ordering --------------------------------------------------------

std::vector<TimelineEntry> timeline(const TimelineSubject& who, const sync::RecordSource& records,
                                    std::span<const TimelineSource> sources) {
  std::vector<TimelineEntry> out;
  for (const TimelineSource& source : sources) {
    if (!source.entries) continue;
    std::set<std::string> seen;
    auto take = [&](const sync::Record* r) {
      if (r && !r->deleted && seen.insert(r->id).second) source.entries(*r, records, out);
    };
    if (!who.owner_id.empty())
      for (const sync::Record* r : records.find(source.kind, "owner_id", who.owner_id)) take(r);
    for (const std::string& id : who.member_ids)
      for (const sync::Record* r : records.find(source.kind, "member_id", id)) take(r);
    for (const std::string& id : who.record_ids) take(records.get(source.kind, id));
  }
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.at_ms != b.at_ms) return a.at_ms > b.at_ms;
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.record_id != b.record_id) return a.record_id < b.record_id;
    return a.order > b.order;
  });
  return out;
}

}  // namespace nx::membership
