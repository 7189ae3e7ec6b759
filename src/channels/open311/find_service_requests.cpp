#include "channels/open311/find_service_requests.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/complaints/reporter_access.hpp"
#include "domain/complaints/case_filter.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::channels::open311 {

namespace dc = domain::complaints;
namespace dm = domain::master_data;

namespace {

// 0.001 degree is about 111 m: the precision of every public pin.
double rounded(double degrees) { return std::round(degrees * 1000.0) / 1000.0; }

}  // namespace

Text service_notice(const dc::Complaint& complaint, const dm::Unit* unit) {
  std::string name = unit ? unit->name : complaint.unit_code;
  if (complaint.merged_into_id) {
    return Text{"Digabung dengan aduan lain tentang masalah yang sama.", "Merged into another report of the same problem."};
  }
  switch (complaint.status) {
    case dc::Status::resolved:
    case dc::Status::closed:
      return Text{"Sudah ditindaklanjuti oleh " + name + ".", "Resolved by " + name + "."};
    case dc::Status::rejected:
      return Text{"Diarsipkan oleh " + name + " tanpa tindak lanjut.", "Archived by " + name + " without action."};
    default:
      break;
  }
  Text notice{"Ditangani oleh " + name + ".", "Handled by " + name + "."};
  if (complaint.deadlines.resolve) {
    auto zone = domain::sla::UnitTimeZone::wib;
    if (unit) {
      if (auto named = domain::sla::time_zone_from_name(unit->time_zone)) zone = *named;
    }
    auto day = domain::sla::format_date(domain::sla::local_date(*complaint.deadlines.resolve, zone));
    auto abbreviation = std::string(domain::sla::abbreviation(zone));
    notice.id += " Target selesai " + day + " (" + abbreviation + ").";
    notice.en += " Expected to be resolved by " + day + " (" + abbreviation + ").";
  }
  return notice;
}

namespace {

// Turns public cases into views, reading each category, unit and region once.
class ViewBuilder {
 public:
  ViewBuilder(app::ports::Storage& storage, Language language) : storage_(storage), language_(language) {}

  Result<std::vector<ServiceRequestView>> build(const std::vector<dc::Complaint>& complaints) {
    std::vector<std::int64_t> ids;
    ids.reserve(complaints.size());
    for (const auto& complaint : complaints) ids.push_back(complaint.id);
    auto extras = storage_.open311().request_extras(ids);
    if (!extras) return extras.error();
    auto categories = storage_.categories().list();
    if (!categories) return categories.error();
    for (auto& category : *categories) categories_.emplace(category.code, std::move(category));
    std::vector<ServiceRequestView> views;
    views.reserve(complaints.size());
    for (const auto& complaint : complaints) {
      auto view = view_of(complaint);
      if (!view) return view.error();
      if (auto found = extras->find(complaint.id); found != extras->end()) {
        view->media_url = found->second.media_url;
        view->status_notes = found->second.status_note;
      }
      views.push_back(std::move(*view));
    }
    return views;
  }

 private:
  Result<ServiceRequestView> view_of(const dc::Complaint& complaint) {
    ServiceRequestView view;
    view.service_request_id = complaint.public_code;
    view.open = is_open(complaint.status) && !complaint.merged_into_id;
    view.service_code = complaint.category_code;
    if (auto category = categories_.find(complaint.category_code); category != categories_.end()) {
      view.service_name = language_ == Language::en ? category->second.name_en : category->second.name_id;
    }
    view.description = complaint.description;
    auto unit = unit_of(complaint.unit_code);
    if (!unit) return unit.error();
    if (*unit) view.agency_responsible = (*unit)->name;
    view.service_notice = service_notice(complaint, *unit).in(language_);
    view.requested = complaint.submitted_at;
    view.updated = complaint.updated_at;
    if (view.open) view.expected = complaint.deadlines.resolve;
    if (!complaint.region_code.empty()) {
      auto address = address_of(complaint.region_code);
      if (!address) return address.error();
      view.address = std::move(*address);
      view.address_id = complaint.region_code;
    }
    // An anonymous reporter's pin could point at their door: none then.
    if (complaint.location && !complaint.anonymous) {
      view.lat = rounded(complaint.location->latitude);
      view.lon = rounded(complaint.location->longitude);
    }
    return view;
  }

  Result<const dm::Unit*> unit_of(const std::string& code) {
    auto cached = units_.find(code);
    if (cached == units_.end()) {
      auto found = storage_.units().find_by_code(code);
      if (!found) return found.error();
      cached = units_.emplace(code, std::move(*found)).first;
    }
    return cached->second ? &*cached->second : nullptr;
  }

  Result<std::string> name_of(const std::string& code) {
    auto cached = region_names_.find(code);
    if (cached == region_names_.end()) {
      auto found = storage_.regions().find(code);
      if (!found) return found.error();
      cached = region_names_.emplace(code, found->has_value() ? (*found)->name : std::string()).first;
    }
    return cached->second;
  }

  // "Kelurahan Bukit Lama, Kecamatan Ilir Barat Satu, Kota Palembang": most specific first.
  Result<std::string> address_of(const std::string& region_code) {
    std::string address;
    std::string code = region_code;
    for (const char* label : {"Kelurahan ", "Kecamatan ", ""}) {
      auto name = name_of(code);
      if (!name) return name.error();
      if (!name->empty()) {
        if (!address.empty()) address += ", ";
        address += label;
        address += *name;
      }
      auto dot = code.rfind('.');
      if (dot == std::string::npos) break;
      code.resize(dot);
    }
    return address;
  }

  app::ports::Storage& storage_;
  Language language_;
  std::map<std::string, dm::Category> categories_;
  std::map<std::string, std::optional<dm::Unit>> units_;
  std::map<std::string, std::string> region_names_;
};

std::vector<dc::Status> statuses_for(std::optional<bool> open) {
  if (!open) return {};
  std::vector<dc::Status> statuses;
  for (auto status : dc::all_statuses()) {
    if (is_open(status) == *open) statuses.push_back(status);
  }
  return statuses;
}

Result<std::vector<dc::Complaint>> named_cases(app::ports::Storage& storage, const std::vector<std::string>& ids) {
  std::vector<dc::Complaint> cases;
  for (const auto& id : ids) {
    auto found = app::complaints::find_by_public_code(storage, id);
    if (!found) {
      if (found.error().code() == ErrorCode::not_found || found.error().code() == ErrorCode::validation) continue;
      return found.error();
    }
    if (found->confidential) continue;
    bool repeated = std::any_of(cases.begin(), cases.end(), [&](const dc::Complaint& c) { return c.id == found->id; });
    if (!repeated) cases.push_back(std::move(*found));
  }
  return cases;
}

Result<std::vector<dc::Complaint>> cases_in_window(app::ports::Storage& storage, const RequestsQuery& query) {
  std::vector<std::string> codes = query.service_codes;
  if (codes.empty()) codes.emplace_back();  // every category
  std::vector<dc::Complaint> cases;
  for (const auto& code : codes) {
    app::ports::CaseListQuery list;
    list.everywhere = true;
    list.public_only = true;
    list.filter.statuses = statuses_for(query.open);
    list.filter.category_code = code;
    list.filter.submitted_from = query.from;
    list.filter.submitted_before = query.to + std::chrono::seconds(1);  // inclusive, to the second
    list.filter.sort = dc::CaseSort::newest;
    list.filter.limit = static_cast<int>(kMaxRequests);
    auto page = storage.complaints().list_cases(list);
    if (!page) return page.error();
    cases.insert(cases.end(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
  }
  std::sort(cases.begin(), cases.end(), [](const dc::Complaint& a, const dc::Complaint& b) { return a.id > b.id; });
  if (cases.size() > kMaxRequests) cases.resize(kMaxRequests);
  return cases;
}

}  // namespace

bool is_open(dc::Status status) {
  return status != dc::Status::resolved && status != dc::Status::closed && status != dc::Status::rejected;
}

std::string intake_key_of(std::string_view token) { return "open311:" + std::string(token); }

Result<std::vector<ServiceRequestView>> find_service_requests(app::ports::Storage& storage, const RequestsQuery& query,
                                                              Language language) {
  auto cases = query.ids.empty() ? cases_in_window(storage, query) : named_cases(storage, query.ids);
  if (!cases) return cases.error();
  return ViewBuilder(storage, language).build(*cases);
}

Result<ServiceRequestView> find_service_request(app::ports::Storage& storage, std::string_view id, Language language) {
  auto not_found = [&] {
    return Error(ErrorCode::not_found, Text{"Tidak ada permintaan layanan publik dengan nomor itu.",
                                            "No public service request has that id."});
  };
  auto cases = named_cases(storage, {std::string(id)});
  if (!cases) return cases.error();
  if (cases->empty()) return not_found();
  auto views = ViewBuilder(storage, language).build(*cases);
  if (!views) return views.error();
  return std::move(views->front());
}

Result<TokenAnswer> find_token(app::ports::Storage& storage, std::string_view token) {
  auto submission = storage.open311().find_submission(token);
  if (!submission) return submission.error();
  if (!submission->has_value()) {
    return Error(ErrorCode::not_found, Text{"Token tidak dikenal.", "Unknown token."});
  }
  TokenAnswer answer{std::string(token), {}};
  // The intake recorded the case's public code under the submission's key, in the case's own
  // transaction: the answer holds it as soon as the case exists.
  auto recorded = storage.complaints().idempotent_answer(intake_key_of(token));
  if (!recorded) return recorded.error();
  if (recorded->has_value()) answer.service_request_id = (*recorded)->response;
  return answer;
}

}  // namespace sigap::channels::open311
