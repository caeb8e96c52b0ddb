// Formulas written in a small part of TeX, turned into MathML, which the browser lays out itself:
// no typesetting library to download, no inline styles (strict CSP), no fonts, and a formula with
// live numbers in it (step 4's worked softmax) is typeset the moment it is made, so nothing flashes.
// The TeX understood: letters, numbers and operators; ^ and _ (one token or a {group});
// \frac, \tfrac, \sqrt, \text, \operatorname, \left … \right, \sum, \top, \cdot, \partial, and the
// spaces \!, \,, \;, \quad and \qquad.
// Anything else throws, so an unsupported formula fails in the tests, not silently on the page.
const MATHML = 'http://www.w3.org/1998/Math/MathML';

const SYMBOLS = {
  sum: ['mo', '∑', { largeop: 'true', movablelimits: 'true' }],
  top: ['mi', '⊤', { mathvariant: 'normal' }],
  cdot: ['mo', '⋅'],
  partial: ['mi', '∂', { mathvariant: 'normal' }],
};
const SPACES = { '!': '-0.1667em', ',': '0.1667em', ';': '0.2778em', quad: '1em', qquad: '2em' };

function tokenize(source) {
  const tokens = [];
  const re = /\\([A-Za-z]+|.)|(\d+(?:\.\d+)?)|(\s+)|(.)/gsu;
  for (const { 1: command, 2: number, 3: space, 4: char, index } of source.matchAll(re)) {
    if (command !== undefined) tokens.push({ command, index });
    else if (number !== undefined) tokens.push({ number, index });
    else if (space === undefined) tokens.push({ char, index });
  }
  return tokens;
}

const node = (tag, children = [], attrs = {}) => ({ tag, attrs, children });
const leaf = (tag, text, attrs = {}) => ({ tag, attrs, text });

// A TeX source as a tree of { tag, attrs, children | text }: what tex() builds, and what the tests read.
export function parseTex(source, { display = false } = {}) {
  const tokens = tokenize(source);
  let at = 0;
  const fail = (what) => { throw new Error(`tex: ${what} in ${source}`); };

  // The text inside { … } as written, spaces kept (for \text and \operatorname).
  function rawGroup() {
    if (tokens[at]?.char !== '{') fail('a { expected');
    const from = tokens[at].index + 1, to = source.indexOf('}', from);
    if (to < 0) fail('a } missing');
    while (at < tokens.length && tokens[at].index <= to) at++;
    return source.slice(from, to);
  }

  // One argument: a { group } or a single token, where a number's token is one digit (\tfrac12).
  function argument() {
    const t = tokens[at];
    if (t?.number?.length > 1) {
      tokens.splice(at + 1, 0, { number: t.number.slice(1), index: t.index + 1 });
      t.number = t.number[0];
    }
    if (t?.char === '{') {
      at++;
      const row = sequence('}');
      at++;
      return row.length === 1 ? row[0] : node('mrow', row);
    }
    const one = atom();
    return one ?? fail('an argument missing');
  }

  function atom() {
    const t = tokens[at++];
    if (!t) return null;
    if (t.number !== undefined) return leaf('mn', t.number);
    if (t.char !== undefined) {
      if (/\p{L}/u.test(t.char)) return leaf('mi', t.char);
      // a bracket as written keeps its size (MathML would stretch it to the row); \left … \right stretch
      return leaf('mo', t.char === '-' ? '−' : t.char, '()[]|'.includes(t.char) ? { stretchy: 'false' } : {});
    }
    const c = t.command;
    if (c === 'frac' || c === 'tfrac') {
      const num = argument(), den = argument();
      const frac = node('mfrac', [num, den]);
      return c === 'tfrac' ? node('mstyle', [frac], { displaystyle: 'false', scriptlevel: '0' }) : frac;
    }
    if (c === 'sqrt') return node('msqrt', [argument()]);
    // a space at either end of \text would be dropped by MathML: kept as a no-break space
    if (c === 'text') return leaf('mtext', rawGroup().replace(/^ +| +$/g, (spaces) => '\u00a0'.repeat(spaces.length)));
    if (c === 'operatorname') return leaf('mi', rawGroup(), { mathvariant: 'normal' });
    if (c === 'left') {
      const open = tokens[at++]?.char ?? fail('a bracket after \\left');
      const inner = sequence('right');
      at++;
      const close = tokens[at++]?.char ?? fail('a bracket after \\right');
      return node('mrow', [leaf('mo', open, { fence: 'true' }), ...inner, leaf('mo', close, { fence: 'true' })]);
    }
    if (SPACES[c]) return leaf('mspace', null, { width: SPACES[c] });
    if (SYMBOLS[c]) return leaf(...SYMBOLS[c]);
    return fail(`\\${c} is not supported`);
  }

  // Atoms up to `end` ('}' or the command 'right'), with their scripts attached.
  function sequence(end) {
    const row = [];
    while (at < tokens.length) {
      const t = tokens[at];
      if ((end === '}' && t.char === '}') || (end === 'right' && t.command === 'right')) return row;
      if (t.char === '^' || t.char === '_') {
        const base = row.pop() ?? leaf('mrow', '');
        let sub = null, sup = null;
        while (tokens[at]?.char === '^' || tokens[at]?.char === '_') {
          const which = tokens[at++].char;
          if (which === '^') sup = argument();
          else sub = argument();
        }
        const under = display && base.text === '∑';
        if (sub && sup) row.push(node(under ? 'munderover' : 'msubsup', [base, sub, sup]));
        else if (sub) row.push(node(under ? 'munder' : 'msub', [base, sub]));
        else row.push(node('msup', [base, sup]));
        continue;
      }
      row.push(atom());
    }
    if (end) fail(`${end === '}' ? 'a }' : '\\right'} missing`);
    return row;
  }

  const row = sequence(null);
  return node('math', [node('mrow', row)], display ? { display: 'block' } : {});
}

function build({ tag, attrs, children, text }) {
  const el = document.createElementNS(MATHML, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (children) el.append(...children.map(build));
  else if (text) el.textContent = text;
  return el;
}

export function tex(source, { display = false } = {}) {
  const el = document.createElement(display ? 'div' : 'span');
  el.className = display ? 'math math-display' : 'math';
  el.append(build(parseTex(source, { display })));
  return el;
}
