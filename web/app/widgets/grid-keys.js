// Arrow-key movement over a grid of cells (the number grids, the heatmaps) with a roving
// tabindex: one cell of the grid is in the Tab order, the one last visited, so Tab crosses the
// grid in one stop; the arrow keys move by row and column, Home and End to the row's first and
// last cell, Ctrl+Home and Ctrl+End to the grid's corners.
const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export class GridKeys {
  constructor() {
    this.cells = [];
    this.at = [0, 0];
  }

  // cells: element[][] (rows of the grid's focusable cells), after they are (re)built.
  use(cells) {
    this.cells = cells;
    const [r, c] = this.at;
    this.at = [Math.min(r, cells.length - 1), Math.min(c, (cells[0]?.length ?? 1) - 1)];
    cells.forEach((row, i) => row.forEach((el, j) => { el.tabIndex = i === this.at[0] && j === this.at[1] ? 0 : -1; }));
  }

  // The cell at (r, c) becomes the grid's Tab stop (it was focused by a click, say).
  visit(r, c) {
    this.cells[this.at[0]]?.[this.at[1]]?.setAttribute('tabindex', '-1');
    this.at = [r, c];
    this.cells[r][c].tabIndex = 0;
  }

  // A keydown on the cell at (r, c): true if it moved (or was a move at the grid's edge).
  key(event, r, c) {
    const rows = this.cells.length, cols = this.cells[0].length;
    let target;
    if (MOVES[event.key]) target = [r + MOVES[event.key][0], c + MOVES[event.key][1]];
    else if (event.key === 'Home') target = event.ctrlKey ? [0, 0] : [r, 0];
    else if (event.key === 'End') target = event.ctrlKey ? [rows - 1, cols - 1] : [r, cols - 1];
    else return false;
    event.preventDefault();
    const [nr, nc] = target;
    if (nr < 0 || nc < 0 || nr >= rows || nc >= cols) return true;
    this.visit(nr, nc);
    this.cells[nr][nc].focus();
    return true;
  }
}
