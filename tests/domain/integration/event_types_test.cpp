// Which committed events a webhook subscription asks for: known names, "complaint.*" or "*".
#include "domain/integration/event_types.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::integration {
namespace {

TEST(EventFilter, TakesKnownNamesAndWildcardsAndNamesEachUnknownOne) {
  auto filter = parse_event_filter({"complaint.verify", "complaint.resolve", "complaint.verify"}, "event_types");
  ASSERT_TRUE(filter.ok());
  EXPECT_EQ(*filter, (std::vector<std::string>{"complaint.verify", "complaint.resolve"}));
  EXPECT_TRUE(matches(*filter, "complaint.verify"));
  EXPECT_FALSE(matches(*filter, "complaint.submitted"));
  EXPECT_TRUE(matches({"*"}, "complaint.note"));
  EXPECT_TRUE(matches({"complaint.*"}, "complaint.sla_escalated"));

  auto bad = parse_event_filter({"complaint.verified", "complaint.submitted", "order.created"}, "event_types");
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().fields().size(), 2U);
  EXPECT_NE(bad.error().fields()[0].message.en.find("complaint.verified"), std::string::npos);
  EXPECT_NE(bad.error().fields()[1].message.en.find("order.created"), std::string::npos);
  EXPECT_FALSE(parse_event_filter({}, "event_types").ok());
}

TEST(EventFilter, EveryTopicHasACloudEventsType) {
  EXPECT_EQ(cloud_event_type("complaint.verify"), "id.go.palembang.sigap.complaint.verify");
  EXPECT_GE(complaint_topics().size(), 20U);
  for (auto topic : complaint_topics()) EXPECT_TRUE(topic.starts_with("complaint.")) << topic;
}

}  // namespace
}  // namespace sigap::domain::integration
