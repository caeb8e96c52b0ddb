// The walkthrough's widgets in page order; embed.html and the custom elements look them up by name.
// A section is { name, title, fields (the state fields it edits: its reset button puts them back),
// create(ctx) -> { element, render(state, results) (draws only), follow?(state) (acts on a new state) } }.
import tokens from './tokens.js';
import projections from './projections.js';
import scores from './scores.js';
import normalize from './normalize.js';
import weightedSum from './weighted-sum.js';
import allTokens from './all-tokens.js';
import gradients from './gradients.js';
import softHard from './soft-hard.js';
import embeddings from './embeddings.js';
import training from './training.js';

export const SECTIONS = [tokens, projections, scores, normalize, weightedSum, allTokens, gradients, softHard, embeddings, training];

// The controls an embedding page may hide (elements marked data-control="…").
export const CONTROLS = ['reset', 'mode', 'normalize', 'temperature', 'causal', 'nudge', 'descend',
  'config', 'sentence', 'files', 'progress', 'speed', 'hint', 'show-me'];

export function section(name) {
  return SECTIONS.find((s) => s.name === name) ?? null;
}
