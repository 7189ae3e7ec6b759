// The default SLA policy and the policy switch, and what an admin's policy may not say.
#include "domain/sla/sla_policy.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::sla {
namespace {

TEST(SlaPolicy, DefaultsFollowSp4nLaporAndPerpres76) {
  const auto policy = default_sla_policy();
  EXPECT_EQ(policy.verify, SlaTarget::working_days(3));
  EXPECT_EQ(policy.first_response, SlaTarget::working_days(5));
  EXPECT_EQ(policy.resolve, SlaTarget::hours(60 * 24));
  EXPECT_EQ(policy, default_sla_policy(FirstResponseRule::lapor_follow_up));
}

TEST(SlaPolicy, CentralJavaRuleAsksForAFirstResponseWithin24Hours) {
  const auto policy = default_sla_policy(FirstResponseRule::within_24_hours);
  EXPECT_EQ(policy.first_response, (SlaTarget{SlaUnit::calendar_hours, 24}));
  EXPECT_EQ(policy.verify, SlaTarget::working_days(3));
  EXPECT_EQ(policy.resolve, SlaTarget::calendar_days(60));
}

struct PolicyRow {
  const char* name;
  SlaPolicy policy;
  const char* bad_field;  // nullptr: valid
};

class SlaPolicyValidation : public ::testing::TestWithParam<PolicyRow> {};

TEST_P(SlaPolicyValidation, ChecksEveryTarget) {
  const auto& row = GetParam();
  auto checked = validate_sla_policy(row.policy);
  if (row.bad_field == nullptr) {
    EXPECT_TRUE(checked.ok()) << row.name;
    return;
  }
  ASSERT_FALSE(checked.ok()) << row.name;
  EXPECT_EQ(checked.error().code(), ErrorCode::validation) << row.name;
  ASSERT_EQ(checked.error().fields().size(), 1U) << row.name;
  EXPECT_EQ(checked.error().fields()[0].field, row.bad_field) << row.name;
}

constexpr auto kWd = SlaTarget::working_days;
constexpr auto kHours = SlaTarget::hours;

INSTANTIATE_TEST_SUITE_P(
    Policies, SlaPolicyValidation,
    ::testing::Values(PolicyRow{"national default", default_sla_policy(), nullptr},
                      PolicyRow{"Central Java switch", default_sla_policy(FirstResponseRule::within_24_hours), nullptr},
                      PolicyRow{"all in hours", {kHours(24), kHours(24), kHours(72)}, nullptr},
                      PolicyRow{"verify in zero days", {kWd(0), kWd(5), kHours(1440)}, "verify"},
                      PolicyRow{"negative first response", {kWd(3), kHours(-1), kHours(1440)}, "first_response"},
                      PolicyRow{"resolve beyond a year of hours", {kWd(3), kWd(5), kHours(366 * 24 + 1)}, "resolve"},
                      PolicyRow{"resolve in too many working days", {kWd(3), kWd(5), kWd(261)}, "resolve"},
                      PolicyRow{"verify longer than resolve", {kWd(10), kWd(5), kWd(7)}, "verify"},
                      PolicyRow{
                          "verify in days, resolve in fewer hours is fine", {kWd(3), kWd(5), kHours(2)}, nullptr}));

TEST(SlaPolicy, ReportsEveryBadTargetAtOnce) {
  auto checked = validate_sla_policy(SlaPolicy{kWd(0), kHours(0), kWd(0)});
  ASSERT_FALSE(checked.ok());
  ASSERT_EQ(checked.error().fields().size(), 3U);
  EXPECT_EQ(checked.error().fields()[0].field, "verify");
  EXPECT_EQ(checked.error().fields()[1].field, "first_response");
  EXPECT_EQ(checked.error().fields()[2].field, "resolve");
  EXPECT_NE(checked.error().fields()[1].message.en.find("hours"), std::string::npos);
  EXPECT_NE(checked.error().fields()[2].message.id.find("hari kerja"), std::string::npos);
}

TEST(SlaPolicy, UnitNamesRoundTrip) {
  for (auto unit : {SlaUnit::calendar_hours, SlaUnit::working_days}) {
    EXPECT_EQ(sla_unit_from_string(to_string(unit), "unit").value(), unit);
  }
  auto unknown = sla_unit_from_string("days", "verify.unit");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().fields().at(0).field, "verify.unit");
}

}  // namespace
}  // namespace sigap::domain::sla
