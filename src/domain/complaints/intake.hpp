#pragma once

#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::domain::complaints {

/// An intake as received from any channel, before any check.
struct IntakeDraft {
  std::string description;
  std::string title;
  std::string category_code;  // empty: suggest one
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<double> accuracy_m;
  std::string address;
  std::string region_code;  // a kelurahan code, e.g. 16.71.01.1001
  std::string kind = "complaint";
  std::string reporter_name;
  std::string reporter_phone;
  std::string reporter_email;
  std::string reporter_nik;
  std::string reporter_chat_id;  // the Telegram chat a report came from (channel telegram only)
  bool anonymous = false;
  bool confidential = false;
  std::string channel = "web";
  std::string language = "id";  // "id" or "en": what the reporter is written to in
  std::string notify;            // "", "none", "email", "sms", "whatsapp", "telegram"
};

/// An intake whose every field passed its rules, normalised (phone in E.164, NIK digits only,
/// e-mail lower-case domain). Whether the category and region exist is for the caller to check
/// against master data.
struct ValidIntake {
  std::string description;
  std::string title;
  std::string category_code;
  std::optional<master_data::GeoPoint> location;
  std::optional<double> accuracy_m;
  std::string address;
  std::string region_code;
  ComplaintKind kind = ComplaintKind::complaint;
  ReporterContact reporter;
  bool anonymous = false;
  bool confidential = false;
  Channel channel = Channel::web;
  Language language = Language::id;
  std::string notify_choice;
};

inline constexpr std::size_t kMinDescription = 10;    // characters (code points)
inline constexpr std::size_t kMaxDescription = 5000;
inline constexpr std::size_t kMaxTitle = 150;
inline constexpr std::size_t kMaxAddress = 300;
inline constexpr std::size_t kMaxName = 120;

/// Checks every field and reports every problem at once (ErrorCode::validation, one FieldError
/// per field). Text may hold any Unicode, emoji included; control characters other than
/// newline and tab are refused. `now` dates the NIK's birth-date check.
Result<ValidIntake> validate_intake(const IntakeDraft& draft, TimePoint now);

/// Code points in valid UTF-8 `text`; nullopt when it is not valid UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);

}  // namespace sigap::domain::complaints
