#include "common/csv.hpp"

#include <fmt/format.h>

namespace sigap::csv {

Result<std::vector<Record>> parse(std::string_view text, std::vector<std::size_t>* record_lines) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (record_lines) record_lines->clear();
  std::vector<Record> records;
  Record record;
  std::string field;
  bool in_quotes = false;
  bool field_started = false;
  std::size_t line = 1;
  std::size_t quote_line = 0;
  std::size_t record_line = 1;

  auto end_record = [&] {
    if (field_started || !record.empty()) {
      record.push_back(std::move(field));
      records.push_back(std::move(record));
      if (record_lines) record_lines->push_back(record_line);
    }
    record.clear();
    field.clear();
    field_started = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_quotes = true;
        field_started = true;
        quote_line = line;
        break;
      case ',':
        record.push_back(std::move(field));
        field.clear();
        field_started = true;
        break;
      case '\r':
        break;
      case '\n':
        end_record();
        ++line;
        record_line = line;
        break;
      default:
        field += c;
        field_started = true;
    }
  }
  if (in_quotes) {
    return Error(ErrorCode::invalid_input,
                 Text{fmt::format("CSV rusak: tanda kutip pada baris {} tidak ditutup.", quote_line),
                      fmt::format("Malformed CSV: the quote on line {} is never closed.", quote_line)});
  }
  end_record();
  return records;
}

}  // namespace sigap::csv
