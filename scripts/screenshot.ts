/**
 * npm run screenshot -- <dist> <path> <out.png> [width] [height] [--wait SELECTOR]: serve a
 * built site and screenshot one page in headless Chromium (for looking at pages while
 * developing). `--wait` waits for an element first, for pages that fill in after loading
 * (search results, the quote check, term trends).
 */
import { viewPage } from './lib/view-page.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--wait');
const wait = at >= 0 ? args.splice(at, 2)[1] : undefined;
const [dist = 'dist', path = '/', out = 'test-results/shot.png', w = '390', h = '844'] = args;
const view = await viewPage(dist, path, Number(w), Number(h));
if (wait) await view.page.waitForSelector(wait, { timeout: 30_000 });
await view.page.evaluate(() => document.fonts.ready);
await view.page.screenshot({ path: out });
await view.close();
console.log(out);
