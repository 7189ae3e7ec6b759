#include "app/master_data/category_attributes_file.hpp"

#include <charconv>

#include <fmt/format.h>

#include "common/csv.hpp"

namespace sigap::app::master_data {

namespace dm = domain::master_data;

namespace {

constexpr std::size_t kColumns = 9;

Error bad_line(std::size_t line, const Text& why) {
  return Error(ErrorCode::validation,
               Text{"Data atribut kategori tidak valid.", "Invalid category attribute data."},
               {FieldError{fmt::format("category_attributes line {}", line), why}});
}

std::optional<bool> flag(std::string_view text) {
  if (text == "1") return true;
  if (text == "0") return false;
  return std::nullopt;
}

std::vector<dm::AttributeOption> options_of(std::string_view text, bool& valid) {
  std::vector<dm::AttributeOption> options;
  while (!text.empty()) {
    auto bar = text.find('|');
    auto item = text.substr(0, bar);
    text = bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1);
    auto colon = item.find(':');
    if (colon == std::string_view::npos) {
      valid = false;
      return {};
    }
    options.push_back({std::string(item.substr(0, colon)), std::string(item.substr(colon + 1))});
  }
  return options;
}

}  // namespace

Result<std::vector<dm::CategoryAttribute>> parse_category_attributes(std::string_view csv_text) {
  std::vector<std::size_t> lines;
  auto records = csv::parse(csv_text, &lines);
  if (!records) return records.error();
  std::vector<dm::CategoryAttribute> attributes;
  for (std::size_t i = 1; i < records->size(); ++i) {  // row 0 is the header
    const auto& row = (*records)[i];
    if (row.size() != kColumns) {
      return bad_line(lines[i], Text{fmt::format("Harus {} kolom.", kColumns), fmt::format("Needs {} columns.", kColumns)});
    }
    dm::CategoryAttribute attribute;
    attribute.category_code = row[0];
    attribute.code = row[1];
    auto variable = flag(row[2]);
    auto required = flag(row[4]);
    auto datatype = dm::attribute_datatype_from_string(row[3], "datatype");
    int order = 0;
    auto [end, ec] = std::from_chars(row[5].data(), row[5].data() + row[5].size(), order);
    bool options_valid = true;
    attribute.values = options_of(row[8], options_valid);
    if (!variable || !required || !datatype || ec != std::errc() || end != row[5].data() + row[5].size() ||
        !options_valid) {
      return bad_line(lines[i], Text{"variable/required 0 atau 1, datatype dikenal, order angka, values \"kunci:nama|...\".",
                                     "variable/required 0 or 1, a known datatype, a numeric order, values \"key:name|...\"."});
    }
    attribute.variable = *variable;
    attribute.required = *required;
    attribute.datatype = *datatype;
    attribute.order = order;
    attribute.description = row[6];
    attribute.datatype_description = row[7];
    if (auto checked = dm::check_category_attribute(attribute); !checked) {
      const auto& field = checked.error().fields().front();
      return bad_line(lines[i], Text{field.field + ": " + field.message.id, field.field + ": " + field.message.en});
    }
    for (const auto& earlier : attributes) {
      if (earlier.category_code == attribute.category_code &&
          (earlier.code == attribute.code || earlier.order == attribute.order)) {
        return bad_line(lines[i], Text{"Kode dan urutan atribut harus unik dalam kategorinya.",
                                       "Attribute codes and orders must be unique within their category."});
      }
    }
    attributes.push_back(std::move(attribute));
  }
  return attributes;
}

}  // namespace sigap::app::master_data
