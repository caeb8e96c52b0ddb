// The catalogue keys the code builds from a list instead of writing them out (every other key is
// written whole, as a string, where it is used): the one place the catalogue test
// (tests/js/catalogues.test.mjs) reads them from.
import { GLOSSARY, glossaryKeys } from '../glossary.js';
import { CATALOG } from '../exercises/catalog.js';
import { exerciseKeys } from '../exercises/read-catalog.js';

// The engine errors a reader can cause from the page, by the code the engine gives them
// (src/attention: attention.cpp, learning.cpp; src/model/trainer.cpp: a training run that
// diverges); compute.js says each as engine.<code>.
export const ENGINE_ERRORS = ['scores-sum-zero', 'scores-sum-overflow', 'score-overflow', 'output-overflow', 'loss-overflow', 'step-overflow',
  'loss-diverged', 'loss-not-finite', 'parameter-not-finite'];

export const DYNAMIC_KEYS = [
  ...ENGINE_ERRORS.map((code) => `engine.${code}`),
  ...GLOSSARY.flatMap((id) => Object.values(glossaryKeys(id))),
  ...Object.values(CATALOG).flat().flatMap((exercise) => Object.values(exerciseKeys(exercise))),
];
