// Typeset TeX with KaTeX, vendored into dist/vendor/katex by the build (no CDN). Until (or unless)
// KaTeX has loaded, the TeX source is shown as text so the page never blanks.
export function tex(source, { display = false } = {}) {
  const el = document.createElement(display ? 'div' : 'span');
  el.className = display ? 'math math-display' : 'math';
  if (globalThis.katex) globalThis.katex.render(source, el, { throwOnError: false, displayMode: display });
  else el.textContent = source;
  return el;
}
