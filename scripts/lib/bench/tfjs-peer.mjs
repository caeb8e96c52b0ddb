// TF.js peer benchmark, one backend per process: `node tfjs-peer.mjs <cpu|wasm>` prints JSON:
// the first-loss check against our engine (same weights, same sentences) and steps/s for the
// default and the large config, each the median of 5 timed runs after a warm-up.
import fs from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadEngine } from '../../../dist/engine/attention-engine.js';
import { adam, encodeBatch, loss, variablesFrom } from './tfjs-model.mjs';
import { CONFIGS, median, sampler } from './configs.mjs';

const backend = process.argv[2] ?? 'cpu';

// 'gather' if this backend can differentiate it, else 'one-hot' (the same model, other kernels).
async function usableLookup(vars, config, vocabulary, sentences) {
  try {
    tf.tidy(() => tf.variableGrads(() => loss(tf, vars, config, encodeBatch(vocabulary, sentences, config.context), 'gather')));
    return 'gather';
  } catch (error) {
    if (!/not registered/.test(error.message)) throw error;
    return 'one-hot';
  }
}
if (backend === 'wasm') setWasmPaths(`${new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname}`);
await tf.setBackend(backend);
await tf.ready();

const engine = await loadEngine({ wasmBinary: fs.readFileSync(new URL('../../../dist/engine/attention-engine.wasm', import.meta.url)) });
const corpus = engine.corpus();
const out = { backend, configs: {} };

for (const [name, config] of Object.entries(CONFIGS)) {
  const ours = engine.createModel(config);
  const json = ours.toJSON();
  const vars = variablesFrom(tf, json);
  const full = { ...json.config };
  const draw = sampler(corpus.train, full.batch);
  // Same weights, same sentences: the first loss must agree.
  const check = draw();
  const oursLoss = ours.loss(check);
  const theirs = tf.tidy(() => loss(tf, vars, full, encodeBatch(json.vocabulary, check, full.context)).dataSync()[0]);
  const entry = { first_loss_ours: oursLoss, first_loss_tfjs: theirs, first_loss_agrees: Math.abs(oursLoss - theirs) <= 1e-4 };
  try {
    entry.lookup = await usableLookup(vars, full, json.vocabulary, check);
    if (entry.lookup !== 'gather') entry.note = 'no gradient kernel for gather (UnsortedSegmentSum): one-hot lookup';
    const optimizer = adam(tf, full.learningRate);
    const step = () => optimizer.minimize(() => loss(tf, vars, full, encodeBatch(json.vocabulary, draw(), full.context), entry.lookup), false);
    const steps = name === 'default' ? 100 : 20;
    for (let i = 0; i < 10; i++) step();   // warm-up
    const runs = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      for (let i = 0; i < steps; i++) step();
      runs.push((performance.now() - t0) / steps);
    }
    entry.ms_per_step = median(runs);
    entry.steps_per_second = 1000 / entry.ms_per_step;
  } catch (error) {
    entry.error = `training failed: ${error.message.split('\n')[0]}`;   // e.g. a missing gradient kernel
  }
  out.configs[name] = entry;
  ours.dispose();
  Object.values(vars).forEach((v) => v.dispose());
}
console.log(JSON.stringify(out));
