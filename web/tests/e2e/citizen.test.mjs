// The citizen's side in a real browser: a report with a photo reaches the server and gets a
// code; tracking shows it in both languages; a report written with no signal arrives exactly
// once when the signal returns.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, photoPng, startSigap } from './harness.mjs';

let sigap;
let browser;
before(async () => {
  sigap = await startSigap();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await sigap?.stop();
});

async function fillReport(page, description) {
  await page.selectOption('#category', 'jalan-rusak');
  await page.fill('#description', description);
  await page.selectOption('#district', '16.71.01');
  await page.waitForSelector('#village option[value="16.71.01.1001"]', { state: 'attached' });
  await page.selectOption('#village', '16.71.01.1001');
}

test('a citizen reports a damaged road with a photo and tracks it', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(sigap.url);
  await page.getByRole('link', { name: 'Buat laporan' }).click();
  await fillReport(page, 'Jalan berlubang besar di depan pasar, sudah dua minggu');
  await page.setInputFiles('#photos', { name: 'lubang.png', mimeType: 'image/png', buffer: photoPng() });
  await page.waitForSelector('.thumbs img');
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const code = (await page.getByTestId('public-code').textContent()).trim();
  assert.match(code, /^SGP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const secret = (await page.locator('.secret code').textContent()).trim();
  await page.getByRole('link', { name: 'Lihat status' }).click();
  await page.waitForSelector('[data-testid="status"]');
  assert.equal((await page.getByTestId('status').textContent()).trim(), 'Diterima');
  // The reporter adds a photo later, with the secret.
  await page.getByText('Kode rahasia pelapor').first().click();
  await page.fill('#secret', secret);
  await page.setInputFiles('#more-photos', { name: 'lagi.png', mimeType: 'image/png', buffer: photoPng(40, 30) });
  await page.getByRole('status').filter({ hasText: 'Foto ditambahkan.' }).waitFor();
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  assert.equal((await page.getByTestId('status').textContent()).trim(), 'Received');
  await context.close();
});

test('a typo in the code is caught as a typo', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${sigap.url}/lacak`);
  await page.fill('#code', 'SGP-7KX3-QM2Z');
  await page.getByRole('button', { name: 'Lacak' }).click();
  const alert = await page.getByRole('alert').textContent();
  assert.match(alert, /salah ketik|typo/i);
  await context.close();
});

test('a report with a photo written with no signal is kept and arrives exactly once, photo and all, when the signal returns', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const created = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/v1/complaints') && response.request().method() === 'POST') {
      created.push(
        response.json().then((body) => ({
          status: response.status(),
          replayed: response.headers()['idempotent-replayed'] === 'true',
          id: body.id,
          photos: body.photos,
        })),
      );
    }
  });
  await page.goto(`${sigap.url}/lapor`);
  await page.waitForSelector('#category option[value="jalan-rusak"]', { state: 'attached' });
  await fillReport(page, 'Lampu jalan mati di gang sebelah masjid (tanpa sinyal)');
  await page.setInputFiles('#photos', { name: 'gelap.png', mimeType: 'image/png', buffer: photoPng(80, 60) });
  await page.waitForSelector('.thumbs img');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await page.getByText('Menunggu sinyal').waitFor();
  assert.equal(created.length, 0);
  // The photo waits on the phone with the text (IndexedDB keeps the Blob).
  const kept = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opened = indexedDB.open('sigap', 1);
        opened.onerror = () => reject(opened.error);
        opened.onsuccess = () => {
          const all = opened.result.transaction('pending-reports').objectStore('pending-reports').getAll();
          all.onsuccess = () => resolve(all.result.map((r) => (r.photos ?? []).map((p) => p instanceof Blob && p.size > 0)));
        };
      }),
  );
  assert.deepEqual(kept, [[true]]);
  await context.setOffline(false);  // the page's 'online' handler sends it
  for (let i = 0; i < 50 && created.length === 0; i++) await page.waitForTimeout(100);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));  // a second nudge must not create another
  await page.waitForTimeout(500);
  const answers = await Promise.all(created);
  const first = answers.filter((c) => c.status === 201 && !c.replayed);
  assert.equal(first.length, 1, JSON.stringify(answers));
  assert.equal(first[0].photos, 1, 'the photo came with the report');

  // The officer of the unit it reached sees the photo, and only that one.
  const officer = await browser.newContext();
  const signedIn = await officer.request.post(`${sigap.url}/api/v1/session`, {
    data: { email: 'petugas.pupr@demo.sigap.id', password: sigap.accounts['petugas.pupr@demo.sigap.id'].password },
  });
  assert.equal(signedIn.status(), 201);
  const photo = await officer.request.get(`${sigap.url}/api/v1/complaints/${first[0].id}/photos/1`);
  assert.equal(photo.status(), 200);
  assert.match(photo.headers()['content-type'], /^image\//);
  assert.ok((await photo.body()).length > 100);
  assert.equal((await officer.request.get(`${sigap.url}/api/v1/complaints/${first[0].id}/photos/2`)).status(), 404);
  await officer.close();
  await context.close();
});

test('where the city configured map tiles, a tap on the map places the pin (tiles optional)', async () => {
  // No tile server is reachable here: the map is blank, and must still take the tap.
  const mapped = await startSigap({ SIGAP_MAP_TILE_URL: 'https://tile.invalid/{z}/{x}/{y}.png', SIGAP_MAP_ATTRIBUTION: 'Peta uji' });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${mapped.url}/lapor`);
    const map = page.getByRole('application', { name: 'Peta lokasi' });
    await map.waitFor();
    await map.click({ position: { x: 150, y: 100 } });
    await page.getByText('Lokasi tercatat').waitFor();
    await context.close();
  } finally {
    await mapped.stop();
  }
});

test('without map tiles there is no map, and the lists of kecamatan and kelurahan are there', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${sigap.url}/lapor`);
  await page.waitForSelector('#district option[value="16.71.01"]', { state: 'attached' });
  assert.equal(await page.getByRole('application', { name: 'Peta lokasi' }).count(), 0);
  await context.close();
});
