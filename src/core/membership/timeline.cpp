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

struct Words {
  std::string zh, en;
};

void from_steps(const sync::Record& r, std::vector<TimelineEntry>& out, Words (*words)(const StepEntry&, const sync::Record&, const sync::RecordSource&),
                const sync::RecordSource& records) {
  int order = 0;
  for (const StepEntry& s : read_steps(r.fields)) {
    const Words w = words(s, r, records);
    if (w.zh.empty()) continue;
    out.push_back(TimelineEntry{s.at, s.at_ms, r.kind, r.id, r.kind + "." + s.step, w.zh, w.en, order++});
  }
}

Words application_words(const StepEntry& s, const sync::Record&, const sync::RecordSource&) {
  if (s.step == "create") return {"填写了入会申请", "Started a membership application"};
  if (s.step == "revise") return {"修改了入会申请", "Edited the membership application"};
  if (s.step == "submit") return {"提交了入会申请", "Submitted the membership application"};
  if (s.step == "request_info") return {"工会请你补充：" + s.note, "The union asked for more information: " + s.note};
  if (s.step == "resubmit") return {"补充后重新提交了入会申请", "Resubmitted the application with the information asked for"};
  if (s.step == "approve") return {"入会申请已批准，会员号 " + s.note, "Application approved; member number " + s.note};
  if (s.step == "reject") return {"入会申请未获批准：" + s.note, "Application not approved: " + s.note};
  if (s.step == "withdraw") return {"撤回了入会申请", "Withdrew the membership application"};
  return {};
}

Words member_words(const StepEntry& s, const sync::Record& r, const sync::RecordSource& records) {
  const std::string unit = unit_name(r.str("unit_id"), records);
  if (s.step == "join") return {"成为「" + unit + "」会员，会员号 " + s.note, "Became a member of " + unit + "; member number " + s.note};
  if (s.step == "transfer_in") {
    const std::string from = unit_name(s.note, records);
    return {"从「" + from + "」转入「" + unit + "」", "Transferred from " + from + " to " + unit};
  }
  if (s.step == "transfer_out") {
    const std::string to = unit_name(s.note, records);
    return {"办理转会：从「" + unit + "」转往「" + to + "」", "Transfer from " + unit + " to " + to + " started"};
  }
  if (s.step == "cancel_transfer") return {"撤回了转会，仍在「" + unit + "」", "Transfer cancelled; still in " + unit};
  if (s.step == "lapse") return {"会籍失效", "Membership lapsed"};
  if (s.step == "renew") return {"恢复了会籍", "Membership renewed"};
  return {};
}

Words volunteer_words(const StepEntry& s, const sync::Record& r, const sync::RecordSource& records) {
  const sync::Record* team = records.get(kVolunteerTeamKind, r.str("team_id"));
  const std::string name = team ? team->str("name") : std::string();
  if (s.step == "join") return {"加入志愿服务小分队「" + name + "」", "Joined the volunteer team " + name};
  if (s.step == "leave") return {"退出志愿服务小分队「" + name + "」", "Left the volunteer team " + name};
  if (s.step == "rejoin") return {"重新加入志愿服务小分队「" + name + "」", "Rejoined the volunteer team " + name};
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
  const std::string zh_level(skill_level_label(s.value.level, Locale::ZhCN)), en_level(skill_level_label(s.value.level, Locale::En));
  out.push_back(TimelineEntry{s.value.certified_on, civil::from_china_local(*date, 0), r.kind, r.id, r.kind + ".certified",
                              "取得「" + s.value.skill + "」" + zh_level + "证书（" + s.value.issuer + "）",
                              "Certified " + en_level + " in " + s.value.skill + " (" + s.value.issuer + ")", 0});
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
