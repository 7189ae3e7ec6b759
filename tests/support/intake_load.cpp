#include "support/intake_load.hpp"

#include <array>
#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "common/time_format.hpp"
#include "crypto/hashing.hpp"
#include "support/http_client.hpp"

namespace sigap::testing {

namespace json = boost::json;
namespace dc = domain::complaints;

namespace {

struct Template {
  std::string_view category;
  std::string_view text;
};

// As bench/intake/intake.lua: the texts of real reports, in the demo's categories.
constexpr std::array<Template, 6> kTemplates{{
    {"jalan-rusak", "Jalan berlubang cukup dalam di depan rumah nomor {}, sudah {} minggu tidak diperbaiki."},
    {"banjir-drainase", "Got di gang kami tersumbat sampah dan lumpur, genangan setinggi {} cm bertahan {} jam."},
    {"sampah", "Sampah di TPS dekat pasar tidak diangkut sejak {} hari, tumpukan sampai badan jalan nomor {}."},
    {"lampu-jalan", "Lampu jalan di tikungan dekat masjid mati sejak {} hari, sudah {} kejadian jambret."},
    {"pohon-taman", "Pohon besar condong ke kabel listrik, tingginya kira-kira {} meter, dekat rumah nomor {}."},
    {"air-bersih", "Air PDAM tidak mengalir sudah {} hari, warga satu RT ({} rumah) membeli air galon."},
}};

constexpr std::array<std::string_view, 12> kRegions{"16.71.01.1001", "16.71.02.1004", "16.71.03.1007", "16.71.05.1003",
                                                    "16.71.06.1005", "16.71.07.1007", "16.71.09.1002", "16.71.10.1005",
                                                    "16.71.12.1003", "16.71.14.1001", "16.71.15.1003", "16.71.17.1004"};

constexpr std::array<std::string_view, 6> kNames{"Siti Aminah",  "Budi Santoso", "Rahmat Hidayat",
                                                 "Dewi Lestari", "Agus Salim",   "Nur Aini"};

std::string text_or_empty(const json::object& object, std::string_view key) {
  auto it = object.find(key);
  return it != object.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

std::string time_or_empty(const std::optional<TimePoint>& time) { return time ? format_utc(*time) : std::string(); }

}  // namespace

SentComplaint SentComplaint::numbered(int series, std::int64_t number) {
  auto n = static_cast<std::size_t>(number);
  const auto& pick = kTemplates[n % kTemplates.size()];
  SentComplaint sent;
  sent.description =
      fmt::format(fmt::runtime(pick.text), n % 97 + 1, n % 13 + 2) + fmt::format(" (laporan {}-{})", series, number);
  sent.title = fmt::format("Laporan warga {}-{}", series, number);
  sent.category = n % 3 == 0 ? "" : std::string(pick.category);  // a third left to the suggestion
  sent.region_code = std::string(kRegions[n % kRegions.size()]);
  sent.kind = n % 5 == 0 ? "aspiration" : "complaint";
  sent.latitude = -2.99 + static_cast<double>(n % 1000) / 20000.0;
  sent.longitude = 104.74 + static_cast<double>(n % 997) / 20000.0;
  sent.accuracy_m = static_cast<double>(n % 40 + 5);
  sent.address = fmt::format("Jl. Merdeka Gg. Mawar No. {}, RT {}", n % 250 + 1, n % 30 + 1);
  sent.reporter_name = fmt::format("{} {}", kNames[n % kNames.size()], series * 100000 + number);
  sent.reporter_phone = fmt::format("+62812{:07}", (n * 7919 + static_cast<std::size_t>(series)) % 10'000'000);
  sent.reporter_email = fmt::format("warga{}.{}@example.id", series, number);
  sent.reporter_nik = fmt::format("167101010190{:04}", n % 9999 + 1);
  sent.anonymous = n % 7 == 0;
  sent.confidential = n % 11 == 0;
  return sent;
}

std::string SentComplaint::body() const {
  json::object out{
      {"description", description},
      {"title", title},
      {"region_code", region_code},
      {"kind", kind},
      {"location", json::object{{"latitude", latitude}, {"longitude", longitude}, {"accuracy_m", accuracy_m}}},
      {"address", address},
      {"reporter",
       json::object{
           {"name", reporter_name}, {"phone", reporter_phone}, {"email", reporter_email}, {"nik", reporter_nik}}},
      {"anonymous", anonymous},
      {"confidential", confidential}};
  if (!category.empty()) out["category"] = category;
  return json::serialize(out);
}

std::vector<std::string> differences(const AcknowledgedComplaint& acknowledged, const dc::Complaint& stored) {
  std::vector<std::string> differ;
  auto check = [&](bool same, std::string_view field) {
    if (!same) differ.emplace_back(field);
  };
  const auto& sent = acknowledged.sent;
  check(stored.id == acknowledged.id, "id");
  check(stored.public_code == acknowledged.code, "code");
  check(std::string(dc::to_string(stored.status)) == acknowledged.status, "status");
  check(std::string(dc::to_string(stored.kind)) == sent.kind && acknowledged.kind == sent.kind, "kind");
  check(stored.description == sent.description, "description");
  check(stored.title == sent.title, "title");
  check(stored.category_code == acknowledged.category &&
            (sent.category.empty() || sent.category == acknowledged.category),
        "category");
  check(stored.category_suggested == sent.category.empty(), "category_suggested");
  check(stored.region_code == sent.region_code, "region_code");
  check(stored.location && std::abs(stored.location->latitude - sent.latitude) < 1e-9 &&
            std::abs(stored.location->longitude - sent.longitude) < 1e-9,
        "location");
  check(stored.accuracy_m && std::abs(*stored.accuracy_m - sent.accuracy_m) < 1e-9, "location.accuracy_m");
  check(stored.address == sent.address, "address");
  check(stored.reporter.name == sent.reporter_name, "reporter.name");
  check(stored.reporter.phone == sent.reporter_phone, "reporter.phone");
  check(stored.reporter.email == sent.reporter_email, "reporter.email");
  check(stored.reporter.nik == sent.reporter_nik, "reporter.nik");
  check(stored.anonymous == sent.anonymous, "anonymous");
  check(stored.confidential == sent.confidential, "confidential");
  check(stored.channel == dc::Channel::web, "channel");
  check(stored.unit_code == acknowledged.unit, "unit");
  check(format_utc(stored.submitted_at) == acknowledged.submitted_at, "submitted_at");
  check(time_or_empty(stored.deadlines.verify) == acknowledged.verify_due, "deadlines.verify");
  check(time_or_empty(stored.deadlines.first_response) == acknowledged.first_response_due, "deadlines.first_response");
  check(time_or_empty(stored.deadlines.resolve) == acknowledged.resolve_due, "deadlines.resolve");
  check(stored.reporter_secret_hash == crypto::sha256_hex(acknowledged.reporter_secret), "reporter_secret");
  check(!stored.merged_into_id && stored.support_count == 0, "merge and support");
  return differ;
}

IntakeLoad::IntakeLoad(std::string base_url, int connections, int series)
    : base_url_(std::move(base_url)), series_(series) {
  for (int i = 0; i < connections; ++i) clients_.emplace_back([this, i] { client(i); });
}

IntakeLoad::~IntakeLoad() { stop(); }

void IntakeLoad::stop() {
  stopping_ = true;
  for (auto& thread : clients_) {
    if (thread.joinable()) thread.join();
  }
}

bool IntakeLoad::wait_for(std::size_t count, std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (acknowledged_count() < count) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

std::vector<AcknowledgedComplaint> IntakeLoad::acknowledged() const {
  std::lock_guard lock(mutex_);
  return acknowledged_;
}

std::size_t IntakeLoad::acknowledged_count() const {
  std::lock_guard lock(mutex_);
  return acknowledged_.size();
}

std::vector<std::string> IntakeLoad::unexpected() const {
  std::lock_guard lock(mutex_);
  return unexpected_;
}

std::size_t IntakeLoad::unexpected_count() const {
  std::lock_guard lock(mutex_);
  return unexpected_count_;
}

void IntakeLoad::client(int /*index*/) {
  HttpClient http(base_url_);
  while (!stopping_) {
    auto sent = SentComplaint::numbered(series_, next_number_++);
    auto answer = http.request("POST", "/api/v1/complaints", sent.body(),
                               {"Content-Type: application/json", "Accept-Language: id"});
    if (answer.status == 0) {
      // No answer: the server is gone (killed) or not there yet. Whatever became of this one, it
      // was not acknowledged.
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    if (answer.status != 201) {
      std::lock_guard lock(mutex_);
      ++unexpected_count_;
      if (unexpected_.size() < 10)
        unexpected_.push_back(fmt::format("{} {}", answer.status, answer.body.substr(0, 300)));
      continue;
    }
    auto at = std::chrono::steady_clock::now();
    // A 201 whose body cannot be read would be a server bug: json() throws and fails the test.
    auto object = answer.json().as_object();
    AcknowledgedComplaint acknowledged;
    acknowledged.sent = std::move(sent);
    acknowledged.acknowledged_at = at;
    acknowledged.id = object.at("id").as_int64();
    acknowledged.code = text_or_empty(object, "code");
    acknowledged.status = text_or_empty(object, "status");
    acknowledged.kind = text_or_empty(object, "kind");
    acknowledged.category = text_or_empty(object.at("category").as_object(), "code");
    acknowledged.unit = text_or_empty(object.at("unit").as_object(), "code");
    acknowledged.submitted_at = text_or_empty(object, "submitted_at");
    const auto& deadlines = object.at("deadlines").as_object();
    acknowledged.verify_due = text_or_empty(deadlines, "verify");
    acknowledged.first_response_due = text_or_empty(deadlines, "first_response");
    acknowledged.resolve_due = text_or_empty(deadlines, "resolve");
    acknowledged.reporter_secret = text_or_empty(object, "reporter_secret");
    std::lock_guard lock(mutex_);
    acknowledged_.push_back(std::move(acknowledged));
  }
}

}  // namespace sigap::testing
