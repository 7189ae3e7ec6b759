// Category suggestions: real Indonesian complaints against Palembang's categories
// (data/palembang/categories.csv), and the matching rules on small made-up categories.
#include "domain/complaints/category_suggestion.hpp"

#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "common/csv.hpp"

namespace sigap::domain::complaints {
namespace {

using master_data::Category;

// The categories as the demo data defines them: code,name_id,name_en,default_unit_code,keywords,...
std::vector<Category> palembang_categories() {
  std::ifstream file(std::string(SIGAP_SOURCE_DIR) + "/data/palembang/categories.csv");
  std::stringstream text;
  text << file.rdbuf();
  auto rows = csv::parse(text.str());
  EXPECT_TRUE(rows.ok());
  std::vector<Category> categories;
  if (!rows.ok()) return categories;
  for (std::size_t i = 1; i < rows->size(); ++i) {  // row 0 is the header
    const auto& row = (*rows)[i];
    Category category;
    category.code = row.at(0);
    std::string_view keywords = row.at(4);
    while (!keywords.empty()) {
      auto bar = keywords.find('|');
      category.keywords.emplace_back(keywords.substr(0, bar));
      keywords = bar == std::string_view::npos ? std::string_view() : keywords.substr(bar + 1);
    }
    categories.push_back(std::move(category));
  }
  return categories;
}

const std::vector<Category>& palembang() {
  static const auto categories = palembang_categories();
  return categories;
}

Category category(std::string code, std::vector<std::string> keywords) {
  Category made;
  made.code = std::move(code);
  made.keywords = std::move(keywords);
  return made;
}

struct SuggestCase {
  std::string_view description;
  std::optional<std::string_view> code;  // nullopt: no suggestion
  std::vector<std::string> matched = {};
};

void PrintTo(const SuggestCase& row, std::ostream* out) {
  *out << '"' << row.description << "\" -> " << (row.code ? *row.code : "none");
}

class SuggestPalembang : public ::testing::TestWithParam<SuggestCase> {};

TEST_P(SuggestPalembang, PicksTheCategoryTheWordsPointTo) {
  ASSERT_EQ(palembang().size(), 24U) << "data/palembang/categories.csv changed; review this table";
  const auto& row = GetParam();
  auto suggestion = suggest_category(row.description, palembang());
  if (!row.code) {
    EXPECT_FALSE(suggestion.has_value()) << suggestion->category_code;
    return;
  }
  ASSERT_TRUE(suggestion.has_value());
  EXPECT_EQ(suggestion->category_code, *row.code);
  if (!row.matched.empty()) {
    EXPECT_EQ(suggestion->matched_keywords, row.matched);
  }
}

INSTANTIATE_TEST_SUITE_P(
    RealComplaints, SuggestPalembang,
    ::testing::Values(
        SuggestCase{"Jalan di depan rumah saya berlubang besar", "jalan-rusak", {"jalan", "berlubang"}},
        SuggestCase{"Sampah di TPS belum diangkut 3 hari", "sampah", {"sampah", "tps", "angkut"}},
        SuggestCase{"Lampu PJU mati sejak minggu lalu", "lampu-jalan", {"pju"}},
        SuggestCase{"air PDAM keruh", "air-bersih", {"air", "pdam", "keruh"}},
        SuggestCase{
            "Lampu jalan di Jl. Sudirman mati, gelap sekali kalau malam", "lampu-jalan", {"lampu jalan", "gelap"}},
        SuggestCase{"Got di depan rumah tersumbat, kalau hujan langsung banjir",
                    "banjir-drainase",
                    {"got", "tersumbat", "banjir"}},
        SuggestCase{
            "Kebanjiran lagi pak, drainase di gang kami tidak berfungsi", "banjir-drainase", {"banjir", "drainase"}},
        SuggestCase{"Pohon besar tumbang menutup jalan di Demang Lebar Daun", "pohon-taman", {"pohon", "tumbang"}},
        SuggestCase{"Jalanannya rusak parah, aspalnya mengelupas", "jalan-rusak", {"jalan", "rusak", "aspal"}},
        SuggestCase{"Sampahnya menumpuk di pinggir jalan, baunya menyengat", "sampah", {"sampah", "bau"}},
        SuggestCase{"Parkir liar di depan pasar bikin macet tiap sore", "lalu-lintas-parkir", {"parkir", "macet"}},
        SuggestCase{"Juru parkir minta uang dua kali", "lalu-lintas-parkir", {"juru parkir"}},
        SuggestCase{"Blangko e-KTP habis terus di kecamatan", "adminduk", {"blangko", "e-ktp"}},
        SuggestCase{"Anak saya tidak diterima di sekolah negeri karena zonasi PPDB",
                    "pendidikan",
                    {"sekolah", "zonasi", "ppdb"}},
        SuggestCase{
            "Banyak jentik nyamuk di selokan, mohon fogging", "demam-berdarah", {"jentik", "nyamuk", "fogging"}},
        SuggestCase{"Ada pungli waktu mengurus surat pindah di kelurahan", "pelayanan-pegawai", {"pungli"}},
        SuggestCase{
            "PKL berjualan di trotoar sampai pejalan kaki turun ke jalan", "ketertiban-umum", {"pkl", "trotoar"}},
        SuggestCase{"Hidran di depan pasar 16 Ilir tidak berfungsi, APAR juga kosong",
                    "kebakaran-penyelamatan",
                    {"hidran", "apar"}},
        SuggestCase{
            "Nama saya tidak terdaftar di DTKS padahal layak dapat bansos", "bantuan-sosial", {"dtks", "bansos"}},
        SuggestCase{"Tagihan PBB tahun ini naik dua kali lipat", "pajak-daerah", {"pbb"}},
        SuggestCase{
            "Airnya mati sudah tiga hari, pipa bocor di ujung gang", "air-bersih", {"air mati", "pipa", "bocor"}},
        SuggestCase{"JALAN BERLUBANG!!! 😡😡 tolong diperbaiki", "jalan-rusak", {"jalan", "berlubang"}},
        // "pasaran" counts for "pasar": affixed forms of a keyword count (see the header).
        SuggestCase{"Harga pasaran cabai naik terus", "pasar", {"pasar"}},
        // Keywords are crude: a courtesy can trip one, and staff correct the suggestion.
        SuggestCase{"Terima kasih atas bantuannya kemarin", "bantuan-sosial", {"bantuan"}},
        // Whole words: "pasir" and "perairan" hold "air" but do not mean it.
        SuggestCase{"Pasir di halaman sekolah", "pendidikan", {"sekolah"}},
        SuggestCase{"Pasir menumpuk di perairan dekat dermaga", std::nullopt},
        // Nothing to go on.
        SuggestCase{"Mohon ditindaklanjuti secepatnya", std::nullopt}, SuggestCase{"", std::nullopt},
        SuggestCase{"!!! ??? 😡", std::nullopt}));

// ---------------------------------------------------------------------------------------------
// The rules, on small made-up categories

TEST(SuggestCategory, TiesGoToTheCategoryListedFirst) {
  std::vector<Category> categories{category("a", {"lampu"}), category("b", {"kabel"})};
  EXPECT_EQ(suggest_category("kabel dan lampu", categories)->category_code, "a");
  std::vector<Category> reversed{categories[1], categories[0]};
  EXPECT_EQ(suggest_category("kabel dan lampu", reversed)->category_code, "b");
}

TEST(SuggestCategory, MoreDistinctKeywordsWin) {
  std::vector<Category> categories{category("a", {"sampah"}), category("b", {"jalan", "rusak"})};
  auto suggestion = suggest_category("sampah sampah sampah, jalan rusak", categories);
  ASSERT_TRUE(suggestion);
  EXPECT_EQ(suggestion->category_code, "b") << "a word repeated counts once";
  EXPECT_EQ(suggestion->matched_keywords, (std::vector<std::string>{"jalan", "rusak"}));
}

TEST(SuggestCategory, TheLongestKeywordTakesTheWords) {
  std::vector<Category> categories{category("jalan", {"jalan"}), category("lampu", {"lampu jalan"})};
  auto suggestion = suggest_category("lampu jalan mati", categories);
  ASSERT_TRUE(suggestion);
  EXPECT_EQ(suggestion->category_code, "lampu");
  // Outside the phrase the short keyword still counts.
  EXPECT_EQ(suggest_category("lampu di jalan mati", categories)->category_code, "jalan");
}

TEST(SuggestCategory, TheExactWordCountsOverItsAffixedForm) {
  std::vector<Category> categories{category("jalan-rusak", {"lubang", "berlubang"}),
                                   category("lain", {"jalan", "besar"})};
  auto suggestion = suggest_category("jalan besar berlubang", categories);
  ASSERT_TRUE(suggestion);
  EXPECT_EQ(suggestion->category_code, "lain") << "berlubang scores once, not as lubang too";
  EXPECT_EQ(suggest_category("berlubang", categories)->matched_keywords, (std::vector<std::string>{"berlubang"}));
}

TEST(SuggestCategory, MatchesWholeWordsWithIndonesianAffixesOnly) {
  std::vector<Category> categories{category("air", {"air"}), category("pasar", {"pasar"}),
                                   category("angkut", {"angkut"})};
  auto code = [&](std::string_view text) {
    auto suggestion = suggest_category(text, categories);
    return suggestion ? suggestion->category_code : std::string("none");
  };
  EXPECT_EQ(code("air"), "air");
  EXPECT_EQ(code("airnya"), "air");
  EXPECT_EQ(code("pasir"), "none");
  EXPECT_EQ(code("perairan"), "none") << "short keywords take only -nya";
  EXPECT_EQ(code("airan"), "none");
  EXPECT_EQ(code("pasar"), "pasar");
  EXPECT_EQ(code("pasarnya"), "pasar");
  EXPECT_EQ(code("pasaran"), "pasar");
  EXPECT_EQ(code("sepasar"), "pasar");
  EXPECT_EQ(code("pasarpasar"), "none");
  EXPECT_EQ(code("supermarketpasar"), "none");
  EXPECT_EQ(code("diangkut"), "angkut");
  EXPECT_EQ(code("terangkut"), "angkut");
  EXPECT_EQ(code("diangkutnya"), "angkut");
  EXPECT_EQ(code("pengangkutan"), "none") << "nasal prefixes are not undone";
  EXPECT_EQ(code("angkutan"), "angkut");
  EXPECT_EQ(code("angkot"), "none");
}

TEST(SuggestCategory, FoldsCaseAndPunctuation) {
  std::vector<Category> categories{category("drainase", {"gorong-gorong"}), category("lain", {"gorong"})};
  EXPECT_EQ(suggest_category("GORONG-GORONG tersumbat!", categories)->category_code, "drainase");
  EXPECT_EQ(suggest_category("gorong gorong", categories)->category_code, "drainase");
  EXPECT_EQ(suggest_category("gorong, gorong", categories)->category_code, "drainase")
      << "punctuation separates words, it does not end a phrase";
}

TEST(SuggestCategory, ReportsMatchedKeywordsAsWrittenInOrderOfAppearance) {
  std::vector<Category> categories{category("adminduk", {"KTP", "kartu keluarga", "akta"})};
  auto suggestion = suggest_category("Akta lahir dan Kartu-Keluarga belum jadi, KTP juga; akta lagi", categories);
  ASSERT_TRUE(suggestion);
  EXPECT_EQ(suggestion->matched_keywords, (std::vector<std::string>{"akta", "kartu keluarga", "KTP"}));
}

TEST(SuggestCategory, NothingToSuggest) {
  std::vector<Category> categories{category("lainnya", {}), category("jalan", {"jalan"})};
  EXPECT_FALSE(suggest_category("jalan", {}).has_value());
  EXPECT_FALSE(suggest_category("", categories).has_value());
  EXPECT_FALSE(suggest_category("tidak ada kata kunci", categories).has_value());
  std::vector<Category> only_empty{category("lainnya", {}), category("kosong", {"", " - "})};
  EXPECT_FALSE(suggest_category("apa saja", only_empty).has_value());
}

TEST(SuggestCategory, HandlesTheLongestDescription) {
  std::string text;
  while (text.size() < 5000) text += "jalan di depan rumah berlubang, lampu jalan mati, sampah menumpuk. ";
  auto suggestion = suggest_category(text, palembang());
  ASSERT_TRUE(suggestion);
  EXPECT_EQ(suggestion->category_code, "jalan-rusak");
}

}  // namespace
}  // namespace sigap::domain::complaints
