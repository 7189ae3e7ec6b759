// The text chores of the e-mail door as case tables: HTML reduced to text, quoted replies and
// signatures trimmed, the public code found in a subject, the language guessed.
#include <gtest/gtest.h>

#include "channels/email/html_to_text.hpp"
#include "channels/email/language_guess.hpp"
#include "channels/email/mail_text.hpp"
#include "channels/email/quote_trim.hpp"
#include "channels/email/subject_code.hpp"
#include "domain/complaints/public_code.hpp"

namespace sigap::channels::email {
namespace {

struct Case {
  std::string_view name;
  std::string_view input;
  std::string_view expected;
};

TEST(HtmlToText, ReducesMailHtmlToTheTextAPersonReads) {
  const Case cases[] = {
      {"plain words", "Jalan rusak", "Jalan rusak"},
      {"tags dropped, spaces collapsed", "<p>Jalan   <b>rusak</b>\n parah</p>", "Jalan rusak parah"},
      {"br breaks a line", "Baris satu<br>Baris dua<br/>Baris tiga", "Baris satu\nBaris dua\nBaris tiga"},
      {"paragraphs get one blank line", "<p>Satu</p><p>Dua</p>", "Satu\n\nDua"},
      {"divs break lines", "<div>Satu</div><div>Dua</div>", "Satu\nDua"},
      {"named entities", "Tom &amp; Jerry &lt;3 &quot;x&quot; &apos;y&apos;", "Tom & Jerry <3 \"x\" 'y'"},
      {"nbsp is a space", "a&nbsp;b", "a b"},
      {"numeric entities", "&#65;&#x42;&#x1F600;", "AB\U0001F600"},
      {"a number that is no character", "x&#0;y&#xD800;z&#99999999;", "x\uFFFDy\uFFFDz\uFFFD"},
      {"an unknown entity stays", "a &foo; b & c", "a &foo; b & c"},
      {"style, script, head and comments go",
       "<html><head><title>T</title><style>p{color:red}</style></head><body><!-- x --><script>alert(1)</script>"
       "Isi</body></html>",
       "Isi"},
      {"skipped element closed in upper case", "<SCRIPT>bad()</SCRIPT>Baik", "Baik"},
      {"list items", "<ul><li>Satu</li><li>Dua</li></ul>", "- Satu\n- Dua"},
      {"table cells apart", "<table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr></table>", "A B\nC"},
      {"pre keeps its lines", "<pre>a  b\n c</pre>", "a  b\n c"},
      {"a blockquote is quoted", "Balasan saya<blockquote>Pesan lama<br>baris 2</blockquote>",
       "Balasan saya\n> Pesan lama\n> baris 2"},
      {"attributes with > in quotes", "<a href=\"x>y\" title='a>b'>tautan</a>", "tautan"},
      {"a lone < is text", "1 < 2 dan 3 > 2", "1 < 2 dan 3 > 2"},
      {"an unclosed tag at the end", "teks <b", "teks"},
      {"doctype", "<!DOCTYPE html><p>Hai</p>", "Hai"},
      {"empty", "", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(html_to_text(c.input), c.expected) << c.name;
}

TEST(QuoteTrim, KeepsTheNewTextOfAReply) {
  const Case cases[] = {
      {"nothing to trim", "Air sudah surut.\nTerima kasih.", "Air sudah surut.\nTerima kasih."},
      {"quoted lines", "Sudah diperbaiki?\n> Aduan Anda diterima\n> Kode SGP", "Sudah diperbaiki?"},
      {"English attribution", "Still broken.\n\nOn Mon, 3 Mar 2026 at 10:00, Sigap <aduan@palembang.go.id> wrote:\n> old",
       "Still broken."},
      {"Indonesian attribution", "Masih rusak.\nPada Sen, 3 Mar 2026 10.00, Sigap <aduan@x.id> menulis:\n> lama",
       "Masih rusak."},
      {"attribution wrapped over two lines", "Masih rusak.\nOn Mon, 3 Mar 2026 at 10:00, Sigap Kota Palembang\n<aduan@palembang.go.id> wrote:\n\n> lama",
       "Masih rusak."},
      {"signature separator", "Lampu mati.\n-- \nBudi\n0812", "Lampu mati."},
      {"signature separator without the space", "Lampu mati.\n--\nBudi", "Lampu mati."},
      {"Outlook original message", "Ok.\n-----Original Message-----\nFrom: x", "Ok."},
      {"Indonesian original message", "Ok.\n-----Pesan Asli-----\nDari: x", "Ok."},
      {"a sentence starting with Pada is kept", "Pada hari Senin jalan banjir.\nTolong dibantu.",
       "Pada hari Senin jalan banjir.\nTolong dibantu."},
      {"an all-quoted mail is empty", "> a\n> b", ""},
      {"CRLF lines", "Baik.\r\n> lama\r\n", "Baik."},
      {"blank lines tidied", "\n\nSatu\n\n\n\nDua\n\n", "Satu\n\nDua"},
  };
  for (const auto& c : cases) EXPECT_EQ(trim_quoted_reply(c.input), c.expected) << c.name;
}

TEST(SubjectCode, FindsAValidCodeAndPassesOverLookAlikes) {
  auto code = domain::complaints::format_public_code("7KX3QM2");  // a valid one, check symbol included
  auto wrong_check = code.substr(0, code.size() - 1) + (code.back() == '0' ? '1' : '0');
  auto compact = code.substr(0, 3) + code.substr(4, 4) + code.substr(9);
  auto lower_case = code;
  for (auto& c : lower_case) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  struct Row {
    std::string name;
    std::string subject;
    std::optional<std::string> expected;
  };
  const Row rows[] = {
      {"in brackets after Re:", "Re: [" + code + "] Jalan berlubang", code},
      {"in the received notice's subject", "Re: Aduan " + code + " telah diterima", code},
      {"alone", code, code},
      {"without dashes", "Re: " + compact, code},
      {"lower case", "re: " + lower_case, code},
      {"with spaces", "Re: SGP " + code.substr(4, 4) + " " + code.substr(9), code},
      {"a wrong check symbol is not a code", "Re: [" + wrong_check + "] Jalan", std::nullopt},
      {"the valid one after a look-alike", "Re: " + wrong_check + " / " + code, code},
      {"glued to a word", "XSGP-" + code.substr(4), std::nullopt},
      {"followed by more symbols", code + "7", std::nullopt},
      {"no code", "Jalan rusak di Ilir Barat", std::nullopt},
      {"too short", "SGP-7KX3", std::nullopt},
      {"empty", "", std::nullopt},
  };
  for (const auto& row : rows) EXPECT_EQ(find_public_code(row.subject), row.expected) << row.name;
}

TEST(LanguageGuess, EnglishOnlyWhenTheTextIsClearlyEnglish) {
  struct Row {
    std::string_view text;
    Language expected;
  };
  const Row rows[] = {
      {"Jalan di depan rumah saya rusak dan berlubang sejak minggu lalu", Language::id},
      {"The road in front of my house has been broken since last week", Language::en},
      {"There is no water in our street", Language::en},
      {"Lampu jalan mati", Language::id},
      {"OK", Language::id},
      {"", Language::id},
  };
  for (const auto& row : rows) EXPECT_EQ(guess_language(row.text), row.expected) << row.text;
}

TEST(MailText, ValidUtf8AndTidyLines) {
  EXPECT_EQ(to_valid_utf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(to_valid_utf8("caf\xE9!"), "caf\uFFFD!");
  EXPECT_EQ(to_valid_utf8("\xC0\xAF"), "\uFFFD\uFFFD") << "overlong";
  EXPECT_EQ(to_valid_utf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD") << "a surrogate";
  EXPECT_EQ(to_valid_utf8("\xF0\x9F\x98"), "\uFFFD\uFFFD\uFFFD") << "cut short";
  EXPECT_EQ(plain_lines("a\r\nb\rc\x01\td\x7F"), "a\nb\nc\td");
  EXPECT_EQ(tidy_lines("  a  \n\n\n b\t\n\n"), "  a\n\n b");
  EXPECT_EQ(cut_utf8("h\xC3\xA9llo", 2), "h\xC3\xA9");
  EXPECT_EQ(cut_utf8("abc", 10), "abc");
}

}  // namespace
}  // namespace sigap::channels::email
