#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "app/ports/storage.hpp"
#include "crypto/keyring.hpp"
#include "support/postgres_database.hpp"
#include "support/test_keys.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {

/// The contract suites are written once and instantiated for every backend: the parameter is
/// the backend's name. Each test gets a fresh, empty (migrated) database.
class StorageContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  /// Opens (again) the database this test owns; a second handle sees what the first committed.
  std::unique_ptr<app::ports::Storage> open();
  /// The URL of this test's database ("sqlite:/tmp/..." or "postgres://...").
  [[nodiscard]] const std::string& url() const { return url_; }

  std::unique_ptr<app::ports::Storage> storage_;
  std::shared_ptr<const crypto::Keyring> keyring_;

 private:
  TempDir dir_;
  std::unique_ptr<PostgresDatabase> postgres_;
  std::string url_;
};

std::string backend_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace sigap::testing

#define SIGAP_STORAGE_CONTRACT(suite) \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values("sqlite", "postgres"), ::sigap::testing::backend_name)
