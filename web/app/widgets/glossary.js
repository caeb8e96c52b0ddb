// The glossary widget: any use of a term in the text (<a class="term" data-term="softmax"
// href="#glossary-softmax">) opens its definition in a small panel, by mouse or keyboard (a link:
// Tab to it, Enter opens, Escape closes and returns to the text); the full list is drawn into
// #glossary-list. Text nodes only, no inline styles: it works under the page's strict CSP.
import { GLOSSARY, glossaryKeys } from '../glossary.js';
import { h, replace } from '../dom.js';
import { plain } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

export function mountGlossary(doc = document) {
  const list = doc.getElementById('glossary-list');
  if (list) {
    replace(list, GLOSSARY.map((id) => [h('dt', { id: `glossary-${id}` }, rich(glossaryKeys(id).term)), h('dd', {}, rich(glossaryKeys(id).text))]));
  }
  const title = h('p', { class: 'glossary-term', id: 'glossary-popup-title' });
  const text = h('p', { class: 'glossary-text' });
  const close = h('button', { type: 'button', class: 'dismiss', 'aria-label': plain('glossary.close') }, '×');
  const all = h('a', { href: '#glossary' }, rich('glossary.all'));
  const popup = h('div', { class: 'glossary-popup', popover: 'auto', role: 'dialog', 'aria-labelledby': title.id, 'data-glossary-popup': '' },
    close, title, text, all);
  doc.body.append(popup);

  let opener = null;   // the use of the term that opened the panel: focus goes back to it
  close.addEventListener('click', () => popup.hidePopover());
  all.addEventListener('click', () => {
    opener = null;   // the list takes the focus, not the term
    popup.hidePopover();
  });
  popup.addEventListener('toggle', (e) => {
    if (e.newState !== 'closed' || !opener) return;
    const back = opener;
    opener = null;
    if (!popup.matches(':popover-open')) back.focus();
  });
  // Links to the list scroll to it without touching the address bar, which holds the reader's edits.
  const jump = (id) => {
    const target = doc.getElementById(id);
    if (!target) return;
    target.tabIndex = -1;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  doc.addEventListener('click', (e) => {
    const link = e.target.closest?.('a[href^="#glossary"]');
    if (!link) return;
    e.preventDefault();
    const use = link.matches('.term[data-term]') ? link : null;
    const entry = use && GLOSSARY.includes(use.dataset.term) && glossaryKeys(use.dataset.term);
    if (!entry) {
      jump(link.getAttribute('href').slice(1));
      return;
    }
    replace(title, rich(entry.term));
    replace(text, rich(entry.text));
    // the panel sits in a bottom corner, or a top one when the term is low on the screen
    popup.classList.toggle('at-top', use.getBoundingClientRect().top > innerHeight / 2);
    if (!popup.matches(':popover-open')) popup.showPopover();
    opener = use;
    close.focus();
  });
}
