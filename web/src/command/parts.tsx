// Pieces both layouts use: the connection state, the headline figures (each a link to its cases),
// the open alerts (with the acknowledgement for the roles that may) and the live event feed.
import { useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { dateTime } from '../lib/format';
import { language, t } from '../lib/i18n';
import type { MessageKey } from '../i18n/id';
import { staff } from '../console/session';
import type { Connection } from './live';
import { figureLink } from './links';
import { fromRest, staffed, tileState, type Alert, type Figures, type RestAlert, type StreamEvent, type UnitSummary } from './types';

export const commandLink = (unit: string) => `/petugas/command?${new URLSearchParams({ unit })}`;

export const STATE_ICON = { overdue: '!', unstaffed: '◐', camera: '◼', ok: '✓' } as const;

/// A unit's state in words with an icon: colour is never the only sign.
export function StateLabel({ unit }: { unit: UnitSummary }) {
  const state = tileState(unit);
  return (
    <span class={`state-label ${state}`}>
      <span aria-hidden="true">{STATE_ICON[state]} </span>
      {t(`command.state.${state}`)}
      {state === 'ok' && unit.serving_now && staffed(unit) ? ` · ${t('command.state.staffed')}` : ''}
    </span>
  );
}

export function ConnectionState({ state }: { state: Connection }) {
  return (
    <p class={`connection ${state}`} role="status" data-testid="connection">
      <span aria-hidden="true" class="dot" />
      {t(`command.connection.${state}`)}
    </p>
  );
}

const number = (value: number) => new Intl.NumberFormat(language() === 'id' ? 'id-ID' : 'en-GB').format(value);
const decimal = (value: number) =>
  new Intl.NumberFormat(language() === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(value);

/// One figure: its text value, or "—" when there is nothing to measure yet.
function shown(figures: Figures, key: keyof Figures): string {
  const value = figures[key];
  if (value === null || value === undefined) return '—';
  if (key === 'median_first_response_hours_7d') return t('command.hours', { hours: decimal(value) });
  if (key === 'within_sla_share_30d') return `${decimal(value * 100)} %`;
  if (key === 'average_rating') return `${decimal(value)} / 5`;
  return number(value);
}

export const HEADLINE: (keyof Figures)[] = [
  'open',
  'overdue',
  'new_today',
  'resolved_today',
  'median_first_response_hours_7d',
  'within_sla_share_30d',
  'average_rating',
];

/// The figures of `unit` as links to the cases behind each (a list, read out as label then value).
export function FigureLinks({ unit, figures, keys = HEADLINE }: { unit: string; figures: Figures; keys?: (keyof Figures)[] }) {
  return (
    <ul class="figures-grid">
      {keys.map((key) => (
        <li key={key} class={key === 'overdue' && figures.overdue > 0 ? 'figure bad' : 'figure'}>
          <a href={figureLink(unit, key)} data-figure={key}>
            <span class="value">{shown(figures, key)}</span>
            <span class="label">
              {t(`command.figure.${key}`)}
              {key === 'average_rating' && figures.rated_30d > 0 ? ` (${number(figures.rated_30d)})` : ''}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

const KINDS = ['sla_breach', 'sla_parent_escalation', 'unstaffed', 'camera_down', 'surge', 'calendar_missing'];
const alertKind = (kind: string) => (KINDS.includes(kind) ? t(`command.alert.${kind}` as MessageKey) : kind);

/// The open alerts. `canAcknowledge`: supervisors and admins (a leader reads and changes nothing).
export function AlertList(props: {
  alerts: Alert[] | null;
  canAcknowledge: boolean;
  unitName: (code: string | null) => string;
  onChanged: (alert: Alert) => void;
  limit?: number;
}) {
  const [problem, setProblem] = useState('');
  if (props.alerts === null) return null;
  const acknowledge = async (alert: Alert) => {
    setProblem('');
    try {
      const answer = await staff<RestAlert>(`/api/v1/alerts/${alert.id}/acknowledge`, { method: 'POST' });
      props.onChanged(fromRest(answer));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t('error.network'));
    }
  };
  const shownAlerts = props.alerts.slice(0, props.limit ?? props.alerts.length);
  return (
    <section class="alerts-panel" aria-labelledby="alerts-title">
      <h2 id="alerts-title">
        {t('command.alerts')} <span class="count">{props.alerts.length}</span>
      </h2>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {props.alerts.length === 0 ? (
        <p class="hint">{t('command.alerts.none')}</p>
      ) : (
        <ul class="alert-list">
          {shownAlerts.map((alert) => (
            <li key={alert.id} class={`alert-item ${alert.severity}`} data-testid="alert">
              <strong>
                <span aria-hidden="true">{alert.severity === 'critical' ? '‼ ' : '! '}</span>
                {t(alert.severity === 'critical' ? 'command.severity.critical' : 'command.severity.warning')} · {alertKind(alert.kind)}
              </strong>
              <span class="meta">
                {props.unitName(alert.unit)} · <time dateTime={alert.opened_at}>{dateTime(alert.opened_at)}</time>
              </span>
              <span>{language() === 'en' ? alert.message_en : alert.message_id}</span>
              {alert.acknowledged_at ? (
                <span class="meta">{t('command.alert.acknowledged', { at: dateTime(alert.acknowledged_at) })}</span>
              ) : (
                props.canAcknowledge && (
                  <button type="button" class="button small" onClick={() => void acknowledge(alert)}>
                    {t('command.alert.acknowledge')}
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function eventLabel(type: string): string {
  const key = `status.${type}` as MessageKey;
  const known = ['submitted', 'verified', 'assigned', 'in_progress', 'need_info', 'resolved', 'closed', 'rejected', 'reopened'];
  return known.includes(type) ? t(key) : t('command.event.other', { type });
}

/// The newest case events first (bounded: live.ts keeps the last 50).
export function Feed({ events, unitName, limit }: { events: StreamEvent[]; unitName: (code: string | null) => string; limit?: number }) {
  return (
    <section class="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('command.feed')}</h2>
      {events.length === 0 ? (
        <p class="hint">{t('command.feed.empty')}</p>
      ) : (
        <ol class="feed-list" aria-live="polite" data-testid="feed">
          {events.slice(0, limit ?? events.length).map((event) => (
            <li key={String(event.id)}>
              <time dateTime={event.at}>{new Date(event.at).toLocaleTimeString(language() === 'id' ? 'id-ID' : 'en-GB')}</time>{' '}
              <strong>{event.case.code}</strong> {eventLabel(event.event.type)}
              <span class="meta">
                {unitName(event.case.unit)}
                {event.case.category ? ` · ${event.case.category}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
