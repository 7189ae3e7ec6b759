#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/complaints/attribute_answers.hpp"
#include "domain/master_data/category_attribute.hpp"

namespace sigap::app::ports {

/// One service request received through Open311 (POST requests), kept beside the case it became:
/// what the complaint itself has no place for. `token` is its handle: the client's
/// Idempotency-Key, or a random one; the case is filed with the intake's Idempotency-Key
/// "open311:<token>", so the case and its idempotency record commit together, and a submission
/// whose `complaint_id` is not yet set can always be linked again from that record.
struct Open311Submission {
  std::string token;
  std::int64_t api_key_id = 0;
  std::string service_code;
  std::vector<domain::complaints::AttributeAnswer> attributes;
  std::string media_url;     // a reference as given; never fetched
  std::string request_hash;  // SHA-256 of the form as sent
  TimePoint created_at{};
  std::optional<std::int64_t> complaint_id;
  bool operator==(const Open311Submission&) const = default;
};

/// What GeoReport `GET requests` shows of a case beyond the case itself.
struct ServiceRequestExtras {
  std::string media_url;    // of its Open311 submission ("" for other channels)
  std::string status_note;  // the detail of its newest public event that set a status
};

/// Reads the category attributes (Open311 service definitions) and Open311 submissions.
/// Thread-safe.
class Open311Repository {
 public:
  virtual ~Open311Repository() = default;
  /// Every attribute of every category, by category code, then order.
  virtual Result<std::vector<domain::master_data::CategoryAttribute>> category_attributes() = 0;
  virtual Result<std::optional<Open311Submission>> find_submission(std::string_view token) = 0;
  /// The extras of each of the cases named (absent ids have none).
  virtual Result<std::map<std::int64_t, ServiceRequestExtras>> request_extras(
      const std::vector<std::int64_t>& complaint_ids) = 0;
};

/// Writes them inside a Transaction.
class Open311Writer {
 public:
  virtual ~Open311Writer() = default;
  /// Inserts or replaces the attribute (category_code, code) with its options.
  virtual Result<void> save_category_attribute(const domain::master_data::CategoryAttribute& attribute) = 0;
  /// A token already stored is a `conflict`.
  virtual Result<void> insert_submission(const Open311Submission& submission) = 0;
  /// Sets the case of a submission that has none yet; false when there was no such submission
  /// without a case.
  virtual Result<bool> link_submission(std::string_view token, std::int64_t complaint_id) = 0;
  /// Removes a submission that never became a case (the intake refused it); a linked one stays.
  virtual Result<void> delete_unlinked_submission(std::string_view token) = 0;
};

}  // namespace sigap::app::ports
