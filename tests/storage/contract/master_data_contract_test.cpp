// The master data contract: what every storage backend must do with regions, units and
// categories. Runs on SQLite and on PostgreSQL (SIGAP_STORAGE_CONTRACT below).
#include <algorithm>

#include "app/master_data/demo_data.hpp"
#include "app/master_data/region_import.hpp"
#include "storage/contract/storage_backends.hpp"

namespace sigap::testing {
namespace {

namespace dm = domain::master_data;
using MasterDataContract = StorageContract;

dm::Unit unit(std::string code, std::string parent, dm::UnitType type = dm::UnitType::agency) {
  dm::Unit u;
  u.code = std::move(code);
  u.name = "Unit " + u.code;
  u.parent_code = std::move(parent);
  u.type = type;
  u.service_hours = dm::parse_service_hours("mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30", "hours").value();
  return u;
}

TEST_P(MasterDataContract, PalembangDemoDataHas18KecamatanAnd107Kelurahan) {
  auto loaded = app::master_data::load_palembang_demo_data(*storage_);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message().en << " " << loaded.error().log_detail();
  EXPECT_EQ(loaded->regions.districts, 18U);
  EXPECT_EQ(loaded->regions.villages, 107U);

  auto kecamatan = storage_->regions().children_of("16.71");
  ASSERT_TRUE(kecamatan.ok());
  ASSERT_EQ(kecamatan->size(), 18U);
  EXPECT_EQ(kecamatan->front().code, "16.71.01");
  EXPECT_EQ(kecamatan->front().name, "Ilir Barat Dua");
  std::size_t kelurahan = 0;
  for (const auto& district : *kecamatan) {
    EXPECT_EQ(district.level, dm::RegionLevel::district);
    auto villages = storage_->regions().children_of(district.code);
    ASSERT_TRUE(villages.ok());
    kelurahan += villages->size();
  }
  EXPECT_EQ(kelurahan, 107U);
}

TEST_P(MasterDataContract, DemoDataGivesEveryKelurahanAnOfficeUnderItsKecamatan) {
  ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  auto offices = storage_->units().list({dm::UnitType::village_office, std::nullopt});
  ASSERT_TRUE(offices.ok());
  EXPECT_EQ(offices->size(), 107U);
  auto office = storage_->units().find_by_code("kelurahan-16.71.01.1001");
  ASSERT_TRUE(office.ok());
  ASSERT_TRUE(office->has_value());
  EXPECT_EQ((*office)->parent_code, "kecamatan-16.71.01");
  EXPECT_EQ((*office)->region_code, "16.71.01.1001");
  EXPECT_TRUE((*office)->service_hours.is_open(0, 8 * 60));    // Monday 08:00
  EXPECT_FALSE((*office)->service_hours.is_open(4, 12 * 60));  // Friday prayer break
  auto under_kecamatan = storage_->units().list({std::nullopt, std::string("kecamatan-16.71.01")});
  ASSERT_TRUE(under_kecamatan.ok());
  auto villages = storage_->regions().children_of("16.71.01");
  EXPECT_EQ(under_kecamatan->size(), villages->size());
}

TEST_P(MasterDataContract, EveryCategoryHasAnExistingDefaultUnit) {
  ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  auto categories = storage_->categories().list();
  ASSERT_TRUE(categories.ok());
  EXPECT_GE(categories->size(), 15U);
  EXPECT_LE(categories->size(), 25U);
  for (const auto& category : *categories) {
    auto unit = storage_->units().find_by_code(category.default_unit_code);
    ASSERT_TRUE(unit.ok());
    EXPECT_TRUE(unit->has_value()) << category.code << " -> " << category.default_unit_code;
  }
  auto road = std::find_if(categories->begin(), categories->end(), [](const dm::Category& c) { return c.code == "jalan-rusak"; });
  ASSERT_NE(road, categories->end());
  EXPECT_EQ(road->default_unit_code, "dinas-pupr");
  EXPECT_NE(std::find(road->keywords.begin(), road->keywords.end(), "berlubang"), road->keywords.end());
}

TEST_P(MasterDataContract, LoadingTheDemoDataTwiceChangesNothing) {
  ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  auto first = storage_->units().list({});
  ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  auto second = storage_->units().list({});
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);  // same ids, same rows
}

TEST_P(MasterDataContract, UnitsRoundTripEveryField) {
  auto city = unit("pemkot", "", dm::UnitType::city);
  auto office = unit("dinas-x", "pemkot");
  office.office_location = dm::GeoPoint{-2.9909, 104.7566};
  office.time_zone = "Asia/Makassar";
  std::int64_t id = 0;
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    if (auto saved = tx.master_data().save_unit(city); !saved) return saved.error();
    auto saved = tx.master_data().save_unit(office);
    if (!saved) return saved.error();
    id = *saved;
    return {};
  });
  ASSERT_TRUE(written.ok()) << written.error().log_detail();
  auto found = storage_->units().find_by_id(id);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  office.id = id;
  EXPECT_EQ(**found, office);
  auto missing = storage_->units().find_by_id(id + 1000);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(MasterDataContract, AUnitWhoseParentDoesNotExistIsAConflictAndNothingIsKept) {
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    if (auto saved = tx.master_data().save_unit(unit("pemkot", "", dm::UnitType::city)); !saved) return saved.error();
    if (auto saved = tx.master_data().save_unit(unit("orphan", "no-such-parent")); !saved) return saved.error();
    return {};
  });
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().code(), ErrorCode::conflict);
  auto all = storage_->units().list({});
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty()) << "the first unit of the failed transaction must not be kept";
}

TEST_P(MasterDataContract, RegionImportRefusesAnOrphanWithoutWritingAnything) {
  std::string csv = "code,name\n16,Sumatera Selatan\n16.71.01,Ilir Barat Dua\n";
  auto imported = app::master_data::import_regions(*storage_, csv);
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().code(), ErrorCode::conflict);
  auto provinces = storage_->regions().children_of("");
  ASSERT_TRUE(provinces.ok());
  EXPECT_TRUE(provinces->empty());
}

TEST_P(MasterDataContract, RegionsByLevelComeInCodeOrder) {
  ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
  auto villages = storage_->regions().at_level(dm::RegionLevel::village);
  ASSERT_TRUE(villages.ok());
  ASSERT_EQ(villages->size(), 107U);
  EXPECT_TRUE(std::is_sorted(villages->begin(), villages->end(),
                             [](const dm::Region& a, const dm::Region& b) { return a.code < b.code; }));
  auto region = storage_->regions().find("16.71.07");
  ASSERT_TRUE(region.ok());
  ASSERT_TRUE(region->has_value());
  EXPECT_EQ((*region)->name, "Sukarami");
  EXPECT_EQ((*region)->parent_code, "16.71");
}

TEST_P(MasterDataContract, TextWithQuotesAndUnicodeIsStoredAsGiven) {
  dm::Category category;
  category.code = "uji";
  category.name_id = "Jalan rusak'; DROP TABLE units; --";
  category.name_en = "Ünïcødé 🚧 \"quoted\"";
  category.default_unit_code = "pemkot";
  category.keywords = {"jalan", "lubang"};
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    if (auto saved = tx.master_data().save_unit(unit("pemkot", "", dm::UnitType::city)); !saved) return saved.error();
    auto saved = tx.master_data().save_category(category);
    if (!saved) return saved.error();
    category.id = *saved;
    return {};
  });
  ASSERT_TRUE(written.ok()) << written.error().log_detail();
  auto categories = storage_->categories().list();
  ASSERT_TRUE(categories.ok());
  ASSERT_EQ(categories->size(), 1U);
  EXPECT_EQ(categories->front(), category);
  EXPECT_TRUE(storage_->units().list({}).ok());
}

SIGAP_STORAGE_CONTRACT(MasterDataContract);

}  // namespace
}  // namespace sigap::testing
