// The size budget of issue #5: the citizen entry (the JS and CSS index.html loads, gzipped) at
// most 120 KB, so the portal opens on a cheap phone over a weak connection. Fails the build.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 120 * 1024;
const html = readFileSync('dist/index.html', 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;
  total += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`citizen entry: ${(total / 1024).toFixed(1)} KB gzip of ${BUDGET / 1024} KB (${((100 * total) / BUDGET).toFixed(0)} %)`);
if (total > BUDGET) {
  console.error('check-budget: the citizen entry is over its budget');
  process.exit(1);
}

// The Command Center (issue #6) is a lazy chunk of its own, opened from the console: its JS and
// CSS (without the entry and console chunks it shares, and without Leaflet, which only the wall's
// map loads) at most 40 KB gzip, so a leader's phone opens it quickly.
const COMMAND_BUDGET = 40 * 1024;
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
const command = manifest['src/command/command.tsx'];
if (!command) {
  console.error('check-budget: no Command Center chunk (src/command/command.tsx) in the build');
  process.exit(1);
}
let commandTotal = 0;
for (const file of [command.file, ...(command.css ?? [])]) {
  const size = gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;
  commandTotal += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(
  `command center: ${(commandTotal / 1024).toFixed(1)} KB gzip of ${COMMAND_BUDGET / 1024} KB (${((100 * commandTotal) / COMMAND_BUDGET).toFixed(0)} %)`,
);
if (commandTotal > COMMAND_BUDGET) {
  console.error('check-budget: the Command Center chunk is over its budget');
  process.exit(1);
}
