// The admin in a real browser: the first sign-in sets up two-step verification (the test
// computes the TOTP code as an authenticator app would), then forms (users, holidays, routing
// rules, SLA policies, units, categories) show the server's validation messages next to the
// field and save what is valid.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { artifact, launchBrowser, seriousViolations, startSigap } from './harness.mjs';

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

// RFC 6238 with SHA-1, 30-second steps, 6 digits (RFC 4648 base32 secret).
function totp(secret, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

test('an admin sets up two-step verification, then adds a user, a holiday, a category and changes a unit, with errors next to the fields', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${sigap.url}/petugas`);
  await page.fill('#email', 'admin@demo.sigap.id');
  await page.fill('#password', sigap.accounts['admin@demo.sigap.id'].password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent()).trim();
  await page.fill('#totp-code', totp(secret));
  await page.getByRole('button', { name: 'Konfirmasi' }).click();
  await Promise.race([page.getByTestId('recovery-codes').waitFor(), page.getByRole('alert').waitFor()]);
  assert.equal(await page.getByRole('alert').count(), 0, await page.locator('main').innerText());
  assert.equal(await page.getByTestId('recovery-codes').locator('li').count(), 10);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('heading', { name: 'Admin' }).waitFor();

  // A weak password is refused and said so under the password field.
  await page.fill('#user-email', 'petugas.baru@palembang.go.id');
  await page.fill('#user-name', 'Petugas Baru');
  await page.fill('#user-password', 'password');
  await page.selectOption('#user-unit', 'kelurahan-16.71.01.1001');
  await page.getByRole('button', { name: 'Buat' }).click();
  await page.locator('#user-password-error').waitFor();
  await page.fill('#user-password', 'Sungai-Musi-Ampera-2026');
  await page.getByRole('button', { name: 'Buat' }).click();
  await page.getByText('petugas.baru@palembang.go.id').waitFor();

  await page.getByRole('link', { name: 'Hari libur' }).click();
  await page.fill('#day-date', '2027-01-01');
  await page.fill('#day-name', 'Tahun Baru 2027 Masehi');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByText('Tahun Baru 2027 Masehi').waitFor();

  await page.getByRole('link', { name: 'Aturan disposisi' }).click();
  await page.selectOption('#rule-category', 'sampah');
  await page.fill('#rule-region', '99.99');
  await page.selectOption('#rule-unit', 'kecamatan-16.71.01');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.locator('#rule-region-error').waitFor();
  await page.fill('#rule-region', '16.71.01');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByText('→ kecamatan-16.71.01').waitFor();

  await page.getByRole('link', { name: 'Kebijakan SLA' }).click();
  await page.fill('#sla-verify-amount', '0');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.locator('#sla-verify-amount-error').waitFor();
  await page.screenshot({ path: artifact('admin-sla-1366x768.png'), fullPage: true });

  // Units: the kind filter narrows the list; a unit put under itself is refused next to the
  // parent field; fixed, its new name and hours are saved.
  await page.getByRole('link', { name: 'Unit', exact: true }).click();
  await page.selectOption('#unit-filter-type', 'agency');
  await page.getByRole('button', { name: 'Ubah Dinas Perhubungan' }).click();
  assert.equal(await page.locator('#unit-code').inputValue(), 'dishub');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'unit-name', 'the form takes the focus');
  await page.fill('#unit-name', 'Dinas Perhubungan Kota Palembang');
  await page.fill('#unit-hours', 'mon-fri 07:30-16:00');
  await page.selectOption('#unit-parent', 'dishub');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.locator('#unit-parent-error').waitFor();
  assert.equal(await page.locator('.field.invalid').count(), 1, 'only the parent is wrong');
  await page.selectOption('#unit-parent', 'pemkot-palembang');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
  await page.locator('.cases strong', { hasText: 'Dinas Perhubungan Kota Palembang' }).waitFor();
  const dishub = await (await context.request.get(`${sigap.url}/api/v1/units/dishub`)).json();
  assert.equal(dishub.service_hours_text, 'mon-fri 07:30-16:00');
  await page.screenshot({ path: artifact('admin-units-1366x768.png'), fullPage: true });

  // Categories: a bad code is refused next to the code field; corrected, the category is made
  // and reports may choose it.
  await page.getByRole('link', { name: 'Kategori', exact: true }).click();
  await page.fill('#category-code', 'Reklame Liar');
  await page.fill('#category-name', 'Reklame liar');
  await page.fill('#category-name-en', 'Illegal billboards');
  await page.fill('#category-description', 'Baliho dan spanduk tanpa izin.');
  await page.selectOption('#category-unit', 'satpol-pp');
  await page.fill('#category-keywords', 'Baliho, spanduk, reklame liar');
  await page.check('#category-field-work');
  await page.getByRole('button', { name: 'Buat' }).click();
  await page.locator('#category-code-error').waitFor();
  assert.equal(await page.locator('#category-code').getAttribute('aria-invalid'), 'true');
  await page.fill('#category-code', 'reklame-liar');
  await page.getByRole('button', { name: 'Buat' }).click();
  await page.locator('.cases strong', { hasText: 'Reklame liar' }).waitFor();
  const categories = await (await context.request.get(`${sigap.url}/api/v1/categories`)).json();
  const made = categories.items.find((c) => c.code === 'reklame-liar');
  assert.deepEqual(made?.keywords, ['baliho', 'spanduk', 'reklame liar']);
  assert.equal(made?.field_work, true);
  await page.screenshot({ path: artifact('admin-categories-1366x768.png'), fullPage: true });

  for (const section of ['users', 'keys', 'units', 'categories', 'routing', 'sla', 'calendar']) {
    await page.goto(`${sigap.url}/petugas/admin/${section}`);
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await seriousViolations(page), [], `admin/${section}`);
  }
  await context.close();
});
