#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/complaints/open_case_index.hpp"
#include "app/ports/complaint_repository.hpp"
#include "common/clock.hpp"

namespace sigap::app::complaints {

/// A report as written so far (before or at intake).
struct DuplicateProbe {
  std::string category_code;
  std::string kelurahan_code;
  std::optional<domain::master_data::GeoPoint> location;
  std::string text;  // title and description
};

/// An open public case the report probably repeats: what the reporter may see of it, to support
/// it instead of filing again.
struct DuplicateMatch {
  std::string public_code;
  std::string title;
  domain::complaints::Status status = domain::complaints::Status::submitted;
  int support_count = 0;
  double score = 0;
  std::optional<double> distance_m;
};

/// At most this many are offered: a phone screen shows three or four.
inline constexpr std::size_t kMaxDuplicatesShown = 5;

/// The open, non-confidential cases of the same category within 150 m (or in the same kelurahan
/// when there is no pin) from the last 30 days whose text is similar (domain/complaints/
/// duplicates.hpp), best first. Nothing without a category: a case of "any" kind is no evidence.
/// The open cases are those `open_cases` holds (app/complaints/open_case_index).
Result<std::vector<DuplicateMatch>> find_possible_duplicates(OpenCaseIndex& open_cases, TimePoint now,
                                                             const DuplicateProbe& probe);

}  // namespace sigap::app::complaints
