// GeoReport v2 documents in both formats, built from the specification's own examples
// (wiki.open311.org/GeoReport_v2, Service_Discovery): the XML is what the specification prints,
// the JSON its Spark-convention mapping, element for element and in the same order.
#include "channels/open311/georeport_document.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "channels/open311/open311_errors.hpp"
#include "channels/open311/service_request_view.hpp"
#include "common/time_format.hpp"
#include "support/xml_tree.hpp"

namespace sigap::channels::open311 {
namespace {

namespace json = boost::json;

// Renders both formats and checks they are twins whose JSON is `expected_json`; returns the XML.
testing::XmlElement check(const Document& document, std::string_view expected_json) {
  auto xml_text = to_xml(document);
  EXPECT_TRUE(xml_text.ok());
  if (!xml_text.ok()) return {};
  EXPECT_EQ(testing::declared_encoding(*xml_text), "utf-8");
  std::string error;
  auto xml = testing::parse_xml(*xml_text, &error);
  EXPECT_TRUE(xml.has_value()) << error << "\n" << *xml_text;
  if (!xml) return {};
  EXPECT_EQ(xml->name, document.root_name);
  auto produced = json::parse(to_json(document));
  EXPECT_EQ(produced, json::parse(expected_json)) << to_json(document);
  testing::expect_spark_twins(*xml, produced, testing::georeport_lists(), document.root_name);
  return *xml;
}

Node service(std::string code, std::string name, std::string description, std::string group) {
  auto node = Node::object();
  node.add("service_code", Node::of_text(std::move(code)))
      .add("service_name", Node::of_text(std::move(name)))
      .add("description", Node::of_text(std::move(description)))
      .add("metadata", Node::of_boolean(true))
      .add("type", Node::of_text("realtime"))
      .add("keywords", Node::of_text("lorem, ipsum, dolor"))
      .add("group", Node::of_text(std::move(group)));
  return node;
}

TEST(GeoReportDocument, ServiceListExample) {
  Document document{"services", Node::list("service")};
  document.root.push(service("001", "Cans left out 24x7",
                             "Garbage or recycling cans that have been left out for more than 24 hours after collection. "
                             "Violators will be cited.",
                             "sanitation"));
  document.root.push(service("002", "Construction plate shifted",
                             "Metal construction plate covering the street or sidewalk has been moved.", "street"));
  auto xml = check(document, R"([
    {"service_code":"001","service_name":"Cans left out 24x7","description":"Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.","metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"sanitation"},
    {"service_code":"002","service_name":"Construction plate shifted","description":"Metal construction plate covering the street or sidewalk has been moved.","metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"street"}])");
  ASSERT_EQ(xml.children.size(), 2U);
  EXPECT_EQ(xml.children[0].name, "service");
}

TEST(GeoReportDocument, ServiceDefinitionExample) {
  auto values = Node::list("value");
  values.push(std::move(Node::object().add("key", Node::of_text("123")).add("name", Node::of_text("Ford"))));
  values.push(std::move(Node::object().add("key", Node::of_text("124")).add("name", Node::of_text("Chrysler"))));
  auto attribute = Node::object();
  attribute.add("variable", Node::of_boolean(true))
      .add("code", Node::of_text("WHISHETN"))
      .add("datatype", Node::of_text("singlevaluelist"))
      .add("required", Node::of_boolean(true))
      .add("datatype_description", Node::null())
      .add("order", Node::of_integer(1))
      .add("description", Node::of_text("What is the ticket/tag/DL number?"))
      .add("values", std::move(values));
  auto attributes = Node::list("attribute");
  attributes.push(std::move(attribute));
  Document document{"service_definition", Node::object()};
  document.root.add("service_code", Node::of_text("DMV66")).add("attributes", std::move(attributes));
  auto xml = check(document, R"({"service_code":"DMV66","attributes":[{"variable":true,"code":"WHISHETN",
    "datatype":"singlevaluelist","required":true,"datatype_description":null,"order":1,
    "description":"What is the ticket/tag/DL number?","values":[{"key":"123","name":"Ford"},{"key":"124","name":"Chrysler"}]}]})");
  EXPECT_EQ(xml.child_names(), (std::vector<std::string>{"service_code", "attributes"}));
  EXPECT_EQ(xml.child("attributes")->children.at(0).child_names(),
            (std::vector<std::string>{"variable", "code", "datatype", "required", "datatype_description", "order",
                                      "description", "values"}));
}

TEST(GeoReportDocument, PostServiceRequestResponseExample) {
  Document document{"service_requests", Node::list("request")};
  document.root.push(std::move(
      Node::object()
          .add("service_request_id", Node::of_text("293944"))
          .add("service_notice", Node::of_text("The City will inspect and require the responsible party to correct "
                                               "within 24 hours and/or issue a Correction Notice or Notice of Violation "
                                               "of the Public Works Code"))
          .add("account_id", Node::null())));
  auto xml = check(document, R"([{"service_request_id":"293944","service_notice":"The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code","account_id":null}])");
  EXPECT_TRUE(xml.children.at(0).child("account_id")->empty) << "<account_id/>";
}

TEST(GeoReportDocument, TokenResponseExample) {
  Document document{"service_requests", Node::list("request")};
  document.root.push(std::move(Node::object()
                                   .add("service_request_id", Node::of_text("638344"))
                                   .add("token", Node::of_text("12345"))));
  check(document, R"([{"service_request_id":"638344","token":"12345"}])");
}

TEST(GeoReportDocument, ServiceRequestsExampleInTheSpecificationsFieldOrder) {
  ServiceRequestView view;
  view.service_request_id = "638344";
  view.open = false;
  view.status_notes = "Duplicate request.";
  view.service_name = "Sidewalk and Curb Issues";
  view.service_code = "006";
  view.requested = *parse_utc("2010-04-14T14:37:38Z");
  view.updated = *parse_utc("2010-04-14T14:37:38Z");
  view.expected = *parse_utc("2010-04-15T14:37:38Z");
  view.address = "8TH AVE and JUDAH ST";
  view.address_id = "545483";
  view.lat = 37.762221815;
  view.lon = -122.4651145;
  view.media_url = "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg";
  Document document{"service_requests", Node::list("request")};
  document.root.push(request_node(view));
  auto xml = check(document, R"([{"service_request_id":"638344","status":"closed","status_notes":"Duplicate request.",
    "service_name":"Sidewalk and Curb Issues","service_code":"006","description":null,"agency_responsible":null,
    "service_notice":null,"requested_datetime":"2010-04-14T14:37:38Z","updated_datetime":"2010-04-14T14:37:38Z",
    "expected_datetime":"2010-04-15T14:37:38Z","address":"8TH AVE and JUDAH ST","address_id":"545483","zipcode":null,
    "lat":37.762221815,"long":-122.4651145,"media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"}])");
  EXPECT_EQ(xml.children.at(0).child_names(),
            (std::vector<std::string>{"service_request_id", "status", "status_notes", "service_name", "service_code",
                                      "description", "agency_responsible", "service_notice", "requested_datetime",
                                      "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
                                      "lat", "long", "media_url"}));
}

TEST(GeoReportDocument, ErrorExample) {
  auto error = parameter_error(ErrorCode::forbidden, "api_key",
                               Text{"Kunci tidak valid.", "Invalid api_key received -- can't proceed with create_request."});
  auto document = errors_document(error, Language::en);
  check(document, R"([{"code":403,"description":"api_key: Invalid api_key received -- can't proceed with create_request."}])");
  EXPECT_EQ(open311_status(ErrorCode::validation), 400);
  EXPECT_EQ(open311_status(ErrorCode::not_found), 404);
  EXPECT_EQ(open311_status(ErrorCode::unauthenticated), 403);
  auto internal = errors_document(Error::internal("database file is locked"), Language::en);
  EXPECT_EQ(to_json(internal).find("locked"), std::string::npos) << "our faults never show their internals";
}

TEST(GeoReportDocument, DiscoveryExample) {
  auto formats = Node::list("format");
  formats.push(Node::of_text("text/xml")).push(Node::of_text("application/json"));
  auto endpoints = Node::list("endpoint");
  endpoints.push(std::move(Node::object()
                               .add("specification", Node::of_text("http://wiki.open311.org/GeoReport_v2"))
                               .add("url", Node::of_text("http://open311.mycity.gov/test/v2"))
                               .add("changeset", Node::of_text("2010-10-02 09:01"))
                               .add("type", Node::of_text("test"))
                               .add("formats", std::move(formats))));
  Document document{"discovery", Node::object()};
  document.root.add("changeset", Node::of_text("2011-02-03 14:18"))
      .add("contact", Node::of_text("You can email or call for assistance api@mycity.org +1 (555) 555-5555"))
      .add("key_service", Node::of_text("You can request a key here: http://api.mycity.gov/api_key/request"))
      .add("endpoints", std::move(endpoints));
  check(document, R"({"changeset":"2011-02-03 14:18","contact":"You can email or call for assistance api@mycity.org +1 (555) 555-5555",
    "key_service":"You can request a key here: http://api.mycity.gov/api_key/request","endpoints":[
    {"specification":"http://wiki.open311.org/GeoReport_v2","url":"http://open311.mycity.gov/test/v2",
     "changeset":"2010-10-02 09:01","type":"test","formats":["text/xml","application/json"]}]})");
}

TEST(GeoReportDocument, TextThatXmlCannotCarryIsAnErrorNotABrokenDocument) {
  Document document{"service_requests", Node::list("request")};
  document.root.push(std::move(Node::object().add("description", Node::of_text("bel\x07"))));
  EXPECT_FALSE(to_xml(document).ok());
  EXPECT_EQ(to_json(document), R"([{"description":"bel\u0007"}])") << "JSON escapes it";
}

}  // namespace
}  // namespace sigap::channels::open311
