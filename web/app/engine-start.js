// Starts loading the engine the moment the page's script runs: main.js imports this module first,
// so in the bundle its code runs before any other module's, and the engine's download and compile
// overlap with the evaluation of the rest of the page's code.
export const enginePromise = typeof WebAssembly === 'object'
  ? import('../engine/attention-engine.js').then(({ loadEngine }) => loadEngine()).then((engine) => {
    performance.mark('attention-engine-compiled');
    return engine;
  })
  : Promise.reject(new Error('no WebAssembly'));
enginePromise.catch(() => {});   // handled by main.js, once the page's modules are in
