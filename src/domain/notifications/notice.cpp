#include "domain/notifications/notice.hpp"

#include <array>
#include <string>
#include <utility>

namespace sigap::domain::notifications {

namespace dc = domain::complaints;

namespace {

constexpr std::array<std::pair<Notice, std::string_view>, 7> kNames{{
    {Notice::received, "received"},
    {Notice::verified, "verified"},
    {Notice::forwarded, "forwarded"},
    {Notice::need_info, "need_info"},
    {Notice::resolved, "resolved"},
    {Notice::closed, "closed"},
    {Notice::rejected, "rejected"},
}};

constexpr std::array<Notice, 7> kAll{Notice::received, Notice::verified, Notice::forwarded, Notice::need_info,
                                     Notice::resolved, Notice::closed,   Notice::rejected};

}  // namespace

std::string_view to_string(Notice notice) {
  for (const auto& [value, name] : kNames) {
    if (value == notice) return name;
  }
  return "received";
}

Result<Notice> notice_from_string(std::string_view text, std::string_view field) {
  for (const auto& [value, name] : kNames) {
    if (name == text) return value;
  }
  return Error(
      ErrorCode::validation, Text{"Jenis pemberitahuan tidak dikenal.", "Unknown notice."},
      {FieldError{std::string(field),
                  Text{"Pilih salah satu: received, verified, forwarded, need_info, resolved, closed, rejected.",
                       "Use one of: received, verified, forwarded, need_info, resolved, closed, rejected."}}});
}

std::span<const Notice> all_notices() { return kAll; }

std::optional<Notice> notice_for(const dc::ComplaintEvent& event) {
  if (!event.is_public) return std::nullopt;
  if (event.type == "submitted") return Notice::received;
  if (event.type == "forwarded") return Notice::forwarded;
  if (!event.to_status || event.to_status == event.from_status) return std::nullopt;
  switch (*event.to_status) {
    case dc::Status::verified:
      return Notice::verified;
    case dc::Status::need_info:
      return Notice::need_info;
    case dc::Status::resolved:
      return Notice::resolved;
    case dc::Status::closed:
      return Notice::closed;
    case dc::Status::rejected:
      return Notice::rejected;
    default:
      return std::nullopt;
  }
}

const Text& status_label(dc::Status status) {
  static const std::array<std::pair<dc::Status, Text>, 9> kLabels{{
      {dc::Status::submitted, {"Diterima", "Received"}},
      {dc::Status::verified, {"Terverifikasi", "Verified"}},
      {dc::Status::assigned, {"Diterima unit penanganan", "With the handling unit"}},
      {dc::Status::in_progress, {"Sedang ditangani", "Being handled"}},
      {dc::Status::need_info, {"Menunggu keterangan Anda", "Waiting for your answer"}},
      {dc::Status::resolved, {"Selesai ditindaklanjuti", "Resolved"}},
      {dc::Status::closed, {"Ditutup", "Closed"}},
      {dc::Status::rejected, {"Diarsipkan", "Archived"}},
      {dc::Status::reopened, {"Dibuka kembali", "Reopened"}},
  }};
  for (const auto& [value, label] : kLabels) {
    if (value == status) return label;
  }
  return kLabels.front().second;
}

}  // namespace sigap::domain::notifications
