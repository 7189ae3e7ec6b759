#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sigap::domain::complaints {

/// One routing rule set up by the pengelola: complaints of `category_code` from `region_code`
/// go to `unit_code`. An empty category means any category; an empty region means the whole
/// city. A region is a Kemendagri code: city "16.71", kecamatan "16.71.01" or kelurahan
/// "16.71.01.1001"; the rule covers the region and everything inside it.
struct RoutingRule {
  std::string category_code;
  std::string region_code;
  std::string unit_code;

  bool operator==(const RoutingRule&) const = default;
};

/// The unit that has authority over a complaint of `category_code` from `region_code` (a
/// kelurahan, a kecamatan, or empty when the place is unknown).
///
/// Among the rules whose category and region cover the complaint:
///  1. the most specific region wins: kelurahan over kecamatan over city code over the empty
///     (whole city) region;
///  2. at the same region level, a rule for the category beats a rule for any category;
///  3. between two rules equal on both, the first in `rules` wins.
/// A rule whose region code is malformed never matches. A malformed or empty complaint region
/// is matched only by rules for the whole city. When nothing matches, the answer is
/// `default_unit` (the triage unit), or nullopt when that is empty too.
std::optional<std::string> route(const std::vector<RoutingRule>& rules, std::string_view category_code,
                                 std::string_view region_code, std::string_view default_unit);

/// More than this many bounces flags a case for the triage unit.
inline constexpr int kMaxBounces = 3;

/// How often a case was sent back to a unit that had already held it. `holder_history` lists
/// the units that held the case in order, the first holder first (one entry per routing,
/// forward or reassignment). Each change of holder whose new holder appears anywhere earlier in
/// the history is one bounce; an entry equal to the one before it is no change and is ignored.
/// A -> B -> A is one bounce; A -> B -> A -> B is two; A -> B -> C -> D is none.
int bounce_count(const std::vector<std::string>& holder_history);

/// True when the case bounced more than kMaxBounces times (A -> B -> A -> B -> A -> B, or
/// A -> B -> C -> A -> B -> C -> A): the units cannot agree who has authority, and the triage
/// unit should decide.
bool bounced_too_often(const std::vector<std::string>& holder_history);

}  // namespace sigap::domain::complaints
