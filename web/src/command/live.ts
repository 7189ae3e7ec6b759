// The Command Center's data for one scope, kept live: the dashboard summary, the open alerts and
// the event feed. The stream pushes; on each case event the summary is fetched again (at most
// once a second) and the event goes on top of the feed; an alert message updates the alert list.
// While the stream is not live (never answered, or dropped) the summary is polled every 10 s.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { staff } from '../console/session';
import { StreamClient, type Connection } from './stream_client';
import { fromRest, fromStream, isOpen, type Alert, type RestAlert, type StreamEvent, type Summary } from './types';

export type { Connection };

export const kFeedLength = 50;
const kPollMs = 10_000;
const kThrottleMs = 1_000;

export interface CommandData {
  summary: Summary | null;
  problem: string;
  alerts: Alert[] | null;  // null: the caller may not read alerts
  feed: StreamEvent[];
  connection: Connection;
  /// Puts an alert as the server now has it (after an acknowledgement).
  putAlert(alert: Alert): void;
}

function upsert(list: Alert[], alert: Alert): Alert[] {
  const rest = list.filter((a) => a.id !== alert.id);
  return isOpen(alert) ? [alert, ...rest] : rest;
}

export function useCommandData(scope: string, options: { depth?: 'all'; alerts: boolean }): CommandData {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [problem, setProblem] = useState('');
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [feed, setFeed] = useState<StreamEvent[]>([]);
  const [connection, setConnection] = useState<Connection>('connecting');
  const live = useRef(false);

  useEffect(() => {
    if (!scope) return;
    let stopped = false;
    let newest = 0;
    let lastFetch = 0;
    let pending: ReturnType<typeof setTimeout> | undefined;
    setSummary(null);
    setFeed([]);
    setAlerts(null);

    const query = new URLSearchParams({ scope });
    if (options.depth) query.set('depth', options.depth);
    const loadSummary = async () => {
      const request = ++newest;
      lastFetch = Date.now();
      try {
        const answer = await staff<Summary>(`/api/v1/dashboard/summary?${query}`);
        if (stopped || request !== newest) return;
        setSummary(answer);
        setProblem('');
      } catch (error) {
        if (stopped || request !== newest) return;
        setProblem(error instanceof ApiError ? error.message : t('error.network'));
      }
    };
    // At most one fetch a second, however many events arrive: the first one waits out the rest
    // of the second, the ones after it ride on it.
    const refetch = () => {
      if (pending !== undefined) return;
      pending = setTimeout(() => {
        pending = undefined;
        void loadSummary();
      }, Math.max(0, lastFetch + kThrottleMs - Date.now()));
    };
    const loadAlerts = async () => {
      if (!options.alerts) return;
      try {
        const answer = await staff<{ items: RestAlert[] }>(`/api/v1/alerts?${new URLSearchParams({ unit: scope, limit: '50' })}`);
        if (!stopped) setAlerts(answer.items.map(fromRest).filter(isOpen));
      } catch {
        if (!stopped) setAlerts(null);
      }
    };

    void loadSummary();
    void loadAlerts();
    const client = new StreamClient(scope, {
      onEvent(event) {
        setFeed((list) => (list.some((e) => String(e.id) === String(event.id)) ? list : [event, ...list].slice(0, kFeedLength)));
        refetch();
      },
      onAlert(alert) {
        setAlerts((list) => upsert(list ?? [], fromStream(alert)));
      },
      onResync() {
        void loadSummary();
        void loadAlerts();
      },
      onConnection(state) {
        // Back after a gap: what happened meanwhile and was not replayed is in the summary.
        if (state === 'live' && live.current === false && lastFetch > 0) refetch();
        live.current = state === 'live';
        setConnection(state);
      },
    });
    client.start();
    const poll = setInterval(() => {
      if (!live.current) {
        void loadSummary();
        void loadAlerts();
      }
    }, kPollMs);
    return () => {
      stopped = true;
      client.stop();
      clearInterval(poll);
      clearTimeout(pending);
    };
  }, [scope, options.depth, options.alerts]);

  return { summary, problem, alerts, feed, connection, putAlert: (alert) => setAlerts((list) => upsert(list ?? [], alert)) };
}
