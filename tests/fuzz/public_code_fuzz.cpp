// The public-code checker (domain/complaints/public_code): what a citizen types into the tracking
// page or reads over the phone, and what every /api/v1/track/{code} path carries.
// Invariants: an accepted code is canonical ("SGP-XXXX-XXXX" of the alphabet), reads back as
// itself, and is what format_public_code makes of its first seven symbols; a refusal names the
// field.
#include <string>

#include "domain/complaints/public_code.hpp"
#include "fuzz/fuzz_check.hpp"

namespace dc = sigap::domain::complaints;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto typed = sigap::fuzz::as_text(data, size);
  auto parsed = dc::parse_public_code(typed);
  if (!parsed) {
    FUZZ_CHECK(parsed.error().fields().size() == 1 && parsed.error().fields()[0].field == "code");
    return 0;
  }
  const std::string& code = *parsed;
  FUZZ_CHECK(code.size() == 13);
  FUZZ_CHECK(code.starts_with("SGP-") && code[8] == '-');
  std::string symbols = code.substr(4, 4) + code.substr(9, 4);
  for (char c : symbols) FUZZ_CHECK(dc::kPublicCodeAlphabet.find(c) != std::string_view::npos);
  FUZZ_CHECK(dc::format_public_code(std::string_view(symbols).substr(0, dc::kPublicCodeRandomSymbols)) == code);
  auto again = dc::parse_public_code(code);
  FUZZ_CHECK(again && *again == code);
  return 0;
}
