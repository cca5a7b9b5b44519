/**
 * Bootstrap for the header search box on every page: nothing is loaded until
 * someone focuses or types in the box; then the quick-results panel
 * (search-header-panel.ts, with the engine and Pagefind) is fetched.
 * Without JavaScript, or before it loads, the box is a plain GET form to /search/.
 */
const input = document.querySelector<HTMLInputElement>('#header-q');
if (input && !document.querySelector('[data-search-page]')) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./search-header-panel.ts').then((m) => m.attach(input));
  };
  input.addEventListener('focus', start, { once: true });
  input.addEventListener('input', start, { once: true });
  if (document.activeElement === input) start();
}
