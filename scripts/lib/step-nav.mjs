// Writes the "jump to a step" links into dist/index.html from the steps' own headings (their one
// home), so the links are in the page when it first paints and nothing below them moves when the
// page's script starts. web/app/step-nav.js then makes each link move the keyboard focus.
import fs from 'node:fs';
import path from 'node:path';

const file = path.resolve(process.argv[2] ?? 'dist', 'index.html');
const html = fs.readFileSync(file, 'utf8');
const text = (markup) => markup.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
const links = [...html.matchAll(/<section id="([^"]+)"[^>]*>\s*<h2[^>]*>(.*?)<\/h2>/gs)]
  .map(([, id, heading]) => `<li><a href="#${id}">${text(heading)}</a></li>`);
const empty = /(<nav id="step-nav"[^>]*><ol>)<!--[^>]*--><\/ol>/;
if (!empty.test(html) || links.length === 0) throw new Error(`step-nav: no empty step list or no steps in ${file}`);
fs.writeFileSync(file, html.replace(empty, `$1${links.join('')}</ol>`));
