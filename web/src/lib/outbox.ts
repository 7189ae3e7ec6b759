// Reports written without a signal: kept in IndexedDB with their Idempotency-Key and their
// photos (the Blobs already shrunk on the phone) and sent by themselves when the connection
// returns, as the same bytes every time (lib/multipart). The key makes a report that did reach
// the server before the connection dropped come back as the same case, never a second one.
import { reportBody } from './multipart';

export interface PendingReport {
  key: string;  // Idempotency-Key
  body: string; // the JSON of the report
  photos?: Blob[];  // absent in reports kept before photos were
  savedAt: string;
}

const DB = 'sigap';
const STORE = 'pending-reports';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const request = work(db.transaction(STORE, mode).objectStore(STORE));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export const savePending = (report: PendingReport) => run('readwrite', (store) => store.put(report));
export const pendingReports = () => run<PendingReport[]>('readonly', (store) => store.getAll());
export const dropPending = (key: string) => run('readwrite', (store) => store.delete(key));

const listeners = new Set<() => void>();
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

let flushing = false;
/// Sends every pending report once; a report the server refuses for good (4xx) is dropped, one
/// that still cannot get through stays for the next try.
export async function flushPending(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    for (const report of await pendingReports()) {
      let response: Response;
      const { body, contentType } = reportBody(report.key, report.body, report.photos ?? []);
      try {
        response = await fetch('/api/v1/complaints', {
          method: 'POST',
          headers: { 'Content-Type': contentType, 'Idempotency-Key': report.key },
          body,
        });
        await response.text();  // read to the end: the connection is free again
      } catch {
        break;  // still no signal
      }
      if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429)) {
        await dropPending(report.key);
      }
    }
  } finally {
    flushing = false;
    for (const listener of listeners) listener();
  }
}

export function startOutbox(): void {
  window.addEventListener('online', () => void flushPending());
  void flushPending();
}
