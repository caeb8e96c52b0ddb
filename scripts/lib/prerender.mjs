// Writes into dist/index.html what its header shows before the page's script runs, so nothing on
// screen moves when the script starts: the "jump to a step" links, from the steps' own headings
// (web/app/step-nav.js then makes each move the keyboard focus), and the exercise progress line
// with nothing done yet, from the exercise catalog (web/app/exercises-page.js then follows the
// reader's progress).
import fs from 'node:fs';
import path from 'node:path';
import { readCatalog } from '../../web/app/exercises/read-catalog.js';
import { progressCounts, progressText } from '../../web/app/exercises/progress.js';

const file = path.resolve(process.argv[2] ?? 'dist', 'index.html');
let html = fs.readFileSync(file, 'utf8');

// Fills the element whose opening tag `open` matches, written empty but for a comment.
function fill(open, content) {
  const empty = new RegExp(`(${open})<!--[^>]*-->`);
  if (!empty.test(html)) throw new Error(`prerender: no empty ${open} in ${file}`);
  html = html.replace(empty, (_, tag) => tag + content);
}

const text = (markup) => markup.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
const links = [...html.matchAll(/<section id="([^"]+)"[^>]*>\s*<h2[^>]*>(.*?)<\/h2>/gs)]
  .map(([, id, heading]) => `<li><a href="#${id}">${text(heading)}</a></li>`);
if (links.length === 0) throw new Error(`prerender: no steps in ${file}`);
fill('<nav id="step-nav"[^>]*><ol>', links.join(''));

fill('<span data-progress>', progressText(progressCounts(readCatalog(), null)));

fs.writeFileSync(file, html);
