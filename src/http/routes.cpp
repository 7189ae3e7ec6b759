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
// An Open311 service request: a 4,000-character description and its attributes, percent-encoded.
constexpr std::size_t kOpen311Form = 64 * 1024;
// A messaging provider's webhook payload: a few messages of at most a few KiB (WhatsApp text
// is 4,096 characters, an SMS far less); anything larger is refused with 413 unread.
constexpr std::size_t kChannelPayload = 256 * 1024;

}  // namespace

std::vector<Route> make_routes(Handlers& h) {
  using domain::access::Action;
  using handlers::AdminHandlers;
  using handlers::CaseWorkHandlers;
  using handlers::CitizenCaseHandlers;
  using handlers::ComplaintHandlers;
  using handlers::HealthHandlers;
  using handlers::MasterDataHandlers;
  using handlers::Open311Handlers;
  using handlers::PublicHandlers;
  using handlers::SessionHandlers;
  using handlers::SlaHandlers;
  auto& md = h.master_data;
  auto& admin = h.admin;
  auto& o311 = h.open311;
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
      // Units and categories, kept by admins, audited (intake sees a changed category at once)
      {"POST", "/api/v1/units", bind(h.master_data_admin, &handlers::MasterDataAdminHandlers::create_unit), json,
       kSmallJson, Action::manage_master_data},
      {"PUT", "/api/v1/units/{id}", bind(h.master_data_admin, &handlers::MasterDataAdminHandlers::update_unit), json,
       kSmallJson, Action::manage_master_data},
      {"POST", "/api/v1/categories", bind(h.master_data_admin, &handlers::MasterDataAdminHandlers::create_category),
       json, kSmallJson, Action::manage_master_data},
      {"PUT", "/api/v1/categories/{id}",
       bind(h.master_data_admin, &handlers::MasterDataAdminHandlers::update_category), json, kSmallJson,
       Action::manage_master_data},
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
       kIntakeBody, Action::public_read, RateBudget::intake, h.complaints.submit_never_waits()},
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
      // Webhooks for integrators (docs/integration.md): admins manage all, an API key its own
      {"GET", "/api/v1/webhooks", bind(h.webhooks, &handlers::WebhookHandlers::list), {}, 0, Action::manage_webhooks},
      {"POST", "/api/v1/webhooks", bind(h.webhooks, &handlers::WebhookHandlers::create), json, kSmallJson,
       Action::manage_webhooks},
      {"GET", "/api/v1/webhooks/{id}", bind(h.webhooks, &handlers::WebhookHandlers::get), {}, 0,
       Action::manage_webhooks},
      {"PUT", "/api/v1/webhooks/{id}", bind(h.webhooks, &handlers::WebhookHandlers::update), json, kSmallJson,
       Action::manage_webhooks},
      {"DELETE", "/api/v1/webhooks/{id}", bind(h.webhooks, &handlers::WebhookHandlers::remove), {}, 0,
       Action::manage_webhooks},
      {"GET", "/api/v1/webhook-deliveries", bind(h.webhooks, &handlers::WebhookHandlers::deliveries), {}, 0,
       Action::manage_webhooks},
      {"GET", "/api/v1/webhook-deliveries/{id}", bind(h.webhooks, &handlers::WebhookHandlers::delivery), {}, 0,
       Action::manage_webhooks},
      {"POST", "/api/v1/webhook-deliveries/{id}/redeliver", bind(h.webhooks, &handlers::WebhookHandlers::redeliver),
       {}, 0, Action::manage_webhooks},
      // Messages to reporters: the templates admins edit, and where each message stands
      {"GET", "/api/v1/notification-templates", bind(h.notifications, &handlers::NotificationHandlers::templates), {},
       0, Action::manage_master_data},
      {"PUT", "/api/v1/notification-templates", bind(h.notifications, &handlers::NotificationHandlers::save_template),
       json, kSmallJson, Action::manage_master_data},
      {"GET", "/api/v1/notifications", bind(h.notifications, &handlers::NotificationHandlers::notifications), {}, 0,
       Action::manage_master_data},
      // The Command Center (docs/command-center.md). E-presensi: staff check in and out at their
      // offices; supervisors and leaders read who is in; admins set each office's geofence.
      {"POST", "/api/v1/presence/check-in", bind(h.presence, &handlers::PresenceHandlers::check_in), json,
       kSmallJson, Action::record_presence},
      {"POST", "/api/v1/presence/check-out", bind(h.presence, &handlers::PresenceHandlers::check_out), json,
       kSmallJson, Action::record_presence},
      {"GET", "/api/v1/presence/me", bind(h.presence, &handlers::PresenceHandlers::mine), {}, 0,
       Action::record_presence},
      {"GET", "/api/v1/presence", bind(h.presence, &handlers::PresenceHandlers::board), {}, 0,
       Action::read_presence},
      {"GET", "/api/v1/units/{id}/geofence", bind(h.presence, &handlers::PresenceHandlers::get_geofence), {}, 0,
       Action::manage_master_data},
      {"PUT", "/api/v1/units/{id}/geofence", bind(h.presence, &handlers::PresenceHandlers::put_geofence), json,
       kSmallJson, Action::manage_master_data},
      // Cameras: the registry (admins, audited), their state and latest image (each view audited)
      {"GET", "/api/v1/cameras", bind(h.cameras, &handlers::CameraHandlers::list), {}, 0, Action::view_camera},
      {"POST", "/api/v1/cameras", bind(h.cameras, &handlers::CameraHandlers::create), json, kSmallJson,
       Action::manage_cameras},
      {"GET", "/api/v1/cameras/{id}", bind(h.cameras, &handlers::CameraHandlers::get), {}, 0, Action::view_camera},
      {"PUT", "/api/v1/cameras/{id}", bind(h.cameras, &handlers::CameraHandlers::update), json, kSmallJson,
       Action::manage_cameras},
      {"DELETE", "/api/v1/cameras/{id}", bind(h.cameras, &handlers::CameraHandlers::remove), {}, 0,
       Action::manage_cameras},
      {"GET", "/api/v1/cameras/{id}/snapshot", bind(h.cameras, &handlers::CameraHandlers::snapshot), {}, 0,
       Action::view_camera},
      // Alerts: SLA breaches, unstaffed offices, cameras down, surges; acknowledged by whom and when
      {"GET", "/api/v1/alerts", bind(h.alerts, &handlers::AlertHandlers::list), {}, 0, Action::read_alerts},
      {"POST", "/api/v1/alerts/{id}/acknowledge", bind(h.alerts, &handlers::AlertHandlers::acknowledge), {}, 0,
       Action::acknowledge_alert},
      // The live stream: a WebSocket of case events (scoped like the case list), alerts and
      // heartbeats; refusals are problem+json before the upgrade
      {"GET", "/api/v1/stream", bind(h.stream, &handlers::StreamHandlers::open), {}, 0, Action::read_case},
      // The Command Center's figures, kept up to date by the outbox dispatcher (docs/command-center.md)
      {"GET", "/api/v1/dashboard/summary", bind(h.dashboard, &handlers::DashboardHandlers::summary), {}, 0,
       Action::read_dashboard},
      // Open311 GeoReport v2 (docs/integration.md), each in .json and .xml: reads are public
      // (limited per address in the handler); POST requests proves the form's api_key itself.
      {"GET", "/open311/discovery.json", bind(o311, &Open311Handlers::discovery), {}, 0, Action::public_read},
      {"GET", "/open311/discovery.xml", bind(o311, &Open311Handlers::discovery), {}, 0, Action::public_read},
      {"GET", "/open311/v2/services.json", bind(o311, &Open311Handlers::services), {}, 0, Action::public_read},
      {"GET", "/open311/v2/services.xml", bind(o311, &Open311Handlers::services), {}, 0, Action::public_read},
      {"GET", "/open311/v2/services/{service_code}.json", bind(o311, &Open311Handlers::service_definition), {}, 0,
       Action::public_read},
      {"GET", "/open311/v2/services/{service_code}.xml", bind(o311, &Open311Handlers::service_definition), {}, 0,
       Action::public_read},
      {"POST", "/open311/v2/requests.json", bind(o311, &Open311Handlers::submit), BodyKind::form, kOpen311Form,
       Action::public_read},
      {"POST", "/open311/v2/requests.xml", bind(o311, &Open311Handlers::submit), BodyKind::form, kOpen311Form,
       Action::public_read},
      {"GET", "/open311/v2/requests.json", bind(o311, &Open311Handlers::requests), {}, 0, Action::public_read},
      {"GET", "/open311/v2/requests.xml", bind(o311, &Open311Handlers::requests), {}, 0, Action::public_read},
      {"GET", "/open311/v2/requests/{service_request_id}.json", bind(o311, &Open311Handlers::request), {}, 0,
       Action::public_read},
      {"GET", "/open311/v2/requests/{service_request_id}.xml", bind(o311, &Open311Handlers::request), {}, 0,
       Action::public_read},
      {"GET", "/open311/v2/tokens/{token}.json", bind(o311, &Open311Handlers::token), {}, 0, Action::public_read},
      {"GET", "/open311/v2/tokens/{token}.xml", bind(o311, &Open311Handlers::token), {}, 0, Action::public_read},
      // Messaging channels (docs/channels.md): each door proves its provider itself (signature,
      // secret token, shared secret) before anything is read.
      {"GET", "/channels/whatsapp/webhook", bind(h.channels, &handlers::ChannelHandlers::whatsapp_verify), {}, 0,
       Action::public_read},
      {"POST", "/channels/whatsapp/webhook", bind(h.channels, &handlers::ChannelHandlers::whatsapp_notify),
       BodyKind::json, kChannelPayload, Action::public_read},
      {"POST", "/channels/telegram/webhook", bind(h.channels, &handlers::ChannelHandlers::telegram_update),
       BodyKind::json, kChannelPayload, Action::public_read},
      {"POST", "/channels/sms/inbound", bind(h.channels, &handlers::ChannelHandlers::sms_inbound), BodyKind::form,
       kChannelPayload, Action::public_read},
  };
}

}  // namespace sigap::http
