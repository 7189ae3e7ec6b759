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
