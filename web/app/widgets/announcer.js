// A polite live region, not shown: what a screen reader should hear about a change the reader
// made (the numbers that moved most) or that happened on its own (training progress).
import { h } from '../dom.js';

export class Announcer {
  constructor(name) {
    this.element = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-announcer': name });
  }

  say(text) {
    this.element.textContent = text;
  }
}
