// Up, down, since when, and the camera_down alert after 5 minutes down, as a table of probes.
#include "domain/cameras/camera_health.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::cameras {
namespace {

using namespace std::chrono_literals;
const TimePoint kStart{std::chrono::seconds(1'785'000'000)};

TEST(CameraHealth, DownFiveMinutesRaisesOnceAndUpClosesIt) {
  CameraHealth health;  // unknown
  bool alert_open = false;
  struct Step {
    std::chrono::seconds at;
    bool reached;
    CameraStatus status;
    std::chrono::seconds since;
    bool raise;
    bool close;
  };
  const Step steps[] = {
      {0s, true, CameraStatus::up, 0s, false, false},        // first probe: up since then
      {30s, true, CameraStatus::up, 0s, false, false},       // still up: nothing changes
      {60s, false, CameraStatus::down, 60s, false, false},   // stops answering
      {330s, false, CameraStatus::down, 60s, false, false},  // 4.5 minutes down
      {360s, false, CameraStatus::down, 60s, true, false},   // 5 minutes: the alert
      {390s, false, CameraStatus::down, 60s, false, false},  // raised already
      {420s, true, CameraStatus::up, 420s, false, true},     // back: closes it
  };
  for (const auto& step : steps) {
    auto verdict = judge_probe(health, alert_open, {step.reached, step.reached ? "" : "timed out"}, kStart + step.at);
    EXPECT_EQ(verdict.health.status, step.status) << step.at.count();
    EXPECT_EQ(verdict.health.since, kStart + step.since) << step.at.count();
    EXPECT_EQ(verdict.raise_alert, step.raise) << step.at.count();
    EXPECT_EQ(verdict.close_alert, step.close) << step.at.count();
    if (verdict.raise_alert) alert_open = true;
    if (verdict.close_alert) alert_open = false;
    health = verdict.health;
  }
}

TEST(CameraHealth, OnlyChangesAreWritten) {
  CameraHealth up{CameraStatus::up, kStart, {}};
  EXPECT_FALSE(judge_probe(up, false, {true, ""}, kStart + 30s).changed);
  auto down = judge_probe(up, false, {false, "HTTP 401"}, kStart + 60s);
  EXPECT_TRUE(down.changed);
  EXPECT_EQ(down.health.last_error, "HTTP 401");
  EXPECT_FALSE(judge_probe(down.health, false, {false, "HTTP 401"}, kStart + 90s).changed);
  EXPECT_TRUE(judge_probe(down.health, false, {false, "timed out"}, kStart + 120s).changed);
}

TEST(CameraHealth, ANewCameraThatNeverAnswersIsDownFromItsFirstProbe) {
  CameraHealth fresh{CameraStatus::unknown, kStart, {}};
  auto first = judge_probe(fresh, false, {false, ""}, kStart + 10min);
  EXPECT_EQ(first.health.status, CameraStatus::down);
  EXPECT_EQ(first.health.since, kStart + 10min);
  EXPECT_FALSE(first.raise_alert);
  EXPECT_EQ(first.health.last_error, "no image");
}

}  // namespace
}  // namespace sigap::domain::cameras
