// 服务 (点单): ask for a service (legal advice, legal aid, a health check, insurance, training,
// other help), written offline and sent when there is signal; follow each request through
// 已点单 → 已配单 → 已送单 → 已确认 with who handles it and by when, talk in its thread, and
// confirm and rate it when it is done.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "app/pages.h"
#include "app/device.h"
#include "app/join.h"
#include "app/phone.h"
#include "core/civil_time.h"
#include "core/kinds/kind_support.h"
#include "core/services/health_check.h"
#include "core/services/request_message.h"
#include "core/services/service_request.h"
#include "ui/fonts.h"
#include "ui/screens/form_parts.h"
#include "ui/screens/labels.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

using Choice = LabelledName;
constexpr Choice kTopics[] = {
    {"unpaid_wages", S::TopicUnpaidWages}, {"work_injury", S::TopicWorkInjury},
    {"labour_relation", S::TopicLabourRelation}, {"other", S::TopicOther},
};
bool is_legal(const std::string& category) { return category == "legal_consultation" || category == "legal_aid"; }

// 流动体检车: the slots still to come, with places left; book one, or cancel a booking.
void health_check_slots(app::AppState& state, const sync::RecordSource& records) {
  const std::string today = civil::format_date(civil::to_china_local(app::now_ms(state)).date);
  std::vector<const sync::Record*> slots;
  for (const sync::Record* s : records.all("health_check_slot"))
    if (!s->deleted && s->str("date") >= today) slots.push_back(s);
  std::sort(slots.begin(), slots.end(), [](const sync::Record* a, const sync::Record* b) {
    return std::make_pair(a->str("date"), a->str("start_time")) < std::make_pair(b->str("date"), b->str("start_time"));
  });
  paragraph(tr(S::SlotsIntro), theme::kTextMuted);
  if (slots.empty()) paragraph(tr(S::SlotsNone), theme::kTextMuted);
  for (const sync::Record* slot : slots) {
    ImGui::PushID(slot->id.c_str());
    ImGui::Dummy(ImVec2(0, 4));
    paragraph(slot->str("date") + " " + slot->str("start_time") + "–" + slot->str("end_time"), theme::kText, fonts::faces().body_bold);
    paragraph(slot->str("place") + " · " + slot->str("address"), theme::kTextMuted);
    const sync::Record* mine = nullptr;
    for (const sync::Record* b : records.find("health_check_booking", "slot_id", slot->id))
      if (!b->deleted && b->str("owner_id") == state.user_id && b->str("status") == "booked") mine = b;
    const std::int64_t left = kinds::field_int(slot->fields, "capacity") - static_cast<std::int64_t>(services::places_taken(records, slot->id));
    if (mine) {
      chip(tr(state.services->unsynced(mine->kind, mine->id) ? S::StatusWaiting : S::SlotBooked), theme::kOk, theme::kOkSoft);
      if (button("cancel", tr(S::SlotCancel), false)) save_or_say(state, {"health_check_booking", mine->id, nlohmann::json::object(), "cancel", false});
    } else if (left > 0) {
      paragraph(tr(S::SeatsLeft, std::to_string(left)), theme::kOk);
      if (button("book", tr(S::SlotBook), false))
        save_or_say(state, {"health_check_booking", state.services->new_id(),
                     {{"slot_id", slot->id}, {"owner_id", state.user_id}, {"unit_id", slot->str("unit_id")}}, "", false});
    } else {
      paragraph(tr(S::SlotFull), theme::kWarn);
    }
    ImGui::PopID();
  }
}

void order_form(app::AppState& state, const sync::RecordSource& records) {
  app::ServicesView& v = state.services_view;
  card_begin("ask");
  paragraph(tr(S::OrderWhat), theme::kTextMuted, fonts::faces().small);
  bool first = true;
  for (const Choice& c : kCategories) {
    if (choice_chip(c.name.data(), tr(c.label), v.category == c.name, first)) {
      v.category = std::string(c.name);
      v.topic.clear();
    }
    first = false;
  }
  if (is_legal(v.category)) {
    paragraph(tr(S::OrderTopic), theme::kTextMuted, fonts::faces().small);
    ImGui::PushID("topic");  // "other" is a category and a topic
    first = true;
    for (const Choice& t : kTopics) {
      if (choice_chip(t.name.data(), tr(t.label), v.topic == t.name, first)) v.topic = v.topic == t.name ? "" : std::string(t.name);
      first = false;
    }
    ImGui::PopID();
  }
  if (v.category == "health_check") {
    health_check_slots(state, records);
    if (state.notice) paragraph(state.notice.text(state.locale), theme::kAccent);
    card_end();
    return;
  }
  if (v.category == "insurance") insurance_plans(state, records);
  const bool question = v.category == "legal_consultation";
  const S describe = question ? S::AskTitle : v.category == "insurance" ? S::InsuranceAsk : S::OrderDescribe;
  text_field("question", tr(describe), tr(question ? S::AskHint : S::OrderDescribeHint), v.text, Keyboard::Text, 1000);
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kTextMuted);
  if (button("send", tr(question ? S::AskSubmit : S::OrderSubmit), true, !v.text.empty())) {
    app::Change c;
    c.kind = "service_request";
    c.id = state.services->new_id();
    c.set = {{"category", v.category}, {"description", v.text}, {"owner_id", state.user_id}, {"unit_id", app::unit_for_requests(records, state.user_id)}};
    if (is_legal(v.category)) c.set["topic"] = v.topic.empty() ? "other" : v.topic;
    if (save_or_say(state, c)) {
      v.text.clear();
      v.topic.clear();
      state.notice = {};
    }
  }
  card_end();
}

// 已点单 → 已配单 → 已送单 → 已确认: dots joined by a line, the stages reached in red.
void stage_line(int reached) {
  const float width = ImGui::CalcItemWidth();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float step = width / 4;
  const fonts::Faces& f = fonts::faces();
  for (int i = 0; i < 4; ++i) {
    const ImVec2 c(min.x + step * (i + 0.5f), min.y + 10);
    if (i < 3) dl->AddLine(c, ImVec2(c.x + step, c.y), i < reached ? theme::kAccent : theme::kBorder, 3);
    dl->AddCircleFilled(c, 8, i <= reached ? theme::kAccent : theme::kBorder);
    const std::string_view label = tr(kStages[i]);
    fonts::note_text(label);
    const ImVec2 ts = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
    const ImVec2 at(c.x - ts.x / 2, min.y + 24);
    dl->AddText(f.small, f.small->FontSize, at, i <= reached ? theme::kText : theme::kTextMuted, label.data(),
                label.data() + label.size());
    widget_tree::add_item(Role::Text, label, at, ImVec2(at.x + ts.x, at.y + ts.y));
  }
  ImGui::Dummy(ImVec2(width, 48));
}

// Five stars to tap; returns the rating chosen this frame, or 0.
int rating_stars(int current) {
  int tapped = 0;
  const float size = theme::kTouchTarget;
  widget_tree::begin_radio_group();
  for (int i = 1; i <= 5; ++i) {
    if (i > 1) ImGui::SameLine(0, 4);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushID(i);
    if (ImGui::InvisibleButton("star", ImVec2(size, size))) tapped = i;
    ImGui::PopID();
    widget_tree::tag_last_item(Role::Radio, tr(S::RatingStars, std::to_string(i)), i == current ? 1 : 0);
    const ImVec2 c(min.x + size / 2, min.y + size / 2);
    ImVec2 points[10];
    for (int k = 0; k < 10; ++k) {
      const float r = k % 2 ? 7.5f : 18.0f;
      const float a = -1.5707963f + k * 0.6283185f;
      points[k] = ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a));
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (i <= current)  // a star is concave: filled as ten triangles around its centre
      for (int k = 0; k < 10; ++k) dl->AddTriangleFilled(c, points[k], points[(k + 1) % 10], IM_COL32(0xF2, 0xA9, 0x00, 0xFF));
    dl->AddPolyline(points, 10, i <= current ? IM_COL32(0xD0, 0x8C, 0x00, 0xFF) : theme::kTextMuted, ImDrawFlags_Closed, 1.5f);
  }
  return tapped;
}

void request_page(app::AppState& state, const sync::Record& r, const sync::RecordSource& records) {
  app::ServicesView& v = state.services_view;
  if (link_button("back", tr(S::ServicesBack))) return app::close_page(state);
  heading(category_text(r.str("category")));
  const std::string status = r.str("status");
  const bool waiting = state.services->unsynced(r.kind, r.id);
  if (waiting) chip(tr(S::StatusWaiting), theme::kWarn, theme::kWarnSoft);
  if (status == "cancelled") chip(tr(S::StatusCancelled), theme::kTextMuted, theme::kBorder);
  else stage_line(stage_index(status));
  paragraph(r.str("description"));
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kAccent);

  card_begin("who");
  const sync::Record* provider = records.get("provider", r.str("provider_id"));
  paragraph(tr(S::HandledBy), theme::kTextMuted, fonts::faces().small);
  paragraph(provider ? provider->str("name") : std::string(tr(S::HandledByUnion)));
  if (!r.str("due_date").empty()) {
    const bool overdue = services::is_overdue(r.fields, app::now_ms(state));
    paragraph(std::string(tr(S::DueDate)) + r.str("due_date") + (overdue ? std::string(tr(S::Overdue)) : ""),
              overdue ? theme::kAccent : theme::kTextMuted);
  }
  card_end();

  if (status == "delivered") {
    card_begin("confirm");
    paragraph(tr(S::ConfirmTitle), theme::kText, fonts::faces().body_bold);
    if (const int tapped = rating_stars(v.rating)) v.rating = tapped;
    text_field("comment", tr(S::ConfirmComment), tr(S::ConfirmCommentHint), v.comment, Keyboard::Text, 500);
    if (button("confirm", tr(S::ConfirmDone), true, v.rating > 0)) {
      app::Change c{"service_request", r.id, {{"rating", v.rating}}, "confirm", false};
      if (!v.comment.empty()) c.set["comment"] = v.comment;
      if (save_or_say(state, c)) v.rating = 0, v.comment.clear();
    }
    card_end();
  }
  if (status == "confirmed" && r.fields.contains("rating"))
    paragraph(tr(S::RatedStars, std::to_string(kinds::field_int(r.fields, "rating"))), theme::kOk);
  request_thread(state, r, records, state.services_view.reply);
  if ((status == "ordered" || status == "matched" || status == "reopened") && button("withdraw", tr(S::Withdraw), false))
    save_or_say(state, {"service_request", r.id, {{"reason", std::string(tr(S::WithdrawReason))}}, "cancel", false});
}

// One request in the list: what it is, its stage, and the first words of what was asked.
void request_row(app::AppState& state, const sync::Record& r) {
  ImGui::PushID(r.id.c_str());
  const bool waiting = state.services->unsynced("service_request", r.id);
  const std::string status = r.str("status");
  const S stage = status == "cancelled" ? S::StatusCancelled : kStages[stage_index(status)];
  const bool good = status != "cancelled" && !waiting;
  chip(tr(waiting ? S::StatusWaiting : stage), good ? theme::kOk : theme::kWarn, good ? theme::kOkSoft : theme::kWarnSoft);
  ImGui::SameLine(0, 8);
  paragraph(category_text(r.str("category")), theme::kTextMuted, fonts::faces().small);
  paragraph(r.str("description"));
  if (status == "delivered") paragraph(tr(S::ConfirmPrompt), theme::kAccent);
  if (link_button("open", tr(S::ServicesOpen))) {
    app::open_page(state, app::PageKind::Request, "service_request", r.id);
    state.notice = {};
  }
  ImGui::PopID();
}

}  // namespace

void draw_services(app::AppState& state) {
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (const app::Page* page = app::top_page(state); records && page) {
    if (const sync::Record* r = records->get(page->record_kind, page->record_id)) return request_page(state, *r, *records);
    app::close_page(state);  // gone from the phone (withdrawn elsewhere)
  }
  heading(tr(S::ServicesTitle));
  paragraph(tr(S::ServicesIntro), theme::kTextMuted);
  if (!state.sync.signed_in || !records) {
    card_begin("sign-in");
    paragraph(tr(S::AskSignInFirst), theme::kTextMuted);
    if (button("to-me", tr(S::GoSignIn))) state.tab = app::Tab::Me;
    card_end();
    return;
  }
  order_form(state, *records);
  auto mine = records->find("service_request", "owner_id", state.user_id);
  if (mine.empty()) return;
  // Newest first: not yet synced (no sequence number), then the latest the server took.
  std::sort(mine.begin(), mine.end(), [](const sync::Record* a, const sync::Record* b) {
    const auto order = [](const sync::Record* r) { return r->seq == 0 ? INT64_MAX : r->seq; };
    return order(a) != order(b) ? order(a) > order(b) : a->id > b->id;
  });
  card_begin("mine");
  heading(tr(S::MyQuestions));
  for (const sync::Record* r : mine) request_row(state, *r);
  card_end();
}

}  // namespace nx::ui
