// The exercise catalog as read by the vocabulary: { step's section name: [exercise] }, in page
// order. One reading for the page, the embeds, the worksheet and the build's prerender. No DOM.
import { CATALOG } from './catalog.js';
import { readExercise } from './vocabulary.js';

export const readCatalog = () => Object.fromEntries(Object.entries(CATALOG).map(([step, list]) => [step, list.map((d) => readExercise(d).value)]));
