// Every step's exercises, as data in the vocabulary of vocabulary.js; their words (a prediction's
// question, a challenge's title and hint) are the catalogue's exercises.<id>.* keys
// (read-catalog.js puts them in), their answers and sentences come from the engine's numbers on
// the reader's state.
// Keyed by the step's section name, in page order.
export const CATALOG = {
  tokens: [
    { id: 'query-entry', as: 'number', answer: { quantity: 'query', by: 'A', entry: 2 } },
    {
      id: 'token-steers', goal: { quantity: 'top', by: 'A', normalize: 'softmax', is: 'B' }, cells: ['embeddings.A'],
    },
  ],
  projections: [
    { id: 'same-way', as: 'sign', answer: { quantity: 'score', of: 'C' } },
    { id: 'opposite-key', goal: { quantity: 'score', of: 'C', below: 0 }, cells: ['wk.C'] },
  ],
  scores: [
    { id: 'attend-most', as: 'token', answer: { quantity: 'top', normalize: 'softmax' } },
    { id: 'b-wins', goal: { quantity: 'top', by: 'A', normalize: 'softmax', is: 'B' }, cells: ['wk.B'] },
  ],
  normalize: [
    { id: 'weights-add-up', as: 'number', answer: { quantity: 'weight-sum', normalize: 'softmax' } },
    { id: 'cold', as: 'direction', answer: { quantity: 'cooled-top-weight', temperature: 0.05 } },
    {
      id: 'sum-breaks', goal: { quantity: 'weight', of: 'C', normalize: 'sum', below: 0 }, cells: ['wk.C'],
    },
  ],
  'weighted-sum': [
    { id: 'largest-entry', as: 'entry', answer: { quantity: 'top-output' } },
    { id: 'stated-weights', goal: { quantity: 'stated-gap', below: 0.01 }, cells: ['wk.B', 'wk.C'] },
  ],
  'all-tokens': [
    { id: 'masked-self', as: 'number', answer: { quantity: 'weight', by: 'B', of: 'B', normalize: 'softmax', causal: true } },
    {
      id: 'b-looks-at-c', goal: { quantity: 'top', by: 'B', normalize: 'softmax', is: 'C' }, cells: ['wq.B'],
    },
  ],
  gradients: [
    { id: 'b-score-move', as: 'direction', answer: { quantity: 'score-move', of: 'B' } },
    { id: 'b-score-up', goal: { quantity: 'score-move', of: 'B', above: 0 }, cells: ['target'] },
  ],
  'soft-hard': [
    { id: 'hard-moves', as: 'direction', answer: { quantity: 'learned-score-change', of: 'C', normalize: 'hard', steps: 30 } },
    {
      id: 'hard-learns', goal: { quantity: 'learned-score-change', of: 'A', normalize: 'hard', steps: 30, above: 0.1 }, cells: ['target'],
    },
  ],
  embeddings: [
    { id: 'vector-move', as: 'direction', answer: { quantity: 'embedding-move', token: 'A', entry: 1 } },
    { id: 'low-loss', goal: { quantity: 'loss', below: 0.1 }, cells: ['embeddings'] },
  ],
  training: [
    { id: 'nobody-says', as: 'direction', answer: { quantity: 'learned-weight-change', of: 'B', normalize: 'softmax', steps: 30 } },
    {
      id: 'target-steers', goal: { quantity: 'learned-score-change', of: 'B', normalize: 'softmax', steps: 5, above: 0.5 }, cells: ['target'],
    },
  ],
};
