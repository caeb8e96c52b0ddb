// Numbers inside right-to-left text: in Hebrew, with every section rendered, each number with a
// minus sign is drawn with its minus to the LEFT of its digits (measured on the characters'
// rendered boxes, in numbers, formulas, vectors and sentences), every number box reads left to
// right as an isolated unit (computed direction and unicode-bidi, then the minus of a typed
// negative number measured the same way in a copy of the box's text), and each dot product's
// terms are drawn left to right in the order they are written. Literal math the catalogue marks
// [ltr]…[/ltr] ("√d", "C++") is drawn in its written order too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { renderEverything, start } from './browser.mjs';
import { openWith } from './languages.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const open = (viewport) => openWith(env, { code: 'he', hash: '#lang=he', options: { viewport }, before: renderEverything });

// Every minus sign followed by a digit in a text node of main, and where it is drawn relative to
// that digit (both characters on one line): { text, where, minusLeft, digitLeft }.
function minusSigns(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    const box = (node, i) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect();
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[\u2212-](?=\d)/g)) {
        const minus = box(node, match.index);
        const digit = box(node, match.index + 1);
        if (!minus.width || Math.abs(minus.top - digit.top) > 2) continue;   // not drawn, or broken across lines
        const el = node.parentElement;
        out.push({ text: node.textContent.trim().slice(0, 60), where: `${el.closest('section')?.id} ${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className}`, minusLeft: minus.left, digitLeft: digit.left });
      }
    }
    return out;
  });
}

// The characters of el's text in reading order with their left edges, but for the letters of a
// Hebrew word inside a formula ("∂L/∂(משקל)"), which read right to left as they should.
function charLefts(page, selector) {
  return page.locator(selector).evaluateAll((els) => els.map((el) => {
    const lefts = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent.length; i++) {
        if (!node.textContent[i].trim() || /[\u0590-\u05ff]/.test(node.textContent[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        lefts.push({ char: node.textContent[i], left: r.left, top: r.top });
      }
    }
    return { text: el.textContent, lefts };
  }));
}

function assertInOrder({ text, lefts }) {
  assert.ok(lefts.length >= 2, `nothing drawn: ${text}`);
  for (let i = 1; i < lefts.length; i++) {
    if (Math.abs(lefts[i].top - lefts[i - 1].top) > 2) continue;   // a new line
    assert.ok(lefts[i].left > lefts[i - 1].left, `"${text}": ${lefts[i - 1].char} then ${lefts[i].char} drawn right to left`);
  }
}

for (const width of [1280, 375]) {
  test(`he at ${width} px: every minus sign is drawn left of its digits, every dot product left to right`, async () => {
    const page = await open({ width, height: 900 });
    await page.locator('[data-widget=scores] .slip-notice p').waitFor();
    const signs = await minusSigns(page);
    const wrong = signs.filter((s) => s.minusLeft >= s.digitLeft).map((s) => `${s.where}: ${s.text}`);
    assert.deepEqual(wrong, [], 'minus signs drawn right of their digits');
    assert.ok(signs.length > 20, `${signs.length} minus signs measured`);

    for (const line of await charLefts(page, '.dot-products .terms')) assertInOrder(line);
    for (const line of await charLefts(page, '.slip-notice bdi, .slip-notice [dir=ltr]')) assertInOrder(line);
    const marked = (await charLefts(page, 'main bdi[dir=ltr], footer bdi[dir=ltr]')).filter((m) => m.lefts.length >= 2);
    for (const math of ['√d', 'C++', '∂L/∂x', '[1, 2, −1]']) assert.ok(marked.some((m) => m.text === math), `${math} marked [ltr] in the prose`);
    for (const m of marked) assertInOrder(m);
    assert.deepEqual(page.errors, []);
  });
}

test('he: every number box is an isolated left-to-right unit, and a typed negative number shows its minus on the left', async () => {
  const page = await open({ width: 1280, height: 900 });
  const boxes = page.locator('main input[type=text], main input:not([type])');
  assert.ok(await boxes.count() > 20);
  const styles = await boxes.evaluateAll((els) => els.map((el) => `${getComputedStyle(el).direction} ${getComputedStyle(el).unicodeBidi}`));
  assert.deepEqual([...new Set(styles)], ['ltr isolate']);
  const cell = page.locator('[data-widget=tokens] input[data-field=embeddings]').first();
  await cell.click();
  await cell.fill('-1');
  await cell.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('embeddings')?.startsWith('-1,'));
  // the box's text, drawn in a span styled as the box is: its minus on the left
  const [minus, digit] = await cell.evaluate((input) => {
    const copy = document.createElement('span');
    copy.textContent = input.value;
    for (const name of ['direction', 'unicodeBidi', 'font', 'textAlign']) copy.style[name] = getComputedStyle(input)[name];
    input.parentElement.append(copy);
    const rects = [0, 1].map((i) => { const r = document.createRange(); r.setStart(copy.firstChild, i); r.setEnd(copy.firstChild, i + 1); return r.getBoundingClientRect().left; });
    copy.remove();
    return rects;
  });
  assert.ok(minus < digit, `minus at ${minus}, digit at ${digit}`);
  assert.deepEqual(page.errors, []);
});
