#pragma once
// Every word the app shows, in zh-CN and English, in one table (strings.cpp). The build
// subsets the Chinese font to the characters of that file, so a string added there renders.
#include <cstddef>
#include <string_view>

#include "core/locale.h"

namespace nx::ui {

enum class S {
  AppName,
  AppTagline,
  Online,
  Offline,
  TabHome,
  TabStations,
  TabServices,
  TabEvents,
  TabMe,
  HomeGreeting,
  HomeIntro,
  HomeOfflineNote,
  HomeQuickJoin,
  HomeQuickStations,
  HomeQuickLegal,
  HomeQuickEvents,
  StationsTitle,
  StationsIntro,
  StationsComing,
  StationsSearch,
  StationsSearchHint,
  ServicesTitle,
  ServicesIntro,
  ServicesComing,
  EventsTitle,
  EventsIntro,
  EventsComing,
  MeTitle,
  MeIntro,
  MeComing,
  MeLanguage,
  LanguageChinese,
  LanguageEnglish,
  ComingSoon,
  MeSignInTitle,
  MeSignInIntro,
  FieldPhone,
  FieldPhoneHint,
  FieldPin,
  FieldPinHint,
  FieldName,
  FieldNameHint,
  ButtonSignIn,
  ButtonRegister,
  SwitchToRegister,
  SwitchToSignIn,
  PleaseWait,
  SyncTitle,
  SyncPending,
  SyncAllDone,
  SyncLast,
  SyncNever,
  SyncNow,
  SyncOfflineNote,
  SyncNeedsSignIn,
  SyncServerDown,
  SyncSaving,
  RecordsOnPhone,
  NeedsAttention,
  Discard,
  SignOut,
  SignOutRefused,
  SignedInAs,
  LoadingStore,
  AskTitle,
  AskHint,
  AskSubmit,
  AskSignInFirst,
  MyQuestions,
  StatusWaiting,
  StatusOrdered,
  StatusMatched,
  StatusDone,
  StatusCancelled,
  Withdraw,
  WithdrawReason,
  ChangeSave,
  ChangeStep,
  ChangeWithdraw,
  ChangeDelete,
  UpdateReady,
  UpdateNow,
  Count_  // not a string: the number of entries
};

// The text of `key` in `locale`; never null, never empty.
std::string_view text(S key, Locale locale);

// How many entries the table holds (tests check it covers every key).
std::size_t string_table_size();

}  // namespace nx::ui
