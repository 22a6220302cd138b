// 招聘求职: job posts the union's staff keep, narrowed by trade, readable offline; "我感兴趣"
// files a job-help request that names the post, and the union follows it up like any request.
#include <algorithm>

#include "app/pages.h"
#include "app/join.h"
#include "app/phone.h"
#include "core/content/job_post.h"
#include "core/kinds/kind_support.h"
#include "core/membership/trades.h"
#include "ui/fonts.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

namespace {

const sync::Record* my_interest(const sync::RecordSource& records, const std::string& user_id, const std::string& post_id) {
  for (const sync::Record* r : records.find("service_request", "job_post_id", post_id))
    if (r->str("owner_id") == user_id && r->str("status") != "cancelled") return r;
  return nullptr;
}

void interested(app::AppState& state, const sync::Record& post, const sync::RecordSource& records) {
  app::Change c;
  c.kind = "service_request";
  c.id = state.services->new_id();
  c.set = {{"category", "other"},
           {"description", std::string(tr(S::JobInterestText)) + tr(Message{S::WithAside, {post.str("title"), post.str("employer")}})},
           {"owner_id", state.user_id}, {"unit_id", app::unit_for_requests(records, state.user_id)}, {"job_post_id", post.id}};
  if (auto saved = state.services->save(c); !saved) state.notice = saved.error();
}

void job_card(app::AppState& state, const sync::Record& post, const sync::RecordSource& records) {
  ImGui::PushID(post.id.c_str());
  card_begin("job");
  const auto trade = membership::parse_trade(post.str("trade"));
  if (trade) chip(tr(membership::trade_label(*trade)), theme::kAccent, theme::kAccentSoft);
  paragraph(post.str("title"), theme::kText, fonts::faces().body_bold);
  paragraph(tr(S::JobPay, std::to_string(kinds::field_int(post.fields, "pay_min")) + "–" +
                              std::to_string(kinds::field_int(post.fields, "pay_max"))),
            theme::kAccent, fonts::faces().body_bold);
  paragraph(post.str("employer") + " · " + post.str("place"), theme::kTextMuted);
  if (!post.str("description").empty()) paragraph(post.str("description"));
  paragraph(std::string(tr(S::JobContact)) + post.str("contact"), theme::kTextMuted);
  if (my_interest(records, state.user_id, post.id)) {
    chip(tr(S::JobInterestSent), theme::kOk, theme::kOkSoft);
  } else if (state.sync.signed_in && button("interested", tr(S::JobInterested), false)) {
    interested(state, post, records);
  }
  card_end();
  ImGui::PopID();
}

}  // namespace

void draw_jobs(app::AppState& state) {
  if (link_button("back", tr(S::BackHome))) app::close_page(state);
  heading(tr(S::JobsTitle));
  paragraph(tr(S::JobsIntro), theme::kTextMuted);
  const sync::RecordSource* records = state.services ? state.services->records() : nullptr;
  if (!records) return;
  if (choice_chip("all", tr(S::JobsAll), state.home.job_trade.empty(), true)) state.home.job_trade.clear();
  for (std::string_view name : membership::kTradeNames) {
    if (name == "other") continue;
    if (choice_chip(name.data(), tr(membership::trade_label(*membership::parse_trade(name))),
                    state.home.job_trade == name, false))
      state.home.job_trade = std::string(name);
  }
  if (state.notice) paragraph(state.notice.text(state.locale), theme::kAccent);
  std::vector<const sync::Record*> posts;
  for (const sync::Record* r : records->all(content::kJobPostKind))
    if (!r->deleted && !(r->fields.contains("open") && r->fields["open"] == false) &&
        (state.home.job_trade.empty() || r->str("trade") == state.home.job_trade))
      posts.push_back(r);
  std::sort(posts.begin(), posts.end(),
            [](const sync::Record* a, const sync::Record* b) { return a->str("published_on") > b->str("published_on"); });
  ImGui::Dummy(ImVec2(0, 4));
  if (posts.empty()) {
    card_begin("none");
    paragraph(tr(S::JobsNone), theme::kTextMuted);
    card_end();
  }
  for (const sync::Record* post : posts) job_card(state, *post, *records);
}

}  // namespace nx::ui
