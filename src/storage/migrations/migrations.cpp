#include "storage/migrations/migrations.hpp"

#include <array>

#include "storage/migrations/migration_files.hpp"

namespace sigap::storage::migrations {

std::span<const Migration> sqlite_migrations() {
  static const std::array<Migration, 20> list{{
      {1, "master_data", sqlite_0001_master_data()},
      {2, "identity", sqlite_0002_identity()},
      {3, "complaints", sqlite_0003_complaints()},
      {4, "case_handling", sqlite_0004_case_handling()},
      {5, "photo_kinds", sqlite_0005_photo_kinds()},
      {6, "sla_watch", sqlite_0006_sla_watch()},
      {7, "duplicate_lookup", sqlite_0007_duplicate_lookup()},
      {8, "case_order", sqlite_0008_case_order()},
      {9, "search_catch_up", sqlite_0009_search_catch_up()},
      {10, "duplicate_candidates", sqlite_0010_duplicate_candidates()},
      {11, "intake_indexes", sqlite_0011_intake_indexes()},
      {13, "open311", sqlite_0013_open311()},
      {14, "integration", sqlite_0014_integration()},
      {15, "command_center", sqlite_0015_command_center()},
      {16, "dashboard_figures", sqlite_0016_dashboard_figures()},
      {17, "conversations", sqlite_0017_conversations()},
      {20, "case_walk", sqlite_0020_case_walk()},
      {21, "reporter_chat", sqlite_0021_reporter_chat()},
      {22, "dashboard_revision", sqlite_0022_dashboard_revision()},
      {23, "duplicate_index_in_memory", sqlite_0023_duplicate_index_in_memory()},
  }};
  return list;
}

std::span<const Migration> postgres_migrations() {
  static const std::array<Migration, 20> list{{
      {1, "master_data", postgres_0001_master_data()},
      {2, "identity", postgres_0002_identity()},
      {3, "complaints", postgres_0003_complaints()},
      {4, "case_handling", postgres_0004_case_handling()},
      {5, "photo_kinds", postgres_0005_photo_kinds()},
      {6, "sla_watch", postgres_0006_sla_watch()},
      {7, "duplicate_lookup", postgres_0007_duplicate_lookup()},
      {8, "case_order", postgres_0008_case_order()},
      {9, "search_catch_up", postgres_0009_search_catch_up()},
      {10, "duplicate_candidates", postgres_0010_duplicate_candidates()},
      {11, "intake_indexes", postgres_0011_intake_indexes()},
      {13, "open311", postgres_0013_open311()},
      {14, "integration", postgres_0014_integration()},
      {15, "command_center", postgres_0015_command_center()},
      {16, "dashboard_figures", postgres_0016_dashboard_figures()},
      {17, "conversations", postgres_0017_conversations()},
      {20, "case_walk", postgres_0020_case_walk()},
      {21, "reporter_chat", postgres_0021_reporter_chat()},
      {22, "dashboard_revision", postgres_0022_dashboard_revision()},
      {23, "duplicate_index_in_memory", postgres_0023_duplicate_index_in_memory()},
  }};
  return list;
}

}  // namespace sigap::storage::migrations
