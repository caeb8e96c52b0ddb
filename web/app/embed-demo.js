// embed-demo.html: sizes each embed.html iframe to the height the widget reports.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (event.origin !== location.origin || !data || data.type !== 'attention-explained:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe.embed-frame')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.min(Math.max(data.height, 50), 20000)}px`;
  }
});
