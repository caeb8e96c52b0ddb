// The evaluation worker: records the training worker's evaluation steps from snapshots of its
// weights (evaluation.js), so training goes on meanwhile on the other core.
import { loadEngine } from './attention-engine.js';
import { createEvaluator, serveEvaluator } from './evaluation.js';

// The training worker first posts { type: 'engine', module } with the page's compiled engine, so
// this worker neither downloads nor compiles it again; otherwise it loads the engine itself.
let handle = null;
self.onmessage = ({ data }) => {
  const given = data?.type === 'engine' && data.module instanceof WebAssembly.Module;
  handle ??= serveEvaluator(createEvaluator(loadEngine(given ? { wasmModule: data.module } : {})), (message) => self.postMessage(message));
  if (data?.type !== 'engine') handle(data);
};
