#pragma once

#include <string_view>

namespace sigap::app::sla {

/// data/calendar/id-holidays.json, embedded in the binary at build time (generated
/// holiday_data_files.cpp): Indonesia's decreed holidays and cuti bersama per year.
std::string_view id_holidays_json();

}  // namespace sigap::app::sla
