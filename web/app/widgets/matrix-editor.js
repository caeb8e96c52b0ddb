// A matrix of numbers, editable or read-only, with an optional gradient shown on each cell.
// The grid is one Tab stop: the arrow keys move between its cells (widgets/grid-keys.js).
// Editable cells are labelled inputs: Enter (or typing a number, or a click) starts editing;
// while editing, ArrowUp/ArrowDown step the number (Shift ×10, Alt ÷10), Enter keeps it and
// Escape puts back the number the edit started from; dragging sideways scrubs it. Every entry,
// typed or stepped, is read by the cell parser the link reader uses; an invalid one is marked at
// the cell with a message and the last valid value keeps driving the page.
import { h, replace } from '../dom.js';
import { fmt } from '../text.js';
import { parseCell } from '../state.js';
import { GridKeys } from './grid-keys.js';
import { t } from '../i18n/core.js';

const STEP = 0.1;
const REDUCED_MOTION = matchMedia('(prefers-reduced-motion: reduce)');
const DRAG_THRESHOLD = 4;      // px before a press becomes a scrub
const DRAG_PX_PER_STEP = 8;
// What a screen reader says on entering a grid (the keys are not visible anywhere else).
const KEYS_HINT = { edit: 'widgets.keysEdit', read: 'widgets.keysRead' };
let hints = 0;

export class MatrixEditor {
  // rowLabels: ['A', 'B', 'C']; cellLabel(r, c) -> "key of B, entry 3"; onEdit(r, c, value) ->
  // null, or why the page refused the value (ctx.update's answer);
  // field: the state field the cells edit (so an embedding page can lock it)
  constructor({ name, kind = '', rowLabels, cols, cellLabel, onEdit = null, caption = '', field = name }) {
    this.field = field;
    this.onEdit = onEdit;
    this.cells = [];
    this.message = h('p', { class: 'cell-message', role: 'status', 'aria-live': 'polite' });
    const hint = h('span', { class: 'visually-hidden', id: `grid-hint-${++hints}` }, t(KEYS_HINT[onEdit ? 'edit' : 'read']));
    const table = h('table', { class: `matrix ${kind}`, 'data-matrix': name, role: 'grid', 'aria-describedby': hint.id },
      caption ? h('caption', {}, caption) : null,
      h('tbody', {}, rowLabels.map((label, r) => h('tr', {},
        h('th', { scope: 'row' }, label),
        Array.from({ length: cols }, (_, c) => this.#cell(r, c, cellLabel(r, c)))))));
    this.keys = new GridKeys();
    this.keys.use(this.cells.map((row) => row.map((cell) => cell.target)));
    this.element = h('div', { class: 'matrix-editor' }, table, hint, this.message);
  }

  #cell(r, c, label) {
    const grad = h('span', { class: 'grad', 'aria-hidden': 'true' });
    const tip = h('span', { class: 'grad-tip', role: 'tooltip' });
    let field;
    if (this.onEdit) {
      field = h('input', {
        type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'aria-label': label,
        'data-cell': `${r},${c}`, 'data-field': this.field,
      });
      field.addEventListener('input', () => this.#typed(r, c));
      field.addEventListener('keydown', (e) => this.#key(e, r, c));
      field.addEventListener('pointerdown', (e) => this.#press(e, r, c));
      field.addEventListener('click', () => this.#edit(this.cells[r][c]));
      field.addEventListener('blur', () => this.#settle(r, c));
    } else {
      field = h('span', { class: 'num', 'data-cell': `${r},${c}` });
    }
    const printed = this.onEdit ? h('span', { class: 'print-only', 'aria-hidden': 'true' }) : null;   // an input does not print
    const td = h('td', {}, h('span', { class: 'cell' }, field, printed, grad, tip));
    // What takes focus: the input, or a read-only grid's cell (named by its label and number).
    const target = this.onEdit ? field : td;
    if (!this.onEdit) target.addEventListener('keydown', (e) => this.keys.key(e, r, c));
    target.addEventListener('focus', () => this.keys.visit(r, c));
    (this.cells[r] ??= [])[c] = { td, field, target, printed, grad, tip, value: undefined, shown: null, label, invalid: false, editing: null };
    return td;
  }

  // values: number[][]; grads: number[][] | null (the gradient of the loss for each cell)
  set(values, grads = null) {
    const scale = grads ? Math.max(1e-12, ...grads.flat().map(Math.abs)) : 1;
    values.forEach((row, r) => row.forEach((x, c) => {
      const cell = this.cells[r][c];
      const changed = cell.value !== x;
      const g = grads ? grads[r][c] : null;
      // a cell whose number and gradient are as drawn is left alone: rewriting the same text
      // would still make the browser lay it out again, on every edit
      const { shown } = cell;
      if (!cell.invalid && shown?.x === x && shown.g === g && shown.scale === scale) return;
      cell.shown = { x, g, scale };
      cell.value = x;
      if (!this.onEdit) {
        cell.field.textContent = fmt(x);
        cell.td.setAttribute('aria-label', `${cell.label}: ${fmt(x)}`);
      } else {
        cell.printed.textContent = fmt(x);
        if (!cell.field.matches(':focus')) {
          // (While the reader types in a cell, its text is theirs.) A rejected entry the reader
          // has left gives way to the value in force.
          if (changed || cell.invalid) cell.field.value = asTyped(x);
          if (changed) this.#flash(cell);
          if (cell.invalid) this.#mark(cell, null);
        }
      }
      cell.field.dataset.value = String(x);
      this.#gradient(cell, g, scale);
    }));
  }

  #gradient(cell, g, scale) {
    cell.td.classList.toggle('has-grad', g !== null);
    if (g === null) {
      cell.grad.removeAttribute('data-value');
      cell.tip.textContent = '';
      cell.target.removeAttribute('aria-description');
      return;
    }
    // The arrow points the way gradient descent moves the number (against the gradient).
    const size = Math.abs(g) / scale;
    cell.grad.dataset.value = String(g);
    cell.grad.className = `grad ${g > 0 ? 'down' : g < 0 ? 'up' : 'zero'}`;
    cell.grad.style.setProperty('--size', size.toFixed(3));
    replace(cell.tip, `∂L/∂(${cell.label}) = ${fmt(g, 5)}`);
    cell.target.setAttribute('aria-description', t('widgets.gradient', { gradient: fmt(g, 5) }));
  }

  // A brief highlight on an input whose number changed without being typed (a descent step, a
  // nudge, a reset). The Web Animations API restarts it without forcing a layout per cell;
  // reduced-motion readers get none.
  #flash(cell) {
    if (REDUCED_MOTION.matches) return;
    cell.field.animate?.([{ backgroundColor: 'var(--flash)' }, { backgroundColor: 'transparent' }], { duration: 800, easing: 'ease-out' });
  }

  #mark(cell, error) {
    cell.invalid = Boolean(error);
    cell.field.toggleAttribute('aria-invalid', cell.invalid);
    cell.td.classList.toggle('invalid', cell.invalid);
    if (error) {
      cell.field.setAttribute('aria-errormessage', this.#messageId());
      replace(this.message, t('widgets.stillUsing', { label: cell.label, reason: error, value: fmt(cell.value) }));
    } else if (!this.cells.flat().some((c) => c.invalid)) {
      replace(this.message);
    }
  }

  #messageId() {
    this.message.id ||= `msg-${Math.random().toString(36).slice(2)}`;
    return this.message.id;
  }

  #typed(r, c) {
    const cell = this.cells[r][c];
    if (cell.field.readOnly) return;
    this.#commit(cell, r, c, cell.field.value);
  }

  // text: typed, or a stepped number; read as a link would read it.
  #commit(cell, r, c, text) {
    const { value, error } = parseCell(text);
    const refused = error ?? (value === cell.value ? null : this.onEdit(r, c, value));
    this.#mark(cell, refused);
    if (!refused) cell.value = value;
  }

  // On leaving a cell (or ending an edit), show the value that is in force (the last valid one).
  #settle(r, c) {
    const cell = this.cells[r][c];
    cell.editing = null;
    cell.td.classList.remove('editing');
    if (cell.invalid) return;
    cell.field.value = asTyped(cell.value);
  }

  // Starts editing a cell: remembers the number in force, for Escape to put back.
  #edit(cell) {
    if (cell.editing || cell.field.readOnly) return;
    cell.editing = { from: cell.value };
    cell.td.classList.add('editing');
  }

  #key(event, r, c) {
    const cell = this.cells[r][c];
    if (!cell.editing) {
      if (this.keys.key(event, r, c) || cell.field.readOnly) return;
      if (event.key === 'Enter' || event.key === 'F2') {
        event.preventDefault();
        this.#edit(cell);
      } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        this.#edit(cell);   // typing starts an edit and replaces the number, as in a spreadsheet
        cell.field.select();
      }
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#settle(r, c);
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      const { from } = cell.editing;
      cell.field.value = asTyped(from);
      this.#commit(cell, r, c, String(from));
      this.#settle(r, c);
      return;
    }
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const step = STEP * (event.shiftKey ? 10 : 1) / (event.altKey ? 10 : 1);
    const next = round(cell.value + (event.key === 'ArrowUp' ? step : -step));
    cell.field.value = asTyped(next);
    this.#commit(cell, r, c, String(next));
  }

  #press(event, r, c) {
    const cell = this.cells[r][c];
    if (event.button !== 0 || cell.field.readOnly) return;
    const startX = event.clientX, start = cell.value;
    let dragging = false;
    const move = (e) => {
      const dx = e.clientX - startX;
      if (!dragging && Math.abs(dx) < DRAG_THRESHOLD) return;
      if (!dragging) {
        dragging = true;
        cell.field.setPointerCapture(event.pointerId);
        cell.td.classList.add('scrubbing');
      }
      e.preventDefault();
      const next = round(start + Math.round(dx / DRAG_PX_PER_STEP) * STEP);
      cell.field.value = asTyped(next);
      this.#commit(cell, r, c, String(next));
    };
    const up = () => {
      cell.field.removeEventListener('pointermove', move);
      cell.field.removeEventListener('pointerup', up);
      cell.field.removeEventListener('pointercancel', up);
      cell.td.classList.remove('scrubbing');
    };
    cell.field.addEventListener('pointermove', move);
    cell.field.addEventListener('pointerup', up);
    cell.field.addEventListener('pointercancel', up);
  }
}

// A number as a reader would type it back into a cell (ASCII minus, 6 significant decimals).
function asTyped(x) {
  return fmt(x, 6).replace('\u2212', '-');
}

// Steps of 0.1 should not accumulate binary noise in what the reader sees.
function round(x) {
  return Math.round(x * 1e9) / 1e9;
}
