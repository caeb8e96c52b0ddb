// The engine's error messages ("divide-by-sum: row 0 of scores (1x3) sums to zero, …") told in
// the reader's words. Messages this file does not know pass through unchanged.
const PLAIN = [
  [/divide-by-sum: row (\d+) of scores .* sums to zero/, (m, tokens) =>
    `${tokens[Number(m[1])] ?? 'A row'}’s scores add up to 0, and nothing can be divided by 0: dividing by the sum gives no weights here`],
  [/divide-by-sum: row (\d+) of scores .* non-finite sum/, (m, tokens) =>
    `${tokens[Number(m[1])] ?? 'A row'}’s scores are too large to add up, so dividing by their sum gives no weights`],
  [/a score overflows/, () => 'a score is too large for the computer to hold: make some numbers smaller'],
  [/the output overflows/, () => 'the output is too large for the computer to hold: make the values smaller'],
  [/non-finite value/, () => 'a number grew too large for the computer to hold: make the learning rate or the numbers smaller'],
];

// message: the engine's; tokens: names for row numbers ("row 0" is A)
export function plain(message, tokens = []) {
  for (const [pattern, say] of PLAIN) {
    const m = pattern.exec(message);
    if (m) return say(m, tokens);
  }
  return message;
}
