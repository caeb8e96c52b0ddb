// The catalogue keys the code builds from a list instead of writing them out (every other key is
// written whole, as a string, where it is used): the one place the catalogue test
// (tests/js/catalogues.test.mjs) reads them from.
import { GLOSSARY, glossaryKeys } from '../glossary.js';
import { CATALOG } from '../exercises/catalog.js';
import { exerciseKeys } from '../exercises/read-catalog.js';

export const DYNAMIC_KEYS = [
  ...GLOSSARY.flatMap((id) => Object.values(glossaryKeys(id))),
  ...Object.values(CATALOG).flat().flatMap((exercise) => Object.values(exerciseKeys(exercise))),
];
