// Bundles the page's modules in dist/app, one file per entry point, so a first visit fetches one
// script instead of a waterfall of ~30 modules. The page's own bundle (main.js) is split: what it
// imports with import() only when a reader asks (the NumPy programs, the worksheet) becomes chunks
// in dist/app/chunks, fetched then, so the first load does not carry them. The embeds' bundles stay
// whole. The chunks main.js imports statically (code it shares with those) are named in index.html
// as module preloads, so they download alongside main.js rather than after it. boot.js, which picks
// the language before the first paint, becomes a classic script (an IIFE) the pages load in <head>.
// The engine's scripts (dist/engine: the JS API, Emscripten's loader, the workers) keep their
// files, since each is found relative to the others, and are minified in place, each on its own.
// The style sheet is minified in place too (its comments and spacing: 1.5 KB of the first load).
import fs from 'node:fs';
import path from 'node:path';
import { build, transform } from 'esbuild';

const app = path.resolve(process.argv[2] ?? 'dist', 'app');
const entries = ['main.js', 'embed.js', 'elements.js', 'embed-demo.js'];
const options = {
  outdir: app,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  external: ['../engine/*'],
  logLevel: 'error',
};
await build({ ...options, entryPoints: [path.join(app, 'boot.js')], outfile: path.join(app, 'boot.js'), outdir: undefined, format: 'iife', external: [] });
entries.push('boot.js');
const page = await build({ ...options, entryPoints: [path.join(app, 'main.js')], splitting: true, chunkNames: 'chunks/[name]-[hash]', metafile: true });
const main = Object.entries(page.metafile.outputs).find(([, o]) => o.entryPoint)[1];
const preloads = main.imports.filter((i) => i.kind === 'import-statement' && !i.external)
  .map((i) => `<link rel="modulepreload" href="${path.relative(path.dirname(app), path.resolve(i.path))}">`);
const index = path.join(path.dirname(app), 'index.html');
const html = fs.readFileSync(index, 'utf8');
const script = '<script type="module" src="app/main.js">';
if (!html.includes(script)) throw new Error(`${index} has no ${script}`);
fs.writeFileSync(index, html.replace(script, () => `${preloads.join('\n  ')}\n  ${script}`));
await build({ ...options, entryPoints: entries.filter((f) => f !== 'main.js' && f !== 'boot.js').map((f) => path.join(app, f)) });
// The bundles hold everything: the separate modules they were made from are not shipped.
for (const name of fs.readdirSync(app)) {
  if (!entries.includes(name) && name !== 'chunks') fs.rmSync(path.join(app, name), { recursive: true });
}

const engine = path.resolve(app, '..', 'engine');
for (const name of fs.readdirSync(engine).filter((f) => f.endsWith('.js'))) {
  const file = path.join(engine, name);
  const { code } = await transform(fs.readFileSync(file, 'utf8'), { format: 'esm', minify: true, target: 'es2022', logLevel: 'error' });
  fs.writeFileSync(file, code);
}

const styles = path.resolve(app, '..', 'styles.css');
fs.writeFileSync(styles, (await transform(fs.readFileSync(styles, 'utf8'), { loader: 'css', minify: true, logLevel: 'error' })).code);
