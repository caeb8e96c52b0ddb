// The engine's JS API: plain arrays in, plain arrays out, over the Embind module. Callers never
// see an Embind object; models are integer handles owned here (dispose() frees one early).
//
//   import { loadEngine } from './engine/attention-engine.js';
//   const engine = await loadEngine();                       // Node: loadEngine({ wasmBinary })
//   const { scores, weights, output } = engine.attend({ queries, keys, values, normalize: 'softmax' });
//
// Matrices are arrays of rows (number[][]). Every call validates its input and throws an Error
// saying what is wrong; the engine stays usable afterwards.
import createAttentionModule from './attention-engine-module.js';

export const NORMALIZERS = Object.freeze(['softmax', 'scaled-softmax', 'sum', 'hard']);
const MAX_SIDE = 4096;            // rows or columns of one matrix
const MAX_ENTRIES = 1 << 20;      // entries of one matrix
const MAX_TEXT = 10000;           // characters of a sentence given to a model

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

// number[][] -> { rows, cols, data: Float64Array } (row-major), with every check a reader needs.
function toMatrix(op, name, value) {
  if (value === undefined) throw new Error(`${op}: ${name} is missing`);
  if (!Array.isArray(value)) throw new Error(`${op}: ${name} must be an array of rows (number[][]), got ${describe(value)}`);
  if (value.length === 0) throw new Error(`${op}: ${name} is empty`);
  if (value.length > MAX_SIDE) throw new Error(`${op}: ${name} has ${value.length} rows; at most ${MAX_SIDE} are allowed`);
  const first = value[0];
  if (!Array.isArray(first)) throw new Error(`${op}: ${name} row 0 must be an array of numbers, got ${describe(first)}`);
  const cols = first.length;
  if (cols === 0) throw new Error(`${op}: ${name} row 0 is empty`);
  if (cols > MAX_SIDE || cols * value.length > MAX_ENTRIES) {
    throw new Error(`${op}: ${name} is too large (${value.length}x${cols}); at most ${MAX_ENTRIES} entries are allowed`);
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

function options(op, args) {
  const normalize = own(args, 'normalize') ?? 'softmax';
  if (!NORMALIZERS.includes(normalize)) {
    throw new Error(`${op}: unknown normalize ${describe(normalize)} (expected ${NORMALIZERS.join(', ')})`);
  }
  const temperature = own(args, 'temperature') ?? 1;
  if (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature <= 0) {
    throw new Error(`${op}: temperature must be a finite number > 0, got ${describe(temperature)}`);
  }
  const causal = own(args, 'causal') ?? false;
  if (typeof causal !== 'boolean') throw new Error(`${op}: causal must be true or false, got ${describe(causal)}`);
  return { normalize, temperature, causal };
}

function requireSameCols(op, a, aName, b, bName) {
  if (a.cols !== b.cols) throw new Error(`${op}: ${bName} has ${b.cols} columns but ${aName} has ${a.cols}`);
}

function requireSameRows(op, a, aName, b, bName) {
  if (a.rows !== b.rows) throw new Error(`${op}: ${bName} has ${b.rows} rows but ${aName} has ${a.rows}`);
}

function attentionInputs(op, args) {
  requireObject(op, args);
  const queries = toMatrix(op, 'queries', own(args, 'queries'));
  const keys = toMatrix(op, 'keys', own(args, 'keys'));
  const values = toMatrix(op, 'values', own(args, 'values'));
  requireSameCols(op, queries, 'queries', keys, 'keys');
  requireSameRows(op, keys, 'keys', values, 'values');
  return { queries, keys, values, ...options(op, args) };
}

function targetFor(op, args, rows, cols) {
  const target = toMatrix(op, 'target', own(args, 'target'));
  if (target.rows !== rows || target.cols !== cols) {
    throw new Error(`${op}: target is ${target.rows}x${target.cols} but the output is ${rows}x${cols}`);
  }
  return target;
}

const LEARNABLE = ['embeddings', 'wq', 'wk', 'wv'];

function selfAttentionInputs(op, args) {
  requireObject(op, args);
  const input = {
    embeddings: toMatrix(op, 'embeddings', own(args, 'embeddings')),
    wq: toMatrix(op, 'wq', own(args, 'wq')),
    wk: toMatrix(op, 'wk', own(args, 'wk')),
    wv: toMatrix(op, 'wv', own(args, 'wv')),
    ...options(op, args),
  };
  for (const w of ['wq', 'wk', 'wv']) {
    if (input[w].rows !== input.embeddings.cols) {
      throw new Error(`${op}: ${w} has ${input[w].rows} rows but embeddings has ${input.embeddings.cols} columns`);
    }
  }
  requireSameCols(op, input.wq, 'wq', input.wk, 'wk');
  const focus = own(args, 'focus');
  if (focus !== undefined) {
    integer(op, 'focus', focus, 0, input.embeddings.rows - 1);
    if (input.causal) throw new Error(`${op}: a focus token and a causal mask cannot be combined`);
    input.focus = focus;
  }
  if (own(args, 'target') !== undefined) {
    input.target = targetFor(op, args, focus === undefined ? input.embeddings.rows : 1, input.wv.cols);
  }
  return input;
}

function text(op, value) {
  if (typeof value !== 'string') throw new Error(`${op}: text must be a string, got ${describe(value)}`);
  if (value.length > MAX_TEXT) throw new Error(`${op}: text has ${value.length} characters; at most ${MAX_TEXT} are allowed`);
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
      : kind === 'integer' ? Number.isSafeInteger(v) && v >= 0
        : typeof v === 'number' && Number.isFinite(v);
    if (!ok) throw new Error(`${op}: config.${key} must be ${kind === 'integer' ? 'a non-negative integer' : `a ${kind}`}, got ${describe(v)}`);
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

  constructor(module, compiled) {
    this.#module = module;
    this.#compiled = compiled;
    // A model the caller forgets to dispose is freed when it is garbage-collected.
    this.#models = new FinalizationRegistry((id) => module.modelDispose(id));
  }

  /** { queries (m×d), keys (n×d), values (n×dv), normalize?, temperature?, causal? } → { scores, weights, output } */
  attend(args) {
    const input = attentionInputs('attend', args);
    return mapValues(this.#module.attend(input), fromMatrix);
  }

  /** attend's arguments + target (m×dv) → { scores, weights, output, loss, grad } with loss = ½Σ(output − target)² */
  attentionGradients(args) {
    const op = 'attentionGradients';
    const input = attentionInputs(op, args);
    input.target = targetFor(op, args, input.queries.rows, input.values.cols);
    const { scores, weights, output, loss, grad } = this.#module.attentionGradients(input);
    return { scores: fromMatrix(scores), weights: fromMatrix(weights), output: fromMatrix(output), loss, grad: mapValues(grad, fromMatrix) };
  }

  /** { embeddings (n×e), wq (e×d), wk (e×d), wv (e×dv), normalize?, temperature?, causal?, focus?, target? }
   *  → { queries, keys, values, scores, weights, output } (+ loss, grad with a target). With `focus` = i,
   *  only token i is a query: scores and weights are 1×n, output and target 1×dv. */
  selfAttention(args) {
    const op = 'selfAttention';
    const input = selfAttentionInputs(op, args);
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
    const input = selfAttentionInputs(op, args);
    if (!input.target) throw new Error(`${op}: target is missing`);
    const learn = own(args, 'learn');
    if (!Array.isArray(learn) || learn.length === 0 || !learn.every((n) => LEARNABLE.includes(n))) {
      throw new Error(`${op}: learn must list some of ${LEARNABLE.join(', ')}, got ${describe(learn)}`);
    }
    const learningRate = own(args, 'learningRate');
    if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate <= 0) {
      throw new Error(`${op}: learningRate must be a finite number > 0, got ${describe(learningRate)}`);
    }
    const { lossBefore, ...matrices } = this.#module.descend({ ...input, learn: [...learn], learningRate });
    return { ...mapValues(matrices, fromMatrix), lossBefore };
  }

  /** { weights (m×n), values (n×dv) } → { output: weights·values } (the weighted sum of value rows) */
  weightedSum(args) {
    const op = 'weightedSum';
    requireObject(op, args);
    const weights = toMatrix(op, 'weights', own(args, 'weights'));
    const values = toMatrix(op, 'values', own(args, 'values'));
    if (weights.cols !== values.rows) throw new Error(`${op}: values has ${values.rows} rows but weights has ${weights.cols} columns`);
    return { output: fromMatrix(this.#module.weightedSum({ weights, values }).output) };
  }

  /** The walkthrough's worked example: tokens, queries, keys, values, embeddings, wq, wk, wv,
   *  statedScores, statedWeights, statedOutput, the default target, and the page's other defaults
   *  (normalize, temperature, learningRate, embeddingRate, nudge), as the engine holds them. */
  workedExample() {
    const { tokens, normalize, temperature, learningRate, embeddingRate, nudge, ...matrices } = this.#module.workedExample();
    return { tokens, normalize, temperature, learningRate, embeddingRate, nudge, ...mapValues(matrices, fromMatrix) };
  }

  /** The default model config: { d, heads, layers, context, mlp, layerNorm, attention, batch, learningRate, seed } */
  modelDefaults() {
    return this.#module.modelDefaults();
  }

  /** The bank corpus the models learn from: { train: string[], test: string[] } */
  corpus() {
    this.#corpus ??= this.#module.corpus();
    return structuredClone(this.#corpus);
  }

  /** A new model of the corpus, config fields as in the README (all optional). */
  createModel(config) {
    const id = this.#module.modelCreate(configJSON('createModel', config));
    return new Model(this.#module, this.#models, id);
  }

  /** A model from toJSON()'s object or its JSON text. */
  loadModel(json) {
    let textForm;
    if (typeof json === 'string') textForm = json;
    else if (json !== null && typeof json === 'object') textForm = JSON.stringify(json);
    else throw new Error(`loadModel: expected the object or JSON text from toJSON(), got ${describe(json)}`);
    const id = this.#module.modelLoad(textForm);
    return new Model(this.#module, this.#models, id);
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

  constructor(module, registry, id) {
    this.#module = module;
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
    if (!Array.isArray(sentences) || sentences.length === 0 || sentences.length > MAX_SIDE) {
      throw new Error(`loss: expected 1 to ${MAX_SIDE} sentences, got ${describe(sentences)}`);
    }
    sentences.forEach((s, i) => text(`loss: sentence ${i}`, s));
    return this.#module.modelLoss(this.#handle('loss'), sentences);
  }

  /** On the test split → { loss, accuracy, bankAccuracy, bankCount, headFindsContext } */
  evaluate() {
    const r = this.#module.modelEvaluate(this.#handle('evaluate'));
    return { ...r, headFindsContext: Array.from(r.headFindsContext) };
  }

  /** → { tokens, known, layers: [{ heads: [weights (L×L)] }] } */
  attention(sentence) {
    const r = this.#module.modelAttention(this.#handle('attention'), text('attention', sentence));
    return { tokens: r.tokens, known: r.known, layers: r.layers.map((l) => ({ heads: l.heads.map(fromMatrix) })) };
  }

  /** The `top` likeliest next words → [{ word, probability }] */
  predict(sentence, top = 5) {
    integer('predict', 'top', top, 1, 1000);
    return this.#module.modelPredict(this.#handle('predict'), text('predict', sentence), top);
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
    if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
      throw new Error(`setLearningRate: learning rate must be a finite number > 0, got ${describe(lr)}`);
    }
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

  /** Frees the model now; later calls throw. */
  dispose() {
    if (this.#id === 0) return;
    this.#module.modelDispose(this.#id);
    this.#registry.unregister(this);
    this.#id = 0;
  }
}
