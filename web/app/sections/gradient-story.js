// Step 7's "what if" questions, answered from the engine's gradients. Gradient descent moves a
// number against its gradient, so a negative gradient means "more of it would have helped".
import { capital, h, num, vector } from '../dom.js';
import { FOCUS } from '../compute.js';

const way = (g) => (g < 0 ? 'up' : g > 0 ? 'down' : 'nowhere');   // where descent moves a number
const lossWay = (g) => way(-g);                                        // where more of it moves the loss

// What a token's score should do, beside what its value alone would do: the two can disagree,
// because the weights share one unit (more for one token is less for the others).
function scoreClause(name, gw, gs, pair) {
  if (gs === 0) return 'Its score gets no gradient (∂L/∂score = ';
  const move = `${pair} move ${gs > 0 ? 'apart' : 'closer'}`;
  if (Math.sign(gw) === Math.sign(gs)) return `So its score should go ${way(gs)}: ${move} (∂L/∂score = `;
  return `Yet its score should go ${way(gs)}: the weights share one unit, so more for ${name} means less for the others, `
    + `and here that trade ${gs < 0 ? 'helps' : 'hurts'}. ${capital(move)} (∂L/∂score = `;
}

// t: token names; L: the engine's selfAttention result with gradients. The first other token
// (B) and the last one (C) are the ones the explanation asks about.
export function gradientStory(t, L) {
  const gw = L.grad.weights[0], gs = L.grad.scores[0];
  const other = FOCUS === 0 ? 1 : 0, last = t.length - 1;
  const gv = L.grad.values[last];
  const a = t[FOCUS], b = t[other], c = t[last];
  const wanted = gs[FOCUS] < 0 && gs[other] > 0;
  const pair = (j) => (j === FOCUS ? `${a}’s query and its own key` : `${a}’s query and ${t[j]}’s key`);
  return [
    h('p', { 'data-claim': 'more-a-less-b' },
      `Had ${a} taken a little more of ${a}’s value and a little less of ${b}’s, would its output have landed nearer the target? `,
      wanted
        ? `Yes: the gradients ask for ${a}’s score to go up and ${b}’s to go down. Lowering ${b}’s score means a smaller dot product, so ${pair(other)} are pulled apart, through the numbers in Wq and Wk that produced them.`
        : `Not with these numbers: the gradients ask for ${a}’s score to go ${way(gs[FOCUS])} and ${b}’s to go ${way(gs[other])}.`),
    h('ul', {}, t.map((name, j) => h('li', { 'data-token': name },
      `${name}: more of its value would move the loss ${lossWay(gw[j])} (∂L/∂weight = `, num(gw[j]), '). ', scoreClause(name, gw[j], gs[j], pair(j)),
      num(gs[j]), ').'))),
    h('p', { 'data-claim': 'value-of-c' },
      `And ${c}’s value: should its first entry have been bigger and its third smaller? ∂L/∂(${c}’s value) = `, vector(gv),
      `: gradient descent moves entry 1 ${way(gv[0])}, entry 2 ${way(gv[1])} and entry 3 ${way(gv[2])}`,
      gv[0] < 0 && gv[2] > 0 ? ', so yes. ' : ', so not quite. ',
      `The same question, asked of every number, is how Wv learns.`),
  ];
}
