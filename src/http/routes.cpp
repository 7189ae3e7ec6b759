#include "http/routes.hpp"

namespace sigap::http {

namespace {

template <typename Object>
Handler bind(Object& object, Response (Object::*method)(const Request&)) {
  return [&object, method](const Request& request) { return (object.*method)(request); };
}

constexpr std::size_t kSmallJson = 16 * 1024;
// Five photos of 10 MiB, the JSON and the multipart framing.
constexpr std::size_t kIntakeBody = 52 * 1024 * 1024;

}  // namespace

std::vector<Route> make_routes(Handlers& h) {
  using domain::access::Action;
  using handlers::AdminHandlers;
  using handlers::CaseWorkHandlers;
  using handlers::CitizenCaseHandlers;
  using handlers::ComplaintHandlers;
  using handlers::HealthHandlers;
  using handlers::MasterDataHandlers;
  using handlers::PublicHandlers;
  using handlers::SessionHandlers;
  using handlers::SlaHandlers;
  auto& md = h.master_data;
  auto& admin = h.admin;
  auto json = BodyKind::json;
  return {
      // Operations
      {"GET", "/healthz", bind(h.health, &HealthHandlers::healthz), {}, 0, Action::public_read},
      {"GET", "/readyz", bind(h.health, &HealthHandlers::readyz), {}, 0, Action::public_read},
      {"GET", "/metrics", bind(h.health, &HealthHandlers::metrics), {}, 0, Action::public_read},
      {"GET", "/api/v1/openapi.yaml", bind(h.health, &HealthHandlers::openapi), {}, 0, Action::public_read},
      // Master data (public reads)
      {"GET", "/api/v1/regions", bind(md, &MasterDataHandlers::list_regions), {}, 0, Action::public_read},
      {"GET", "/api/v1/regions/{code}", bind(md, &MasterDataHandlers::get_region), {}, 0, Action::public_read},
      {"POST", "/api/v1/regions/search", bind(md, &MasterDataHandlers::search_regions), json, kSmallJson,
       Action::public_read},
      {"GET", "/api/v1/units", bind(md, &MasterDataHandlers::list_units), {}, 0, Action::public_read},
      {"GET", "/api/v1/units/{id}", bind(md, &MasterDataHandlers::get_unit), {}, 0, Action::public_read},
      {"GET", "/api/v1/categories", bind(md, &MasterDataHandlers::list_categories), {}, 0, Action::public_read},
      {"GET", "/api/v1/portal", bind(h.portal, &handlers::PortalHandlers::settings), {}, 0, Action::public_read},
      // Routing rules (which unit handles a category in a region), kept by admins, audited
      {"GET", "/api/v1/routing-rules", bind(h.routing, &handlers::RoutingHandlers::list), {}, 0,
       Action::manage_master_data},
      {"PUT", "/api/v1/routing-rules", bind(h.routing, &handlers::RoutingHandlers::save), json, kSmallJson,
       Action::manage_master_data},
      {"DELETE", "/api/v1/routing-rules", bind(h.routing, &handlers::RoutingHandlers::remove), json, kSmallJson,
       Action::manage_master_data},
      // Session: sign in is open to all (throttled); the rest is the caller's own account
      {"POST", "/api/v1/session", bind(h.session, &SessionHandlers::sign_in), json, kSmallJson, Action::public_read,
       RateBudget::login},
      {"GET", "/api/v1/session", bind(h.session, &SessionHandlers::who_am_i), {}, 0, Action::read_own_account},
      {"DELETE", "/api/v1/session", bind(h.session, &SessionHandlers::sign_out), {}, 0, Action::read_own_account},
      {"POST", "/api/v1/session/second-factor", bind(h.session, &SessionHandlers::second_factor), json, kSmallJson,
       Action::read_own_account, RateBudget::login},
      {"POST", "/api/v1/session/totp", bind(h.session, &SessionHandlers::start_totp), {}, 0, Action::read_own_account},
      {"POST", "/api/v1/session/totp/confirm", bind(h.session, &SessionHandlers::confirm_totp), json, kSmallJson,
       Action::read_own_account},
      // Complaints: intake from anyone (limited per address), tracking by public code
      {"POST", "/api/v1/complaints", bind(h.complaints, &ComplaintHandlers::submit), BodyKind::json_or_multipart,
       kIntakeBody, Action::public_read, RateBudget::intake},
      {"GET", "/api/v1/track/{code}", bind(h.complaints, &ComplaintHandlers::track), {}, 0, Action::public_read,
       RateBudget::tracking},
      // The reporter's own actions prove the reporter secret instead of an account
      {"POST", "/api/v1/track/{code}/actions", bind(h.complaints, &ComplaintHandlers::reporter_action), json,
       kSmallJson, Action::public_read, RateBudget::tracking},
      {"POST", "/api/v1/track/{code}/photos", bind(h.citizen_cases, &CitizenCaseHandlers::add_photos),
       BodyKind::json_or_multipart, kIntakeBody, Action::public_read, RateBudget::intake},
      // Before sending: reports like this one nearby; supporting one instead of filing again
      {"POST", "/api/v1/possible-duplicates", bind(h.citizen_cases, &CitizenCaseHandlers::possible_duplicates), json,
       kSmallJson, Action::public_read, RateBudget::tracking},
      {"POST", "/api/v1/track/{code}/support", bind(h.citizen_cases, &CitizenCaseHandlers::support), json, kSmallJson,
       Action::public_read, RateBudget::tracking},
      // Transparency: public cases (nothing personal) and figures per unit, limited per address
      {"GET", "/api/v1/public/complaints", bind(h.public_data, &PublicHandlers::complaints), {}, 0,
       Action::public_read, RateBudget::tracking},
      {"GET", "/api/v1/public/stats", bind(h.public_data, &PublicHandlers::stats), {}, 0, Action::public_read,
       RateBudget::tracking},
      // A signed-in citizen's own reports
      {"GET", "/api/v1/me/complaints", bind(h.complaints, &ComplaintHandlers::mine), {}, 0, Action::read_own_account},
      // Cases, for staff and keys in scope (a case out of scope is 404, like one that does not exist)
      {"GET", "/api/v1/complaints", bind(h.complaints, &ComplaintHandlers::list), {}, 0, Action::read_case},
      {"GET", "/api/v1/complaints/counts", bind(h.complaints, &ComplaintHandlers::counts), {}, 0, Action::read_case},
      {"GET", "/api/v1/complaints/{id}", bind(h.complaints, &ComplaintHandlers::show), {}, 0, Action::read_case},
      {"GET", "/api/v1/complaints/{id}/events", bind(h.complaints, &ComplaintHandlers::events), {}, 0,
       Action::read_case},
      {"POST", "/api/v1/complaints/{id}/actions", bind(h.complaints, &ComplaintHandlers::act), json, kSmallJson,
       Action::work_case},
      {"GET", "/api/v1/complaints/{id}/photos/{n}", bind(h.complaints, &ComplaintHandlers::photo), {}, 0,
       Action::read_case},
      {"POST", "/api/v1/complaints/{id}/reveal", bind(h.complaints, &ComplaintHandlers::reveal), {}, 0,
       Action::work_case},
      {"POST", "/api/v1/complaints/{id}/messages", bind(h.case_work, &CaseWorkHandlers::post_message), json,
       kSmallJson, Action::work_case},
      {"POST", "/api/v1/complaints/{id}/photos", bind(h.case_work, &CaseWorkHandlers::add_after_photos),
       BodyKind::json_or_multipart, kIntakeBody, Action::work_case},
      // Citizens may open an account (optional; throttled like sign-in)
      {"POST", "/api/v1/citizens", bind(h.session, &SessionHandlers::register_citizen), json, kSmallJson,
       Action::public_read, RateBudget::login},
      // Users
      {"GET", "/api/v1/users", bind(admin, &AdminHandlers::list_users), {}, 0, Action::manage_users},
      {"POST", "/api/v1/users", bind(admin, &AdminHandlers::create_user), json, kSmallJson, Action::manage_users},
      {"POST", "/api/v1/users/{id}/disable", bind(admin, &AdminHandlers::disable_user), {}, 0, Action::manage_users},
      {"POST", "/api/v1/users/{id}/enable", bind(admin, &AdminHandlers::enable_user), {}, 0, Action::manage_users},
      {"PUT", "/api/v1/users/{id}/password", bind(admin, &AdminHandlers::reset_password), json, kSmallJson,
       Action::manage_users},
      {"POST", "/api/v1/users/{id}/memberships", bind(admin, &AdminHandlers::grant), json, kSmallJson,
       Action::manage_users},
      {"DELETE", "/api/v1/users/{id}/memberships", bind(admin, &AdminHandlers::revoke), json, kSmallJson,
       Action::manage_users},
      // API keys
      {"GET", "/api/v1/api-keys", bind(admin, &AdminHandlers::list_api_keys), {}, 0, Action::manage_api_keys},
      {"POST", "/api/v1/api-keys", bind(admin, &AdminHandlers::create_api_key), json, kSmallJson,
       Action::manage_api_keys},
      {"DELETE", "/api/v1/api-keys/{id}", bind(admin, &AdminHandlers::revoke_api_key), {}, 0,
       Action::manage_api_keys},
      // Audit log
      {"GET", "/api/v1/audit", bind(admin, &AdminHandlers::list_audit), {}, 0, Action::read_audit},
      // The SLA clock: policies and the working calendar (admins); each change recomputes open cases
      {"GET", "/api/v1/sla-policies", bind(h.sla, &SlaHandlers::list_policies), {}, 0, Action::manage_master_data},
      {"PUT", "/api/v1/sla-policies", bind(h.sla, &SlaHandlers::put_policy), json, kSmallJson,
       Action::manage_master_data},
      {"GET", "/api/v1/calendar/days", bind(h.sla, &SlaHandlers::list_days), {}, 0, Action::manage_master_data},
      {"POST", "/api/v1/calendar/days", bind(h.sla, &SlaHandlers::post_day), json, kSmallJson,
       Action::manage_master_data},
      {"POST", "/api/v1/calendar/years/{year}/complete", bind(h.sla, &SlaHandlers::complete_year), {}, 0,
       Action::manage_master_data},
  };
}

}  // namespace sigap::http
