#include "domain/master_data/category_rules.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "domain/complaints/intake.hpp"
#include "domain/master_data/code_slug.hpp"

namespace sigap::domain::master_data {

namespace {

std::string trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool has_control_characters(std::string_view text, bool newlines_allowed) {
  for (unsigned char c : text) {
    if (newlines_allowed && (c == '\n' || c == '\r' || c == '\t')) continue;
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

void check_text(std::vector<FieldError>& problems, std::string_view field, std::string_view text, std::size_t min,
                std::size_t max, bool newlines_allowed) {
  auto length = complaints::utf8_length(text);
  if (!length || has_control_characters(text, newlines_allowed)) {
    problems.push_back(
        {std::string(field), Text{"Teks berisi karakter yang tidak sah.", "The text holds invalid characters."}});
  } else if (*length < min || *length > max) {
    problems.push_back(
        {std::string(field), Text{fmt::format("Panjang teks {} sampai {} karakter (sekarang {}).", min, max, *length),
                                  fmt::format("The text takes {} to {} characters (now {}).", min, max, *length)}});
  }
}

// "  Lampu   JALAN " -> "lampu jalan"
std::string folded_keyword(std::string_view keyword) {
  std::string out;
  bool space = false;
  for (char c : trimmed(keyword)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

std::vector<FieldError> check_category(Category& category) {
  std::vector<FieldError> problems;
  check_code_slug(category.code, "code", problems);
  category.name_id = trimmed(category.name_id);
  check_text(problems, "name", category.name_id, kMinCategoryName, kMaxCategoryName, false);
  category.name_en = trimmed(category.name_en);
  check_text(problems, "name_en", category.name_en, kMinCategoryName, kMaxCategoryName, false);
  category.description_id = trimmed(category.description_id);
  check_text(problems, "description", category.description_id, 0, kMaxCategoryDescription, true);
  if (category.default_unit_code.empty()) {
    problems.push_back({"default_unit_code", Text{"Pilih unit yang menangani kategori ini.",
                                                  "Choose the unit that handles this category."}});
  }

  if (category.keywords.size() > kMaxKeywords) {
    problems.push_back({"keywords", Text{fmt::format("Paling banyak {} kata kunci.", kMaxKeywords),
                                         fmt::format("At most {} keywords.", kMaxKeywords)}});
  }
  std::vector<std::string> keywords;
  for (std::size_t i = 0; i < category.keywords.size(); ++i) {
    auto field = fmt::format("keywords[{}]", i);
    auto keyword = folded_keyword(category.keywords[i]);
    auto length = complaints::utf8_length(keyword);
    if (!length || has_control_characters(keyword, false) || keyword.find('|') != std::string::npos) {
      problems.push_back({field, Text{"Kata kunci berisi karakter yang tidak sah (termasuk |).",
                                      "The keyword holds invalid characters (| included)."}});
    } else if (*length > kMaxKeyword) {
      problems.push_back({field, Text{fmt::format("Kata kunci paling panjang {} karakter.", kMaxKeyword),
                                      fmt::format("A keyword takes at most {} characters.", kMaxKeyword)}});
    } else if (!keyword.empty() && std::find(keywords.begin(), keywords.end(), keyword) == keywords.end()) {
      keywords.push_back(std::move(keyword));
    }
  }
  category.keywords = std::move(keywords);
  return problems;
}

}  // namespace sigap::domain::master_data
