#include "app/attention.h"

#include "app/event_list.h"
#include "app/join.h"
#include "core/civil_time.h"

namespace nx::app {

std::vector<Attention> attention_items(const sync::RecordSource& records, const std::string& user_id, std::int64_t now_ms,
                                       int refused_changes) {
  std::vector<Attention> out;
  if (refused_changes > 0) out.push_back({AttentionKind::ChangesRefused, "", std::to_string(refused_changes), "", false});
  if (const sync::Record* a = my_application(records, user_id); a && a->str("status") == "needs_info")
    out.push_back({AttentionKind::ApplicationNeedsInfo, a->id, a->str("info_request"), "", false});
  for (const sync::Record* r : records.find("service_request", "owner_id", user_id))
    if (!r->deleted && r->str("status") == "delivered")
      out.push_back({AttentionKind::RequestToConfirm, r->id, r->str("description"), "", false});
  const civil::Date today = civil::to_china_local(now_ms).date;
  const civil::Date tomorrow = civil::to_china_local(now_ms + 24 * 3600 * 1000LL).date;
  for (const MyRegistration& m : my_registrations(records, user_id, now_ms)) {
    if (m.registration->str("status") != "registered") continue;
    const civil::Date day = civil::to_china_local(m.span.begin_ms).date;
    if (day != today && day != tomorrow) continue;
    out.push_back({AttentionKind::EventSoon, m.registration->id, m.event->str("title"),
                   m.session->str("date") + " " + m.session->str("start"), day == tomorrow});
  }
  return out;
}

}  // namespace nx::app
