#include "domain/complaints/intake.hpp"

#include <chrono>

#include <fmt/format.h>

#include "domain/complaints/contact.hpp"
#include "domain/master_data/region_code.hpp"
#include "domain/notifications/notify_channel.hpp"

namespace sigap::domain::complaints {

namespace {

std::string trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool has_control_characters(std::string_view text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f) return true;
  }
  return false;
}

// Checks length bounds (in characters) and characters of a text field; adds a problem if any.
void check_text(std::vector<FieldError>& problems, std::string_view field, std::string_view text, std::size_t min,
                std::size_t max) {
  auto length = utf8_length(text);
  if (!length) {
    problems.push_back({std::string(field), Text{"Teks bukan UTF-8 yang sah.", "The text is not valid UTF-8."}});
  } else if (has_control_characters(text)) {
    problems.push_back({std::string(field), Text{"Teks berisi karakter kendali.", "The text holds control characters."}});
  } else if (*length < min || *length > max) {
    problems.push_back(
        {std::string(field), Text{fmt::format("Panjang teks {} sampai {} karakter (sekarang {}).", min, max, *length),
                                  fmt::format("The text takes {} to {} characters (now {}).", min, max, *length)}});
  }
}

template <typename T>
void take(std::vector<FieldError>& problems, Result<T> result, T& into) {
  if (result) {
    into = std::move(*result);
  } else {
    for (const auto& field : result.error().fields()) problems.push_back(field);
  }
}

}  // namespace

std::optional<std::size_t> utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t width = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (width == 0 || i + width > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < width; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return std::nullopt;
    }
    i += width;
    ++count;
  }
  return count;
}

Result<ValidIntake> validate_intake(const IntakeDraft& draft, TimePoint now) {
  std::vector<FieldError> problems;
  ValidIntake valid;
  valid.description = trim(draft.description);
  check_text(problems, "description", valid.description, kMinDescription, kMaxDescription);
  valid.title = trim(draft.title);
  check_text(problems, "title", valid.title, 0, kMaxTitle);
  valid.address = trim(draft.address);
  check_text(problems, "address", valid.address, 0, kMaxAddress);
  valid.reporter.name = trim(draft.reporter_name);
  check_text(problems, "reporter.name", valid.reporter.name, 0, kMaxName);
  valid.category_code = draft.category_code;
  valid.anonymous = draft.anonymous;
  valid.confidential = draft.confidential;
  take(problems, complaint_kind_from_string(draft.kind, "kind"), valid.kind);
  take(problems, channel_from_string(draft.channel, "channel"), valid.channel);

  if (draft.latitude.has_value() != draft.longitude.has_value()) {
    problems.push_back({draft.latitude ? "location.longitude" : "location.latitude",
                        Text{"Lintang dan bujur diisi berdua.", "Latitude and longitude come together."}});
  } else if (draft.latitude) {
    auto point = check_location(*draft.latitude, *draft.longitude, draft.accuracy_m);
    if (point) {
      valid.location = *point;
      valid.accuracy_m = draft.accuracy_m;
    } else {
      for (const auto& field : point.error().fields()) problems.push_back({"location." + field.field, field.message});
    }
  }
  if (!draft.region_code.empty()) {
    auto level = master_data::parse_region_code(draft.region_code, "region_code");
    if (!level) {
      problems.push_back(level.error().fields().front());
    } else if (*level != master_data::RegionLevel::village) {
      problems.push_back({"region_code", Text{"Isi kode kelurahan, misalnya 16.71.01.1001.",
                                              "Give a kelurahan code, e.g. 16.71.01.1001."}});
    } else {
      valid.region_code = draft.region_code;
    }
  }
  if (!trim(draft.reporter_phone).empty()) {
    take(problems, normalize_indonesian_phone(draft.reporter_phone, "reporter.phone"), valid.reporter.phone);
  }
  if (!trim(draft.reporter_email).empty()) {
    take(problems, normalize_email(draft.reporter_email, "reporter.email"), valid.reporter.email);
  }
  if (!trim(draft.reporter_nik).empty()) {
    std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(now)};
    auto nik = check_nik(draft.reporter_nik, today, "reporter.nik");
    if (nik) {
      valid.reporter.nik = nik->digits;
    } else {
      for (const auto& field : nik.error().fields()) problems.push_back(field);
    }
  }
  if (!trim(draft.reporter_chat_id).empty()) {
    if (draft.channel != "telegram") {
      problems.push_back({"reporter.chat_id", Text{"Id obrolan hanya untuk laporan lewat Telegram.",
                                                   "A chat id is only for reports made on Telegram."}});
    } else {
      valid.reporter.chat_id = trim(draft.reporter_chat_id);
    }
  }
  if (draft.language == "en") {
    valid.language = Language::en;
  } else if (draft.language != "id") {
    problems.push_back({"language", Text{"Pilih id atau en.", "Use id or en."}});
  }
  take(problems, notifications::parse_notify_choice(draft.notify, "notify"), valid.notify_choice);
  if (auto chosen = notifications::notify_channel_from_string(valid.notify_choice)) {
    const bool email = *chosen == notifications::NotifyChannel::email;
    const bool chat = *chosen == notifications::NotifyChannel::telegram && !valid.reporter.chat_id.empty();
    if (!chat && (email ? valid.reporter.email.empty() : valid.reporter.phone.empty())) {
      problems.push_back({"notify", email ? Text{"Isi alamat e-mail untuk dikabari lewat e-mail.",
                                                 "Leave an e-mail address to be told by e-mail."}
                                          : Text{"Isi nomor telepon untuk dikabari lewat kanal itu.",
                                                 "Leave a phone number to be told on that channel."}});
    }
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Aduan belum dapat diterima; periksa isian yang ditandai.",
                                             "The complaint cannot be accepted yet; check the marked fields."},
                 std::move(problems));
  }
  return valid;
}

}  // namespace sigap::domain::complaints
