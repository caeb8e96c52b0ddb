// Draws a figure now if its section is being rendered, else as soon as the section scrolls into
// view: the page's sections off screen are not rendered (content-visibility: auto), so a figure
// there need not be rebuilt on every edit, which keeps an edit fast. Until then the figure is
// marked data-stale. Outside the page (embeds), figures draw at once; drawPending() draws every
// waiting figure (before printing, when every section is laid out at once).
const pending = new Map();   // figure element -> the latest draw not yet done

// Whether a section's contents are rendered, as of the browser's last rendering update: asked
// once (the section's heading is never hidden, so it says whether the section's contents are
// skipped), then kept from the section's own events. Asking checkVisibility() on every draw made
// the browser recompute style between one figure's DOM writes and the next, a third of an edit.
const rendered = new WeakMap();
function isRendered(section) {
  if (!rendered.has(section)) {
    rendered.set(section, section.firstElementChild.checkVisibility({ contentVisibilityAuto: true }));
    section.addEventListener('contentvisibilityautostatechange', (e) => {
      if (e.target === section) rendered.set(section, !e.skipped);
    });
  }
  return rendered.get(section);
}

export function whenSeen(element, draw) {
  const section = element.closest('main > section');
  if (!section || isRendered(section)) {
    pending.delete(element);
    delete element.dataset.stale;
    draw();
    return;
  }
  if (!pending.has(element)) {
    section.addEventListener('contentvisibilityautostatechange', function shown(e) {
      if (e.skipped) return;
      section.removeEventListener('contentvisibilityautostatechange', shown);
      const latest = pending.get(element);
      pending.delete(element);
      delete element.dataset.stale;
      latest?.();
    });
  }
  pending.set(element, draw);
  element.dataset.stale = '';
}

export function drawPending() {
  for (const [element, draw] of pending) {
    pending.delete(element);
    delete element.dataset.stale;
    draw();
  }
}
