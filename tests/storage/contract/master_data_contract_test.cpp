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

// What admins do: a new code must be new, an edit changes the row that exists and nothing else.
TEST_P(MasterDataContract, InsertingAUnitWithATakenCodeIsAConflictAndKeepsTheFirst) {
  auto city = unit("pemkot", "", dm::UnitType::city);
  auto office = unit("dinas-x", "pemkot");
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    if (auto saved = tx.master_data().insert_unit(city); !saved) return saved.error();
    if (auto saved = tx.master_data().insert_unit(office); !saved) return saved.error();
    return {};
  });
  ASSERT_TRUE(written.ok()) << written.error().log_detail();
  auto twin = unit("dinas-x", "pemkot");
  twin.name = "A second dinas-x";
  auto again = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto saved = tx.master_data().insert_unit(twin);
    if (!saved) return saved.error();
    return {};
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code(), ErrorCode::conflict);
  auto stored = storage_->units().find_by_code("dinas-x");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->name, "Unit dinas-x");
  auto orphan = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto saved = tx.master_data().insert_unit(unit("orphan", "no-such-parent"));
    if (!saved) return saved.error();
    return {};
  });
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code(), ErrorCode::conflict);
}

TEST_P(MasterDataContract, UpdatingAUnitChangesEveryFieldButItsCodeAndIdAndTellsWhenThereIsNone) {
  std::int64_t id = 0;
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    if (auto saved = tx.master_data().insert_unit(unit("pemkot", "", dm::UnitType::city)); !saved) return saved.error();
    auto kecamatan = unit("kecamatan-a", "pemkot", dm::UnitType::district_office);
    if (auto saved = tx.master_data().insert_unit(kecamatan); !saved) return saved.error();
    auto saved = tx.master_data().insert_unit(unit("dinas-x", "pemkot"));
    if (!saved) return saved.error();
    id = *saved;
    return {};
  });
  ASSERT_TRUE(written.ok()) << written.error().log_detail();
  auto changed = unit("dinas-x", "kecamatan-a", dm::UnitType::service_counter);
  changed.name = "Loket Dinas X";
  changed.region_code = "";
  changed.service_hours = dm::parse_service_hours("mon-fri 08:00-12:00", "hours").value();
  changed.office_location = dm::GeoPoint{-2.95, 104.75};
  changed.time_zone = "Asia/Makassar";
  bool found = false;
  auto updated = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto done = tx.master_data().update_unit(changed);
    if (!done) return done.error();
    found = *done;
    return {};
  });
  ASSERT_TRUE(updated.ok()) << updated.error().log_detail();
  EXPECT_TRUE(found);
  auto stored = storage_->units().find_by_id(id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  changed.id = id;
  EXPECT_EQ(**stored, changed);
  auto path = storage_->units().path_to("dinas-x");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(*path, (std::vector<std::string>{"pemkot", "kecamatan-a", "dinas-x"}));

  bool missing_found = true;
  auto missing = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto done = tx.master_data().update_unit(unit("no-such-unit", "pemkot"));
    if (!done) return done.error();
    missing_found = *done;
    return {};
  });
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing_found);
  auto all = storage_->units().list({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3U) << "an update never adds a unit";
}

TEST_P(MasterDataContract, CategoriesAreInsertedOnceAndUpdatedInPlace) {
  dm::Category category;
  category.code = "reklame-liar";
  category.name_id = "Reklame liar";
  category.name_en = "Illegal billboards";
  category.default_unit_code = "pemkot";
  category.keywords = {"baliho"};
  auto written = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    if (auto saved = tx.master_data().insert_unit(unit("pemkot", "", dm::UnitType::city)); !saved) return saved.error();
    if (auto saved = tx.master_data().insert_unit(unit("satpol-pp", "pemkot")); !saved) return saved.error();
    auto saved = tx.master_data().insert_category(category);
    if (!saved) return saved.error();
    category.id = *saved;
    return {};
  });
  ASSERT_TRUE(written.ok()) << written.error().log_detail();
  auto twice = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto saved = tx.master_data().insert_category(category);
    if (!saved) return saved.error();
    return {};
  });
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code(), ErrorCode::conflict);

  category.name_id = "Reklame dan baliho liar";
  category.default_unit_code = "satpol-pp";
  category.keywords = {"baliho", "spanduk", "lampu jalan"};
  category.field_work = true;
  bool found = false;
  auto updated = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto done = tx.master_data().update_category(category);
    if (!done) return done.error();
    found = *done;
    return {};
  });
  ASSERT_TRUE(updated.ok()) << updated.error().log_detail();
  EXPECT_TRUE(found);
  auto categories = storage_->categories().list();
  ASSERT_TRUE(categories.ok());
  ASSERT_EQ(categories->size(), 1U);
  EXPECT_EQ(categories->front(), category);

  auto to_nowhere = category;
  to_nowhere.default_unit_code = "no-such-unit";
  auto refused = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto done = tx.master_data().update_category(to_nowhere);
    if (!done) return done.error();
    return {};
  });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::conflict);
  auto unknown = category;
  unknown.code = "no-such-category";
  bool unknown_found = true;
  auto none = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto done = tx.master_data().update_category(unknown);
    if (!done) return done.error();
    unknown_found = *done;
    return {};
  });
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(unknown_found);
}

SIGAP_STORAGE_CONTRACT(MasterDataContract);

}  // namespace
}  // namespace sigap::testing
