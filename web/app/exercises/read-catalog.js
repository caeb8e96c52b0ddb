// The exercise catalog as read by the vocabulary: { step's section name: [exercise] }, in page
// order, with each exercise's words from the page's catalogue (exerciseKeys). One reading for the
// page, the embeds, the worksheet and the build's prerender. No DOM.
import { CATALOG } from './catalog.js';
import { readExercise } from './vocabulary.js';
import { t } from '../i18n/core.js';

// The catalogue keys of an exercise's words: a challenge (it has a goal) has a title and a hint,
// a prediction a question.
export const exerciseKeys = ({ id, goal }) => (goal
  ? { title: `exercises.${id}.title`, hint: `exercises.${id}.hint` }
  : { question: `exercises.${id}.question` });

const withWords = (data) => ({ ...data, ...Object.fromEntries(Object.entries(exerciseKeys(data)).map(([field, key]) => [field, t(key)])) });

export const readCatalog = () => Object.fromEntries(Object.entries(CATALOG).map(([step, list]) => [step, list.map((d) => readExercise(withWords(d)).value)]));
