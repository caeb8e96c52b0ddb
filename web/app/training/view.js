// The training demo's drawing: its controls (each edits one page-state field, or asks the run
// for something through `actions`), the loss and accuracy curves, each head's attention on the
// sentence, the next-word guesses, the embeddings and the reading of them.
import { download, h, num, percent, replace } from '../dom.js';
import { fmt, percentText } from '../text.js';
import { FIELDS, demoSentence } from '../state.js';
import { Announcer } from '../widgets/announcer.js';
import { FieldInput } from '../widgets/field-input.js';
import { Heatmap } from '../widgets/heatmap.js';
import { LineChart } from '../widgets/line-chart.js';
import { Scatter } from '../widgets/scatter.js';
import { baselines } from './baselines.js';
import { forkControls } from './fork-controls.js';
import { forkName } from './fork.js';
import { Curve } from './curve.js';
import { findsContext } from './recorder.js';
import { plain, t } from '../i18n/core.js';
import { rich, english } from '../i18n/render.js';

const CONTEXT_WORDS = ['river', 'stream', 'creek', 'money', 'salary', 'cash'];
const SHOWN_SENTENCES = 12;
const TELL_EVERY = 100;   // steps between the evaluations a screen reader is told of while a run goes on

// recorder: the run's recording (recorder.js), read by the curves and the scrubber
// fork: the comparison run (fork.js), its curves overlaid
// actions: { play, pause, stepOnce, startOver, restore, exportModel, importModel(json) }
export function createView(ctx, recorder, fork, actions) {
  const control = (name, ...children) => h('span', { class: 'control', 'data-control': name }, children);
  const box = (field, label, size, patch = {}) => new FieldInput({ field, label, attrs: { size }, onValue: (x) => ctx.update({ [field]: x, ...patch }) });
  const select = (field, label, options, patch = {}) => h('select', { 'aria-label': label, onchange: (e) => ctx.update({ [field]: Number(e.target.value), ...patch }) },
    options.map((n) => h('option', { value: n }, String(n))));
  const fresh = { demoStep: 0, demoView: -1, demoFork: null };   // a changed config starts from step 0, shown live, alone
  const check = (field) => h('input', { type: 'checkbox', onchange: (e) => ctx.update({ [field]: e.target.checked, ...fresh }) });

  // --- controls
  const play = h('button', { type: 'button', class: 'primary', 'data-action': 'play', onclick: actions.play }, t('training.train'));
  const pause = h('button', { type: 'button', 'data-action': 'pause', onclick: actions.pause }, t('training.pause'));
  const stepOnce = h('button', { type: 'button', 'data-action': 'step', onclick: actions.stepOnce }, t('training.oneStep'));
  const reset = h('button', { type: 'button', 'data-action': 'reset', onclick: actions.startOver }, t('training.startOver'));
  const rate = box('demoLearningRate', t('gradients.rate'), '7');
  const { min: fewest, max: most } = FIELDS.demoHeads;
  const heads = select('demoHeads', t('training.heads'), Array.from({ length: most - fewest + 1 }, (_, i) => fewest + i), fresh);
  const width = select('demoD', t('training.width'), FIELDS.demoD.values, fresh);
  const seed = box('demoSeed', t('training.seed'), '7', fresh);
  const mlp = check('demoMlp');
  const attention = check('demoAttention');
  const big = check('demoBig');
  big.dataset.control = 'big';
  const steps = box('demoSteps', t('training.stepsToTrain'), '7');
  // The pace: steps per second, one click each; it spreads the same steps over more time.
  const paceName = (n) => (n ? t('training.paceSteps', { count: n }) : t('training.paceFast'));
  const paces = FIELDS.demoPace.values.map((n) => h('input', {
    type: 'radio', name: `pace-${ctx.id}`, value: String(n), 'aria-label': t('training.paceLabel', { pace: paceName(n) }), onchange: () => ctx.update({ demoPace: n }),
  }));
  const pace = h('fieldset', { class: 'pace', 'data-control': 'pace' }, h('legend', {}, t('training.pace')),
    [...paces.slice(1), paces[0]].map((input) => h('label', { class: 'check' }, input, ` ${paceName(Number(input.value))}`)));
  const bar = h('progress', { max: '1', value: '0', 'aria-label': t('training.progress') });
  const stepText = h('span', { class: 'num', 'data-step': '0' }, '0');
  const speed = h('span', { class: 'num', 'data-speed': '' }, '–');
  const where = h('span', { class: 'note', 'data-runs-in': '' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  // The scrubber: one position per recorded snapshot; the last is the newest, followed live.
  const scrubber = h('input', {
    type: 'range', min: '0', max: '0', step: '1', value: '0', 'aria-label': t('training.scrubber'), disabled: true,
    oninput: (e) => {
      const steps = recorder.steps();
      const i = Number(e.target.value);
      ctx.update({ demoView: i >= steps.length - 1 ? -1 : steps[i] });
    },
  });
  const scrubText = h('span', { class: 'note', 'data-shown-step': '' });
  const toNewest = h('button', { type: 'button', 'data-action': 'newest', hidden: true, onclick: () => ctx.update({ demoView: -1 }) }, t('training.newest'));
  const scrub = h('div', { class: 'controls scrub', 'data-control': 'scrubber' },
    h('label', {}, t('training.rewind'), ' ', scrubber), ' ', scrubText, ' ', toNewest);
  const compare = forkControls(ctx, (message) => replace(status, h('span', { class: 'problem' }, message)));
  const restore = h('button', { type: 'button', 'data-action': 'restore', hidden: true, onclick: actions.restore }, t('training.restore'));
  const startOver = h('button', { type: 'button', 'data-action': 'start-over', onclick: actions.startOver }, t('training.startOver'));
  const keptText = h('span', { class: 'kept-text' });
  const kept = h('div', { class: 'notice', role: 'status', hidden: true, 'data-restored': '' }, keptText, ' ', startOver);
  const alarm = h('div', { class: 'diverged', role: 'alert' });

  // --- views
  const lossChart = new LineChart({
    name: 'loss', title: t('training.lossChart'),
    series: [{ name: t('training.batches'), className: 'series-train' }, { name: t('training.testSentences'), className: 'series-test' }, { name: '', className: 'series-fork' }],
  });
  const floor = baselines(ctx.engine);
  const bankChart = new LineChart({
    name: 'bank-accuracy', title: plain('training.bankChart'), yMin: 0, yMax: 1,
    series: [{ name: t('training.thisRun'), className: 'series-train' }, { name: '', className: 'series-fork' }],
  });
  const corpus = ctx.engine.corpus();
  // What the model learns from: whole training sentences, each ending in the word after "bank".
  const examples = h('p', { class: 'note', 'data-examples': '' }, rich('training.examples', {
    examples: h('span', {}, ['river', 'money'].map((w, i) => {
      const words = corpus.train.find((s) => s.split(' ').includes(w)).split(' ');
      return [i ? '; ' : '', h('q', { 'data-example': '', lang: 'en', dir: 'ltr' }, words.slice(0, -1).join(' '), ' → ', h('strong', {}, words.at(-1)))];
    })),
  }));
  const sentences = corpus.test;
  const picks = Array.from({ length: SHOWN_SENTENCES }, (_, i) => demoSentence(sentences[Math.floor((i * sentences.length) / SHOWN_SENTENCES)]));
  const chooser = h('select', { 'aria-label': t('training.testSentence'), onchange: (e) => { if (e.target.value) ctx.update({ demoText: e.target.value }); } },
    h('option', { value: '' }, t('training.pickSentence')), picks.map((s) => h('option', { value: s, lang: 'en' }, s)));
  const typed = new FieldInput({
    field: 'demoText', label: t('training.ownSentence'), attrs: { size: '40', maxlength: String(FIELDS.demoText.maxLength) },
    onValue: (text) => ctx.update({ demoText: text }),
  });
  const unknownNote = h('p', { class: 'note', role: 'status' });
  const heatmaps = h('div', { class: 'row-of-matrices heads' });
  let headMaps = [];   // one Heatmap per head
  const predictions = h('ol', { class: 'predictions', 'aria-label': t('training.predictions') });
  const scatter = new Scatter({ name: 'embeddings', title: t('training.scatter'), note: t('training.scatterNote'), labelled: ['bank', 'river', 'money'] });
  // The reading changes with every evaluation: a screen reader is told of it sparingly instead.
  const reading = h('div', { class: 'reading' });
  const told = new Announcer('training');
  const tell = (e) => told.say(plain('training.tell', { step: e.step, accuracy: percentText(e.bankAccuracy), loss: fmt(e.loss) }));
  // The file box itself is hidden (it would show the browser's own words, "Choose File"): a
  // button in the page's language opens it, from the mouse or the keyboard.
  const importer = h('input', { type: 'file', accept: 'application/json,.json', hidden: true, 'aria-label': t('training.importLabel') });
  const importButton = h('button', { type: 'button', 'data-action': 'import', onclick: () => importer.click() }, t('training.import'));
  const exporter = h('button', { type: 'button', 'data-action': 'export', onclick: actions.exportModel }, t('training.export'));
  importer.addEventListener('change', async () => {
    const file = importer.files[0];
    if (!file) return;
    let json;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      replace(status, h('span', { class: 'problem' }, rich('training.notJson', { reason: english(error.message) })));
      return;
    }
    actions.importModel(json);
    importer.value = '';
  });

  // data-waiting: no model has reported yet (its worker starts as step 10 nears): a print made
  // before then says so instead of showing empty charts
  const element = h('div', { class: 'training', 'data-waiting': '' },
    h('div', { class: 'controls' }, play, ' ', pause, ' ', stepOnce, ' ', reset, ' ',
      control('progress', bar, ' ', rich('training.stepOf', { step: stepText, steps: steps.element })), ' ', control('speed', speed, ' ', t('training.perSecond'), ' '), where),
    pace,
    h('div', { class: 'controls config', 'data-control': 'config' },
      h('label', {}, t('gradients.rate'), ' ', rate.element), h('label', {}, t('training.heads'), ' ', heads), h('label', {}, t('training.width'), ' ', width),
      h('label', {}, t('training.seed'), ' ', seed.element), h('label', { class: 'check' }, mlp, ' ', t('training.mlp')),
      h('label', { class: 'check' }, attention, ' ', t('training.attention')),
      h('label', { class: 'check' }, big, ' ', t('training.big'))),
    kept, status, alarm, restore, h('p', { class: 'print-waiting' }, t('training.printWaiting')),
    h('div', { class: 'row-of-matrices' }, lossChart.element, bankChart.element),
    floor.element,
    scrub,
    compare.element,
    examples, h('div', { class: 'sentence', 'data-control': 'sentence' }, chooser, ' ', t('training.orType'), ' ', typed.element), unknownNote,
    heatmaps,
    h('div', { class: 'row-of-matrices' }, h('figure', { class: 'next-words' }, h('figcaption', {}, t('training.next')), predictions), scatter.element),
    reading, told.element,
    h('div', { class: 'controls', 'data-control': 'files' }, exporter, ' ', importButton, importer));

  // The training curve, bounded (curve.js); the test curves come from the recorder.
  let trainCurve = new Curve();
  const drawCurves = (evaluations = [], moment = null, shownStep = -1) => {
    const marks = moment ? [{ name: 'moment', x: moment.step, className: 'mark-moment' }] : [];
    if (shownStep >= 0) marks.push({ name: 'shown', x: shownStep, className: 'mark-shown' });
    const forked = fork.recorder.evaluations;
    lossChart.set([trainCurve.points, evaluations.map((e) => [e.step, e.loss]), forked.map((e) => [e.step, e.loss])], { levels: floor.levels, marks });
    bankChart.set([evaluations.map((e) => [e.step, e.bankAccuracy]), forked.map((e) => [e.step, e.bankAccuracy])], { marks });
  };

  // What the views show: the newest (live) or, with the scrubber moved, a recorded step as it was.
  let live = null;        // the newest views: a snapshot, or the model as it is now
  let shownView = -1;     // the page state's demoView last drawn
  function showStep(state) {
    shownView = state.demoView;
    const steps = recorder.steps();
    const scrubbed = state.demoView >= 0 ? recorder.snapshot(state.demoView) : null;
    const views = scrubbed ?? live;
    // Live, a stopped run's own evaluation (live.evaluation) is newer than the last recorded one.
    const evaluation = scrubbed ? recorder.evaluation(scrubbed.step) : live?.evaluation ?? recorder.evaluations.at(-1);
    const moment = recorder.moment();
    if (evaluation) {
      explain(evaluation, state, moment);
      reading.dataset.evaluatedAt = String(evaluation.step);   // which step the reading describes (tests wait on it)
    }
    if (views) showViews(views);
    drawCurves(recorder.evaluations, moment, scrubbed ? scrubbed.step : -1);
    scrubber.max = String(Math.max(0, steps.length - 1));
    scrubber.value = String(scrubbed ? steps.indexOf(scrubbed.step) : steps.length - 1);
    scrubber.disabled = steps.length < 2;
    toNewest.hidden = !scrubbed;
    scrubText.dataset.shownStep = String(scrubbed ? scrubbed.step : views?.step ?? 0);
    scrubText.textContent = scrubbed
      ? t('training.showingStep', { step: scrubbed.step, count: steps.length })
      : steps.length < 2 ? t('training.scrubHint')
        : t('training.showingNewest', { count: steps.length });
  }

  // The views of one moment of the run: a snapshot, or the model as it is now.
  function showViews({ attention, predictions: guesses, embeddings }) {
    if (attention) showAttention(attention);
    if (guesses) {
      replace(predictions, guesses.map((p) => h('li', { 'data-word': p.word },
        h('span', { class: 'word', lang: 'en' }, p.word), ' ', h('span', { class: 'bar-track' }, h('span', { class: 'bar', style: `--w:${p.probability.toFixed(4)}` })), ' ', num(p.probability))));
    }
    if (embeddings) scatter.set(embeddings.words, embeddings.projected);
  }

  function showAttention(map) {
    const unknown = map.known.map((k) => !k);
    const missing = map.tokens.filter((_, i) => unknown[i]);
    replace(unknownNote, missing.length ? rich('training.unknown', { words: missing.join(', ') }) : '');
    const shown = map.layers[0].heads;
    // The same maps while the number of heads stays (a reader's focus in one stays too).
    if (headMaps.length !== shown.length) {
      headMaps = shown.map((_, i) => new Heatmap({ name: `head-${i}`, digits: 2, labelLang: 'en', title: t('training.head', { head: i + 1 }) }));
      replace(heatmaps, headMaps.map((heat) => heat.element));
    }
    shown.forEach((weights, i) => headMaps[i].set(weights, { rowLabels: map.tokens, colLabels: map.tokens, masked: (r, c) => c > r, unknown }));
  }

  // e: the evaluation shown; moment: the recorder's moment (or null).
  function explain(e, state, moment) {
    const finds = findsContext(e);
    const found = moment && moment.step <= e.step
      ? h('p', { 'data-moment': String(moment.step) }, rich('training.moment', { step: moment.step }))
      : h('p', {}, rich('training.watchMoment'));
    replace(reading,
      h('p', {}, rich('training.accuracy', { accuracy: percent(e.bankAccuracy, { 'data-bank-accuracy': '' }), count: e.bankCount })),
      state.demoAttention
        ? h('p', {}, rich('training.finds', { share: percent(finds, { 'data-finds-context': '' }), words: CONTEXT_WORDS.join(', ') }), ' ',
          rich(e.step === 0 ? 'training.luck' : 'training.untold'))
        : null,
      state.demoAttention ? found
        : h('p', {}, rich('training.attentionOff')));
  }

  return {
    element,
    download,

    // The page state's settings, into the controls.
    render(state) {
      rate.set(state.demoLearningRate);
      heads.value = String(state.demoHeads);
      width.value = String(state.demoD);
      seed.set(state.demoSeed);
      mlp.checked = state.demoMlp;
      attention.checked = state.demoAttention;
      big.checked = state.demoBig;
      heads.disabled = width.disabled = state.demoBig;   // the bigger model fixes both
      steps.set(state.demoSteps);
      typed.set(state.demoText);
      chooser.value = picks.includes(state.demoText) ? state.demoText : '';
      for (const input of paces) input.checked = Number(input.value) === state.demoPace;
      if (state.demoView !== shownView) showStep(state);
      const forkLabel = state.demoFork ? t('training.forkLabel', { fork: forkName(state.demoFork) }) : '';
      lossChart.name(2, forkLabel && t('training.forkTest', { fork: forkLabel }));
      bankChart.name(1, forkLabel);
      compare.show(state);
    },

    // The comparison run's recording grew or was cleared.
    forkChanged() {
      drawCurves(recorder.evaluations, recorder.moment(), shownView >= 0 ? recorder.snapshot(shownView)?.step ?? -1 : -1);
    },

    runsIn(place) {
      where.textContent = t(place === 'worker' ? 'training.inWorker' : 'training.inPage');
      where.dataset.runsIn = place;
    },

    running(on) {
      play.disabled = on;
      pause.disabled = !on;
      element.dataset.running = String(on);
    },

    status(text, { append = false } = {}) {
      status.textContent = append ? status.textContent + text : text;
    },

    problem(message) {
      replace(status, h('span', { class: 'problem' }, message));
    },

    // message: why training stopped, or null to clear it.
    alarm(message) {
      replace(alarm, message ? h('p', { class: 'problem' }, message) : null);
    },

    // The way back to the last good parameters, after a divergence.
    offerRestore() {
      restore.hidden = false;
    },

    // A new model: empty curves, no notices.
    fresh() {
      trainCurve = new Curve();
      live = null;
      drawCurves();
      restore.hidden = true;
      kept.hidden = true;
      alarm.replaceChildren();
    },

    // A model this browser kept, restored at `step`.
    kept(step) {
      kept.hidden = false;
      keptText.textContent = t('training.kept', { step });
    },

    // Back at `step` after a divergence: the curve after it is gone.
    restored(step) {
      restore.hidden = true;
      alarm.replaceChildren();
      trainCurve.truncate(step);
    },

    // m: a progress message, its records already in the recorder.
    progress(m, state) {
      element.removeAttribute('data-waiting');
      const first = m.step - m.losses.length;
      m.losses.forEach((loss, i) => trainCurve.push(first + i + 1, loss));
      const record = m.records.findLast((r) => r.embeddings);
      if (m.now) live = { ...m.now, embeddings: recorder.aligned(m.now.embeddings), evaluation: { step: m.now.step, ...m.now.evaluation } };
      else if (record) live = recorder.snapshots.get(record.step) ?? record;   // the recorded, turned frame
      showStep(state);
      // told: every TELL_EVERY steps' evaluation, and the last one when a run stops
      const due = m.records.findLast((r) => r.evaluation && r.step > 0 && r.step % TELL_EVERY === 0);
      if (m.now && !m.running && m.step > 0) tell(live.evaluation);
      else if (due) tell({ step: due.step, ...due.evaluation });
      stepText.textContent = String(m.step);
      stepText.dataset.step = String(m.step);
      bar.max = state.demoSteps;
      bar.value = Math.min(m.step, state.demoSteps);
      if (m.stepsPerSecond > 0) {
        speed.textContent = fmt(Math.round(m.stepsPerSecond));
        speed.dataset.speed = String(m.stepsPerSecond);
      }
    },
  };
}
