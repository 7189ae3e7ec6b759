#include "storage/sql/sql_open311.hpp"

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace dm = domain::master_data;

namespace {

// Complaint ids per statement of request_extras: well under every engine's parameter limit.
constexpr std::size_t kIdsPerStatement = 500;

std::string placeholders(std::size_t first, std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    if (!list.empty()) list += ", ";
    list += '$';
    list += std::to_string(first + i);
  }
  return list;
}

}  // namespace

Result<std::vector<dm::CategoryAttribute>> SqlOpen311Repository::category_attributes() {
  auto rows = backend_.read(
      "SELECT category_code, code, variable, datatype, required, datatype_description, sort_order, description "
      "FROM category_attributes ORDER BY category_code, sort_order, code",
      {});
  if (!rows) return rows.error();
  auto options = backend_.read(
      "SELECT category_code, attribute_code, key, name FROM category_attribute_values "
      "ORDER BY category_code, attribute_code, sort_order",
      {});
  if (!options) return options.error();
  std::vector<dm::CategoryAttribute> attributes;
  attributes.reserve(rows->size());
  for (const auto& row : rows->rows) {
    dm::CategoryAttribute attribute;
    attribute.category_code = text_at(row, 0);
    attribute.code = text_at(row, 1);
    attribute.variable = int_at(row, 2) != 0;
    auto datatype = dm::attribute_datatype_from_string(text_at(row, 3), "datatype");
    if (!datatype) return Error::internal("category_attributes: unknown datatype " + text_at(row, 3));
    attribute.datatype = *datatype;
    attribute.required = int_at(row, 4) != 0;
    attribute.datatype_description = text_at(row, 5);
    attribute.order = static_cast<int>(int_at(row, 6));
    attribute.description = text_at(row, 7);
    for (const auto& option : options->rows) {
      if (text_at(option, 0) == attribute.category_code && text_at(option, 1) == attribute.code) {
        attribute.values.push_back({text_at(option, 2), text_at(option, 3)});
      }
    }
    attributes.push_back(std::move(attribute));
  }
  return attributes;
}

Result<std::optional<app::ports::Open311Submission>> SqlOpen311Repository::find_submission(std::string_view token) {
  auto rows = backend_.read(
      "SELECT token, api_key_id, service_code, media_url, request_hash, created_at, complaint_id "
      "FROM open311_submissions WHERE token = $1",
      {std::string(token)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<app::ports::Open311Submission>();
  const auto& row = rows->rows.front();
  app::ports::Open311Submission submission;
  submission.token = text_at(row, 0);
  submission.api_key_id = int_at(row, 1);
  submission.service_code = text_at(row, 2);
  submission.media_url = text_at(row, 3);
  submission.request_hash = text_at(row, 4);
  auto created = parse_utc(text_at(row, 5));
  if (!created) return Error::internal("open311_submissions: bad created_at");
  submission.created_at = *created;
  if (row.at(6)) submission.complaint_id = int_at(row, 6);
  auto answers = backend_.read(
      "SELECT code, value FROM open311_attribute_answers WHERE token = $1 ORDER BY attribute_position, value_position",
      {std::string(token)});
  if (!answers) return answers.error();
  for (const auto& answer : answers->rows) {
    auto code = text_at(answer, 0);
    if (submission.attributes.empty() || submission.attributes.back().code != code) {
      submission.attributes.push_back({code, {}});
    }
    submission.attributes.back().values.push_back(text_at(answer, 1));
  }
  return std::optional<app::ports::Open311Submission>(std::move(submission));
}

Result<std::map<std::int64_t, app::ports::ServiceRequestExtras>> SqlOpen311Repository::request_extras(
    const std::vector<std::int64_t>& complaint_ids) {
  std::map<std::int64_t, app::ports::ServiceRequestExtras> extras;
  for (std::size_t start = 0; start < complaint_ids.size(); start += kIdsPerStatement) {
    auto count = std::min(kIdsPerStatement, complaint_ids.size() - start);
    std::vector<SqlValue> ids(complaint_ids.begin() + static_cast<std::ptrdiff_t>(start),
                              complaint_ids.begin() + static_cast<std::ptrdiff_t>(start + count));
    auto list = placeholders(1, count);
    auto media = backend_.read(
        "SELECT complaint_id, media_url FROM open311_submissions WHERE media_url <> '' AND complaint_id IN (" + list +
            ")",
        ids);
    if (!media) return media.error();
    for (const auto& row : media->rows) extras[int_at(row, 0)].media_url = text_at(row, 1);
    // The newest public event that set a status, per case (complaint_events_complaint index).
    auto notes = backend_.read(
        "SELECT complaint_id, detail FROM complaint_events WHERE id IN (SELECT MAX(id) FROM complaint_events "
        "WHERE complaint_id IN (" + list + ") AND public = 1 AND to_status <> '' GROUP BY complaint_id)",
        ids);
    if (!notes) return notes.error();
    for (const auto& row : notes->rows) extras[int_at(row, 0)].status_note = text_at(row, 1);
  }
  return extras;
}

Result<void> SqlOpen311Writer::save_category_attribute(const dm::CategoryAttribute& attribute) {
  auto removed = connection_.query(
      "DELETE FROM category_attribute_values WHERE category_code = $1 AND attribute_code = $2",
      {attribute.category_code, attribute.code});
  if (!removed) return removed.error();
  auto saved = connection_.query(
      "INSERT INTO category_attributes (category_code, code, variable, datatype, required, datatype_description, "
      "sort_order, description) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
      "ON CONFLICT (category_code, code) DO UPDATE SET variable = excluded.variable, datatype = excluded.datatype, "
      "required = excluded.required, datatype_description = excluded.datatype_description, "
      "sort_order = excluded.sort_order, description = excluded.description",
      {attribute.category_code, attribute.code, std::int64_t{attribute.variable},
       std::string(dm::to_string(attribute.datatype)), std::int64_t{attribute.required},
       attribute.datatype_description, std::int64_t{attribute.order}, attribute.description});
  if (!saved) return saved.error();
  for (std::size_t i = 0; i < attribute.values.size(); ++i) {
    auto option = connection_.query(
        "INSERT INTO category_attribute_values (category_code, attribute_code, sort_order, key, name) "
        "VALUES ($1, $2, $3, $4, $5)",
        {attribute.category_code, attribute.code, static_cast<std::int64_t>(i + 1), attribute.values[i].key,
         attribute.values[i].name});
    if (!option) return option.error();
  }
  return {};
}

Result<void> SqlOpen311Writer::insert_submission(const app::ports::Open311Submission& submission) {
  auto inserted = connection_.query(
      "INSERT INTO open311_submissions (token, api_key_id, service_code, media_url, request_hash, created_at, "
      "complaint_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {submission.token, submission.api_key_id, submission.service_code, submission.media_url,
       submission.request_hash, format_utc(submission.created_at),
       submission.complaint_id ? SqlValue(*submission.complaint_id) : SqlValue(std::monostate{})});
  if (!inserted) return inserted.error();
  for (std::size_t a = 0; a < submission.attributes.size(); ++a) {
    const auto& answer = submission.attributes[a];
    for (std::size_t v = 0; v < answer.values.size(); ++v) {
      auto value = connection_.query(
          "INSERT INTO open311_attribute_answers (token, code, attribute_position, value_position, value) "
          "VALUES ($1, $2, $3, $4, $5)",
          {submission.token, answer.code, static_cast<std::int64_t>(a + 1), static_cast<std::int64_t>(v + 1),
           answer.values[v]});
      if (!value) return value.error();
    }
  }
  return {};
}

Result<bool> SqlOpen311Writer::link_submission(std::string_view token, std::int64_t complaint_id) {
  auto rows = connection_.query(
      "UPDATE open311_submissions SET complaint_id = $1 WHERE token = $2 AND complaint_id IS NULL RETURNING token",
      {complaint_id, std::string(token)});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<void> SqlOpen311Writer::delete_unlinked_submission(std::string_view token) {
  auto answers = connection_.query(
      "DELETE FROM open311_attribute_answers WHERE token IN "
      "(SELECT token FROM open311_submissions WHERE token = $1 AND complaint_id IS NULL)",
      {std::string(token)});
  if (!answers) return answers.error();
  auto removed = connection_.query("DELETE FROM open311_submissions WHERE token = $1 AND complaint_id IS NULL",
                                   {std::string(token)});
  if (!removed) return removed.error();
  return {};
}

}  // namespace sigap::storage::sql
