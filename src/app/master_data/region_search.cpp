#include "app/master_data/region_search.hpp"

#include <algorithm>

#include "domain/master_data/name_match.hpp"

namespace sigap::app::master_data {

namespace dm = domain::master_data;

namespace {

// Below this a match is noise ("ilir" in every other Palembang name scores well anyway).
constexpr int kMinimumScore = 50;

}  // namespace

Result<std::vector<RegionMatch>> search_regions(ports::Storage& storage, const RegionSearch& search) {
  std::vector<FieldError> problems;
  if (search.query.size() < 2 || search.query.size() > 100) {
    problems.push_back({"query", Text{"Isi 2 sampai 100 karakter.", "Give 2 to 100 characters."}});
  }
  if (search.limit < 1 || search.limit > 50) {
    problems.push_back({"limit", Text{"Batas antara 1 dan 50.", "The limit is between 1 and 50."}});
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Pencarian tidak valid.", "Invalid search."}, std::move(problems));
  }

  std::vector<dm::RegionLevel> levels;
  if (search.level) {
    levels.push_back(*search.level);
  } else {
    levels = {dm::RegionLevel::district, dm::RegionLevel::village};
  }
  std::vector<RegionMatch> matches;
  for (auto level : levels) {
    auto regions = storage.regions().at_level(level);
    if (!regions) return regions.error();
    for (auto& region : *regions) {
      int score = dm::name_match_score(search.query, region.name);
      if (score >= kMinimumScore) matches.push_back({std::move(region), score});
    }
  }
  std::sort(matches.begin(), matches.end(), [](const RegionMatch& a, const RegionMatch& b) {
    return a.score != b.score ? a.score > b.score : a.region.code < b.region.code;
  });
  if (matches.size() > static_cast<std::size_t>(search.limit)) {
    matches.resize(static_cast<std::size_t>(search.limit));
  }
  return matches;
}

}  // namespace sigap::app::master_data
