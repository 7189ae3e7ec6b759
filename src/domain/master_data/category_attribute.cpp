#include "domain/master_data/category_attribute.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace sigap::domain::master_data {

namespace {

constexpr std::array<std::pair<AttributeDatatype, std::string_view>, 6> kDatatypes{{
    {AttributeDatatype::string, "string"},
    {AttributeDatatype::number, "number"},
    {AttributeDatatype::datetime, "datetime"},
    {AttributeDatatype::text, "text"},
    {AttributeDatatype::singlevaluelist, "singlevaluelist"},
    {AttributeDatatype::multivaluelist, "multivaluelist"},
}};

constexpr std::size_t kMaxCode = 64;

bool code_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

}  // namespace

std::string_view to_string(AttributeDatatype datatype) {
  for (const auto& [value, name] : kDatatypes) {
    if (value == datatype) return name;
  }
  return "string";
}

Result<AttributeDatatype> attribute_datatype_from_string(std::string_view text, std::string_view field) {
  for (const auto& [value, name] : kDatatypes) {
    if (name == text) return value;
  }
  return Error(ErrorCode::validation, Text{"Jenis isian tidak dikenal.", "Unknown datatype."},
               {FieldError{std::string(field),
                           Text{"Pilih salah satu: string, number, datetime, text, singlevaluelist, multivaluelist.",
                                "Use one of: string, number, datetime, text, singlevaluelist, multivaluelist."}}});
}

bool is_list(AttributeDatatype datatype) {
  return datatype == AttributeDatatype::singlevaluelist || datatype == AttributeDatatype::multivaluelist;
}

Result<void> check_category_attribute(const CategoryAttribute& attribute) {
  std::vector<FieldError> problems;
  if (attribute.code.empty() || attribute.code.size() > kMaxCode ||
      !std::all_of(attribute.code.begin(), attribute.code.end(), code_character)) {
    problems.push_back({"code", Text{"Kode 1-64 huruf, angka, '_' atau '-'.", "A code of 1-64 letters, digits, '_' or '-'."}});
  }
  if (attribute.description.empty()) {
    problems.push_back({"description", Text{"Tulis pertanyaannya.", "Write the question."}});
  }
  if (attribute.order < 1) {
    problems.push_back({"order", Text{"Urutan mulai dari 1.", "The order starts at 1."}});
  }
  if (attribute.required && !attribute.variable) {
    problems.push_back({"required", Text{"Keterangan yang tidak diisi tidak bisa wajib.",
                                         "An attribute that takes no answer cannot be required."}});
  }
  if (is_list(attribute.datatype)) {
    if (attribute.values.empty()) {
      problems.push_back({"values", Text{"Daftar pilihan perlu setidaknya satu pilihan.", "A list needs at least one option."}});
    }
    for (std::size_t i = 0; i < attribute.values.size(); ++i) {
      const auto& option = attribute.values[i];
      bool repeated = std::any_of(attribute.values.begin(), attribute.values.begin() + static_cast<std::ptrdiff_t>(i),
                                  [&](const AttributeOption& earlier) { return earlier.key == option.key; });
      if (option.key.empty() || option.name.empty() || repeated) {
        problems.push_back({"values", Text{"Setiap pilihan perlu kunci unik dan nama.", "Each option needs a unique key and a name."}});
        break;
      }
    }
  } else if (!attribute.values.empty()) {
    problems.push_back({"values", Text{"Pilihan hanya untuk singlevaluelist dan multivaluelist.",
                                       "Options belong to singlevaluelist and multivaluelist only."}});
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Atribut kategori tidak valid.", "Invalid category attribute."},
                 std::move(problems));
  }
  return {};
}

}  // namespace sigap::domain::master_data
