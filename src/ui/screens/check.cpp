// 核验 (staff): at a handout table or an event's door, with or without signal. Type a member
// number (or find them by name, phone or initials) and see plainly whether the person is a
// member in good standing; check them in to today's session; give them a running campaign's
// items. A second claim shows the first one's time and place instead of a button.
#include <string>

#include "app/card_check.h"
#include "app/device.h"
#include "app/event_list.h"
#include "app/handout_desk.h"
#include "app/member_search.h"
#include "app/phone.h"
#include "core/civil_time.h"
#include "core/membership/unit.h"
#include "core/services/insurance.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/labels.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

// Saves one change; what happened is said in the notice.
void save(app::AppState& state, const app::Change& c, S done) {
  if (save_or_say(state, c)) state.notice = done;
}

void member_card(app::AppState& state, const sync::Record& m, const sync::RecordSource& records) {
  const std::int64_t now = app::now_ms(state);
  const bool good = services::member_in_good_standing(m.fields, now);
  card_begin("member");
  paragraph(m.str("name"), theme::kText, fonts::faces().title);
  const sync::Record* unit = records.get(membership::kUnitKind, m.str("unit_id"));
  paragraph((unit ? unit->str("name") : std::string()) + " · " + m.str("member_no"), theme::kTextMuted);
  if (good) chip(tr(S::CheckGoodStanding), theme::kOk, theme::kOkSoft);
  else chip(tr(m.str("status") == "active" ? S::CheckExpired : S::CheckNotActive), theme::kAccent, theme::kAccentSoft);
  card_end();
  if (!good) return;

  // 签到 for today's sessions the member signed up for.
  for (const sync::Record* r : app::todays_registrations(records, m.id, now)) {
    const sync::Record* session = records.get("event_session", r->str("session_id"));
    const sync::Record* event = records.get("event", r->str("event_id"));
    ImGui::PushID(r->id.c_str());
    card_begin("check_in");
    paragraph(event ? event->str("title") : std::string(), theme::kText, fonts::faces().body_bold);
    if (session) paragraph(tr(app::session_when(*session)), theme::kTextMuted);
    if (button("check_in", tr(S::CheckIn))) save(state, app::check_in(*r, now), S::CheckedIn);
    card_end();
    ImGui::PopID();
  }

  // 发放 for each campaign running today.
  const auto campaigns = app::running_campaigns(records, membership::units_from(records), state.user_unit, now);
  for (const sync::Record* c : campaigns) {
    ImGui::PushID(c->id.c_str());
    card_begin("campaign");
    paragraph(c->str("name"), theme::kText, fonts::faces().body_bold);
    std::string items;
    if (c->fields.contains("items") && c->fields["items"].is_array())
      for (const auto& i : c->fields["items"])
        if (i.is_string()) items += (items.empty() ? "" : std::string(tr(S::ListSeparator))) + i.get<std::string>();
    paragraph(items, theme::kTextMuted);
    if (const sync::Record* first = app::first_claim(records, c->id, m.id)) {
      // Given here just now is good news; given elsewhere before is a second claim.
      const bool here = first->str("device") == state.services->device_id();
      paragraph(tr(here ? S::CheckGivenHere : S::CheckAlreadyGiven, china_datetime(first->str("given_at")) + " · " + first->str("place")),
                here ? theme::kOk : theme::kAccent);
    } else if (button("give", tr(S::CheckGive), true, !state.check.place.empty())) {
      save(state, app::give_handout(*c, m, state.user_unit, state.check.place, state.services->device_id(), now,
                                    state.services->new_id()),
           S::CheckGiven);
    }
    card_end();
    ImGui::PopID();
  }
  if (campaigns.empty()) paragraph(tr(S::CheckNoCampaign), theme::kTextMuted);
}

// A card's text: what its signature says, plainly, then the member it names.
void card_verdict(app::AppState& state, const sync::RecordSource& records) {
  app::CheckView& v = state.check;
  if (v.card_checked != v.number && state.device) state.device->check_card(v.number);
  card_begin("card");
  switch (v.card) {
    case app::CardVerdict::Genuine: paragraph(tr(S::CardGenuine, v.card_valid_until), theme::kOk, fonts::faces().body_bold); break;
    case app::CardVerdict::Expired: paragraph(tr(S::CardExpired, v.card_valid_until), theme::kAccent, fonts::faces().body_bold); break;
    case app::CardVerdict::Forged: paragraph(tr(S::CardForged), theme::kAccent, fonts::faces().title); break;
    case app::CardVerdict::NoKey: paragraph(tr(S::CardNoKey), theme::kWarn); break;
    case app::CardVerdict::Unsupported: paragraph(tr(S::CardUnsupported), theme::kWarn); break;
    case app::CardVerdict::Unreadable: paragraph(tr(S::CardUnreadable), theme::kWarn); break;
    default: paragraph(tr(S::CardChecking), theme::kTextMuted); break;
  }
  card_end();
  if (v.card != app::CardVerdict::Genuine) return;
  if (const sync::Record* m = app::find_member(records, v.card_member_no)) return member_card(state, *m, records);
  paragraph(tr(S::CardMemberNotHere), theme::kTextMuted);
}

// The members whose name, phone, number or name's initials hold what was typed, for a member
// without their card; a tap on one shows their card.
void member_matches(app::AppState& state, const sync::RecordSource& records) {
  app::CheckView& v = state.check;
  // Prepared again only when the records change: a district's phone holds 20,000 members.
  // Searched again only when what was typed changes.
  struct Kept {
    std::uint64_t revision = 0;
    app::MemberIndex index;
    std::string typed;
    app::MemberMatches found;
  };
  static Kept kept;
  const std::uint64_t revision = state.services->records_revision();
  const bool records_changed = kept.revision != revision;
  if (records_changed) {
    // A member enrolled or a page pulled changes a few: their entries are brought up to date.
    const auto changed = kept.revision ? state.services->records_changed_since(kept.revision) : std::nullopt;
    if (changed) app::update_member_index(kept.index, records, *changed);
    else kept.index = app::member_index(records);
    kept.revision = revision;
  }
  if (records_changed || kept.typed != v.number) {
    kept.typed = v.number;
    kept.found = app::search_members(kept.index, v.number, 8);
  }
  const app::MemberMatches& found = kept.found;
  if (found.total == 0) {
    if (!app::SearchQuery(v.number).empty()) paragraph(tr(S::CheckNotFound), theme::kWarn);
    return;
  }
  card_begin("matches");
  for (const sync::Record* m : found.shown) {
    ImGui::PushID(m->id.c_str());
    if (link_button("member", m->str("name") + " · " + m->str("member_no"))) v.number = m->str("member_no");
    ImGui::PopID();
  }
  if (found.total > found.shown.size())
    paragraph(tr(S::CheckMoreMatches, std::to_string(found.total - found.shown.size())), theme::kTextMuted, fonts::faces().small);
  card_end();
}

}  // namespace

void draw_check(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (!records) return;
  app::CheckView& v = state.check;
  heading(tr(S::CheckTitle));
  paragraph(tr(S::CheckIntro), theme::kTextMuted);
  card_begin("find");
  if (v.place.empty())
    if (const sync::Record* unit = records->get(membership::kUnitKind, state.user_unit)) v.place = unit->str("name");
  text_field("place", tr(S::CheckPlace), tr(S::CheckPlaceHint), v.place, Keyboard::Text, 100);
  // A hand scanner types the card's whole text into the field, so it is long enough for one.
  if (text_field("number", tr(S::CheckNumber), tr(S::CheckNumberHint), v.number, Keyboard::Text, 300)) state.notice = {};
  if (state.device && state.device->can_scan() && button("scan", tr(S::CheckScan), false, !v.scanning)) {
    v.number.clear();
    state.device->scan_card(std::string(tr(S::CheckScanClose)));
  }
  card_end();
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kOk);
  // The member and their earlier handouts may not be read yet: "not found" would be untrue.
  if (says_still_reading(state)) return;
  if (app::looks_like_card(v.number)) return card_verdict(state, *records);
  if (const sync::Record* m = app::find_member(*records, v.number)) return member_card(state, *m, *records);
  member_matches(state, *records);
}

}  // namespace nx::ui
