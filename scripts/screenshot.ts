/**
 * npm run screenshot -- <dist> <path> <out.png> [width] [height]: serve a built site and
 * screenshot one page in headless Chromium (for looking at pages while developing).
 */
import { viewPage } from './lib/view-page.ts';

const [dist = 'dist', path = '/', out = 'test-results/shot.png', w = '390', h = '844'] = process.argv.slice(2);
const view = await viewPage(dist, path, Number(w), Number(h));
await view.page.evaluate(() => document.fonts.ready);
await view.page.screenshot({ path: out });
await view.close();
console.log(out);
