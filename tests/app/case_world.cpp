#include "app/case_world.hpp"

#include <gtest/gtest.h>

#include "app/complaints/act_on_case.hpp"
#include "app/master_data/demo_data.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "common/time_format.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {

namespace da = domain::access;

CaseWorld::CaseWorld() : clock_(*parse_utc("2026-08-04T03:00:00Z")), storage_(open_sqlite(dir_)) {
  auto loaded = app::master_data::load_palembang_demo_data(*storage_);
  EXPECT_TRUE(loaded.ok());
  rules_ = std::make_unique<app::sla::SlaRules>(*storage_, clock_, app::sla::indonesia_calendar());
  intake_ =
      std::make_unique<app::complaints::ComplaintIntake>(*storage_, clock_, *rules_, app::complaints::IntakeSettings{});
  supervisor_.kind = da::ActorKind::staff;
  supervisor_.id = 7;
  supervisor_.name = "Rina";
  supervisor_.memberships = {{"pemkot-palembang", da::Role::supervisor}};
  admin_.kind = da::ActorKind::staff;
  admin_.id = 1;
  admin_.name = "Admin";
  admin_.memberships = {{"pemkot-palembang", da::Role::admin}};
}

domain::complaints::Complaint CaseWorld::submit(const std::string& category,
                                                const std::function<void(domain::complaints::IntakeDraft&)>& edit) {
  app::complaints::SubmitRequest request;
  request.draft.description = "Air PDAM tidak mengalir sudah tiga hari di rumah kami";
  request.draft.category_code = category;
  request.draft.region_code = "16.71.01.1001";
  if (edit) edit(request.draft);
  auto answer = intake_->submit(request, [](const auto&) { return std::string("{}"); });
  EXPECT_TRUE(answer.ok()) << (answer.ok() ? "" : answer.error().message().en);
  return answer.ok() ? answer->created->complaint : domain::complaints::Complaint{};
}

domain::complaints::Complaint CaseWorld::act(std::int64_t id, const std::string& action, const std::string& unit) {
  app::complaints::CaseAction request;
  request.action = action;
  request.reason = "alasan " + action;
  request.unit_code = unit;
  auto done = app::complaints::act_on_case(*storage_, clock_, *rules_, supervisor_, id, request);
  EXPECT_TRUE(done.ok()) << action << ": " << (done.ok() ? "" : done.error().message().en);
  return done.ok() ? *done : domain::complaints::Complaint{};
}

}  // namespace sigap::testing
