// The training worker: a module Web Worker running the training loop (training-loop.js) off
// the page's thread. Post it commands; it posts progress back (README, "Training worker").
import { loadEngine } from './attention-engine.js';
import { createTrainingLoop } from './training-loop.js';

// A page may first post { type: 'engine', module } with its compiled engine, so the worker
// neither downloads nor compiles it again; otherwise the worker loads it itself.
let handle = null;
self.onmessage = ({ data }) => {
  const given = data?.type === 'engine' && data.module instanceof WebAssembly.Module;
  handle ??= createTrainingLoop(loadEngine(given ? { wasmModule: data.module } : {}), (message) => self.postMessage(message));
  if (data?.type !== 'engine') handle(data);
};
