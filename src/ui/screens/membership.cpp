// The membership part of 我的: the member card (会员证) with its signed QR code, or where the
// application stands, or the way in (申请入会); and the welcome pack (入会大礼包).
#include "app/pages.h"
#include "app/device.h"
#include "app/join.h"
#include "app/phone.h"
#include "core/civil_time.h"
#include "core/membership/card.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widget_tree.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

std::string unit_name(const sync::RecordSource& records, const std::string& id) {
  const sync::Record* u = records.get("unit", id);
  return u ? u->str("name") : "";
}

// A line of text on the red card, reported for screen readers and tests.
void card_text(ImDrawList* dl, ImFont* font, ImVec2 at, ImU32 color, std::string_view text) {
  fonts::note_text(text);
  dl->AddText(font, font->FontSize, at, color, text.data(), text.data() + text.size());
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size());
  widget_tree::add_item(Role::Text, text, at, ImVec2(at.x + size.x, at.y + size.y));
}

// The card itself: the union's red, the holder's name and number large, the QR code on white
// so it scans in sunlight.
void member_card(const sync::Record& m, const sync::RecordSource& records) {
  const fonts::Faces& f = fonts::faces();
  const float width = ImGui::CalcItemWidth();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const float pad = 18;
  const float head_h = 150;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, ImVec2(min.x + width, min.y + head_h), theme::kAccent, theme::kRadius, ImDrawFlags_RoundCornersTop);
  const ImU32 white = IM_COL32_WHITE, soft = IM_COL32(0xFF, 0xE4, 0xDE, 0xFF);
  card_text(dl, f.small, ImVec2(min.x + pad, min.y + pad), soft, tr(S::CardTitle));
  card_text(dl, f.title, ImVec2(min.x + pad, min.y + pad + 22), white, m.str("name"));
  card_text(dl, f.body, ImVec2(min.x + pad, min.y + pad + 56), white, unit_name(records, m.str("unit_id")));
  card_text(dl, f.body_bold, ImVec2(min.x + pad, min.y + pad + 84), white, m.str("member_no"));
  const std::string card = m.str("card");
  std::string until = m.str("valid_until");
  if (until.empty())
    if (const auto parsed = membership::parse_card(card)) until = parsed->claims.valid_until;
  card_text(dl, f.small, ImVec2(min.x + pad, min.y + pad + 110), soft,
            std::string(tr(S::CardValidUntil)) + (until.empty() ? std::string(tr(S::CardNoEnd)) : until));

  // The white part is drawn under the QR code once its size is known (draw channels).
  const float qr_top = min.y + head_h;
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  float body_h = 0;
  if (card.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, qr_top + pad));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad);
    paragraph(tr(S::CardQrAfterSync), theme::kTextMuted);
    ImGui::PopTextWrapPos();
    body_h = ImGui::GetItemRectMax().y - qr_top + pad;
  } else {
    const float qr_size = std::min(240.0f, width - 2 * pad);
    ImGui::SetCursorScreenPos(ImVec2(min.x + (width - qr_size) / 2, qr_top + 12));
    const float side = qr_code(card, qr_size, tr(S::CardQrLabel));
    const std::string_view hint = tr(S::CardShowStaff);
    const ImVec2 ts = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, hint.data(), hint.data() + hint.size());
    card_text(dl, f.small, ImVec2(min.x + (width - ts.x) / 2, qr_top + 12 + side + 4), theme::kTextMuted, hint);
    body_h = 12 + side + 4 + ts.y + pad;
  }
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(ImVec2(min.x, qr_top), ImVec2(min.x + width, qr_top + body_h), theme::kSurface, theme::kRadius,
                    ImDrawFlags_RoundCornersBottom);
  dl->AddRect(min, ImVec2(min.x + width, qr_top + body_h), theme::kBorder, theme::kRadius);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(min.x, qr_top + body_h + theme::kGap));
  ImGui::Dummy(ImVec2(width, 0));
}

void welcome_pack(const app::AppState& state, const sync::RecordSource& records) {
  for (const sync::Record* c : records.all("campaign")) {
    if (c->deleted || c->str("category") != "welcome_pack") continue;
    card_begin("welcome");
    paragraph(tr(S::WelcomePack), theme::kText, fonts::faces().body_bold);
    const sync::Record* got = nullptr;
    for (const sync::Record* h : records.find("handout", "campaign_id", c->id))
      if (h->str("owner_id") == state.user_id && h->str("status") == "given") got = h;
    if (got) {
      chip(tr(S::WelcomePackClaimed), theme::kOk, theme::kOkSoft);
      const auto at = civil::parse_datetime_ms(got->str("given_at"));
      if (at) paragraph(civil::format_date(civil::to_china_local(*at).date), theme::kTextMuted);
    } else {
      chip(tr(S::WelcomePackWaiting), theme::kWarn, theme::kWarnSoft);
      paragraph(tr(S::WelcomePackHow), theme::kTextMuted);
    }
    card_end();
    return;
  }
}

struct Stage {
  S label;
  bool good;
};
Stage stage_of(const std::string& status) {
  if (status == "submitted" || status == "resubmitted") return {S::AppStageWaiting, true};
  if (status == "needs_info") return {S::AppStageNeedsInfo, false};
  if (status == "approved") return {S::AppStageApproved, true};
  if (status == "rejected") return {S::AppStageRejected, false};
  if (status == "withdrawn") return {S::AppStageWithdrawn, false};
  return {S::AppStageDraft, false};
}

void application_status(app::AppState& state, const sync::Record& a, const sync::RecordSource& records) {
  card_begin("application");
  heading(tr(S::AppTitle));
  const bool waiting = state.services->unsynced(a.kind, a.id);
  const Stage stage = stage_of(a.str("status"));
  chip(tr(waiting ? S::StatusWaiting : stage.label), stage.good && !waiting ? theme::kOk : theme::kWarn,
       stage.good && !waiting ? theme::kOkSoft : theme::kWarnSoft);
  paragraph(std::string(tr(S::JoinGoesTo)) + unit_name(records, a.str("unit_id")), theme::kTextMuted);
  const std::string status = a.str("status");
  if (status == "needs_info") {
    paragraph(a.str("info_request"), theme::kAccent);
    if (button("answer", tr(S::AppAnswer))) {
      app::fill_from(state.join, a, records);
      state.join.resubmit_id = a.id;
      app::open_join_page(state);
    }
  } else if (status == "rejected" || status == "withdrawn") {
    if (!a.str("reject_reason").empty()) paragraph(a.str("reject_reason"), theme::kAccent);
    if (button("again", tr(S::AppApplyAgain))) {
      app::fill_from(state.join, a, records);
      app::open_join_page(state);
    }
  } else if (status == "approved") {
    paragraph(std::string(tr(S::AppApprovedNumber)) + a.str("member_no"));
    paragraph(tr(S::AppCardComing), theme::kTextMuted);
  } else {
    paragraph(tr(S::AppWaitingNote), theme::kTextMuted);
  }
  card_end();
}

}  // namespace

void draw_membership(app::AppState& state) {
  if (!state.services || state.user_role != "worker") return;
  const sync::RecordSource* records = state.services->records();
  if (!records) return;
  if (const sync::Record* m = app::my_membership(*records, state.user_id)) {
    member_card(*m, *records);
    welcome_pack(state, *records);
    return;
  }
  if (const sync::Record* a = app::my_application(*records, state.user_id)) {
    application_status(state, *a, *records);
    return;
  }
  card_begin("join");
  heading(tr(S::JoinTitle));
  paragraph(tr(S::JoinWhy), theme::kTextMuted);
  if (button("join", tr(S::JoinStart))) app::open_new_application(state);
  card_end();
}

}  // namespace nx::ui
