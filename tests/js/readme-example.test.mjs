// The README's JS example runs as printed (like a library's docs examples compiled in CI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

const root = new URL('../../', import.meta.url);

test('the README example runs and prints what its comments say', () => {
  const readme = fs.readFileSync(new URL('README.md', root), 'utf8');
  const block = readme.match(/```js readme-example\n([\s\S]*?)```/);
  assert.ok(block, 'README has a ```js readme-example block');
  const file = new URL('build/readme-example.mjs', root);
  fs.mkdirSync(new URL('build/', root), { recursive: true });
  // The example lives in build/, one folder down from where a reader would save it.
  fs.writeFileSync(file, block[1].replace("from './dist/", "from '../dist/"));
  const out = execFileSync('node', [file.pathname], { cwd: root.pathname, encoding: 'utf8' });
  assert.match(out, /\[ \[ 1, 2, 5 \] \] \[ \[ 0\.125, 0\.25, 0\.625 \] \] \[ \[ 0\.5, 1\.125, 0\.75 \] \]/);
  assert.match(out, /0\.4140625 \[ \[ 0\.037109375, -0\.150390625, 0\.052734375 \] \]/);
  assert.match(out, /^1 \[ \{ word: 'grass', probability: 0\.9\d+ \} \]$/m);
});
