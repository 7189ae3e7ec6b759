#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "common/error.hpp"

namespace sigap::app::complaints {

/// The open public cases of the last 30 days (neither closed nor rejected, not merged, not
/// confidential), kept in memory for the duplicate lookup that every intake makes.
///
/// Why in memory: under a steady stream of reports SQLite empties a reader's page cache after
/// every commit, so the lookup read its index band and rows from the file again each time; it
/// was a third of the server's CPU per intake (bench/README.md). Here a lookup touches the
/// cells around the pin and the words folded once per case.
///
/// How it stays true to the database:
///  - it loads the open public cases of the window on first use (the newest `max_cases`);
///  - it follows every write of this process as it commits (ports::Storage::watch_cases): a
///    case filed, verified, closed, merged or supported shows in the very next lookup;
///  - every `reload_every` (default 2 minutes) it checks what it holds against the database,
///    for what other processes wrote (a CLI command, a second server on PostgreSQL) and to let
///    cases older than the window go: status, support and place are set right in place, the
///    cases gone are dropped, the few it never saw are read whole; what this process commits
///    meanwhile is kept as followed.
/// Thread-safe: lookups share the index; a committed write holds it for a moment.
class OpenCaseIndex {
 public:
  struct Options {
    std::chrono::seconds reload_every{120};
    /// At most this many cases are held, the newest (about 9 MiB): a month of a large city's
    /// open public cases. Past it the oldest leave first, and a report repeating one of them is
    /// not told of it. The bound keeps the server's memory level under any rate of reports.
    std::size_t max_cases = 20'000;
  };

  /// Follows the writes of `storage` from now on, until destroyed: destroy it before `storage`.
  OpenCaseIndex(ports::Storage& storage, const Clock& clock, Options options);
  OpenCaseIndex(ports::Storage& storage, const Clock& clock) : OpenCaseIndex(storage, clock, Options{}) {}
  ~OpenCaseIndex();
  OpenCaseIndex(const OpenCaseIndex&) = delete;
  OpenCaseIndex& operator=(const OpenCaseIndex&) = delete;

  using Use = std::function<void(const std::vector<const ports::DuplicateCandidate*>&)>;
  /// Lends `use`, for the length of the call, the newest cases (at most `limit`) of `category`
  /// submitted within the window before `now` that may repeat a report at `near` in
  /// `kelurahan`: with a pin, the cases pinned in the cells around it (a box a little larger
  /// than the duplicate radius: the domain measures) and the unpinned ones of the kelurahan;
  /// without one, every case of the kelurahan. Their `candidate.fingerprints` are folded, their
  /// `candidate.text` empty. Loads or reloads first when due.
  Result<void> lend_nearby(const std::string& category, const std::string& kelurahan,
                           const std::optional<domain::master_data::GeoPoint>& near, TimePoint now, std::size_t limit,
                           const Use& use);

  /// domain::complaints::word_fingerprints of `text`. An intake folds its text to look for
  /// duplicates, and the index folds the same text again when the case commits (on the writer
  /// thread, where writes are queued): the texts folded last are remembered across threads.
  static std::vector<std::uint64_t> fingerprints(const std::string& text);

  /// Cases held now (for tests and /metrics).
  [[nodiscard]] std::size_t size() const;

 private:
  // A case where a lookup meets it: what decides whether it is near and recent enough, so the
  // many a flooded street holds are passed over without reaching for the case itself.
  struct Spot {
    std::int64_t id = 0;
    std::optional<domain::master_data::GeoPoint> at;
    TimePoint submitted_at{};
  };
  using Spots = std::vector<Spot>;  // ascending by id
  // One category's cases by place.
  struct Places {
    std::unordered_map<std::int64_t, Spots> cells;      // pinned, by cell of the grid
    std::unordered_map<std::string, Spots> kelurahan;  // all, by kelurahan
    std::unordered_map<std::string, Spots> unpinned;   // without a pin, by kelurahan
  };
  // What a lookup reads.
  struct Cases {
    std::map<std::int64_t, ports::DuplicateCandidate> by_id;  // ordered: the oldest leave first
    std::unordered_map<std::string, Places> by_category;

    /// Holds `found` (in place of the same case held before); then, past `max_cases`, lets the
    /// oldest go.
    void put(ports::DuplicateCandidate found, std::size_t max_cases);
    void drop(std::int64_t id);
    void set_support(std::int64_t id, int count);
  };

  Result<void> load_if_due(TimePoint now);
  // Reads every case of the window with its text into a new index (the first load).
  Result<void> rebuild(TimePoint now);
  // Sets right what is held from a read without the text (every later reload).
  Result<void> check_held(TimePoint now);
  void follow(const ports::CommittedCases& committed);
  void apply(Cases& cases, const ports::CommittedCases& committed) const;

  ports::Storage& storage_;
  const Clock& clock_;
  Options options_;
  std::size_t watching_ = 0;

  std::mutex loading_;  // one load at a time; the first one is waited for
  mutable std::shared_mutex mutex_;
  Cases cases_;
  bool loaded_ = false;
  TimePoint loaded_at_{};
  bool reloading_ = false;
  // What this process committed while a reload read the database, to apply on its result.
  std::vector<ports::CommittedCases> during_reload_;
};

}  // namespace sigap::app::complaints
