// The demo model written with TensorFlow.js, layer for layer as src/model/model.cpp: token +
// position embeddings, one causal self-attention layer (heads, scaled softmax, output projection,
// residual, optional 4d ReLU MLP), unembedding with bias, mean next-word cross-entropy, Adam.
// Sequences are padded to the batch's longest; padding is masked out of the loss, and the causal
// mask already keeps real tokens from looking at it.

// Our model's toJSON() -> tf.variables with the same values.
export function variablesFrom(tf, json) {
  const vars = {};
  for (const [name, p] of Object.entries(json.parameters)) vars[name] = tf.variable(tf.tensor2d(p.data, [p.rows, p.cols]), true, name);
  return vars;
}

// Sentences -> padded token ids (B, T), targets (B*T) and a 0/1 mask (B*T), as the trainer's windows.
export function encodeBatch(vocabulary, sentences, context) {
  const ids = new Map(vocabulary.map((w, i) => [w, i]));
  const windows = sentences.map((s) => {
    const tokens = [0, ...s.toLowerCase().split(/\s+/).filter(Boolean).map((w) => ids.get(w) ?? 2), 1];
    return tokens.slice(0, context + 1);
  });
  const T = Math.max(...windows.map((w) => w.length - 1));
  const inputs = [], targets = [], mask = [];
  for (const w of windows) {
    for (let t = 0; t < T; t++) {
      const real = t < w.length - 1;
      inputs.push(real ? w[t] : 0);
      targets.push(real ? w[t + 1] : 0);
      mask.push(real ? 1 : 0);
    }
  }
  return { B: windows.length, T, inputs, targets, mask };
}

// lookup: 'gather' (as our engine), or 'one-hot' (one-hot rows times the table: the same values,
// for a backend without gather's gradient kernel).
export function loss(tf, vars, config, batch, lookup = 'gather') {
  const { B, T } = batch;
  const d = config.d, H = config.heads, dh = d / H, V = vars.token_embedding.shape[0];
  const ids = tf.tensor2d(batch.inputs, [B, T], 'int32');
  const embed = lookup === 'gather'
    ? tf.gather(vars.token_embedding, ids)
    : tf.reshape(tf.matMul(tf.oneHot(tf.reshape(ids, [B * T]), V), vars.token_embedding), [B, T, d]);
  const positions = lookup === 'gather'
    ? tf.gather(vars.position_embedding, tf.range(0, T, 1, 'int32'))
    : tf.slice(vars.position_embedding, [0, 0], [T, d]);
  let x = tf.add(embed, positions);   // (B, T, d)
  const flat = (t) => tf.reshape(t, [B * T, -1]);
  const heads = (t) => tf.transpose(tf.reshape(t, [B, T, H, dh]), [0, 2, 1, 3]);                        // (B, H, T, dh)
  const q = heads(tf.matMul(flat(x), vars['layer0.wq']));
  const k = heads(tf.matMul(flat(x), vars['layer0.wk']));
  const v = heads(tf.matMul(flat(x), vars['layer0.wv']));
  const causal = tf.linalg.bandPart(tf.ones([T, T]), -1, 0);                                              // 1 on and below the diagonal
  const scores = tf.add(tf.div(tf.matMul(q, k, false, true), Math.sqrt(dh)), tf.mul(tf.sub(1, causal), -1e9));
  const attended = tf.reshape(tf.transpose(tf.matMul(tf.softmax(scores), v), [0, 2, 1, 3]), [B * T, d]);
  x = tf.add(flat(x), tf.matMul(attended, vars['layer0.wo']));                                            // (B*T, d)
  if (config.mlp) {
    const hidden = tf.relu(tf.add(tf.matMul(x, vars['layer0.mlp_w1']), vars['layer0.mlp_b1']));
    x = tf.add(x, tf.add(tf.matMul(hidden, vars['layer0.mlp_w2']), vars['layer0.mlp_b2']));
  }
  const logits = tf.add(tf.matMul(x, vars.unembedding), vars.unembedding_bias);                          // (B*T, V)
  const picked = tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(tf.tensor1d(batch.targets, 'int32'), V)), 1);
  const mask = tf.tensor1d(batch.mask);
  return tf.div(tf.neg(tf.sum(tf.mul(picked, mask))), tf.sum(mask));
}

export function adam(tf, learningRate) {
  return tf.train.adam(learningRate, 0.9, 0.999, 1e-8);
}
