// 我的: membership, card and personal data (to come), and the language choice (works now).
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets/widgets.h"

namespace nx::ui {

void draw_me(app::AppState& state) {
  draw_placeholder(S::MeTitle, S::MeIntro, S::MeComing, Icon::Me);

  card_begin("language");
  paragraph(tr(S::MeLanguage), theme::kTextMuted);
  const std::string_view choices[] = {tr(S::LanguageChinese), tr(S::LanguageEnglish)};
  const int current = state.locale == Locale::En ? 1 : 0;
  const int tapped = segmented("locale", choices, 2, current);
  if (tapped >= 0) state.locale = tapped == 1 ? Locale::En : Locale::ZhCN;
  card_end();
}

}  // namespace nx::ui
