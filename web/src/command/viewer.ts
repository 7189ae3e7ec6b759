// What the signed-in person may see and do on the Command Center, from their memberships (the
// server checks every call again; this only decides what to offer). docs/command-center.md.
import type { StaffUser } from '../console/session';

export interface Viewer {
  /// The unit the page opens on: the membership's unit (a leader's and an admin's is the city).
  home: string;
  homes: string[];
  readAlerts: boolean;
  acknowledge: boolean;  // supervisors and admins; a leader changes nothing
  readPresence: boolean;
}

const RANK: Record<string, number> = { leader: 0, admin: 1, supervisor: 2, officer: 3 };

export function viewerOf(user: StaffUser): Viewer {
  const memberships = [...user.memberships].sort((a, b) => (RANK[a.role] ?? 9) - (RANK[b.role] ?? 9));
  const roles = new Set(memberships.map((m) => m.role));
  return {
    home: memberships[0]?.unit_code ?? '',
    homes: [...new Set(memberships.map((m) => m.unit_code))],
    readAlerts: roles.has('leader') || roles.has('admin') || roles.has('supervisor'),
    acknowledge: roles.has('admin') || roles.has('supervisor'),
    readPresence: roles.has('leader') || roles.has('supervisor'),
  };
}
