// The training worker: a module Web Worker running the training loop (training-loop.js) off
// the page's thread. Post it commands; it posts progress back (README, "Training worker").
import { loadEngine } from './attention-engine.js';
import { createTrainingLoop } from './training-loop.js';

const handle = createTrainingLoop(loadEngine(), (message) => self.postMessage(message));
self.onmessage = ({ data }) => handle(data);
