#include "domain/conversations/language_guess.hpp"

#include <algorithm>
#include <iterator>
#include <string>

namespace sigap::domain::conversations {

namespace {

// Short, frequent words that are not also words of the other language ("air" and "di" are
// Indonesian only; "on", "in" and "a" are left out: they occur in Indonesian names and slang).
constexpr std::string_view kEnglish[] = {
    "the",    "is",     "are",    "was",    "were",    "my",      "our",    "there",   "this",     "that",
    "it",     "and",    "of",     "for",    "with",    "not",     "has",    "have",    "been",     "i",
    "we",     "you",    "please", "hello",  "hi",      "good",    "morning", "evening", "afternoon", "want",
    "report", "help",   "broken", "road",   "street",  "water",   "light",  "lights",  "flood",    "flooding",
    "trash",  "garbage", "rubbish", "near",  "since",   "days",    "still",  "no",      "yes",      "english",
    "hole",   "damaged", "problem", "complaint", "from", "here",   "thank",  "thanks"};
constexpr std::string_view kIndonesian[] = {
    "yang",   "di",      "ke",     "dan",    "ini",    "itu",     "tidak",   "tak",     "ada",     "sudah",
    "belum",  "mau",     "saya",   "kami",   "aku",    "jalan",   "air",     "rusak",   "tolong",  "selamat",
    "pagi",   "siang",   "sore",   "malam",  "halo",   "hai",     "lapor",   "aduan",   "banjir",  "sampah",
    "lampu",  "dengan",  "untuk",  "dari",   "pak",    "bu",      "min",     "kak",     "mohon",   "sejak",
    "hari",   "masih",   "ya",     "apa",     "bisa",   "depan",   "rumah",   "lubang",  "mati",    "terima",
    "kasih",  "gang",    "juga",   "karena", "sangat", "kok",     "nya",     "dong",    "gak",     "nggak",
    "assalamualaikum", "permisi"};

bool listed(std::string_view word, auto const& words) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

}  // namespace

Language guess_language(std::string_view text) {
  int english = 0;
  int indonesian = 0;
  std::string word;
  auto count = [&] {
    if (word.empty()) return;
    if (listed(word, kEnglish)) ++english;
    if (listed(word, kIndonesian)) ++indonesian;
    word.clear();
  };
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '\'') {
      if (u != '\'') word.push_back(static_cast<char>(std::tolower(u)));
    } else {
      count();
    }
  }
  count();
  return english > indonesian ? Language::en : Language::id;
}

}  // namespace sigap::domain::conversations
