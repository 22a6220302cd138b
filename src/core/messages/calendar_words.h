#pragma once
// The catalog's names of weekdays (Monday first, as civil::weekday counts) and months.
#include "core/messages/catalog.h"

namespace nx {

inline constexpr Msg kWeekdayWords[] = {Msg::WeekdayMon, Msg::WeekdayTue, Msg::WeekdayWed, Msg::WeekdayThu,
                                        Msg::WeekdayFri, Msg::WeekdaySat, Msg::WeekdaySun};
inline constexpr Msg kMonthWords[] = {Msg::MonthJan, Msg::MonthFeb, Msg::MonthMar, Msg::MonthApr, Msg::MonthMay, Msg::MonthJun,
                                      Msg::MonthJul, Msg::MonthAug, Msg::MonthSep, Msg::MonthOct, Msg::MonthNov, Msg::MonthDec};

}  // namespace nx
