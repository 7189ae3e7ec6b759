// application/x-www-form-urlencoded bodies (what Open311 clients POST), read strictly.
#include "http/form_body.hpp"

#include <gtest/gtest.h>

namespace sigap::http {
namespace {

TEST(FormBody, TheOpen311SpecificationsExampleRequest) {
  // The example body of GeoReport v2 POST Service Request, as the specification writes it.
  auto fields = parse_form_body(
      "api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+"
      "street&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone="
      "111111111&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%"
      "2F2002%2F2212426634_5ed477a060.jpg&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001");
  ASSERT_TRUE(fields.ok());
  ASSERT_EQ(fields->size(), 16U);
  EXPECT_EQ(fields->at(5), (std::pair<std::string, std::string>{"address_string", "1234 5th street"}));
  EXPECT_EQ(fields->at(6).second, "smit333@sfgov.edu");
  EXPECT_EQ(fields->at(13).second, "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg");
  EXPECT_EQ(fields->at(14), (std::pair<std::string, std::string>{"attribute[WHISPAWN]", "123456"}));
}

TEST(FormBody, RepeatedNamesStayInOrderAndEmptyPiecesAreSkipped) {
  auto fields = parse_form_body("attribute%5Bdampak%5D%5B%5D=motor&&attribute[dampak][]=macet&flag&empty=&x=%E2%9C%93");
  ASSERT_TRUE(fields.ok());
  EXPECT_EQ(*fields, (FormFields{{"attribute[dampak][]", "motor"},
                                 {"attribute[dampak][]", "macet"},
                                 {"flag", ""},
                                 {"empty", ""},
                                 {"x", "\xE2\x9C\x93"}}));
  EXPECT_TRUE(parse_form_body("")->empty());
}

TEST(FormBody, BadEscapesNulAndNonUtf8AreRefusedNamingTheField) {
  for (const char* body : {"a=1&b=%G1", "a=1&b=%4", "a=1&b=50%", "a=1&b=%00", "a=1&b=%FF%FE", "a=1&%C0%AF=x"}) {
    auto fields = parse_form_body(body);
    ASSERT_FALSE(fields.ok()) << body;
    EXPECT_EQ(fields.error().code(), ErrorCode::invalid_input);
    EXPECT_EQ(fields.error().fields().front().field, "form field 2") << body;
  }
}

TEST(FormBody, TooManyFieldsAreRefused) {
  std::string body;
  for (int i = 0; i < 11; ++i) body += "a=" + std::to_string(i) + "&";
  EXPECT_TRUE(parse_form_body(body, 11).ok());
  auto refused = parse_form_body(body, 10);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::invalid_input);
}

TEST(FormBody, MediaTypeIsFormUrlencodedInUtf8) {
  EXPECT_TRUE(is_form_media_type("application/x-www-form-urlencoded"));
  EXPECT_TRUE(is_form_media_type("application/x-www-form-urlencoded; charset=utf-8"));
  EXPECT_TRUE(is_form_media_type("Application/X-WWW-Form-Urlencoded;charset=\"UTF-8\""));
  EXPECT_FALSE(is_form_media_type("application/x-www-form-urlencoded; charset=iso-8859-1"));
  EXPECT_FALSE(is_form_media_type("application/json"));
  EXPECT_FALSE(is_form_media_type("multipart/form-data; boundary=x"));
  EXPECT_FALSE(is_form_media_type(""));
}

}  // namespace
}  // namespace sigap::http
