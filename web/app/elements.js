// Every walkthrough widget as a custom element, from this one script:
//   <script type="module" src="https://…/app/elements.js"></script>
//   <attention-scores wk="3,-1,0;3,0,-1;0,1,-3" lock="wq" hide="reset"></attention-scores>
// Attributes: any page setting in kebab-case (wq, normalize, learning-rate, demo-heads, …) in the
// URL format, read by the setting's own parser as a link is; lock="field,…" makes cells read-only;
// hide="control,…" hides controls; exercise="b-wins" adds that exercise under the widget, and
// challenge='{…}' an author's own, written as data (see README); the element then fires a bubbling
// 'attention-explained:progress' event (detail: the embed's message) when one is answered or done.
// Each element has its own state and shares one engine with the others.
import { loadEngine } from '../engine/attention-engine.js';
import { Controller } from './controller.js';
import { mountExercise } from './exercises-embed.js';
import { SECTIONS } from './sections/index.js';
import { FIELDS } from './state.js';
import { h } from './dom.js';
import { Announcer } from './widgets/announcer.js';
import { t } from './i18n/core.js';
import { startElementsLanguage } from './i18n/load.js';
import { rich, english } from './i18n/render.js';

const base = new URL('../', import.meta.url);
let engine = null;

function kebab(name) {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

class AttentionWidget extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const notices = h('div', { class: 'notices', 'aria-live': 'polite' });
    const announcer = new Announcer('changes');
    await startElementsLanguage(base);
    const container = h('div', { class: 'widget', 'aria-busy': 'true' }, h('p', { class: 'loading' }, t('elements.loading')));
    root.append(
      h('link', { rel: 'stylesheet', href: new URL('styles.css', base).href }),
      notices, announcer.element, container);
    const notify = (message) => notices.append(h('p', { class: 'notice', role: 'status' }, message));
    try {
      engine ??= loadEngine();
      const ready = await engine;
      const settings = new URLSearchParams();
      for (const key of Object.keys(FIELDS)) {
        if (key === 'lang') continue;   // an element's lang is the host page's HTML attribute, not a setting
        const value = this.getAttribute(kebab(key));
        if (value !== null) settings.set(key, value);
      }
      const controller = new Controller({ engine: ready, notify, announce: (text) => announcer.say(text), useHash: false, lock: this.getAttribute('lock'), hide: this.getAttribute('hide') });
      controller.mount(this.constructor.section, container);
      mountExercise({
        controller, root: container, id: this.getAttribute('exercise'), written: this.getAttribute('challenge'), notify,
        onResult: (result) => this.dispatchEvent(new CustomEvent('attention-explained:progress', { detail: { type: 'attention-explained:progress', ...result }, bubbles: true, composed: true })),
      });
      controller.load(settings.toString(), t('elements.attributes'));
      this.dataset.ready = '';
    } catch (error) {
      container.replaceChildren(h('p', { class: 'problem' }, rich('errors.engineEmbed', { reason: english(error.message) })));
    }
  }
}

for (const section of SECTIONS) {
  const name = `attention-${section.name}`;
  if (!customElements.get(name)) customElements.define(name, class extends AttentionWidget { static section = section; });
}
