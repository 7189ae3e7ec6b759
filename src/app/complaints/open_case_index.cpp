#include "app/complaints/open_case_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>
#include <numbers>
#include <unordered_set>
#include <utility>

#include "common/logging.hpp"
#include "domain/complaints/contact.hpp"
#include "domain/complaints/duplicates.hpp"

namespace sigap::app::complaints {

namespace dc = domain::complaints;
using domain::master_data::GeoPoint;

namespace {

// The grid that pinned cases are filed by: cells of 0.002 degrees, about 220 m, a little more
// than the duplicate radius, so a lookup reads the cell of the pin and its neighbours.
constexpr double kCellDegrees = 0.002;
constexpr double kMetresPerDegree = 111'320.0;

std::int64_t cell_number(double degrees) { return static_cast<std::int64_t>(std::floor(degrees / kCellDegrees)); }

std::int64_t cell_key(std::int64_t latitude_cell, std::int64_t longitude_cell) {
  return (latitude_cell << 32) ^ (longitude_cell & 0xffffffff);
}

std::int64_t cell_of(const GeoPoint& point) {
  return cell_key(cell_number(point.latitude), cell_number(point.longitude));
}

template <typename Spot>
void insert_sorted(std::vector<Spot>& spots, const Spot& spot) {
  auto at = std::lower_bound(spots.begin(), spots.end(), spot.id,
                             [](const Spot& held, std::int64_t id) { return held.id < id; });
  if (at == spots.end() || at->id != spot.id) spots.insert(at, spot);
}

template <typename Key, typename Spot>
void erase_sorted(std::unordered_map<Key, std::vector<Spot>>& lists, const Key& key, std::int64_t id) {
  auto list = lists.find(key);
  if (list == lists.end()) return;
  auto at = std::lower_bound(list->second.begin(), list->second.end(), id,
                             [](const Spot& held, std::int64_t wanted) { return held.id < wanted; });
  if (at != list->second.end() && at->id == id) list->second.erase(at);
  if (list->second.empty()) lists.erase(list);
}

bool open_and_public(const dc::Complaint& complaint) {
  return complaint.status != dc::Status::closed && complaint.status != dc::Status::rejected &&
         !complaint.merged_into_id && !complaint.confidential && !complaint.category_code.empty();
}

ports::DuplicateCandidate held(ports::DuplicateCandidate found) {
  found.candidate.fingerprints = OpenCaseIndex::fingerprints(found.candidate.text);
  found.candidate.text.clear();
  return found;
}

ports::DuplicateCandidate held(const dc::Complaint& complaint) {
  ports::DuplicateCandidate found;
  found.candidate.id = complaint.id;
  found.candidate.category_code = complaint.category_code;
  found.candidate.location = complaint.location;
  found.candidate.kelurahan_code = complaint.region_code;
  found.candidate.submitted_at = complaint.submitted_at;
  found.candidate.text = complaint.title + " " + complaint.description;
  found.public_code = complaint.public_code;
  found.title = complaint.title;
  found.status = complaint.status;
  found.support_count = complaint.support_count;
  return held(std::move(found));
}

}  // namespace

void OpenCaseIndex::Cases::put(ports::DuplicateCandidate found, std::size_t max_cases) {
  const auto id = found.candidate.id;
  drop(id);
  auto& places = by_category[found.candidate.category_code];
  const auto& kelurahan = found.candidate.kelurahan_code;
  const Spot spot{id, found.candidate.location, found.candidate.submitted_at};
  if (found.candidate.location) {
    insert_sorted(places.cells[cell_of(*found.candidate.location)], spot);
  } else if (!kelurahan.empty()) {
    insert_sorted(places.unpinned[kelurahan], spot);
  }
  if (!kelurahan.empty()) insert_sorted(places.kelurahan[kelurahan], spot);
  by_id.emplace(id, std::move(found));
  while (by_id.size() > max_cases) drop(by_id.begin()->first);
}

void OpenCaseIndex::Cases::drop(std::int64_t id) {
  auto held_case = by_id.find(id);
  if (held_case == by_id.end()) return;
  const auto& candidate = held_case->second.candidate;
  if (auto places = by_category.find(candidate.category_code); places != by_category.end()) {
    if (candidate.location) erase_sorted(places->second.cells, cell_of(*candidate.location), id);
    erase_sorted(places->second.unpinned, candidate.kelurahan_code, id);
    erase_sorted(places->second.kelurahan, candidate.kelurahan_code, id);
  }
  by_id.erase(held_case);
}

void OpenCaseIndex::Cases::set_support(std::int64_t id, int count) {
  if (auto held_case = by_id.find(id); held_case != by_id.end()) held_case->second.support_count = count;
}

OpenCaseIndex::OpenCaseIndex(ports::Storage& storage, const Clock& clock, Options options)
    : storage_(storage), clock_(clock), options_(options) {
  watching_ = storage_.watch_cases([this](const ports::CommittedCases& committed) { follow(committed); });
}

OpenCaseIndex::~OpenCaseIndex() { storage_.unwatch_cases(watching_); }

std::vector<std::uint64_t> OpenCaseIndex::fingerprints(const std::string& text) {
  // An intake folds its text twice: on its request thread to look for duplicates, and on the
  // writer thread when the stored case joins the index (follow()). The second finds the first's
  // words here: a small cache of the texts folded last, one text per slot, shared by threads.
  struct Slot {
    std::string text;
    std::vector<std::uint64_t> prints;
  };
  static std::mutex mutex;
  static std::array<Slot, 512> slots;
  auto& slot = slots[std::hash<std::string>{}(text) % slots.size()];
  {
    std::lock_guard lock(mutex);
    if (!slot.prints.empty() && slot.text == text) return slot.prints;
  }
  auto prints = dc::word_fingerprints(text);
  std::lock_guard lock(mutex);
  slot.text = text;
  slot.prints = prints;
  return prints;
}

std::size_t OpenCaseIndex::size() const {
  std::shared_lock lock(mutex_);
  return cases_.by_id.size();
}

void OpenCaseIndex::follow(const ports::CommittedCases& committed) {
  std::unique_lock lock(mutex_);
  apply(cases_, committed);
  if (reloading_) during_reload_.push_back(committed);
}

void OpenCaseIndex::apply(Cases& cases, const ports::CommittedCases& committed) const {
  const auto now = clock_.now();
  for (const auto& complaint : committed.stored) {
    if (!open_and_public(complaint) || now - complaint.submitted_at > dc::kDuplicateWindow) {
      cases.drop(complaint.id);
      continue;
    }
    auto found = held(complaint);
    // add_support counts in SQL; the case as a use case stored it may predate the last +1.
    if (auto before = cases.by_id.find(complaint.id); before != cases.by_id.end()) {
      found.support_count = std::max(found.support_count, before->second.support_count);
    }
    cases.put(std::move(found), options_.max_cases);
  }
  for (const auto& [id, count] : committed.support_counts) cases.set_support(id, count);
}

Result<void> OpenCaseIndex::load_if_due(TimePoint now) {
  {
    std::shared_lock lock(mutex_);
    if (loaded_ && now - loaded_at_ < options_.reload_every) return {};
  }
  std::unique_lock loading(loading_, std::defer_lock);
  bool first;
  {
    std::shared_lock lock(mutex_);
    first = !loaded_;
  }
  if (first) {
    loading.lock();  // the first load is waited for: without it a lookup would miss every case
  } else if (!loading.try_lock()) {
    return {};  // another lookup reloads meanwhile; this one reads what is held
  }
  {
    std::unique_lock lock(mutex_);
    if (loaded_ && now - loaded_at_ < options_.reload_every) return {};
    first = !loaded_;
    reloading_ = true;
    during_reload_.clear();
  }
  auto finished = first ? rebuild(now) : check_held(now);
  std::unique_lock lock(mutex_);
  reloading_ = false;
  during_reload_.clear();
  if (!finished) {
    if (!loaded_) return finished.error();
    // Keep serving what is held (this process's writes still reach it); try again later.
    logging::app().warn("open case index: reload failed, keeping the cases held: {}",
                        finished.error().log_detail());
  }
  loaded_ = true;
  loaded_at_ = now;
  return {};
}

Result<void> OpenCaseIndex::rebuild(TimePoint now) {
  auto rows = storage_.complaints().open_public_cases_since(now - dc::kDuplicateWindow,
                                                            static_cast<int>(options_.max_cases), true, std::nullopt);
  if (!rows) return rows.error();
  Cases fresh;
  for (auto& found : *rows) fresh.put(held(std::move(found)), options_.max_cases);
  std::unique_lock lock(mutex_);
  for (const auto& committed : during_reload_) apply(fresh, committed);
  cases_ = std::move(fresh);
  return {};
}

Result<void> OpenCaseIndex::check_held(TimePoint now) {
  // Every case's place, status and support, without its text, a page at a time: what changed
  // elsewhere is set right in place, and only cases this process has not seen are read whole.
  // (A second index built beside the first from one read of the window with its text doubled
  // the memory for a moment every reload: the soak saw it.)
  constexpr int kPage = 2'000;
  std::unordered_set<std::int64_t> listed;
  std::vector<std::int64_t> unseen;
  std::optional<ports::OpenCaseCursor> after;
  // What this process commits during the read is newer than the read: it stays as followed.
  auto followed_now = [&] {
    std::unordered_set<std::int64_t> followed;
    for (const auto& committed : during_reload_) {
      for (const auto& complaint : committed.stored) followed.insert(complaint.id);
    }
    return followed;
  };
  while (listed.size() < options_.max_cases) {
    const auto wanted = static_cast<int>(std::min<std::size_t>(kPage, options_.max_cases - listed.size()));
    auto rows = storage_.complaints().open_public_cases_since(now - dc::kDuplicateWindow, wanted, false, after);
    if (!rows) return rows.error();
    std::unique_lock lock(mutex_);
    const auto followed = followed_now();
    for (auto& row : *rows) {
      const auto id = row.candidate.id;
      listed.insert(id);
      if (followed.contains(id)) continue;
      auto held_case = cases_.by_id.find(id);
      if (held_case == cases_.by_id.end()) {
        unseen.push_back(id);
        continue;
      }
      auto& kept = held_case->second;
      kept.status = row.status;
      kept.support_count = row.support_count;
      if (kept.candidate.category_code != row.candidate.category_code ||
          kept.candidate.kelurahan_code != row.candidate.kelurahan_code ||
          kept.candidate.location != row.candidate.location) {
        auto moved = kept;
        moved.candidate.category_code = row.candidate.category_code;
        moved.candidate.kelurahan_code = row.candidate.kelurahan_code;
        moved.candidate.location = row.candidate.location;
        cases_.put(std::move(moved), options_.max_cases);
      }
    }
    if (static_cast<int>(rows->size()) < wanted) break;
    after = ports::OpenCaseCursor{rows->back().candidate.submitted_at, rows->back().candidate.id};
  }
  {
    std::unique_lock lock(mutex_);
    const auto followed = followed_now();
    std::vector<std::int64_t> gone;
    for (const auto& [id, kept] : cases_.by_id) {
      if (!listed.contains(id) && !followed.contains(id)) gone.push_back(id);
    }
    for (auto id : gone) cases_.drop(id);
  }
  // Many unseen (a bulk load by another process): one read of them all with their text.
  constexpr std::size_t kReadOneByOne = 200;
  if (unseen.size() > kReadOneByOne) return rebuild(now);
  for (auto id : unseen) {
    auto found = storage_.complaints().find_by_id(id);
    if (!found) return found.error();
    if (!found->has_value()) continue;
    const auto& complaint = **found;
    if (!open_and_public(complaint) || now - complaint.submitted_at > dc::kDuplicateWindow) continue;
    std::unique_lock lock(mutex_);
    if (!cases_.by_id.contains(id)) cases_.put(held(complaint), options_.max_cases);
  }
  return {};
}

Result<void> OpenCaseIndex::lend_nearby(const std::string& category, const std::string& kelurahan,
                                        const std::optional<GeoPoint>& near, TimePoint now, std::size_t limit,
                                        const Use& use) {
  if (auto loaded = load_if_due(now); !loaded) return loaded;
  std::shared_lock lock(mutex_);
  // The lists that may hold a candidate, each read newest first (from its end), merged by id so
  // the lookup stops at the `limit` newest that qualify, however many the place holds.
  struct Cursor {
    const Spots* spots;
    std::size_t left;  // spots not read yet, from the front
  };
  std::vector<Cursor> cursors;
  auto add_list = [&](const std::unordered_map<std::string, Spots>& lists) {
    if (kelurahan.empty()) return;
    if (auto list = lists.find(kelurahan); list != lists.end()) cursors.push_back({&list->second, list->second.size()});
  };
  if (auto places = cases_.by_category.find(category); places != cases_.by_category.end()) {
    if (near) {
      const double metres_per_cell = kCellDegrees * kMetresPerDegree;
      const double cos_latitude = std::max(0.01, std::cos(near->latitude * std::numbers::pi / 180));
      const auto latitude_rings = static_cast<std::int64_t>(std::ceil(dc::kDuplicateRadiusM / metres_per_cell));
      const auto longitude_rings =
          static_cast<std::int64_t>(std::ceil(dc::kDuplicateRadiusM / (metres_per_cell * cos_latitude)));
      const auto latitude_cell = cell_number(near->latitude);
      const auto longitude_cell = cell_number(near->longitude);
      for (auto dlat = -latitude_rings; dlat <= latitude_rings; ++dlat) {
        for (auto dlon = -longitude_rings; dlon <= longitude_rings; ++dlon) {
          auto cell = places->second.cells.find(cell_key(latitude_cell + dlat, longitude_cell + dlon));
          if (cell != places->second.cells.end()) cursors.push_back({&cell->second, cell->second.size()});
        }
      }
      add_list(places->second.unpinned);
    } else {
      add_list(places->second.kelurahan);
    }
  }
  std::vector<std::int64_t> picked;
  while (picked.size() < limit) {
    Cursor* newest = nullptr;
    for (auto& cursor : cursors) {
      if (cursor.left > 0 && (!newest || (*cursor.spots)[cursor.left - 1].id > (*newest->spots)[newest->left - 1].id)) {
        newest = &cursor;
      }
    }
    if (!newest) break;
    const auto& spot = (*newest->spots)[--newest->left];
    if (now - spot.submitted_at > dc::kDuplicateWindow) continue;
    if (near && spot.at && dc::distance_m(*near, *spot.at) > dc::kDuplicateRadiusM) continue;
    picked.push_back(spot.id);
  }
  std::vector<const ports::DuplicateCandidate*> lent;
  lent.reserve(picked.size());
  for (auto id : picked) lent.push_back(&cases_.by_id.at(id));
  use(lent);
  return {};
}

}  // namespace sigap::app::complaints
