#pragma once

#include "app/command_center/unit_tree.hpp"
#include "app/complaints/submit_complaint.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// Units and categories kept by admins (manage_master_data): add one, change one. Thin: JSON
/// to a form, the use case (app/master_data/units_admin, categories_admin) checks, writes and
/// audits. After a category changes, intake is told to read the categories again, so the very
/// next report is suggested by the new keywords.
class MasterDataAdminHandlers {
 public:
  /// Unit edits make `units` (the Command Center's kept tree) and the intake's routing book
  /// read again; category edits the routing book.
  MasterDataAdminHandlers(app::ports::Storage& storage, const Clock& clock, app::complaints::ComplaintIntake& intake,
                          app::command_center::UnitDirectory& units)
      : storage_(storage), clock_(clock), intake_(intake), units_(units) {}

  /// POST /api/v1/units
  Response create_unit(const Request& request);
  /// PUT /api/v1/units/{id} (numeric id or code)
  Response update_unit(const Request& request);
  /// POST /api/v1/categories
  Response create_category(const Request& request);
  /// PUT /api/v1/categories/{id} (numeric id or code)
  Response update_category(const Request& request);

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::complaints::ComplaintIntake& intake_;
  app::command_center::UnitDirectory& units_;
};

}  // namespace sigap::http::handlers
