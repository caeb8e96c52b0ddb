// The engine's JS API: plain arrays in, plain arrays out, over the Embind module. Callers never
// see an Embind object; models are integer handles owned here (dispose() frees one early).
//
//   import { loadEngine } from './engine/attention-engine.js';
//   const engine = await loadEngine();                       // Node: loadEngine({ wasmBinary })
//   const { scores, weights, output } = engine.attend({ queries, keys, values, normalize: 'softmax' });
//
// Matrices are arrays of rows (number[][]). Every call throws an Error saying what is wrong and
// the engine stays usable afterwards. This file checks only what JS alone can see (types, ragged
// rows, non-numbers, sizes, with the engine's own limits); whether the numbers make sense (shapes,
// ranges, names) the engine decides, and its messages reach the caller unchanged.
import createAttentionModule from './attention-engine-module.js';


// wasmModule: an already compiled WebAssembly.Module (a page hands its own to the training worker,
// so the engine is downloaded and compiled once); wasmBinary: the .wasm bytes (Node, the single file).
export async function loadEngine({ wasmBinary = inlinedWasm(), wasmModule } = {}) {
  const compiled = wasmModule ?? (wasmBinary ? await WebAssembly.compile(wasmBinary) : await compileFromUrl());
  const module = await createAttentionModule({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled));
      return {};
    },
  });
  return new Engine(module, compiled);
}

async function compileFromUrl() {
  const url = new URL('./attention-engine.wasm', import.meta.url);
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // a host that does not serve .wasm as application/wasm: compile from the bytes instead
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not fetch ${url.pathname} (${response.status})`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

// The single-file page (dist/attention-explained.html) carries the wasm as base64 in
// <script type="application/octet-stream" id="attention-engine-wasm">; elsewhere there is none.
function inlinedWasm() {
  const holder = globalThis.document?.getElementById('attention-engine-wasm');
  if (!holder) return undefined;
  const text = atob(holder.textContent.trim());
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// --- validation and conversion -------------------------------------------------------------

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value)}`;
  return typeof value;
}

function requireObject(op, args) {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    throw new Error(`${op}: expected an options object, got ${describe(args)}`);
  }
}

function own(args, key) {
  return Object.prototype.hasOwnProperty.call(args, key) ? args[key] : undefined;
}

// number[][] -> { rows, cols, data: Float64Array } (row-major), within the engine's size limits.
function toMatrix(limits, op, name, value) {
  if (value === undefined) throw new Error(`${op}: ${name} is missing`);
  if (!Array.isArray(value)) throw new Error(`${op}: ${name} must be an array of rows (number[][]), got ${describe(value)}`);
  if (value.length === 0) throw new Error(`${op}: ${name} is empty`);
  const first = value[0];
  if (!Array.isArray(first)) throw new Error(`${op}: ${name} row 0 must be an array of numbers, got ${describe(first)}`);
  const cols = first.length;
  if (cols === 0) throw new Error(`${op}: ${name} row 0 is empty`);
  if (value.length > limits.maxSide || cols > limits.maxSide || value.length * cols > limits.maxEntries) {
    throw new Error(`${op}: ${name} is too large (${value.length}x${cols}); at most ${limits.maxSide} rows or columns and ${limits.maxEntries} entries are allowed`);
  }
  const data = new Float64Array(value.length * cols);
  for (let r = 0; r < value.length; r++) {
    const row = value[r];
    if (!Array.isArray(row)) throw new Error(`${op}: ${name} row ${r} must be an array of numbers, got ${describe(row)}`);
    if (row.length !== cols) throw new Error(`${op}: ${name} row ${r} has ${row.length} numbers but row 0 has ${cols}`);
    for (let c = 0; c < cols; c++) {
      const x = row[c];
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new Error(`${op}: ${name}[${r}][${c}] is ${describe(x)}, not a finite number`);
      }
      data[r * cols + c] = x;
    }
  }
  return { rows: value.length, cols, data };
}

function fromMatrix({ rows, cols, data }) {
  const out = new Array(rows);
  for (let r = 0; r < rows; r++) out[r] = Array.from(data.subarray(r * cols, (r + 1) * cols));
  return out;
}

function mapValues(object, f) {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, f(v)]));
}

// A field JS must hand over as a given type; its meaning (range, names) is the engine's to judge.
function typed(op, args, name, type) {
  const value = own(args, name);
  if (value !== undefined && typeof value !== type) throw new Error(`${op}: ${name} must be a ${type}, got ${describe(value)}`);
  return value;
}

function options(limits, op, args) {
  const out = {};
  for (const [name, type] of [['normalize', 'string'], ['temperature', 'number'], ['causal', 'boolean']]) {
    const value = typed(op, args, name, type);
    if (value !== undefined) out[name] = value;
  }
  const tokens = own(args, 'tokens');   // names for the queries in the engine's messages
  if (tokens !== undefined) {
    if (!Array.isArray(tokens) || tokens.length > limits.maxSide || !tokens.every((t) => typeof t === 'string' && t.length <= 100)) {
      throw new Error(`${op}: tokens must be an array of short names, got ${describe(tokens)}`);
    }
    out.tokens = [...tokens];
  }
  return out;
}

function attentionInputs(limits, op, args) {
  requireObject(op, args);
  const matrix = (name) => toMatrix(limits, op, name, own(args, name));
  return { queries: matrix('queries'), keys: matrix('keys'), values: matrix('values'), ...options(limits, op, args) };
}

function selfAttentionInputs(limits, op, args) {
  requireObject(op, args);
  const matrix = (name) => toMatrix(limits, op, name, own(args, name));
  const input = { embeddings: matrix('embeddings'), wq: matrix('wq'), wk: matrix('wk'), wv: matrix('wv'), ...options(limits, op, args) };
  const focus = typed(op, args, 'focus', 'number');
  if (focus !== undefined) input.focus = focus;
  if (own(args, 'target') !== undefined) input.target = matrix('target');
  return input;
}

// Counted in code points, as the engine counts them; a string of more than twice as many UTF-16
// units has more code points than allowed whatever they are, so a huge one is never walked.
function text(limits, op, value) {
  if (typeof value !== 'string') throw new Error(`${op}: text must be a string, got ${describe(value)}`);
  if (value.length > limits.maxText && (value.length > 2 * limits.maxText || [...value].length > limits.maxText)) {
    throw new Error(`${op}: the text has ${value.length > 2 * limits.maxText ? 'more than ' + 2 * limits.maxText : [...value].length} characters; at most ${limits.maxText} are allowed`);
  }
  return value;
}

function integer(op, name, value, lo, hi) {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new Error(`${op}: ${name} must be an integer from ${lo} to ${hi}, got ${describe(value)}`);
  }
  return value;
}

const CONFIG_FIELDS = {
  d: 'integer', heads: 'integer', layers: 'integer', context: 'integer', batch: 'integer', seed: 'integer',
  mlp: 'boolean', layerNorm: 'boolean', attention: 'boolean', learningRate: 'number',
};

// Types only: the engine's config check owns every range (and says which field is wrong).
function configJSON(op, config) {
  if (config === undefined) return '{}';
  requireObject(op, config);
  const clean = {};
  for (const key of Object.keys(config)) {
    const kind = CONFIG_FIELDS[key];
    if (!Object.hasOwn(CONFIG_FIELDS, key)) {
      throw new Error(`${op}: unknown config field ${JSON.stringify(key)} (expected ${Object.keys(CONFIG_FIELDS).join(', ')})`);
    }
    const v = config[key];
    const ok = kind === 'boolean' ? typeof v === 'boolean'
      : kind === 'integer' ? Number.isSafeInteger(v)
        : typeof v === 'number' && Number.isFinite(v);
    if (!ok) throw new Error(`${op}: config.${key} must be ${kind === 'integer' ? 'a whole number' : `a ${kind}`}, got ${describe(v)}`);
    clean[key] = v;
  }
  return JSON.stringify(clean);
}

// --- the API ---------------------------------------------------------------------------------

class Engine {
  #module;
  #models;
  #corpus;
  #compiled;
  #limits;

  constructor(module, compiled) {
    this.#module = module;
    this.#compiled = compiled;
    this.#limits = Object.freeze(module.limits());
    // A model the caller forgets to dispose is freed when it is garbage-collected.
    this.#models = new FinalizationRegistry((id) => module.modelDispose(id));
  }

  /** { queries (m×d), keys (n×d), values (n×dv), normalize?, temperature?, causal?, tokens? (query names for
   *  messages) } → { scores, weights, output }, and for a softmax exponentials (m×n): e^((s − row max)/T), whose rows
   *  divided by their sums are the weights */
  attend(args) {
    const input = attentionInputs(this.#limits, 'attend', args);
    return mapValues(this.#module.attend(input), fromMatrix);
  }

  /** attend's arguments + target (m×dv) → { scores, weights, output, loss, grad } with loss = ½Σ(output − target)² */
  attentionGradients(args) {
    const op = 'attentionGradients';
    const input = attentionInputs(this.#limits, op, args);
    input.target = toMatrix(this.#limits, op, 'target', own(args, 'target'));
    const { scores, weights, output, loss, grad } = this.#module.attentionGradients(input);
    return { scores: fromMatrix(scores), weights: fromMatrix(weights), output: fromMatrix(output), loss, grad: mapValues(grad, fromMatrix) };
  }

  /** { embeddings (n×e), wq (e×d), wk (e×d), wv (e×dv), normalize?, temperature?, causal?, focus?, target? }
   *  → { queries, keys, values, scores, weights, output } (+ loss, grad with a target). With `focus` = i,
   *  only token i is a query: scores and weights are 1×n, output and target 1×dv. */
  selfAttention(args) {
    const op = 'selfAttention';
    const input = selfAttentionInputs(this.#limits, op, args);
    const result = this.#module.selfAttention(input);
    const out = {};
    for (const key of ['queries', 'keys', 'values', 'scores', 'weights', 'output']) out[key] = fromMatrix(result[key]);
    if (input.target) {
      out.loss = result.loss;
      out.grad = mapValues(result.grad, fromMatrix);
    }
    return out;
  }

  /** One gradient-descent step on selfAttention's loss: selfAttention's arguments (target required)
   *  + learn (some of 'embeddings', 'wq', 'wk', 'wv') + learningRate → { embeddings, wq, wk, wv, lossBefore } */
  descend(args) {
    const op = 'descend';
    const input = selfAttentionInputs(this.#limits, op, args);
    const learn = own(args, 'learn');
    if (!Array.isArray(learn) || !learn.every((n) => typeof n === 'string')) {
      throw new Error(`${op}: learn must be an array of names, got ${describe(learn)}`);
    }
    const learningRate = typed(op, args, 'learningRate', 'number');
    const { lossBefore, ...matrices } = this.#module.descend({ ...input, learn: [...learn], learningRate });
    return { ...mapValues(matrices, fromMatrix), lossBefore };
  }

  /** { weights (m×n), values (n×dv) } → { output: weights·values } (the weighted sum of value rows) */
  weightedSum(args) {
    const op = 'weightedSum';
    requireObject(op, args);
    const weights = toMatrix(this.#limits, op, 'weights', own(args, 'weights'));
    const values = toMatrix(this.#limits, op, 'values', own(args, 'values'));
    return { output: fromMatrix(this.#module.weightedSum({ weights, values }).output) };
  }

  /** The walkthrough's worked example: tokens, queries, keys, values, embeddings, wq, wk, wv,
   *  statedScores, statedWeights, statedOutput, the default target, and the page's other defaults
   *  (normalize, temperature, learningRate, embeddingRate, nudge), as the engine holds them. */
  workedExample() {
    const { tokens, normalize, temperature, learningRate, embeddingRate, nudge, ...matrices } = this.#module.workedExample();
    return { tokens, normalize, temperature, learningRate, embeddingRate, nudge, ...mapValues(matrices, fromMatrix) };
  }

  /** What the engine accepts: { maxSide, maxEntries, maxText, normalizers } */
  get limits() {
    return this.#limits;
  }

  /** The default model config: { d, heads, layers, context, mlp, layerNorm, attention, batch, learningRate, seed } */
  modelDefaults() {
    return this.#module.modelDefaults();
  }

  /** The bank corpus the models learn from: { train: string[], test: string[] } */
  corpus() {
    if (!this.#corpus) {
      const { train, test } = this.#module.corpus();   // a sentence a line
      this.#corpus = { train: train.split('\n'), test: test.split('\n') };
    }
    return structuredClone(this.#corpus);
  }

  /** The loss of models without attention on the training sentences: { uniform, unigram, bigram, vocabulary, predictions } */
  trainingBaselines() {
    return this.#module.trainingBaselines();
  }

  /** A new model of the corpus, config fields as in the README (all optional). */
  createModel(config) {
    const id = this.#module.modelCreate(configJSON('createModel', config));
    return new Model(this.#module, this.#models, id, this.#limits);
  }

  /** A model from toJSON()'s object or its JSON text. */
  loadModel(json) {
    let textForm;
    if (typeof json === 'string') textForm = json;
    else if (json !== null && typeof json === 'object') textForm = JSON.stringify(json);
    else throw new Error(`loadModel: expected the object or JSON text from toJSON(), got ${describe(json)}`);
    const id = this.#module.modelLoad(textForm);
    return new Model(this.#module, this.#models, id, this.#limits);
  }

  /** The compiled WebAssembly.Module, to hand to a worker (loadEngine({ wasmModule })). */
  get wasmModule() {
    return this.#compiled;
  }

  /** Diagnostics: bytes allocated in the wasm heap, the heap's size, live model handles and live
   *  Embind value handles (both flat in a program that leaks nothing). */
  memory() {
    return {
      heapUsed: this.#module.heapUsed(), heapSize: this.#module.HEAP8.buffer.byteLength, liveModels: this.#module.liveModels(),
      embindHandles: this.#module.count_emval_handles(),
    };
  }
}

class Model {
  #module;
  #registry;
  #id;
  #limits;

  constructor(module, registry, id, limits) {
    this.#module = module;
    this.#limits = limits;
    this.#registry = registry;
    this.#id = id;
    registry.register(this, id, this);
  }

  #handle(op) {
    if (this.#id === 0) throw new Error(`${op}: this model was disposed`);
    return this.#id;
  }

  /** Takes `steps` training steps → { step, loss, accuracy, losses, accuracies, elapsedMs }
   *  (losses and accuracies per step; elapsedMs is the time spent inside the engine). */
  train(steps) {
    integer('train', 'steps', steps, 0, 100000);
    const r = this.#module.modelTrain(this.#handle('train'), steps);
    return {
      step: r.step, loss: r.loss, accuracy: r.accuracy, losses: Array.from(r.losses), accuracies: Array.from(r.accuracies),
      elapsedMs: r.elapsedMs,
    };
  }

  /** Mean next-word loss on `sentences` (string[]), without training. */
  loss(sentences) {
    if (!Array.isArray(sentences) || sentences.length === 0 || sentences.length > this.#limits.maxSide) {
      throw new Error(`loss: expected 1 to ${this.#limits.maxSide} sentences, got ${describe(sentences)}`);
    }
    sentences.forEach((s, i) => text(this.#limits, `loss: sentence ${i}`, s));
    return this.#module.modelLoss(this.#handle('loss'), sentences);
  }

  /** On the test split → { loss, accuracy, bankAccuracy, bankCount, headFindsContext } */
  evaluate() {
    const r = this.#module.modelEvaluate(this.#handle('evaluate'));
    return { ...r, headFindsContext: Array.from(r.headFindsContext) };
  }

  /** → { tokens, known, layers: [{ heads: [weights (L×L)] }] } */
  attention(sentence) {
    const r = this.#module.modelAttention(this.#handle('attention'), text(this.#limits, 'attention', sentence));
    return { tokens: r.tokens, known: r.known, layers: r.layers.map((l) => ({ heads: l.heads.map(fromMatrix) })) };
  }

  /** The `top` likeliest next words → [{ word, probability }] */
  predict(sentence, top = 5) {
    integer('predict', 'top', top, 1, 1000);
    return this.#module.modelPredict(this.#handle('predict'), text(this.#limits, 'predict', sentence), top);
  }

  /** → { words, vectors (V×d), projected (V×2, PCA) } */
  embeddings() {
    const r = this.#module.modelEmbeddings(this.#handle('embeddings'));
    return { words: r.words, vectors: fromMatrix(r.vectors), projected: fromMatrix(r.projected) };
  }

  /** → { config, step, vocabulary } */
  info() {
    return this.#module.modelInfo(this.#handle('info'));
  }

  setLearningRate(lr) {
    if (typeof lr !== 'number') throw new Error(`setLearningRate: the learning rate must be a number, got ${describe(lr)}`);
    this.#module.modelSetLearningRate(this.#handle('setLearningRate'), lr);
  }

  /** After a TrainingDiverged error: back to the last step that was still learning (fresh Adam
   *  moments) → that step. */
  restoreLastGood() {
    return this.#module.modelRestoreLastGood(this.#handle('restoreLastGood'));
  }

  /** Config, vocabulary, step and every parameter, as a plain object (JSON.stringify-able). */
  toJSON() {
    return JSON.parse(this.#module.modelToJSON(this.#handle('toJSON')));
  }

  /** Every parameter's numbers as one Float64Array (a snapshot: later training does not change it). */
  weights() {
    return this.#module.modelWeights(this.#handle('weights'));
  }

  /** Puts a snapshot from weights() of a model with the same config and vocabulary into this one:
   *  it then evaluates, attends and predicts exactly as that model did. */
  setWeights(weights) {
    if (!(weights instanceof Float64Array)) throw new Error(`setWeights: expected a Float64Array, got ${describe(weights)}`);
    this.#module.modelSetWeights(this.#handle('setWeights'), weights);
  }

  /** Frees the model now; later calls throw. */
  dispose() {
    if (this.#id === 0) return;
    this.#module.modelDispose(this.#id);
    this.#registry.unregister(this);
    this.#id = 0;
  }
}
