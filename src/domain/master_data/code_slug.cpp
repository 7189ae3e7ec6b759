#include "domain/master_data/code_slug.hpp"

namespace sigap::domain::master_data {

namespace {

constexpr std::size_t kMinCode = 2;
constexpr std::size_t kMaxCode = 64;

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

bool is_code_slug(std::string_view code) {
  if (code.size() < kMinCode || code.size() > kMaxCode) return false;
  if (!is_alnum(code.front()) || !is_alnum(code.back())) return false;
  for (char c : code) {
    if (!is_alnum(c) && c != '-' && c != '.' && c != '_') return false;
  }
  return true;
}

void check_code_slug(std::string_view code, std::string_view field, std::vector<FieldError>& problems) {
  if (code.empty()) {
    problems.push_back({std::string(field), Text{"Kode wajib diisi.", "The code is required."}});
  } else if (!is_code_slug(code)) {
    problems.push_back(
        {std::string(field), Text{"Kode 2 sampai 64 karakter: huruf kecil a-z, angka, titik, tanda hubung atau garis "
                                  "bawah, diawali dan diakhiri huruf atau angka (contoh: dinas-pupr).",
                                  "A code takes 2 to 64 characters: lower-case a-z, digits, dots, hyphens or "
                                  "underscores, beginning and ending with a letter or digit (e.g. dinas-pupr)."}});
  }
}

}  // namespace sigap::domain::master_data
