// The small controller: holds the one state object, recomputes through the engine on every
// change, renders the mounted widgets and mirrors the state in the URL hash.
import { compute } from './compute.js';
import { decode, defaults, encode } from './state.js';

let instances = 0;

export class Controller {
  // engine: the JS API; notify(message): shows a notice where the reader is looking
  constructor({ engine, notify = () => {}, useHash = true }) {
    this.engine = engine;
    this.example = engine.workedExample();
    this.base = defaults(this.example);
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
    const { state, error } = decode(location.hash, this.base);
    if (error) this.notify(`${error[0].toUpperCase()}${error.slice(1)}; showing the worked example instead.`);
    this.current = state;
    this.written = location.hash.slice(1);
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
      update: (patch) => this.update(patch),
      reset: (fields) => this.update(Object.fromEntries(fields.map((f) => [f, structuredClone(this.base[f])]))),
    };
  }

  mount(section, container) {
    const widget = section.create(this.context());
    container.replaceChildren(widget.element);
    container.removeAttribute('aria-busy');
    this.widgets.push(widget);
    return widget;
  }

  // Applies a patch; the same state then drives every widget (and the hash).
  update(patch) {
    this.current = { ...this.current, ...patch };
    this.render();
    if (this.useHash) {
      this.written = encode(this.current, this.base);
      history.replaceState(null, '', this.written ? `#${this.written}` : location.pathname + location.search);
    }
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
