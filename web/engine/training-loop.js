// The training loop behind the training worker: commands in, progress messages out, training
// in short slices so commands are heard promptly. No worker globals here, so the same loop can
// run on the main thread where a worker cannot start (a page opened from file://).
// Protocol (README, "Training worker"): commands create, load, start, pause, resume, step,
// reset, setText, setPace, restore, export; messages 'ready' | 'progress' | 'paused' |
// 'diverged' | 'restored' | 'model' | 'error'; at most ~30 progress messages/s. The learning rate
// is not kept here: the page owns it and sends it with each command that trains (start, step).
// What is measured depends on the step alone (recording.js), never on the clock: the pace only
// spreads the same steps over more time. Given an evaluator (evaluation.js), the loop hands it a
// snapshot of the weights at each evaluation step and trains on; the records join the progress
// messages in step order as they come back, and every message that stops or reports the model
// as it is waits for all of them. Commands run one at a time, in the order they came.
import { entry, views } from './evaluation.js';
import { isEvaluationStep, isSnapshotStep, nextEvaluation } from './recording.js';

const MIN_MESSAGE_GAP_MS = 1000 / 30;
const SLICE_MS = 12;   // training per turn of the event loop, so commands are heard promptly
// Training runs at most this many evaluations ahead of the evaluator (each holds a snapshot of
// the weights): where evaluating takes longer than training between two evaluation steps, the
// evaluator sets the pace, and what is shown stays close to the step trained.
const EVALUATIONS_AHEAD = 2;

// enginePromise: a promise of the JS API's engine; post(message): delivers a message; evaluator:
// where evaluations run (none: here, between steps).
// Returns handle(command), which never throws: failures are posted as 'error' messages.
export function createTrainingLoop(enginePromise, post, evaluator = null) {
  const state = {
    engine: null,
    model: null,
    step: 0,
    config: {},
    running: false,
    generation: 0,   // the newest run loop's number: an older loop that wakes up stops at once
    untilStep: Infinity,
    text: '',
    progressEveryMs: 100,
    pace: 0,          // steps per second; 0: as fast as it goes
    paceFrom: { step: 0, at: 0 },   // where and when the current pace started counting
    stepsPerCall: 1,
    pending: { losses: [], accuracies: [], records: [] },
    evaluating: [],   // the evaluator's records not yet back, in step order: { promise, done, record, error }
    lastPost: 0,
    windowStart: 0,
    windowSteps: 0,
  };

  const ready = enginePromise.then((engine) => { state.engine = engine; });
  // Commands, and the loop's own stops, one at a time in order: one that waits for evaluations
  // finishes before the next begins.
  let turn = Promise.resolve();
  const inTurn = (f) => (turn = turn.then(f).catch(() => {}));

  function newModel(config) {
    state.model?.dispose();
    state.config = config ?? {};
    state.model = state.engine.createModel(state.config);
    state.step = 0;
    forget();
    evaluator?.use({ config: state.config }).catch(() => {});   // a failure shows in the evaluations
    record();
  }

  // What was measured of a model that is gone, or of steps undone, is not reported.
  function forget() {
    state.pending = { losses: [], accuracies: [], records: [] };
    state.evaluating = [];
  }

  // At an evaluation step: the test-set measurements, and at a snapshot step the views too.
  function record() {
    if (!isEvaluationStep(state.step)) return;
    const withViews = isSnapshotStep(state.step);
    if (!evaluator) {
      state.pending.records.push(entry(state.model, state.step, state.text, withViews));
      return;
    }
    const waiting = { done: false };
    waiting.promise = evaluator.evaluate({ step: state.step, weights: state.model.weights(), text: state.text, withViews })
      .then((record) => { waiting.record = record; }, (error) => { waiting.error = error; })
      .finally(() => { waiting.done = true; });
    state.evaluating.push(waiting);
  }

  // The evaluator's records that are back, in step order, join the next message; an evaluation
  // that failed stops the run like a failed step.
  function collect() {
    while (state.evaluating[0]?.done) {
      const { record: back, error } = state.evaluating.shift();
      if (error) throw error;
      state.pending.records.push(back);
    }
  }

  // records: what was measured since the last message (the evaluator's that are back); now (when
  // forced): the model as it is.
  function progress(force) {
    collect();
    const now = performance.now();
    if (!force && now - state.lastPost < Math.max(MIN_MESSAGE_GAP_MS, state.progressEveryMs)) return;
    const message = {
      type: 'progress',
      step: state.step,
      running: state.running,
      losses: state.pending.losses,
      accuracies: state.pending.accuracies,
      records: state.pending.records,
      stepsPerSecond: state.windowSteps > 0 ? (1000 * state.windowSteps) / Math.max(1, now - state.windowStart) : 0,
    };
    state.pending = { losses: [], accuracies: [], records: [] };
    // Forced (a stop, a single step, a load, a new sentence): the model as it is, measured too, so
    // the reading describes the step it stopped at; the curves keep only the recorded points.
    if (force) message.now = { step: state.step, evaluation: state.model.evaluate(), ...views(state.model, state.text) };
    state.lastPost = now;
    post(message);
  }

  // A forced progress message once every evaluation is back: what a stop or a command reports.
  async function report() {
    const list = state.evaluating;
    await Promise.all(list.map((w) => w.promise));
    if (list === state.evaluating) progress(true);   // else a newer command replaced the model meanwhile
  }

  // Waits until training is fewer than EVALUATIONS_AHEAD evaluations ahead of the evaluator.
  async function keepUp() {
    while (state.evaluating.length >= EVALUATIONS_AHEAD) {
      await state.evaluating[0].promise;
      collect();
    }
  }

  // Trains `steps` steps, stopping at every evaluation step to record it, and sooner when it is
  // as far ahead of the evaluator as it may go.
  function trainSome(steps) {
    const goal = state.step + steps;
    while (state.step < goal && state.evaluating.length < EVALUATIONS_AHEAD) {
      const r = state.model.train(Math.min(goal, nextEvaluation(state.step)) - state.step);
      state.pending.losses.push(...r.losses);
      state.pending.accuracies.push(...r.accuracies);
      state.windowSteps += r.losses.length;
      state.step = r.step;
      record();
    }
  }

  // How many steps the pace allows now (Infinity when there is no pace).
  function paceAllows(now) {
    if (!state.pace) return Infinity;
    return state.paceFrom.step + Math.floor((state.pace * (now - state.paceFrom.at)) / 1000) - state.step;
  }

  function setPace(pace) {
    state.pace = Number.isFinite(pace) && pace > 0 ? pace : 0;
    state.paceFrom = { step: state.step, at: performance.now() };
  }

  // A command's rate, when it gives one (the model checks it), else the model's own.
  function useRate(learningRate) {
    if (learningRate !== undefined) state.model.setLearningRate(learningRate);
  }

  async function stop(type, extra = {}) {
    state.running = false;
    try {
      await report();
    } catch (error) {   // an evaluation failed
      [type, extra] = ['error', { message: error.message }];
    }
    post({ type, step: state.step, ...extra });
  }

  // The loop stops at once, and reports in turn with the commands (after those already waiting).
  // an engine error's code and params come along, for the page to say it in the reader's language
  const failed = (error) => [error.name === 'TrainingDiverged' ? 'diverged' : 'error', { message: error.message, code: error.code, params: error.params }];
  function stopInTurn(type, extra) {
    state.running = false;
    inTurn(() => stop(type, extra));
  }

  // Each loop has a generation and steps only while it is the newest: pause then start within
  // one slice would otherwise find the old loop, asleep between slices, still running when it
  // wakes, and two loops would step one model.
  async function loop(generation) {
    const current = () => state.running && state.generation === generation;
    state.windowStart = performance.now();
    state.windowSteps = 0;
    setPace(state.pace);
    while (current()) {
      const sliceStart = performance.now();
      try {
        while (current() && performance.now() - sliceStart < SLICE_MS && state.evaluating.length < EVALUATIONS_AHEAD) {
          const left = state.untilStep - state.step;
          if (left <= 0) {
            stopInTurn('paused', { reason: 'reached' });   // the step the run was started to reach
            return;
          }
          const allowed = paceAllows(performance.now());
          if (allowed <= 0) break;   // ahead of the pace: wait for the next turn
          const callStart = performance.now();
          trainSome(Math.min(state.stepsPerCall, left, allowed));
          // Aim for calls of about 4 ms: long enough to amortise the crossing, short enough to stop.
          const ms = performance.now() - callStart;
          state.stepsPerCall = Math.max(1, Math.min(1000, Math.round(state.stepsPerCall * (ms > 6 ? 0.5 : ms < 2 ? 2 : 1))));
        }
        progress(false);
        await keepUp();
      } catch (error) {
        stopInTurn(...failed(error));
        return;
      }
      // At a pace, sleep until the next step is due rather than spinning.
      const wait = state.pace && paceAllows(performance.now()) <= 0 ? 1000 / state.pace : 0;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  const commands = {
    async create({ config, text, progressEveryMs, pace }) {
      state.running = false;
      if (typeof text === 'string') state.text = text;
      if (Number.isFinite(progressEveryMs)) state.progressEveryMs = progressEveryMs;
      if (pace !== undefined) setPace(pace);
      newModel(config);
      post({ type: 'ready', info: state.model.info() });
      await report();
    },
    async load({ json }) {
      const model = state.engine.loadModel(json);   // throws before anything is replaced
      state.running = false;
      state.model?.dispose();
      state.model = model;
      state.config = model.info().config;
      state.step = model.info().step;
      forget();
      evaluator?.use({ json }).catch(() => {});   // a failure shows in the evaluations
      record();
      post({ type: 'ready', info: model.info() });
      await report();
    },
    // Also changes the goal and the rate of a run in progress.
    start({ untilStep, learningRate }) {
      useRate(learningRate);
      state.untilStep = Number.isFinite(untilStep) ? untilStep : Infinity;
      if (state.running) return;
      state.running = true;
      loop(++state.generation);
    },
    resume() {
      commands.start({ untilStep: state.untilStep });
    },
    async pause() {
      if (state.running) await stop('paused', { reason: 'paused' });
    },
    async step({ count = 1, learningRate }) {
      state.running = false;
      useRate(learningRate);
      try {
        const goal = state.step + count;
        while (state.step < goal) {
          await keepUp();
          trainSome(goal - state.step);
        }
        await report();
      } catch (error) {
        await stop(...failed(error));
      }
    },
    reset({ config }) {
      return commands.create({ config: config ?? state.config });
    },
    restore() {
      state.running = false;
      state.step = state.model.restoreLastGood();
      forget();
      post({ type: 'restored', step: state.step });
      return report();
    },
    // Steps per second (0: as fast as it goes); a run in progress keeps going at the new pace.
    setPace({ pace }) {
      setPace(pace);
    },
    setText({ text }) {
      state.text = String(text);
      return report();
    },
    export({ purpose }) {
      post({ type: 'model', json: state.model.toJSON(), purpose });
    },
  };

  async function run(data) {
    try {
      await ready;
      const command = data && Object.hasOwn(commands, data.type) ? commands[data.type] : null;
      if (!command) throw new Error(`training worker: unknown command ${JSON.stringify(data?.type)}`);
      if (!state.model && data.type !== 'create' && data.type !== 'load') newModel({});
      await command(data);
    } catch (error) {
      post({ type: 'error', message: error.message, command: data?.type });
    }
  }

  return function handle(data) {
    return inTurn(() => run(data));
  };
}
