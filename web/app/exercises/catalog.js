// Every step's exercises, as data in the vocabulary of vocabulary.js (the one home of the
// questions; their answers and sentences come from the engine's numbers on the reader's state).
// Keyed by the step's section name, in page order.
export const CATALOG = {
  tokens: [
    {
      id: 'query-entry', as: 'number', answer: { quantity: 'query', by: 'A', entry: 2 },
      question: 'The next step multiplies A’s vector by a table of numbers, Wq, to get A’s query. While A’s vector is one-hot (a 1 in place 1, 0 elsewhere) that picks out one row of the table. Guess entry 2 of A’s query.',
    },
    {
      id: 'token-steers', title: 'Make A pay most attention to B by editing only A’s token vector.',
      hint: 'A’s vector makes A’s query and A’s own key (step 2). Lower entry 1 and raise entry 2, and watch A’s scores in step 3.',
      goal: { quantity: 'top', by: 'A', normalize: 'softmax', is: 'B' }, cells: ['embeddings.A'],
    },
  ],
  projections: [
    {
      id: 'same-way', as: 'sign', answer: { quantity: 'score', of: 'C' },
      question: 'Will A’s query and C’s key point roughly the same way (their dot product, step 3, is positive) or opposite ways (negative)?',
    },
    {
      id: 'opposite-key', title: 'Turn C’s key against A’s query: make A’s score for C negative by editing only C’s key.',
      hint: 'A score is A’s query times the key, entry by entry, added up. Give C’s key the opposite sign of A’s query where A’s query is large.',
      goal: { quantity: 'score', of: 'C', below: 0 }, cells: ['wk.C'],
    },
  ],
  scores: [
    {
      id: 'attend-most', as: 'token', answer: { quantity: 'top', normalize: 'softmax' },
      question: 'Before you look at the weights: which token will A attend to most?',
    },
    {
      id: 'b-wins', title: 'Make B win A’s attention (the highest score) by editing only B’s key.',
      hint: 'A score adds up A’s query times the key, entry by entry. Raise B’s key where A’s query is positive and lower it where A’s query is negative.',
      goal: { quantity: 'top', by: 'A', normalize: 'softmax', is: 'B' }, cells: ['wk.B'],
    },
  ],
  normalize: [
    {
      id: 'weights-add-up', as: 'number', answer: { quantity: 'weight-sum', normalize: 'softmax' },
      question: 'What do A’s softmax weights add up to?',
    },
    {
      id: 'cold', as: 'direction', answer: { quantity: 'cooled-top-weight', temperature: 0.05 },
      question: 'Turn the temperature down towards 0 (0.05). Does the largest softmax weight go up, down, or not change?',
    },
    {
      id: 'sum-breaks', title: 'Make divide-by-sum fail: give C a negative weight by editing only C’s key.',
      hint: 'Divide-by-sum divides each score by their total. Make C’s score negative while the total stays positive.',
      goal: { quantity: 'weight', of: 'C', normalize: 'sum', below: 0 }, cells: ['wk.C'],
    },
  ],
  'weighted-sum': [
    {
      id: 'largest-entry', as: 'entry', answer: { quantity: 'top-output' },
      question: 'A’s output blends the values by A’s weights. Which entry of A’s output will be the largest?',
    },
    {
      id: 'stated-weights', title: 'Make the softmax weights come within 0.01 of the explanation’s 0.1, 0.4 and 0.5 by editing B’s and C’s keys.',
      hint: 'Softmax weights depend only on how far apart the scores are. For weights in the ratio 1 : 4 : 5, B’s score must beat A’s by ln 4 (e to that power is 4) and C’s by ln 5.',
      goal: { quantity: 'stated-gap', below: 0.01 }, cells: ['wk.B', 'wk.C'],
    },
  ],
  'all-tokens': [
    {
      id: 'masked-self', as: 'number', answer: { quantity: 'weight', by: 'B', of: 'B', normalize: 'softmax', causal: true },
      question: 'With the causal mask on, B may look only at A and at itself. What weight does B give itself (to two decimals)?',
    },
    {
      id: 'b-looks-at-c', title: 'Make B attend most to C (B’s row of the map) by editing only B’s query.',
      hint: 'B’s row uses B’s own query with everyone’s keys. Point B’s query the way C’s key points.',
      goal: { quantity: 'top', by: 'B', normalize: 'softmax', is: 'C' }, cells: ['wq.B'],
    },
  ],
  gradients: [
    {
      id: 'b-score-move', as: 'direction', answer: { quantity: 'score-move', of: 'B' },
      question: 'One step of gradient descent towards the target: will B’s score go up or down?',
    },
    {
      id: 'b-score-up', title: 'Find a target for which B’s score should go up.',
      hint: 'Look at B’s value in step 5. If the target asks for more of what B’s value offers, A should look at B more.',
      goal: { quantity: 'score-move', of: 'B', above: 0 }, cells: ['target'],
    },
  ],
  'soft-hard': [
    {
      id: 'hard-moves', as: 'direction', answer: { quantity: 'learned-score-change', of: 'C', normalize: 'hard', steps: 30 },
      question: 'With hard attention, take 30 steps of gradient descent on Wq and Wk. Will A’s score for C go up, down, or not change?',
    },
    {
      id: 'hard-learns', title: 'Make hard attention learn where to look: find a target for which 30 steps of learning raise A’s score for A.',
      hint: 'Try a few targets, then press “show me”: watch what the gradients of Wq and Wk are under hard attention.',
      goal: { quantity: 'learned-score-change', of: 'A', normalize: 'hard', steps: 30, above: 0.1 }, cells: ['target'],
    },
  ],
  embeddings: [
    {
      id: 'vector-move', as: 'direction', answer: { quantity: 'embedding-move', token: 'A', entry: 1 },
      question: 'One step of learning on the token vectors: will entry 1 of A’s vector go up or down?',
    },
    {
      id: 'low-loss', title: 'Bring the loss below 0.1 by editing only the token vectors.',
      hint: 'Step 9’s button moves every token vector downhill; you may also type numbers. A’s output must land on the target.',
      goal: { quantity: 'loss', below: 0.1 }, cells: ['embeddings'],
    },
  ],
  training: [
    {
      id: 'nobody-says', as: 'direction', answer: { quantity: 'learned-weight-change', of: 'B', normalize: 'softmax', steps: 30 },
      question: 'Nobody tells A where to look: the target only says what A’s output should be. After 30 steps of learning Wq and Wk with softmax, will A’s weight on B go up or down?',
    },
    {
      id: 'target-steers', title: 'Without touching Wq or Wk, make 5 steps of learning raise A’s score for B by more than 0.5: edit only the target.',
      hint: 'Ask for an output that looks like B’s value (step 5 shows it): to get there, learning has to make A look at B.',
      goal: { quantity: 'learned-score-change', of: 'B', normalize: 'softmax', steps: 5, above: 0.5 }, cells: ['target'],
    },
  ],
};
