#include "app/master_data/units_admin.hpp"

#include <algorithm>

#include "app/audit/record_audit.hpp"
#include "app/master_data/master_data_queries.hpp"
#include "app/master_data/reference_checks.hpp"
#include "domain/master_data/code_slug.hpp"
#include "domain/master_data/unit_rules.hpp"

namespace sigap::app::master_data {

namespace dm = domain::master_data;

namespace {

Error invalid(std::vector<FieldError> problems) {
  return Error(ErrorCode::validation,
               Text{"Data unit belum benar; periksa isian yang ditandai.",
                    "The unit is not right yet; check the marked fields."},
               std::move(problems));
}

// The fields an edit changed, for the audit log ("name, parent_code"); never personal data.
std::string changed_fields(const dm::Unit& before, const dm::Unit& after) {
  std::string changed;
  auto note = [&](bool differs, std::string_view name) {
    if (!differs) return;
    if (!changed.empty()) changed += ", ";
    changed += name;
  };
  note(before.type != after.type, "type");
  note(before.name != after.name, "name");
  note(before.parent_code != after.parent_code, "parent_code");
  note(before.region_code != after.region_code, "region_code");
  note(before.service_hours != after.service_hours, "service_hours");
  note(before.office_location != after.office_location, "office_location");
  note(before.time_zone != after.time_zone, "time_zone");
  return changed.empty() ? std::string("no change") : changed;
}

}  // namespace

Result<dm::Unit> UnitsAdmin::check(const UnitForm& form, std::vector<FieldError>& problems) {
  dm::Unit unit;
  unit.code = form.code;
  if (form.type.empty()) {
    problems.push_back({"type", Text{"Pilih jenis unit.", "Choose the kind of unit."}});
  } else if (auto type = dm::unit_type_from_string(form.type, "type"); type) {
    unit.type = *type;
  } else {
    for (const auto& field : type.error().fields()) problems.push_back(field);
  }
  unit.name = form.name;
  unit.parent_code = form.parent_code;
  unit.region_code = form.region_code;
  if (auto hours = dm::parse_service_hours(form.service_hours_text, "service_hours_text"); hours) {
    unit.service_hours = *hours;
  } else {
    for (const auto& field : hours.error().fields()) problems.push_back(field);
  }
  unit.office_location = form.office_location;
  unit.time_zone = form.time_zone;

  auto own = dm::check_unit(unit);
  problems.insert(problems.end(), own.begin(), own.end());
  auto named = [&](std::string_view field) {
    return std::any_of(problems.begin(), problems.end(), [&](const FieldError& p) { return p.field == field; });
  };
  if (!named("parent_code")) {
    if (auto checked = check_unit_exists(storage_, unit.parent_code, problems, "parent_code"); !checked) {
      return checked.error();
    }
  }
  if (auto checked = check_region_exists(storage_, unit.region_code, problems, "region_code"); !checked) {
    return checked.error();
  }
  return unit;
}

Result<dm::Unit> UnitsAdmin::create(const UnitForm& form, const std::string& by) {
  std::vector<FieldError> problems;
  auto unit = check(form, problems);
  if (!unit) return unit.error();
  if (dm::is_code_slug(unit->code)) {
    auto taken = storage_.units().find_by_code(unit->code);
    if (!taken) return taken.error();
    if (taken->has_value()) {
      problems.push_back({"code", Text{"Kode ini sudah dipakai unit lain.", "This code is taken by another unit."}});
    }
  }
  if (!problems.empty()) return invalid(std::move(problems));
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto id = tx.master_data().insert_unit(*unit);
    if (!id) return id.error();
    unit->id = *id;
    auto audited = audit::record_audit(tx, {clock_.now(), by, "unit.created", "unit:" + unit->code, unit->name, ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return std::move(*unit);
}

Result<dm::Unit> UnitsAdmin::update(std::string_view id_or_code, const UnitForm& form, const std::string& by) {
  auto stored = MasterDataQueries(storage_).get_unit(id_or_code);
  if (!stored) return stored.error();
  std::vector<FieldError> problems;
  if (!form.code.empty() && form.code != stored->code) {
    problems.push_back({"code", Text{"Kode unit tidak dapat diubah.", "A unit's code cannot be changed."}});
  }
  UnitForm named_form = form;
  named_form.code = stored->code;
  auto checked = check(named_form, problems);
  if (!checked) return checked.error();
  auto& unit = *checked;
  unit.id = stored->id;
  bool parent_named =
      std::any_of(problems.begin(), problems.end(), [](const FieldError& p) { return p.field == "parent_code"; });
  if (!parent_named && !unit.parent_code.empty()) {
    // The chain above the new parent must not pass through this unit.
    auto above = storage_.units().path_to(unit.parent_code);
    if (!above) return above.error();
    if (std::find(above->begin(), above->end(), unit.code) != above->end()) {
      problems.push_back({"parent_code", Text{"Unit induk tidak boleh unit ini sendiri atau unit di bawahnya.",
                                              "The parent cannot be this unit or a unit below it."}});
    }
  }
  if (!problems.empty()) return invalid(std::move(problems));
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto updated = tx.master_data().update_unit(unit);
    if (!updated) return updated.error();
    if (!*updated) return not_found("Unit", "unit", unit.code);
    auto audited = audit::record_audit(
        tx, {clock_.now(), by, "unit.updated", "unit:" + unit.code, changed_fields(*stored, unit), ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return std::move(unit);
}

}  // namespace sigap::app::master_data
