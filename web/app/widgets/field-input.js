// A text box bound to one field of the page state. What the reader types is read by the field's
// own parser (state.js FIELDS, the same one that reads links), so the box cannot take a value a
// link could not carry: anything else is marked at the box with the field's message, and the
// last good value stays in force.
import { h, replace } from '../dom.js';
import { FIELDS } from '../state.js';
import { t, writable } from '../i18n/core.js';

export class FieldInput {
  // field: a FIELDS key; label: the box's accessible name; onValue(value) -> null or an error
  // message (from ctx.update, for a patch the page refused); attrs: more attributes for the box
  constructor({ field, label, onValue, attrs = {} }) {
    this.spec = FIELDS[field];
    this.label = label;
    this.value = undefined;
    this.input = h('input', {
      type: 'text', inputmode: this.spec.kind === 'text' ? 'text' : 'decimal', autocomplete: 'off', spellcheck: 'false',
      'aria-label': label, 'data-field': field, ...attrs,
    });
    this.message = h('span', { class: 'cell-message', role: 'status', 'aria-live': 'polite' });
    this.message.id = `msg-${field}-${Math.random().toString(36).slice(2)}`;
    this.element = h('span', { class: 'field-input' }, this.input, this.message);
    // a number as the page writes it in its language ("0,5"), which the parser reads back
    this.shown = (value) => (this.spec.kind === 'text' ? this.spec.format(value) : writable(this.spec.format(value)));
    this.input.addEventListener('change', () => {
      const { value, error } = this.spec.parse(this.input.value);
      this.#mark(error ?? onValue(value));
    });
    // On leaving the box, show the value in force as the link writes it ("1e3" becomes "1000").
    this.input.addEventListener('blur', () => {
      if (!this.input.hasAttribute('aria-invalid')) this.input.value = this.shown(this.value);
    });
  }

  #mark(error) {
    this.input.toggleAttribute('aria-invalid', Boolean(error));
    if (error) this.input.setAttribute('aria-errormessage', this.message.id);
    else this.input.removeAttribute('aria-errormessage');
    replace(this.message, error ? t('widgets.stillUsing', { label: this.label, reason: error, value: this.shown(this.value) }) : '');
  }

  // Shows the value in force, unless the reader is typing here. As in a matrix cell, a
  // rejected entry the reader has left gives way to it.
  set(value) {
    this.value = value;
    this.input.dataset.value = this.spec.format(value);
    if (this.input.matches(':focus')) return;
    this.input.value = this.shown(value);
    this.#mark(null);
  }
}
