// The comparison run: a second model, like the page's but for one setting, trained in its own
// worker to the same goal so the two runs' curves can be overlaid. A fork of the learning rate
// carries on from the shown step of the same run; any other setting makes a different model,
// so that fork starts from step 0. The fork lives in the page state as demoFork (state.js).
import { FIELDS, FORK_FIELDS } from '../state.js';
import { startTraining } from '../training-client.js';
import { Recorder } from './recorder.js';
import { t } from '../i18n/core.js';
import { fmt } from '../text.js';

// The fork's name on the charts: "learning rate 0.05 from step 200", "attention off".
export function forkName({ setting, value, step }) {
  const field = FORK_FIELDS[setting];
  const what = field === 'demoAttention' ? t(value ? 'training.attentionOn' : 'training.attentionOffName')
    : t('training.settingValue', { setting: t(FIELDS[field].label), value: FIELDS[field].kind === 'number' ? fmt(value) : value });
  return step > 0 ? t('training.fromStep', { fork: what, step }) : what;
}

export class ForkRun {
  // onChange(): the fork's recording grew or was cleared
  constructor(engine, onChange) {
    this.engine = engine;
    this.onChange = onChange;
    this.recorder = new Recorder();
    this.client = null;
    this.key = '';   // the fork and goal the worker was last told
    this.pace = null;
  }

  // state: the page state; config(state): the model config it makes; replay: train at once
  // (a link), not at the pace.
  follow(state, config, { replay = false } = {}) {
    const fork = state.demoFork;
    const key = fork ? `${JSON.stringify(fork)}|${JSON.stringify(config(state))}|${state.demoSteps}` : '';
    if (key === this.key) {
      if (fork && state.demoPace !== this.pace) this.client.send({ type: 'setPace', pace: state.demoPace });
      this.pace = state.demoPace;
      return;
    }
    this.key = key;
    this.pace = state.demoPace;
    this.recorder.clear();
    this.onChange();
    if (!fork) {
      this.client?.send({ type: 'pause' });
      return;
    }
    this.client ??= startTraining(this.engine, (m) => this.#receive(m));
    const field = FORK_FIELDS[fork.setting];
    const changed = { ...state, [field]: fork.value };
    const rate = field === 'demoLearningRate' ? fork.value : state.demoLearningRate;
    this.client.send({ type: 'create', config: config(changed), text: state.demoText, pace: replay ? 0 : state.demoPace });
    // The learning-rate fork shares the run's first steps: the same model, the run's rate.
    if (fork.step > 0) this.client.send({ type: 'step', count: fork.step, learningRate: state.demoLearningRate });
    const goal = Math.max(state.demoSteps, fork.step);
    if (replay) this.client.send({ type: 'step', count: goal - fork.step, learningRate: rate });
    else this.client.send({ type: 'start', untilStep: goal, learningRate: rate });
  }

  #receive(m) {
    // Without a fork, progress still on its way from the one just removed is not drawn.
    if (m.type !== 'progress' || !m.records.length || !this.key) return;
    this.recorder.add(m.records);
    this.onChange();
  }
}
