#include "domain/complaints/attribute_answers.hpp"

#include <algorithm>

#include "common/time_format.hpp"
#include "common/w3_datetime.hpp"
#include "domain/complaints/intake.hpp"

namespace sigap::domain::complaints {

namespace dm = domain::master_data;

namespace {

constexpr std::size_t kMaxNumber = 32;

bool plain_decimal(std::string_view text) {
  if (text.empty() || text.size() > kMaxNumber) return false;
  std::size_t i = text[0] == '-' ? 1 : 0;
  std::size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    ++i;
    ++digits;
  }
  if (digits == 0) return false;
  if (i == text.size()) return true;
  if (text[i] != '.') return false;
  ++i;
  std::size_t fraction = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    ++i;
    ++fraction;
  }
  return fraction > 0 && i == text.size();
}

// Control characters other than tab and (where allowed) line breaks.
bool has_control(std::string_view text, bool line_breaks) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\t') return false;
    if (c == '\n' || c == '\r') return !line_breaks;
    return byte < 0x20 || byte == 0x7f;
  });
}

// The problem with one value of `definition`, or nothing; `value` is normalised in place.
std::optional<Text> value_problem(const dm::CategoryAttribute& definition, std::string& value) {
  using dm::AttributeDatatype;
  auto length = utf8_length(value);
  if (!length) return Text{"Teks bukan UTF-8 yang sah.", "The text is not valid UTF-8."};
  switch (definition.datatype) {
    case AttributeDatatype::string:
      if (has_control(value, false)) {
        return Text{"Satu baris saja, tanpa karakter kendali.", "One line only, without control characters."};
      }
      if (*length > kMaxAttributeString) return Text{"Paling banyak 1000 karakter.", "At most 1000 characters."};
      return std::nullopt;
    case AttributeDatatype::text:
      if (has_control(value, true)) return Text{"Teks berisi karakter kendali.", "The text holds control characters."};
      if (*length > kMaxAttributeText) return Text{"Paling banyak 4000 karakter.", "At most 4000 characters."};
      return std::nullopt;
    case AttributeDatatype::number:
      if (!plain_decimal(value)) return Text{"Isi dengan angka, misalnya 30 atau 12.5.", "Give a number, e.g. 30 or 12.5."};
      return std::nullopt;
    case AttributeDatatype::datetime: {
      auto time = parse_w3_datetime(value);
      if (!time) {
        return Text{"Isi dengan waktu W3C berzona, misalnya 2026-11-26T08:00:00+07:00.",
                    "Give a W3C date-time with its zone, e.g. 2026-11-26T08:00:00+07:00."};
      }
      value = format_utc(*time);
      return std::nullopt;
    }
    case AttributeDatatype::singlevaluelist:
    case AttributeDatatype::multivaluelist: {
      bool known = std::any_of(definition.values.begin(), definition.values.end(),
                               [&](const dm::AttributeOption& option) { return option.key == value; });
      if (!known) return Text{"Bukan salah satu pilihan yang tersedia.", "Not one of the options."};
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string field_of(const std::string& code) { return "attribute[" + code + "]"; }

}  // namespace

Result<std::vector<AttributeAnswer>> check_attribute_answers(const std::vector<dm::CategoryAttribute>& definitions,
                                                             const std::vector<GivenAttribute>& given) {
  std::vector<FieldError> problems;
  for (const auto& answer : given) {
    auto definition = std::find_if(definitions.begin(), definitions.end(),
                                   [&](const dm::CategoryAttribute& d) { return d.code == answer.code; });
    if (definition == definitions.end()) {
      problems.push_back({field_of(answer.code), Text{"Atribut ini tidak ada pada layanan ini.",
                                                      "This service has no such attribute."}});
    }
  }

  auto ordered = definitions;
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const dm::CategoryAttribute& a, const dm::CategoryAttribute& b) { return a.order < b.order; });
  std::vector<AttributeAnswer> answers;
  for (const auto& definition : ordered) {
    std::vector<std::string> values;
    for (const auto& answer : given) {
      if (answer.code != definition.code) continue;
      for (const auto& value : answer.values) {
        if (!value.empty()) values.push_back(value);
      }
    }
    auto field = field_of(definition.code);
    if (values.empty()) {
      if (definition.variable && definition.required) {
        problems.push_back({field, Text{"Wajib diisi untuk layanan ini.", "Required for this service."}});
      }
      continue;
    }
    if (!definition.variable) {
      problems.push_back({field, Text{"Atribut ini hanya keterangan dan tidak diisi.",
                                      "This attribute is information only and takes no answer."}});
      continue;
    }
    if (values.size() > 1 && definition.datatype != dm::AttributeDatatype::multivaluelist) {
      problems.push_back({field, Text{"Hanya satu nilai.", "One value only."}});
      continue;
    }
    bool valid = true;
    for (auto& value : values) {
      if (auto problem = value_problem(definition, value)) {
        problems.push_back({field, std::move(*problem)});
        valid = false;
        break;
      }
    }
    if (!valid) continue;
    if (definition.datatype == dm::AttributeDatatype::multivaluelist) {
      // The options chosen, once each, in the order the definition lists them.
      std::vector<std::string> chosen;
      for (const auto& option : definition.values) {
        if (std::find(values.begin(), values.end(), option.key) != values.end()) chosen.push_back(option.key);
      }
      values = std::move(chosen);
    }
    answers.push_back({definition.code, std::move(values)});
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation,
                 Text{"Jawaban atribut layanan tidak valid.", "The answers to the service's attributes are not valid."},
                 std::move(problems));
  }
  return answers;
}

}  // namespace sigap::domain::complaints
