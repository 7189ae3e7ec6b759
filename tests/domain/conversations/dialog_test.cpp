// The conversation engine as scripts: each row is what a citizen sends, one message after the
// other, and where the conversation must stand after each (step, action, words in the reply).
#include "domain/conversations/dialog.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::conversations {
namespace {

using namespace std::chrono_literals;

const TimePoint kStart = TimePoint{} + 24h * 20000;

Catalog test_catalog() {
  Catalog catalog;
  catalog.categories = {{"jalan-rusak", "Jalan rusak", "Damaged road"},
                        {"sampah", "Sampah tidak terangkut", "Uncollected rubbish"},
                        {"lampu-jalan", "Lampu jalan mati", "Street light out"}};
  catalog.places = {{"16.71.07.1001", "Sukarami", "Sukarami"},
                    {"16.71.09.1002", "Kalidoni", "Kalidoni"},
                    {"16.71.06.1003", "Talang Kelapa", "Alang-Alang Lebar"},
                    {"16.71.02.1004", "Seberang Ulu Satu", "Seberang Ulu I"},
                    {"16.71.02.1005", "Seberang Ulu Dua", "Seberang Ulu II"}};
  return catalog;
}

Inbound text(std::string words) { return {InboundKind::text, std::move(words)}; }
Inbound location(double latitude, double longitude) {
  Inbound in;
  in.kind = InboundKind::location;
  in.latitude = latitude;
  in.longitude = longitude;
  return in;
}
Inbound photo(std::string id) {
  Inbound in;
  in.kind = InboundKind::photo;
  in.photo = std::move(id);
  return in;
}
Inbound refused_photo() {
  Inbound in;
  in.kind = InboundKind::photo;
  in.photo_problem = Text{"Itu bukan foto.", "That is not a photo."};
  return in;
}
Inbound sticker() { return {InboundKind::unsupported, ""}; }

// One message and what must hold after it.
struct Beat {
  Inbound message;
  Step step;
  Action action = Action::none;
  std::string reply_has;          // in the last reply ("" : no check)
  std::chrono::hours later{0};    // time since the previous message
};

struct Script {
  std::string name;
  std::vector<Beat> beats;
  // What the conversation holds at the end.
  std::string category;
  std::string place_code;
  std::size_t photos = 0;
  Language language = Language::id;
};

void PrintTo(const Script& script, std::ostream* out) { *out << script.name; }

class DialogScript : public ::testing::TestWithParam<Script> {};

TEST_P(DialogScript, Table) {
  const auto& script = GetParam();
  auto catalog = test_catalog();
  Conversation conversation;
  TimePoint now = kStart;
  for (std::size_t i = 0; i < script.beats.size(); ++i) {
    const auto& beat = script.beats[i];
    now += beat.later + 1min;
    auto turn = advance(conversation, beat.message, catalog, now);
    SCOPED_TRACE("message " + std::to_string(i + 1) + ": \"" + beat.message.text + "\"");
    EXPECT_EQ(to_string(turn.conversation.step), to_string(beat.step));
    EXPECT_EQ(static_cast<int>(turn.action), static_cast<int>(beat.action));
    if (!beat.reply_has.empty()) {
      ASSERT_FALSE(turn.replies.empty());
      EXPECT_NE(turn.replies.back().text.find(beat.reply_has), std::string::npos) << turn.replies.back().text;
    }
    EXPECT_EQ(turn.conversation.updated_at, now);
    conversation = turn.conversation;
  }
  EXPECT_EQ(conversation.fields.category_code, script.category);
  EXPECT_EQ(conversation.fields.place.code, script.place_code);
  EXPECT_EQ(conversation.fields.photos.size(), script.photos);
  EXPECT_EQ(conversation.language, script.language);
}

INSTANTIATE_TEST_SUITE_P(
    Conversations, DialogScript,
    ::testing::Values(
        Script{"full_report_in_indonesian",
               {{text("Halo, selamat pagi"), Step::category, Action::none, "1. Jalan rusak"},
                {text("1"), Step::description, Action::none, "Kategori: Jalan rusak"},
                {text("Jalan berlubang besar di depan SD 12"), Step::location, Action::none, "nama kelurahannya"},
                {text("Kelurahan Sukarami"), Step::photos, Action::none, "Lokasi: Kelurahan Sukarami"},
                {photo("p1"), Step::photos, Action::none, "Foto ke-1 diterima"},
                {text("selesai"), Step::confirm, Action::none, "Balas YA"},
                {text("ya"), Step::confirm, Action::submit, ""}},
               "jalan-rusak", "16.71.07.1001", 1, Language::id},
        Script{"full_report_in_english_with_a_pin",
               {{text("Hello, I want to report something"), Step::category, Action::none, "Reply with its number"},
                {text("3. Street light out"), Step::description, Action::none, "Category: Street light out"},
                {text("The street light has been out for a week"), Step::location, Action::none, "Share the location"},
                {location(-2.9761, 104.7754), Step::photos, Action::none, "-2.97610, 104.77540"},
                {text("DONE"), Step::confirm, Action::none, "Reply YES"},
                {text("yes!"), Step::confirm, Action::submit, ""}},
               "lampu-jalan", "", 0, Language::en},
        Script{"category_by_name_and_a_wrong_number",
               {{text("halo"), Step::category},
                {text("9"), Step::category, Action::none, "nomor 1 sampai 3"},
                {text("sampah tidak terangkut"), Step::description, Action::none, "Sampah tidak terangkut"}},
               "sampah", "", 0, Language::id},
        Script{"too_short_then_long_enough",
               {{text("halo"), Step::category},
                {text("2"), Step::description},
                {text("sampah"), Step::description, Action::none, "Terlalu singkat"},
                {text("Sampah menumpuk di TPS sejak Senin"), Step::location}},
               "sampah", "", 0, Language::id},
        Script{"a_typed_kelurahan_that_needs_a_choice",
               {{text("halo"), Step::category},
                {text("1"), Step::description},
                {text("Jalan amblas dekat jembatan"), Step::location},
                {text("seberang ulu"), Step::location_choice, Action::none, "Maksud Anda"},
                {text("2"), Step::photos, Action::none, "Seberang Ulu Dua"}},
               "jalan-rusak", "16.71.02.1005", 0, Language::id},
        Script{"an_unknown_kelurahan_is_asked_again",
               {{text("halo"), Step::category},
                {text("1"), Step::description},
                {text("Jalan amblas dekat jembatan"), Step::location},
                {text("Jakarta Selatan"), Step::location, Action::none, "tidak ditemukan"},
                {text("kalidoni"), Step::photos, Action::none, "Kalidoni"}},
               "jalan-rusak", "16.71.09.1002", 0, Language::id},
        Script{"a_pin_outside_indonesia_is_refused",
               {{text("halo"), Step::category},
                {text("1"), Step::description},
                {text("Jalan amblas dekat jembatan"), Step::location},
                {location(48.85, 2.35), Step::location, Action::none, "di luar Indonesia"}},
               "jalan-rusak", "", 0, Language::id},
        Script{"five_photos_go_on_to_the_confirmation",
               {{text("halo"), Step::category},
                {text("1"), Step::description},
                {text("Jalan amblas dekat jembatan"), Step::location},
                {text("Talang Kelapa"), Step::photos},
                {photo("a"), Step::photos},
                {refused_photo(), Step::photos, Action::none, "Itu bukan foto."},
                {photo("b"), Step::photos},
                {photo("c"), Step::photos},
                {photo("d"), Step::photos},
                {photo("e"), Step::confirm, Action::none, "Foto: 5"}},
               "jalan-rusak", "16.71.06.1003", 5, Language::id},
        Script{"quick_report_naming_its_kelurahan_is_filed_at_once",
               {{text("LAPOR lampu jalan mati di depan pasar Kalidoni"), Step::confirm, Action::submit, ""}},
               "", "16.71.09.1002", 0, Language::id},
        Script{"quick_report_asks_for_the_kelurahan",
               {{text("lapor sampah menumpuk di pinggir jalan"), Step::location, Action::none, "Di kelurahan mana"},
                {text("Sukarami"), Step::confirm, Action::submit, ""}},
               "", "16.71.07.1001", 0, Language::id},
        Script{"quick_report_in_english",
               {{text("REPORT the road near my house is broken"), Step::location, Action::none, "In which kelurahan"}},
               "", "", 0, Language::en},
        Script{"check_a_code_in_the_middle_keeps_the_step",
               {{text("halo"), Step::category},
                {text("1"), Step::description},
                {text("cek SGP-7KX3-QM2D"), Step::description, Action::track, ""},
                {text("CEK"), Step::description, Action::none, "CEK SGP-7KX3-QM2D"}},
               "jalan-rusak", "", 0, Language::id},
        Script{"cancel_drops_everything",
               {{text("halo"), Step::category},
                {text("1"), Step::description},
                {text("batal"), Step::start, Action::none, "Dibatalkan"}},
               "", "", 0, Language::id},
        Script{"idle_for_a_day_starts_over_politely",
               {{text("halo"), Step::category},
                {text("1"), Step::description},
                {text("Jalan berlubang di depan sekolah"), Step::category, Action::none, "1. Jalan rusak",
                 std::chrono::hours(25)}},
               "", "", 0, Language::id},
        Script{"a_sticker_is_not_understood",
               {{sticker(), Step::category, Action::none, "1. Jalan rusak"},
                {text("1"), Step::description},
                {sticker(), Step::description, Action::none, "Ceritakan"}},
               "jalan-rusak", "", 0, Language::id},
        Script{"switching_to_english_mid_way",
               {{text("halo"), Step::category},
                {text("1"), Step::description},
                {text("english"), Step::description, Action::none, "Now tell us what happened"}},
               "jalan-rusak", "", 0, Language::en},
        Script{"confirmation_waits_for_yes",
               {{text("halo"), Step::category},
                {text("2"), Step::description},
                {text("Sampah menumpuk di TPS sejak Senin"), Step::location},
                {text("Sukarami"), Step::photos},
                {text("tidak ada"), Step::confirm},
                {text("hmm"), Step::confirm, Action::none, "Balas YA"},
                {text("YA"), Step::confirm, Action::submit}},
               "sampah", "16.71.07.1001", 0, Language::id},
        Script{"a_photo_before_its_step_is_kept",
               {{text("halo"), Step::category},
                {text("1"), Step::description},
                {photo("early"), Step::description, Action::none, "Ceritakan"}},
               "jalan-rusak", "", 1, Language::id}));

TEST(Dialog, TheExpiryNoteComesFirst) {
  auto catalog = test_catalog();
  auto first = advance({}, text("halo"), catalog, kStart);
  auto second = advance(first.conversation, text("1"), catalog, kStart + 1min);
  auto late = advance(second.conversation, text("halo lagi"), catalog, kStart + 1min + kIdleLimit);
  ASSERT_EQ(late.replies.size(), 2U);
  EXPECT_NE(late.replies[0].text.find("24 jam"), std::string::npos);
  EXPECT_EQ(late.conversation.fields.category_code, "");
  EXPECT_EQ(late.conversation.started_at, kStart + 1min + kIdleLimit);
}

TEST(Dialog, ChoicesAreOfferedAsButtons) {
  auto catalog = test_catalog();
  auto turn = advance({}, text("halo"), catalog, kStart);
  ASSERT_EQ(turn.replies.size(), 1U);
  EXPECT_EQ(turn.replies[0].choices, (std::vector<std::string>{"1. Jalan rusak", "2. Sampah tidak terangkut",
                                                                "3. Lampu jalan mati"}));
}

TEST(Dialog, SubmittedGivesTheCodeAndStartsOver) {
  Conversation conversation;
  conversation.step = Step::confirm;
  conversation.language = Language::en;
  conversation.fields.description = "Something happened here";
  auto turn = submitted(conversation, "SGP-7KX3-QM2D", "https://sigap.test/lacak/SGP-7KX3-QM2D", kStart);
  EXPECT_EQ(turn.conversation.step, Step::start);
  EXPECT_EQ(turn.conversation.fields, Collected{});
  EXPECT_EQ(turn.conversation.language, Language::en);
  ASSERT_EQ(turn.replies.size(), 1U);
  EXPECT_NE(turn.replies[0].text.find("SGP-7KX3-QM2D"), std::string::npos);
  EXPECT_NE(turn.replies[0].text.find("https://sigap.test/lacak/SGP-7KX3-QM2D"), std::string::npos);
}

TEST(Dialog, ARefusedDescriptionIsAskedAgain) {
  Conversation conversation;
  conversation.step = Step::confirm;
  auto turn = submit_failed(conversation, Text{"Uraian berisi karakter kendali.", "Control characters."}, true, kStart);
  EXPECT_EQ(turn.conversation.step, Step::description);
  EXPECT_NE(turn.replies.at(0).text.find("Uraian berisi karakter kendali."), std::string::npos);
  auto other = submit_failed(conversation, Text{"Kategori tidak dikenal.", "Unknown category."}, false, kStart);
  EXPECT_EQ(other.conversation.step, Step::confirm);
}

TEST(Dialog, TrackAnswersInBothLanguages) {
  TrackFacts facts{"SGP-7KX3-QM2D", Text{"Sedang ditangani", "In progress"}, "Dinas PUPR", "7 Oktober 2026"};
  EXPECT_EQ(track_answer(Language::id, facts).text,
            "Aduan SGP-7KX3-QM2D: Sedang ditangani. Ditangani oleh Dinas PUPR. Perubahan terakhir: 7 Oktober 2026.");
  EXPECT_NE(track_answer(Language::en, facts).text.find("In progress"), std::string::npos);
  EXPECT_NE(track_typo(Language::id, "SGP-7KX3-QM2E").text.find("salah ketik"), std::string::npos);
  EXPECT_NE(track_not_found(Language::en, "SGP-0000-0000").text.find("no report"), std::string::npos);
}

}  // namespace
}  // namespace sigap::domain::conversations
