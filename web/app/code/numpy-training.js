// A standalone NumPy script that trains the page's tiny model (step 10) as the engine trains it:
// the same corpus, the initial weights the engine made from the seed (written into the script),
// the same batch order (the engine's splitmix64 stream, redone exactly with Python's integers),
// the same forward, cross-entropy, backward and Adam. No DOM; tests/js/numpy-code.test.mjs runs it.
import { pyNumber } from './numpy-steps.js';

// A JSON value as a Python literal (a whole number stays an int: the config's sizes index arrays).
function py(value) {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(', ')}}`;
}

// model: a fresh model's toJSON() (config, vocabulary and the initial parameters, from the engine);
// sentences: the training split (engine.corpus().train); steps: how many steps to take.
export function trainingScript(model, sentences, steps) {
  const { config, vocabulary, parameters } = model;
  const weights = Object.entries(parameters).map(([name, { rows, cols, data }]) =>
    `    ${JSON.stringify(name)}: np.array([${data.map(pyNumber).join(', ')}]).reshape(${rows}, ${cols}),`);
  return [
    '# Trains the tiny next-word model of "Attention, Explained Live" (step 10) with NumPy alone:',
    `# the same sentences, the same initial weights (made by the engine from seed ${config.seed}) and the`,
    '# same batches, so it prints the losses the page shows. Run: python3 train.py',
    'import numpy as np',
    '',
    `steps = ${steps}`,
    `config = ${py(config)}`,
    `vocabulary = ${py(vocabulary)}`,
    '# the training sentences, in the engine\'s order',
    `sentences = ${py(sentences)}`,
    '# every parameter at step 0, as the engine made it from the seed',
    'P = {',
    ...weights,
    '}',
    '',
    String.raw`# ---- the model: token + position embeddings -> causal self-attention layers -> next-word scores ----
d, heads, layers, context = config["d"], config["heads"], config["layers"], config["context"]
dh = d // heads   # width of one head
ids_of = {word: i for i, word in enumerate(vocabulary)}

def window(sentence):
    """<bos> sentence <eos> as word ids (unknown words: <unk>), cut to fit the context + 1."""
    ids = [0] + [ids_of.get(w, 2) for w in sentence.lower().split()] + [1]
    return ids[:context + 1]

windows = [window(s) for s in sentences]

def splitmix64(state):
    """The engine's random numbers: returns (next state, 64 random bits)."""
    state = (state + 0x9E3779B97F4A7C15) % 2**64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % 2**64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % 2**64
    return state, z ^ (z >> 31)

def below(n):
    """A random whole number from 0 to n - 1, drawn as the engine draws it."""
    global rng
    limit = 2**64 - 1 - (2**64 - 1) % n   # reject the uneven tail
    while True:
        rng, x = splitmix64(rng)
        if x < limit:
            return x % n

rng = config["seed"] ^ 0x6261746368   # the batch order has its own stream of the seed

def softmax(s):
    e = np.exp(s - s.max(axis=-1, keepdims=True))   # subtract the largest first: same weights, no overflow
    return e / e.sum(axis=-1, keepdims=True)

def norm(x, name):
    """Layer norm (when the model has it): each row to mean 0 and variance 1, then gain and bias."""
    if not config["layerNorm"]:
        return x, None
    centred = x - x.mean(axis=1, keepdims=True)
    inv_std = 1 / np.sqrt((centred ** 2).mean(axis=1, keepdims=True) + 1e-5)
    xhat = centred * inv_std
    return xhat * P[name + "_gain"] + P[name + "_bias"], (name, xhat, inv_std)

def norm_back(dy, cache):
    if cache is None:
        return dy
    name, xhat, inv_std = cache
    G[name + "_gain"] += (dy * xhat).sum(axis=0, keepdims=True)
    G[name + "_bias"] += dy.sum(axis=0, keepdims=True)
    dxhat = dy * P[name + "_gain"]
    return (dxhat - dxhat.mean(axis=1, keepdims=True) - xhat * (dxhat * xhat).mean(axis=1, keepdims=True)) * inv_std

def loss_and_gradients(batch):
    """Forward over a batch of windows, the mean next-word cross-entropy, and every gradient into G."""
    ids = np.concatenate([w[:-1] for w in batch])           # inputs: all but the last word
    targets = np.concatenate([w[1:] for w in batch])        # targets: the word after each input
    positions = np.concatenate([np.arange(len(w) - 1) for w in batch])
    spans = np.cumsum([0] + [len(w) - 1 for w in batch])    # each window attends only within itself
    x = P["token_embedding"][ids] + P["position_embedding"][positions]   # (N, d)
    caches = []
    for l in range(layers):
        L = f"layer{l}."
        h, c1 = norm(x, L + "ln1")
        q, k, v = h @ P[L + "wq"], h @ P[L + "wk"], h @ P[L + "wv"]   # (N, d)
        out = np.zeros_like(q)
        weights = {}
        for s in range(len(batch)):
            a, b = spans[s], spans[s + 1]
            n = b - a
            allowed = np.tril(np.ones((n, n), dtype=bool)) if config["attention"] else np.eye(n, dtype=bool)
            for hd in range(heads):
                c = slice(hd * dh, (hd + 1) * dh)
                scores = q[a:b, c] @ k[a:b, c].T / np.sqrt(dh)   # scaled scores (causal mask below)
                w = softmax(np.where(allowed, scores, -np.inf))
                weights[s, hd] = w
                out[a:b, c] = w @ v[a:b, c]
        x_mid = x + out @ P[L + "wo"]
        cache = dict(x=x, h=h, c1=c1, q=q, k=k, v=v, out=out, weights=weights)
        x = x_mid
        if config["mlp"]:
            h2, c2 = norm(x, L + "ln2")
            pre = h2 @ P[L + "mlp_w1"] + P[L + "mlp_b1"]
            hidden = np.maximum(pre, 0)   # ReLU
            x = x + hidden @ P[L + "mlp_w2"] + P[L + "mlp_b2"]
            cache.update(h2=h2, c2=c2, pre=pre, hidden=hidden)
        caches.append(cache)
    hf, cf = norm(x, "final_ln")
    logits = hf @ P["unembedding"] + P["unembedding_bias"]   # (N, vocabulary)
    probs = softmax(logits)
    loss = -np.mean(np.log(probs[np.arange(len(targets)), targets]))

    # backward: the chain rule, from the loss back through every operation
    d_logits = probs.copy()
    d_logits[np.arange(len(targets)), targets] -= 1
    d_logits /= len(targets)
    G["unembedding"] += hf.T @ d_logits
    G["unembedding_bias"] += d_logits.sum(axis=0, keepdims=True)
    dx = norm_back(d_logits @ P["unembedding"].T, cf)
    for l in reversed(range(layers)):
        L, c = f"layer{l}.", caches[l]
        if config["mlp"]:
            G[L + "mlp_w2"] += c["hidden"].T @ dx
            G[L + "mlp_b2"] += dx.sum(axis=0, keepdims=True)
            d_pre = (dx @ P[L + "mlp_w2"].T) * (c["pre"] > 0)
            G[L + "mlp_w1"] += c["h2"].T @ d_pre
            G[L + "mlp_b1"] += d_pre.sum(axis=0, keepdims=True)
            dx = dx + norm_back(d_pre @ P[L + "mlp_w1"].T, c["c2"])
        G[L + "wo"] += c["out"].T @ dx
        d_out = dx @ P[L + "wo"].T
        dq, dk, dv = np.zeros_like(c["q"]), np.zeros_like(c["k"]), np.zeros_like(c["v"])
        for s in range(len(batch)):
            a, b = spans[s], spans[s + 1]
            for hd in range(heads):
                cs = slice(hd * dh, (hd + 1) * dh)
                w = c["weights"][s, hd]
                dw = d_out[a:b, cs] @ c["v"][a:b, cs].T
                dv[a:b, cs] += w.T @ d_out[a:b, cs]
                d_scores = w * (dw - (dw * w).sum(axis=1, keepdims=True)) / np.sqrt(dh)   # softmax backward
                dq[a:b, cs] += d_scores @ c["k"][a:b, cs]
                dk[a:b, cs] += d_scores.T @ c["q"][a:b, cs]
        h = c["h"]
        G[L + "wq"] += h.T @ dq
        G[L + "wk"] += h.T @ dk
        G[L + "wv"] += h.T @ dv
        dx = dx + norm_back(dq @ P[L + "wq"].T + dk @ P[L + "wk"].T + dv @ P[L + "wv"].T, c["c1"])
    np.add.at(G["token_embedding"], ids, dx)
    np.add.at(G["position_embedding"], positions, dx)
    return loss

# ---- Adam, as the engine runs it ----
lr, beta1, beta2, eps = config["learningRate"], 0.9, 0.999, 1e-8
m = {name: np.zeros_like(p) for name, p in P.items()}
v = {name: np.zeros_like(p) for name, p in P.items()}
beta1_power = beta2_power = 1.0

for step in range(1, steps + 1):
    batch = [windows[below(len(windows))] for _ in range(config["batch"])]
    G = {name: np.zeros_like(p) for name, p in P.items()}
    loss = loss_and_gradients(batch)
    beta1_power *= beta1
    beta2_power *= beta2
    for name in P:
        m[name] = beta1 * m[name] + (1 - beta1) * G[name]
        v[name] = beta2 * v[name] + (1 - beta2) * G[name] ** 2
        P[name] -= lr * (m[name] / (1 - beta1_power)) / (np.sqrt(v[name] / (1 - beta2_power)) + eps)
    print("step", step, "loss =", float(loss))
`,
  ].join('\n');
}
