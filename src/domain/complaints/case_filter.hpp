#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/complaints/complaint.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::domain::complaints {

/// The order of a case list: newest first, or the soonest deadline first (overdue cases lead;
/// cases with no clock running come last, newest first among themselves).
enum class CaseSort { newest, due };

/// Where the next page starts: after the case with this sort key. `due_key` is the case's
/// deadline as stored ("" when none runs) and only matters for CaseSort::due.
struct CaseCursor {
  std::string due_key;
  std::int64_t id = 0;
  bool operator==(const CaseCursor&) const = default;
};

/// What a list of cases is narrowed to. Empty fields do not narrow.
struct CaseFilter {
  std::vector<Status> statuses;               // any of these
  std::string unit_code;                      // this unit and its sub-units
  std::string category_code;
  std::string region_code;                    // a kecamatan includes its kelurahan
  std::optional<Channel> channel;
  bool overdue = false;                       // open cases whose current deadline has passed
  std::optional<TimePoint> submitted_from;    // inclusive
  std::optional<TimePoint> submitted_before;  // exclusive
  std::vector<std::string> words;             // free text: every word must occur
  CaseSort sort = CaseSort::newest;
  std::optional<CaseCursor> cursor;
  int limit = 50;
  bool operator==(const CaseFilter&) const = default;
};

using QueryParams = std::vector<std::pair<std::string, std::string>>;

inline constexpr int kMaxCasePage = 100;

/// Reads a list filter from query parameters: status (comma separated, or repeated), unit,
/// category, region, channel, overdue (true|false), submitted_from / submitted_to (a date,
/// read in `zone` as whole days, or a UTC date-time "2026-11-01T08:00:00Z" or with an offset
/// "+07:00"; submitted_to is inclusive), q (free text), sort (newest|due), cursor, limit
/// (1-100). Parameters not in `allowed` are refused. Every problem is reported at once as a
/// validation error naming the parameter; the values themselves are never echoed.
Result<CaseFilter> parse_case_filter(const QueryParams& params, sla::UnitTimeZone zone,
                                     const std::vector<std::string_view>& allowed);

/// Every status, in workflow order (the inbox tabs).
const std::vector<Status>& all_statuses();

/// The parameters a staff list takes.
const std::vector<std::string_view>& staff_list_parameters();

/// A bound of a period: a date (the whole local day in `zone`: its first instant, or with
/// `end_of_day` the first instant after it) or a date-time (Z or an offset; with `end_of_day`
/// the second after it, so the bound is inclusive). nullopt when it is neither.
std::optional<TimePoint> parse_time_bound(std::string_view text, sla::UnitTimeZone zone, bool end_of_day);

/// The cursor text for the page after `last` in `sort` order (what parse_case_filter reads back).
std::string format_case_cursor(CaseSort sort, const Complaint& last);

/// The words of a free-text query: runs of letters and digits (any script; anything else
/// separates words), lower-cased for ASCII, at most 16 words of at most 64 bytes. Operators,
/// quotes, stars and brackets of any search syntax are never part of a word.
std::vector<std::string> search_words(std::string_view text);

}  // namespace sigap::domain::complaints
