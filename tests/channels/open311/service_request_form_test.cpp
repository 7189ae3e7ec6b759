// The arguments of GeoReport v2 POST requests, read from the decoded form.
#include "channels/open311/service_request_form.hpp"

#include <gtest/gtest.h>

namespace sigap::channels::open311 {
namespace {

std::vector<std::string> refused(const FormPairs& pairs) {
  auto form = read_service_request_form(pairs);
  EXPECT_FALSE(form.ok());
  std::vector<std::string> fields;
  if (!form.ok()) {
    EXPECT_EQ(form.error().code(), ErrorCode::validation);
    for (const auto& field : form.error().fields()) fields.push_back(field.field);
  }
  return fields;
}

TEST(ServiceRequestForm, ReadsTheSpecificationsExampleRequest) {
  auto form = read_service_request_form({{"api_key", "xyz"},
                                         {"jurisdiction_id", "city.gov"},
                                         {"service_code", "001"},
                                         {"lat", "37.76524078"},
                                         {"long", "-122.4212043"},
                                         {"address_string", "1234 5th street"},
                                         {"email", "smit333@sfgov.edu"},
                                         {"device_id", "tt222111"},
                                         {"account_id", "123456"},
                                         {"first_name", "john"},
                                         {"last_name", "smith"},
                                         {"phone", "111111111"},
                                         {"description", "A large sinkhole is destroying the street"},
                                         {"media_url", "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg"},
                                         {"attribute[WHISPAWN]", "123456"},
                                         {"attribute[WHISDORN]", "COISL001"}});
  ASSERT_TRUE(form.ok()) << form.error().fields().front().field;
  EXPECT_EQ(form->api_key, "xyz");
  EXPECT_EQ(form->jurisdiction_id, "city.gov");
  EXPECT_EQ(form->service_code, "001");
  EXPECT_DOUBLE_EQ(*form->lat, 37.76524078);
  EXPECT_DOUBLE_EQ(*form->lon, -122.4212043);
  EXPECT_EQ(form->address_string, "1234 5th street");
  EXPECT_EQ(form->email, "smit333@sfgov.edu");
  EXPECT_EQ(form->device_id, "tt222111");
  EXPECT_EQ(form->account_id, "123456");
  EXPECT_EQ(form->first_name, "john");
  EXPECT_EQ(form->last_name, "smith");
  EXPECT_EQ(form->phone, "111111111");
  EXPECT_EQ(form->description, "A large sinkhole is destroying the street");
  EXPECT_EQ(form->media_url, "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg");
  EXPECT_EQ(form->attributes, (std::vector<domain::complaints::GivenAttribute>{{"WHISPAWN", {"123456"}},
                                                                             {"WHISDORN", {"COISL001"}}}));
}

TEST(ServiceRequestForm, MultivalueAttributesGatherAllTheirValues) {
  auto form = read_service_request_form({{"service_code", "jalan-rusak"},
                                         {"address_id", "16.71.01.1001"},
                                         {"attribute[dampak][]", "motor"},
                                         {"attribute[ukuran]", "besar"},
                                         {"attribute[dampak][]", "macet"}});
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->attributes, (std::vector<domain::complaints::GivenAttribute>{{"dampak", {"motor", "macet"}},
                                                                             {"ukuran", {"besar"}}}));
}

TEST(ServiceRequestForm, AnyOneLocationIsEnough) {
  EXPECT_TRUE(read_service_request_form({{"service_code", "x"}, {"lat", "-2.99"}, {"long", "104.76"}}).ok());
  EXPECT_TRUE(read_service_request_form({{"service_code", "x"}, {"address_string", "Jl. Merdeka"}}).ok());
  EXPECT_TRUE(read_service_request_form({{"service_code", "x"}, {"address_id", "16.71.01.1001"}}).ok());
}

TEST(ServiceRequestForm, NamesEveryProblem) {
  EXPECT_EQ(refused({{"service_code", "x"}}), (std::vector<std::string>{"lat"})) << "no location at all";
  EXPECT_EQ(refused({{"service_code", "x"}, {"lat", ""}, {"long", ""}, {"address_string", ""}}),
            (std::vector<std::string>{"lat"}))
      << "empty arguments are absent ones";
  EXPECT_EQ(refused({{"address_id", "16.71.01.1001"}}), (std::vector<std::string>{"service_code"}));
  EXPECT_EQ(refused({{"service_code", "x"}, {"lat", "-2.99"}}), (std::vector<std::string>{"long"}));
  EXPECT_EQ(refused({{"service_code", "x"}, {"lat", "utara"}, {"long", "1e2"}}),
            (std::vector<std::string>{"lat", "long"}));
  EXPECT_EQ(refused({{"service_code", "x"}, {"address_id", "1"}, {"colour", "red"}}),
            (std::vector<std::string>{"colour"}));
  EXPECT_EQ(refused({{"service_code", "x"}, {"address_id", "1"}, {"description", "a"}, {"description", "b"}}),
            (std::vector<std::string>{"description"}));
  EXPECT_EQ(refused({{"service_code", "x"}, {"address_id", "1"}, {"attribute[]", "a"}, {"attribute[a][b]", "c"},
                     {"attributes[a]", "c"}}),
            (std::vector<std::string>{"attribute[]", "attribute[a][b]", "attributes[a]"}));
  EXPECT_EQ(refused({{"service_code", "x"}, {"address_id", "1"}, {"description", std::string(4001, 'a')}}),
            (std::vector<std::string>{"description"}));
  for (const char* url : {"ftp://x.id/a.jpg", "javascript:alert(1)", "http://", "https://x.id/a b.jpg", "/relative"}) {
    EXPECT_EQ(refused({{"service_code", "x"}, {"address_id", "1"}, {"media_url", url}}),
              (std::vector<std::string>{"media_url"}))
        << url;
  }
}

}  // namespace
}  // namespace sigap::channels::open311
