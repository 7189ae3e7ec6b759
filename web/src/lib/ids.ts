/// A random id (Idempotency-Key, device id). crypto.randomUUID needs a secure context; a city
/// may serve Sigap over plain HTTP on its LAN, so fall back to getRandomValues.
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/// The id this phone supports reports with (kept on the device; the server stores its hash).
export function deviceId(): string {
  let value = localStorage.getItem('sigap.device');
  if (!value) {
    value = randomId();
    localStorage.setItem('sigap.device', value);
  }
  return value;
}
