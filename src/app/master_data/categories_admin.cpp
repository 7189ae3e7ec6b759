#include "app/master_data/categories_admin.hpp"

#include <charconv>

#include "app/audit/record_audit.hpp"
#include "app/master_data/master_data_queries.hpp"
#include "app/master_data/reference_checks.hpp"
#include "domain/master_data/category_rules.hpp"
#include "domain/master_data/code_slug.hpp"

namespace sigap::app::master_data {

namespace dm = domain::master_data;

namespace {

Error invalid(std::vector<FieldError> problems) {
  return Error(ErrorCode::validation,
               Text{"Data kategori belum benar; periksa isian yang ditandai.",
                    "The category is not right yet; check the marked fields."},
               std::move(problems));
}

// The fields an edit changed, for the audit log ("name, keywords").
std::string changed_fields(const dm::Category& before, const dm::Category& after) {
  std::string changed;
  auto note = [&](bool differs, std::string_view name) {
    if (!differs) return;
    if (!changed.empty()) changed += ", ";
    changed += name;
  };
  note(before.name_id != after.name_id, "name");
  note(before.name_en != after.name_en, "name_en");
  note(before.description_id != after.description_id, "description");
  note(before.default_unit_code != after.default_unit_code, "default_unit_code");
  note(before.keywords != after.keywords, "keywords");
  note(before.field_work != after.field_work, "field_work");
  return changed.empty() ? std::string("no change") : changed;
}

// The stored category with that id (all digits) or code, if any.
Result<std::optional<dm::Category>> find_category(ports::Storage& storage, std::string_view id_or_code) {
  auto categories = storage.categories().list();
  if (!categories) return categories.error();
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(id_or_code.data(), id_or_code.data() + id_or_code.size(), id);
  bool numeric = ec == std::errc() && end == id_or_code.data() + id_or_code.size();
  for (auto& category : *categories) {
    if (numeric ? category.id == id : category.code == id_or_code)
      return std::optional<dm::Category>(std::move(category));
  }
  return std::optional<dm::Category>();
}

}  // namespace

Result<dm::Category> CategoriesAdmin::create(dm::Category category, const std::string& by) {
  category.id = 0;
  auto problems = dm::check_category(category);
  if (auto checked = check_unit_exists(storage_, category.default_unit_code, problems, "default_unit_code"); !checked) {
    return checked.error();
  }
  if (dm::is_code_slug(category.code)) {
    auto taken = find_category(storage_, category.code);
    if (!taken) return taken.error();
    if (taken->has_value()) {
      problems.push_back(
          {"code", Text{"Kode ini sudah dipakai kategori lain.", "This code is taken by another category."}});
    }
  }
  if (!problems.empty()) return invalid(std::move(problems));
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto id = tx.master_data().insert_category(category);
    if (!id) return id.error();
    category.id = *id;
    auto audited = audit::record_audit(
        tx, {clock_.now(), by, "category.created", "category:" + category.code, category.name_id, ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return category;
}

Result<dm::Category> CategoriesAdmin::update(std::string_view id_or_code, dm::Category category,
                                             const std::string& by) {
  auto stored = find_category(storage_, id_or_code);
  if (!stored) return stored.error();
  if (!stored->has_value()) return not_found("Kategori", "category", id_or_code);
  const auto& before = **stored;
  std::vector<FieldError> problems;
  if (!category.code.empty() && category.code != before.code) {
    problems.push_back({"code", Text{"Kode kategori tidak dapat diubah.", "A category's code cannot be changed."}});
  }
  category.code = before.code;
  category.id = before.id;
  auto own = dm::check_category(category);
  problems.insert(problems.end(), own.begin(), own.end());
  if (auto checked = check_unit_exists(storage_, category.default_unit_code, problems, "default_unit_code"); !checked) {
    return checked.error();
  }
  if (!problems.empty()) return invalid(std::move(problems));
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto updated = tx.master_data().update_category(category);
    if (!updated) return updated.error();
    if (!*updated) return not_found("Kategori", "category", category.code);
    auto audited = audit::record_audit(
        tx, {clock_.now(), by, "category.updated", "category:" + category.code, changed_fields(before, category), ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return category;
}

}  // namespace sigap::app::master_data
