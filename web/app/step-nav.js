// The "jump to a step" links under the title, made from the steps' own headings (one home for
// their names). A link scrolls to its step and puts the keyboard focus on the heading, without
// touching the address bar, which holds the page's settings.
import { h, replace } from './dom.js';

export function mountStepNav(doc = document) {
  const nav = doc.getElementById('step-nav');
  if (!nav) return;
  const headings = [...doc.querySelectorAll('main > section > h2')];
  replace(nav.querySelector('ol'), headings.map((heading) => {
    const section = heading.parentElement;
    const number = heading.querySelector('.step')?.textContent;
    const name = [...heading.childNodes].filter((n) => !n.classList?.contains('step')).map((n) => n.textContent).join('').trim();
    const link = h('a', { href: `#${section.id}` }, number ? `${number} ${name}` : name);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      heading.tabIndex = -1;
      heading.focus();   // scrolls it into view too
    });
    return h('li', {}, link);
  }));
}
