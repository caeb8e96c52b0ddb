// The training worker: a module Web Worker running the training loop (training-loop.js) off
// the page's thread. Post it commands; it posts progress back (README, "Training worker"). Where
// the machine has a second core, the loop's evaluations run on a worker of their own
// (evaluation-worker.js), so training does not wait for them.
import { loadEngine } from './attention-engine.js';
import { createEvaluator, remoteEvaluator } from './evaluation.js';
import { createTrainingLoop } from './training-loop.js';

// enginePromise: this worker's engine, which evaluates should the second worker fail.
function evaluationWorker(module, enginePromise) {
  if (typeof Worker !== 'function' || !(navigator.hardwareConcurrency > 1)) return null;
  try {
    const worker = new Worker(new URL('./evaluation-worker.js', import.meta.url), { type: 'module' });
    if (module) worker.postMessage({ type: 'engine', module });
    return remoteEvaluator(worker, () => createEvaluator(enginePromise));
  } catch {
    return null;   // no nested workers here: the loop evaluates on this worker
  }
}

// A page may first post { type: 'engine', module } with its compiled engine, so the worker
// neither downloads nor compiles it again; otherwise the worker loads it itself.
let handle = null;
self.onmessage = ({ data }) => {
  const given = data?.type === 'engine' && data.module instanceof WebAssembly.Module;
  const module = given ? data.module : undefined;
  if (!handle) {
    const engine = loadEngine({ wasmModule: module });
    handle = createTrainingLoop(engine, (message) => self.postMessage(message), evaluationWorker(module, engine));
  }
  if (data?.type !== 'engine') handle(data);
};
