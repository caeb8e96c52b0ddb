// Step 7's "what if" questions, answered from the engine's gradients. Gradient descent moves a
// number against its gradient, so a negative gradient means "more of it would have helped".
import { h, num, vector } from '../dom.js';
import { capital } from '../text.js';
import { FOCUS } from '../compute.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

const WAY = { up: 'gradients.up', down: 'gradients.down', nowhere: 'gradients.nowhere' };
const way = (g) => t(g < 0 ? WAY.up : g > 0 ? WAY.down : WAY.nowhere);   // where descent moves a number
const lossWay = (g) => way(-g);                                            // where more of it moves the loss

// What a token's score should do, beside what its value alone would do: the two can disagree,
// because the weights share one unit (more for one token is less for the others).
function scoreClause(name, gw, gs, pair, gradient) {
  if (gs === 0) return rich('gradients.scoreNone', { gradient });
  const move = t(gs > 0 ? 'gradients.apart' : 'gradients.closer', { pair });
  if (Math.sign(gw) === Math.sign(gs)) return rich('gradients.scoreSame', { way: way(gs), move, gradient });
  return rich(gs < 0 ? 'gradients.scoreTradeHelps' : 'gradients.scoreTradeHurts', { way: way(gs), token: name, move: capital(move), gradient });
}

// tokens: their names; L: the engine's selfAttention result with gradients. The first other
// token (B) and the last one (C) are the ones the explanation asks about.
export function gradientStory(tokens, L) {
  const gw = L.grad.weights[0], gs = L.grad.scores[0];
  const other = FOCUS === 0 ? 1 : 0, last = tokens.length - 1;
  const gv = L.grad.values[last];
  const a = tokens[FOCUS], b = tokens[other], c = tokens[last];
  const wanted = gs[FOCUS] < 0 && gs[other] > 0;
  const pair = (j) => (j === FOCUS ? t('gradients.pairOwn', { token: a }) : t('gradients.pair', { token: a, other: tokens[j] }));
  return [
    h('p', { 'data-claim': 'more-a-less-b' }, rich('gradients.whatIf', { a, b }), ' ',
      wanted ? rich('gradients.whatIfYes', { a, b, pair: pair(other) })
        : rich('gradients.whatIfNo', { a, b, wayA: way(gs[FOCUS]), wayB: way(gs[other]) })),
    h('ul', {}, tokens.map((name, j) => h('li', { 'data-token': name },
      rich('gradients.moreValue', { token: name, way: lossWay(gw[j]), gradient: num(gw[j]) }), ' ', scoreClause(name, gw[j], gs[j], pair(j), num(gs[j]))))),
    h('p', { 'data-claim': 'value-of-c' },
      rich(gv[0] < 0 && gv[2] > 0 ? 'gradients.valueYes' : 'gradients.valueNotQuite', {
        token: c, gradient: vector(gv), way1: way(gv[0]), way2: way(gv[1]), way3: way(gv[2]),
      })),
  ];
}
