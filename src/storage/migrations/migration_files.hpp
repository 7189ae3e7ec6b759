#pragma once

#include <string_view>

namespace sigap::storage::migrations {

// The SQL files of this folder, embedded by cmake/EmbedFiles.cmake (see storage/CMakeLists.txt).
std::string_view sqlite_0001_master_data();
std::string_view postgres_0001_master_data();
std::string_view sqlite_0002_identity();
std::string_view postgres_0002_identity();
std::string_view sqlite_0003_complaints();
std::string_view postgres_0003_complaints();
std::string_view sqlite_0004_case_handling();
std::string_view postgres_0004_case_handling();
std::string_view sqlite_0005_photo_kinds();
std::string_view postgres_0005_photo_kinds();
std::string_view sqlite_0006_sla_watch();
std::string_view postgres_0006_sla_watch();
std::string_view sqlite_0007_duplicate_lookup();
std::string_view postgres_0007_duplicate_lookup();
std::string_view sqlite_0008_case_order();
std::string_view postgres_0008_case_order();
std::string_view sqlite_0009_search_catch_up();
std::string_view postgres_0009_search_catch_up();
std::string_view sqlite_0010_duplicate_candidates();
std::string_view postgres_0010_duplicate_candidates();
std::string_view sqlite_0011_intake_indexes();
std::string_view postgres_0011_intake_indexes();
std::string_view sqlite_0013_open311();
std::string_view postgres_0013_open311();
std::string_view sqlite_0014_integration();
std::string_view postgres_0014_integration();
std::string_view sqlite_0015_command_center();
std::string_view postgres_0015_command_center();
std::string_view sqlite_0016_dashboard_figures();
std::string_view postgres_0016_dashboard_figures();
std::string_view sqlite_0017_conversations();
std::string_view postgres_0017_conversations();
std::string_view sqlite_0020_case_walk();
std::string_view postgres_0020_case_walk();
std::string_view sqlite_0021_reporter_chat();
std::string_view postgres_0021_reporter_chat();
std::string_view sqlite_0022_dashboard_revision();
std::string_view postgres_0022_dashboard_revision();
std::string_view sqlite_0023_duplicate_index_in_memory();
std::string_view postgres_0023_duplicate_index_in_memory();

}  // namespace sigap::storage::migrations
