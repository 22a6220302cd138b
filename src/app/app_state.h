#pragma once
// What the app knows right now, independent of how it is drawn. The UI reads and changes it;
// the platform layer reports it to the page as window.nuanxin.state().
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/notice.h"
#include "app/record_history.h"
#include "app/station_finder.h"
#include "core/access.h"
#include "core/locale.h"
#include "core/messages/catalog.h"
#include "core/result.h"

namespace nx::app {

// The places of the bottom tab bar: a worker's five, and union staff's own (src/ui/screens
// lists which tabs whom).
enum class Tab { Home, Stations, Services, Events, Me, Inbox, Enrol, Visits, Check, Dashboard };
inline constexpr Tab kAllTabs[] = {Tab::Home,  Tab::Stations, Tab::Services, Tab::Events,   Tab::Me,
                                   Tab::Inbox, Tab::Enrol,    Tab::Visits,   Tab::Check,  Tab::Dashboard};

// Stable names for tests and deep links ("#/stations").
std::string_view screen_name(Tab tab);
std::optional<Tab> tab_from_screen_name(std::string_view name);

// The pages a tab opens over its own screen (pages.h pushes and pops them).
enum class PageKind {
  Learn,          // 工会知识 (首页)
  Article,        // an announcement, article or the quiz: record_id
  Jobs,           // 招聘求职 (首页)
  Station,        // a station's page (驿站): record_id
  Request,        // one of my service requests (服务): record_id
  InboxItem,      // an application or request waiting for staff (待办): record_kind, record_id
  Visit,          // the visit being logged (走访): VisitForm
  Join,           // the membership application (我的): JoinForm
  StationAdmin,   // 驿站管理 (我的): the unit's stations
  StationEdit,    // one of them being kept current: StationEdit
  EventAdmin,     // 活动管理 (我的): the unit's coming events
  EventWrite,     // a new event being written: EventForm
  ProviderAdmin,  // 服务方管理 (我的): the unit's providers
  ProviderEdit,   // one being added or kept current: ProviderEdit
};

struct Page {
  PageKind kind;
  std::string record_kind, record_id;  // the record it shows, when it shows one
  std::uint64_t serial = 0;  // unique per opening: a page opened again starts at its top
  bool operator==(const Page&) const = default;
};

struct SyncStatus {
  bool online = false;
  bool signed_in = false;
  bool needs_sign_in = false;  // the session expired: changes wait until the person signs in
  bool server_unreachable = false;
  int saving = 0;          // changes not yet committed to this phone's storage
  int pending_ops = 0;     // saved on this phone, not yet acknowledged by the server
  int rejected_ops = 0;    // refused by the server, waiting for the person to fix or discard
  std::string last_sync;   // ISO 8601 time of the last completed sync; empty if never
  bool rewriting = false;  // storage is being rewritten in the background (a compaction)

  bool operator==(const SyncStatus&) const = default;
};

// The sign-in card on 我的.
struct SignInForm {
  bool registering = false;  // new here: also asks for a name
  bool staff = false;        // a union staff member: username and password instead
  std::string phone, pin, name, username, password;
  bool busy = false;
  std::optional<Error> error;  // the last refusal (both languages: the person may switch)
  bool operator==(const SignInForm&) const = default;
};

// What the person chose on 驿站: the filters, list or map, the station opened, where they are.
struct StationsView {
  std::string query;
  std::vector<std::string> amenities;
  bool open_now_only = false;
  bool more_filters = false;  // the less asked-for amenities shown too
  bool show_map = false;
  std::optional<Place> here;   // the phone's position or a chosen town; nullopt: unknown
  bool locating = false;
  bool locate_failed = false;  // refused or no fix: the towns are offered instead
  bool choosing_town = false;  // the person asked to pick a town instead of their position
  bool operator==(const StationsView&) const = default;
};

// The membership application being filled in (入会), on its own page of 我的.
struct JoinForm {
  std::string resubmit_id;  // the application asked for more information, being answered
  std::string name, phone, employer, info_reply;
  std::string trade;         // a core trade name; "" until chosen
  std::string town_id;       // the town federation chosen first...
  std::string area_unit_id;  // ...then that town or one of its communities: the unit whose area is theirs
  bool consent = false;
  FieldErrors errors;  // field -> message, shown beside the field
  bool operator==(const JoinForm&) const = default;
};

// 服务: the request being written, and the request whose page is open.
struct ServicesView {
  std::string category = "legal_consultation";
  std::string topic;
  std::string text;
  int rating = 0;       // 1-5 while confirming a delivered request
  std::string comment, reply;
  std::string leaving_plan;  // the insurance plan whose 不再参加 waits for a second tap
  bool operator==(const ServicesView&) const = default;
};

// Pages reached from 首页: 工会知识 and its articles and quiz, and 招聘求职.
struct HomeView {
  std::string job_trade;   // the trade the job list is narrowed to; "" for all
  std::map<int, int> quiz_answers;  // question -> the option chosen
  bool operator==(const HomeView&) const = default;
};

// 待办 for staff: what waits for their unit, narrowed, and the item whose page is open.
struct InboxView {
  std::string kind;          // "" for all, "membership_application" or "service_request"
  bool overdue_only = false;
  std::string query;         // a name, a phone number or words of a request
  std::string reason;        // a refusal reason or what to ask for, being written
  std::string provider_id, due_date;  // 配单: who delivers it and by when (YYYY-MM-DD)
  std::string reply;         // an answer in a request's thread
  bool operator==(const InboxView&) const = default;
};

// 集中入会: the person being enrolled on the spot. Trade, employer and unit stay from one person
// to the next (a line of riders from one delivery station); name and phone start empty.
struct EnrolForm {
  std::string name, phone, trade, employer, unit_id;
  bool consent = false;
  bool choosing_unit = false;  // the list of unions is open (a district has dozens)
  FieldErrors errors;
  int enrolled = 0;          // people enrolled on this device since the app opened
  std::string last_enrolled; // the previous person's name and member number, said back so staff know it took
  bool operator==(const EnrolForm&) const = default;
};

// What a member card's QR code turned out to be (card_check.h decides).
enum class CardVerdict { None, Checking, Unreadable, Genuine, Expired, Forged, NoKey, Unsupported };

// 核验: the member being served at a handout table or an event's door.
struct CheckView {
  std::string number;  // a member number typed, or a card's text (scanned, or typed by a scanner)
  std::string place;   // where handouts are given today; kept between members
  std::string card_checked;  // the card text the verdict is about
  CardVerdict card = CardVerdict::None;
  std::string card_member_no, card_valid_until;  // what a readable card claims
  bool scanning = false;  // the camera is open
  bool operator==(const CheckView&) const = default;
};

// 走访: a visit, ride-along or survey being logged (field_visit.h turns it into changes).
struct RaisedItem {
  std::string text;
  std::string category = "pay";  // one of fieldwork::kConcernCategories
  bool operator==(const RaisedItem&) const = default;
};

struct FollowUpDraft {
  std::string action;
  std::string due_date;  // YYYY-MM-DD
  int item = -1;         // the raised item it answers (index), or -1
  std::string assignee;  // who does it when not the one logging it ("" for them)
  bool operator==(const FollowUpDraft&) const = default;
};

struct VisitForm {
  std::string type = "enterprise_visit";
  std::string enterprise_unit_id;  // a company union of the unit, or "" when typed
  std::string enterprise_name;
  std::string route;               // a ride-along's
  std::string date;                // YYYY-MM-DD; today when opened
  std::string workers_met;         // typed digits
  std::string summary;
  std::vector<RaisedItem> items;
  std::vector<FollowUpDraft> follow_ups;
  FieldErrors errors;  // field -> message; "follow_up.0" for a row
  bool operator==(const VisitForm&) const = default;
};

// 驿站管理 (staff, a page of 我的): the station being kept up to date.
struct StationEdit {
  std::string id;      // the station being edited
  std::string status, status_note, phone, contact_name;
  std::vector<std::string> amenities;
  bool open_24h = false;
  std::string daily_open, daily_close;  // the same hours every day; "" keeps the hours as they are
  FieldErrors errors;
  bool operator==(const StationEdit&) const = default;
};

// 服务方管理 (staff, a page of 我的): a provider being added or kept current.
struct ProviderEdit {
  std::string id;        // "" for a new provider
  std::string name, type = "lawyer", office_hours, phone, notes;
  std::vector<std::string> services;
  bool active = true;
  FieldErrors errors;
  bool operator==(const ProviderEdit&) const = default;
};

// 活动管理 (staff, a page of 我的): a new event and its sessions being written.
struct SessionDraft {
  std::string date, start = "09:00", end = "11:00", capacity = "30";
  bool operator==(const SessionDraft&) const = default;
};
struct EventForm {
  std::string title, category = "talk", description, place;
  std::vector<SessionDraft> sessions;
  FieldErrors errors;  // "session.1" for a session row
  bool operator==(const EventForm&) const = default;
};

// 修改记录 of one record, fetched from the server's audit trail when asked for.
struct HistoryView {
  std::string kind, id;  // the record it is about; "" before anything was asked
  bool loading = false;
  std::optional<Error> error;  // why it could not be read
  std::vector<HistoryLine> lines;
  bool operator==(const HistoryView&) const = default;
};

// 标准 / 大 / 特大 on 我的: the whole UI drawn larger, text rasterized at the larger size (sharp,
// unlike a pinch-zoom of the canvas) and touch targets growing with it. Kept per device.
enum class TextSize { Standard, Large, Larger };
// How much larger than 标准 everything is drawn.
constexpr float text_scale(TextSize size) { return size == TextSize::Larger ? 1.3f : size == TextSize::Large ? 1.15f : 1.0f; }

class PhoneServices;
class DeviceServices;

struct AppState {
  Tab tab = Tab::Home;
  // The pages open over each tab's screen, bottom first: back pops, a tab tapped again pops
  // to its screen, and switching tabs keeps each tab's pages (pages.h).
  std::map<Tab, std::vector<Page>> pages;
  std::uint64_t pages_opened = 0;  // serials for Page
  Locale locale = Locale::ZhCN;
  TextSize text_size = TextSize::Standard;
  std::string user;        // display name of who is signed in; empty when nobody is
  std::string user_id, user_role, user_unit;
  std::string user_provider;  // a staff account that is a provider's (a panel lawyer's), else ""
  std::string user_phone;  // a worker's own mobile number, as the server knows it
  SignInForm sign_in;
  StationsView stations;
  JoinForm join;
  ServicesView services_view;
  HomeView home;
  InboxView inbox;
  EnrolForm enrol;
  VisitForm visit;
  CheckView check;
  HistoryView history;
  StationEdit station_edit;
  EventForm event_form;
  ProviderEdit provider_edit;
  Notice notice;             // a short message after an action ("已保存在本机")
  int records_on_phone = 0;
  // Records read from storage while opening; -1 when done. A big store is open (and its
  // first screens work) while the rest is still read: see reading_rest_of_store.
  int loading_progress = -1;
  bool welcome = false;    // the first-open welcome is showing (until dismissed or signed in)
  bool update_available = false;  // a new version is downloaded and waits for the person
  std::int64_t storage_used = -1;  // bytes this app keeps on the phone; -1 unknown
  int storage_persisted = -1;      // 1: the browser keeps it even when space runs low; 0: it may not; -1 unknown
  PhoneServices* services = nullptr;  // carried out by the platform; null in tests
  DeviceServices* device = nullptr;   // likewise
  SyncStatus sync;

  bool operator==(const AppState&) const = default;
};

// Who is signed in, as the core's rules see them.
Actor signed_in_actor(const AppState& state);

// Union staff and admins get the staff tabs.
inline bool is_staff(const AppState& state) { return state.user_role == "staff" || state.user_role == "admin"; }
// The first part of a big store is open and the rest is still being read (PhoneRuntime): what
// needs every member or handout (duplicates, the next member number, 核验) waits for it.
inline bool reading_rest_of_store(const AppState& state) { return state.loading_progress >= 0; }

// The window.nuanxin.state() contract of DESIGN.md.
nlohmann::json describe_state(const AppState& state, std::uint64_t frames_drawn);

}  // namespace nx::app
