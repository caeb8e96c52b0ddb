// Boots the page: loads the engine, mounts every walkthrough widget into its section, wires the
// page-level reset. If WebAssembly or the engine cannot load, the page says so plainly.
import { loadEngine } from '../engine/attention-engine.js';
import { Controller } from './controller.js';
import { SECTIONS } from './sections/index.js';
import { h } from './dom.js';

const notices = document.getElementById('notices');

function notify(message, kind = 'info') {
  notices.append(h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message,
    h('button', { type: 'button', class: 'dismiss', 'aria-label': 'dismiss', onclick: (e) => e.target.parentElement.remove() }, '×')));
}

function failed(message) {
  for (const el of document.querySelectorAll('[data-widget][aria-busy]')) {
    el.replaceChildren(h('p', { class: 'problem' }, 'This part needs the engine, which could not start.'));
  }
  notify(message, 'error');
  document.body.dataset.engine = 'failed';
}

async function main() {
  if (typeof WebAssembly !== 'object') {
    failed('This page computes everything with a WebAssembly engine, and this browser has WebAssembly turned off or does not support it.');
    return;
  }
  let engine;
  try {
    engine = await loadEngine();
  } catch (error) {
    failed(`The attention engine could not be loaded (${error.message}). Reloading may help; if not, please tell us which browser you use.`);
    return;
  }
  const controller = new Controller({ engine, notify });
  for (const section of SECTIONS) {
    const container = document.querySelector(`[data-widget="${section.name}"]`);
    if (container) controller.mount(section, container);
  }
  controller.render();
  document.getElementById('reset-page').addEventListener('click', () => controller.resetAll());
  document.body.dataset.engine = 'ready';
}

main();
