#include "app/master_data/demo_data.hpp"

#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "app/master_data/category_attributes_file.hpp"
#include "app/master_data/demo_data_files.hpp"
#include "common/csv.hpp"

namespace sigap::app::master_data {

namespace dm = domain::master_data;

namespace {

// Kecamatan and kelurahan offices keep the common Palembang office hours, with the Friday
// prayer break.
constexpr std::string_view kOfficeHours = "mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30";

Error bad_row(std::string_view file, std::size_t line, const Text& why) {
  return Error(ErrorCode::validation,
               Text{fmt::format("Data {} tidak valid.", file), fmt::format("Invalid {} data.", file)},
               {FieldError{fmt::format("{} line {}", file, line), why}});
}

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The data rows (header dropped), each with the line of the file it starts on.
struct Rows {
  std::vector<csv::Record> records;
  std::vector<std::size_t> lines;
};

Result<Rows> rows_of(std::string_view file, std::string_view text, std::size_t columns) {
  Rows rows;
  auto records = csv::parse(text, &rows.lines);
  if (!records) return records.error();
  if (records->empty()) return bad_row(file, 1, Text{"Berkas kosong.", "The file is empty."});
  rows.records.assign(std::make_move_iterator(records->begin() + 1), std::make_move_iterator(records->end()));
  rows.lines.erase(rows.lines.begin());
  for (std::size_t i = 0; i < rows.records.size(); ++i) {
    if (rows.records[i].size() != columns) {
      return bad_row(file, rows.lines[i],
                     Text{fmt::format("Harus {} kolom.", columns), fmt::format("Needs {} columns.", columns)});
    }
  }
  return rows;
}

Result<std::vector<dm::Unit>> parse_units(std::string_view text) {
  auto rows = rows_of("units", text, 8);
  if (!rows) return rows.error();
  std::vector<dm::Unit> units;
  for (std::size_t i = 0; i < rows->records.size(); ++i) {
    const auto& row = rows->records[i];
    auto line = fmt::format("units line {}", rows->lines[i]);
    dm::Unit unit;
    unit.code = row[0];
    auto type = dm::unit_type_from_string(row[1], line);
    if (!type) return type.error();
    unit.type = *type;
    unit.name = row[2];
    unit.parent_code = row[3];
    unit.region_code = row[4];
    auto hours = dm::parse_service_hours(row[5], line);
    if (!hours) return hours.error();
    unit.service_hours = *hours;
    if (!row[6].empty() || !row[7].empty()) {
      auto latitude = parse_double(row[6]);
      auto longitude = parse_double(row[7]);
      if (!latitude || !longitude) {
        return bad_row("units", rows->lines[i], Text{"Koordinat kantor tidak valid.", "Invalid office coordinates."});
      }
      unit.office_location = dm::GeoPoint{*latitude, *longitude};
    }
    units.push_back(std::move(unit));
  }
  return units;
}

Result<std::vector<dm::Category>> parse_categories(std::string_view text) {
  auto rows = rows_of("categories", text, 7);
  if (!rows) return rows.error();
  std::vector<dm::Category> categories;
  for (const auto& row : rows->records) {
    dm::Category category;
    category.code = row[0];
    category.name_id = row[1];
    category.name_en = row[2];
    category.default_unit_code = row[3];
    std::string_view keywords = row[4];
    while (!keywords.empty()) {
      auto bar = keywords.find('|');
      category.keywords.emplace_back(keywords.substr(0, bar));
      keywords = bar == std::string_view::npos ? "" : keywords.substr(bar + 1);
    }
    category.description_id = row[5];
    category.field_work = row[6] == "1";
    categories.push_back(std::move(category));
  }
  return categories;
}

// One office per kecamatan and kelurahan, named as Palembang names them.
std::vector<dm::Unit> region_offices(const std::vector<dm::Region>& regions, std::string_view city_unit_code) {
  static const auto hours = dm::parse_service_hours(kOfficeHours, "service_hours");
  std::vector<dm::Unit> offices;
  for (const auto& region : regions) {
    dm::Unit unit;
    unit.region_code = region.code;
    unit.service_hours = hours.value();
    if (region.level == dm::RegionLevel::district) {
      unit.code = "kecamatan-" + region.code;
      unit.type = dm::UnitType::district_office;
      unit.name = "Kecamatan " + region.name;
      unit.parent_code = std::string(city_unit_code);
    } else if (region.level == dm::RegionLevel::village) {
      unit.code = "kelurahan-" + region.code;
      unit.type = dm::UnitType::village_office;
      unit.name = "Kelurahan " + region.name;
      unit.parent_code = "kecamatan-" + region.parent_code;
    } else {
      continue;
    }
    offices.push_back(std::move(unit));
  }
  return offices;  // regions come parents first, so kecamatan offices precede kelurahan ones
}

}  // namespace

Result<DemoDataReport> load_city_data(ports::Storage& storage, const CityDataFiles& files) {
  auto regions = parse_region_csv(files.regions_csv);
  if (!regions) return regions.error();
  auto units = parse_units(files.units_csv);
  if (!units) return units.error();
  auto categories = parse_categories(files.categories_csv);
  if (!categories) return categories.error();
  auto offices = region_offices(*regions, files.city_unit_code);
  auto attributes = parse_category_attributes(files.category_attributes_csv);
  if (!attributes) return attributes.error();

  DemoDataReport report;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    auto& writer = tx.master_data();
    auto saved_regions = save_regions(writer, *regions);
    if (!saved_regions) return saved_regions.error();
    report.regions = *saved_regions;
    for (const auto* list : {&*units, &offices}) {
      for (const auto& unit : *list) {
        if (auto saved = writer.save_unit(unit); !saved) return saved.error();
        ++report.units;
      }
    }
    for (const auto& category : *categories) {
      if (auto saved = writer.save_category(category); !saved) return saved.error();
      ++report.categories;
    }
    for (const auto& attribute : *attributes) {
      if (auto saved = tx.open311().save_category_attribute(attribute); !saved) return saved.error();
      ++report.category_attributes;
    }
    return {};
  });
  if (!written) return written.error();
  return report;
}

Result<DemoDataReport> load_palembang_demo_data(ports::Storage& storage) {
  return load_city_data(storage, CityDataFiles{palembang_regions_csv(), palembang_units_csv(),
                                               palembang_categories_csv(), "pemkot-palembang",
                                               palembang_category_attributes_csv()});
}

}  // namespace sigap::app::master_data
