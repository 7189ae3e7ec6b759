// Every figure on the Command Center links to the cases behind it: the console inbox with the
// filters in its URL (read by console/inbox.tsx: unit, status, overdue, from).
import type { Figures } from './types';

/// The statuses of a case still to be worked, as the dashboard counts "open"
/// (domain/dashboard/case_contribution.hpp; a resolved case waits for the reporter, not for us):
/// the inbox's "open" tab.
export const OPEN_STATUSES = ['submitted', 'verified', 'assigned', 'in_progress', 'need_info', 'reopened'];

/// Today (or `daysAgo` days before) on the city's clock (WIB), as YYYY-MM-DD.
export function cityDate(daysAgo = 0, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(now - daysAgo * 86_400_000));
}

export function inboxLink(filters: Record<string, string>): string {
  return `/petugas?${new URLSearchParams(filters)}`;
}

/// The inbox list behind one figure of a unit (the unit and everything under it).
export function figureLink(unit: string, figure: keyof Figures): string {
  switch (figure) {
    case 'open':
      return inboxLink({ unit, status: 'open' });
    case 'overdue':
      return inboxLink({ unit, status: 'open', overdue: '1' });
    case 'new_today':
      return inboxLink({ unit, status: 'all', from: cityDate() });
    case 'resolved_today':
      return inboxLink({ unit, status: 'resolved' });
    case 'median_first_response_hours_7d':
      return inboxLink({ unit, status: 'all', from: cityDate(7) });
    case 'within_sla_share_30d':
      return inboxLink({ unit, status: 'resolved,closed', from: cityDate(30) });
    case 'average_rating':
    case 'rated_30d':
      return inboxLink({ unit, status: 'closed', from: cityDate(30) });
  }
}
