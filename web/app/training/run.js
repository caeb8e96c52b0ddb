// The training demo's run: the conversation with the training loop (worker or main thread) and
// the run state it implies (running, the state the model was made from, when it was last kept).
// It draws nothing itself: it tells the view what happened.
import { FIELDS } from '../state.js';
import { startTraining } from '../training-client.js';
import { forget, keep, readKept } from './storage.js';
import { t } from '../i18n/core.js';
import { rich, english } from '../i18n/render.js';
import { reason } from '../compute.js';

// The fields that make a model; changing one starts a fresh model. The learning rate is not
// among them: it is the page state's alone, sent with every command that trains.
const CONFIG_FIELDS = ['demoHeads', 'demoD', 'demoSeed', 'demoMlp', 'demoAttention', 'demoBig'];
// "Bigger model": two layers of four heads at width 64, with layer norm; 4 sentences a step keep
// it above 300 steps/s in the worker (README, "Benchmarks").
const BIG_MODEL = { layers: 2, heads: 4, d: 64, layerNorm: true, batch: 4 };
const SAVE_EVERY = 1000;   // steps between saves while training runs

export const config = (state) => ({
  heads: state.demoHeads, d: state.demoD, seed: state.demoSeed, mlp: state.demoMlp, attention: state.demoAttention,
  ...(state.demoBig ? BIG_MODEL : {}),
});
const configKey = (state) => CONFIG_FIELDS.map((f) => state[f]).join('|');

export class TrainingRun {
  // view: the demo's drawing (view.js), told what happened; recorder: the run's recording (recorder.js)
  constructor(ctx, view, recorder) {
    this.ctx = ctx;
    this.view = view;
    this.shown = null;      // the state the running model was made from
    this.running = false;
    this.savedAt = 0;
    this.recorder = recorder;
    this.client = null;     // the loop, once started
    this.waiting = [];      // the commands sent before it started
    this.#setRunning(false);
  }

  // The loop (its worker, and the scripts that worker loads) starts when the demo comes near the
  // viewport (sections/training.js), when the reader acts on it or when a link or a kept model
  // gives it work, not with the page: a reader who never reaches step 10 never downloads it.
  // The commands sent before then wait for it, in order.
  start() {
    if (this.client) return;
    this.client = startTraining(this.ctx.engine, (message) => this.#receive(message));
    this.view.runsIn(this.client.where);
    for (const command of this.waiting.splice(0)) this.client.send(command);
  }

  #send(command) {
    if (this.client) this.client.send(command);
    else this.waiting.push(command);
  }

  #setRunning(on) {
    this.running = on;
    this.view.running(on);
  }

  // The step the model reached, into the page state (and so the link) when a link can carry it.
  #reached(step) {
    const refused = this.ctx.update({ demoStep: step }, { quiet: true });
    if (refused) this.view.status(t('training.tooFar', { step, most: FIELDS.demoStep.max, kept: this.ctx.state().demoStep }));
  }

  // The page state changed: a changed config makes a fresh model (the first time: a model kept
  // by this browser, else the link's step replayed: same seed, same model); a changed goal or
  // rate reaches a run in progress; a changed sentence is shown.
  follow(state) {
    const before = this.shown;
    if (!before || configKey(before) !== configKey(state)) {
      this.#restart(state, before ? -1 : state.demoStep);
      return;
    }
    this.shown = state;
    if (this.running && (before.demoLearningRate !== state.demoLearningRate || before.demoSteps !== state.demoSteps)) {
      this.#send({ type: 'start', untilStep: state.demoSteps, learningRate: state.demoLearningRate });
    }
    if (before.demoText !== state.demoText) this.#send({ type: 'setText', text: state.demoText });
    if (before.demoPace !== state.demoPace) this.#send({ type: 'setPace', pace: state.demoPace });
  }

  // A link replays the steps it carries, so training stops where a link can no longer say so.
  #atTheEnd() {
    const most = FIELDS.demoStep.max;
    if (this.ctx.state().demoStep < most) return false;
    this.view.status(t('training.atMost', { most }));
    return true;
  }

  play() {
    this.start();
    if (this.#atTheEnd()) return;
    const s = this.ctx.state();
    if (s.demoStep >= s.demoSteps) this.ctx.update({ demoSteps: Math.min(FIELDS.demoSteps.max, s.demoStep + s.demoSteps) });
    const now = this.ctx.state();
    this.view.alarm(null);
    this.#send({ type: 'start', untilStep: now.demoSteps, learningRate: now.demoLearningRate });
    this.#setRunning(true);
  }

  pause() {
    this.start();
    this.#send({ type: 'pause' });
  }

  stepOnce() {
    this.start();
    if (!this.#atTheEnd()) this.#send({ type: 'step', count: 1, learningRate: this.ctx.state().demoLearningRate });
  }

  startOver() {
    this.start();
    forget();
    this.ctx.update({ demoStep: 0, demoView: -1 }, { quiet: true });
    this.#restart(this.ctx.state());
  }

  restore() {
    this.start();
    this.#send({ type: 'restore' });
  }

  exportModel() {
    this.start();
    this.#send({ type: 'export' });
  }

  importModel(json) {
    this.start();
    this.#send({ type: 'load', json });
  }

  #restart(state, stepsToReplay = 0) {
    this.shown = state;
    this.view.fresh();
    this.recorder.clear();
    this.#setRunning(false);
    this.#send({ type: 'create', config: config(state), text: state.demoText, pace: state.demoPace });
    const saved = readKept();
    if (stepsToReplay >= 0 && saved?.config === configKey(state) && saved.json?.step > 0) {
      // The model this browser trained last time, with the same config: carry on from it.
      this.start();
      this.#send({ type: 'load', json: saved.json });
      this.savedAt = saved.json.step;
      this.#reached(saved.json.step);
      this.view.kept(saved.json.step);
      return;
    }
    if (stepsToReplay > 0) {
      this.view.status(t('training.replaying', { count: stepsToReplay }));
      this.start();
      this.#send({ type: 'step', count: stepsToReplay, learningRate: state.demoLearningRate });
    }
  }

  #save() {
    this.#send({ type: 'export', purpose: 'keep' });
  }

  #receive(m) {
    switch (m.type) {
      case 'ready':
        this.view.status(t('training.ready', { words: m.info.vocabulary.length, step: m.info.step }));
        break;
      case 'progress':
        this.recorder.add(m.records);
        this.view.progress(m, this.ctx.state());
        if (!this.running && m.running === false && m.losses.length > 0) this.#reached(m.step);
        if (this.running && Math.floor(m.step / SAVE_EVERY) > Math.floor(this.savedAt / SAVE_EVERY)) {
          this.savedAt = m.step;
          this.#save();
        }
        break;
      case 'paused':
        this.#setRunning(false);
        this.#save();
        this.view.status(t(m.reason === 'reached' ? 'training.reached' : 'training.paused', { step: m.step }));
        this.#reached(m.step);
        break;
      case 'diverged':
        this.#setRunning(false);
        this.view.alarm(t('training.diverged', { reason: reason(m) }));
        this.view.offerRestore();
        this.#reached(m.step);
        break;
      case 'restored':
        this.recorder.cut(m.step);
        this.view.restored(m.step);
        this.view.status(t('training.backAt', { step: m.step }));
        this.#reached(m.step);
        break;
      case 'model':
        if (m.purpose !== 'keep') {
          this.view.download(`attention-model-step-${m.json.step}.json`, JSON.stringify(m.json));
          break;
        }
        this.savedAt = m.json.step;
        if (!keep({ config: configKey(this.shown), json: m.json })) this.view.status(` ${t('training.notKept')}`, { append: true });
        break;
      case 'error':
        this.#setRunning(false);
        this.view.problem(rich(m.command === 'load' ? 'training.notImported' : 'training.failed', { reason: english(m.message) }));
        break;
      default:
        break;
    }
  }
}
