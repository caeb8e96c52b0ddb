// The NumPy code behind each step (1–9): the one place that knows what each step computes, written
// as a short program with the reader's current numbers in it. No DOM: the page shows the text, the
// tests run it with python3 and compare what it prints with the engine's numbers.
//
// Every program prints lines "name = value", the value a Python list or float (repr: every digit).
import { FOCUS, NORMALIZER_KEY, NORMALIZER_NAME, learningArgs } from '../compute.js';
import { t } from '../i18n/core.js';

// A JS number as a Python float literal (JS and Python both write the shortest text that reads back).
export function pyNumber(x) {
  const text = String(x);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

const row = (xs) => `[${xs.map(pyNumber).join(', ')}]`;
// A matrix literal, one row per line, aligned under the first.
function array(name, m, comment) {
  const lead = `${name} = np.array([`;
  const rows = m.map((r, i) => `${i ? ' '.repeat(lead.length) : ''}${row(r)}`).join(',\n');
  return `${lead}${rows}])${comment ? `   # ${comment}` : ''}`;
}
const show = (label, expr) => `print(${JSON.stringify(`${label} =`)}, ${expr})`;

const SOFTMAX = [
  'def softmax(s):',
  '    """Each row of s turned into weights that add up to 1."""',
  '    e = np.exp(s - s.max(axis=-1, keepdims=True))   # subtract the largest first: same weights, no overflow',
  '    return e / e.sum(axis=-1, keepdims=True)',
];


// Python for weights = normalise(scores) (sum, softmax or scaled-softmax: the page's choices), with
// the temperature and d the engine uses.
function normalise(normalize, scores = 'scores', target = 'weights') {
  switch (normalize) {
    case 'sum': return [`${target} = ${scores} / ${scores}.sum(axis=-1, keepdims=True)   # divide-by-sum (the temperature plays no part)`];
    case 'softmax': return [`${target} = softmax(${scores} / T)`];
    default: return [`${target} = softmax(${scores} / (T * np.sqrt(d)))`];   // scaled-softmax
  }
}

// The inputs every step starts from: the tokens and the three matrices, then q, k, v.
function inputs(state, example, { projections = true } = {}) {
  const n = example.tokens.length;
  const lines = ['import numpy as np', '', `tokens = [${example.tokens.map((t) => JSON.stringify(t)).join(', ')}]`];
  if (state.mode === 'direct') lines.push(`X = np.eye(${n})   # one-hot token vectors, one row per token (${n}, ${n}): A = [1, 0, 0]`);
  else lines.push(array('X', state.embeddings, `token vectors, one row per token (${state.embeddings.length}, ${state.embeddings[0].length})`));
  if (!projections) return lines;
  lines.push(
    array('Wq', state.wq, `(${state.wq.length}, ${state.wq[0].length})`),
    array('Wk', state.wk),
    array('Wv', state.wv),
    '',
    'Q = X @ Wq   # queries, one row per token',
    'K = X @ Wk   # keys',
    'V = X @ Wv   # values',
  );
  if (state.mode === 'direct') lines.push('# (with one-hot tokens, X @ W is W itself: row i is token i’s query, key or value)');
  return lines;
}

const settings = (state) => [`T = ${pyNumber(state.temperature)}   # temperature`, 'd = K.shape[1]   # length of a key'];
const target = (state) => `target = np.array(${row(state.target[0])})   # what A’s output should have been`;
const focus = (example) => [`q = Q[${FOCUS}]   # ${example.tokens[FOCUS]}’s query, the token being worked on`, 'scores = K @ q   # A’s query dotted with every key: one score per token'];

// Step 7's forward pass for the token A, as a function of everything that can learn, so that a
// finite difference can call it again with one number nudged.
function forward(normalize) {
  return [
    `def forward(X, Wq, Wk, Wv, target):`,
    `    Q, K, V = X @ Wq, X @ Wk, X @ Wv`,
    `    q = Q[${FOCUS}]`,
    '    scores = K @ q',
    ...normalise(normalize).map((l) => `    ${l.split('   #')[0]}`),
    '    output = weights @ V',
    '    loss = 0.5 * np.sum((output - target) ** 2)   # L = ½ Σ (output − target)²',
    '    return Q, K, V, q, scores, weights, output, loss',
  ];
}

// The backward pass by hand: the chain rule, op by op, in the reverse of the forward's order.
function backward(normalize) {
  const through = {
    sum: ['d_scores = (d_weights - d_weights @ weights) / scores.sum()   # weights = scores / sum'],
    softmax: ['d_scores = weights * (d_weights - d_weights @ weights) / T   # weights = softmax(scores / T)'],
    'scaled-softmax': ['d_scores = weights * (d_weights - d_weights @ weights) / (T * np.sqrt(d))   # weights = softmax(scores / (T√d))'],
  }[normalize];
  return [
    'd_output = output - target            # ∂L/∂output',
    'd_weights = V @ d_output              # output = weights @ V',
    'd_V = np.outer(weights, d_output)',
    ...through,
    'd_q = d_scores @ K                    # scores = K @ q',
    'd_K = np.outer(d_scores, q)',
    'd_Q = np.zeros_like(Q)',
    `d_Q[${FOCUS}] = d_q                         # q = Q[${FOCUS}]: only A's query is used`,
    'd_Wq, d_Wk, d_Wv = X.T @ d_Q, X.T @ d_K, X.T @ d_V   # Q = X @ Wq, K = X @ Wk, V = X @ Wv',
    'd_X = d_Q @ Wq.T + d_K @ Wk.T + d_V @ Wv.T          # X feeds all three',
  ];
}

const learning = (state) => [
  ...settings(state),
  target(state),
  '',
  ...SOFTMAX,
  '',
  ...forward(state.normalize),
  '',
  'Q, K, V, q, scores, weights, output, loss = forward(X, Wq, Wk, Wv, target)',
];

// Each step: formula: what it computes, in TeX; numbers(results, { engine, example, state }): what the step starts from
// (given) and what it finds (found, named as the program prints them), from compute()'s results
// and the engine; body: its program's lines.
const STEPS = {
  1: {
    formula: String.raw`\text{token } i \text{ is the vector } x_i \text{, row } i \text{ of } X`,
    numbers: (r, { example }) => ({ given: {}, found: Object.fromEntries(example.tokens.map((t, i) => [t, r.embeddings[i]])) }),
    body: (state, example) => [
      ...inputs(state, example, { projections: false }),
      '',
      'for name, x in zip(tokens, X):',
      '    print(name, "=", x.tolist())',
    ],
  },
  2: {
    formula: String.raw`Q = X W_q,\quad K = X W_k,\quad V = X W_v`,
    numbers: (r, { state }) => ({ given: { X: r.embeddings, Wq: state.wq, Wk: state.wk, Wv: state.wv }, found: { Q: r.queries, K: r.keys, V: r.values } }),
    body: (state, example) => [...inputs(state, example), '', show('Q', 'Q.tolist()'), show('K', 'K.tolist()'), show('V', 'V.tolist()')],
  },
  3: {
    formula: String.raw`\text{score}_j = q \cdot k_j = \sum_i q_i\,k_{j,i} \qquad \text{(the products } q_i\,k_{j,i}\text{)}`,
    numbers: (r) => ({ given: { q: r.queries[FOCUS], K: r.keys }, found: { products: r.products, scores: r.normalizers.softmax.scores[0] } }),
    body: (state, example) => [
      ...inputs(state, example), '', ...focus(example),
      'products = K * q   # the terms of each dot product, one row per key',
      '', show('products', 'products.tolist()'), show('scores', 'scores.tolist()'),
    ],
  },
  4: {
    formula: String.raw`\text{divide-by-sum: } w_j = \frac{s_j}{\sum_i s_i} \qquad \text{softmax: } w_j = \frac{e^{s_j/T}}{\sum_i e^{s_i/T}} \qquad \text{scaled: } \frac{s}{T\sqrt{d}} \text{ in place of } \frac{s}{T}`,
    numbers: (r, { state }) => ({
      given: { scores: r.normalizers.softmax.scores[0], T: state.temperature, d: r.keys[0].length },
      found: {
        ...(r.normalizers.sum.error ? {} : { 'weights (divide-by-sum)': r.normalizers.sum.weights[0] }),
        'weights (softmax)': r.normalizers.softmax.weights[0], 'weights (scaled softmax)': r.normalizers['scaled-softmax'].weights[0],
      },
    }),
    body: (state, example) => [
      ...inputs(state, example), '', ...focus(example), ...settings(state), '', ...SOFTMAX, '',
      'if scores.sum() != 0:   # divide-by-sum has no answer when the scores add up to 0',
      `    ${normalise('sum')[0]}`,
      `    ${show('weights (divide-by-sum)', 'weights.tolist()')}`,
      ...normalise('softmax'), show('weights (softmax)', 'weights.tolist()'),
      ...normalise('scaled-softmax'), show('weights (scaled softmax)', 'weights.tolist()'),
      `# steps 5, 6, 7 and 9 use ${NORMALIZER_NAME[state.normalize]}`,
    ],
  },
  5: {
    formula: String.raw`\text{part}_j = w_j\,v_j, \qquad \text{output} = \sum_j w_j\,v_j`,
    numbers: (r, { state }) => ({
      using: state.stated ? t('normalize.stated') : t(NORMALIZER_KEY[state.normalize]),
      given: { weights: r.chosen.weights[0], V: r.values }, found: { parts: r.parts, output: r.chosen.output[0] },
    }),
    body: (state, example) => [
      ...inputs(state, example), '',
      ...(state.stated
        ? [`weights = np.array(${row(example.statedWeights[0])})   # the explanation’s weights for A`]
        : [...focus(example), ...settings(state), '', ...SOFTMAX, '', `# ${NORMALIZER_NAME[state.normalize]}, as chosen in step 4`, ...normalise(state.normalize)]),
      'parts = weights[:, None] * V   # each value times the weight A gives it',
      'output = weights @ V           # their sum: A’s new vector',
      '', show('weights', 'weights.tolist()'), show('parts', 'parts.tolist()'), show('output', 'output.tolist()'),
    ],
  },
  6: {
    formula: String.raw`\text{scores} = Q K^\top, \qquad \text{weights} = \text{normalise}(\text{scores}) \text{ row by row}, \qquad \text{output} = \text{weights}\; V`,
    numbers: (r, { state }) => ({
      using: state.causal ? t('code.withMask', { normalizer: t(NORMALIZER_KEY[state.normalize]) }) : t(NORMALIZER_KEY[state.normalize]),
      given: { Q: r.queries, K: r.keys, V: r.values, T: state.temperature }, found: { scores: r.all.scores, weights: r.all.weights, output: r.all.output },
    }),
    body: (state, example) => [
      ...inputs(state, example), '', ...settings(state), '', ...SOFTMAX, '',
      'scores = Q @ K.T   # row i: token i’s query dotted with every key',
      ...(state.causal
        ? ['allowed = np.tril(np.ones(scores.shape, dtype=bool))   # causal mask: no token looks at the ones after it',
          state.normalize === 'sum' ? 'masked = np.where(allowed, scores, 0.0)' : 'masked = np.where(allowed, scores, -np.inf)   # exp(−∞) = 0: a hidden token gets no weight',
          ...normalise(state.normalize, 'masked')]
        : normalise(state.normalize)),
      'output = weights @ V   # row i: token i’s weighted sum of the values',
      '', show('scores', 'scores.tolist()'), show('weights', 'weights.tolist()'), show('output', 'output.tolist()'),
    ],
  },
  7: {
    formula: String.raw`L = \tfrac12 \sum (\text{output} - \text{target})^2, \qquad \frac{\partial L}{\partial x} \text{ for every number } x \text{, by the chain rule}`,
    numbers: (r, { state }) => {
      const { loss, output, grad } = r.learning;
      return {
        using: t(NORMALIZER_KEY[state.normalize]),
        given: { X: r.embeddings, Wq: state.wq, Wk: state.wk, Wv: state.wv, target: state.target[0], T: state.temperature },
        found: {
          output: output[0], loss, d_output: grad.output[0], d_weights: grad.weights[0], d_scores: grad.scores[0], d_Q: grad.queries,
          d_K: grad.keys, d_V: grad.values, d_Wq: grad.wq, d_Wk: grad.wk, d_Wv: grad.wv,
        },
      };
    },
    body: (state, example) => [
      ...inputs(state, example), '', ...learning(state), '',
      '# Backward: the chain rule, one operation at a time, from the loss back to every input.',
      ...backward(state.normalize),
      '',
      show('loss', 'float(loss)'), show('output', 'output.tolist()'), show('d_output', 'd_output.tolist()'),
      show('d_weights', 'd_weights.tolist()'), show('d_scores', 'd_scores.tolist()'), show('d_Q', 'd_Q.tolist()'),
      show('d_K', 'd_K.tolist()'), show('d_V', 'd_V.tolist()'), show('d_Wq', 'd_Wq.tolist()'), show('d_Wk', 'd_Wk.tolist()'),
      show('d_Wv', 'd_Wv.tolist()'),
      '',
      `# Check every matrix entry with a finite difference: nudge it by ±ε, see how the loss moves.`,
      `eps = ${pyNumber(state.epsilon)}   # the nudge ε`,
      'def measured(M):',
      '    g = np.zeros_like(M)',
      '    for i in np.ndindex(M.shape):',
      '        saved = M[i]',
      '        M[i] = saved + eps; up = forward(X, Wq, Wk, Wv, target)[-1]',
      '        M[i] = saved - eps; down = forward(X, Wq, Wk, Wv, target)[-1]',
      '        M[i] = saved',
      '        g[i] = (up - down) / (2 * eps)',
      '    return g',
      'gap = max(np.abs(measured(M) - g).max() for M, g in [(Wq, d_Wq), (Wk, d_Wk), (Wv, d_Wv), (X, d_X)])',
      show('largest gap between the chain rule and the nudge', 'float(gap)'),
    ],
  },
  8: {
    formula: String.raw`\text{soft: } w = \text{softmax}(s/T) \qquad \text{hard: } w_j = 1 \text{ for the top score, else } 0 \text{ (no gradient passes the choice)}`,
    numbers: (r, { state }) => ({
      given: { q: r.queries[FOCUS], K: r.keys, V: r.values, target: state.target[0], T: state.temperature },
      found: Object.fromEntries(['soft', 'hard'].flatMap((side) => [
        [`${side} weights`, r[side].weights[0]], [`${side} d_scores`, r[side].grad.scores[0]], [`${side} d_q`, r[side].grad.queries[FOCUS]],
        [`${side} d_K`, r[side].grad.keys], [`${side} d_V`, r[side].grad.values],
      ])),
    }),
    body: (state, example) => [
      ...inputs(state, example), '', ...settings(state), target(state),
      '', ...SOFTMAX, '',
      'def hard(s):',
      '    return np.eye(len(s))[np.argmax(s)]   # all of the unit to the top score',
      '',
      ...focus(example),
      'for name in ["soft", "hard"]:',
      '    weights = softmax(scores / T) if name == "soft" else hard(scores)',
      '    output = weights @ V',
      '    d_output = output - target',
      '    d_weights = V @ d_output',
      '    if name == "soft":',
      '        d_scores = weights * (d_weights - d_weights @ weights) / T',
      '    else:',
      '        d_scores = np.zeros_like(scores)   # the choice does not change under a small nudge: no gradient',
      '    print(name, "weights =", weights.tolist())',
      '    print(name, "d_scores =", d_scores.tolist())',
      '    print(name, "d_q =", (d_scores @ K).tolist())',
      '    print(name, "d_K =", np.outer(d_scores, q).tolist())',
      '    print(name, "d_V =", np.outer(weights, d_output).tolist())',
    ],
  },
  9: {
    formula: String.raw`X_{\text{next}} = X - \text{rate}\cdot \frac{\partial L}{\partial X}`,
    numbers: (r, { engine, example, state }) => {
      const next = r.embeddingStep.embeddings;
      const after = engine.selfAttention(learningArgs({ ...state, mode: 'projected', embeddings: next }, example.tokens)).loss;
      return { using: t(NORMALIZER_KEY[state.normalize]), given: { X: r.embeddings, rate: state.embeddingRate }, found: { d_X: r.learning.grad.embeddings, X_next: next, 'loss after the step': after } };
    },
    body: (state, example) => [
      ...inputs(state, example), '', ...learning(state), '', ...backward(state.normalize), '',
      `rate = ${pyNumber(state.embeddingRate)}   # the step size for the token vectors`,
      'X_next = X - rate * d_X   # one step of gradient descent on the token vectors',
      '', show('d_X', 'd_X.tolist()'), show('X_next', 'X_next.tolist()'),
      show('loss after the step', 'float(forward(X_next, Wq, Wk, Wv, target)[-1])'),
    ],
  },
};

export const STEP_NUMBERS = Object.keys(STEPS).map(Number);

// The program of step `step` (1–9) for the page state, as plain text.
export function stepCode(step, state, example) {
  const s = STEPS[step];
  if (!s) throw new Error(`no code for step ${step}`);
  return [`# Step ${step} of “Attention, Explained Live”, with the numbers on the page now.`, ...s.body(state, example)].join('\n') + '\n';
}

// The parts of compute()'s results a step reads, beyond those every state has.
const NEEDS = { 5: ['chosen'], 6: ['all'], 7: ['learning'], 8: ['soft', 'hard'], 9: ['learning', 'embeddingStep'] };

// A step's numbers, read from compute(engine, example, state)'s results: { given, found, using? },
// given and found { name: number | vector | matrix }, using: how the weights are made, in words;
// or { error } (the engine's reason) when the step has no numbers for this state. The program
// prints every one of `found` under its name (the tests compare them); the worksheet shows
// `given` and leaves `found` blank or fills it in.
export function stepNumbers(step, results, { engine, example, state }) {
  const error = (NEEDS[step] ?? []).map((part) => results[part].error).find(Boolean);
  return error ? { error } : STEPS[step].numbers(results, { engine, example, state });
}

// What a step computes, in TeX (the worksheet typesets it under the step's title).
export const stepFormula = (step) => STEPS[step].formula;
