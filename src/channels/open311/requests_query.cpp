#include "channels/open311/requests_query.hpp"

#include <algorithm>

#include "common/w3_datetime.hpp"

namespace sigap::channels::open311 {

namespace {

std::vector<std::string> comma_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) items.emplace_back(item);
  }
  return items;
}

const Text kW3Date{"Isi dengan waktu W3C berzona, misalnya 2026-11-01T00:00:00Z atau 2026-11-01T07:00:00+07:00.",
                   "Use a W3C date-time with its zone, e.g. 2026-11-01T00:00:00Z or 2026-11-01T07:00:00+07:00."};

}  // namespace

Result<RequestsQuery> read_requests_query(const FormPairs& params, TimePoint now) {
  RequestsQuery query;
  std::vector<FieldError> problems;
  std::optional<TimePoint> start, end;
  std::vector<std::string_view> seen;
  for (const auto& [name, value] : params) {
    if (name == "jurisdiction_id" || name == "api_key") continue;
    if (name != "service_request_id" && name != "service_code" && name != "start_date" && name != "end_date" &&
        name != "status") {
      problems.push_back({name, Text{"Parameter tidak dikenal.", "Unknown parameter."}});
      continue;
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      problems.push_back({name, Text{"Diberikan lebih dari sekali; pisahkan nilai dengan koma.",
                                     "Given more than once; separate values with commas."}});
      continue;
    }
    seen.push_back(name);
    if (value.empty()) continue;  // an empty argument is an absent one
    if (name == "service_request_id") {
      query.ids = comma_list(value);
      if (query.ids.size() > kMaxRequests) {
        problems.push_back({name, Text{"Paling banyak 1000 nomor.", "At most 1000 ids."}});
      }
    } else if (name == "service_code") {
      query.service_codes = comma_list(value);
    } else if (name == "status") {
      bool open = false, closed = false;
      for (const auto& status : comma_list(value)) {
        if (status == "open") {
          open = true;
        } else if (status == "closed") {
          closed = true;
        } else {
          problems.push_back({name, Text{"Pilih open atau closed.", "Use open or closed."}});
        }
      }
      if (open != closed) query.open = open;
    } else {
      auto time = parse_w3_datetime(value);
      if (!time) problems.push_back({name, kW3Date});
      (name == "start_date" ? start : end) = time;
    }
  }
  if (start && end) {
    if (*end < *start) {
      problems.push_back({"end_date", Text{"end_date lebih awal dari start_date.", "end_date is before start_date."}});
    } else if (*end - *start > kDefaultWindow) {
      problems.push_back({"end_date", Text{"Rentang paling lama 90 hari.", "The range may not span more than 90 days."}});
    }
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Parameter pencarian tidak valid.", "Invalid search parameters."},
                 std::move(problems));
  }
  if (start && end) {
    query.from = *start;
    query.to = *end;
  } else if (start) {
    query.from = *start;
    query.to = *start + kDefaultWindow;
  } else if (end) {
    query.from = *end - kDefaultWindow;
    query.to = *end;
  } else {
    query.to = now;
    query.from = now - kDefaultWindow;
  }
  return query;
}

}  // namespace sigap::channels::open311
