#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "common/kept.hpp"
#include "domain/access/access.hpp"
#include "domain/master_data/unit.hpp"
#include "domain/presence/geofence.hpp"

namespace sigap::app::command_center {

/// Every unit, read once, to answer "is this unit under that one" without a query per unit:
/// the Command Center's lists (presence, cameras) filter a few hundred units by an actor's
/// scope this way. A snapshot; cheap to build (one read). Immutable once loaded, so one tree
/// may be shared between threads (UnitDirectory does).
class UnitTree {
 public:
  static Result<UnitTree> load(ports::Storage& storage);
  /// The same with the office geofences (one more read): what UnitDirectory keeps.
  static Result<UnitTree> load_with_geofences(ports::Storage& storage);

  [[nodiscard]] const std::vector<domain::master_data::Unit>& units() const { return units_; }
  /// nullptr when there is no such unit.
  [[nodiscard]] const domain::master_data::Unit* find(std::string_view code) const;
  /// The position of `code` in units(), if there is such a unit.
  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view code) const;
  /// Whether `code` is `root` or below it.
  [[nodiscard]] bool under(std::string_view code, std::string_view root) const;
  /// Whether `code` is within `scope` (everywhere, or under one of its roots).
  [[nodiscard]] bool in_scope(std::string_view code, const domain::access::Scope& scope) const;

  /// Steps from the root of units()[i]; a unit whose parent chain is broken or loops counts
  /// from where it breaks.
  [[nodiscard]] std::size_t depth(std::size_t i) const { return depth_[i]; }
  /// The position of units()[i]'s parent, none for a root (or a parent that does not exist).
  [[nodiscard]] std::optional<std::size_t> parent(std::size_t i) const { return parent_[i]; }
  /// Positions in units(), deepest first: adding each into its parent rolls figures up.
  [[nodiscard]] const std::vector<std::size_t>& deepest_first() const { return deepest_first_; }
  /// The geofences of the offices (ports::PresenceRepository::geofences) when loaded with them.
  [[nodiscard]] const std::optional<std::vector<domain::presence::Geofence>>& geofences() const { return geofences_; }

 private:
  std::vector<domain::master_data::Unit> units_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<std::size_t> depth_;
  std::vector<std::optional<std::size_t>> parent_;
  std::vector<std::size_t> deepest_first_;
  std::optional<std::vector<domain::presence::Geofence>> geofences_;
};

/// Keeps one UnitTree, with the office geofences, for every request, read again from storage at
/// most every kFreshFor, or at once after invalidate() (called by this process's unit and
/// geofence edits; another process serving the same PostgreSQL database sees an edit within
/// kFreshFor). The dashboard summary reads the tree on every request: reading and parsing 150
/// units was a third of its cost, and each read is a round trip on PostgreSQL. Thread-safe.
class UnitDirectory {
 public:
  static constexpr std::chrono::seconds kFreshFor{10};

  UnitDirectory(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  Result<std::shared_ptr<const UnitTree>> tree();
  /// Forgets the tree: the next call reads the units again.
  void invalidate();

 private:
  ports::Storage& storage_;
  const Clock& clock_;
  Kept<UnitTree> kept_{kFreshFor};
};

}  // namespace sigap::app::command_center
