#include "app/sla/holiday_calendar_file.hpp"

#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fmt/format.h>

namespace sigap::app::sla {

namespace {

using domain::sla::Holiday;
using domain::sla::HolidayKind;

Error invalid_at(std::string pointer, std::string what_id, std::string what_en) {
  return Error(ErrorCode::validation, Text{"Berkas kalender libur tidak valid.", "Invalid holiday calendar file."},
               {FieldError{std::move(pointer), Text{std::move(what_id), std::move(what_en)}}});
}

std::optional<int> year_of_key(std::string_view key) {
  if (key.size() != 4) return std::nullopt;
  int year = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  if (year < 1900) return std::nullopt;
  return year;
}

// Appends the [date, name] pairs of `list` (at `pointer`) to `out`.
Result<void> read_days(const boost::json::value& list, int year, HolidayKind kind, const std::string& pointer,
                       std::vector<Holiday>& out) {
  const auto* entries = list.if_array();
  if (entries == nullptr) {
    return invalid_at(pointer, "Harus berupa daftar [tanggal, nama].", "Must be a list of [date, name].");
  }
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const auto here = fmt::format("{}/{}", pointer, i);
    const auto* pair = (*entries)[i].if_array();
    if (pair == nullptr || pair->size() != 2 || !(*pair)[0].is_string() || !(*pair)[1].is_string()) {
      return invalid_at(here, "Harus berupa [\"YYYY-MM-DD\", \"nama\"].", "Must be [\"YYYY-MM-DD\", \"name\"].");
    }
    const std::string_view text = (*pair)[0].get_string();
    const std::string_view name = (*pair)[1].get_string();
    auto date = domain::sla::parse_date(text);
    if (!date) {
      return invalid_at(here, fmt::format("\"{}\" bukan tanggal YYYY-MM-DD yang valid.", text),
                        fmt::format("\"{}\" is not a valid YYYY-MM-DD date.", text));
    }
    if (static_cast<int>(date->year()) != year) {
      return invalid_at(here, fmt::format("Tanggal {} tidak berada di tahun {}.", text, year),
                        fmt::format("The date {} is not in {}.", text, year));
    }
    if (name.empty()) return invalid_at(here, "Nama hari libur wajib diisi.", "The holiday needs a name.");
    out.push_back(Holiday{*date, std::string(name), kind});
  }
  return {};
}

}  // namespace

Result<domain::sla::WorkingCalendar> parse_holiday_calendar(std::string_view json_text) {
  boost::system::error_code ec;
  const boost::json::value root = boost::json::parse(json_text, ec);
  if (ec) {
    return Error(ErrorCode::invalid_input,
                 Text{"Berkas kalender libur bukan JSON yang valid.", "The holiday calendar file is not valid JSON."})
        .with_log_detail(ec.message());
  }
  const auto* top = root.if_object();
  const auto* years = top == nullptr ? nullptr : top->if_contains("years");
  if (years == nullptr || !years->is_object()) {
    return invalid_at("/years", "Wajib ada objek \"years\" berisi tahun.", "A \"years\" object of years is required.");
  }

  std::vector<Holiday> holidays;
  std::vector<int> covered;
  for (const auto& [key, days] : years->get_object()) {
    const auto pointer = fmt::format("/years/{}", std::string_view(key));
    auto year = year_of_key(key);
    if (!year) return invalid_at(pointer, "Tahun ditulis dengan empat angka.", "A year is written as four digits.");
    const auto* fields = days.if_object();
    if (fields == nullptr || !fields->contains("holidays")) {
      return invalid_at(pointer, "Setiap tahun wajib memuat daftar \"holidays\".",
                        "Each year needs a \"holidays\" list.");
    }
    for (const auto& [name, list] : *fields) {
      const auto here = fmt::format("{}/{}", pointer, std::string_view(name));
      HolidayKind kind = HolidayKind::national_holiday;
      if (name == "cuti_bersama") {
        kind = HolidayKind::collective_leave;
      } else if (name != "holidays") {
        return invalid_at(here, "Hanya \"holidays\" dan \"cuti_bersama\" yang dikenal.",
                          "Only \"holidays\" and \"cuti_bersama\" are known.");
      }
      auto read = read_days(list, *year, kind, here, holidays);
      if (!read.ok()) return read.error();
    }
    covered.push_back(*year);
  }
  return domain::sla::WorkingCalendar(std::move(holidays), std::move(covered));
}

}  // namespace sigap::app::sla
