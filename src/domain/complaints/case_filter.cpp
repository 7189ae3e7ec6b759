#include "domain/complaints/case_filter.hpp"

#include <algorithm>
#include <charconv>

#include "common/time_format.hpp"
#include "domain/master_data/region_code.hpp"
#include "domain/sla/date.hpp"

namespace sigap::domain::complaints {

namespace {

constexpr std::size_t kMaxWords = 16;
constexpr std::size_t kMaxWordBytes = 64;
constexpr std::size_t kMaxQueryBytes = 500;

bool is_word_byte(unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; }

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A unit or category code: lower-case letters, digits, '-', '_' and '.', 1-100 characters.
bool is_code(std::string_view text) {
  if (text.empty() || text.size() > 100) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

// "2026-11-01T08:00:00Z" or "2026-11-01T15:00:00+07:00" (also without seconds).
std::optional<TimePoint> parse_date_time(std::string_view text) {
  if (text.size() < 16 || text[10] != 'T') return std::nullopt;
  std::string base(text.substr(0, 16));
  std::string_view rest = text.substr(16);
  if (rest.size() >= 3 && rest[0] == ':') {
    base += rest.substr(0, 3);
    rest.remove_prefix(3);
  } else {
    base += ":00";
  }
  auto utc = parse_utc(base + "Z");
  if (!utc) return std::nullopt;
  if (rest == "Z") return utc;
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':') return std::nullopt;
  auto hours = whole_number(rest.substr(1, 2));
  auto minutes = whole_number(rest.substr(4, 2));
  if (!hours || !minutes || *hours > 14 || *minutes > 59) return std::nullopt;
  auto offset = std::chrono::hours(*hours) + std::chrono::minutes(*minutes);
  return rest[0] == '+' ? *utc - offset : *utc + offset;
}

Text text_of(std::string_view what_id, std::string_view what_en) { return Text{std::string(what_id), std::string(what_en)}; }

}  // namespace

std::optional<TimePoint> parse_time_bound(std::string_view text, sla::UnitTimeZone zone, bool end_of_day) {
  if (auto date = sla::parse_date(text)) return sla::to_utc(*date, end_of_day ? 1440 : 0, zone);
  auto time = parse_date_time(text);
  if (time && end_of_day) *time += std::chrono::seconds(1);  // inclusive, to the second
  return time;
}

const std::vector<Status>& all_statuses() {
  static const std::vector<Status> statuses{Status::submitted, Status::verified,  Status::assigned,
                                            Status::in_progress, Status::need_info, Status::resolved,
                                            Status::closed,    Status::rejected,  Status::reopened};
  return statuses;
}

const std::vector<std::string_view>& staff_list_parameters() {
  static const std::vector<std::string_view> names{"status",         "unit",         "category", "region",
                                                   "channel",        "overdue",      "submitted_from",
                                                   "submitted_to",   "q",            "sort",     "cursor",
                                                   "limit"};
  return names;
}

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size() && words.size() < kMaxWords) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t start = i;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) break;
    std::string word(text.substr(start, i - start));
    if (word.size() > kMaxWordBytes) {
      // Cut at a character boundary: never inside a UTF-8 sequence.
      std::size_t cut = kMaxWordBytes;
      while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) --cut;
      word.resize(cut);
    }
    for (auto& c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
  }
  return words;
}

std::string format_case_cursor(CaseSort sort, const Complaint& last) {
  if (sort == CaseSort::newest) return std::to_string(last.id);
  return (last.due_at ? format_utc(*last.due_at) : std::string()) + "," + std::to_string(last.id);
}

Result<CaseFilter> parse_case_filter(const QueryParams& params, sla::UnitTimeZone zone,
                                     const std::vector<std::string_view>& allowed) {
  CaseFilter filter;
  std::vector<FieldError> problems;
  auto problem = [&](std::string_view field, Text message) { problems.push_back({std::string(field), std::move(message)}); };
  std::vector<std::string_view> seen;
  std::string_view cursor_text;
  std::optional<std::string_view> submitted_from, submitted_to;

  for (const auto& [name, value] : params) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      problem(name, text_of("Parameter tidak dikenal.", "Unknown parameter."));
      continue;
    }
    if (name != "status") {
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
        problem(name, text_of("Parameter ini diberikan lebih dari sekali.", "This parameter is given more than once."));
        continue;
      }
      seen.push_back(name);
    }
    if (value.empty()) continue;  // an empty filter does not narrow
    if (name == "status") {
      std::string_view rest = value;
      while (!rest.empty()) {
        auto comma = rest.find(',');
        auto item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (item.empty()) continue;
        auto status = status_from_string(item, "status");
        if (!status) {
          problem("status", text_of("Status tidak dikenal. Pilihan: submitted, verified, assigned, in_progress, "
                                    "need_info, resolved, closed, rejected, reopened.",
                                    "Unknown status. Choose from: submitted, verified, assigned, in_progress, "
                                    "need_info, resolved, closed, rejected, reopened."));
          break;
        }
        if (std::find(filter.statuses.begin(), filter.statuses.end(), *status) == filter.statuses.end()) {
          filter.statuses.push_back(*status);
        }
      }
    } else if (name == "unit") {
      if (is_code(value)) filter.unit_code = value;
      else problem(name, text_of("Kode unit tidak valid.", "Not a unit code."));
    } else if (name == "category") {
      if (is_code(value)) filter.category_code = value;
      else problem(name, text_of("Kode kategori tidak valid.", "Not a category code."));
    } else if (name == "region") {
      auto level = master_data::parse_region_code(value, name);
      if (level) filter.region_code = value;
      else problem(name, text_of("Kode wilayah tidak valid (contoh: 16.71.01 atau 16.71.01.1001).",
                                 "Not a region code (e.g. 16.71.01 or 16.71.01.1001)."));
    } else if (name == "channel") {
      auto channel = channel_from_string(value, name);
      if (channel) filter.channel = *channel;
      else problem(name, text_of("Kanal tidak dikenal. Pilihan: web, whatsapp, telegram, sms, email, open311, api, counter.",
                                 "Unknown channel. Choose from: web, whatsapp, telegram, sms, email, open311, api, counter."));
    } else if (name == "overdue") {
      if (value == "true") filter.overdue = true;
      else if (value != "false") problem(name, text_of("Isi dengan true atau false.", "Use true or false."));
    } else if (name == "submitted_from") {
      submitted_from = value;
    } else if (name == "submitted_to") {
      submitted_to = value;
    } else if (name == "q") {
      if (value.size() > kMaxQueryBytes) {
        problem(name, text_of("Teks pencarian paling panjang 500 byte.", "Search text takes at most 500 bytes."));
      } else {
        filter.words = search_words(value);
        if (filter.words.empty()) {
          problem(name, text_of("Teks pencarian tidak memuat kata (huruf atau angka).",
                                "The search text holds no word (letters or digits)."));
        }
      }
    } else if (name == "sort") {
      if (value == "newest") filter.sort = CaseSort::newest;
      else if (value == "due") filter.sort = CaseSort::due;
      else problem(name, text_of("Urutan tidak dikenal. Pilihan: newest, due.", "Unknown order. Choose from: newest, due."));
    } else if (name == "cursor") {
      cursor_text = value;
    } else if (name == "limit") {
      auto limit = whole_number(value);
      if (limit && *limit >= 1 && *limit <= kMaxCasePage) filter.limit = static_cast<int>(*limit);
      else problem(name, text_of("Isi dengan angka 1 sampai 100.", "Use a whole number from 1 to 100."));
    }
  }

  auto bound = [&](std::string_view name, std::optional<std::string_view> text, bool end_of_day) {
    if (!text) return std::optional<TimePoint>();
    auto time = parse_time_bound(*text, zone, end_of_day);
    if (!time) {
      problem(name, text_of("Isi dengan tanggal (2026-11-01) atau waktu (2026-11-01T08:00:00Z).",
                            "Use a date (2026-11-01) or a date-time (2026-11-01T08:00:00Z)."));
    }
    return time;
  };
  filter.submitted_from = bound("submitted_from", submitted_from, false);
  filter.submitted_before = bound("submitted_to", submitted_to, true);
  if (filter.submitted_from && filter.submitted_before && *filter.submitted_before <= *filter.submitted_from) {
    problem("submitted_to", text_of("Tanggal akhir lebih awal dari tanggal awal.", "The end is before the start."));
  }

  if (!cursor_text.empty()) {
    // newest: "<id>"; due: "<deadline or nothing>,<id>".
    auto comma = cursor_text.rfind(',');
    bool due = filter.sort == CaseSort::due;
    CaseCursor cursor;
    auto id = whole_number(due && comma != std::string_view::npos ? cursor_text.substr(comma + 1) : cursor_text);
    bool valid = id && *id > 0 && (due == (comma != std::string_view::npos));
    if (valid && due) {
      cursor.due_key = std::string(cursor_text.substr(0, comma));
      valid = cursor.due_key.empty() || parse_utc(cursor.due_key).has_value();
    }
    if (valid) {
      cursor.id = *id;
      filter.cursor = std::move(cursor);
    } else {
      problem("cursor", text_of("Kursor tidak valid: pakai next_cursor dari halaman sebelumnya dengan urutan yang sama.",
                                "Not a valid cursor: pass next_cursor of the previous page, with the same sort."));
    }
  }

  if (!problems.empty()) {
    return Error(ErrorCode::validation, text_of("Filter tidak valid.", "Invalid filter."), std::move(problems));
  }
  return filter;
}

}  // namespace sigap::domain::complaints
