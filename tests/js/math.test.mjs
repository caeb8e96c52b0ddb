// The page's TeX-to-MathML builder (web/app/math.js): each formula the page writes becomes the
// MathML a reader should see (fractions, scripts, sums, text), and what it cannot read throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTex } from '../../web/app/math.js';
import { STEP_NUMBERS, stepFormula } from '../../web/app/code/numpy-steps.js';

// The tree as compact markup, to compare whole formulas at once.
const markup = (n) => (n.children
  ? `<${n.tag}>${n.children.map(markup).join('')}</${n.tag}>`
  : `<${n.tag}>${n.text ?? ''}</${n.tag}>`);
const body = (source, options) => markup(parseTex(source, options).children[0]).replace(/^<mrow>|<\/mrow>$/g, '');

test('softmax as step 4 writes it: a fraction of powers of e over a sum with its index beneath', () => {
  assert.equal(body('w_j = \\frac{e^{s_j / T}}{\\sum_i e^{s_i / T}}', { display: true }),
    '<msub><mi>w</mi><mi>j</mi></msub><mo>=</mo><mfrac><msup><mi>e</mi><mrow><msub><mi>s</mi><mi>j</mi></msub><mo>/</mo><mi>T</mi></mrow></msup>'
    + '<mrow><munder><mo>∑</mo><mi>i</mi></munder><msup><mi>e</mi><mrow><msub><mi>s</mi><mi>i</mi></msub><mo>/</mo><mi>T</mi></mrow></msup></mrow></mfrac>');
  // inline, the sum's index is a subscript
  assert.match(body('\\sum_i x'), /^<msub><mo>∑<\/mo><mi>i<\/mi><\/msub>/);
});

test('a worked fraction with live numbers: decimals stay whole, a minus is a minus sign', () => {
  assert.equal(body('\\frac{e^{1.5}}{e^{1.5} + e^{-2.25}}'),
    '<mfrac><msup><mi>e</mi><mn>1.5</mn></msup><mrow><msup><mi>e</mi><mn>1.5</mn></msup><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mn>2.25</mn></mrow></msup></mrow></mfrac>');
});

test('step 6: text keeps its spaces, operator names are upright, \\left( … \\right) is one fenced row', () => {
  const tree = parseTex('\\text{the output} = \\operatorname{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d}} + M_{\\text{causal}}\\right) V', { display: true });
  assert.equal(tree.attrs.display, 'block');
  assert.equal(markup(tree.children[0]),
    '<mrow><mtext>the output</mtext><mo>=</mo><mi>softmax</mi><mspace></mspace><mrow><mo>(</mo><mfrac><mrow><mi>Q</mi><msup><mi>K</mi><mi>⊤</mi></msup></mrow>'
    + '<msqrt><mi>d</mi></msqrt></mfrac><mo>+</mo><msub><mi>M</mi><mtext>causal</mtext></msub><mo>)</mo></mrow><mi>V</mi></mrow>');
  assert.equal(tree.children[0].children[2].attrs.mathvariant, 'normal');
  assert.equal(tree.children[0].children[3].attrs.width, '-0.1667em');
});

test('step 7: \\tfrac12 takes one digit per argument, and a script after a bracket attaches to it', () => {
  const tree = parseTex('L = \\tfrac12 \\sum_i (x_i)^2', { display: true });
  assert.equal(markup(tree.children[0]),
    '<mrow><mi>L</mi><mo>=</mo><mstyle><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle><munder><mo>∑</mo><mi>i</mi></munder>'
    + '<mo>(</mo><msub><mi>x</mi><mi>i</mi></msub><msup><mo>)</mo><mn>2</mn></msup></mrow>');
  // brackets as written keep their size; only \\left … \\right stretch
  assert.equal(tree.children[0].children[4].attrs.stretchy, 'false');
  assert.equal(parseTex('\\left( x \\right)').children[0].children[0].children[0].attrs.stretchy, undefined);
});

test('what it cannot read throws, naming the formula', () => {
  assert.throws(() => parseTex('\\alpha + 1'), /tex: \\alpha is not supported in \\alpha \+ 1/);
  assert.throws(() => parseTex('\\frac{1}{2'), /a } missing/);
  assert.throws(() => parseTex('\\left( x'), /\\right missing/);
});

test('every worksheet formula reads: spaces, \\cdot and \\partial included', () => {
  for (const step of STEP_NUMBERS) assert.doesNotThrow(() => parseTex(stepFormula(step), { display: true }), `step ${step}`);
  assert.equal(body('a \\cdot b \\; \\quad \\qquad \\partial L'),
    '<mi>a</mi><mo>⋅</mo><mi>b</mi><mspace></mspace><mspace></mspace><mspace></mspace><mi>∂</mi><mi>L</mi>');
  assert.deepEqual(parseTex('a\\quad b').children[0].children[1].attrs, { width: '1em' });
});

test('\\text keeps a space at its ends (MathML would drop it): “the products q”, not “the productsq”', () => {
  assert.equal(body('\\text{(the products } q'), '<mtext>(the products\u00a0</mtext><mi>q</mi>');
});
