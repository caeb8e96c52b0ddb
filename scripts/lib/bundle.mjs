// Bundles the page's modules in dist/app, one file per entry point, so a first visit fetches one
// script instead of a waterfall of ~30 modules; boot.js, which picks the language before the
// first paint, becomes a classic script (an IIFE) the pages load in <head>. The engine (dist/engine) stays
// as it is: its files are found relative to themselves.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const app = path.resolve(process.argv[2] ?? 'dist', 'app');
const entries = ['main.js', 'embed.js', 'elements.js', 'embed-demo.js'];
await build({
  entryPoints: [path.join(app, 'boot.js')],
  outfile: path.join(app, 'boot.js'),
  allowOverwrite: true,
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  logLevel: 'error',
});
entries.push('boot.js');
await build({
  entryPoints: entries.map((f) => path.join(app, f)),
  outdir: app,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  external: ['../engine/*'],
  logLevel: 'error',
});
// The bundles hold everything: the separate modules they were made from are not shipped.
for (const name of fs.readdirSync(app)) {
  if (!entries.includes(name)) fs.rmSync(path.join(app, name), { recursive: true });
}
