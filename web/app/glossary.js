// The glossary: every term the page uses, in plain words, once. Uses of a term in the text
// ([term=id]…[/term] in a catalogue, <a class="term" data-term="id"> on the page) open its entry
// (widgets/glossary.js). Each id's words are the catalogue keys glossary.<id>.term and
// glossary.<id>.text (web/i18n/<language>.json), in this order on the page.
export const GLOSSARY = [
  'transformer', 'model', 'token', 'vector', 'matrix', 'vector-times-matrix', 'embedding',
  'one-hot', 'dot-product', 'softmax', 'exp', 'temperature', 'sqrt-d', 'causal-mask',
  'language-model', 'loss', 'gradient', 'gradient-descent', 'learning-rate', 'epsilon', 'heads',
  'mlp', 'width', 'seed', 'pca', 'batch', 'cross-entropy', 'bos',
];

// The catalogue keys of one entry.
export const glossaryKeys = (id) => ({ term: `glossary.${id}.term`, text: `glossary.${id}.text` });
