// The portal as an installable PWA, in a real Chromium against a real `sigap demo`: the
// manifest's icons exist, are served as PNG in the sizes they claim (Chromium wants 192 and 512
// px), Chromium finds nothing that stops installing, and the service worker keeps the whole
// shell and the lists the report form needs, so the form opens and offers its categories with
// no signal.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchProfile, startSigap } from './harness.mjs';

let sigap;
before(async () => {
  sigap = await startSigap();
});
after(async () => {
  await sigap?.stop();
});

// Width and height from a PNG's IHDR chunk (bytes 16-23), after checking the signature.
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  assert.equal(bytes.subarray(12, 16).toString('ascii'), 'IHDR');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('every icon of the manifest is served in the type and size it declares, 192 and 512 px PNG among them', async () => {
  const response = await fetch(`${sigap.url}/manifest.webmanifest`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/manifest\+json/);
  const manifest = await response.json();
  for (const icon of manifest.icons) {
    const served = await fetch(new URL(icon.src, sigap.url));
    assert.equal(served.status, 200, icon.src);
    assert.equal(served.headers.get('content-type').split(';')[0], icon.type, icon.src);
    if (icon.type === 'image/png') assert.equal(pngSize(Buffer.from(await served.arrayBuffer())), icon.sizes, icon.src);
  }
  const png = (size, purpose) =>
    manifest.icons.some((i) => i.type === 'image/png' && i.sizes === size && (i.purpose ?? 'any').split(' ').includes(purpose));
  assert.ok(png('192x192', 'any'), 'a 192x192 PNG icon');
  assert.ok(png('512x512', 'any'), 'a 512x512 PNG icon');
  assert.ok(png('512x512', 'maskable'), 'a maskable 512x512 PNG icon');
});

test('Chromium can install the portal, and with no signal it opens the report form with its categories', async () => {
  const context = await launchProfile();  // an incognito window may not install
  const page = await context.newPage();
  await page.goto(`${sigap.url}/lapor`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);

  // The shell: the page, every asset it names, the manifest and every icon it lists.
  const missing = await page.evaluate(async () => {
    const wanted = ['/', '/manifest.webmanifest'];
    for (const element of document.querySelectorAll('script[src], link[rel="stylesheet"]')) {
      wanted.push(new URL(element.src ?? element.href).pathname);
    }
    const manifest = await (await fetch('/manifest.webmanifest')).json();
    wanted.push(...manifest.icons.map((icon) => icon.src));
    const absent = [];
    for (const path of wanted) if (!(await caches.match(path))) absent.push(path);
    return absent;
  });
  assert.deepEqual(missing, [], 'kept by the service worker');

  // Opened once with a signal (now through the service worker), the form works without one.
  await page.reload();
  await page.waitForSelector('#category option[value="jalan-rusak"]', { state: 'attached' });
  await page.waitForSelector('#district option[value="16.71.01"]', { state: 'attached' });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#category option[value="jalan-rusak"]', { state: 'attached' });
  await page.waitForSelector('#district option[value="16.71.01"]', { state: 'attached' });
  await context.close();
});
