#pragma once

#include <memory>
#include <string>

#include "app/complaints/submit_complaint.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "domain/access/access.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {

/// What the integration tests need to make cases and events: a real SQLite file with the
/// Palembang demo data, intake and the workflow on a fake clock (Tuesday 2026-08-04 10:00 WIB),
/// and a supervisor of the whole city who works the cases.
class CaseWorld {
 public:
  CaseWorld();

  /// A report of `category` in kelurahan 16.71.01.1001; `edit` may change the draft first.
  domain::complaints::Complaint submit(const std::string& category = "air-bersih",
                                       const std::function<void(domain::complaints::IntakeDraft&)>& edit = {});
  /// A workflow action by the supervisor; fails the test when it is refused.
  domain::complaints::Complaint act(std::int64_t id, const std::string& action, const std::string& unit = {});

  app::ports::Storage& storage() { return *storage_; }
  FakeClock& clock() { return clock_; }
  [[nodiscard]] const domain::access::Actor& admin() const { return admin_; }

 private:
  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<app::ports::Storage> storage_;
  std::unique_ptr<app::sla::SlaRules> rules_;
  std::unique_ptr<app::complaints::ComplaintIntake> intake_;
  domain::access::Actor supervisor_;
  domain::access::Actor admin_;
};

}  // namespace sigap::testing
