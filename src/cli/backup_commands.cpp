#include "cli/backup_commands.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/cli.hpp"
#include "cli/progress_bar.hpp"
#include "storage/backup.hpp"
#include "storage/database_url.hpp"

namespace sigap::cli {

namespace fs = std::filesystem;

namespace {

int fail(std::string_view command, const Error& error) {
  std::cerr << "sigap: " << command << ": " << one_line(error) << std::endl;
  // The copy itself failing is the command failing; everything else is for the operator to fix.
  return error.code() == ErrorCode::internal ? kExitFailure : kExitBadStartup;
}

/// A progress bar on stderr, drawn from the first report on (when the total is known).
class Progress {
 public:
  explicit Progress(std::string label) : label_(std::move(label)) {}
  storage::BackupProgress callback() {
    return [this](std::int64_t done, std::int64_t total) {
      if (!bar_) bar_.emplace(stderr, total, label_);
      bar_->update(done);
      done_ = done;
    };
  }
  void finish() {
    if (bar_) bar_->finish(done_);
  }

 private:
  std::string label_;
  std::optional<ProgressBar> bar_;
  std::int64_t done_ = 0;
};

std::string size_text(std::uintmax_t bytes) {
  if (bytes >= 1024 * 1024) return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  if (bytes >= 1024) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024.0);
  return fmt::format("{} bytes", bytes);
}

bool keys_from_environment() {
  const char* env = std::getenv("SIGAP_DATA_KEY");
  return env && std::string_view(env).find_first_not_of(" \t\r\n") != std::string_view::npos;
}

}  // namespace

int backup(const Config& config, const BackupCommandOptions& options) {
  auto url = storage::parse_database_url(config.db, "db");
  if (!url) return fail("backup", url.error());
  bool sqlite = url->kind == storage::DatabaseUrl::Kind::sqlite;
  Progress progress(sqlite ? "backup (pages)" : "backup (tables)");
  auto report = storage::backup_database(*url, options.to, {options.force, progress.callback()});
  if (!report) return fail("backup", report.error());
  progress.finish();
  std::string complaints =
      report->complaints ? fmt::format(", {} complaints", ProgressBar::grouped(*report->complaints)) : "";
  std::cout << fmt::format("Backup written to {} ({}, {}, schema version {}{}).", options.to, report->engine,
                           size_text(report->bytes), report->schema_version, complaints)
            << '\n';
  if (keys_from_environment()) {
    std::cout
        << "The data keys are not in it: they come from SIGAP_DATA_KEY; keep a copy of them apart from the backup."
        << '\n';
  } else {
    std::cout << fmt::format(
                     "The data keys are not in it: keep a copy of {} apart from the backup (docs/reliability.md).",
                     config.data_key_file)
              << '\n';
  }
  std::error_code ec;
  if (auto blobs = fs::path(config.data_dir) / "blobs"; fs::is_directory(blobs, ec)) {
    std::cout << fmt::format("Photos are not in it either: copy {} after the backup.", blobs.string()) << '\n';
  }
  std::cout << std::flush;
  return kExitOk;
}

int restore(const Config& config, const RestoreCommandOptions& options) {
  auto url = storage::parse_database_url(config.db, "db");
  if (!url) return fail("restore", url.error());
  bool sqlite = url->kind == storage::DatabaseUrl::Kind::sqlite;
  Progress progress(sqlite ? "restore (pages)" : "restore (items)");
  auto report = storage::restore_database(*url, options.from, {options.force, progress.callback()});
  if (!report) return fail("restore", report.error());
  progress.finish();
  std::string migrated =
      report->version_after != report->version_in_backup
          ? fmt::format(", migrated from schema version {} to {}", report->version_in_backup, report->version_after)
          : fmt::format(", schema version {}", report->version_after);
  std::cout << fmt::format("Restored {} into the {} database: {} complaints{}.", options.from, report->engine,
                           ProgressBar::grouped(report->complaints), migrated)
            << '\n';
  std::error_code ec;
  if (!keys_from_environment() && !fs::exists(config.data_key_file, ec)) {
    std::cout << fmt::format(
                     "No data keys at {} yet: put the key file of the server this backup came from there (mode 0600) "
                     "before sigap serve, or the personal data in it cannot be opened.",
                     config.data_key_file)
              << '\n';
  }
  std::cout << std::flush;
  return kExitOk;
}

}  // namespace sigap::cli
