// The page's colours, read from web/styles.css in light and dark mode: every colour used for text
// keeps a contrast of 4.5:1 on the page and on a panel (WCAG AA), and the query, key and value
// colours stay apart for colour-blind readers: simulated protanopia, deuteranopia and tritanopia (Machado,
// Oliveira & Fernandes 2009, severity 1, on linear RGB) leave every pair at a CIEDE2000
// difference of at least MIN_DIFFERENCE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

// ΔE00 ≈ 1 is the smallest difference most people see side by side; 10 is told apart at a glance,
// on small marks as well as large.
const MIN_DIFFERENCE = 10;
const TEXT_COLOURS = ['fg', 'muted', 'q', 'k', 'v', 'x', 'warn', 'focus', 'token-0', 'token-1', 'token-2'];

// The custom properties of the first :root block (light) and of the dark-mode block over it.
function palettes() {
  const css = fs.readFileSync(new URL('../../web/styles.css', import.meta.url), 'utf8');
  const read = (block) => Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2].toLowerCase()]));
  const light = read(css.slice(css.indexOf(':root, :host {'), css.indexOf('}', css.indexOf(':root, :host {'))));
  const darkAt = css.search(/@media[^{]*\(prefers-color-scheme: dark\)\s*\{[^{}]*:root, :host \{/);
  assert.ok(darkAt > 0, 'the dark-mode block found in styles.css');
  const darkBlock = read(css.slice(darkAt, css.indexOf('}', css.indexOf(':root, :host {', darkAt))));
  assert.ok(['bg', 'fg', 'q', 'k', 'v'].every((name) => darkBlock[name] && darkBlock[name] !== light[name]), 'dark mode sets its own colours');
  return { light, dark: { ...light, ...darkBlock } };
}

const linear = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
function contrast(a, b) {
  const [hi, lo] = [luminance(linear(a)), luminance(linear(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const MACHADO = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3139]],
};
const simulate = (rgb, m) => m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));

// Linear sRGB -> CIELAB (D65).
function lab([r, g, b]) {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

// CIEDE2000 (Sharma, Wu & Dalal 2005).
function deltaE2000([L1, a1, b1], [L2, a2, b2]) {
  const rad = Math.PI / 180;
  const seventh = (c) => Math.sqrt(c ** 7 / (c ** 7 + 25 ** 7));
  const G = 0.5 * (1 - seventh((Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2));
  const [a1p, a2p] = [(1 + G) * a1, (1 + G) * a2];
  const [C1, C2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (b, a) => ((Math.atan2(b, a) / rad) + 360) % 360;
  const [h1, h2] = [hue(b1, a1p), hue(b2, a2p)];
  let dh = C1 * C2 === 0 ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin((dh / 2) * rad);
  const L = (L1 + L2) / 2, C = (C1 + C2) / 2;
  let H = h1 + h2;
  if (C1 * C2 !== 0) H = (Math.abs(h1 - h2) > 180 ? H + (H < 360 ? 360 : -360) : H) / 2;
  const T = 1 - 0.17 * Math.cos((H - 30) * rad) + 0.24 * Math.cos(2 * H * rad) + 0.32 * Math.cos((3 * H + 6) * rad) - 0.2 * Math.cos((4 * H - 63) * rad);
  const SL = 1 + (0.015 * (L - 50) ** 2) / Math.sqrt(20 + (L - 50) ** 2), SC = 1 + 0.045 * C, SH = 1 + 0.015 * C * T;
  const RT = -Math.sin(2 * 30 * Math.exp(-(((H - 275) / 25) ** 2)) * rad) * 2 * seventh(C);
  const [l, c, h] = [(L2 - L1) / SL, (C2 - C1) / SC, dH / SH];
  return Math.sqrt(l * l + c * c + h * h + RT * c * h);
}

test('CIEDE2000 gives the published values (Sharma et al. 2005, pairs 1, 7 and 17)', () => {
  for (const [a, b, expected] of [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
  ]) assert.equal(deltaE2000(a, b).toFixed(4), expected.toFixed(4));
});

test('every text colour has 4.5:1 on the page and on a panel, in light and dark mode', () => {
  const low = [];
  for (const [mode, p] of Object.entries(palettes())) {
    for (const name of TEXT_COLOURS) {
      for (const ground of ['bg', 'panel']) {
        const ratio = contrast(p[name], p[ground]);
        if (!(ratio >= 4.5)) low.push(`${mode}: --${name} ${p[name]} on --${ground} ${p[ground]}: ${ratio.toFixed(2)}`);
      }
    }
  }
  assert.deepEqual(low, []);
});

test('q, k and v stay apart under simulated protanopia, deuteranopia and tritanopia, in light and dark mode', () => {
  const close = [];
  for (const [mode, p] of Object.entries(palettes())) {
    assert.ok(p.q && p.k && p.v, `${mode}: q, k and v found in styles.css`);
    for (const [vision, matrix] of Object.entries({ typical: null, ...MACHADO })) {
      const seen = (name) => lab(matrix ? simulate(linear(p[name]), matrix) : linear(p[name]));
      for (const [a, b] of [['q', 'k'], ['q', 'v'], ['k', 'v']]) {
        const difference = deltaE2000(seen(a), seen(b));
        if (!(difference >= MIN_DIFFERENCE)) close.push(`${mode}, ${vision}: ${a} ${p[a]} and ${b} ${p[b]} differ by ΔE00 ${difference.toFixed(1)}`);
      }
    }
  }
  assert.deepEqual(close, []);
});
