// Boots the page: starts the engine download at once, loads the widgets alongside it, mounts
// the glossary and every walkthrough widget and wires the page-level reset. If WebAssembly or
// the engine cannot load, the page says so plainly. (No static imports: both loads start the
// moment this file runs, instead of after the whole module graph has arrived.)
const enginePromise = typeof WebAssembly === 'object'
  ? import('../engine/attention-engine.js').then(({ loadEngine }) => loadEngine()).then((engine) => {
    performance.mark('attention-engine-compiled');
    return engine;
  })
  : Promise.reject(new Error('no WebAssembly'));
enginePromise.catch(() => {});   // handled below, once the page's modules are in
const pagePromise = Promise.all([import('./controller.js'), import('./sections/index.js'), import('./dom.js'), import('./widgets/glossary.js')]);

async function main() {
  const [{ Controller }, { SECTIONS }, { h }, { mountGlossary }] = await pagePromise;
  performance.mark('attention-modules-loaded');
  mountGlossary();   // the words need no engine
  const notices = document.getElementById('notices');
  const notify = (message, kind = 'info') => notices.append(h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message,
    h('button', { type: 'button', class: 'dismiss', 'aria-label': 'dismiss', onclick: (e) => e.target.parentElement.remove() }, '×')));
  const failed = (message) => {
    for (const el of document.querySelectorAll('[data-widget][aria-busy]')) {
      el.replaceChildren(h('p', { class: 'problem' }, 'This part needs the engine, which could not start.'));
    }
    notify(message, 'error');
    document.body.dataset.engine = 'failed';
  };

  if (typeof WebAssembly !== 'object') {
    failed('This page computes everything with a WebAssembly engine, and this browser has WebAssembly turned off or does not support it.');
    return;
  }
  let engine;
  try {
    engine = await enginePromise;
  } catch (error) {
    failed(`The attention engine could not be loaded (${error.message}). Reloading may help; if not, please tell us which browser you use.`);
    return;
  }
  performance.mark('attention-engine-loaded');
  const controller = new Controller({ engine, notify });
  for (const section of SECTIONS) {
    const container = document.querySelector(`[data-widget="${section.name}"]`);
    if (container) controller.mount(section, container);
  }
  controller.render();
  document.getElementById('reset-page').addEventListener('click', () => controller.resetAll());
  // the exercises, loaded after everything the reader sees first
  import('./exercises-page.js').then(({ mountExercises }) => mountExercises(controller));
  document.body.dataset.engine = 'ready';
  performance.mark('attention-ready');   // engine loaded and every section rendered (scripts/bench reads it)
}

main();
