// The service worker: keeps the app shell (index.html and the built assets it names) so Sigap
// opens with no signal. API calls always go to the network; a report written offline is kept
// by the page in IndexedDB (src/lib/outbox.ts), not here.
const SHELL = 'sigap-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const html = await (await fetch('/', { cache: 'no-store' })).text();
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll(['/', '/manifest.webmanifest', '/icon.svg', ...assets]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // Pages: the network first (fresh app), the cached shell when there is no signal.
    event.respondWith(fetch(request).catch(async () => (await caches.match('/')) ?? Response.error()));
    return;
  }
  event.respondWith((async () => (await caches.match(request)) ?? fetch(request))());
});
