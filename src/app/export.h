#pragma once
// What a person can take away: their own data as JSON (what the union holds about them and the
// changes still on this phone), and for staff their unit's members as a CSV that opens in a
// spreadsheet. Pure: the platform saves the text as a file.
#include <string>

#include <nlohmann/json.hpp>

#include "app/local_store.h"

namespace nx::app {

// The records this person owns (their member record, applications, requests, sign-ups...) and
// their unsynced changes.
nlohmann::json export_json(const LocalStore& store, const std::string& user_name, const std::string& now_iso);

// Members on this phone, one row each: 姓名, 手机号, 工种, 工作单位, 所属工会, 会员号, 状态, 入会日期.
// UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese right); cells that a
// spreadsheet would run as a formula are defused.
std::string members_csv(const sync::RecordSource& records, Locale locale);

// One CSV cell, quoted when it must be.
std::string csv_cell(const std::string& value);

}  // namespace nx::app
