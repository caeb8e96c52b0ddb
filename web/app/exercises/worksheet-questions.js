// A step's predictions as worksheet questions: each question as the page asks it, and for the
// answer key the engine's answer and why, for the numbers being printed. No DOM.
import { readCatalog } from './read-catalog.js';
import { answer, environment } from './vocabulary.js';
import { t } from '../i18n/core.js';

// section: the step's section name ("scores"); state: the page state printed
export function worksheetQuestions(engine, example, section, state) {
  const env = environment(engine, example, state);
  return (readCatalog()[section] ?? []).filter((e) => e.kind === 'predict').map((prediction) => {
    const right = answer(env, prediction);
    return { question: prediction.question, answer: right.error ? t('print.noAnswer', { reason: right.error }) : right.text };
  });
}
