/**
 * The search page's link to the terms page (这个词的历年用法): it follows the query the search
 * page keeps in the URL (?q=), without touching the search code — after each keystroke, form
 * submit or history move, it reads the URL again, and once more when clicked.
 */
const link = document.querySelector<HTMLAnchorElement>('a[data-term-link]');

function sync(): void {
  if (!link) return;
  const q = new URL(location.href).searchParams.get('q')?.trim() ?? '';
  const mode = new URL(location.href).searchParams.get('mode');
  link.hidden = !q || mode === 'quote';
  link.href = `${link.dataset.termLink}?q=${encodeURIComponent(q)}`;
  const word = link.querySelector('[data-term]');
  if (word) word.textContent = q.length > 16 ? `${q.slice(0, 16)}…` : q;
}

if (link) {
  sync();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(sync, 700);
  };
  for (const type of ['input', 'change', 'submit', 'click']) document.addEventListener(type, later, true);
  window.addEventListener('popstate', sync);
  link.addEventListener('pointerdown', sync);
  link.addEventListener('focus', sync);
}
