// The training demo's compare controls: one click for the run without (or with) attention, or
// one setting changed from the shown step; each sets the page state's demoFork (fork.js runs it).
import { h } from '../dom.js';
import { FIELDS, FORK_FIELDS } from '../state.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

// problem(message): shows why a fork could not be made. Returns { element, show(state) }.
export function forkControls(ctx, problem) {
  const setting = h('select', { 'aria-label': t('training.forkSetting') },
    Object.keys(FORK_FIELDS).filter((k) => k !== 'attention').map((k) => h('option', { value: k }, t(FIELDS[FORK_FIELDS[k]].label))));
  const value = h('input', { type: 'text', size: '7', 'aria-label': t('training.forkValue') });
  const forkHere = () => {
    const s = ctx.state();
    const field = FIELDS[FORK_FIELDS[setting.value]];
    const read = field.parse(value.value);
    if (read.error) {
      problem(t('training.forkProblem', { setting: t(field.label), reason: read.error }));
      return;
    }
    // Only the learning rate can carry on from the shown step: another setting is another model.
    const step = setting.value === 'rate' ? (s.demoView >= 0 ? s.demoView : s.demoStep) : 0;
    ctx.update({ demoFork: { setting: setting.value, value: read.value, step } });
  };
  const attention = h('button', {
    type: 'button', 'data-action': 'compare-attention',
    onclick: () => ctx.update({ demoFork: { setting: 'attention', value: !ctx.state().demoAttention, step: 0 } }),
  }, t('training.compareOff'));
  const unfork = h('button', { type: 'button', 'data-action': 'unfork', hidden: true, onclick: () => ctx.update({ demoFork: null }) }, t('training.unfork'));
  const element = h('div', { class: 'controls fork', 'data-control': 'fork' },
    h('p', { class: 'note' }, rich('training.forkNote')),
    attention, ' ', rich('training.orChange', { setting, value }), ' ',
    h('button', { type: 'button', 'data-action': 'fork', onclick: forkHere }, t('training.forkHere')), ' ', unfork);
  return {
    element,
    show(state) {
      attention.textContent = t(state.demoAttention ? 'training.compareOff' : 'training.compareOn');
      unfork.hidden = !state.demoFork;
    },
  };
}
