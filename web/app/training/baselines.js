// The loss chart's baselines: three ways to guess the next word with no attention at all, their
// losses computed by the engine on the training sentences, each with what beating it means.
import { h, num } from '../dom.js';
import { rich } from '../i18n/render.js';
import { t } from '../i18n/core.js';

// engine: the JS API's engine. Returns { levels (for LineChart), element (the explanation) }.
export function baselines(engine) {
  const b = engine.trainingBaselines();
  const words = b.vocabulary;   // with the three markers: start, end, unknown word
  const levels = [
    { name: t('training.uniformName'), value: b.uniform, className: 'level-uniform' },
    { name: t('training.unigramName'), value: b.unigram, className: 'level-unigram' },
    { name: t('training.bigramName'), value: b.bigram, className: 'level-bigram' },
  ];
  const element = h('div', { class: 'baselines', 'data-baselines': '' },
    h('p', {}, rich('training.baselines')),
    h('ul', {},
      h('li', { 'data-baseline': 'uniform' }, rich('training.uniform', { loss: num(b.uniform, { 'data-baseline-value': 'uniform' }), words })),
      h('li', { 'data-baseline': 'unigram' }, rich('training.unigram', { loss: num(b.unigram, { 'data-baseline-value': 'unigram' }) })),
      h('li', { 'data-baseline': 'bigram' }, rich('training.bigram', { loss: num(b.bigram, { 'data-baseline-value': 'bigram' }) }))));
  return { levels, element };
}
