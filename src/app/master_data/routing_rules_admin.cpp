#include "app/master_data/routing_rules_admin.hpp"

#include "app/audit/record_audit.hpp"
#include "app/master_data/reference_checks.hpp"

namespace sigap::app::master_data {

namespace dc = domain::complaints;

namespace {

std::string target_of(const std::string& category_code, const std::string& region_code) {
  return "routing_rule:" + (category_code.empty() ? std::string("*") : category_code) + "/" +
         (region_code.empty() ? std::string("*") : region_code);
}

}  // namespace

Result<std::vector<dc::RoutingRule>> RoutingRulesAdmin::list() { return storage_.complaints().routing_rules(); }

Result<void> RoutingRulesAdmin::save(const dc::RoutingRule& rule, const std::string& by) {
  std::vector<FieldError> problems;
  if (auto checked = check_category_exists(storage_, rule.category_code, problems); !checked) return checked;
  if (auto checked = check_region_exists(storage_, rule.region_code, problems); !checked) return checked;
  if (rule.unit_code.empty()) {
    problems.push_back({"unit_code", Text{"Pilih unit yang menangani.", "Choose the unit that handles it."}});
  } else if (auto checked = check_unit_exists(storage_, rule.unit_code, problems); !checked) {
    return checked;
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Aturan disposisi tidak valid.", "Invalid routing rule."},
                 std::move(problems));
  }
  return storage_.write([&](ports::Transaction& tx) -> Result<void> {
    if (auto saved = tx.complaints().save_routing_rule(rule); !saved) return saved;
    auto audited = audit::record_audit(tx, {clock_.now(), by, "routing_rule.saved",
                                            target_of(rule.category_code, rule.region_code), "unit " + rule.unit_code,
                                            ""});
    if (!audited) return audited.error();
    return {};
  });
}

Result<void> RoutingRulesAdmin::remove(const std::string& category_code, const std::string& region_code,
                                       const std::string& by) {
  return storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto removed = tx.complaints().delete_routing_rule(category_code, region_code);
    if (!removed) return removed.error();
    if (!*removed) {
      return Error(ErrorCode::not_found, Text{"Tidak ada aturan untuk kategori dan wilayah itu.",
                                              "No rule for that category and region."});
    }
    auto audited = audit::record_audit(
        tx, {clock_.now(), by, "routing_rule.deleted", target_of(category_code, region_code), "", ""});
    if (!audited) return audited.error();
    return {};
  });
}

}  // namespace sigap::app::master_data
