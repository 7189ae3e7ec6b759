#include "storage/sql/sql_complaints.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "common/time_format.hpp"
#include "storage/sql/search_catch_up.hpp"
#include "storage/sql/case_list_sql.hpp"

namespace sigap::storage::sql {

namespace dc = domain::complaints;
using Row = std::vector<std::optional<std::string>>;

namespace {

constexpr std::string_view kColumns =
    "SELECT id, public_code, reporter_secret_hash, kind, status, status_before_need_info, title, description, "
    "COALESCE(category_code, ''), category_suggested, COALESCE(region_code, ''), latitude, longitude, accuracy_m, "
    "address, reporter_name, reporter_phone, reporter_email, reporter_nik, reporter_user_id, anonymous, "
    "confidential, channel, unit_code, submitted_at, updated_at, verify_due_at, first_response_due_at, "
    "resolve_due_at, version, rating, rating_comment, first_response_at, resolved_at, closed_at, sla_target, due_at, "
    "sla_level, support_count, merged_into_id, language, notify_channel, sla_check_at, reporter_chat_id FROM complaints ";

std::optional<TimePoint> optional_time(const Row& row, std::size_t column) { return parse_utc(text_at(row, column)); }

std::string optional_time_text(const std::optional<TimePoint>& time) { return time ? format_utc(*time) : ""; }

SqlValue optional_double(const std::optional<double>& value) {
  return value ? SqlValue(*value) : SqlValue(std::monostate{});
}

Result<dc::Complaint> complaint_from(const Row& row, const PersonalDataSealer& sealer) {
  dc::Complaint complaint;
  complaint.id = int_at(row, 0);
  complaint.public_code = text_at(row, 1);
  complaint.reporter_secret_hash = text_at(row, 2);
  auto kind = dc::complaint_kind_from_string(text_at(row, 3), "kind");
  auto status = dc::status_from_string(text_at(row, 4), "status");
  auto channel = dc::channel_from_string(text_at(row, 22), "channel");
  if (!kind || !status || !channel) return Error::internal("complaint " + std::to_string(complaint.id) + ": bad enum");
  complaint.kind = *kind;
  complaint.status = *status;
  complaint.channel = *channel;
  if (auto before = text_at(row, 5); !before.empty()) {
    auto parsed = dc::status_from_string(before, "status_before_need_info");
    if (parsed) complaint.status_before_need_info = *parsed;
  }
  complaint.title = text_at(row, 6);
  complaint.description = text_at(row, 7);
  complaint.category_code = text_at(row, 8);
  complaint.category_suggested = int_at(row, 9) != 0;
  complaint.region_code = text_at(row, 10);
  auto latitude = double_at(row, 11);
  auto longitude = double_at(row, 12);
  if (latitude && longitude) complaint.location = domain::master_data::GeoPoint{*latitude, *longitude};
  complaint.accuracy_m = double_at(row, 13);
  for (auto [column, field] : {std::pair{14U, &complaint.address}, std::pair{15U, &complaint.reporter.name},
                               std::pair{16U, &complaint.reporter.phone}, std::pair{17U, &complaint.reporter.email},
                               std::pair{18U, &complaint.reporter.nik}, std::pair{43U, &complaint.reporter.chat_id}}) {
    auto opened = sealer.open(text_at(row, column));
    if (!opened) return opened.error();
    *field = std::move(*opened);
  }
  if (row.at(19)) complaint.reporter_user_id = int_at(row, 19);
  complaint.anonymous = int_at(row, 20) != 0;
  complaint.confidential = int_at(row, 21) != 0;
  complaint.unit_code = text_at(row, 23);
  complaint.submitted_at = optional_time(row, 24).value_or(TimePoint{});
  complaint.updated_at = optional_time(row, 25).value_or(TimePoint{});
  complaint.deadlines.verify = optional_time(row, 26);
  complaint.deadlines.first_response = optional_time(row, 27);
  complaint.deadlines.resolve = optional_time(row, 28);
  complaint.version = int_at(row, 29);
  if (row.at(30)) complaint.rating = static_cast<int>(int_at(row, 30));
  complaint.rating_comment = text_at(row, 31);
  complaint.first_response_at = optional_time(row, 32);
  complaint.resolved_at = optional_time(row, 33);
  complaint.closed_at = optional_time(row, 34);
  complaint.sla_target = text_at(row, 35);
  complaint.due_at = optional_time(row, 36);
  complaint.sla_level = static_cast<int>(int_at(row, 37));
  complaint.support_count = static_cast<int>(int_at(row, 38));
  if (row.at(39)) complaint.merged_into_id = int_at(row, 39);
  complaint.language = text_at(row, 40) == "en" ? Language::en : Language::id;
  complaint.notify_choice = text_at(row, 41);
  complaint.sla_check_at = optional_time(row, 42);
  return complaint;
}

}  // namespace

Result<std::vector<dc::Complaint>> SqlComplaintRepository::all_of(Result<SqlRows> rows) {
  if (!rows) return rows.error();
  std::vector<dc::Complaint> complaints;
  complaints.reserve(rows->size());
  for (const auto& row : rows->rows) {
    auto complaint = complaint_from(row, sealer_);
    if (!complaint) return complaint.error();
    complaints.push_back(std::move(*complaint));
  }
  return complaints;
}

Result<std::optional<dc::Complaint>> SqlComplaintRepository::first(Result<SqlRows> rows) {
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<dc::Complaint>();
  auto complaint = complaint_from(rows->rows.front(), sealer_);
  if (!complaint) return complaint.error();
  return std::optional<dc::Complaint>(std::move(*complaint));
}

Result<std::optional<dc::Complaint>> SqlComplaintRepository::find_by_code(std::string_view public_code) {
  return first(backend_.read(std::string(kColumns) + "WHERE public_code = $1", {std::string(public_code)}));
}

Result<std::optional<dc::Complaint>> SqlComplaintRepository::find_by_id(std::int64_t id) {
  return first(backend_.read(std::string(kColumns) + "WHERE id = $1", {id}));
}

Result<std::vector<dc::ComplaintEvent>> SqlComplaintRepository::events(std::int64_t complaint_id, bool public_only) {
  auto rows = backend_.read(
      "SELECT id, complaint_id, at, actor, channel, type, public, from_status, to_status, detail, from_unit, to_unit "
      "FROM complaint_events WHERE complaint_id = $1 AND (public = 1 OR $2 = 0) ORDER BY id",
      {complaint_id, std::int64_t{public_only}});
  if (!rows) return rows.error();
  std::vector<dc::ComplaintEvent> events;
  for (const auto& row : rows->rows) {
    dc::ComplaintEvent event;
    event.id = int_at(row, 0);
    event.complaint_id = int_at(row, 1);
    event.at = parse_utc(text_at(row, 2)).value_or(TimePoint{});
    event.actor = text_at(row, 3);
    auto channel = dc::channel_from_string(text_at(row, 4), "channel");
    if (channel) event.channel = *channel;
    event.type = text_at(row, 5);
    event.is_public = int_at(row, 6) != 0;
    if (auto from = dc::status_from_string(text_at(row, 7), "from"); from) event.from_status = *from;
    if (auto to = dc::status_from_string(text_at(row, 8), "to"); to) event.to_status = *to;
    event.detail = text_at(row, 9);
    event.from_unit = text_at(row, 10);
    event.to_unit = text_at(row, 11);
    events.push_back(std::move(event));
  }
  return events;
}

Result<std::optional<app::ports::IdempotentAnswer>> SqlComplaintRepository::idempotent_answer(std::string_view key) {
  auto rows = backend_.read("SELECT request_hash, complaint_id, response FROM idempotency_keys WHERE key = $1",
                            {std::string(key)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<app::ports::IdempotentAnswer>();
  const auto& row = rows->rows.front();
  auto response = sealer_.open(text_at(row, 2));  // it holds the reporter's secret
  if (!response) return response.error();
  return std::optional<app::ports::IdempotentAnswer>(
      app::ports::IdempotentAnswer{text_at(row, 0), int_at(row, 1), std::move(*response)});
}

Result<std::vector<dc::RoutingRule>> SqlComplaintRepository::routing_rules() {
  auto rows = backend_.read("SELECT category_code, region_code, unit_code FROM routing_rules ORDER BY id", {});
  if (!rows) return rows.error();
  std::vector<dc::RoutingRule> rules;
  for (const auto& row : rows->rows) rules.push_back({text_at(row, 0), text_at(row, 1), text_at(row, 2)});
  return rules;
}

Result<std::vector<dc::Complaint>> SqlComplaintRepository::list_by_reporter(std::int64_t user_id, int limit) {
  return all_of(backend_.read(std::string(kColumns) + "WHERE reporter_user_id = $1 ORDER BY id DESC LIMIT $2",
                              {user_id, std::int64_t{limit}}));
}

Result<std::vector<app::ports::CasePhoto>> SqlComplaintRepository::photos(std::int64_t complaint_id) {
  auto rows = backend_.read(
      "SELECT digest, thumbnail_digest, width, height, kind, added_by, added_at FROM complaint_photos "
      "WHERE complaint_id = $1 ORDER BY position",
      {complaint_id});
  if (!rows) return rows.error();
  std::vector<app::ports::CasePhoto> photos;
  for (const auto& row : rows->rows) {
    app::ports::CasePhoto photo;
    photo.digest = text_at(row, 0);
    photo.thumbnail_digest = text_at(row, 1);
    photo.width = static_cast<int>(int_at(row, 2));
    photo.height = static_cast<int>(int_at(row, 3));
    photo.kind = text_at(row, 4);
    photo.added_by = text_at(row, 5);
    photo.added_at = parse_utc(text_at(row, 6)).value_or(TimePoint{});
    photos.push_back(std::move(photo));
  }
  return photos;
}

Result<std::vector<app::ports::DuplicateCandidate>> SqlComplaintRepository::open_public_cases_since(
    TimePoint since, int limit, bool with_text, const std::optional<app::ports::OpenCaseCursor>& after) {
  // Read at process start and then every few minutes (app/complaints/open_case_index): the
  // range of complaints_submitted, newest first, a page at a time.
  static const std::string kColumns =
      "SELECT id, latitude, longitude, COALESCE(region_code, ''), submitted_at, public_code, status, support_count, "
      "COALESCE(category_code, '')";
  static const std::string kFrom =
      " FROM complaints WHERE submitted_at >= $1 AND status NOT IN ('closed', 'rejected') "
      "AND merged_into_id IS NULL AND confidential = 0 ";
  static const std::string kAfter = "AND (submitted_at < $3 OR (submitted_at = $3 AND id < $4)) ";
  static const std::string kOrder = "ORDER BY submitted_at DESC, id DESC LIMIT $2";
  static const std::string kText = ", title, description";
  static const std::array<std::string, 4> kStatements{
      kColumns + kFrom + kOrder, kColumns + kText + kFrom + kOrder, kColumns + kFrom + kAfter + kOrder,
      kColumns + kText + kFrom + kAfter + kOrder};
  const auto& statement = kStatements[(after ? 2 : 0) + (with_text ? 1 : 0)];
  std::vector<SqlValue> params{format_utc(since), std::int64_t{limit}};
  if (after) {
    params.emplace_back(format_utc(after->submitted_at));
    params.emplace_back(after->id);
  }
  auto rows = backend_.read(statement, params);
  if (!rows) return rows.error();
  std::vector<app::ports::DuplicateCandidate> candidates;
  candidates.reserve(rows->rows.size());
  for (const auto& row : rows->rows) {
    app::ports::DuplicateCandidate found;
    found.candidate.id = int_at(row, 0);
    auto latitude = double_at(row, 1);
    auto longitude = double_at(row, 2);
    if (latitude && longitude) found.candidate.location = domain::master_data::GeoPoint{*latitude, *longitude};
    found.candidate.kelurahan_code = text_at(row, 3);
    found.candidate.submitted_at = parse_utc(text_at(row, 4)).value_or(TimePoint{});
    found.public_code = text_at(row, 5);
    if (auto status = dc::status_from_string(text_at(row, 6), "status"); status) found.status = *status;
    found.support_count = static_cast<int>(int_at(row, 7));
    found.candidate.category_code = text_at(row, 8);
    if (with_text) {
      found.title = text_at(row, 9);
      found.candidate.text = found.title + " " + text_at(row, 10);
    }
    candidates.push_back(std::move(found));
  }
  return candidates;
}

Result<std::vector<dc::Complaint>> SqlComplaintRepository::merged_into(std::int64_t master_id) {
  return all_of(backend_.read(std::string(kColumns) + "WHERE merged_into_id = $1 ORDER BY id", {master_id}));
}

namespace {

// kColumns with the reporter, the address and the reporter's account as empty values: what the
// lists read, so they never open personal data at all (and skip its cost: opening the sealed
// contact of 50 cases was most of a page's time).
std::string without_personal_data(std::string_view columns) {
  constexpr std::string_view kPersonal =
      "address, reporter_name, reporter_phone, reporter_email, reporter_nik, reporter_user_id";
  std::string out(columns);
  out.replace(out.find(kPersonal), kPersonal.size(), "'', '', '', '', '', NULL");
  constexpr std::string_view kChat = "reporter_chat_id FROM";
  out.replace(out.find(kChat), kChat.size(), "'' FROM");
  return out;
}

}  // namespace

Result<std::optional<dc::Complaint>> SqlComplaintRepository::find_public_by_code(std::string_view public_code) {
  static const std::string kPublicColumns = without_personal_data(kColumns);
  return first(backend_.read(kPublicColumns + "WHERE public_code = $1", {std::string(public_code)}));
}

Result<std::vector<dc::Complaint>> SqlComplaintRepository::list_cases(const app::ports::CaseListQuery& query) {
  if (!query.everywhere && query.unit_roots.empty()) return std::vector<dc::Complaint>();
  // A search finds every stored case: what the batch indexer has not reached yet goes in first.
  if (!query.filter.words.empty()) {
    if (auto caught_up = catch_up_search(backend_); !caught_up) return caught_up.error();
  }
  static const std::string kListColumns = without_personal_data(kColumns);
  auto widest = widest_scope(backend_, query);
  if (!widest) return widest.error();
  const auto& filter = widest->filter;
  if (backend_.name() == "postgres" && !filter.words.empty() && filter.sort == dc::CaseSort::newest) {
    return newest_matches(*widest, kListColumns);
  }
  auto statement = case_page_sql(*widest, backend_.name(), kListColumns);
  return all_of(backend_.read(statement.text, statement.params));
}

// PostgreSQL's newest-first search in two steps (case_walk_sql says why): the newest 5,000
// filtered cases first; only when they hold less than a page, the older ones through the index.
// With several statuses the planner would gather each status's cases through bitmaps again, so
// each status gets its own newest page, each complete, and the newest of them make the page.
Result<std::vector<dc::Complaint>> SqlComplaintRepository::newest_matches(const app::ports::CaseListQuery& query,
                                                                          const std::string& columns) {
  if (query.filter.statuses.size() > 1) {
    std::vector<dc::Complaint> merged;
    for (auto status : query.filter.statuses) {
      auto one = query;
      one.filter.statuses = {status};
      auto page = newest_matches(one, columns);
      if (!page) return page.error();
      merged.insert(merged.end(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
    }
    std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
    if (static_cast<int>(merged.size()) > query.filter.limit) merged.resize(query.filter.limit);
    return merged;
  }
  constexpr int kWalk = 5'000;
  auto walked = case_walk_sql(query, columns, kWalk);
  auto page = all_of(backend_.read(walked.text, walked.params));
  if (!page || static_cast<int>(page->size()) >= query.filter.limit) return page;
  auto edge_statement = case_walk_edge_sql(query, kWalk);
  auto edge = backend_.read(edge_statement.text, edge_statement.params);
  if (!edge) return edge.error();
  if (edge->rows.empty()) return page;  // the walk saw every filtered case
  auto older = query;
  older.filter.cursor = dc::CaseCursor{};
  older.filter.cursor->id = int_at(edge->rows.at(0), 0);
  older.filter.limit = query.filter.limit - static_cast<int>(page->size());
  auto rest_statement = case_page_sql(older, backend_.name(), columns);
  auto rest = all_of(backend_.read(rest_statement.text, rest_statement.params));
  if (!rest) return rest.error();
  page->insert(page->end(), std::make_move_iterator(rest->begin()), std::make_move_iterator(rest->end()));
  return page;
}

Result<std::int64_t> SqlComplaintRepository::count() {
  auto rows = backend_.read("SELECT COUNT(*) FROM complaints", {});
  if (!rows) return rows.error();
  return int_at(rows->rows.at(0), 0);
}

Result<std::int64_t> SqlComplaintWriter::insert(const dc::Complaint& complaint) {
  auto rows = connection_.query(
      "INSERT INTO complaints (public_code, reporter_secret_hash, kind, status, status_before_need_info, title, "
      "description, category_code, category_suggested, region_code, latitude, longitude, accuracy_m, address, "
      "reporter_name, reporter_phone, reporter_email, reporter_nik, reporter_user_id, anonymous, confidential, "
      "channel, unit_code, submitted_at, updated_at, verify_due_at, first_response_due_at, resolve_due_at, version, "
      "sla_target, due_at, language, notify_channel, sla_check_at, reporter_chat_id) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, "
      "$23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35) RETURNING id",
      {complaint.public_code, complaint.reporter_secret_hash, std::string(dc::to_string(complaint.kind)),
       std::string(dc::to_string(complaint.status)),
       complaint.status_before_need_info ? std::string(dc::to_string(*complaint.status_before_need_info))
                                         : std::string(),
       complaint.title, complaint.description, text_or_null(complaint.category_code),
       std::int64_t{complaint.category_suggested}, text_or_null(complaint.region_code),
       complaint.location ? SqlValue(complaint.location->latitude) : SqlValue(std::monostate{}),
       complaint.location ? SqlValue(complaint.location->longitude) : SqlValue(std::monostate{}),
       optional_double(complaint.accuracy_m), sealer_.seal(complaint.address), sealer_.seal(complaint.reporter.name),
       sealer_.seal(complaint.reporter.phone), sealer_.seal(complaint.reporter.email),
       sealer_.seal(complaint.reporter.nik),
       complaint.reporter_user_id ? SqlValue(*complaint.reporter_user_id) : SqlValue(std::monostate{}),
       std::int64_t{complaint.anonymous}, std::int64_t{complaint.confidential},
       std::string(dc::to_string(complaint.channel)), complaint.unit_code, format_utc(complaint.submitted_at),
       format_utc(complaint.updated_at), optional_time_text(complaint.deadlines.verify),
       optional_time_text(complaint.deadlines.first_response), optional_time_text(complaint.deadlines.resolve),
       complaint.version, complaint.sla_target, optional_time_text(complaint.due_at),
       std::string(complaint.language == Language::en ? "en" : "id"), complaint.notify_choice,
       optional_time_text(complaint.sla_check_at), sealer_.seal(complaint.reporter.chat_id)});
  if (!rows) return rows.error();
  auto id = int_at(rows->rows.at(0), 0);
  record_stored(complaint, id, complaint.version);
  return id;
}

void SqlComplaintWriter::record_stored(const dc::Complaint& complaint, std::int64_t id, std::int64_t version) {
  if (!committed_) return;
  auto& stored = committed_->stored.emplace_back(complaint);
  stored.id = id;
  stored.version = version;
  // Watchers keep views of cases, never of people: the contact and the address stay here.
  stored.reporter = {};
  stored.address.clear();
  stored.reporter_secret_hash.clear();
}

Result<std::int64_t> SqlComplaintWriter::append_event(const dc::ComplaintEvent& event,
                                                      const std::string& outbox_payload) {
  auto rows = connection_.query(
      "INSERT INTO complaint_events (complaint_id, at, actor, channel, type, public, from_status, to_status, detail, "
      "from_unit, to_unit) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
      {event.complaint_id, format_utc(event.at), event.actor, std::string(dc::to_string(event.channel)), event.type,
       std::int64_t{event.is_public},
       event.from_status ? std::string(dc::to_string(*event.from_status)) : std::string(),
       event.to_status ? std::string(dc::to_string(*event.to_status)) : std::string(), event.detail, event.from_unit,
       event.to_unit});
  if (!rows) return rows.error();
  auto id = int_at(rows->rows.at(0), 0);
  auto queued = connection_.query(
      "INSERT INTO outbox (event_id, topic, payload, created_at) VALUES ($1, $2, $3, $4)",
      {id, "complaint." + event.type, outbox_payload, format_utc(event.at)});
  if (!queued) return queued.error();
  return id;
}

Result<void> SqlComplaintWriter::remember_answer(std::string_view key, const app::ports::IdempotentAnswer& answer,
                                                 TimePoint at) {
  auto rows = connection_.query(
      "INSERT INTO idempotency_keys (key, request_hash, complaint_id, response, created_at) VALUES ($1, $2, $3, $4, $5)",
      {std::string(key), answer.request_hash, answer.complaint_id, sealer_.seal(answer.response), format_utc(at)});
  if (!rows) return rows.error();
  return {};
}

Result<void> SqlComplaintWriter::save_routing_rule(const dc::RoutingRule& rule) {
  auto rows = connection_.query(
      "INSERT INTO routing_rules (category_code, region_code, unit_code) VALUES ($1, $2, $3) "
      "ON CONFLICT (category_code, region_code) DO UPDATE SET unit_code = excluded.unit_code",
      {rule.category_code, rule.region_code, rule.unit_code});
  if (!rows) return rows.error();
  return {};
}

Result<bool> SqlComplaintWriter::delete_routing_rule(const std::string& category_code, const std::string& region_code) {
  auto rows = connection_.query(
      "DELETE FROM routing_rules WHERE category_code = $1 AND region_code = $2 RETURNING id",
      {category_code, region_code});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<void> SqlComplaintWriter::add_photo(std::int64_t complaint_id, int position,
                                           const app::ports::CasePhoto& photo) {
  auto rows = connection_.query(
      "INSERT INTO complaint_photos (complaint_id, position, digest, thumbnail_digest, width, height, kind, added_by, "
      "added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {complaint_id, std::int64_t{position}, photo.digest, photo.thumbnail_digest, std::int64_t{photo.width},
       std::int64_t{photo.height}, photo.kind, photo.added_by, format_utc(photo.added_at)});
  if (!rows) return rows.error();
  return {};
}

Result<bool> SqlComplaintWriter::add_support(std::int64_t complaint_id, std::string_view supporter, TimePoint at) {
  auto added = connection_.query(
      "INSERT INTO complaint_supports (complaint_id, supporter, at) VALUES ($1, $2, $3) "
      "ON CONFLICT (complaint_id, supporter) DO NOTHING RETURNING complaint_id",
      {complaint_id, std::string(supporter), format_utc(at)});
  if (!added) return added.error();
  if (added->empty()) return false;
  auto counted = connection_.query(
      "UPDATE complaints SET support_count = support_count + 1 WHERE id = $1 RETURNING support_count", {complaint_id});
  if (!counted) return counted.error();
  if (committed_ && !counted->empty()) {
    committed_->support_counts.emplace_back(complaint_id, static_cast<int>(int_at(counted->rows.at(0), 0)));
  }
  return true;
}

Result<void> SqlComplaintWriter::update_state(const dc::Complaint& complaint, std::int64_t expected_version) {
  auto rows = connection_.query(
      "UPDATE complaints SET status = $1, status_before_need_info = $2, unit_code = $3, updated_at = $4, "
      "rating = $7, rating_comment = $8, verify_due_at = $9, first_response_due_at = $10, resolve_due_at = $11, "
      "first_response_at = $12, resolved_at = $13, closed_at = $14, sla_target = $15, due_at = $16, "
      "sla_level = $17, merged_into_id = $18, category_code = $19, category_suggested = $20, version = version + 1 "
      "WHERE id = $5 AND version = $6 RETURNING version",
      {std::string(dc::to_string(complaint.status)),
       complaint.status_before_need_info ? std::string(dc::to_string(*complaint.status_before_need_info))
                                         : std::string(),
       complaint.unit_code, format_utc(complaint.updated_at), complaint.id, expected_version,
       complaint.rating ? SqlValue(std::int64_t{*complaint.rating}) : SqlValue(std::monostate{}),
       complaint.rating_comment, optional_time_text(complaint.deadlines.verify),
       optional_time_text(complaint.deadlines.first_response), optional_time_text(complaint.deadlines.resolve),
       optional_time_text(complaint.first_response_at), optional_time_text(complaint.resolved_at),
       optional_time_text(complaint.closed_at), complaint.sla_target, optional_time_text(complaint.due_at),
       std::int64_t{complaint.sla_level},
       complaint.merged_into_id ? SqlValue(*complaint.merged_into_id) : SqlValue(std::monostate{}),
       text_or_null(complaint.category_code), std::int64_t{complaint.category_suggested}});
  if (!rows) return rows.error();
  if (rows->empty()) {
    return Error(ErrorCode::precondition_failed,
                 Text{"Aduan ini sudah diubah orang lain. Muat ulang lalu coba lagi.",
                      "Someone else changed this case first. Reload and try again."});
  }
  record_stored(complaint, complaint.id, int_at(rows->rows.at(0), 0));
  return {};
}

}  // namespace sigap::storage::sql
