// The reader's progress on the exercises, kept in the browser (localStorage) and nowhere else:
// { [exercise id]: 'answered' | 'done' }. A storage that cannot be read or written (a private
// window, a full disk) is treated as empty and the page carries on. No DOM.
import { t } from '../i18n/core.js';

const KEY = 'attention-explained:progress';
const RESULTS = ['answered', 'done'];

export class Progress {
  constructor(storage) {
    this.storage = storage;
    this.listeners = new Set();
    this.results = this.#read();
  }

  #read() {
    try {
      const saved = JSON.parse(this.storage?.getItem(KEY) ?? '{}');
      if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return {};
      return Object.fromEntries(Object.entries(saved).filter(([id, r]) => typeof id === 'string' && RESULTS.includes(r)));
    } catch {
      return {};
    }
  }

  #write() {
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.results));
    } catch {
      // kept for this visit only
    }
    for (const listener of this.listeners) listener(this.results);
  }

  get(id) {
    return this.results[id] ?? null;
  }

  // Records a result once; returns whether it is new.
  record(id, result) {
    if (this.results[id] === result) return false;
    this.results = { ...this.results, [id]: result };
    this.#write();
    return true;
  }

  reset() {
    this.results = {};
    this.#write();
  }

  count(ids) {
    return ids.filter((id) => this.results[id]).length;
  }
}

// How many of the catalog's predictions are answered and challenges done; steps: { step: [exercise
// read by vocabulary.js] }. progress: a Progress, or null for a reader who has done nothing.
export function progressCounts(steps, progress) {
  const all = Object.values(steps).flat();
  const ids = (kind) => all.filter((e) => e.kind === kind).map((e) => e.id);
  const [predictions, challenges] = [ids('predict'), ids('challenge')];
  return {
    answered: progress ? progress.count(predictions) : 0, predictions: predictions.length,
    done: progress ? progress.count(challenges) : 0, challenges: challenges.length,
  };
}

export const progressText = ({ answered, predictions, done, challenges }) => t('exercises.progress', { answered, predictions, done, challenges });

