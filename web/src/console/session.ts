// The staff session: the HttpOnly cookie the server set, and the CSRF token every write sends
// as X-CSRF-Token (issue #3). A reloaded page asks the server for the token again.
import { api } from '../lib/api';

export interface StaffUser {
  id: number;
  email: string;
  display_name: string;
  memberships: { unit_code: string; role: string }[];
}

interface SessionAnswer {
  user: StaffUser;
  csrf_token: string;
  second_factor_pending: boolean;
  second_factor_enrolment_required: boolean;
}

let csrf = '';

export async function currentSession(): Promise<SessionAnswer | null> {
  try {
    const answer = await api<SessionAnswer & { kind: string }>('/api/v1/session');
    csrf = answer.csrf_token;
    return answer;
  } catch {
    return null;
  }
}

export async function signIn(email: string, password: string): Promise<SessionAnswer> {
  const answer = await api<SessionAnswer>('/api/v1/session', { method: 'POST', body: JSON.stringify({ email, password }) });
  csrf = answer.csrf_token;
  return answer;
}

export const secondFactor = (code: string) => staff('/api/v1/session/second-factor', { method: 'POST', body: JSON.stringify({ code }) });

export async function signOut(): Promise<void> {
  await staff('/api/v1/session', { method: 'DELETE' }).catch(() => undefined);
  csrf = '';
}

/// A call with the session: writes carry the CSRF token.
export function staff<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== 'GET') headers.set('X-CSRF-Token', csrf);
  return api<T>(path, { ...init, headers });
}
