// Boots the page: starts the engine download at once (engine-start.js, imported first), mounts
// the glossary and the walkthrough widgets near the viewport (the others as the reader nears
// them, or when the page is idle) and wires the page-level reset. If WebAssembly or
// the engine cannot load, the page says so plainly. What only a reader's action needs (the NumPy
// programs, the worksheet) is imported when asked, as chunks of its own (scripts/lib/bundle.mjs).
import { enginePromise } from './engine-start.js';
import { Controller } from './controller.js';
import { SECTIONS } from './sections/index.js';
import { h } from './dom.js';
import { mountGlossary } from './widgets/glossary.js';
import { Announcer } from './widgets/announcer.js';
import { mountStepNav } from './step-nav.js';
import { codeViewEntry } from './code/code-view.js';
import { mountPrinting } from './print/print-controls.js';
import { pageExercises } from './exercises-page.js';
import { startLanguage } from './i18n/load.js';
import { t, language } from './i18n/core.js';
import { mountLanguageMenu } from './i18n/menu.js';
import { rich, english } from './i18n/render.js';
import { NEAR } from './when-near.js';

// the reader's language: its catalogue, and the page's prose translated before it is shown
const languagePromise = startLanguage();

async function main() {
  const languageFailure = await languagePromise;
  performance.mark('attention-modules-loaded');
  mountGlossary();   // the words need no engine
  mountStepNav();
  mountLanguageMenu();
  const notices = document.getElementById('notices');
  const notify = (message, kind = 'info') => notices.append(h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message,
    h('button', { type: 'button', class: 'dismiss', 'aria-label': t('page.dismiss'), onclick: (e) => e.target.parentElement.remove() }, '×')));
  const failed = (message) => {
    for (const el of document.querySelectorAll('[data-widget][aria-busy]')) {
      el.replaceChildren(h('p', { class: 'problem' }, t('errors.widgetNeedsEngine')));
    }
    notify(message, 'error');
    document.body.dataset.engine = 'failed';
  };

  if (languageFailure) notify(rich('errors.language', { reason: english(languageFailure.message) }), 'error');
  if (typeof WebAssembly !== 'object') {
    failed(t('errors.noWebAssembly'));
    return;
  }
  let engine;
  try {
    engine = await enginePromise;
  } catch (error) {
    failed(rich('errors.engine', { reason: english(error.message) }));
    return;
  }
  performance.mark('attention-engine-loaded');
  const announcer = new Announcer('changes');
  document.getElementById('notices').after(announcer.element);
  const controller = new Controller({ engine, notify, announce: (text) => announcer.say(text) });
  if (controller.current.lang !== language()) controller.update({ lang: language() }, { quiet: true });   // the link carries the language
  document.getElementById('reset-page').addEventListener('click', () => controller.resetAll());
  mountPrinting(controller);
  const exercisesOf = pageExercises(controller);
  const waiting = new Map();   // container -> section, for the sections not yet mounted
  for (const section of SECTIONS) {
    const container = document.querySelector(`[data-widget="${section.name}"]`);
    if (container) waiting.set(container, section);
  }
  const mount = (containers) => {
    const entries = containers.filter((c) => waiting.has(c)).map((c) => [waiting.get(c), c]);
    for (const [, c] of entries) {
      waiting.delete(c);
      observer.unobserve(c);
    }
    // each step with its "Show the code" view and its exercises, mounted together so nothing moves
    // on screen later
    if (entries.length) {
      controller.attach(entries.flatMap(([section, c]) => [[section, c], codeViewEntry(section, SECTIONS.indexOf(section) + 1, c),
        ...exercisesOf(section, c)]));
    }
    if (waiting.size === 0 && !document.body.dataset.engine) {
      document.body.dataset.engine = 'ready';   // every section mounted (the tests wait for this)
      document.body.dataset.exercises = 'ready';
      performance.mark('attention-all-sections');
    }
  };
  // The sections on screen are mounted now; the others once they come within a screen's height of
  // the viewport (a section off screen is not even laid out: content-visibility), or one by one when
  // the page is idle, so each is drawn before it can be seen and none changes size on screen.
  const observer = new IntersectionObserver((seen) => mount(seen.filter((e) => e.isIntersecting).map((e) => e.target)),
    { rootMargin: NEAR });
  const onScreen = (c) => {
    const box = (c.closest('section') ?? c).getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  };
  const first = [...waiting.keys()].filter(onScreen);
  for (const c of waiting.keys()) observer.observe(c);
  mount(first);
  performance.mark('attention-ready');   // engine loaded and the first screen rendered (scripts/bench reads it)
  const whenIdle = (f) => (globalThis.requestIdleCallback ? requestIdleCallback(f, { timeout: 200 }) : setTimeout(f, 50));   // Safari has none
  const idle = () => {
    const next = waiting.keys().next();
    if (next.done) return;
    mount([next.value]);
    whenIdle(idle);
  };
  whenIdle(idle);
}

main();
