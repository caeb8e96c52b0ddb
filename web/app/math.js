// Typeset TeX with KaTeX, vendored into dist/vendor/katex by the build (no CDN), as MathML, which
// the browser lays out itself: no inline style attributes (so it works under a strict CSP) and
// no web fonts to download. Until KaTeX has loaded (custom elements add its script late), the TeX
// source shows as text and is typeset as soon as the script arrives, so nothing ever blanks.
const pending = [];
let waiting = false;

function typeset(el, source, display) {
  globalThis.katex.render(source, el, { throwOnError: false, displayMode: display, output: 'mathml' });
}

function whenLoaded() {
  if (waiting) return;
  const script = document.querySelector('script[src*="katex"]');
  if (!script) return;
  waiting = true;
  script.addEventListener('load', () => {
    for (const { el, source, display } of pending.splice(0)) typeset(el, source, display);
  }, { once: true });
}

export function tex(source, { display = false } = {}) {
  const el = document.createElement(display ? 'div' : 'span');
  el.className = display ? 'math math-display' : 'math';
  if (globalThis.katex) {
    typeset(el, source, display);
  } else {
    el.textContent = source;
    pending.push({ el, source, display });
    whenLoaded();
  }
  return el;
}
