#include "domain/master_data/service_hours.hpp"

#include <fmt/format.h>

namespace sigap::domain::master_data {

namespace {

constexpr std::array<std::string_view, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

Error bad_hours(std::string_view field, std::string_view what_id, std::string_view what_en) {
  return Error(ErrorCode::validation,
               Text{"Jam layanan tidak valid.", "Invalid service hours."},
               {FieldError{std::string(field),
                           Text{fmt::format("{} Contoh: \"mon-thu 07:30-16:00; fri 07:30-11:30\".",
                                            what_id),
                                fmt::format("{} Example: \"mon-thu 07:30-16:00; fri 07:30-11:30\".",
                                            what_en)}}});
}

std::optional<int> day_index(std::string_view name) {
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    if (kDays[i] == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

// "07:30" -> 450; "24:00" allowed as the end of a day.
std::optional<int> parse_minute(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0U, 1U, 3U, 4U}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  int hours = (text[0] - '0') * 10 + (text[1] - '0');
  int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

std::string format_minute(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

std::string format_intervals(const std::vector<OpeningInterval>& intervals) {
  std::string out;
  for (const auto& interval : intervals) {
    if (!out.empty()) out += ',';
    out += format_minute(interval.open_minute) + "-" + format_minute(interval.close_minute);
  }
  return out;
}

}  // namespace

bool ServiceHours::is_open(int weekday, int minute_of_day) const {
  if (weekday < 0 || weekday > 6) return false;
  for (const auto& interval : days[static_cast<std::size_t>(weekday)]) {
    if (minute_of_day >= interval.open_minute && minute_of_day < interval.close_minute) return true;
  }
  return false;
}

std::string_view weekday_name(int weekday) {
  return weekday >= 0 && weekday < 7 ? kDays[static_cast<std::size_t>(weekday)] : "";
}

Result<ServiceHours> parse_service_hours(std::string_view text, std::string_view field) {
  ServiceHours hours;
  std::array<bool, 7> seen{};
  while (!trim(text).empty()) {
    auto semicolon = text.find(';');
    auto group = trim(text.substr(0, semicolon));
    text = semicolon == std::string_view::npos ? "" : text.substr(semicolon + 1);
    if (group.empty()) continue;
    auto space = group.find(' ');
    if (space == std::string_view::npos) {
      return bad_hours(field, "Setiap kelompok butuh hari dan jam.", "Each group needs days and times.");
    }
    auto days = group.substr(0, space);
    auto times = trim(group.substr(space + 1));
    auto dash = days.find('-');
    auto first = day_index(days.substr(0, dash));
    auto last = dash == std::string_view::npos ? first : day_index(days.substr(dash + 1));
    if (!first || !last || *last < *first) {
      return bad_hours(field, "Hari ditulis mon..sun.", "Days are written mon..sun.");
    }
    std::vector<OpeningInterval> intervals;
    while (!times.empty()) {
      auto comma = times.find(',');
      auto span = trim(times.substr(0, comma));
      times = comma == std::string_view::npos ? "" : times.substr(comma + 1);
      auto span_dash = span.find('-');
      if (span_dash == std::string_view::npos) {
        return bad_hours(field, "Jam ditulis HH:MM-HH:MM.", "Times are written HH:MM-HH:MM.");
      }
      auto open = parse_minute(span.substr(0, span_dash));
      auto close = parse_minute(span.substr(span_dash + 1));
      if (!open || !close || *close <= *open) {
        return bad_hours(field, "Jam ditulis HH:MM-HH:MM dan jam tutup setelah jam buka.",
                         "Times are written HH:MM-HH:MM and close after they open.");
      }
      if (!intervals.empty() && intervals.back().close_minute > *open) {
        return bad_hours(field, "Rentang jam harus urut dan tidak tumpang tindih.",
                         "Time ranges must be in order and must not overlap.");
      }
      intervals.push_back({*open, *close});
    }
    for (int day = *first; day <= *last; ++day) {
      auto index = static_cast<std::size_t>(day);
      if (seen[index]) {
        return bad_hours(field, "Satu hari disebut dua kali.", "A day is named twice.");
      }
      seen[index] = true;
      hours.days[index] = intervals;
    }
  }
  return hours;
}

std::string format_service_hours(const ServiceHours& hours) {
  std::string out;
  std::size_t day = 0;
  while (day < 7) {
    if (hours.days[day].empty()) {
      ++day;
      continue;
    }
    std::size_t last = day;
    while (last + 1 < 7 && hours.days[last + 1] == hours.days[day]) ++last;
    if (!out.empty()) out += "; ";
    out += kDays[day];
    if (last != day) out += fmt::format("-{}", kDays[last]);
    out += ' ';
    out += format_intervals(hours.days[day]);
    day = last + 1;
  }
  return out;
}

}  // namespace sigap::domain::master_data
