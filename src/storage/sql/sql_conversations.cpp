#include "storage/sql/sql_conversations.hpp"

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace ports = app::ports;

namespace {

// The blind index of an address is per channel: the same number on WhatsApp and SMS are two
// conversations.
std::string address_index(const PersonalDataSealer& sealer, std::string_view channel, std::string_view address) {
  std::string key(channel);
  key += ':';
  key += address;
  return sealer.index(key);
}

Error lost_race() {
  return Error(ErrorCode::conflict, Text{"Percakapan berubah bersamaan.", "The conversation changed meanwhile."});
}

}  // namespace

Result<std::optional<ports::StoredConversation>> SqlConversationRepository::find(std::string_view channel,
                                                                                 std::string_view address) {
  auto rows = backend_.read(
      "SELECT address, step, language, fields, started_at, updated_at, version FROM conversations "
      "WHERE channel = $1 AND address_index = $2",
      {std::string(channel), address_index(sealer_, channel, address)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ports::StoredConversation>();
  const auto& row = rows->rows.front();
  auto opened_address = sealer_.open(text_at(row, 0));
  if (!opened_address) return opened_address.error();
  auto fields = sealer_.open(text_at(row, 3));
  if (!fields) return fields.error();
  ports::StoredConversation conversation;
  conversation.channel = std::string(channel);
  conversation.address = std::move(*opened_address);
  conversation.step = text_at(row, 1);
  conversation.language = text_at(row, 2) == "en" ? Language::en : Language::id;
  conversation.fields = std::move(*fields);
  conversation.started_at = parse_utc_millis(text_at(row, 4)).value_or(TimePoint{});
  conversation.updated_at = parse_utc_millis(text_at(row, 5)).value_or(TimePoint{});
  conversation.version = int_at(row, 6);
  return std::optional<ports::StoredConversation>(std::move(conversation));
}

Result<std::int64_t> SqlConversationWriter::save(const ports::StoredConversation& conversation) {
  const auto index = address_index(sealer_, conversation.channel, conversation.address);
  const std::string language = conversation.language == Language::en ? "en" : "id";
  if (conversation.version == 0) {
    auto inserted = connection_.query(
        "INSERT INTO conversations (channel, address_index, address, step, language, fields, started_at, updated_at, "
        "version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)",
        {conversation.channel, index, sealer_.seal(conversation.address), conversation.step, language,
         sealer_.seal(conversation.fields), format_utc_millis(conversation.started_at), format_utc_millis(conversation.updated_at)});
    if (!inserted) return inserted.error().code() == ErrorCode::conflict ? lost_race() : inserted.error();
    return std::int64_t{1};
  }
  auto updated = connection_.query(
      "UPDATE conversations SET step = $1, language = $2, fields = $3, started_at = $4, updated_at = $5, "
      "version = version + 1 WHERE channel = $6 AND address_index = $7 AND version = $8 RETURNING version",
      {conversation.step, language, sealer_.seal(conversation.fields), format_utc_millis(conversation.started_at),
       format_utc_millis(conversation.updated_at), conversation.channel, index, conversation.version});
  if (!updated) return updated.error();
  if (updated->empty()) return lost_race();
  return int_at(updated->rows.front(), 0);
}

}  // namespace sigap::storage::sql
