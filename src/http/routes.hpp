#pragma once

#include <vector>

#include "http/handlers/admin_handlers.hpp"
#include "http/handlers/alert_handlers.hpp"
#include "http/handlers/camera_handlers.hpp"
#include "http/handlers/case_work_handlers.hpp"
#include "http/handlers/channel_handlers.hpp"
#include "http/handlers/citizen_case_handlers.hpp"
#include "http/handlers/complaint_handlers.hpp"
#include "http/handlers/dashboard_handlers.hpp"
#include "http/handlers/health_handlers.hpp"
#include "http/handlers/master_data_admin_handlers.hpp"
#include "http/handlers/master_data_handlers.hpp"
#include "http/handlers/notification_handlers.hpp"
#include "http/handlers/open311_handlers.hpp"
#include "http/handlers/portal_handlers.hpp"
#include "http/handlers/presence_handlers.hpp"
#include "http/handlers/routing_handlers.hpp"
#include "http/handlers/public_handlers.hpp"
#include "http/handlers/session_handlers.hpp"
#include "http/handlers/sla_handlers.hpp"
#include "http/handlers/stream_handlers.hpp"
#include "http/handlers/webhook_handlers.hpp"
#include "http/router.hpp"

namespace sigap::http {

/// The handler objects the route table points into. Lives as long as the server.
struct Handlers {
  Handlers(app::ports::Storage& storage, const HttpMetrics& metrics, const Clock& clock,
           const app::identity::SessionPolicy& sessions, app::complaints::ComplaintIntake& intake,
           app::ports::PhotoStore* photos, app::sla::SlaRules& sla_rules, handlers::PortalSettings portal_settings,
           RateLimiter& limiter, channels::open311::Open311Settings open311_settings,
           app::webhooks::WebhookSettings webhook_settings, app::ports::WebhookTransport* webhook_transport,
           app::cameras::CameraSettings camera_settings, app::ports::CameraFetcher* camera_fetcher,
           app::cameras::CameraSnapshots& camera_snapshots, app::stream::StreamHub& stream_hub,
           std::vector<std::string> stream_origins, app::ports::PhotoStore* channel_photos,
           channels::ChannelOptions channel_options)
      : units(storage, clock),
        health(storage, metrics),
        master_data(storage),
        session(storage, clock, sessions),
        admin(storage, clock),
        complaints(storage, clock, intake, photos, sla_rules),
        case_work(storage, clock, photos, sla_rules),
        citizen_cases(storage, clock, intake.open_cases(), photos),
        public_data(storage, clock),
        sla(storage, clock, sla_rules),
        portal(std::move(portal_settings)),
        routing(storage, clock, intake.directory()),
        master_data_admin(storage, clock, intake, units),
        open311(storage, clock, intake, limiter, std::move(open311_settings)),
        webhooks(storage, clock, webhook_transport, std::move(webhook_settings)),
        notifications(storage, clock),
        presence(storage, clock, sla_rules, units),
        cameras(storage, clock, std::move(camera_settings), camera_fetcher, camera_snapshots),
        alerts(storage, clock),
        dashboard(storage, clock, sla_rules, units),
        stream(stream_hub, std::move(stream_origins)),
        channels(storage, clock, intake, channel_photos, std::move(channel_options)) {}
  Handlers(const Handlers&) = delete;
  Handlers& operator=(const Handlers&) = delete;

  app::command_center::UnitDirectory units;  // first: the handlers below keep a reference
  handlers::HealthHandlers health;
  handlers::MasterDataHandlers master_data;
  handlers::SessionHandlers session;
  handlers::AdminHandlers admin;
  handlers::ComplaintHandlers complaints;
  handlers::CaseWorkHandlers case_work;
  handlers::CitizenCaseHandlers citizen_cases;
  handlers::PublicHandlers public_data;
  handlers::SlaHandlers sla;
  handlers::PortalHandlers portal;
  handlers::RoutingHandlers routing;
  handlers::MasterDataAdminHandlers master_data_admin;
  handlers::Open311Handlers open311;
  handlers::WebhookHandlers webhooks;
  handlers::NotificationHandlers notifications;
  handlers::PresenceHandlers presence;
  handlers::CameraHandlers cameras;
  handlers::AlertHandlers alerts;
  handlers::DashboardHandlers dashboard;
  handlers::StreamHandlers stream;
  handlers::ChannelHandlers channels;
};

/// THE route table: every endpoint Sigap serves is listed here, nowhere else, each with the
/// permission it needs (domain/access).
std::vector<Route> make_routes(Handlers& handlers);

}  // namespace sigap::http
