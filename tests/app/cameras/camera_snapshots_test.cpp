// The latest camera images in memory stay within their bounds: a too-large image is not kept,
// and the oldest captures give way when the total would pass its limit.
#include "app/cameras/camera_snapshots.hpp"

#include <gtest/gtest.h>

namespace sigap::app::cameras {
namespace {

using namespace std::chrono_literals;
const TimePoint kStart{std::chrono::seconds(1'785'000'000)};

TEST(CameraSnapshots, KeepsTheLatestImagePerCameraWithinItsBounds) {
  CameraSnapshots snapshots(/*max_image_bytes=*/100, /*max_total_bytes=*/250);
  EXPECT_TRUE(snapshots.put(1, std::string(100, 'a'), kStart));
  EXPECT_FALSE(snapshots.put(2, std::string(101, 'b'), kStart)) << "larger than one image may be";
  EXPECT_FALSE(snapshots.latest(2).has_value());
  EXPECT_TRUE(snapshots.put(2, std::string(100, 'b'), kStart + 1s));
  EXPECT_TRUE(snapshots.put(1, std::string(50, 'A'), kStart + 2s));  // replaces camera 1's
  EXPECT_EQ(snapshots.total_bytes(), 150U);
  EXPECT_EQ(*snapshots.latest(1)->jpeg, std::string(50, 'A'));
  EXPECT_EQ(snapshots.latest(1)->captured_at, kStart + 2s);
  // 150 + 100 = 250 fits; one more byte would not: the oldest capture (camera 2) goes.
  EXPECT_TRUE(snapshots.put(3, std::string(100, 'c'), kStart + 3s));
  EXPECT_EQ(snapshots.total_bytes(), 250U);
  EXPECT_TRUE(snapshots.put(4, std::string(10, 'd'), kStart + 4s));
  EXPECT_FALSE(snapshots.latest(2).has_value()) << "the oldest capture gave way";
  EXPECT_LE(snapshots.total_bytes(), 250U);
  snapshots.forget(3);
  EXPECT_FALSE(snapshots.latest(3).has_value());
  EXPECT_EQ(snapshots.total_bytes(), 60U);
}

}  // namespace
}  // namespace sigap::app::cameras
