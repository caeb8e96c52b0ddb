// Step 10: the live training demo. The tiny next-word model trains in a Web Worker while the
// reader watches the loss, the bank accuracy, each head's attention on a sentence, the next-word
// guesses and the embeddings moving. Config, seed and step live in the URL.
import { fmt, h, num, percent, replace } from '../dom.js';
import { Heatmap } from '../widgets/heatmap.js';
import { LineChart } from '../widgets/line-chart.js';
import { Scatter } from '../widgets/scatter.js';
import { startTraining } from '../training-client.js';
import { demoSentence } from '../controller.js';

const CONFIG_FIELDS = ['demoHeads', 'demoD', 'demoSeed', 'demoMlp', 'demoAttention', 'demoBig'];
// "Bigger model": two layers of four heads at width 64, with layer norm; 4 sentences a step keep
// it above 300 steps/s in the worker (README, "Benchmarks").
const BIG_MODEL = { layers: 2, heads: 4, d: 64, layerNorm: true, batch: 4 };
const FIELDS = [...CONFIG_FIELDS, 'demoLearningRate', 'demoSteps', 'demoStep', 'demoText'];
const WIDTHS = [8, 12, 16, 24, 32];
const CONTEXT_WORDS = ['river', 'stream', 'creek', 'money', 'salary', 'cash'];
const SHOWN_SENTENCES = 12;
const STORAGE_KEY = 'attention-explained:model';   // the last trained model, kept across reloads
const SAVE_EVERY = 1000;                           // steps between saves while training runs

// The browser's storage may be full, disabled or absent (some embeds): then nothing is kept.
const storage = {
  read() {
    try {
      return JSON.parse(localStorage.getItem(STORAGE_KEY));
    } catch {
      return null;
    }
  },
  write(value) {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  },
  clear() {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing was kept
    }
  },
};

function config(state) {
  return {
    heads: state.demoHeads, d: state.demoD, seed: state.demoSeed, mlp: state.demoMlp,
    attention: state.demoAttention, learningRate: state.demoLearningRate, ...(state.demoBig ? BIG_MODEL : {}),
  };
}

const configKey = (state) => CONFIG_FIELDS.map((f) => state[f]).join('|');

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default {
  name: 'training',
  title: 'Live training',
  fields: FIELDS,
  create(ctx) {
    const number = (label, attrs, onValue) => {
      const input = h('input', { type: 'text', inputmode: 'decimal', size: '7', 'aria-label': label, ...attrs });
      input.addEventListener('change', () => onValue(input));
      return input;
    };
    const control = (name, ...children) => h('span', { class: 'control', 'data-control': name }, children);

    // --- controls
    const play = h('button', { type: 'button', class: 'primary', 'data-action': 'play' }, 'Train');
    const pause = h('button', { type: 'button', 'data-action': 'pause' }, 'Pause');
    const stepOnce = h('button', { type: 'button', 'data-action': 'step' }, 'One step');
    const reset = h('button', { type: 'button', 'data-action': 'reset' }, 'Start over');
    const rate = number('learning rate', {}, (input) => {
      const x = Number(input.value);
      if (Number.isFinite(x) && x > 0 && x <= 1000) ctx.update({ demoLearningRate: x });
      else input.value = String(ctx.state().demoLearningRate);
    });
    const heads = h('select', { 'aria-label': 'heads', onchange: (e) => ctx.update({ demoHeads: Number(e.target.value), demoStep: 0 }) },
      [1, 2, 3, 4].map((n) => h('option', { value: n }, String(n))));
    const width = h('select', { 'aria-label': 'width d', onchange: (e) => ctx.update({ demoD: Number(e.target.value), demoStep: 0 }) },
      WIDTHS.map((n) => h('option', { value: n }, String(n))));
    const seed = number('seed', {}, (input) => {
      const x = Number(input.value);
      if (Number.isInteger(x) && x >= 0 && x <= 2 ** 31) ctx.update({ demoSeed: x, demoStep: 0 });
      else input.value = String(ctx.state().demoSeed);
    });
    const mlp = h('input', { type: 'checkbox', onchange: (e) => ctx.update({ demoMlp: e.target.checked, demoStep: 0 }) });
    const attention = h('input', { type: 'checkbox', onchange: (e) => ctx.update({ demoAttention: e.target.checked, demoStep: 0 }) });
    const big = h('input', { type: 'checkbox', 'data-control': 'big', onchange: (e) => ctx.update({ demoBig: e.target.checked, demoStep: 0 }) });
    const steps = number('steps to train', {}, (input) => {
      const x = Number(input.value);
      if (Number.isInteger(x) && x >= 1 && x <= 100000) ctx.update({ demoSteps: x });
      else input.value = String(ctx.state().demoSteps);
    });
    const bar = h('progress', { max: '1', value: '0', 'aria-label': 'training progress' });
    const stepText = h('span', { class: 'num', 'data-step': '0' }, '0');
    const speed = h('span', { class: 'num', 'data-speed': '' }, '–');
    const where = h('span', { class: 'note', 'data-runs-in': '' });
    const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const restore = h('button', { type: 'button', 'data-action': 'restore', hidden: true }, 'Return to the last good parameters');
    const startOver = h('button', { type: 'button', 'data-action': 'start-over' }, 'Start over');
    const kept = h('div', { class: 'notice', role: 'status', hidden: true, 'data-restored': '' },
      h('span', { class: 'kept-text' }), ' ', startOver);
    const alarm = h('div', { class: 'diverged', role: 'alert' });

    // --- views
    const lossChart = new LineChart({
      name: 'loss', title: 'loss (lower is better)',
      series: [{ name: 'training batches', className: 'series-train' }, { name: 'test sentences', className: 'series-test' }],
    });
    const bankChart = new LineChart({
      name: 'bank-accuracy', title: 'test accuracy of the word after “bank”', yMin: 0, yMax: 1,
      series: [{ name: 'bank accuracy', className: 'series-train' }],
    });
    const sentences = ctx.engine.corpus().test;
    const picks = Array.from({ length: SHOWN_SENTENCES }, (_, i) => demoSentence(sentences[Math.floor((i * sentences.length) / SHOWN_SENTENCES)]));
    const chooser = h('select', { 'aria-label': 'test sentence', onchange: (e) => { if (e.target.value) ctx.update({ demoText: e.target.value }); } },
      h('option', { value: '' }, 'pick a test sentence…'), picks.map((s) => h('option', { value: s }, s)));
    const typed = h('input', { type: 'text', size: '40', 'aria-label': 'your own sentence', maxlength: '200' });
    typed.addEventListener('change', () => ctx.update({ demoText: typed.value.trim().slice(0, 200) }));
    const unknownNote = h('p', { class: 'note', role: 'status' });
    const heatmaps = h('div', { class: 'row-of-matrices heads' });
    const predictions = h('ol', { class: 'predictions', 'aria-label': 'next-word predictions' });
    const scatter = new Scatter({ name: 'embeddings', title: 'token embeddings, projected to 2-D (PCA)', labelled: ['bank', 'river', 'money'] });
    const reading = h('div', { class: 'reading', role: 'status', 'aria-live': 'polite' });
    const importer = h('input', { type: 'file', accept: 'application/json,.json', 'aria-label': 'import a trained model (JSON)' });
    const exporter = h('button', { type: 'button', 'data-action': 'export' }, 'Export the model (JSON)');

    const element = h('div', { class: 'training' },
      h('div', { class: 'controls' }, play, ' ', pause, ' ', stepOnce, ' ', reset, ' ',
        control('progress', bar, ' step ', stepText, ' of ', steps), ' ', control('speed', speed, ' steps/s '), where),
      h('div', { class: 'controls config', 'data-control': 'config' },
        h('label', {}, 'learning rate ', rate), h('label', {}, 'heads ', heads), h('label', {}, 'width d ', width),
        h('label', {}, 'seed ', seed), h('label', { class: 'check' }, mlp, ' MLP'),
        h('label', { class: 'check' }, attention, ' attention (off: each word sees only itself)'),
        h('label', { class: 'check' }, big, ' bigger model (2 layers, 4 heads, d 64, layer norm, 4 sentences a step)')),
      kept, status, alarm, restore,
      h('div', { class: 'row-of-matrices' }, lossChart.element, bankChart.element),
      h('div', { class: 'sentence', 'data-control': 'sentence' }, chooser, ' or type one: ', typed), unknownNote,
      heatmaps,
      h('div', { class: 'row-of-matrices' }, h('figure', { class: 'next-words' }, h('figcaption', {}, 'what comes next?'), predictions), scatter.element),
      reading,
      h('div', { class: 'controls', 'data-control': 'files' }, exporter, ' ', h('label', {}, 'import: ', importer)));

    // --- talking to the training loop
    const curves = { train: [], test: [], bank: [] };
    let shown = null;          // the state the running model was made from
    let running = false;
    const client = startTraining(ctx.engine, (message) => receive(message));
    where.textContent = `training runs in ${client.where === 'worker' ? 'a Web Worker' : 'this page, in short slices'}`;
    where.dataset.runsIn = client.where;

    const send = (command) => client.send(command);
    const setRunning = (on) => {
      running = on;
      play.disabled = on;
      pause.disabled = !on;
      element.dataset.running = String(on);
    };
    setRunning(false);

    play.addEventListener('click', () => {
      alarm.replaceChildren();
      const s = ctx.state();
      if (s.demoStep >= s.demoSteps) ctx.update({ demoSteps: s.demoStep + s.demoSteps });
      send({ type: 'start', untilStep: ctx.state().demoSteps });
      setRunning(true);
    });
    pause.addEventListener('click', () => send({ type: 'pause' }));
    stepOnce.addEventListener('click', () => send({ type: 'step', count: 1 }));
    reset.addEventListener('click', () => {
      storage.clear();
      ctx.update({ demoStep: 0 }, { quiet: true });
      restart(ctx.state());
    });
    startOver.addEventListener('click', () => reset.click());
    restore.addEventListener('click', () => send({ type: 'restore' }));
    exporter.addEventListener('click', () => send({ type: 'export' }));
    importer.addEventListener('change', async () => {
      const file = importer.files[0];
      if (!file) return;
      let json;
      try {
        json = JSON.parse(await file.text());
      } catch (error) {
        replace(status, h('span', { class: 'problem' }, `That file is not JSON (${error.message}); nothing changed.`));
        return;
      }
      send({ type: 'load', json });
      importer.value = '';
    });

    function clearCurves() {
      curves.train = [];
      curves.test = [];
      curves.bank = [];
      lossChart.set([[], []]);
      bankChart.set([[]]);
    }

    let savedAt = 0;
    function save() {
      send({ type: 'export', purpose: 'keep' });
    }

    function restart(state, stepsToReplay = 0) {
      shown = state;
      clearCurves();
      setRunning(false);
      restore.hidden = true;
      kept.hidden = true;
      alarm.replaceChildren();
      send({ type: 'create', config: config(state), text: state.demoText });
      const saved = storage.read();
      if (stepsToReplay >= 0 && saved?.config === configKey(state) && saved.json?.step > 0) {
        // The model this browser trained last time, with the same config: carry on from it.
        send({ type: 'load', json: saved.json });
        savedAt = saved.json.step;
        ctx.update({ demoStep: saved.json.step }, { quiet: true });
        kept.hidden = false;
        kept.querySelector('.kept-text').textContent = `Restored the model you trained here before (step ${saved.json.step}).`;
        return;
      }
      if (stepsToReplay > 0) {
        status.textContent = `Replaying ${stepsToReplay} steps from the link…`;
        send({ type: 'step', count: stepsToReplay });
      }
    }

    function receive(m) {
      switch (m.type) {
        case 'ready':
          status.textContent = `Model ready: ${m.info.vocabulary.length} words, step ${m.info.step}.`;
          break;
        case 'progress':
          progress(m);
          break;
        case 'paused':
          setRunning(false);
          save();
          status.textContent = m.reason === 'paused' ? `Paused at step ${m.step}.` : `Stopped at step ${m.step}: ${m.reason}.`;
          ctx.update({ demoStep: m.step }, { quiet: true });
          break;
        case 'diverged':
          setRunning(false);
          replace(alarm, h('p', { class: 'problem' }, `Training stopped: ${m.message}. Lower the learning rate and return to the last good parameters.`));
          restore.hidden = false;
          ctx.update({ demoStep: m.step }, { quiet: true });
          break;
        case 'restored':
          restore.hidden = true;
          alarm.replaceChildren();
          curves.train = curves.train.filter(([x]) => x <= m.step);
          status.textContent = `Back at step ${m.step}, the last step that was still learning.`;
          ctx.update({ demoStep: m.step }, { quiet: true });
          break;
        case 'model':
          if (m.purpose === 'keep') {
            savedAt = m.json.step;
            if (!storage.write({ config: configKey(shown), json: m.json })) status.textContent += ' (This browser would not keep the model for next time.)';
          } else {
            download(`attention-model-step-${m.json.step}.json`, JSON.stringify(m.json));
          }
          break;
        case 'error':
          setRunning(false);
          replace(status, h('span', { class: 'problem' }, m.command === 'load'
            ? `That model could not be imported: ${m.message}. Nothing changed.` : m.message));
          break;
        default:
          break;
      }
    }

    function progress(m) {
      const first = m.step - m.losses.length;
      m.losses.forEach((loss, i) => curves.train.push([first + i + 1, loss]));
      if (m.evaluation) {
        curves.test.push([m.step, m.evaluation.loss]);
        curves.bank.push([m.step, m.evaluation.bankAccuracy]);
        explain(m.evaluation);
      }
      lossChart.set([curves.train, curves.test]);
      bankChart.set([curves.bank]);
      stepText.textContent = String(m.step);
      stepText.dataset.step = String(m.step);
      bar.max = ctx.state().demoSteps;
      bar.value = Math.min(m.step, ctx.state().demoSteps);
      if (m.stepsPerSecond > 0) {
        speed.textContent = fmt(Math.round(m.stepsPerSecond));
        speed.dataset.speed = String(m.stepsPerSecond);
      }
      if (m.attention) showAttention(m.attention);
      if (m.predictions) {
        replace(predictions, m.predictions.map((p) => h('li', { 'data-word': p.word },
          h('span', { class: 'word' }, p.word), ' ', h('span', { class: 'bar-track' }, h('span', { class: 'bar', style: `--w:${p.probability.toFixed(4)}` })), ' ', num(p.probability))));
      }
      if (m.embeddings) scatter.set(m.embeddings.words, m.embeddings.projected);
      if (!running && m.running === false && m.losses.length > 0) ctx.update({ demoStep: m.step }, { quiet: true });
      if (running && Math.floor(m.step / SAVE_EVERY) > Math.floor(savedAt / SAVE_EVERY)) {
        savedAt = m.step;
        save();
      }
    }

    function showAttention(map) {
      const unknown = map.known.map((k) => !k);
      const missing = map.tokens.filter((_, i) => unknown[i]);
      unknownNote.textContent = missing.length
        ? `Not in the model's vocabulary (read as <unk>): ${missing.join(', ')}.` : '';
      replace(heatmaps, map.layers[0].heads.map((weights, i) => {
        const heat = new Heatmap({ name: `head-${i}`, digits: 2, title: `head ${i + 1}: row = the word predicting the next one, column = where it looks` });
        heat.set(weights, { rowLabels: map.tokens, colLabels: map.tokens, masked: (r, c) => c > r, unknown });
        return heat.element;
      }));
    }

    function explain(e) {
      const state = ctx.state();
      const finds = e.headFindsContext.length ? Math.max(...e.headFindsContext) : 0;
      replace(reading,
        h('p', {}, 'On test sentences it never saw, the word after “bank” is right ', percent(e.bankAccuracy, { 'data-bank-accuracy': '' }),
          ` of the time (${e.bankCount} sentences).`),
        state.demoAttention
          ? h('p', {}, 'In ', percent(finds, { 'data-finds-context': '' }),
            ` of them the row for “bank” puts its largest weight on the word that settles its meaning (${CONTEXT_WORDS.join(', ')}). `,
            'Nothing told it to look there: the only signal in training was the next word.')
          : h('p', {}, 'Attention is off, so each word sees only itself: “bank” cannot tell a river from money, and the accuracy stays near chance. Turn attention back on and train again.'));
    }

    return {
      element,
      render(state) {
        rate.value = String(state.demoLearningRate);
        heads.value = String(state.demoHeads);
        width.value = String(state.demoD);
        seed.value = String(state.demoSeed);
        mlp.checked = state.demoMlp;
        attention.checked = state.demoAttention;
        big.checked = state.demoBig;
        heads.disabled = width.disabled = state.demoBig;   // the bigger model fixes both
        steps.value = String(state.demoSteps);
        if (!typed.matches(':focus')) typed.value = state.demoText;
        chooser.value = picks.includes(state.demoText) ? state.demoText : '';
        if (!shown || configKey(shown) !== configKey(state)) {
          // First time: a model kept by this browser, else a link's step replayed (same seed, same
          // model). A changed config starts a fresh model.
          restart(state, shown ? -1 : state.demoStep);
        } else {
          if (shown.demoLearningRate !== state.demoLearningRate) send({ type: 'setLearningRate', learningRate: state.demoLearningRate });
          if (shown.demoText !== state.demoText) send({ type: 'setText', text: state.demoText });
          shown = state;
        }
      },
    };
  },
};
