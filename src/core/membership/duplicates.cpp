#include "core/membership/duplicates.h"

#include <algorithm>

#include "core/membership/application.h"
#include "core/membership/member.h"
#include "core/membership/normalize.h"
#include "core/validate.h"

namespace nx::membership {

namespace {

void match_kind(const char* kind, const DuplicateCandidate& c, const std::string& phone, const std::string& name,
                const std::string& employer, const sync::RecordSource& records, std::vector<DuplicateMatch>& out) {
  std::vector<const sync::Record*> all = records.all(kind);
  std::sort(all.begin(), all.end(), [](const sync::Record* a, const sync::Record* b) { return a->id < b->id; });
  for (const sync::Record* r : all) {
    if (r->id == c.exclude_id) continue;
    const std::string status = r->str("status");
    if (status == "withdrawn" || status == "rejected") continue;
    DuplicateMatch m;
    const auto stored_phone = validate::normalize_phone(r->str("phone"));
    m.same_phone = !phone.empty() && stored_phone == phone;
    const std::string stored_employer = normalize_employer(r->str("employer"));
    m.same_name_employer = !name.empty() && !employer.empty() && normalize_person_name(r->str("name")) == name &&
                           stored_employer == employer;
    if (!m.same_phone && !m.same_name_employer) continue;
    m.kind = kind;
    m.id = r->id;
    m.status = status;
    m.name = r->str("name");
    m.masked_phone = validate::mask_phone(stored_phone.value_or(""));
    m.unit_id = r->str("unit_id");
    m.member_no = r->str("member_no");
    const bool member = m.kind == kMemberKind;
    if (m.same_phone && m.same_name_employer)
      m.reason = member ? Msg::DupAllAsMember : Msg::DupAllAsApplication;
    else if (m.same_phone)
      m.reason = member ? Msg::DupPhoneAsMember : Msg::DupPhoneAsApplication;
    else
      m.reason = member ? Msg::DupNameEmployerAsMember : Msg::DupNameEmployerAsApplication;
    out.push_back(std::move(m));
  }
}

}  // namespace

std::vector<DuplicateMatch> find_duplicates(const DuplicateCandidate& c, const sync::RecordSource& records) {
  const std::string phone = validate::normalize_phone(c.phone).value_or("");
  const std::string name = normalize_person_name(c.name);
  const std::string employer = normalize_employer(c.employer);
  std::vector<DuplicateMatch> out;
  match_kind(kMemberKind, c, phone, name, employer, records, out);
  match_kind(kApplicationKind, c, phone, name, employer, records, out);
  return out;
}

}  // namespace nx::membership
