// The last model the reader trained, kept in this browser's storage across reloads, with the
// config it was made from. The storage may be full, disabled or absent (some embeds): then
// nothing is kept, and reading finds nothing.
const KEY = 'attention-explained:model';

export function readKept() {
  try {
    return JSON.parse(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

// Returns whether the browser kept it.
export function keep(value) {
  try {
    localStorage.setItem(KEY, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function forget() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing was kept
  }
}
