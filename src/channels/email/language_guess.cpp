#include "channels/email/language_guess.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace sigap::channels::email {

namespace {

// Short, frequent words of each language that the other does not use.
constexpr std::array<std::string_view, 40> kEnglish{
    "the",   "and",    "is",    "are",  "was",    "were",  "of",    "to",    "there", "this",
    "that",  "with",   "for",   "have", "has",    "not",   "it",    "please", "my",   "our",
    "since", "street", "road",  "near", "been",   "from",  "broken", "water", "very", "they",
    "we",    "you",    "would", "could", "in",    "on",    "at",    "be",    "no",   "a"};
constexpr std::array<std::string_view, 40> kIndonesian{
    "yang",  "dan",   "di",    "ke",     "dari",  "ini",   "itu",   "tidak", "sudah", "ada",
    "jalan", "sejak", "mohon", "dengan", "untuk", "saya",  "kami",  "belum", "karena", "akan",
    "pada",  "sangat", "rusak", "air",   "depan", "warga", "bapak", "ibu",   "tolong", "segera",
    "hari",  "sekitar", "banyak", "kali", "juga", "atau",  "tapi",  "kita",  "bisa",  "lagi"};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

Language guess_language(std::string_view text) {
  int english = 0;
  int indonesian = 0;
  std::string word;
  auto count = [&] {
    if (word.empty()) return;
    if (std::find(kEnglish.begin(), kEnglish.end(), word) != kEnglish.end()) ++english;
    if (std::find(kIndonesian.begin(), kIndonesian.end(), word) != kIndonesian.end()) ++indonesian;
    word.clear();
  };
  for (char c : text) {
    if (letter(c)) {
      if (word.size() < 16) word += lower(c);
    } else {
      count();
    }
  }
  count();
  return english > indonesian && english >= 2 ? Language::en : Language::id;
}

}  // namespace sigap::channels::email
