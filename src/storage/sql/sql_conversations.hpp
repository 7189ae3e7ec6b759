#pragma once

#include "app/ports/conversation_repository.hpp"
#include "storage/sql/personal_data.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

class SqlConversationRepository final : public app::ports::ConversationRepository {
 public:
  SqlConversationRepository(SqlBackend& backend, const PersonalDataSealer& sealer)
      : backend_(backend), sealer_(sealer) {}
  // app::ports::ConversationRepository
  Result<std::optional<app::ports::StoredConversation>> find(std::string_view channel,
                                                             std::string_view address) override;

 private:
  SqlBackend& backend_;
  const PersonalDataSealer& sealer_;
};

class SqlConversationWriter final : public app::ports::ConversationWriter {
 public:
  SqlConversationWriter(SqlConnection& connection, const PersonalDataSealer& sealer)
      : connection_(connection), sealer_(sealer) {}
  // app::ports::ConversationWriter
  Result<std::int64_t> save(const app::ports::StoredConversation& conversation) override;

 private:
  SqlConnection& connection_;
  const PersonalDataSealer& sealer_;
};

}  // namespace sigap::storage::sql
