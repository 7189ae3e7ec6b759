#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sigap::domain::sla {

/// A civil date without a time or a zone (a holiday, a local working day).
using Date = std::chrono::year_month_day;

/// "2026-08-17" -> the date; nullopt for anything else (wrong shape, 2026-02-30, a year outside
/// kFirstYear..kLastYear, which a TimePoint cannot hold).
std::optional<Date> parse_date(std::string_view text);

/// The ISO form "2026-08-17" (parse_date(format_date(d)) == d for valid dates).
std::string format_date(Date date);

/// 0 = Monday ... 6 = Sunday, the numbering of master_data::ServiceHours.
int weekday_index(Date date);

/// The day after `date`.
Date next_day(Date date);

}  // namespace sigap::domain::sla
