// multipart/form-data as complaint intake receives it: the boundary from Content-Type, well-formed
// forms as tables, broken ones as tables, and truncated uploads that must never yield parts.
#include "http/multipart.hpp"

#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sigap::http {
namespace {

using namespace std::string_literals;

constexpr std::size_t kMiB = 1024 * 1024;
const std::string kBoundary = "----SigapFormBoundary7MA4YWxkTrZu0gW";

std::string content_type_for(const std::string& boundary = kBoundary) {
  return "multipart/form-data; boundary=" + boundary;
}

// One part: the delimiter line, `headers` (lines joined with CRLF), a blank line, the content.
std::string part(const std::string& headers, const std::string& content, const std::string& boundary = kBoundary) {
  return "--" + boundary + "\r\n" + headers + "\r\n\r\n" + content + "\r\n";
}

std::string field(const std::string& name, const std::string& value, const std::string& boundary = kBoundary) {
  return part("Content-Disposition: form-data; name=\"" + name + "\"", value, boundary);
}

std::string file(const std::string& filename, const std::string& type, const std::string& content,
                 const std::string& boundary = kBoundary) {
  return part("Content-Disposition: form-data; name=\"photos\"; filename=\"" + filename + "\"\r\nContent-Type: " + type,
              content, boundary);
}

std::string closing(const std::string& boundary = kBoundary) { return "--" + boundary + "--\r\n"; }

FormPart text_part(std::string name, std::string value) {
  return FormPart{std::move(name), std::nullopt, "text/plain", std::move(value)};
}

FormPart file_part(std::string filename, std::string type, std::string content) {
  return FormPart{"photos", std::move(filename), std::move(type), std::move(content)};
}

// Parses `body` with the boundary that `content_type` names.
Result<std::vector<FormPart>> parse(const std::string& content_type, std::string_view body,
                                    const MultipartLimits& limits = {}) {
  auto boundary = multipart_boundary(content_type);
  if (!boundary) return Error(ErrorCode::internal, Text{"", "the test's Content-Type names no boundary"});
  return parse_multipart(body, *boundary, limits);
}

void expect_parts(const std::vector<FormPart>& actual, const std::vector<FormPart>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    SCOPED_TRACE("part " + std::to_string(i));
    EXPECT_EQ(actual[i].name, expected[i].name);
    EXPECT_EQ(actual[i].filename, expected[i].filename);
    EXPECT_EQ(actual[i].content_type, expected[i].content_type);
    EXPECT_EQ(actual[i].body, expected[i].body);
  }
}

// --- The boundary from Content-Type -----------------------------------------------------------

struct BoundaryCase {
  std::string content_type;
  std::optional<std::string> boundary;
};

TEST(MultipartBoundaryTest, TableOfContentTypes) {
  const std::string seventy(70, 'b');
  const std::vector<BoundaryCase> cases{
      {"multipart/form-data; boundary=abc", "abc"},
      {"multipart/form-data;boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", "----WebKitFormBoundary7MA4YWxkTrZu0gW"},
      {"Multipart/Form-Data; BOUNDARY=abc", "abc"},
      {"multipart/form-data; boundary=\"sigap boundary:1\"", "sigap boundary:1"},
      {"multipart/form-data; boundary=\"a,b=c?d\"", "a,b=c?d"},
      {"multipart/form-data; charset=utf-8; boundary=xyz; foo=\"bar;baz\"", "xyz"},
      {"  multipart/form-data ;  boundary = abc  ", "abc"},
      {"multipart/form-data; boundary=" + seventy, seventy},
      {"multipart/form-data; boundary=\"'()+_,-./:=?\"", "'()+_,-./:=?"},
      {"application/json", std::nullopt},
      {"multipart/mixed; boundary=abc", std::nullopt},
      {"multipart/form-data-x; boundary=abc", std::nullopt},
      {"multipart/form-data", std::nullopt},
      {"multipart/form-data; charset=utf-8", std::nullopt},
      {"multipart/form-data; boundary=", std::nullopt},
      {"multipart/form-data; boundary=\"\"", std::nullopt},
      {"multipart/form-data; boundary=" + seventy + "b", std::nullopt},
      {"multipart/form-data; boundary=\"abc \"", std::nullopt},
      {"multipart/form-data; boundary=\"abc", std::nullopt},
      {"multipart/form-data; boundary=a;b", std::nullopt},
      {"multipart/form-data; boundary=\"a;b\"", std::nullopt},
      {"multipart/form-data; boundary=ab\"c\"", std::nullopt},
      {"multipart/form-data; boundary=abc; boundary=def", std::nullopt},
      {"multipart/form-data; boundary", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& row : cases) {
    EXPECT_EQ(multipart_boundary(row.content_type), row.boundary) << row.content_type;
  }
}

// --- Well-formed forms -------------------------------------------------------------------------

struct WellFormedCase {
  std::string label;
  std::string content_type;
  std::string body;
  std::vector<FormPart> parts;
};

std::vector<WellFormedCase> well_formed_cases() {
  const std::string jpeg = "\xFF\xD8\xFF\xE0\0\x10JFIF\0"s;
  const std::string png = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s;
  // Bytes that look like framing but are not: CRLF, dashes, the boundary without its CRLF or
  // followed by other bytes, a close delimiter followed by other bytes.
  const std::string tricky = "\0\xFF\r\n--\r\n\r\n--\r\n-- "s + "x--" + kBoundary + "\r\n" + "\r\n--" + kBoundary +
                             "X" + "\r\n--" + kBoundary + "-x" + "\r\n--" + kBoundary + "--x" + "\n--" + kBoundary +
                             "\r\n" + "\r\n";
  const std::string spaced = "sigap boundary:1";
  return {
      {"text fields and photos",
       content_type_for(),
       field("description", "Jalan berlubang di depan SD Negeri 3") + field("category", "jalan") +
           file("depan.jpg", "image/jpeg", jpeg) + file("samping.png", "image/png", png) + closing(),
       {text_part("description", "Jalan berlubang di depan SD Negeri 3"), text_part("category", "jalan"),
        file_part("depan.jpg", "image/jpeg", jpeg), file_part("samping.png", "image/png", png)}},
      {"quoted boundary with a space and a colon",
       "multipart/form-data; boundary=\"" + spaced + "\"",
       field("title", "Lampu jalan mati", spaced) + file("a.jpg", "image/jpeg", jpeg, spaced) + closing(spaced),
       {text_part("title", "Lampu jalan mati"), file_part("a.jpg", "image/jpeg", jpeg)}},
      {"preamble and epilogue are ignored",
       content_type_for(),
       "This is a preamble; it mentions --" + kBoundary + " mid-line.\r\n\r\n" + field("a", "1") + closing() +
           "Epilogue, also ignored:\r\n" + field("b", "2") + closing(),
       {text_part("a", "1")}},
      {"filename* (RFC 5987) wins over filename",
       content_type_for(),
       part("Content-Disposition: form-data; name=\"photos\"; filename=\"rates.jpg\"; "
            "filename*=UTF-8''%E2%82%AC%20rates.jpg\r\nContent-Type: image/jpeg",
            jpeg) +
           part("Content-Disposition: form-data; name=\"photos\"; filename*=iso-8859-1'id'caf%E9.jpg", jpeg) +
           part("Content-Disposition: form-data; name=\"photos\"; filename=\"kept.jpg\"; filename*=KOI8-R''x.jpg",
                jpeg) +
           closing(),
       {file_part("\xE2\x82\xAC rates.jpg", "image/jpeg", jpeg),
        FormPart{"photos", "caf\xC3\xA9.jpg", "text/plain", jpeg}, FormPart{"photos", "kept.jpg", "text/plain", jpeg}}},
      {"binary content with NUL, CRLF, dashes and boundary lookalikes",
       content_type_for(),
       file("tricky.bin", "application/octet-stream", tricky) + field("after", "still here") + closing(),
       {file_part("tricky.bin", "application/octet-stream", tricky), text_part("after", "still here")}},
      {"empty files: one with a name, one from an input left empty",
       content_type_for(),
       file("empty.jpg", "image/jpeg", "") + file("", "application/octet-stream", "") + field("note", "") + closing(),
       {file_part("empty.jpg", "image/jpeg", ""), file_part("", "application/octet-stream", ""),
        text_part("note", "")}},
      {"bare LF in delimiter lines and headers",
       content_type_for(),
       "--" + kBoundary + "\nContent-Disposition: form-data; name=\"a\"\nContent-Type: text/plain; charset=utf-8\n\n" +
           "line one\nline two\r\n" + closing(),
       {FormPart{"a", std::nullopt, "text/plain; charset=utf-8", "line one\nline two"}}},
      {"header names in any case, quoted escapes, unknown headers ignored",
       content_type_for(),
       part("content-disposition: FORM-DATA; NAME=\"say \\\"hi\\\"\"; filename=\"a\\\\b.jpg\"\r\n"
            "X-Extra: ignored\r\nCONTENT-TYPE:image/jpeg",
            jpeg) +
           part("Content-Disposition: form-data; name=photos; filename=plain.jpg", jpeg) +
           part("Content-Disposition: form-data;\r\n name=\"folded\"", "v") + closing(),
       {FormPart{"say \"hi\"", "a\\b.jpg", "image/jpeg", jpeg}, FormPart{"photos", "plain.jpg", "text/plain", jpeg},
        text_part("folded", "v")}},
      {"transport padding after delimiters",
       content_type_for(),
       "--" + kBoundary + " \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--" + kBoundary + "-- \r\n",
       {text_part("a", "1")}},
      {"closing boundary without a final CRLF",
       content_type_for(),
       field("a", "1") + "--" + kBoundary + "--",
       {text_part("a", "1")}},
      {"an empty form", content_type_for(), closing(), {}},
      {"content that ends in CRLF keeps it",
       content_type_for(),
       field("a", "1\r\n") + closing(),
       {text_part("a", "1\r\n")}},
  };
}

TEST(MultipartParseTest, TableOfWellFormedForms) {
  for (const auto& row : well_formed_cases()) {
    SCOPED_TRACE(row.label);
    auto parts = parse(row.content_type, row.body);
    ASSERT_TRUE(parts.ok()) << parts.error().message().en;
    expect_parts(*parts, row.parts);
  }
}

TEST(MultipartParseTest, LimitsAreInclusive) {
  std::string body = file("big.jpg", "image/jpeg", std::string(10 * kMiB, 'x'));
  for (int i = 0; i < 4; ++i) body += file("small.jpg", "image/jpeg", "y");
  for (int i = 0; i < 10; ++i) body += field("f" + std::to_string(i), "z");
  body += field("description", std::string(64 * 1024, 'd'));
  body += closing();
  auto parts = parse(content_type_for(), body);
  ASSERT_TRUE(parts.ok()) << parts.error().message().en;
  ASSERT_EQ(parts->size(), 16U);
  EXPECT_EQ(parts->front().body.size(), 10 * kMiB);
  EXPECT_EQ(parts->back().body.size(), 64U * 1024);
}

TEST(MultipartParseTest, LimitsComeFromTheCaller) {
  const std::string body = file("a.jpg", "image/jpeg", "1234") + file("b.jpg", "image/jpeg", "12") + closing();
  EXPECT_TRUE(parse(content_type_for(), body, MultipartLimits{2, 2, 4, 1}).ok());
  auto too_big = parse(content_type_for(), body, MultipartLimits{2, 2, 3, 1});
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.error().code(), ErrorCode::payload_too_large);
  ASSERT_EQ(too_big.error().fields().size(), 1U);
  EXPECT_EQ(too_big.error().fields()[0].message.en, "Photo 1 is larger than 3 B.");
  auto too_many = parse(content_type_for(), body, MultipartLimits{2, 1, 4, 1});
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().fields()[0].message.en, "At most 1 photos.");
}

// --- Broken forms ------------------------------------------------------------------------------

struct BrokenCase {
  std::string label;
  std::string content_type;
  std::string body;
  ErrorCode code;
  std::string field;        // the one field error expected; empty for none
  std::string english_has;  // a piece of the English message
};

std::vector<BrokenCase> broken_cases() {
  const std::string form = field("description", "Sampah menumpuk") + file("a.jpg", "image/jpeg", "\xFF\xD8\xFF");
  const std::string six_files = [] {
    std::string body;
    for (int i = 0; i < 6; ++i) body += file("p" + std::to_string(i) + ".jpg", "image/jpeg", "jpeg");
    return body + closing();
  }();
  const std::string seventeen_parts = [] {
    std::string body;
    for (int i = 0; i < 17; ++i) body += field("f" + std::to_string(i), "v");
    return body + closing();
  }();
  const std::string disposition = "Content-Disposition: form-data; name=\"a\"";
  constexpr auto invalid = ErrorCode::invalid_input;
  constexpr auto too_large = ErrorCode::payload_too_large;
  return {
      {"missing closing boundary (truncated)", content_type_for(), form, invalid, "", "The upload is incomplete"},
      {"cut inside a file", content_type_for(), form.substr(0, form.size() - 4), invalid, "", "incomplete"},
      {"cut inside the closing boundary", content_type_for(), form + "--" + kBoundary + "-", invalid, "", "incomplete"},
      {"cut right after a delimiter", content_type_for(), form + "--" + kBoundary, invalid, "", "incomplete"},
      {"cut inside a header block", content_type_for(), form + "--" + kBoundary + "\r\nContent-Disp", invalid, "",
       "incomplete"},
      {"cut after a header block", content_type_for(), form + "--" + kBoundary + "\r\n" + disposition + "\r\n\r\n",
       invalid, "", "incomplete"},
      {"boundary not found at all", content_type_for(), "description=Sampah+menumpuk", invalid, "",
       "does not contain the multipart boundary"},
      {"empty body", content_type_for(), "", invalid, "", "does not contain the multipart boundary"},
      {"wrong boundary in Content-Type", content_type_for("OtherBoundary123"), form + closing(), invalid, "",
       "does not contain the multipart boundary"},
      {"Content-Type names a prefix of the real boundary", content_type_for("----SigapFormBoundary"), form + closing(),
       invalid, "", "does not contain the multipart boundary"},
      {"six files", content_type_for(), six_files, too_large, "photos", "too large"},
      {"an 11 MiB file", content_type_for(),
       field("description", "x") + file("big.jpg", "image/jpeg", std::string(11 * kMiB, '\xAB')) + closing(), too_large,
       "photos", "too large"},
      {"seventeen parts", content_type_for(), seventeen_parts, too_large, "photos", "too large"},
      {"a text field over 64 KiB", content_type_for(),
       field("description", std::string(64 * 1024 + 1, 'd')) + closing(), too_large, "description", "too large"},
      {"header without name", content_type_for(),
       part("Content-Disposition: form-data; filename=\"a.jpg\"\r\nContent-Type: image/jpeg", "x") + closing(), invalid,
       "", "no name"},
      {"empty name", content_type_for(), part("Content-Disposition: form-data; name=\"\"", "x") + closing(), invalid,
       "", "no name"},
      {"no Content-Disposition", content_type_for(), part("Content-Type: text/plain", "x") + closing(), invalid, "",
       "no name"},
      {"no headers at all", content_type_for(), "--" + kBoundary + "\r\n\r\nx\r\n" + closing(), invalid, "", "no name"},
      {"disposition other than form-data", content_type_for(),
       part("Content-Disposition: attachment; name=\"a\"", "x") + closing(), invalid, "", "form-data"},
      {"unterminated quoted name", content_type_for(),
       part("Content-Disposition: form-data; name=\"a", "x") + closing(), invalid, "", "malformed Content-Disposition"},
      {"parameter given twice", content_type_for(),
       part("Content-Disposition: form-data; name=\"a\"; name=\"b\"", "x") + closing(), invalid, "",
       "malformed Content-Disposition"},
      {"Content-Disposition given twice", content_type_for(),
       part(disposition + "\r\nContent-Disposition: form-data; name=\"b\"", "x") + closing(), invalid, "",
       "more than one Content-Disposition"},
      {"header line without a colon", content_type_for(), part(disposition + "\r\nnot a header", "x") + closing(),
       invalid, "", "malformed header line"},
      {"headers too long", content_type_for(),
       part(disposition + "\r\nX-Padding: " + std::string(9 * 1024, 'p'), "x") + closing(), invalid, "", "exceed 8 KB"},
      {"endless header block", content_type_for(), "--" + kBoundary + "\r\n" + disposition + std::string(9000, ' '),
       invalid, "", "exceed 8 KB"},
      {"filename* that does not decode, with no filename", content_type_for(),
       part("Content-Disposition: form-data; name=\"photos\"; filename*=UTF-8''%G1.jpg", "x") + closing(), invalid, "",
       "cannot be decoded"},
      {"filename* in an unknown charset, with no filename", content_type_for(),
       part("Content-Disposition: form-data; name=\"photos\"; filename*=KOI8-R''x.jpg", "x") + closing(), invalid, "",
       "cannot be decoded"},
      {"delimiter inside a part without its CR", content_type_for(),
       "--" + kBoundary + "\r\n" + disposition + "\r\n\r\nvalue\n--" + kBoundary + "--\r\n", invalid, "", "incomplete"},
  };
}

TEST(MultipartParseTest, TableOfBrokenForms) {
  for (const auto& row : broken_cases()) {
    SCOPED_TRACE(row.label);
    auto parts = parse(row.content_type, row.body);
    ASSERT_FALSE(parts.ok());
    const auto& error = parts.error();
    EXPECT_EQ(error.code(), row.code) << error.message().en;
    EXPECT_NE(error.message().en.find(row.english_has), std::string::npos) << error.message().en;
    EXPECT_FALSE(error.message().id.empty());
    if (row.field.empty()) {
      EXPECT_TRUE(error.fields().empty());
    } else {
      ASSERT_EQ(error.fields().size(), 1U);
      EXPECT_EQ(error.fields()[0].field, row.field);
      EXPECT_FALSE(error.fields()[0].message.id.empty());
      EXPECT_FALSE(error.fields()[0].message.en.empty());
    }
  }
}

TEST(MultipartParseTest, TruncatedUploadSaysSoInBothLanguages) {
  auto parts = parse(content_type_for(), field("a", "1") + field("b", "2"));
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code(), ErrorCode::invalid_input);
  EXPECT_EQ(parts.error().message().id.rfind("Unggahan terputus", 0), 0U) << parts.error().message().id;
  EXPECT_EQ(parts.error().message().en.rfind("The upload is incomplete", 0), 0U) << parts.error().message().en;
  EXPECT_FALSE(parts.error().log_detail().empty());
}

TEST(MultipartParseTest, OversizedPhotoIsReportedOnPhotos) {
  auto parts = parse(content_type_for(), file("big.jpg", "image/jpeg", std::string(11 * kMiB, 'x')) + closing());
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code(), ErrorCode::payload_too_large);
  ASSERT_EQ(parts.error().fields().size(), 1U);
  EXPECT_EQ(parts.error().fields()[0].field, "photos");
  EXPECT_EQ(parts.error().fields()[0].message.en, "Photo 1 is larger than 10 MB.");
  EXPECT_EQ(parts.error().fields()[0].message.id, "Foto ke-1 lebih dari 10 MB.");
}

// --- Truncations -------------------------------------------------------------------------------

// Content that is hard on the framing: random bytes mixed with CRLF, dashes and pieces of the
// boundary, never the whole boundary.
std::string awkward_content(std::mt19937& random, std::size_t chunks) {
  std::string content;
  std::uniform_int_distribution<int> kind(0, 5);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> prefix(0, kBoundary.size() - 1);
  for (std::size_t i = 0; i < chunks; ++i) {
    switch (kind(random)) {
      case 0:
        content += "\r\n";
        break;
      case 1:
        content += "--";
        break;
      case 2:
        content += "\r\n--" + kBoundary.substr(0, prefix(random));
        break;
      case 3:
        content += '\n';
        break;
      default:
        for (int j = byte(random) % 32; j >= 0; --j) content += static_cast<char>(byte(random));
    }
  }
  return content;
}

TEST(MultipartTruncationTest, EveryPrefixFailsUntilTheClosingBoundaryIsComplete) {
  const std::string form = field("description", "Banjir setinggi lutut") +
                           file("banjir.jpg", "image/jpeg", "\xFF\xD8\r\n--\r\n\0\xFF\xD9"s) +
                           file("", "application/octet-stream", "") + "--" + kBoundary + "--";
  const std::string body = "preamble\r\n" + form + "\r\nepilogue\r\n";
  const std::size_t complete = body.find(form) + form.size();
  for (std::size_t length = 0; length <= body.size(); ++length) {
    SCOPED_TRACE("length " + std::to_string(length));
    auto parts = parse(content_type_for(), std::string_view(body).substr(0, length));
    if (length < complete) {
      ASSERT_FALSE(parts.ok());
      EXPECT_EQ(parts.error().code(), ErrorCode::invalid_input);
    } else {
      ASSERT_TRUE(parts.ok()) << parts.error().message().en;
      EXPECT_EQ(parts->size(), 3U);
    }
  }
}

TEST(MultipartTruncationTest, RandomTruncationsOfRandomFormsNeverYieldParts) {
  std::mt19937 random(20240604);
  std::uniform_int_distribution<int> count(0, 5);
  for (int round = 0; round < 200; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    std::vector<FormPart> expected;
    std::string body = awkward_content(random, 3) + "\r\n";  // a preamble
    for (int i = count(random); i >= 0; --i) {
      auto value = awkward_content(random, 4);
      body += field("field" + std::to_string(i), value);
      expected.push_back(text_part("field" + std::to_string(i), value));
    }
    for (int i = count(random); i > 0; --i) {
      auto content = awkward_content(random, 40);
      body += file("photo.jpg", "image/jpeg", content);
      expected.push_back(file_part("photo.jpg", "image/jpeg", content));
    }
    body += "--" + kBoundary + "--";
    const std::size_t complete = body.size();
    body += "\r\n" + awkward_content(random, 3);  // an epilogue

    auto whole = parse(content_type_for(), body);
    ASSERT_TRUE(whole.ok()) << whole.error().message().en;
    expect_parts(*whole, expected);

    std::uniform_int_distribution<std::size_t> cut(0, complete - 1);
    for (int i = 0; i < 50; ++i) {
      auto length = cut(random);
      auto parts = parse(content_type_for(), std::string_view(body).substr(0, length));
      ASSERT_FALSE(parts.ok()) << "cut at " << length;
      EXPECT_EQ(parts.error().code(), ErrorCode::invalid_input);
    }
  }
}

TEST(MultipartTruncationTest, MangledBytesNeverCrashOrYieldNamelessParts) {
  std::mt19937 random(7578);
  const std::string body = field("description", "Pohon tumbang") + file("a.jpg", "image/jpeg", "\xFF\xD8\r\n--x") +
                           file("b.jpg", "image/jpeg", "") + closing();
  std::uniform_int_distribution<std::size_t> where(0, body.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  const std::string interesting = "\r\n-\"; =:*%'";
  for (int round = 0; round < 5000; ++round) {
    auto mangled = body;
    for (int i = byte(random) % 4; i >= 0; --i) {
      mangled[where(random)] = byte(random) % 2
                                   ? static_cast<char>(byte(random))
                                   : interesting[static_cast<std::size_t>(byte(random)) % interesting.size()];
    }
    auto parts = parse(content_type_for(), mangled);
    if (!parts.ok()) continue;
    for (const auto& part : *parts) EXPECT_FALSE(part.name.empty());
  }
}

}  // namespace
}  // namespace sigap::http
