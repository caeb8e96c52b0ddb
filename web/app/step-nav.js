// The "jump to a step" links under the title (written into the page from the steps' headings when
// the site is built: scripts/lib/prerender.mjs). A link scrolls to its step and puts the keyboard
// focus on the heading, without touching the address bar, which holds the page's settings.
export function mountStepNav(doc = document) {
  for (const link of doc.querySelectorAll('#step-nav a[href^="#"]')) {
    const heading = doc.getElementById(link.hash.slice(1))?.querySelector('h2');
    if (!heading) continue;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      heading.tabIndex = -1;
      heading.focus();   // scrolls it into view too
    });
  }
}
