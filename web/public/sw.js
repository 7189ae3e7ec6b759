// The service worker: keeps the app shell (index.html, the built assets it names, the manifest
// and every icon it lists) so Sigap opens with no signal and can be installed. The lists the
// report form offers (categories, kecamatan, kelurahan) come from the network when there is one
// and from their last copy when there is none. Every other API call goes to the network; a
// report written offline is kept by the page in IndexedDB (src/lib/outbox.ts), not here.
const SHELL = 'sigap-shell-v2';
const LISTS = 'sigap-lists-v1';
const LIST_PATHS = ['/api/v1/categories', '/api/v1/regions'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const html = await (await fetch('/', { cache: 'no-store' })).text();
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      const manifest = await (await fetch('/manifest.webmanifest', { cache: 'no-store' })).json();
      const icons = manifest.icons.map((icon) => icon.src);
      await cache.addAll(['/', '/manifest.webmanifest', ...icons, ...assets]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL && key !== LISTS) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// The network's answer, kept for later; the kept one when the network does not answer.
async function listFromNetworkOrCopy(request) {
  const cache = await caches.open(LISTS);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request)) ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  if (LIST_PATHS.includes(url.pathname)) {
    event.respondWith(listFromNetworkOrCopy(request));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // Pages: the network first (fresh app), the cached shell when there is no signal.
    event.respondWith(fetch(request).catch(async () => (await caches.match('/')) ?? Response.error()));
    return;
  }
  event.respondWith((async () => (await caches.match(request)) ?? fetch(request))());
});
