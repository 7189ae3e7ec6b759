// What the Command Center reads: the dashboard summary (GET /api/v1/dashboard/summary), alerts
// (REST and stream carry them in two shapes; both become `Alert`), presence, cameras, and the
// stream's messages (GET /api/v1/stream, a WebSocket).

export interface Figures {
  open: number;
  overdue: number;
  new_today: number;
  resolved_today: number;
  median_first_response_hours_7d: number | null;
  within_sla_share_30d: number | null;
  average_rating: number | null;
  rated_30d: number;
}

export interface UnitRef {
  code: string;
  name: string;
  level: string;
}

export interface UnitSummary extends UnitRef {
  parent: string | null;
  figures: Figures;
  staffed_now: number;  // rolled up over the subtree
  serving_now: boolean;
  hours_staffed_week: number;
  cameras_up: number;
  cameras_down: number;
  open_alerts: number;
}

export interface Summary {
  scope: UnitRef;
  as_of: string;
  last_event_id: number | string | null;
  figures: Figures;
  units: UnitSummary[];
}

/// An alert as the page shows it, from either shape.
export interface Alert {
  id: number;
  kind: string;
  severity: string;
  unit: string | null;
  message_id: string;
  message_en: string;
  opened_at: string;
  closed_at: string | null;
  acknowledged_at: string | null;
}

/// GET /api/v1/alerts item.
export interface RestAlert {
  id: number;
  kind: string;
  severity: string;
  unit_code: string | null;
  subject: string;
  message: string;
  open: boolean;
  created_at: string;
  acknowledged_at: string | null;
  closed_at: string | null;
}

/// The `alert` of a stream message.
export interface StreamAlert {
  id: number;
  kind: string;
  severity: string;
  unit: string | null;
  subject: string;
  message_id: string;
  message_en: string;
  opened_at: string;
  closed_at: string | null;
  acknowledged_at: string | null;
}

export interface StreamEvent {
  type: 'event';
  id: number | string;
  topic: string;
  at: string;
  case: { code: string; status: string; unit: string; category: string | null; region: string | null; kind: string };
  event: { type: string; actor_role: string | null };
}

export type StreamMessage =
  | { type: 'hello'; scope: string; last_id: number | string | null }
  | StreamEvent
  | { type: 'alert'; alert: StreamAlert }
  | { type: 'heartbeat'; at: string; last_id: number | string | null }
  | { type: 'resync'; reason: string };

export interface OfficePresence {
  unit_code: string;
  unit_name: string;
  serving_now: boolean;
  staffed_now: number;
  checked_in: { user_id: number; name: string; since: string; distance_m: number }[];
  unstaffed_since: string | null;
  hours_staffed_week: number;
}

export interface Camera {
  id: number;
  unit_code: string;
  name: string;
  location: string;
  status: 'unknown' | 'up' | 'down';
  status_since: string;
  image_captured_at: string | null;
}

/// An open case with a pin, for the map (the staff list's items, reduced).
export interface PinnedCase {
  id: number;
  code: string;
  status: string;
  title: string;
  description: string;
  unit: string;
  location: { latitude: number; longitude: number } | null;
}

/// The REST message is "Indonesian / English"; the stream sends both apart.
export function fromRest(alert: RestAlert): Alert {
  const [indonesian, english] = alert.message.split(' / ');
  return {
    id: alert.id,
    kind: alert.kind,
    severity: alert.severity,
    unit: alert.unit_code,
    message_id: indonesian,
    message_en: english ?? indonesian,
    opened_at: alert.created_at,
    closed_at: alert.closed_at,
    acknowledged_at: alert.acknowledged_at,
  };
}

export function fromStream(alert: StreamAlert): Alert {
  return {
    id: alert.id,
    kind: alert.kind,
    severity: alert.severity,
    unit: alert.unit,
    message_id: alert.message_id,
    message_en: alert.message_en,
    opened_at: alert.opened_at,
    closed_at: alert.closed_at,
    acknowledged_at: alert.acknowledged_at,
  };
}

export const isOpen = (alert: Alert) => !alert.closed_at;

export const staffed = (unit: UnitSummary) => unit.staffed_now > 0;

/// A unit's state on the wall: red when cases are late, amber when its office is unstaffed in
/// service hours or a camera is down, green otherwise.
export type TileState = 'overdue' | 'unstaffed' | 'camera' | 'ok';

export function tileState(unit: UnitSummary): TileState {
  if (unit.figures.overdue > 0) return 'overdue';
  if (unit.serving_now && !staffed(unit)) return 'unstaffed';
  if (unit.cameras_down > 0) return 'camera';
  return 'ok';
}

/// `level` is "city", "kecamatan", "kelurahan", "agency", "service_hall" or "service_counter".
export const isDistrict = (unit: UnitRef) => unit.level === 'kecamatan';
