// The small controller: holds the one state object, recomputes through the engine on every
// change, renders the mounted widgets and mirrors the state in the URL hash.
import { compute } from './compute.js';
import { decode, defaults, encode } from './state.js';

let instances = 0;

// A test sentence up to and including "bank": the demo asks what comes next.
export function demoSentence(sentence) {
  const words = sentence.split(' ');
  const bank = words.indexOf('bank');
  return (bank >= 0 ? words.slice(0, bank + 1) : words).join(' ');
}

export class Controller {
  // engine: the JS API; notify(message): shows a notice where the reader is looking;
  // locked: state fields whose cells are read-only; hidden: controls (data-control) not shown
  constructor({ engine, notify = () => {}, useHash = true, locked = [], hidden = [] }) {
    this.locked = new Set(locked);
    this.hidden = new Set(hidden);
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
  // string); settings that cannot be read leave the defaults, with a notice.
  // With keep, unreadable settings leave the current state as it is (settings sent later,
  // rather than the ones a view starts from).
  load(encoded, source = 'The link’s settings', { keep = false } = {}) {
    const { state, error } = decode(encoded, this.base);
    if (error) this.notify(`${source} ${error}; ${keep ? 'keeping the current ones' : 'showing the defaults instead'}.`);
    if (error && keep) return;
    this.current = state;
    this.render();
  }

  // The context a widget is created with.
  context() {
    return {
      id: ++instances,
      engine: this.engine,
      example: this.example,
      tokens: this.example.tokens,
      state: () => this.current,
      update: (patch, options) => this.update(patch, options),
      reset: (fields) => this.update(Object.fromEntries(fields.map((f) => [f, structuredClone(this.base[f])]))),
    };
  }

  mount(section, container) {
    const widget = section.create(this.context());
    container.replaceChildren(widget.element);
    container.removeAttribute('aria-busy');
    this.widgets.push(widget);
    for (const el of widget.element.querySelectorAll('[data-control]')) el.hidden ||= this.hidden.has(el.dataset.control);
    for (const input of widget.element.querySelectorAll('input[data-field]')) input.readOnly = this.locked.has(input.dataset.field);
    return widget;
  }

  // Applies a patch; the same state then drives every widget (and the hash). `quiet` only
  // records it (the widget that sent it is already showing it).
  update(patch, { quiet = false } = {}) {
    this.current = { ...this.current, ...patch };
    if (!quiet) this.render();
    if (this.useHash) this.#writeHash();
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
    this.update(structuredClone(this.base));
  }

  render() {
    if (this.widgets.length === 0) return;
    const results = compute(this.engine, this.example, this.current);
    for (const w of this.widgets) w.render(this.current, results);
  }
}
