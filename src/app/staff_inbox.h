#pragma once
// 待办: what waits for a staff member's unit and the units below it — membership applications
// to decide and service requests to match (配单) or see delivered (送单) — oldest first, with
// counts, narrowed by kind, overdue, and a name, phone or words searched for. Admins see every
// unit.
#include <cstdint>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/search_text.h"
#include "core/access.h"
#include "core/sync/record_source.h"

namespace nx::app {

struct InboxItem {
  const sync::Record* record = nullptr;
  std::int64_t since_ms = 0;  // when it started waiting: submitted, or the request made
  bool overdue = false;  // a matched request past its due date
};

struct Inbox {
  std::vector<InboxItem> items;  // after the filter, oldest first
  // Before the filter, so the chips can say how many each would show.
  int applications = 0;
  int requests = 0;
  int overdue = 0;
};

// Everything that waits, before the filter: worked out when the records (or the minute, for
// overdue) change, so that a character typed into the search only filters what is here.
struct OpenWork {
  struct Item {
    InboxItem item;
    SearchText text;  // name, phone, words and employer
    // Which record, apart from the pointer: an update must find the item of a record that
    // may no longer be where it was.
    bool application = false;
    std::string id;
  };
  std::vector<Item> items;  // oldest first
  int applications = 0;
  int requests = 0;
  int overdue = 0;
};

// `staff_unit` "" means everywhere (an admin).
OpenWork open_work(const sync::RecordSource& records, const UnitTree& units, const std::string& staff_unit,
                   std::int64_t now_ms);
// Brings `work` up to date after the records `changed` ((kind, id), as LayeredRecords::
// changed_since names them) did, on the same day: what open_work would now give, in a
// fraction of the time at a district's size. False when it cannot (a unit changed, so what
// is in reach may have): work it out again.
bool update_open_work(OpenWork& work, const sync::RecordSource& records, const UnitTree& units,
                      const std::string& staff_unit, const std::vector<std::pair<std::string, std::string>>& changed,
                      std::int64_t now_ms);
// The search as app/search_text.h reads it: ＷＡＮＧ finds wang, "138 0013" a phone written
// without spaces, wj 王军.
Inbox filter_inbox(const OpenWork& work, const InboxView& filter);
// Both steps at once.
Inbox staff_inbox(const sync::RecordSource& records, const UnitTree& units, const std::string& staff_unit,
                  const InboxView& filter, std::int64_t now_ms);

// A service request still needs the union: ordered or reopened (to match), or matched (to deliver).
bool request_waits_for_union(const std::string& status);

}  // namespace nx::app
