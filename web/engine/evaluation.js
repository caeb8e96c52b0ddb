// What the training loop records at an evaluation step (the test-set measurements, and at a
// snapshot step the views), and an evaluator that records it from a snapshot of the weights with
// a model of its own, so training need not wait for it: the training worker hands it to a second
// worker (evaluation-worker.js) when the machine has a second core for it. The same weights give the
// same bits, so the curves are the same wherever the evaluation runs.

// The views the page shows: the sentence's attention and next words, the embeddings projected to
// 2-D (the full vectors are not shown, so they are not sent or recorded).
export function views(model, text) {
  const { words, projected } = model.embeddings();
  return {
    attention: text ? model.attention(text) : null,
    predictions: text ? model.predict(text, 5) : null,
    embeddings: { words, projected },
  };
}

// The record of `step`: its evaluation, and the views too when withViews.
export function entry(model, step, text, withViews) {
  const record = { step, evaluation: model.evaluate() };
  if (withViews) Object.assign(record, views(model, text));
  return record;
}

// An evaluator over an engine: use({ config } | { json }) makes its model like the trainer's (same
// config and vocabulary); evaluate({ step, weights, text, withViews }) → the record of that step.
// Calls run one after another in the order they were made.
export function createEvaluator(enginePromise) {
  let model = null, turn = Promise.resolve();
  const inTurn = (f) => {
    const result = turn.then(f);
    turn = result.catch(() => {});
    return result;
  };
  return {
    use: ({ config, json }) => inTurn(async () => {
      const engine = await enginePromise;
      model?.dispose();
      model = null;
      model = json ? engine.loadModel(json) : engine.createModel(config);
    }),
    evaluate: ({ step, weights, text, withViews }) => inTurn(() => {
      model.setWeights(weights);
      return entry(model, step, text, withViews);
    }),
  };
}

// The same evaluator, in `worker` (a Worker running evaluation-worker.js): each call a message,
// each answer matched to its call by number; the worker answers in order.
export function remoteEvaluator(worker) {
  const waiting = new Map();
  let next = 0, failed = null;
  worker.addEventListener('message', ({ data }) => {
    const call = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.error) call.reject(new Error(data.error));
    else call.resolve(data.result);
  });
  // a worker that cannot start or run fails every call, now and later, rather than never answering
  worker.addEventListener('error', (event) => {
    failed = new Error(`the evaluation worker stopped: ${event.message ?? 'it could not start'}`);
    for (const call of waiting.values()) call.reject(failed);
    waiting.clear();
  });
  const send = (method, args, transfer = []) => new Promise((resolve, reject) => {
    if (failed) return reject(failed);
    const id = next++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, method, args }, transfer);
  });
  return {
    use: (args) => send('use', args),
    evaluate: (args) => send('evaluate', args, [args.weights.buffer]),
  };
}

// The worker's side of remoteEvaluator: handle(message) makes the call on `evaluator` and answers
// it through post(message).
export function serveEvaluator(evaluator, post) {
  return ({ id, method, args }) => {
    evaluator[method](args).then((result) => post({ id, result }), (error) => post({ id, error: error.message }));
  };
}
