#include "storage/contract/storage_backends.hpp"

#include "storage/open_storage.hpp"
#include "support/test_keys.hpp"

namespace sigap::testing {

void StorageContract::SetUp() {
  if (GetParam() == "postgres") {
    if (!PostgresDatabase::server_url()) {
      if (PostgresDatabase::required()) FAIL() << "SIGAP_REQUIRE_POSTGRES=1 but SIGAP_TEST_POSTGRES_URL is not set";
      GTEST_SKIP() << "no test PostgreSQL server (run through tools/with-postgres, as make test does)";
    }
    postgres_ = std::make_unique<PostgresDatabase>();
    url_ = postgres_->url();
  } else {
    url_ = "sqlite:" + (dir_.path() / "contract.db").string();
  }
  keyring_ = test_keyring();
  storage_ = open();
}

std::unique_ptr<app::ports::Storage> StorageContract::open() {
  auto url = storage::parse_database_url(url_);
  EXPECT_TRUE(url.ok());
  auto opened = storage::open_storage(*url, {3, keyring_});
  if (!opened) {
    ADD_FAILURE() << "cannot open " << url_ << ": " << opened.error().message().en << " "
                  << opened.error().log_detail();
    return nullptr;
  }
  return std::move(*opened);
}

std::string backend_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace sigap::testing
