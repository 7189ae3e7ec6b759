// The small XML writer behind every Open311 .xml answer: well-formed, escaped, and refusing what
// XML 1.0 cannot carry rather than writing a document no client can parse.
#include "channels/open311/xml_writer.hpp"

#include <gtest/gtest.h>

#include "support/xml_tree.hpp"

namespace sigap::channels::open311 {
namespace {

TEST(XmlWriter, WritesTheDeclarationAndNestedElements) {
  XmlWriter xml;
  xml.open("service_requests");
  xml.open("request");
  xml.text_element("service_request_id", "SGP-7KX3-QM2D");
  xml.empty_element("account_id");
  xml.close();
  xml.close();
  auto document = xml.finish();
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(*document,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests><request><service_request_id>SGP-7KX3-QM2D"
            "</service_request_id><account_id/></request></service_requests>\n");
}

TEST(XmlWriter, EscapesMarkupQuotesAndCarriageReturnsSoAParserReadsTheTextBack) {
  const std::string text = "Got <tersumbat> & \"bau\" 'sekali'\r\nbaris dua\tdan emoji 🌧️";
  XmlWriter xml;
  xml.text_element("description", text);
  auto document = xml.finish();
  ASSERT_TRUE(document.ok());
  EXPECT_NE(document->find("&lt;tersumbat&gt; &amp; &quot;bau&quot; &apos;sekali&apos;&#13;\nbaris"), std::string::npos);
  std::string error;
  auto parsed = testing::parse_xml(*document, &error);
  ASSERT_TRUE(parsed.has_value()) << error;
  EXPECT_EQ(parsed->text, text) << "a real parser gets the very text back";
}

TEST(XmlWriter, RefusesControlCharactersBadUtf8AndBadNames) {
  for (std::string text : {std::string("bel\x07"), std::string("nul\0x", 5), std::string("\xC0\xAF"),
                           std::string("\xED\xA0\x80"), std::string("\xEF\xBF\xBE"), std::string("cut \xE2\x9C")}) {
    XmlWriter xml;
    xml.text_element("description", text);
    EXPECT_FALSE(xml.finish().ok()) << "text of " << text.size() << " bytes";
    EXPECT_FALSE(is_xml_text(text));
  }
  for (const char* name : {"", "1abc", "a b", "a<b"}) {
    XmlWriter xml;
    xml.empty_element(name);
    EXPECT_FALSE(xml.finish().ok()) << '"' << name << '"';
  }
  EXPECT_TRUE(is_xml_text("tab\tlf\ncr\r ✓ 𝄞"));
}

TEST(XmlWriter, AnUnclosedOrOverClosedDocumentIsAnError) {
  XmlWriter unclosed;
  unclosed.open("errors");
  EXPECT_FALSE(unclosed.finish().ok());
  XmlWriter overclosed;
  overclosed.close();
  EXPECT_FALSE(overclosed.finish().ok());
}

}  // namespace
}  // namespace sigap::channels::open311
