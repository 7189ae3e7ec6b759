// The Command Center's storage on every backend (issue #6): presence sessions and geofences,
// the unstaffed alert raised and closed by the presence watch, the camera registry with its
// URL and credentials sealed, alerts that open, close, are acknowledged and listed by scope, and
// surges counted over the complaints table. Time is a fake clock.
#include <algorithm>

#include "app/alerts/alert_board.hpp"
#include "app/alerts/detect_surges.hpp"
#include "app/complaints/submit_complaint.hpp"
#include "app/identity/user_admin.hpp"
#include "app/master_data/demo_data.hpp"
#include "app/presence/presence_board.hpp"
#include "app/presence/record_presence.hpp"
#include "app/presence/watch_presence.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "common/time_format.hpp"
#include "domain/sla/time_zone.hpp"
#include "storage/contract/storage_backends.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "support/fake_clock.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;
namespace ds = domain::sla;
namespace dc = domain::cameras;
using namespace std::chrono_literals;

// "2026-08-04 10:00" on Palembang's wall clock (WIB).
TimePoint wib(std::string_view text) {
  auto date = ds::parse_date(text.substr(0, 10));
  EXPECT_TRUE(date.has_value()) << text;
  const int minute = std::stoi(std::string(text.substr(11, 2))) * 60 + std::stoi(std::string(text.substr(14, 2)));
  return ds::to_utc(date.value_or(ds::Date{}), minute, ds::UnitTimeZone::wib);
}

constexpr std::string_view kKelurahan = "kelurahan-16.71.01.1001";
// Kantor Lurah 1001, and a point 300 m north of it.
constexpr double kOfficeLatitude = -2.9760;
constexpr double kOfficeLongitude = 104.7450;
constexpr double kMetre = 1 / 111'195.0;

class CommandCenterContract : public StorageContract {
 protected:
  void SetUp() override {
    StorageContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage_).ok());
    rules_ = std::make_unique<app::sla::SlaRules>(*storage_, clock_, app::sla::indonesia_calendar());
    clock_.set(wib("2026-08-04 07:00"));  // a Tuesday
  }

  da::Actor staff(const std::string& email, da::Role role, std::string unit) {
    app::identity::UserAdmin admin(*storage_, clock_);
    auto user = admin.create(
        {email, "Petugas " + email, "Sungai-Musi-2026!", domain::identity::UserKind::staff, {{unit, role}}}, "test");
    EXPECT_TRUE(user.ok()) << (user.ok() ? "" : user.error().message().en);
    da::Actor actor;
    actor.kind = da::ActorKind::staff;
    actor.id = user.ok() ? user->id : 0;
    actor.name = "Petugas " + email;
    actor.memberships = {{std::move(unit), role}};
    return actor;
  }

  void set_office() {
    auto set = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
      auto done = tx.presence().set_geofence({std::string(kKelurahan), {kOfficeLatitude, kOfficeLongitude}, 100});
      if (!done) return done.error();
      EXPECT_TRUE(*done);
      return {};
    });
    ASSERT_TRUE(set.ok());
  }

  std::vector<app::ports::Alert> open_alerts(const std::string& kind) {
    auto alerts = storage_->alerts().open_of_kind(kind);
    EXPECT_TRUE(alerts.ok());
    return alerts.ok() ? *alerts : std::vector<app::ports::Alert>{};
  }

  app::presence::PresenceWatchReport watch(TimePoint now) {
    clock_.set(now);
    auto report = app::presence::watch_presence(*storage_, *rules_, now);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().log_detail());
    return report.ok() ? *report : app::presence::PresenceWatchReport{};
  }

  FakeClock clock_;
  std::unique_ptr<app::sla::SlaRules> rules_;
};

TEST_P(CommandCenterContract, GeofencesAndSessionsRoundTrip) {
  auto officer = staff("rina@palembang.go.id", da::Role::officer, std::string(kKelurahan));
  auto none = storage_->presence().geofence(kKelurahan);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value()) << "no office location in the demo data";
  set_office();
  auto fence = storage_->presence().geofence(kKelurahan);
  ASSERT_TRUE(fence.ok() && fence->has_value());
  EXPECT_DOUBLE_EQ((*fence)->office.latitude, kOfficeLatitude);
  EXPECT_EQ((*fence)->radius_m, 100);
  auto unit = storage_->units().find_by_code(kKelurahan);
  ASSERT_TRUE(unit.ok() && unit->has_value());
  ASSERT_TRUE((*unit)->office_location.has_value()) << "the same location the unit admin edits";

  app::ports::PresenceSession session;
  session.user_id = officer.id;
  session.unit_code = std::string(kKelurahan);
  session.checked_in_at = wib("2026-08-04 07:35");
  session.check_in_distance_m = 12;
  session.check_in_accuracy_m = 8;
  std::int64_t id = 0;
  ASSERT_TRUE(storage_
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    auto inserted = tx.presence().check_in(session);
                    if (!inserted) return inserted.error();
                    id = *inserted;
                    return {};
                  })
                  .ok());
  auto twice = storage_->write([&](app::ports::Transaction& tx) -> Result<void> {
    auto again = tx.presence().check_in(session);
    if (!again) return again.error();
    return {};
  });
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code(), ErrorCode::conflict) << "one open session per person";

  auto open = storage_->presence().open_session(officer.id);
  ASSERT_TRUE(open.ok() && open->has_value());
  session.id = id;
  EXPECT_EQ(**open, session);
  ASSERT_TRUE(storage_
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    auto ended = tx.presence().check_out(id, wib("2026-08-04 12:00"), 40, 15, "check_out");
                    if (!ended) return ended.error();
                    EXPECT_TRUE(*ended);
                    auto again = tx.presence().check_out(id, wib("2026-08-04 12:05"), std::nullopt, std::nullopt, "x");
                    if (!again) return again.error();
                    EXPECT_FALSE(*again) << "a closed session stays closed";
                    return {};
                  })
                  .ok());
  auto week = storage_->presence().sessions_since(wib("2026-08-03 00:00"));
  ASSERT_TRUE(week.ok());
  ASSERT_EQ(week->size(), 1U);
  EXPECT_EQ(week->front().checked_out_at, wib("2026-08-04 12:00"));
  EXPECT_EQ(week->front().check_out_distance_m, 40);
  EXPECT_EQ(week->front().ended_by, "check_out");
  auto outs = storage_->presence().last_check_outs(wib("2026-08-03 00:00"));
  ASSERT_TRUE(outs.ok());
  ASSERT_EQ(outs->size(), 1U);
  EXPECT_EQ(outs->front().at, wib("2026-08-04 12:00"));
  EXPECT_TRUE(storage_->presence().open_sessions()->empty());
}

TEST_P(CommandCenterContract, AnEmptyOfficeRaisesTheUnstaffedAlertAndACheckInClosesIt) {
  auto officer = staff("budi@palembang.go.id", da::Role::officer, std::string(kKelurahan));
  set_office();
  EXPECT_EQ(watch(wib("2026-08-04 07:00")).raised, 0U) << "before opening";
  EXPECT_EQ(watch(wib("2026-08-04 07:45")).raised, 0U) << "15 minutes is not more than 15";
  auto report = watch(wib("2026-08-04 07:46"));
  EXPECT_EQ(report.offices, 1U);
  EXPECT_EQ(report.raised, 1U);
  auto alerts = open_alerts("unstaffed");
  ASSERT_EQ(alerts.size(), 1U);
  EXPECT_EQ(alerts.front().unit_code, kKelurahan);
  EXPECT_EQ(alerts.front().subject, "unit:kelurahan-16.71.01.1001");
  EXPECT_NE(alerts.front().message.find("07:30 WIB"), std::string::npos) << alerts.front().message;
  EXPECT_EQ(watch(wib("2026-08-04 07:50")).raised, 0U) << "one open alert per office";

  // A check-in 300 m away is refused with the distance; one at the door closes the alert.
  app::presence::PresenceRecorder recorder(*storage_, clock_);
  clock_.set(wib("2026-08-04 07:55"));
  auto far = recorder.check_in(officer, {kOfficeLatitude + 300 * kMetre, kOfficeLongitude, 10, "", "127.0.0.1"});
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().code(), ErrorCode::validation);
  EXPECT_NE(far.error().message().en.find("You are 300 m from the office"), std::string::npos)
      << far.error().message().en;
  auto in = recorder.check_in(officer, {kOfficeLatitude + 20 * kMetre, kOfficeLongitude, 10, "", "127.0.0.1"});
  ASSERT_TRUE(in.ok()) << in.error().message().en;
  EXPECT_EQ(in->session.check_in_distance_m, 20);
  EXPECT_TRUE(open_alerts("unstaffed").empty()) << "the check-in closed it";
  auto closed = storage_->alerts().find(alerts.front().id);
  ASSERT_TRUE(closed.ok() && closed->has_value());
  EXPECT_EQ((*closed)->closed_at, wib("2026-08-04 07:55"));
  EXPECT_FALSE((*closed)->acknowledged_at.has_value());
  EXPECT_EQ(watch(wib("2026-08-04 09:00")).raised, 0U) << "staffed";

  // Left at 10:00: unstaffed again from 10:00, a new alert at 10:16; service ends at 16:00.
  clock_.set(wib("2026-08-04 10:00"));
  ASSERT_TRUE(recorder.check_out(officer, {}).ok());
  EXPECT_EQ(watch(wib("2026-08-04 10:15")).raised, 0U);
  EXPECT_EQ(watch(wib("2026-08-04 10:16")).raised, 1U);
  EXPECT_EQ(watch(wib("2026-08-04 16:00")).closed, 1U) << "closed when the service hours end";
  EXPECT_TRUE(open_alerts("unstaffed").empty());
}

TEST_P(CommandCenterContract, AForgottenCheckOutLapsesAfterTwelveHours) {
  auto officer = staff("sari@palembang.go.id", da::Role::officer, std::string(kKelurahan));
  set_office();
  app::presence::PresenceRecorder recorder(*storage_, clock_);
  clock_.set(wib("2026-08-04 07:40"));
  ASSERT_TRUE(recorder.check_in(officer, {kOfficeLatitude, kOfficeLongitude, 5, "", ""}).ok());
  EXPECT_EQ(watch(wib("2026-08-04 19:39")).lapsed, 0U);
  EXPECT_EQ(watch(wib("2026-08-04 19:41")).lapsed, 1U);
  auto sessions = storage_->presence().sessions_since(wib("2026-08-04 00:00"));
  ASSERT_TRUE(sessions.ok() && sessions->size() == 1U);
  EXPECT_EQ(sessions->front().checked_out_at, wib("2026-08-04 19:40"));
  EXPECT_EQ(sessions->front().ended_by, "lapsed");
  // The next morning nobody came: the alert counts from the opening, not from the lapse.
  EXPECT_EQ(watch(wib("2026-08-05 07:46")).raised, 1U);
}

TEST_P(CommandCenterContract, ThePresenceBoardCountsTheWeeksHours) {
  auto officer = staff("dewi@palembang.go.id", da::Role::officer, std::string(kKelurahan));
  auto other = staff("eko@palembang.go.id", da::Role::officer, std::string(kKelurahan));
  set_office();
  app::presence::PresenceRecorder recorder(*storage_, clock_);
  auto at_door = app::presence::CheckInRequest{kOfficeLatitude, kOfficeLongitude, 5, "", ""};
  clock_.set(wib("2026-08-03 07:30"));  // Monday
  ASSERT_TRUE(recorder.check_in(officer, at_door).ok());
  clock_.set(wib("2026-08-03 12:00"));
  ASSERT_TRUE(recorder.check_in(other, at_door).ok());
  clock_.set(wib("2026-08-03 15:00"));
  ASSERT_TRUE(recorder.check_out(officer, {}).ok());
  clock_.set(wib("2026-08-03 18:00"));  // after closing
  ASSERT_TRUE(recorder.check_out(other, {}).ok());
  clock_.set(wib("2026-08-04 08:00"));
  ASSERT_TRUE(recorder.check_in(officer, at_door).ok());

  clock_.set(wib("2026-08-04 09:00"));
  app::presence::PresenceBoard board(*storage_, clock_, *rules_);
  da::Actor leader;
  leader.kind = da::ActorKind::staff;
  leader.id = 99;
  leader.memberships = {{"pemkot-palembang", da::Role::leader}};
  auto offices = board.offices(leader, "kecamatan-16.71.01");
  ASSERT_TRUE(offices.ok()) << offices.error().message().en;
  auto office = std::find_if(offices->begin(), offices->end(), [](const auto& o) { return o.unit.code == kKelurahan; });
  ASSERT_NE(office, offices->end());
  EXPECT_TRUE(office->serving_now);
  ASSERT_EQ(office->checked_in.size(), 1U);
  EXPECT_EQ(office->checked_in.front().name, "Petugas dewi@palembang.go.id");
  EXPECT_EQ(office->week_start, wib("2026-08-03 00:00"));
  // Monday 07:30-18:00 and Tuesday 08:00-09:00 staffed; service Monday 8.5 h + Tuesday 1.5 h;
  // staffed service: Monday 8.5 h, Tuesday 1 h.
  EXPECT_EQ(office->staffed_week, 10h + 30min + 1h);
  EXPECT_EQ(office->service_week, 8h + 30min + 1h + 30min);
  EXPECT_EQ(office->staffed_service_week, 8h + 30min + 1h);
  // A kecamatan supervisor of another kecamatan may not look.
  auto stranger = staff("fajar@palembang.go.id", da::Role::supervisor, "kecamatan-16.71.02");
  auto refused = board.offices(stranger, "kecamatan-16.71.01");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::forbidden);
  auto own = board.offices(stranger, "");
  ASSERT_TRUE(own.ok());
  EXPECT_TRUE(own->empty()) << "no office with a location in its kecamatan";
}

// The raw stored text of one camera's sealed columns.
std::string raw_camera_row(const std::string& url, std::int64_t id) {
  std::string sql =
      "SELECT snapshot_url || ' ' || username || ' ' || password FROM cameras WHERE id = " + std::to_string(id);
  if (url.starts_with("postgres")) {
    auto connection = std::move(storage::postgres::PgConnection::connect(url).value());
    auto rows = connection->query(sql, {});
    return rows.ok() && !rows->empty() ? rows->rows.front()[0].value_or("") : "";
  }
  return {};
}

TEST_P(CommandCenterContract, CameraUrlAndCredentialsAreSealedAtRest) {
  dc::Camera camera;
  camera.unit_code = std::string(kKelurahan);
  camera.name = "Ruang pelayanan";
  camera.location = "Di atas loket 1";
  camera.position = domain::master_data::GeoPoint{kOfficeLatitude, kOfficeLongitude};
  camera.snapshot_url = "http://10.20.1.15/ISAPI/Streaming/channels/101/picture";
  camera.username = "operator-kelurahan";
  camera.password = "Kamera-Rahasia-1001";
  camera.health = {dc::CameraStatus::unknown, wib("2026-08-04 07:00"), {}};
  camera.created_at = camera.updated_at = wib("2026-08-04 07:00");
  ASSERT_TRUE(storage_
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    auto id = tx.cameras().insert(camera);
                    if (!id) return id.error();
                    camera.id = *id;
                    return {};
                  })
                  .ok());
  auto found = storage_->cameras().find(camera.id);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ(**found, camera);
  if (url().starts_with("postgres")) {
    auto raw = raw_camera_row(url(), camera.id);
    ASSERT_FALSE(raw.empty());
    EXPECT_EQ(raw.find("Kamera-Rahasia-1001"), std::string::npos) << raw;
    EXPECT_EQ(raw.find("operator-kelurahan"), std::string::npos);
    EXPECT_EQ(raw.find("10.20.1.15"), std::string::npos);
    EXPECT_TRUE(raw.starts_with("v1.")) << "sealed: " << raw;
  }
  // Health is written apart from what admins keep.
  ASSERT_TRUE(storage_
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    auto set = tx.cameras().set_health(camera.id,
                                                       {dc::CameraStatus::down, wib("2026-08-04 08:00"), "timed out"});
                    if (!set) return set.error();
                    camera.password.clear();
                    auto updated = tx.cameras().update(camera);
                    if (!updated) return updated.error();
                    return {};
                  })
                  .ok());
  auto after = storage_->cameras().list();
  ASSERT_TRUE(after.ok() && after->size() == 1U);
  EXPECT_EQ(after->front().health.status, dc::CameraStatus::down);
  EXPECT_EQ(after->front().health.last_error, "timed out");
  EXPECT_TRUE(after->front().password.empty());
  EXPECT_EQ(after->front().username, "operator-kelurahan");
  ASSERT_TRUE(storage_
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    auto removed = tx.cameras().remove(camera.id);
                    if (!removed) return removed.error();
                    EXPECT_TRUE(*removed);
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(storage_->cameras().list()->empty());
}

app::ports::Alert alert_of(std::string kind, std::string unit, std::string subject, TimePoint at) {
  app::ports::Alert alert;
  alert.kind = std::move(kind);
  alert.severity = "warning";
  alert.unit_code = std::move(unit);
  alert.subject = std::move(subject);
  alert.message = "pesan / message";
  alert.created_at = at;
  return alert;
}

TEST_P(CommandCenterContract, AlertsOpenCloseAndAreListedByScope) {
  const auto t0 = wib("2026-08-04 08:00");
  std::vector<std::int64_t> ids;
  ASSERT_TRUE(storage_
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    for (const auto& alert :
                         {alert_of("camera_down", "kelurahan-16.71.01.1001", "camera:1", t0),
                          alert_of("camera_down", "kelurahan-16.71.01.1001", "camera:1", t0),  // still open: none
                          alert_of("unstaffed", "kelurahan-16.71.02.1002", "unit:kelurahan-16.71.02.1002", t0),
                          alert_of("sla_breach", "dinas-pupr", "complaint:7", t0),
                          alert_of("calendar_missing", "", "year:2027", t0)}) {
                      auto raised = tx.alerts().raise(alert);
                      if (!raised) return raised.error();
                      if (*raised) ids.push_back(**raised);
                    }
                    return {};
                  })
                  .ok());
  ASSERT_EQ(ids.size(), 4U);
  // Closed, then raised again: a new alert for the same subject.
  ASSERT_TRUE(storage_
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    auto closed = tx.alerts().close("camera_down", "camera:1", t0 + 10min);
                    if (!closed) return closed.error();
                    EXPECT_TRUE(*closed);
                    auto again = tx.alerts().close("camera_down", "camera:1", t0 + 11min);
                    if (!again) return again.error();
                    EXPECT_FALSE(*again);
                    auto reopened =
                        tx.alerts().raise(alert_of("camera_down", "kelurahan-16.71.01.1001", "camera:1", t0 + 20min));
                    if (!reopened) return reopened.error();
                    EXPECT_TRUE(reopened->has_value());
                    return {};
                  })
                  .ok());

  da::Actor supervisor;
  supervisor.kind = da::ActorKind::staff;
  supervisor.id = 5;
  supervisor.memberships = {{"kecamatan-16.71.01", da::Role::supervisor}};
  app::alerts::AlertBoard board(*storage_, clock_);
  auto mine = board.list(supervisor, {.state = app::ports::AlertState::all});
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->items.size(), 2U) << "the kecamatan's camera alerts only";
  EXPECT_TRUE(mine->items[0].open()) << "open first";
  EXPECT_FALSE(mine->items[1].open());
  EXPECT_EQ(mine->items[1].closed_at, t0 + 10min);

  da::Actor admin;
  admin.kind = da::ActorKind::staff;
  admin.id = 6;
  admin.memberships = {{"pemkot-palembang", da::Role::admin}};
  auto everything = board.list(admin, {.state = app::ports::AlertState::open});
  ASSERT_TRUE(everything.ok());
  EXPECT_EQ(everything->items.size(), 4U) << "the city-wide calendar alert too";
  // Pages of one: open ones newest first, then the closed one.
  std::vector<std::int64_t> seen;
  std::optional<std::string> cursor;
  do {
    app::alerts::AlertFilter filter;
    filter.state = app::ports::AlertState::all;
    filter.limit = 1;
    filter.cursor = cursor;
    auto page = board.list(admin, filter);
    ASSERT_TRUE(page.ok());
    for (const auto& alert : page->items) seen.push_back(alert.id);
    cursor = page->next_cursor;
  } while (cursor);
  ASSERT_EQ(seen.size(), 5U);
  EXPECT_EQ(seen.back(), ids.front()) << "the closed one last";
  auto by_kind = board.list(admin, {.kind = "unstaffed"});
  ASSERT_TRUE(by_kind.ok());
  ASSERT_EQ(by_kind->items.size(), 1U);
  auto under = board.list(admin, {.unit = "kecamatan-16.71.02"});
  ASSERT_TRUE(under.ok());
  ASSERT_EQ(under->items.size(), 1U);
  EXPECT_EQ(under->items.front().kind, "unstaffed");

  // Acknowledging an event closes it; a condition stays open; twice is a conflict naming who.
  clock_.set(t0 + 30min);
  auto breach = board.acknowledge(admin, ids[2], "127.0.0.1");
  ASSERT_TRUE(breach.ok()) << breach.error().message().en;
  EXPECT_EQ(breach->acknowledged_by, "user:6");
  EXPECT_EQ(breach->closed_at, t0 + 30min);
  auto camera_alert = open_alerts("camera_down");
  ASSERT_EQ(camera_alert.size(), 1U);
  auto seen_camera = board.acknowledge(supervisor, camera_alert.front().id, "127.0.0.1");
  ASSERT_TRUE(seen_camera.ok());
  EXPECT_TRUE(seen_camera->open()) << "a camera down stays open until it is up";
  EXPECT_EQ(open_alerts("camera_down").front().acknowledged_by, "user:5");
  auto twice = board.acknowledge(admin, camera_alert.front().id, "127.0.0.1");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code(), ErrorCode::conflict);
  EXPECT_NE(twice.error().message().en.find("user:5"), std::string::npos);
  auto not_theirs = board.acknowledge(supervisor, ids[1], "127.0.0.1");
  ASSERT_FALSE(not_theirs.ok());
  EXPECT_EQ(not_theirs.error().code(), ErrorCode::not_found) << "another kecamatan's alert";

  auto counts = storage_->alerts().open_counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->size(), 3U);  // calendar (city), camera (1001), unstaffed (02.1001)
  // The SLA use cases still see the same table: open ones, newest first.
  auto sla_open = storage_->sla().alerts(true, 10);
  ASSERT_TRUE(sla_open.ok());
  EXPECT_EQ(sla_open->size(), 3U);
}

// Reports of `category` in kelurahan 16.71.01.1001 at `when`, through the real intake.
void report(app::ports::Storage& storage, FakeClock& clock, app::sla::SlaRules& rules, const std::string& category,
            TimePoint when, int count) {
  app::complaints::ComplaintIntake intake(storage, clock, rules, {});
  for (int i = 0; i < count; ++i) {
    clock.set(when + std::chrono::minutes(i));
    app::complaints::SubmitRequest request;
    request.draft.description =
        "Banjir setinggi lutut di gang " + std::to_string(i) + " sejak subuh tadi, air masuk rumah";
    request.draft.category_code = category;
    request.draft.region_code = "16.71.01.1001";
    auto answer = intake.submit(request, [](const auto&) { return std::string("{}"); });
    ASSERT_TRUE(answer.ok()) << (answer.ok() ? "" : answer.error().log_detail());
  }
}

TEST_P(CommandCenterContract, TheDashboardsLiveReadCountsActiveCamerasAndOpenAlertsPerUnit) {
  // DashboardRepository::live: the figures' version and, per unit, what every summary request
  // reads afresh, in one statement.
  const auto t0 = wib("2026-08-04 08:00");
  auto camera_at = [&](std::string unit, dc::CameraStatus status, bool active) {
    dc::Camera camera;
    camera.unit_code = std::move(unit);
    camera.name = "Kamera";
    camera.snapshot_url = "http://10.20.1.15/snapshot.jpg";
    camera.active = active;
    camera.health = {status, t0, {}};
    camera.created_at = camera.updated_at = t0;
    return camera;
  };
  ASSERT_TRUE(storage_
                  ->write([&](app::ports::Transaction& tx) -> Result<void> {
                    for (const auto& camera :
                         {camera_at("kelurahan-16.71.01.1001", dc::CameraStatus::up, true),
                          camera_at("kelurahan-16.71.01.1001", dc::CameraStatus::up, true),
                          camera_at("kelurahan-16.71.01.1001", dc::CameraStatus::down, true),
                          camera_at("kelurahan-16.71.01.1001", dc::CameraStatus::down, false),  // switched off
                          camera_at("dinas-pupr", dc::CameraStatus::unknown, true)}) {
                      if (auto id = tx.cameras().insert(camera); !id) return id.error();
                    }
                    for (const auto& alert :
                         {alert_of("camera_down", "kelurahan-16.71.01.1001", "camera:3", t0),
                          alert_of("unstaffed", "kelurahan-16.71.01.1001", "unit:kelurahan-16.71.01.1001", t0),
                          alert_of("sla_breach", "dinas-pupr", "complaint:7", t0)}) {
                      if (auto raised = tx.alerts().raise(alert); !raised) return raised.error();
                    }
                    auto closed = tx.alerts().close("sla_breach", "complaint:7", t0 + 1min);
                    if (!closed) return closed.error();
                    return {};
                  })
                  .ok());
  auto live = storage_->dashboard().live();
  ASSERT_TRUE(live.ok()) << live.error().log_detail();
  auto version = storage_->dashboard().version();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(live->version, *version);
  using State = app::ports::UnitLiveState;
  std::map<std::string, State, std::less<>> expected{{"kelurahan-16.71.01.1001", State{2, 1, 2}},
                                                     {"dinas-pupr", State{0, 0, 0}}};
  EXPECT_EQ(live->units, expected);
}

TEST_P(CommandCenterContract, ASurgeOfReportsRaisesOneAlertPerHour) {
  // The usual: a report every other day for 28 days (14 = 0.02 an hour).
  for (int day = 28; day >= 2; day -= 2) {
    report(*storage_, clock_, *rules_, "banjir-drainase", wib("2026-08-04 09:00") - std::chrono::days(day), 1);
  }
  auto rates =
      storage_->report_rates().count_in_regions("banjir-drainase", {"16.71.01", "16.71.01.1001", "16.71.01.1002"},
                                                wib("2026-07-07 09:00"), wib("2026-08-04 09:00"));
  ASSERT_TRUE(rates.ok());
  EXPECT_EQ(*rates, 14);
  // Four in the hour: under the floor.
  report(*storage_, clock_, *rules_, "banjir-drainase", wib("2026-08-04 09:05"), 4);
  auto quiet = app::alerts::detect_surges(*storage_, wib("2026-08-04 09:30"));
  ASSERT_TRUE(quiet.ok()) << quiet.error().log_detail();
  EXPECT_EQ(quiet->raised, 0U);
  // A fifth, and another category's single report.
  report(*storage_, clock_, *rules_, "banjir-drainase", wib("2026-08-04 09:40"), 1);
  report(*storage_, clock_, *rules_, "sampah", wib("2026-08-04 09:41"), 1);
  auto counts = storage_->report_rates().counts_between(wib("2026-08-04 09:00"), wib("2026-08-04 10:00"));
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 2U);
  EXPECT_EQ(counts->front().category_code, "banjir-drainase");
  EXPECT_EQ(counts->front().count, 5);
  auto surged = app::alerts::detect_surges(*storage_, wib("2026-08-04 09:45"));
  ASSERT_TRUE(surged.ok());
  EXPECT_EQ(surged->raised, 1U);
  auto alerts = open_alerts("surge");
  ASSERT_EQ(alerts.size(), 1U);
  EXPECT_EQ(alerts.front().unit_code, "kecamatan-16.71.01");
  EXPECT_EQ(alerts.front().subject, "surge:banjir-drainase:16.71.01:2026-08-04T02:00:00Z");
  EXPECT_NE(alerts.front().message.find("5 aduan sejak 09:00 WIB"), std::string::npos) << alerts.front().message;
  // Acknowledged (closed): the same hour never alerts again, not even in the next hour's look.
  da::Actor admin;
  admin.kind = da::ActorKind::staff;
  admin.id = 6;
  admin.memberships = {{"pemkot-palembang", da::Role::admin}};
  ASSERT_TRUE(app::alerts::AlertBoard(*storage_, clock_).acknowledge(admin, alerts.front().id, "").ok());
  EXPECT_EQ(app::alerts::detect_surges(*storage_, wib("2026-08-04 09:50"))->raised, 0U);
  EXPECT_EQ(app::alerts::detect_surges(*storage_, wib("2026-08-04 10:10"))->raised, 0U);
  EXPECT_TRUE(open_alerts("surge").empty());
}

SIGAP_STORAGE_CONTRACT(CommandCenterContract);

}  // namespace
}  // namespace sigap::testing
