// Runs the training loop in a module Web Worker, or, where a worker cannot start (a page opened
// from file://, say), on this thread in short slices so the page stays responsive.
import { createTrainingLoop } from '../engine/training-loop.js';

// onMessage(message) receives the loop's messages; returns { send(command), where, stop() }.
export function startTraining(engine, onMessage) {
  try {
    const worker = new Worker(new URL('../engine/training-worker.js', import.meta.url), { type: 'module' });
    worker.addEventListener('message', ({ data }) => onMessage(data));
    return { send: (command) => worker.postMessage(command), where: 'worker', stop: () => worker.terminate() };
  } catch {
    const handle = createTrainingLoop(Promise.resolve(engine), (message) => setTimeout(() => onMessage(message)));
    let stopped = false;
    return {
      send: (command) => { if (!stopped) handle(structuredClone(command)); },
      where: 'main thread',
      stop: () => { stopped = true; handle({ type: 'pause' }); },
    };
  }
}
