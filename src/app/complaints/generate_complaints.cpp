#include "app/complaints/generate_complaints.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <unordered_set>

#include "app/complaints/generated_texts.hpp"
#include "domain/complaints/public_code.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;
using namespace std::chrono_literals;

namespace {

constexpr auto kDay = std::chrono::hours(24);
constexpr auto kSpan = 365 * kDay;
constexpr int kCodeAttempts = 5;

struct Weighted {
  dc::Status status;
  int weight;
};

// How cases of a given age stand: young ones are mostly waiting, old ones mostly over.
const std::vector<Weighted>& statuses_for(std::chrono::system_clock::duration age) {
  static const std::vector<Weighted> fresh{{dc::Status::submitted, 50}, {dc::Status::verified, 25},
                                           {dc::Status::assigned, 15},  {dc::Status::in_progress, 10}};
  static const std::vector<Weighted> recent{{dc::Status::submitted, 8},  {dc::Status::verified, 12},
                                            {dc::Status::assigned, 15},  {dc::Status::in_progress, 35},
                                            {dc::Status::need_info, 8},  {dc::Status::resolved, 15},
                                            {dc::Status::rejected, 5},   {dc::Status::closed, 2}};
  static const std::vector<Weighted> weeks{{dc::Status::submitted, 2},  {dc::Status::verified, 3},
                                           {dc::Status::assigned, 5},   {dc::Status::in_progress, 20},
                                           {dc::Status::need_info, 5},  {dc::Status::resolved, 15},
                                           {dc::Status::closed, 40},    {dc::Status::rejected, 8},
                                           {dc::Status::reopened, 2}};
  static const std::vector<Weighted> old{{dc::Status::in_progress, 3}, {dc::Status::need_info, 1},
                                         {dc::Status::resolved, 3},    {dc::Status::closed, 80},
                                         {dc::Status::rejected, 12},   {dc::Status::reopened, 1}};
  if (age < 3 * kDay) return fresh;
  if (age < 14 * kDay) return recent;
  if (age < 60 * kDay) return weeks;
  return old;
}

template <typename Item>
const Item& weighted_pick(std::mt19937_64& random, const std::vector<Item>& items) {
  int total = 0;
  for (const auto& item : items) total += item.weight;
  int draw = std::uniform_int_distribution<int>(0, total - 1)(random);
  for (const auto& item : items) {
    if (draw < item.weight) return item;
    draw -= item.weight;
  }
  return items.back();
}

struct CategoryChoice {
  const domain::master_data::Category* category;
  int weight;
};

struct ChannelChoice {
  dc::Channel channel;
  int weight;
};

const std::vector<ChannelChoice>& channels() {
  static const std::vector<ChannelChoice> choices{{dc::Channel::web, 40},   {dc::Channel::whatsapp, 25},
                                                  {dc::Channel::telegram, 5}, {dc::Channel::sms, 8},
                                                  {dc::Channel::email, 5},  {dc::Channel::open311, 2},
                                                  {dc::Channel::api, 5},    {dc::Channel::counter, 10}};
  return choices;
}

int category_weight(std::string_view code) {
  static const std::map<std::string_view, int> weights{
      {"jalan-rusak", 18}, {"sampah", 14},    {"banjir-drainase", 12}, {"lampu-jalan", 9}, {"air-bersih", 8},
      {"adminduk", 7},     {"kesehatan", 4},  {"pendidikan", 4},       {"lalu-lintas-parkir", 4}};
  auto found = weights.find(code);
  return found == weights.end() ? 2 : found->second;
}

bool chance(std::mt19937_64& random, double p) { return std::bernoulli_distribution(p)(random); }

std::chrono::seconds seconds_between(std::mt19937_64& random, std::chrono::seconds low, std::chrono::seconds high) {
  if (high <= low) return low;
  return std::chrono::seconds(std::uniform_int_distribution<std::int64_t>(low.count(), high.count())(random));
}

// The 7 random symbols of a public code from 35 random bits.
std::string symbols_of(std::uint64_t bits) {
  std::string symbols(domain::complaints::kPublicCodeRandomSymbols, '0');
  for (auto& symbol : symbols) {
    symbol = domain::complaints::kPublicCodeAlphabet[bits & 31U];
    bits >>= 5U;
  }
  return symbols;
}

class Generator {
 public:
  Generator(std::uint64_t seed, TimePoint now, std::vector<domain::master_data::Category> categories,
            std::vector<domain::master_data::Region> kelurahan, std::set<std::string> units)
      : seed_(seed), code_random_(seed), now_(now), categories_(std::move(categories)), kelurahan_(std::move(kelurahan)),
        units_(std::move(units)) {
    for (const auto& category : categories_) category_choices_.push_back({&category, category_weight(category.code)});
  }

  // The i-th of `count` cases: submitted in its slot of the last 12 months, so ids follow time.
  dc::Complaint next(std::int64_t i, std::int64_t count) {
    // Each case draws from its own stream: the same seed gives the same case i, whatever the
    // cases before it drew.
    random_.seed(seed_ ^ (static_cast<std::uint64_t>(i) * 0x9E3779B97F4A7C15ULL));
    dc::Complaint c;
    auto slot = std::chrono::duration_cast<std::chrono::seconds>(kSpan) / std::max<std::int64_t>(count, 1);
    auto start = now_ - kSpan + slot * i;
    c.submitted_at = std::chrono::time_point_cast<std::chrono::seconds>(
        start + seconds_between(random_, 0s, std::max(slot - 1s, 0s)));
    auto age = now_ - c.submitted_at;
    const auto& category = *weighted_pick(random_, category_choices_).category;
    const auto& place = kelurahan_[std::uniform_int_distribution<std::size_t>(0, kelurahan_.size() - 1)(random_)];
    auto text = generated_text(random_, category.code, category.name_id, category.keywords, place.name);
    c.public_code = domain::complaints::format_public_code(symbols_of(unique_code_bits()));
    c.reporter_secret_hash = std::string(64, '0');  // matches no secret: nobody acts as this reporter
    auto kind = std::uniform_int_distribution<int>(0, 99)(random_);
    c.kind = kind < 85 ? dc::ComplaintKind::complaint
                       : (kind < 95 ? dc::ComplaintKind::aspiration : dc::ComplaintKind::information_request);
    c.title = std::move(text.title);
    c.description = std::move(text.description);
    c.category_code = category.code;
    c.category_suggested = chance(random_, 0.4);
    c.region_code = place.code;
    if (chance(random_, 0.7)) {
      c.location = domain::master_data::GeoPoint{std::uniform_real_distribution<double>(-3.05, -2.90)(random_),
                                                 std::uniform_real_distribution<double>(104.65, 104.85)(random_)};
      c.accuracy_m = std::uniform_int_distribution<int>(5, 60)(random_);
    }
    if (chance(random_, 0.5)) c.address = generated_address(random_);
    if (chance(random_, 0.9)) c.reporter.name = generated_name(random_);
    if (chance(random_, 0.8)) c.reporter.phone = "+628" + std::to_string(std::uniform_int_distribution<std::int64_t>(
                                                             1'100'000'000, 9'999'999'999)(random_));
    if (chance(random_, 0.3)) c.reporter.email = "warga" + std::to_string(i) + "@contoh.id";
    c.anonymous = chance(random_, 0.15);
    c.confidential = chance(random_, 0.05);
    c.channel = weighted_pick(random_, channels()).channel;
    c.unit_code = unit_for(category, place);
    c.status = weighted_pick(random_, statuses_for(age)).status;
    milestones(c, age);
    return c;
  }

  // A code not drawn before in this run.
  std::uint64_t unique_code_bits() {
    for (;;) {
      auto bits = code_random_() & ((std::uint64_t{1} << 35U) - 1);
      if (drawn_codes_.insert(bits).second) return bits;
    }
  }

 private:
  std::string unit_for(const domain::master_data::Category& category, const domain::master_data::Region& place) {
    auto draw = std::uniform_int_distribution<int>(0, 99)(random_);
    std::string unit;
    if (draw < 70) unit = category.default_unit_code;
    else if (draw < 85) unit = "kelurahan-" + place.code;
    else if (draw < 95) unit = "kecamatan-" + place.parent_code;
    if (unit.empty() || !units_.count(unit)) unit = "diskominfo";
    if (!units_.count(unit)) unit = *units_.begin();
    return unit;
  }

  // Deadlines, milestones, the running clock and the rating, consistent with status and age.
  void milestones(dc::Complaint& c, std::chrono::system_clock::duration age) {
    using S = dc::Status;
    auto at = c.submitted_at;
    auto age_s = std::chrono::duration_cast<std::chrono::seconds>(age);
    c.deadlines.verify = at + 3 * kDay;
    c.deadlines.first_response = at + 7 * kDay;
    c.deadlines.resolve = at + 60 * kDay;
    bool answered = c.status != S::submitted && c.status != S::verified && c.status != S::rejected;
    if (c.status == S::verified && chance(random_, 0.2)) answered = true;
    if (answered) {
      // Most units answer within a day or two, some take weeks.
      auto hours = std::lognormal_distribution<double>(std::log(20.0), 1.1)(random_);
      auto after = std::min(std::chrono::seconds(static_cast<std::int64_t>(hours * 3600)), age_s);
      c.first_response_at = at + std::max(after, 60s);
    }
    bool resolved = c.status == S::resolved || c.status == S::closed || c.status == S::reopened;
    if (resolved) {
      auto earliest = std::chrono::duration_cast<std::chrono::seconds>(c.first_response_at.value_or(at) - at) + 3600s;
      auto latest = std::min(age_s - 60s, std::chrono::duration_cast<std::chrono::seconds>(75 * kDay));
      c.resolved_at = at + seconds_between(random_, earliest, std::max(latest, earliest));
      if (*c.resolved_at > now_) c.resolved_at = now_;
    }
    if (c.status == S::closed) {
      auto since = std::chrono::duration_cast<std::chrono::seconds>(now_ - *c.resolved_at);
      c.closed_at = *c.resolved_at + seconds_between(random_, 0s, std::min(since, std::chrono::seconds(14 * kDay)));
      if (chance(random_, 0.65)) {
        auto draw = std::uniform_int_distribution<int>(0, 99)(random_);
        c.rating = draw < 5 ? 1 : draw < 13 ? 2 : draw < 30 ? 3 : draw < 70 ? 4 : 5;
      }
    }
    if (c.status == S::rejected) {
      c.closed_at = at + seconds_between(random_, 600s, std::min(age_s, std::chrono::seconds(5 * kDay)));
    }
    switch (c.status) {
      case S::submitted:
        c.sla_target = "verify";
        c.due_at = c.deadlines.verify;
        break;
      case S::verified:
      case S::assigned:
        c.sla_target = c.first_response_at ? "resolve" : "first_response";
        c.due_at = c.first_response_at ? c.deadlines.resolve : c.deadlines.first_response;
        break;
      case S::in_progress:
      case S::reopened:
        c.sla_target = "resolve";
        c.due_at = c.deadlines.resolve;
        break;
      default:
        break;  // paused or over: no clock runs
    }
    if (c.status == S::need_info) c.status_before_need_info = S::in_progress;
    c.updated_at = std::max({c.submitted_at, c.first_response_at.value_or(TimePoint{}),
                             c.resolved_at.value_or(TimePoint{}), c.closed_at.value_or(TimePoint{})});
  }

  std::uint64_t seed_;
  std::mt19937_64 random_;
  std::mt19937_64 code_random_;
  TimePoint now_;
  std::vector<domain::master_data::Category> categories_;
  std::vector<domain::master_data::Region> kelurahan_;
  std::set<std::string> units_;
  std::vector<CategoryChoice> category_choices_;
  std::unordered_set<std::uint64_t> drawn_codes_;
};

bool has_milestones(const dc::Complaint& c) {
  return c.first_response_at || c.resolved_at || c.closed_at || c.rating;
}

}  // namespace

Result<std::int64_t> generate_complaints(ports::Storage& storage, const Clock& clock, const GenerateRequest& request,
                                         const GenerateProgress& progress) {
  auto categories = storage.categories().list();
  if (!categories) return categories.error();
  auto kelurahan = storage.regions().at_level(domain::master_data::RegionLevel::village);
  if (!kelurahan) return kelurahan.error();
  auto units = storage.units().list({});
  if (!units) return units.error();
  if (categories->empty() || kelurahan->empty() || units->empty()) {
    return Error(ErrorCode::validation, Text{"Data induk (kelurahan, kategori, unit) belum dimuat.",
                                             "The master data (kelurahan, categories, units) is not loaded."});
  }
  std::set<std::string> unit_codes;
  for (const auto& unit : *units) unit_codes.insert(unit.code);
  Generator generator(request.seed, std::chrono::time_point_cast<std::chrono::seconds>(clock.now()),
                      std::move(*categories), std::move(*kelurahan), std::move(unit_codes));

  std::int64_t written = 0;
  std::vector<dc::Complaint> batch;
  while (written < request.count) {
    auto size = std::min<std::int64_t>(std::max(request.batch_size, 1), request.count - written);
    batch.clear();
    for (std::int64_t i = 0; i < size; ++i) batch.push_back(generator.next(written + i, request.count));
    Result<void> committed = Error::internal("not tried");
    for (int attempt = 0; attempt < kCodeAttempts; ++attempt) {
      committed = storage.write([&](ports::Transaction& tx) -> Result<void> {
        for (auto& complaint : batch) {
          auto id = tx.complaints().insert(complaint);
          if (!id) return id.error();
          complaint.id = *id;
          if (has_milestones(complaint)) {
            auto updated = tx.complaints().update_state(complaint, complaint.version);
            if (!updated) return updated;
          }
        }
        return {};
      });
      // A code already stored by an earlier run: draw the batch's codes again.
      if (committed.ok() || committed.error().code() != ErrorCode::conflict) break;
      for (auto& complaint : batch) {
        complaint.public_code = domain::complaints::format_public_code(symbols_of(generator.unique_code_bits()));
      }
    }
    if (!committed) return committed.error();
    written += size;
    if (progress) progress(written);
  }
  if (auto tidied = storage.optimize_search_index(); !tidied) return tidied.error();
  return written;
}

}  // namespace sigap::app::complaints
