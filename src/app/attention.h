#pragma once
// 首页's "needs your attention": what is waiting for this person, most pressing first — a
// request done and waiting for their confirmation, the union asking for more on their
// application, an event of theirs today or tomorrow, changes the server refused.
#include <cstdint>
#include <string>
#include <vector>

#include "core/sync/record_source.h"

namespace nx::app {

enum class AttentionKind { ChangesRefused, ApplicationNeedsInfo, RequestToConfirm, EventSoon };

struct Attention {
  AttentionKind kind;
  std::string record_id;  // what to open (a request, a registration); "" for refused changes
  std::string title;      // the request's description, the event's title
  std::string when;       // for an event: its session's date and start ("2026-07-02 19:00")
  bool tomorrow = false;  // for an event: tomorrow rather than today
};

std::vector<Attention> attention_items(const sync::RecordSource& records, const std::string& user_id, std::int64_t now_ms,
                                       int refused_changes);

}  // namespace nx::app
