// Builds the front end into web/dist, which `sigap serve` serves. Next to every text asset it
// writes the .gz and .br twins the server sends to browsers that accept them (no compression at
// request time). Nothing is loaded from outside sigap: fonts are the system's, icons are inline
// SVG, map code is bundled.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

function precompress(dir: string): Plugin {
  return {
    name: 'sigap-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (path: string) => {
        for (const name of readdirSync(path)) {
          const file = join(path, name);
          if (statSync(file).isDirectory()) walk(file);
          else if (/\.(js|css|html|svg|json|webmanifest|txt)$/.test(name)) {
            const bytes = readFileSync(file);
            writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
            writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          }
        }
      };
      walk(dir);
    },
  };
}

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    manifest: true,
  },
  plugins: [precompress('dist')],
});
