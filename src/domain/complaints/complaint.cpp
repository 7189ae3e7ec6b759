#include "domain/complaints/complaint.hpp"

#include <array>
#include <utility>

namespace sigap::domain::complaints {

namespace {

constexpr std::array<std::pair<ComplaintKind, std::string_view>, 3> kKinds{{
    {ComplaintKind::complaint, "complaint"},
    {ComplaintKind::aspiration, "aspiration"},
    {ComplaintKind::information_request, "information_request"},
}};

constexpr std::array<std::pair<Channel, std::string_view>, 8> kChannels{{
    {Channel::web, "web"},
    {Channel::whatsapp, "whatsapp"},
    {Channel::telegram, "telegram"},
    {Channel::sms, "sms"},
    {Channel::email, "email"},
    {Channel::open311, "open311"},
    {Channel::api, "api"},
    {Channel::counter, "counter"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return names.front().second;
}

template <typename Enum, std::size_t N>
Result<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view text,
                      std::string_view field) {
  std::string known;
  for (const auto& [value, name] : names) {
    if (name == text) return value;
    if (!known.empty()) known += ", ";
    known += name;
  }
  return Error(ErrorCode::validation, Text{"Nilai tidak dikenal.", "Unknown value."},
               {FieldError{std::string(field), Text{"Pilih salah satu: " + known + ".", "Use one of: " + known + "."}}});
}

}  // namespace

std::string_view to_string(ComplaintKind kind) { return name_of(kKinds, kind); }
std::string_view to_string(Channel channel) { return name_of(kChannels, channel); }

Result<ComplaintKind> complaint_kind_from_string(std::string_view text, std::string_view field) {
  return value_of(kKinds, text, field);
}

Result<Channel> channel_from_string(std::string_view text, std::string_view field) {
  return value_of(kChannels, text, field);
}

}  // namespace sigap::domain::complaints
