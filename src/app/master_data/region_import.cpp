#include "app/master_data/region_import.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "common/csv.hpp"
#include "domain/master_data/region_code.hpp"

namespace sigap::app::master_data {

namespace dm = domain::master_data;

namespace {

constexpr std::array<std::string_view, 4> kParentColumns{"parent_code", "province_code",
                                                         "regency_code", "district_code"};

std::optional<std::size_t> column_of(const csv::Record& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  return std::nullopt;
}

Error bad_file(std::vector<FieldError> fields) {
  return Error(ErrorCode::validation,
               Text{"Berkas wilayah berisi baris yang tidak valid.", "The region file has invalid rows."},
               std::move(fields));
}

}  // namespace

Result<std::vector<dm::Region>> parse_region_csv(std::string_view csv_text) {
  std::vector<std::size_t> lines;
  auto records = csv::parse(csv_text, &lines);
  if (!records) return records.error();
  if (records->empty()) {
    return bad_file({FieldError{"line 1", Text{"Berkas kosong.", "The file is empty."}}});
  }
  const auto& header = records->front();
  auto code_column = column_of(header, "code");
  auto name_column = column_of(header, "name");
  std::optional<std::size_t> parent_column;
  for (auto name : kParentColumns) {
    if (!parent_column) parent_column = column_of(header, name);
  }
  if (!code_column || !name_column) {
    return bad_file({FieldError{"line 1", Text{"Kepala berkas harus memuat kolom code dan name.",
                                               "The header must have the columns code and name."}}});
  }

  std::vector<dm::Region> regions;
  std::vector<FieldError> problems;
  for (std::size_t i = 1; i < records->size(); ++i) {
    const auto& row = (*records)[i];
    auto line = fmt::format("line {}", lines[i]);
    if (row.size() != header.size()) {
      problems.push_back({line, Text{fmt::format("Baris ini punya {} kolom, kepala berkas {}.", row.size(), header.size()),
                                     fmt::format("This row has {} columns, the header {}.", row.size(), header.size())}});
      continue;
    }
    dm::Region region;
    region.code = row[*code_column];
    region.name = row[*name_column];
    auto level = dm::parse_region_code(region.code, line);
    if (!level) {
      problems.push_back(level.error().fields().front());
      continue;
    }
    region.level = *level;
    region.parent_code = dm::parent_region_code(region.code);
    if (parent_column && row[*parent_column] != region.parent_code) {
      problems.push_back({line, Text{fmt::format("Kode induk {} tidak cocok dengan kode {}.", row[*parent_column], region.code),
                                     fmt::format("Parent code {} does not match code {}.", row[*parent_column], region.code)}});
      continue;
    }
    if (region.name.empty() || region.name.size() > 200) {
      problems.push_back({line, Text{"Nama wilayah wajib diisi (paling banyak 200 karakter).",
                                     "The region name is required (at most 200 characters)."}});
      continue;
    }
    regions.push_back(std::move(region));
  }
  if (!problems.empty()) return bad_file(std::move(problems));
  // Parents first: a shorter code is a higher level.
  std::stable_sort(regions.begin(), regions.end(), [](const dm::Region& a, const dm::Region& b) {
    return a.level < b.level || (a.level == b.level && a.code < b.code);
  });
  return regions;
}

Result<RegionImportReport> save_regions(ports::MasterDataWriter& writer,
                                        const std::vector<dm::Region>& regions) {
  RegionImportReport report;
  for (const auto& region : regions) {
    if (auto saved = writer.save_region(region); !saved) return saved.error();
    switch (region.level) {
      case dm::RegionLevel::province: ++report.provinces; break;
      case dm::RegionLevel::city: ++report.cities; break;
      case dm::RegionLevel::district: ++report.districts; break;
      case dm::RegionLevel::village: ++report.villages; break;
    }
  }
  return report;
}

Result<RegionImportReport> import_regions(ports::Storage& storage, std::string_view csv_text) {
  auto regions = parse_region_csv(csv_text);
  if (!regions) return regions.error();
  RegionImportReport report;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    auto saved = save_regions(tx.master_data(), *regions);
    if (!saved) return saved.error();
    report = *saved;
    return {};
  });
  if (!written) return written.error();
  return report;
}

}  // namespace sigap::app::master_data
