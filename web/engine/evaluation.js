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
// each answer matched to its call by number; the worker answers in order. Should that worker fail
// to start or stop, `fallback()` (an evaluator here) takes over: the model the trainer last named,
// then the calls not answered and every later one, so a run is measured the same either way.
export function remoteEvaluator(worker, fallback) {
  const waiting = new Map();   // id -> { method, args, resolve, reject }, kept until answered
  let next = 0, lastUse = null, local = null;
  const onLocal = (call) => local[call.method](call.args).then(call.resolve, call.reject);
  worker.addEventListener('message', ({ data }) => {
    const call = waiting.get(data.id);
    if (!call) return;
    waiting.delete(data.id);
    if (data.error) call.reject(new Error(data.error));
    else call.resolve(data.result);
  });
  worker.addEventListener('error', () => {
    if (local) return;
    local = fallback();
    const unanswered = [...waiting.values()];   // in the order they were made
    waiting.clear();
    if (lastUse && !unanswered.some((c) => c.method === 'use')) local.use(lastUse).catch(() => {});
    unanswered.forEach(onLocal);
  });
  // Snapshots are copied, not transferred: an unanswered one may still be needed here.
  const call = (method, args) => new Promise((resolve, reject) => {
    if (method === 'use') lastUse = args;
    if (local) return onLocal({ method, args, resolve, reject });
    const id = next++;
    waiting.set(id, { method, args, resolve, reject });
    worker.postMessage({ id, method, args });
  });
  return {
    use: (args) => call('use', args),
    evaluate: (args) => call('evaluate', args),
  };
}

// The worker's side of remoteEvaluator: handle(message) makes the call on `evaluator` and answers
// it through post(message).
export function serveEvaluator(evaluator, post) {
  return ({ id, method, args }) => {
    evaluator[method](args).then((result) => post({ id, result }), (error) => post({ id, error: error.message }));
  };
}
