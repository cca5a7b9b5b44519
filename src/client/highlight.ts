/**
 * On a report page reached from a search result (/reports/<id>/?q=…#<anchor>):
 * load the marking code only then, and mark the searched words in the target
 * paragraph. A report read normally loads nothing more than these lines.
 */
const q = new URLSearchParams(location.search).get('q');
if (q && q.trim()) void import('./search-highlight.ts').then((m) => m.highlightQuery(q, location.hash));
