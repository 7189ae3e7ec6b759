// The JSON bodies of the public endpoints, read as their handlers read them (http/json_body:
// parse_json_text and JsonFields) and then checked by the domain rules the use cases apply.
// Input: the first byte picks the endpoint (its value modulo the number of endpoints), the rest
// is the body. The field lists mirror the handlers in src/http/handlers/ (named below); a new
// public JSON endpoint gets a case here.
// Invariants: a reader that finds a problem says what it is in both languages; a required field
// that is missing is always a problem; what the domain accepts is normalised as it promises.
#include <chrono>
#include <cmath>
#include <string>
#include <unordered_set>

#include "domain/complaints/contact.hpp"
#include "domain/complaints/intake.hpp"
#include "domain/identity/password_policy.hpp"
#include "domain/master_data/region_code.hpp"
#include "fuzz/fuzz_check.hpp"
#include "http/json_body.hpp"

namespace http = sigap::http;
namespace dc = sigap::domain::complaints;
using namespace std::chrono_literals;

namespace {

// A fixed "now" (2026-11-26 06:00 UTC): the NIK birth-date rule depends on it.
const sigap::TimePoint kNow{std::chrono::sys_days{std::chrono::year{2026} / 11 / 26} + 6h};

void check_problems(const http::JsonFields& fields, bool required_missing) {
  auto error = fields.error();
  if (required_missing) FUZZ_CHECK(error.has_value());
  if (error) {
    // (A problem's field may be "": the client sent a member named "", unknown, and is told so.)
    FUZZ_CHECK(!error->fields().empty());
    for (const auto& problem : error->fields()) FUZZ_CHECK(!problem.message.en.empty() && !problem.message.id.empty());
  }
}

bool missing(const boost::json::object& body, std::string_view name) { return !body.contains(name); }

// POST /api/v1/complaints (complaint_handlers.cpp, draft_from), then validate_intake.
void complaint_intake(const boost::json::object& body) {
  http::JsonFields fields(body, {"description", "title", "category", "location", "address", "region_code", "kind",
                                 "reporter", "anonymous", "confidential", "channel", "language", "notify"});
  dc::IntakeDraft draft;
  draft.description = fields.string("description", true).value_or("");
  draft.title = fields.string("title", false).value_or("");
  draft.category_code = fields.string("category", false).value_or("");
  draft.address = fields.string("address", false).value_or("");
  draft.region_code = fields.string("region_code", false).value_or("");
  draft.kind = fields.string("kind", false).value_or("complaint");
  draft.channel = fields.string("channel", false).value_or("web");
  draft.anonymous = fields.boolean("anonymous", false).value_or(false);
  draft.confidential = fields.boolean("confidential", false).value_or(false);
  if (auto language = fields.string("language", false)) draft.language = *language;
  draft.notify = fields.string("notify", false).value_or("");
  if (const auto* location = fields.object("location")) {
    http::JsonFields nested(*location, {"latitude", "longitude", "accuracy_m"}, "location.");
    draft.latitude = nested.number("latitude", true);
    draft.longitude = nested.number("longitude", true);
    draft.accuracy_m = nested.number("accuracy_m", false);
    fields.absorb(nested);
  }
  if (const auto* reporter = fields.object("reporter")) {
    http::JsonFields nested(*reporter, {"name", "phone", "email", "nik"}, "reporter.");
    draft.reporter_name = nested.string("name", false).value_or("");
    draft.reporter_phone = nested.string("phone", false).value_or("");
    draft.reporter_email = nested.string("email", false).value_or("");
    draft.reporter_nik = nested.string("nik", false).value_or("");
    fields.absorb(nested);
  }
  check_problems(fields, missing(body, "description"));
  if (fields.error()) return;
  auto valid = dc::validate_intake(draft, kNow);
  if (!valid) {
    FUZZ_CHECK(!valid.error().fields().empty());
    return;
  }
  auto length = dc::utf8_length(valid->description);
  FUZZ_CHECK(length && *length >= dc::kMinDescription && *length <= dc::kMaxDescription);
  if (auto title = dc::utf8_length(valid->title)) FUZZ_CHECK(*title <= dc::kMaxTitle);
  if (valid->location) {
    FUZZ_CHECK(std::abs(valid->location->latitude) <= 90 && std::abs(valid->location->longitude) <= 180);
  }
  if (!valid->reporter.phone.empty()) FUZZ_CHECK(valid->reporter.phone.starts_with("+62"));
  if (!valid->reporter.nik.empty()) FUZZ_CHECK(valid->reporter.nik.size() == 16);
}

// POST /api/v1/track/{code}/actions (complaint_handlers.cpp, reporter_action).
void reporter_action(const boost::json::object& body) {
  http::JsonFields fields(body, {"secret", "action", "message", "rating"});
  fields.string("secret", true);
  fields.string("action", true);
  fields.string("message", false);
  if (auto rating = fields.integer("rating", false)) {
    int kept = *rating >= 1 && *rating <= 5 ? static_cast<int>(*rating) : 0;
    FUZZ_CHECK(kept >= 0 && kept <= 5);
  }
  check_problems(fields, missing(body, "secret") || missing(body, "action"));
}

// POST /api/v1/session (session_handlers.cpp, sign_in).
void sign_in(const boost::json::object& body) {
  http::JsonFields fields(body, {"email", "password"});
  fields.string("email", true);
  fields.string("password", true);
  check_problems(fields, missing(body, "email") || missing(body, "password"));
}

// POST /api/v1/session/second-factor (session_handlers.cpp).
void second_factor(const boost::json::object& body) {
  http::JsonFields fields(body, {"code"});
  fields.string("code", true);
  check_problems(fields, missing(body, "code"));
}

// POST /api/v1/citizens (session_handlers.cpp, register_citizen), then the contact and password
// rules register_citizen applies.
void register_citizen(const boost::json::object& body) {
  http::JsonFields fields(body, {"email", "display_name", "password", "phone", "nik"});
  auto phone = fields.string("phone", false).value_or("");
  auto nik = fields.string("nik", false).value_or("");
  auto email = fields.string("email", true).value_or("");
  fields.string("display_name", true);
  auto password = fields.string("password", true).value_or("");
  check_problems(fields, missing(body, "email") || missing(body, "display_name") || missing(body, "password"));
  if (auto normalised = dc::normalize_email(email)) {
    FUZZ_CHECK(normalised->find('@') != std::string::npos);
    auto again = dc::normalize_email(*normalised);
    FUZZ_CHECK(again && *again == *normalised);
  }
  if (!phone.empty()) {
    if (auto normalised = dc::normalize_indonesian_phone(phone)) {
      FUZZ_CHECK(normalised->starts_with("+62"));
      auto again = dc::normalize_indonesian_phone(*normalised);
      FUZZ_CHECK(again && *again == *normalised);
    }
  }
  if (!nik.empty()) (void)dc::check_nik(nik, std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(kNow)});
  static const std::unordered_set<std::string> common{"password", "12345678", "qwerty123", "sigap2026"};
  (void)sigap::domain::identity::check_password(password, common, email);
}

// POST /api/v1/possible-duplicates (citizen_case_handlers.cpp), then check_location.
void possible_duplicates(const boost::json::object& body) {
  http::JsonFields fields(body, {"category", "title", "description", "location", "region_code"});
  fields.string("category", true);
  fields.string("title", false);
  fields.string("description", true);
  fields.string("region_code", false);
  if (const auto* location = fields.object("location")) {
    http::JsonFields nested(*location, {"latitude", "longitude", "accuracy_m"}, "location.");
    auto latitude = nested.number("latitude", true);
    auto longitude = nested.number("longitude", true);
    auto accuracy = nested.number("accuracy_m", false);
    fields.absorb(nested);
    if (latitude && longitude) {
      if (auto point = dc::check_location(*latitude, *longitude, accuracy)) {
        FUZZ_CHECK(std::abs(point->latitude) <= 90 && std::abs(point->longitude) <= 180);
      }
    }
  }
  check_problems(fields, missing(body, "category") || missing(body, "description"));
}

// POST /api/v1/track/{code}/support (citizen_case_handlers.cpp).
void support(const boost::json::object& body) {
  http::JsonFields fields(body, {"device"});
  fields.string("device", true);
  check_problems(fields, missing(body, "device"));
}

// POST /api/v1/regions/search (master_data_handlers.cpp, search_regions).
void region_search(const boost::json::object& body) {
  http::JsonFields fields(body, {"query", "level", "limit"});
  fields.string("query", true);
  if (auto level = fields.string("level", false)) {
    auto parsed = sigap::domain::master_data::region_level_from_string(*level, "level");
    if (!parsed) fields.add_problem("level", parsed.error().fields().front().message);
  }
  fields.integer("limit", false);
  check_problems(fields, missing(body, "query"));
}

// POST /api/v1/complaints/{id}/actions (complaint_handlers.cpp, act): staff, but the body is
// still outside input.
void case_action(const boost::json::object& body) {
  http::JsonFields fields(body, {"action", "reason", "reject_reason", "unit_code", "merge_into", "category_code"});
  for (auto name : {"reason", "reject_reason", "unit_code", "merge_into", "category_code"}) fields.string(name, false);
  fields.string("action", true);
  check_problems(fields, missing(body, "action"));
}

using Reader = void (*)(const boost::json::object&);
constexpr Reader kReaders[] = {complaint_intake,    reporter_action, sign_in,       second_factor, register_citizen,
                               possible_duplicates, support,         region_search, case_action};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto reader = kReaders[data[0] % std::size(kReaders)];
  auto body = http::parse_json_text(sigap::fuzz::as_text(data + 1, size - 1));
  if (!body) {
    FUZZ_CHECK(body.error().code() == sigap::ErrorCode::invalid_input);
    return 0;
  }
  reader(*body);
  return 0;
}
