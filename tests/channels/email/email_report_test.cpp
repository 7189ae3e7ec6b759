// Reading real-looking mail with GMime: which part is the text, charsets to UTF-8, HTML-only
// mail, image attachments decoded, automatic mail recognised, and garbage refused.
#include "channels/email/email_report.hpp"

#include <gtest/gtest.h>

#include "notify/smtp_email_sender.hpp"

namespace sigap::channels::email {
namespace {

TEST(ReadEmail, APlainMessageGivesSenderSubjectTextAndMessageId) {
  auto report = read_email(
      "From: \"Budi Santoso\" <budi@example.com>\r\n"
      "To: aduan@palembang.go.id\r\n"
      "Subject: Jalan berlubang\r\n"
      "Message-ID: <abc.123@example.com>\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "\r\n"
      "Jalan di depan SD 12 berlubang besar.\r\n"
      "\r\n"
      "-- \r\n"
      "Budi\r\n");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->from_address, "budi@example.com");
  EXPECT_EQ(report->from_name, "Budi Santoso");
  EXPECT_EQ(report->subject, "Jalan berlubang");
  EXPECT_EQ(report->message_id, "abc.123@example.com");
  EXPECT_EQ(report->body, "Jalan di depan SD 12 berlubang besar.\n\n--\nBudi") << "quotes are trimmed later";
  EXPECT_FALSE(report->body_from_html);
  EXPECT_FALSE(report->automatic);
  EXPECT_TRUE(report->images.empty());
}

TEST(ReadEmail, CharsetsAndEncodedWordsBecomeUtf8) {
  // ISO-8859-1 quoted-printable body, an RFC 2047 subject in ISO-8859-1 and a name in UTF-8 base64.
  auto report = read_email(
      "From: =?UTF-8?B?U2l0aSBOdXJoYWxpemHDqA==?= <siti@example.com>\n"
      "Subject: =?ISO-8859-1?Q?Caf=E9_tutup_jalan?=\n"
      "MIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=ISO-8859-1\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "Kaf=E9 di pojok menutup trotoar sejak pagi.\n");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->subject, "Caf\u00E9 tutup jalan");
  EXPECT_EQ(report->from_name, "Siti Nurhaliza\u00E8");
  EXPECT_EQ(report->body, "Kaf\u00E9 di pojok menutup trotoar sejak pagi.");
}

TEST(ReadEmail, AWindows1252BodyAndAnUnlabelledLatin1Body) {
  auto labelled = read_email(
      "From: a@example.com\nSubject: x\nContent-Type: text/plain; charset=windows-1252\n"
      "Content-Transfer-Encoding: 8bit\n\n\x93" "Banjir\x94 \x96 setinggi lutut\n");
  ASSERT_TRUE(labelled.ok());
  EXPECT_EQ(labelled->body, "\u201CBanjir\u201D \u2013 setinggi lutut");
  auto unlabelled = read_email("From: a@example.com\nSubject: x\n\nKaf\xE9 tutup\n");
  ASSERT_TRUE(unlabelled.ok());
  EXPECT_EQ(unlabelled->body, "Kaf\u00E9 tutup") << "no charset and not UTF-8: read as Latin-1";
}

TEST(ReadEmail, TheTextPartOfAnAlternativeIsPreferredOverItsHtml) {
  auto report = read_email(
      "From: a@example.com\nSubject: x\nMIME-Version: 1.0\n"
      "Content-Type: multipart/alternative; boundary=\"b1\"\n\n"
      "--b1\nContent-Type: text/html; charset=utf-8\n\n<p>Versi <b>HTML</b></p>\n"
      "--b1\nContent-Type: text/plain; charset=utf-8\n\nVersi teks\n"
      "--b1--\n");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->body, "Versi teks");
  EXPECT_FALSE(report->body_from_html);
}

TEST(ReadEmail, HtmlOnlyMailIsReducedToText) {
  auto report = read_email(
      "From: a@example.com\nSubject: x\nMIME-Version: 1.0\n"
      "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
      "<html><head><style>p{}</style></head><body><p>Sampah menumpuk di Jl. Merdeka &amp; =\n"
      "Jl. Sudirman.</p><p>Mohon segera diangkut.</p></body></html>\n");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->body, "Sampah menumpuk di Jl. Merdeka & Jl. Sudirman.\n\nMohon segera diangkut.");
  EXPECT_TRUE(report->body_from_html);
}

TEST(ReadEmail, ImagesAreDecodedAndOtherAttachmentsLeftAlone) {
  std::string jpeg = "\xFF\xD8\xFF\xE0 not really a jpeg";
  std::string png = "\x89PNG\r\n\x1A\n fake";
  auto report = read_email(
      "From: a@example.com\nSubject: x\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
      "--outer\nContent-Type: text/plain; charset=utf-8\n\nLihat foto.\n"
      "--outer\nContent-Type: image/jpeg; name=\"a.jpg\"\nContent-Disposition: attachment; filename=\"a.jpg\"\n"
      "Content-Transfer-Encoding: base64\n\n" + notify::base64(jpeg, true) +
      "--outer\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"B.PNG\"\n"
      "Content-Transfer-Encoding: base64\n\n" + notify::base64(png, true) +
      "--outer\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"surat.pdf\"\n\n%PDF-1.4\n"
      "--outer\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"catatan.txt\"\n\nbukan isi\n"
      "--outer--\n");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->body, "Lihat foto.") << "a text attachment is not the body";
  ASSERT_EQ(report->images.size(), 2U);
  EXPECT_EQ(report->images[0].content_type, "image/jpeg");
  EXPECT_EQ(report->images[0].bytes, jpeg);
  EXPECT_EQ(report->images[1].content_type, "application/octet-stream");
  EXPECT_EQ(report->images[1].bytes, png);
}

TEST(ReadEmail, AutomaticMailIsRecognised) {
  for (const auto* header : {"Auto-Submitted: auto-replied", "Precedence: bulk", "X-Autoreply: yes",
                             "List-Id: <warga.lists.example.com>"}) {
    auto report = read_email(std::string("From: a@example.com\nSubject: Out of office\n") + header + "\n\nSaya cuti.\n");
    ASSERT_TRUE(report.ok()) << header;
    EXPECT_TRUE(report->automatic) << header;
  }
  auto person = read_email("From: a@example.com\nSubject: x\nAuto-Submitted: no\n\nHalo\n");
  ASSERT_TRUE(person.ok());
  EXPECT_FALSE(person->automatic);
}

TEST(ReadEmail, GarbageNeverCrashesAndTheEmptyMessageIsRefused) {
  EXPECT_FALSE(read_email("").ok());
  for (std::string garbage : {std::string("\0\0\0\xFF\xFE", 5), std::string("no headers at all"),
                              std::string("Content-Type: multipart/mixed; boundary=x\n\n--x\n--x\n--x"),
                              std::string(10000, '\n'), std::string("Subject: =?utf-8?B?////?=\n\n")}) {
    auto report = read_email(garbage);
    if (report) {
      EXPECT_TRUE(report->images.empty());
    }
  }
}

}  // namespace
}  // namespace sigap::channels::email
