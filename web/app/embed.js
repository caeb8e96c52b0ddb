// embed.html: one widget alone, chosen by the hash (#widget=scores&wk=…), with no page chrome.
// It tells its parent page how tall it is, so an iframe can fit its content:
//   parent.postMessage({ type: 'attention-explained:height', widget, height }, '*')
// and takes new settings from its parent (same format as the hash, e.g. 'wk=3,0,-1;…'):
//   iframe.contentWindow.postMessage({ type: 'attention-explained:state', state: 'normalize=sum' }, '*')
// Any other message is ignored. #lock=wk,target makes those cells read-only; #hide=reset,nudge
// hides those controls. #exercise=b-wins adds that exercise under the widget, #challenge={…} an
// author's own (exercises-embed.js); when one is answered or done the parent hears
//   { type: 'attention-explained:progress', exercise, kind: 'predict' | 'challenge', result: 'answered' | 'done', correct? }
import { loadEngine } from '../engine/attention-engine.js';
import { Controller } from './controller.js';
import { mountExercise } from './exercises-embed.js';
import { SECTIONS, section } from './sections/index.js';
import { h } from './dom.js';
import { Announcer } from './widgets/announcer.js';
import { startLanguage } from './i18n/load.js';
import { rich, english } from './i18n/render.js';
import { t, plain } from './i18n/core.js';

const root = document.getElementById('embed');
const notices = document.getElementById('notices');
const notify = (message) => notices.append(h('p', { class: 'notice', role: 'status' }, message));

function reportHeight(name) {
  const send = () => parent.postMessage({ type: 'attention-explained:height', widget: name, height: Math.ceil(document.documentElement.scrollHeight) }, '*');
  new ResizeObserver(send).observe(document.body);
  send();
}

async function main() {
  const languageFailure = await startLanguage();
  if (languageFailure) notify(rich('errors.language', { reason: english(languageFailure.message) }));
  const params = new URLSearchParams(location.hash.slice(1));
  const name = params.get('widget') ?? '';
  const chosen = section(name);
  if (!chosen) {
    root.replaceChildren(h('p', { class: 'problem' }, t('errors.noWidget', { name: name.slice(0, 40), names: SECTIONS.map((s) => s.name).join(', ') })));
    root.removeAttribute('aria-busy');
    reportHeight(name);
    return;
  }
  document.title = plain('page.embedTitleOf', { widget: plain(chosen.title) });
  document.getElementById('embed-title').textContent = plain(chosen.title);   // for screen readers: the widget has no visible title
  let engine;
  try {
    if (typeof WebAssembly !== 'object') throw new Error(t('errors.noWebAssemblyShort'));
    engine = await loadEngine();
  } catch (error) {
    root.replaceChildren(h('p', { class: 'problem' }, rich('errors.engineEmbed', { reason: english(error.message) })));
    reportHeight(name);
    return;
  }
  // lock, hide and challenge are read here; everything else in the hash is page state.
  const state = new URLSearchParams(params);
  state.delete('challenge');
  state.delete('lock');
  state.delete('hide');
  const announcer = new Announcer('changes');
  notices.after(announcer.element);
  const controller = new Controller({ engine, notify, announce: (text) => announcer.say(text), useHash: false, lock: params.get('lock'), hide: params.get('hide') });
  controller.mount(chosen, root);
  mountExercise({
    controller, root, id: params.get('exercise'), written: params.get('challenge'), notify,
    onResult: (result) => { if (parent !== window) parent.postMessage({ type: 'attention-explained:progress', ...result }, '*'); },
  });
  controller.load(state.toString());
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || event.source === window) return;
    if (!data || typeof data !== 'object' || data.type !== 'attention-explained:state' || typeof data.state !== 'string') return;
    controller.load(data.state, t('errors.sentSettings'), { keep: true });
  });
  root.dataset.widget = name;
  document.body.dataset.engine = 'ready';
  reportHeight(name);
}

main();
