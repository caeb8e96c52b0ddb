// The loss chart's baselines: three ways to guess the next word with no attention at all, their
// losses computed by the engine on the training sentences, each with what beating it means.
import { h, num } from '../dom.js';

// engine: the JS API's engine. Returns { levels (for LineChart), element (the explanation) }.
export function baselines(engine) {
  const b = engine.trainingBaselines();
  const words = b.vocabulary;   // with the three markers: start, end, unknown word
  const levels = [
    { name: 'uniform', value: b.uniform, className: 'level-uniform' },
    { name: 'unigram', value: b.unigram, className: 'level-unigram' },
    { name: 'bigram', value: b.bigram, className: 'level-bigram' },
  ];
  const element = h('div', { class: 'baselines', 'data-baselines': '' },
    h('p', {}, 'The grey lines on the loss chart are baselines: the loss of simple guessers that need no attention, measured on the training sentences. A model worth training ends below them.'),
    h('ul', {},
      h('li', { 'data-baseline': 'uniform' }, h('strong', {}, 'uniform '), num(b.uniform, { 'data-baseline-value': 'uniform' }),
        ` = ln ${words}: every one of the ${words} words in the vocabulary equally likely. Below it, the model has learnt something, anything.`),
      h('li', { 'data-baseline': 'unigram' }, h('strong', {}, 'unigram '), num(b.unigram, { 'data-baseline-value': 'unigram' }),
        ': each word guessed as often as it occurs in training, whatever came before. Below it, the model uses the words before the one it predicts.'),
      h('li', { 'data-baseline': 'bigram' }, h('strong', {}, 'bigram '), num(b.bigram, { 'data-baseline-value': 'bigram' }),
        ': each word guessed by how often it followed the word just before it. Below it, the model looks further back than one word: after “bank” that is the only way to tell grass from account.')));
  return { levels, element };
}
