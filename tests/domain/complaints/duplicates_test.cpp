// Duplicate detection on intake: which open cases a new report probably repeats, and in what
// order. Each qualifying condition has a row on either side of its boundary.
#include "domain/complaints/duplicates.hpp"

#include <chrono>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sigap::domain::complaints {
namespace {

using namespace std::chrono_literals;
using master_data::GeoPoint;

// Jembatan Ampera, Palembang. A metre north is 1/111195 degree of latitude on the mean sphere;
// a metre east is that divided by cos(latitude).
constexpr GeoPoint kAmpera{-2.9917, 104.7632};
constexpr double kMetresPerDegree = 111195.08;
constexpr double kPi = 3.14159265358979323846;

GeoPoint north_of(GeoPoint p, double metres) { return {p.latitude + metres / kMetresPerDegree, p.longitude}; }
GeoPoint east_of(GeoPoint p, double metres) {
  return {p.latitude, p.longitude + metres / (kMetresPerDegree * std::cos(p.latitude * kPi / 180))};
}

const TimePoint kNow = std::chrono::sys_days{std::chrono::year{2025} / 7 / 14} + 9h;

const std::string kIncomingText =
    "Jalan berlubang besar di depan SD Negeri 12 Jalan Kapten Rivai, sudah dua minggu belum diperbaiki, motor "
    "sering jatuh.";

Candidate incoming() { return Candidate{0, "jalan-rusak", kAmpera, "16.71.01.1001", kNow, kIncomingText, true}; }

// An open case that repeats the incoming one on every count; rows change one thing.
Candidate same_report(std::int64_t id) {
  return Candidate{id,        "jalan-rusak",
                   kAmpera,   "16.71.01.1001",
                   kNow - 2h, "Lubang besar di Jalan Kapten Rivai depan SD Negeri 12 membahayakan pengendara motor.",
                   true};
}

struct Row {
  const char* why;
  std::function<void(Candidate&)> change;
  bool included;
};

void PrintTo(const Row& row, std::ostream* out) { *out << row.why; }

class DuplicateConditions : public ::testing::TestWithParam<Row> {};

TEST_P(DuplicateConditions, DecideWhetherACaseIsOffered) {
  const auto& row = GetParam();
  auto other = same_report(42);
  row.change(other);
  auto found = possible_duplicates(incoming(), {other}, kNow);
  if (row.included) {
    ASSERT_EQ(found.size(), 1U) << row.why;
    EXPECT_EQ(found[0].id, 42);
  } else {
    EXPECT_TRUE(found.empty()) << row.why;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, DuplicateConditions,
    ::testing::Values(
        Row{"the same place, category and story", [](Candidate&) {}, true},
        Row{"149 m north", [](Candidate& c) { c.location = north_of(kAmpera, 149); }, true},
        Row{"151 m north", [](Candidate& c) { c.location = north_of(kAmpera, 151); }, false},
        Row{"149 m east", [](Candidate& c) { c.location = east_of(kAmpera, 149); }, true},
        Row{"151 m east", [](Candidate& c) { c.location = east_of(kAmpera, 151); }, false},
        Row{"submitted 29 days ago", [](Candidate& c) { c.submitted_at = kNow - std::chrono::days{29}; }, true},
        Row{"submitted exactly 30 days ago", [](Candidate& c) { c.submitted_at = kNow - std::chrono::days{30}; }, true},
        Row{"submitted 31 days ago", [](Candidate& c) { c.submitted_at = kNow - std::chrono::days{31}; }, false},
        Row{"submitted a minute 'later' by a skewed clock", [](Candidate& c) { c.submitted_at = kNow + 1min; }, true},
        Row{"closed", [](Candidate& c) { c.open = false; }, false},
        Row{"another category", [](Candidate& c) { c.category_code = "lampu-jalan"; }, false},
        Row{"no location, the same kelurahan", [](Candidate& c) { c.location.reset(); }, true},
        Row{"no location, another kelurahan",
            [](Candidate& c) {
              c.location.reset();
              c.kelurahan_code = "16.71.01.1002";
            },
            false},
        Row{"no location and no kelurahan",
            [](Candidate& c) {
              c.location.reset();
              c.kelurahan_code.clear();
            },
            false},
        Row{"another kelurahan, but 80 m away (a street on the border)",
            [](Candidate& c) {
              c.location = north_of(kAmpera, 80);
              c.kelurahan_code = "16.71.01.1002";
            },
            true},
        Row{"another problem on the same street",
            [](Candidate& c) { c.text = "Lampu jalan di Jalan Kapten Rivai mati, gelap sekali kalau malam."; }, false},
        Row{"no words at all", [](Candidate& c) { c.text = "🙏🙏🙏"; }, false}));

TEST(PossibleDuplicates, ReportTheDistance) {
  auto other = same_report(7);
  other.location = north_of(kAmpera, 149);
  auto found = possible_duplicates(incoming(), {other}, kNow);
  ASSERT_EQ(found.size(), 1U);
  ASSERT_TRUE(found[0].distance_m.has_value());
  EXPECT_NEAR(*found[0].distance_m, 149.0, 0.5);

  other.location = east_of(kAmpera, 100);
  found = possible_duplicates(incoming(), {other}, kNow);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_NEAR(*found[0].distance_m, 100.0, 0.5);
}

TEST(PossibleDuplicates, FallBackToTheKelurahanWhenTheNewReportHasNoPin) {
  auto report = incoming();
  report.location.reset();
  auto here = same_report(1);
  auto elsewhere = same_report(2);
  elsewhere.kelurahan_code = "16.71.07.1005";
  auto found = possible_duplicates(report, {here, elsewhere}, kNow);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].id, 1);
  EXPECT_FALSE(found[0].distance_m.has_value());
}

TEST(PossibleDuplicates, NeverOfferTheCaseItself) {
  auto report = incoming();
  report.id = 9;
  auto itself = report;
  itself.submitted_at = kNow - 1min;
  EXPECT_TRUE(possible_duplicates(report, {itself}, kNow).empty());
}

// Real reports of one pothole, told by different people, and some that are not about it.
TEST(PossibleDuplicates, RankTheMostSimilarStoryFirst) {
  auto with_text = [](std::int64_t id, std::string text) {
    auto c = same_report(id);
    c.text = std::move(text);
    return c;
  };
  std::vector<Candidate> open{
      with_text(11, "Ada jalan berlubang di Kapten Rivai dekat sekolah."),
      with_text(12, "Lubang besar di Jalan Kapten Rivai depan SD Negeri 12 membahayakan pengendara motor."),
      with_text(13, "Sampah menumpuk di pinggir jalan dekat pasar, baunya menyengat."),
      with_text(14, "Jalan Kapten Rivai depan SDN 12 berlubang, sudah 2 minggu motor jatuh terus!!"),
      with_text(15, "Lampu jalan di Jalan Kapten Rivai mati, gelap sekali kalau malam."),
  };
  auto found = possible_duplicates(incoming(), open, kNow);
  ASSERT_EQ(found.size(), 3U);
  // Content words of the new report (15): jalan berlubang besar depan sd negeri 12 kapten rivai
  // dua minggu diperbaiki motor sering jatuh.
  EXPECT_EQ(found[0].id, 14);  // shares 9 of 17 words
  EXPECT_DOUBLE_EQ(found[0].score, 9.0 / 17);
  EXPECT_EQ(found[1].id, 12);  // 9 of 18
  EXPECT_DOUBLE_EQ(found[1].score, 9.0 / 18);
  EXPECT_EQ(found[2].id, 11);  // 4 of 17: short, but about the same hole
  EXPECT_DOUBLE_EQ(found[2].score, 4.0 / 17);
  // 13 (rubbish, 1 of 22) and 15 (street light, 3 of 19) share only "jalan" and the street.
  EXPECT_LT(text_similarity(kIncomingText, open[4].text), kMinTextSimilarity);
  EXPECT_DOUBLE_EQ(text_similarity(kIncomingText, open[4].text), 3.0 / 19);
}

TEST(PossibleDuplicates, ScoreWordsFoldedAheadAsTheirText) {
  auto folded = [](std::int64_t id, std::string text) {
    auto c = same_report(id);
    c.fingerprints = word_fingerprints(text);
    c.text.clear();
    return c;
  };
  auto incoming_folded = incoming();
  incoming_folded.fingerprints = word_fingerprints(incoming_folded.text);
  incoming_folded.text.clear();
  auto nearby = folded(21, "Jalan Kapten Rivai depan SDN 12 berlubang, sudah 2 minggu motor jatuh terus!!");
  auto unrelated = folded(22, "Lampu jalan di Jalan Kapten Rivai mati, gelap sekali kalau malam.");
  std::vector<const Candidate*> lent{&nearby, &unrelated};
  auto found = possible_duplicates(incoming_folded, lent, kNow);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].id, 21);
  EXPECT_DOUBLE_EQ(found[0].score, 9.0 / 17) << "the same score as from the text (RankTheMostSimilarStoryFirst)";
}

TEST(PossibleDuplicates, BreakTiesByDistanceThenByAge) {
  auto far = same_report(1);
  far.location = north_of(kAmpera, 120);
  auto near = same_report(2);
  near.location = north_of(kAmpera, 30);
  auto unpinned_old = same_report(3);
  unpinned_old.location.reset();
  unpinned_old.submitted_at = kNow - std::chrono::days{3};
  auto unpinned_new = same_report(4);
  unpinned_new.location.reset();
  unpinned_new.submitted_at = kNow - std::chrono::days{1};
  auto found = possible_duplicates(incoming(), {unpinned_old, far, unpinned_new, near}, kNow);
  ASSERT_EQ(found.size(), 4U);
  EXPECT_EQ(found[0].id, 2);
  EXPECT_EQ(found[1].id, 1);
  EXPECT_EQ(found[2].id, 4);
  EXPECT_EQ(found[3].id, 3);
}

struct FoldRow {
  std::string_view text;
  std::vector<std::string> words;
};

void PrintTo(const FoldRow& row, std::ostream* out) { *out << '"' << row.text << '"'; }

class FoldWords : public ::testing::TestWithParam<FoldRow> {};

TEST_P(FoldWords, KeepOnlyContentWords) { EXPECT_EQ(fold_words(GetParam().text), GetParam().words); }

INSTANTIATE_TEST_SUITE_P(
    Table, FoldWords,
    ::testing::Values(FoldRow{"", {}},
                      FoldRow{"Jalannya sudah rusak, tidak diperbaiki!!", {"diperbaiki", "jalan", "rusak"}},
                      FoldRow{"Mohon segera ditindaklanjuti pak 🙏🙏", {"ditindaklanjuti"}},
                      FoldRow{"Yg di depan SDN 12 dan ke arah pasar", {"12", "arah", "depan", "pasar", "sdn"}},
                      FoldRow{"Aspal RUSAK rusak Rusak", {"aspal", "rusak"}},
                      FoldRow{"lubangnya di Jalan-jalan", {"jalan", "lubang"}},
                      FoldRow{"saya mau tanya", {"mau", "tanya"}},
                      FoldRow{"RT 5 RW 03 got tersumbat", {"03", "got", "rt", "rw", "tersumbat"}},
                      FoldRow{"yang di dan ke dari ini itu sudah belum tidak ada saya kami", {}}));

TEST(TextSimilarity, IsJaccardOverContentWords) {
  EXPECT_DOUBLE_EQ(text_similarity("Got tersumbat, air meluap ke jalan", "got tersumbat air meluap jalan"), 1.0);
  EXPECT_DOUBLE_EQ(text_similarity("got tersumbat", "got mampet"), 1.0 / 3);
  EXPECT_DOUBLE_EQ(text_similarity("sudah tidak ada", "sudah tidak ada"), 0.0);  // no content words
  EXPECT_DOUBLE_EQ(text_similarity("", "jalan rusak"), 0.0);
  EXPECT_DOUBLE_EQ(text_similarity("jalan rusak", "jalan rusak"), text_similarity("rusak jalan", "jalan rusak"));
}

}  // namespace
}  // namespace sigap::domain::complaints
