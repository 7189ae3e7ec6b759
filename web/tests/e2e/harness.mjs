// What every browser test needs: a real `sigap demo` on a free loopback port with a throw-away
// data directory, and Debian's Chromium driven by playwright-core (no browser download).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const webDir = resolve(here, '../..');
export const artifactsDir = join(webDir, 'test-results');

/// Starts `sigap demo` (with SIGAP_* settings from `settings`); resolves once it prints its URL.
/// `stop()` ends it and removes its data.
export async function startSigap(settings = {}) {
  const binary = process.env.SIGAP_BINARY ?? resolve(webDir, '../build/sigap');
  const dataDir = mkdtempSync(join(tmpdir(), 'sigap-e2e-'));
  const child = spawn(
    binary,
    ['demo', '--listen', '127.0.0.1:0', '--data-dir', dataDir, '--web-dir', join(webDir, 'dist'), '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...settings } },
  );
  let output = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`sigap did not start:\n${output}`)), 30000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/running at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`sigap exited with ${code}:\n${output}`)));
  });
  const accounts = {};
  for (const [, email, role, password] of output.matchAll(/^\s+(\S+@demo\.sigap\.id)\s+(\S+)\s+(\S+)$/gm)) {
    accounts[email] = { role, password };
  }
  return {
    url,
    accounts,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', done)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Headless Debian Chromium. The flags keep it off the network this machine does not have.
const chromiumOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/// Headless Debian Chromium; its contexts are incognito (nothing is kept between tests).
export function launchBrowser() {
  return chromium.launch(chromiumOptions);
}

/// A Chromium context with a real (throw-away) profile, as a phone's browser has: only such a
/// profile may install a web app. `close()` also removes the profile.
export async function launchProfile() {
  const profile = mkdtempSync(join(tmpdir(), 'sigap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, chromiumOptions);
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    rmSync(profile, { recursive: true, force: true });
  };
  return context;
}

export function artifact(name) {
  mkdirSync(artifactsDir, { recursive: true });
  return join(artifactsDir, name);
}

// A small PNG of coloured noise, as a phone camera would give (the browser re-encodes it).
export function photoPng(width = 64, height = 48) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;  // bit depth
  header[9] = 2;  // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let i = 0; i < rows.length; i++) rows[i] = i % (width * 3 + 1) === 0 ? 0 : (i * 7919) % 251;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/// axe-core's serious and critical violations on the page, as "rule: targets" lines. The
/// page's context must have been made with bypassCSP, so the script can be injected.
export async function seriousViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
