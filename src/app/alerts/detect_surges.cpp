#include "app/alerts/detect_surges.hpp"

#include <map>

#include <fmt/format.h>

#include "app/command_center/wall_clock.hpp"
#include "common/logging.hpp"
#include "domain/alerts/alert_kind.hpp"
#include "domain/alerts/surge.hpp"

namespace sigap::app::alerts {

namespace dal = domain::alerts;
namespace dm = domain::master_data;

namespace {

// The kecamatan office serving a district region, by its region code.
Result<std::map<std::string, dm::Unit, std::less<>>> district_offices(ports::Storage& storage) {
  ports::UnitFilter filter;
  filter.type = dm::UnitType::district_office;
  auto units = storage.units().list(filter);
  if (!units) return units.error();
  std::map<std::string, dm::Unit, std::less<>> offices;
  for (auto& unit : *units) {
    if (!unit.region_code.empty()) offices.emplace(unit.region_code, std::move(unit));
  }
  return offices;
}

}  // namespace

Result<SurgeReport> detect_surges(ports::Storage& storage, TimePoint now) {
  SurgeReport report;
  const auto current = dal::hour_start(now);
  std::vector<ports::Alert> surges;
  std::optional<std::map<std::string, dm::Unit, std::less<>>> offices;
  std::optional<std::map<std::string, std::string, std::less<>>> category_names;
  for (auto hour : {current - std::chrono::hours(1), current}) {
    const auto end = std::min(hour + std::chrono::hours(1), now + std::chrono::seconds(1));
    auto counts = storage.report_rates().counts_between(hour, end);
    if (!counts) return counts.error();
    std::map<std::pair<std::string, std::string>, std::int64_t> per_kecamatan;
    for (const auto& count : *counts) {
      auto kecamatan = dal::kecamatan_of(count.region_code);
      if (!kecamatan.empty()) per_kecamatan[{count.category_code, kecamatan}] += count.count;
    }
    for (const auto& [key, reports] : per_kecamatan) {
      if (reports < dal::kMinSurgeReports) continue;
      ++report.candidates;
      const auto& [category, kecamatan] = key;
      auto villages = storage.regions().children_of(kecamatan);
      if (!villages) return villages.error();
      std::vector<std::string> regions{kecamatan};
      for (const auto& village : *villages) regions.push_back(village.code);
      auto baseline = storage.report_rates().count_in_regions(category, regions,
                                                              hour - std::chrono::days(dal::kBaselineDays), hour);
      if (!baseline) return baseline.error();
      auto verdict = dal::judge_surge(reports, *baseline);
      if (!verdict.surge) continue;
      if (!offices) {
        auto found = district_offices(storage);
        if (!found) return found.error();
        offices = std::move(*found);
        auto categories = storage.categories().list();
        if (!categories) return categories.error();
        category_names.emplace();
        for (const auto& c : *categories) category_names->emplace(c.code, c.name_id);
      }
      auto region = storage.regions().find(kecamatan);
      if (!region) return region.error();
      const std::string place = *region ? "Kecamatan " + (*region)->name : kecamatan;
      auto office = offices->find(kecamatan);
      auto name = category_names->find(category);
      const auto zone =
          office != offices->end() ? command_center::zone_of(office->second.time_zone) : domain::sla::UnitTimeZone::wib;
      ports::Alert alert;
      alert.kind = std::string(dal::to_string(dal::AlertKind::surge));
      alert.severity = std::string(dal::to_string(dal::Severity::warning));
      alert.unit_code = office != offices->end() ? office->second.code : std::string();
      alert.subject = dal::surge_subject(category, kecamatan, hour);
      const auto from = command_center::wall_clock(hour, zone);
      alert.message = fmt::format(
          "Lonjakan aduan {0} di {1}: {2} aduan sejak {3} dalam satu jam, biasanya {4:.2f} per jam. / Surge of "
          "{0} reports in {1}: {2} in the hour from {3}, usually {4:.2f} an hour.",
          name != category_names->end() ? name->second : category, place, reports, from, verdict.usual_per_hour);
      alert.created_at = now;
      surges.push_back(std::move(alert));
    }
  }
  if (surges.empty()) return report;
  auto written = storage.write([&](ports::Transaction& tx) -> Result<void> {
    report.raised = 0;
    for (const auto& alert : surges) {
      auto raised = tx.alerts().raise_once(alert);
      if (!raised) return raised.error();
      if (*raised) ++report.raised;
    }
    return {};
  });
  if (!written) return written.error();
  if (report.raised > 0) logging::app().info("surge watch: {} surge alerts raised", report.raised);
  return report;
}

}  // namespace sigap::app::alerts
