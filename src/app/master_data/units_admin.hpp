#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/master_data/unit.hpp"

namespace sigap::app::master_data {

/// A unit as an admin's form sends it: the type and service hours still as text, parsed (and
/// complained about) together with every other field.
struct UnitForm {
  std::string code;  // on an edit: empty, or the unit's own code
  std::string type;  // domain::master_data::to_string(UnitType)
  std::string name;
  std::string parent_code;
  std::string region_code;
  std::string service_hours_text;  // "mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30"
  std::optional<domain::master_data::GeoPoint> office_location;
  std::string time_zone = "Asia/Jakarta";
};

/// Units (offices) kept by admins: add one, or change one. Every field is checked at once
/// (domain/master_data/unit_rules plus the references: the parent unit and the region must
/// exist, and a unit cannot be put under itself or one of its own units). Each change is
/// written and audited ("unit.created", "unit.updated" with the fields that changed) in one
/// transaction. A unit's code never changes: routing rules, categories, staff memberships and
/// cases refer to it. Thread-safe (holds references only).
class UnitsAdmin {
 public:
  UnitsAdmin(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  /// Adds the unit and returns it as stored. Errors: validation per field ("code" already taken
  /// among them); `conflict` when another admin took the code at the same moment.
  Result<domain::master_data::Unit> create(const UnitForm& form, const std::string& by);

  /// Replaces the unit named by `id_or_code` (numeric id or code) with `form`. Errors:
  /// `not_found`; validation per field as for create, on "code" when it differs from the unit's,
  /// and on "parent_code" when the parent would be the unit itself or below it.
  Result<domain::master_data::Unit> update(std::string_view id_or_code, const UnitForm& form, const std::string& by);

 private:
  /// The unit `form` describes, and every problem of it: parsing, its own rules, its references.
  Result<domain::master_data::Unit> check(const UnitForm& form, std::vector<FieldError>& problems);

  ports::Storage& storage_;
  const Clock& clock_;
};

}  // namespace sigap::app::master_data
