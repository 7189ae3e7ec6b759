// Calls to sigap's JSON API. Errors come back as RFC 9457 problem+json with messages in the
// language asked for; field errors are kept so forms can show them next to the field.
import { language } from './i18n';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
  /// The message for one field, when the server named it.
  field(name: string): string | undefined {
    return this.fields.find((problem) => problem.field === name)?.message;
  }
}

/// Thrown when the request never reached the server (no signal, server down).
export class NetworkError extends Error {}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', language());
  if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new NetworkError('network');
  }
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const detail = body.detail ?? body.title ?? response.statusText;
    const fields = Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [];
    throw new ApiError(response.status, detail, fields);
  }
  return body as T;
}

export const postJson = <T>(path: string, value: unknown, headers: Record<string, string> = {}) =>
  api<T>(path, { method: 'POST', body: JSON.stringify(value), headers });
