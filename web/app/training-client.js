// Runs the training loop in a module Web Worker, or, where a worker cannot start (a page opened
// from file://, say), on this thread in short slices so the page stays responsive.
// onMessage(message) receives the loop's messages; returns { send(command), where }.
export function startTraining(engine, onMessage) {
  try {
    const worker = new Worker(new URL('../engine/training-worker.js', import.meta.url), { type: 'module' });
    worker.addEventListener('message', ({ data }) => onMessage(data));
    worker.postMessage({ type: 'engine', module: engine.wasmModule });   // compiled once, by the page
    return { send: (command) => worker.postMessage(command), where: 'worker' };
  } catch {
    // The loop's module is only needed here, so it is only loaded here.
    const loop = import('../engine/training-loop.js').then(({ createTrainingLoop }) =>
      createTrainingLoop(Promise.resolve(engine), (message) => setTimeout(() => onMessage(message))));
    return {
      send: (command) => { loop.then((handle) => handle(structuredClone(command))); },
      where: 'main thread',
    };
  }
}
