#include "domain/complaints/public_code.hpp"

#include <array>
#include <cassert>
#include <optional>

namespace sigap::domain::complaints {

namespace {

constexpr std::size_t kSymbols = kPublicCodeRandomSymbols + 1;  // with the check symbol
constexpr std::size_t kGroup = 4;                               // symbols between dashes

// GF(32) = GF(2)[x] / (x^5 + x^2 + 1). The polynomial is irreducible; as 31 is prime, every element
// other than 0 and 1 generates the multiplicative group, x (= 2) included.
constexpr unsigned kFieldPolynomial = 0b100101;
constexpr unsigned kFieldSize = 32;

constexpr unsigned field_multiply(unsigned a, unsigned b) {
  unsigned product = 0;
  while (b != 0) {
    if ((b & 1U) != 0) product ^= a;
    b >>= 1U;
    a <<= 1U;
    if ((a & kFieldSize) != 0) a ^= kFieldPolynomial;
  }
  return product;
}

// The value (0..31) of an upper-case alphabet symbol; nullopt for anything else.
std::optional<unsigned> symbol_value(char symbol) {
  auto at = kPublicCodeAlphabet.find(symbol);
  if (at == std::string_view::npos) return std::nullopt;
  return static_cast<unsigned>(at);
}

// Weighted sum of the data symbols, weight x^(i+1) for symbol i. Precondition: valid symbols.
char check_symbol(std::string_view data) {
  unsigned sum = 0;
  unsigned weight = 2;  // x^1
  for (char symbol : data) {
    auto value = symbol_value(symbol);
    assert(value.has_value());
    sum ^= field_multiply(weight, value.value_or(0));
    weight = field_multiply(weight, 2);
  }
  return kPublicCodeAlphabet[sum];
}

std::string canonical(std::string_view symbols) {
  std::string out(kPublicCodePrefix);
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (i % kGroup == 0) out += '-';
    out += symbols[i];
  }
  return out;
}

Error not_a_code(std::string_view field) {
  return Error(
      ErrorCode::validation, Text{"Ini bukan kode Sigap.", "This is not a Sigap code."},
      {FieldError{std::string(field), Text{"Kode Sigap berbentuk SGP-XXXX-XXXX: delapan huruf dan angka setelah SGP, "
                                           "misalnya SGP-7KX3-QM2Y.",
                                           "A Sigap code looks like SGP-XXXX-XXXX: eight letters and digits after SGP, "
                                           "e.g. SGP-7KX3-QM2Y."}}});
}

Error typo(std::string_view field) {
  return Error(
      ErrorCode::validation, Text{"Kode Sigap ini sepertinya ada salah ketik.", "This Sigap code looks like a typo."},
      {FieldError{std::string(field), Text{"Periksa lagi setiap huruf dan angkanya; karakter terakhir adalah karakter "
                                           "pemeriksa yang menangkap salah ketik.",
                                           "Check each letter and digit again; the last character is a check character "
                                           "that catches typing mistakes."}}});
}

// Length in bytes of a separator starting at `text`, or 0: ASCII space, tab or '-', and from UTF-8
// the no-break space (C2 A0), en dash (E2 80 93) and em dash (E2 80 94) that phones and word
// processors put in when text is copied or autocorrected.
std::size_t separator_length(std::string_view text) {
  if (text[0] == ' ' || text[0] == '\t' || text[0] == '-') return 1;
  if (text.starts_with("\xC2\xA0")) return 2;
  if (text.starts_with("\xE2\x80\x93") || text.starts_with("\xE2\x80\x94")) return 3;
  return 0;
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Crockford's reading of look-alikes.
char unconfuse(char c) {
  switch (c) {
    case 'O':
      return '0';
    case 'I':
    case 'L':
      return '1';
    default:
      return c;
  }
}

}  // namespace

std::string format_public_code(std::string_view seven_symbols) {
  assert(seven_symbols.size() == kPublicCodeRandomSymbols);
  std::string symbols(seven_symbols);
  symbols += check_symbol(seven_symbols);
  return canonical(symbols);
}

Result<std::string> parse_public_code(std::string_view typed, std::string_view field) {
  constexpr std::size_t kMaxKept = kPublicCodePrefix.size() + kSymbols;
  std::string kept;
  while (!typed.empty()) {
    if (auto skip = separator_length(typed); skip > 0) {
      typed.remove_prefix(skip);
      continue;
    }
    char c = upper(typed.front());
    bool letter_or_digit = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (!letter_or_digit || kept.size() == kMaxKept) return not_a_code(field);
    kept += c;
    typed.remove_prefix(1);
  }
  std::string_view symbols = kept;
  if (symbols.size() == kMaxKept && symbols.starts_with(kPublicCodePrefix)) {
    symbols.remove_prefix(kPublicCodePrefix.size());
  }
  if (symbols.size() != kSymbols) return not_a_code(field);

  std::string code;
  for (char c : symbols) {
    c = unconfuse(c);
    if (!symbol_value(c)) return not_a_code(field);
    code += c;
  }
  if (check_symbol(std::string_view(code).substr(0, kPublicCodeRandomSymbols)) != code.back()) return typo(field);
  return canonical(code);
}

}  // namespace sigap::domain::complaints
