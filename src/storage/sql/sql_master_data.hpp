#pragma once

#include "app/ports/category_repository.hpp"
#include "app/ports/master_data_writer.hpp"
#include "app/ports/region_repository.hpp"
#include "app/ports/unit_repository.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

/// Master data repositories written once in the SQL both backends understand.
class SqlRegionRepository final : public app::ports::RegionRepository {
 public:
  explicit SqlRegionRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::RegionRepository
  Result<std::vector<domain::master_data::Region>> children_of(std::string_view parent_code) override;
  Result<std::optional<domain::master_data::Region>> find(std::string_view code) override;
  Result<std::vector<domain::master_data::Region>> at_level(domain::master_data::RegionLevel level) override;

 private:
  SqlBackend& backend_;
};

class SqlUnitRepository final : public app::ports::UnitRepository {
 public:
  explicit SqlUnitRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::UnitRepository
  Result<std::vector<domain::master_data::Unit>> list(const app::ports::UnitFilter& filter) override;
  Result<std::optional<domain::master_data::Unit>> find_by_id(std::int64_t id) override;
  Result<std::optional<domain::master_data::Unit>> find_by_code(std::string_view code) override;
  Result<std::vector<std::string>> path_to(std::string_view code) override;

 private:
  SqlBackend& backend_;
};

class SqlCategoryRepository final : public app::ports::CategoryRepository {
 public:
  explicit SqlCategoryRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::CategoryRepository
  Result<std::vector<domain::master_data::Category>> list() override;

 private:
  SqlBackend& backend_;
};

/// Writes through the connection of an open transaction.
class SqlMasterDataWriter final : public app::ports::MasterDataWriter {
 public:
  explicit SqlMasterDataWriter(SqlConnection& connection) : connection_(connection) {}
  // app::ports::MasterDataWriter
  Result<void> save_region(const domain::master_data::Region& region) override;
  Result<std::int64_t> save_unit(const domain::master_data::Unit& unit) override;
  Result<std::int64_t> save_category(const domain::master_data::Category& category) override;
  Result<std::int64_t> insert_unit(const domain::master_data::Unit& unit) override;
  Result<bool> update_unit(const domain::master_data::Unit& unit) override;
  Result<std::int64_t> insert_category(const domain::master_data::Category& category) override;
  Result<bool> update_category(const domain::master_data::Category& category) override;

 private:
  SqlConnection& connection_;
};

}  // namespace sigap::storage::sql
