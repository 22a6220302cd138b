// The string table: one row per key, zh-CN then English. Keep rows in the order of enum S.
#include "ui/strings.h"

namespace nx::ui {

namespace {
struct Row {
  S key;
  std::string_view zh;
  std::string_view en;
};

constexpr Row kRows[] = {
    {S::AppName, "暖新", "Nuanxin"},
    {S::AppTagline, "新就业形态劳动者的工会之家", "The union's home for gig workers"},
    {S::Online, "在线", "Online"},
    {S::Offline, "离线", "Offline"},
    {S::TabHome, "首页", "Home"},
    {S::TabStations, "驿站", "Stations"},
    {S::TabServices, "服务", "Services"},
    {S::TabEvents, "活动", "Events"},
    {S::TabMe, "我的", "Me"},
    {S::HomeGreeting, "你好，欢迎来到暖新", "Hello, welcome to Nuanxin"},
    {S::HomeIntro, "外卖骑手、快递员、网约车和货车司机：入会、找驿站、问律师、报名活动，都在这里。",
     "Delivery riders, couriers, ride-hailing and truck drivers: join the union, find a rest "
     "station, ask a lawyer and sign up for events, all in one place."},
    {S::HomeOfflineNote, "没有信号也能用：内容先保存在手机上，有网时自动同步。",
     "Works without signal: what you enter is saved on this phone and syncs when you are back online."},
    {S::HomeQuickJoin, "申请入会", "Join the union"},
    {S::HomeQuickStations, "附近驿站", "Rest stations"},
    {S::HomeQuickLegal, "法律咨询", "Legal advice"},
    {S::HomeQuickEvents, "夏送清凉", "Summer cooling"},
    {S::StationsTitle, "户外劳动者驿站", "Rest stations for outdoor workers"},
    {S::StationsIntro, "冷可取暖、热可纳凉、渴可喝水、累可歇脚。", "Warm up in winter, cool down in summer, drink water, rest your feet."},
    {S::StationsComing, "这里将列出离你最近的驿站：距离、现在是否开放、饮水和充电等设施、地址和电话，也能在简图上查看。",
     "Here you will find the stations nearest to you: distance, whether they are open now, water, "
     "charging and other amenities, address and phone, also on a simple map."},
    {S::StationsSearch, "搜索驿站", "Search stations"},
    {S::StationsSearchHint, "名称或地址，如 南苑", "Name or address, e.g. Nanyuan"},
    {S::ServicesTitle, "法律与健康服务", "Legal and health services"},
    {S::ServicesIntro, "劳动关系难确认、工伤维权难、工资被拖欠，工会律师顾问团帮你。",
     "Unclear employment, a work injury, unpaid wages: the union's panel of lawyers helps you."},
    {S::ServicesComing, "这里将可以向律师提问、申请法律援助、预约流动体检车、参加职工保险，并随时查看办理进度。",
     "Here you will ask a lawyer, apply for legal aid, book the mobile health-check bus, enrol in "
     "union insurance and follow each request."},
    {S::EventsTitle, "工会活动", "Union events"},
    {S::EventsIntro, "夏送清凉、冬送温暖、子女暑期研学、技能培训和安全宣讲。",
     "Summer cooling, winter warmth, study trips for children, skills training and safety talks."},
    {S::EventsComing, "这里将可以报名活动、现场签到，并查看领取慰问品的记录。",
     "Here you will sign up for events, check in on site and see the handouts you received."},
    {S::MeTitle, "我的", "Me"},
    {S::MeIntro, "入会申请、电子会员证、技能等级、志愿服务队，以及你的数据与隐私。",
     "Your membership application, digital member card, skill level, volunteer teams, and your "
     "data and privacy."},
    {S::MeComing, "登录后，这里会显示你的会员证和办理记录。", "After you sign in, your member card and requests appear here."},
    {S::MeLanguage, "语言", "Language"},
    {S::LanguageChinese, "中文", "中文"},
    {S::LanguageEnglish, "English", "English"},
    {S::ComingSoon, "即将上线", "Coming soon"},
    {S::MeSignInTitle, "登录暖新", "Sign in to Nuanxin"},
    {S::MeSignInIntro, "用手机号和 6 位 PIN 码登录。第一次来请先注册。", "Sign in with your mobile number and 6-digit PIN. New here? Register first."},
    {S::FieldPhone, "手机号", "Mobile number"},
    {S::FieldPhoneHint, "11 位手机号", "11-digit mobile number"},
    {S::FieldPin, "PIN 码（6 位数字）", "PIN (6 digits)"},
    {S::FieldPinHint, "不要用 123456 这样好猜的", "Not an easy one like 123456"},
    {S::FieldName, "姓名", "Name"},
    {S::FieldNameHint, "你的真实姓名", "Your real name"},
    {S::ButtonSignIn, "登录", "Sign in"},
    {S::ButtonRegister, "注册", "Register"},
    {S::SwitchToRegister, "第一次来？注册", "New here? Register"},
    {S::SwitchToSignIn, "已有账号？登录", "Have an account? Sign in"},
    {S::PleaseWait, "请稍候…", "Please wait…"},
    {S::SyncTitle, "同步", "Sync"},
    {S::SyncPending, "条修改等待同步", "changes waiting to sync"},
    {S::SyncAllDone, "全部已同步", "Everything is synced"},
    {S::SyncLast, "上次同步：", "Last synced: "},
    {S::SyncNever, "还没有同步过", "Not synced yet"},
    {S::SyncNow, "立即同步", "Sync now"},
    {S::SyncOfflineNote, "现在离线：修改先保存在本机，有网时自动同步。", "Offline: changes are saved on this phone and sync when you are back online."},
    {S::SyncNeedsSignIn, "登录已过期，请重新登录。没同步的修改都还在本机。", "Your session expired; sign in again. Unsynced changes are still on this phone."},
    {S::SyncServerDown, "暂时连不上服务器，稍后会自动重试。", "Cannot reach the server right now; retrying automatically."},
    {S::SyncSaving, "正在保存到本机…", "Saving on this phone…"},
    {S::RecordsOnPhone, "本机保存的记录：", "Records on this phone: "},
    {S::NeedsAttention, "需要你处理", "Needs your attention"},
    {S::Discard, "放弃这条修改", "Discard this change"},
    {S::SignOut, "退出登录", "Sign out"},
    {S::SignOutRefused, "还有修改没同步，请先同步（或处理被退回的修改）再退出。", "Some changes are not synced yet; sync (or resolve refused changes) before signing out."},
    {S::SignedInAs, "已登录：", "Signed in: "},
    {S::LoadingStore, "正在读取手机上的数据…", "Reading the data on this phone…"},
    {S::AskTitle, "向律师提问", "Ask a lawyer"},
    {S::AskHint, "例如：老板拖欠两个月工资怎么办？", "E.g. my boss owes me two months' wages"},
    {S::AskSubmit, "提交问题", "Send question"},
    {S::AskSignInFirst, "登录后就可以向工会律师提问，没网也能先写好。", "Sign in to ask the union's lawyers; you can write it even without signal."},
    {S::MyQuestions, "我的提问", "My questions"},
    {S::StatusWaiting, "待同步", "Not synced"},
    {S::StatusOrdered, "已提交", "Submitted"},
    {S::StatusMatched, "已安排律师", "Lawyer assigned"},
    {S::StatusDone, "已答复", "Answered"},
    {S::StatusCancelled, "已撤回", "Withdrawn"},
    {S::Withdraw, "撤回这个提问", "Withdraw this question"},
    {S::WithdrawReason, "提问人自己撤回", "Withdrawn by the person who asked"},
    {S::ChangeSave, "保存的内容", "A saved change"},
    {S::ChangeStep, "办理操作", "A step"},
    {S::ChangeWithdraw, "撤回提问", "Withdrawing a question"},
    {S::ChangeDelete, "删除", "A deletion"},
    {S::StaffSignInLink, "工会干部登录", "Union staff sign-in"},
    {S::WorkerSignInLink, "我是劳动者，用手机号登录", "I am a worker: sign in with my phone"},
    {S::StaffSignInIntro, "工会干部用管理员发给你的用户名和密码登录。", "Union staff sign in with the username and password the administrator gave you."},
    {S::FieldUsername, "用户名", "Username"},
    {S::FieldUsernameHint, "如 li.wei", "e.g. li.wei"},
    {S::FieldPassword, "密码", "Password"},
    {S::StorageUsed, "手机存储：已用 ", "Storage on this phone: "},
    {S::StoragePersisted, "已设为长期保存", "kept even when space runs low"},
    {S::StorageNotPersisted, "空间不足时浏览器可能清除，请经常同步", "the browser may clear it when space runs low; sync often"},
    {S::ExportIntro, "你的数据属于你：可以随时下载一份。", "Your data is yours: download a copy at any time."},
    {S::ExportMine, "下载我的数据（JSON）", "Download my data (JSON)"},
    {S::ExportMembers, "下载本会会员名单（CSV）", "Download our members (CSV)"},
    {S::HeaderWaiting, "条待同步", "to sync"},
    {S::UpdateReady, "新版本可用。正在填写的内容请先提交，再更新。", "A new version is available. Finish what you are filling in, then update."},
    {S::UpdateNow, "更新到新版本", "Update now"},
};

constexpr bool rows_follow_enum_order() {
  for (std::size_t i = 0; i < std::size(kRows); ++i)
    if (kRows[i].key != static_cast<S>(i)) return false;
  return true;
}
static_assert(std::size(kRows) == static_cast<std::size_t>(S::Count_),
              "every key of enum S needs exactly one row in kRows");
static_assert(rows_follow_enum_order(), "rows of kRows must follow the order of enum S");
}  // namespace

std::string_view text(S key, Locale locale) {
  const auto index = static_cast<std::size_t>(key);
  if (index >= std::size(kRows)) return "?";
  const Row& row = kRows[index];
  return locale == Locale::En ? row.en : row.zh;
}

std::size_t string_table_size() { return std::size(kRows); }

}  // namespace nx::ui
