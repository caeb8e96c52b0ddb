// The training loop behind the training worker: commands in, progress messages out, training
// in short slices so commands are heard promptly. No worker globals here, so the same loop can
// run on the main thread where a worker cannot start (a page opened from file://).
// Protocol (README, "Training worker"): commands create, load, start, pause, resume, step,
// reset, setText, setPace, restore, export; messages 'ready' | 'progress' | 'paused' |
// 'diverged' | 'restored' | 'model' | 'error'; at most ~30 progress messages/s. The learning rate
// is not kept here: the page owns it and sends it with each command that trains (start, step).
// What is measured depends on the step alone (recording.js), never on the clock: the pace only
// spreads the same steps over more time.
import { isEvaluationStep, isSnapshotStep, nextEvaluation } from './recording.js';

const MIN_MESSAGE_GAP_MS = 1000 / 30;
const SLICE_MS = 12;   // training per turn of the event loop, so commands are heard promptly

// enginePromise: a promise of the JS API's engine; post(message): delivers a message
// Returns handle(command), which never throws: failures are posted as 'error' messages.
export function createTrainingLoop(enginePromise, post) {
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
    lastPost: 0,
    windowStart: 0,
    windowSteps: 0,
  };

  const ready = enginePromise.then((engine) => { state.engine = engine; });

  function newModel(config) {
    state.model?.dispose();
    state.config = config ?? {};
    state.model = state.engine.createModel(state.config);
    state.step = 0;
    record();
  }

  // What the views show: the sentence's attention and next words, the embeddings projected to
  // 2-D (the full vectors are not shown, so they are not sent or recorded).
  function views() {
    const { words, projected } = state.model.embeddings();
    return {
      attention: state.text ? state.model.attention(state.text) : null,
      predictions: state.text ? state.model.predict(state.text, 5) : null,
      embeddings: { words, projected },
    };
  }

  // At an evaluation step: the test-set measurements, and at a snapshot step the views too.
  function record() {
    if (!isEvaluationStep(state.step)) return;
    const entry = { step: state.step, evaluation: state.model.evaluate() };
    if (isSnapshotStep(state.step)) Object.assign(entry, views());
    state.pending.records.push(entry);
  }

  // records: what was measured since the last message; now (when forced): the model as it is.
  function progress(force) {
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
    if (force) message.now = { step: state.step, evaluation: state.model.evaluate(), ...views() };
    state.lastPost = now;
    post(message);
  }

  // Trains `steps` steps, stopping at every evaluation step to record it.
  function trainSome(steps) {
    const goal = state.step + steps;
    while (state.step < goal) {
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

  function stop(type, extra = {}) {
    state.running = false;
    progress(true);
    post({ type, step: state.step, ...extra });
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
        while (current() && performance.now() - sliceStart < SLICE_MS) {
          const left = state.untilStep - state.step;
          if (left <= 0) {
            stop('paused', { reason: 'reached the chosen number of steps' });
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
      } catch (error) {
        stop(error.name === 'TrainingDiverged' ? 'diverged' : 'error', { message: error.message });
        return;
      }
      progress(false);
      // At a pace, sleep until the next step is due rather than spinning.
      const wait = state.pace && paceAllows(performance.now()) <= 0 ? 1000 / state.pace : 0;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  const commands = {
    create({ config, text, progressEveryMs, pace }) {
      state.running = false;
      state.pending = { losses: [], accuracies: [], records: [] };
      if (typeof text === 'string') state.text = text;
      if (Number.isFinite(progressEveryMs)) state.progressEveryMs = progressEveryMs;
      if (pace !== undefined) setPace(pace);
      newModel(config);
      post({ type: 'ready', info: state.model.info() });
      progress(true);
    },
    load({ json }) {
      const model = state.engine.loadModel(json);   // throws before anything is replaced
      state.running = false;
      state.model?.dispose();
      state.model = model;
      state.config = model.info().config;
      state.step = model.info().step;
      state.pending = { losses: [], accuracies: [], records: [] };
      record();
      post({ type: 'ready', info: model.info() });
      progress(true);
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
    pause() {
      if (state.running) stop('paused', { reason: 'paused' });
    },
    step({ count = 1, learningRate }) {
      state.running = false;
      useRate(learningRate);
      try {
        trainSome(count);
        progress(true);
      } catch (error) {
        stop(error.name === 'TrainingDiverged' ? 'diverged' : 'error', { message: error.message });
      }
    },
    reset({ config }) {
      commands.create({ config: config ?? state.config });
    },
    restore() {
      state.running = false;
      state.step = state.model.restoreLastGood();
      state.pending = { losses: [], accuracies: [], records: [] };
      post({ type: 'restored', step: state.step });
      progress(true);
    },
    // Steps per second (0: as fast as it goes); a run in progress keeps going at the new pace.
    setPace({ pace }) {
      setPace(pace);
    },
    setText({ text }) {
      state.text = String(text);
      progress(true);
    },
    export({ purpose }) {
      post({ type: 'model', json: state.model.toJSON(), purpose });
    },
  };

  return async function handle(data) {
    try {
      await ready;
      const command = data && Object.hasOwn(commands, data.type) ? commands[data.type] : null;
      if (!command) throw new Error(`training worker: unknown command ${JSON.stringify(data?.type)}`);
      if (!state.model && data.type !== 'create' && data.type !== 'load') newModel({});
      command(data);
    } catch (error) {
      post({ type: 'error', message: error.message, command: data?.type });
    }
  };
}
