// Acceptance of #5 in a real browser: a citizen reports with a photo and a pin; an officer of
// the unit it reached verifies it and forwards it to the kelurahan; the kelurahan's officer
// takes it, adds the "after" photo and resolves it; the citizen sees it resolved and rates it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { artifact, launchBrowser, photoPng, startSigap } from './harness.mjs';

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

async function officer(email) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${sigap.url}/petugas`);
  await page.fill('#email', email);
  await page.fill('#password', sigap.accounts[email].password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Kotak masuk' }).waitFor();
  return page;
}

async function openCase(page, tab, code) {
  await page.getByRole('tab', { name: new RegExp(tab) }).click();
  await page.getByRole('link', { name: new RegExp(code) }).click();
  await page.getByTestId('case-status').waitFor();
}

// Takes an action from the case page and waits until it is done: the action's form closes
// only when the server said yes (a "Tersimpan." from an earlier step must not count).
async function act(page, action, fill = async () => {}) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await fill();
  const confirm = page.getByRole('button', { name: `Lakukan: ${action}` });
  await confirm.click();
  await confirm.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
}

test('report with photo and pin → verify, forward, resolve → the citizen sees it resolved and rates it', async () => {
  const citizen = await browser.newContext({
    viewport: { width: 360, height: 740 },
    geolocation: { latitude: -2.9761, longitude: 104.7754, accuracy: 12 },
    permissions: ['geolocation'],
  });
  const page = await citizen.newPage();
  await page.goto(`${sigap.url}/lapor`);
  await page.waitForSelector('#category option[value="jalan-rusak"]', { state: 'attached' });
  await page.selectOption('#category', 'jalan-rusak');
  await page.fill('#description', 'Jalan berlubang dalam di depan SD Negeri 3, bahaya untuk motor');
  await page.getByRole('button', { name: 'Pakai lokasi saya' }).click();
  await page.getByText('Lokasi tercatat').waitFor();
  await page.selectOption('#district', '16.71.01');
  await page.waitForSelector('#village option[value="16.71.01.1001"]', { state: 'attached' });
  await page.selectOption('#village', '16.71.01.1001');
  await page.setInputFiles('#photos', { name: 'lubang.png', mimeType: 'image/png', buffer: photoPng() });
  await page.waitForSelector('.thumbs img');
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const code = (await page.getByTestId('public-code').textContent()).trim();
  const secret = (await page.locator('.secret code').textContent()).trim();

  const pupr = await officer('petugas.pupr@demo.sigap.id');
  await openCase(pupr, 'Diterima', code);
  await act(pupr, 'Verifikasi');
  await act(pupr, 'Teruskan (disposisi)', async () => {
    await pupr.selectOption('#unit_code', 'kelurahan-16.71.01.1001');
    await pupr.fill('#reason', 'Jalan lingkungan: wewenang kelurahan');
  });

  const kelurahan = await officer('petugas.kelurahan@demo.sigap.id');
  await openCase(kelurahan, 'Diverifikasi', code);
  await act(kelurahan, 'Terima tugas');
  await act(kelurahan, 'Mulai kerjakan');
  await act(kelurahan, 'Selesaikan', async () => {
    await kelurahan.setInputFiles('#after', { name: 'sesudah.png', mimeType: 'image/png', buffer: photoPng(80, 60) });
    await kelurahan.getByText('after_photo_added').waitFor();  // on the timeline: the photo is in
    await kelurahan.fill('#reason', 'Lubang sudah ditambal aspal');
  });
  await kelurahan.getByTestId('case-status').filter({ hasText: 'Selesai ditangani' }).waitFor();
  await kelurahan.screenshot({ path: artifact('petugas-aduan-1366x768.png'), fullPage: true });

  await page.goto(`${sigap.url}/lacak/${code}`);
  await page.getByTestId('status').waitFor();
  assert.equal((await page.getByTestId('status').textContent()).trim(), 'Selesai ditangani');
  await page.getByText('Kode rahasia pelapor').first().click();
  await page.fill('#secret', secret);
  await page.selectOption('#rating', '5');
  await page.getByRole('button', { name: 'Sudah selesai, beri nilai' }).click();
  await page.getByRole('status').filter({ hasText: 'Terkirim.' }).waitFor();
  await page.getByTestId('status').filter({ hasText: 'Ditutup' }).waitFor();  // the page reloads the case
  await citizen.close();
});
