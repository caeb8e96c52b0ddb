// Loads the built engine from dist/engine for the Node tests (Node passes the wasm bytes itself).
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { loadEngine } from '../../dist/engine/attention-engine.js';

export const wasmBinary = fs.readFileSync(new URL('../../dist/engine/attention-engine.wasm', import.meta.url));

export function load() {
  return loadEngine({ wasmBinary });
}

// Every entry of two matrices (or vectors) within `tol`; with `relative`, within tol·max(1, |expected|).
export function near(actual, expected, tol, message = '', { relative = false } = {}) {
  const a = actual.flat(), e = expected.flat();
  assert.equal(a.length, e.length, `${message}: ${a.length} entries, expected ${e.length}`);
  a.forEach((x, i) => {
    const allowed = relative ? tol * Math.max(1, Math.abs(e[i])) : tol;
    assert.ok(Math.abs(x - e[i]) <= allowed, `${message}: entry ${i} is ${x}, expected ${e[i]} (±${allowed})`);
  });
}
