// Renders the PNG icons Chromium needs to offer "install" (192 and 512 px, and a maskable 512
// whose glyph sits inside the central safe circle) from public/icon.svg, with the Debian
// Chromium the browser tests use. Run once after the SVG changes and commit the PNGs:
//   cd web && node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const publicDir = resolve(dirname(fileURLToPath(import.meta.url)), '../public');
const svg = readFileSync(join(publicDir, 'icon.svg'), 'utf8');

// The maskable variant: the green fills the whole square (the platform cuts its own shape) and
// the glyph is drawn at 80 % around the centre, inside the 40 %-radius safe zone.
const maskable = svg
  .replace(/<rect [^>]*\/>/, '<rect width="64" height="64" fill="#0b5d3b"/>')
  .replace(/<path /, '<path transform="translate(32 32) scale(0.8) translate(-32 -32)" ');

const icons = [
  { file: 'icon-192.png', size: 192, source: svg },
  { file: 'icon-512.png', size: 512, source: svg },
  { file: 'icon-maskable-512.png', size: 512, source: maskable },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const { file, size, source } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const data = Buffer.from(source).toString('base64');
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img alt="" width="${size}" height="${size}" ` +
        `src="data:image/svg+xml;base64,${data}"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: join(publicDir, file), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`public/${file}: ${size}x${size}`);
  }
} finally {
  await browser.close();
}
