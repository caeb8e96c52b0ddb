// The small controller: holds the one state object, recomputes through the engine on every
// change, renders the mounted widgets and mirrors the state in the URL hash.
import { changesSentence, biggestChanges } from './changes.js';
import { compute } from './compute.js';
import { CONTROLS } from './sections/index.js';
import { FIELDS, decode, defaults, demoSentence, encode, unreadable } from './state.js';
import { t } from './i18n/core.js';

let instances = 0;

// An embed's "lock" or "hide" list ("wk,target"): the names among `allowed`; any other is
// reported and ignored.
function names(kind, text, allowed, notify) {
  const items = (text ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const bad = items.filter((x) => !allowed.includes(x));
  if (bad.length) notify(t('errors.ignoring', { kind, names: bad.join(', ').slice(0, 40), allowed: allowed.join(', ') }));
  return new Set(items.filter((x) => allowed.includes(x)));
}

export class Controller {
  // engine: the JS API; notify(message): shows a notice where the reader is looking;
  // lock: "field,…" whose cells and boxes are read-only; hide: "control,…" (data-control) not shown;
  // announce(text): tells a screen reader which numbers an edit moved most (an Announcer's say)
  constructor({ engine, notify = () => {}, announce = () => {}, useHash = true, lock = '', hide = '' }) {
    this.announce = announce;
    this.locked = names('lock', lock, Object.keys(FIELDS), notify);
    this.hidden = names('hide', hide, CONTROLS, notify);
    this.engine = engine;
    this.example = engine.workedExample();
    const sentences = engine.corpus().test;
    this.base = defaults(this.example, engine.modelDefaults(), demoSentence(sentences[0]));
    this.notify = notify;
    this.useHash = useHash;
    this.widgets = [];
    this.current = structuredClone(this.base);
    if (useHash) {
      this.#readHash();
      window.addEventListener('hashchange', () => {
        if (location.hash.slice(1) !== this.written) this.#readHash();
      });
    }
  }

  #readHash() {
    const hash = location.hash.slice(1);
    if (hash && document.getElementById(decodeURIComponent(hash))) return;   // a link within the page (#glossary), not settings
    this.load(location.hash);
    this.written = location.hash.slice(1);
  }

  // Takes the state from encoded settings (a hash, or an element's attributes as a query
  // string). Settings that cannot be read are dropped with a one-line notice, and leave the
  // defaults, or with keep the current state (settings sent later, rather than the ones a view
  // starts from); every other setting is used.
  load(encoded, source = t('errors.linkSettings'), { keep = false } = {}) {
    const { state, error } = decode(encoded, keep ? this.current : this.base);
    if (error) this.notify(t('errors.settings', { source, reason: error }));
    this.current = state;
    this.render();
  }

  // The context a section's widget is created with; reset() puts the section's fields back.
  context(section) {
    return {
      id: ++instances,
      engine: this.engine,
      example: this.example,
      tokens: this.example.tokens,
      state: () => this.current,
      update: (patch, options) => this.update(patch, options),
      reset: () => this.update(Object.fromEntries(section.fields.map((f) => [f, structuredClone(this.base[f])]))),
      // the hash of a link to the current state changed by patch
      link: (patch) => `#${encode({ ...this.current, ...patch }, this.base)}`,
    };
  }

  mount(section, container) {
    const widget = section.create(this.context(section));
    container.replaceChildren(widget.element);
    container.removeAttribute('aria-busy');
    this.widgets.push(widget);
    for (const el of widget.element.querySelectorAll('[data-control]')) el.hidden ||= this.hidden.has(el.dataset.control);
    for (const input of widget.element.querySelectorAll('input[data-field]')) input.readOnly = this.locked.has(input.dataset.field);
    return widget;
  }

  // Mounts more widgets after the first render (the page mounts its sections as they near the
  // viewport): entries are [section, container]; the new widgets draw the current state at once.
  attach(entries) {
    const added = entries.map(([section, container]) => this.mount(section, container));
    for (const w of added) w.follow?.(this.current);
    const results = this.#results();
    for (const w of added) w.render(this.current, results);
  }

  // Applies a patch; the same state then drives every widget (and the hash). `quiet` only
  // records it (the widget that sent it is already showing it). A patch with a value the link
  // could not carry changes nothing: returns why (for the widget to show), else null.
  update(patch, { quiet = false } = {}) {
    const error = Object.entries(patch).map(([key, value]) => unreadable(key, value)).find(Boolean);
    if (error) return error;
    this.current = { ...this.current, ...patch };
    if (!quiet) {
      const before = this.results;
      this.render();
      const moved = before ? changesSentence(biggestChanges(before, this.results, this.example.tokens)) : '';
      if (moved) this.announce(moved);
    }
    if (this.useHash) this.#writeHash();
    return null;
  }

  // At most one history entry rewrite per 200 ms while the reader scrubs or types.
  #writeHash() {
    this.written = encode(this.current, this.base);
    if (this.hashTimer) return;
    this.hashTimer = setTimeout(() => {
      this.hashTimer = null;
      history.replaceState(null, '', this.written ? `#${this.written}` : location.pathname + location.search);
    }, 200);
  }

  resetAll() {
    this.update({ ...structuredClone(this.base), lang: this.current.lang });   // the page's language is not an edit
  }

  // A widget may act on a new state (follow: the training demo makes its model) before every
  // widget draws it (render: draws only).
  render() {
    if (this.widgets.length === 0) return;
    for (const w of this.widgets) w.follow?.(this.current);
    const results = this.#results();
    for (const w of this.widgets) w.render(this.current, results);
  }

  // Every section's numbers for the current state, computed once per state (sections mounted one
  // after another while the reader has not edited share them); kept as what the next edit's
  // changes are measured from.
  #results() {
    if (this.computedFor !== this.current) {
      this.results = compute(this.engine, this.example, this.current);
      this.computedFor = this.current;
    }
    return this.results;
  }
}
