/**
 * PDFs made the way real ones are: a page printed by headless Chromium
 * (playwright-core, Debian's /usr/bin/chromium), A4, with a header and footer
 * template carrying the page number.
 */
import { chromium, type Browser } from 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface PrintOptions {
  header?: string;
  footer?: string;
}

export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

export async function printPdf(browser: Browser, html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const withChrome = options.header !== undefined || options.footer !== undefined;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: false,
      displayHeaderFooter: withChrome,
      headerTemplate: options.header ?? '<span></span>',
      footerTemplate: options.footer ?? '<span></span>',
      margin: withChrome ? { top: '70px', bottom: '70px', left: '72px', right: '72px' } : { top: '40px', bottom: '40px', left: '72px', right: '72px' },
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** A picture of a printed page (PNG), for a PDF that is a scan. */
export async function screenshot(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.screenshot({ type: 'png', fullPage: false }));
  } finally {
    await page.close();
  }
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface ReportPart {
  heading?: string;
  paragraphs: string[];
  /** Start this part on a new page (CSS break-before: page). */
  newPage?: boolean;
}

/** A report laid out as government PDFs are: centred title, two-character indents, headings in bold. */
export function reportHtml(title: string, subtitle: string | null, parts: ReportPart[]): string {
  const body = parts.map((part) => [
    `<section${part.newPage ? ' style="break-before: page"' : ''}>`,
    part.heading ? `<h2>${esc(part.heading)}</h2>` : '',
    ...part.paragraphs.map((p) => `<p>${esc(p)}</p>`),
    '</section>',
  ].join('\n')).join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 16px; line-height: 1.75; margin: 0; }
h1 { font-size: 26px; text-align: center; margin: 0 0 12px; font-weight: normal; }
.subtitle { text-align: center; font-size: 16px; margin: 0 0 24px; }
h2 { font-size: 18px; font-weight: normal; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
</style></head><body>
<h1>${esc(title)}</h1>
${subtitle ? `<p class="subtitle">${esc(subtitle)}</p>` : ''}
${body}
</body></html>`;
}

const picture = (png: Uint8Array, newPage: boolean): string =>
  `<div${newPage ? ' style="break-before: page"' : ''}><img src="data:image/png;base64,${Buffer.from(png).toString('base64')}" alt="" style="width:100%;display:block"></div>`;

/** Pages with nothing but a picture of text each, as a scanner makes them. */
export function imageOnlyHtml(pngs: Uint8Array[]): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head><body>
${pngs.map((png, i) => picture(png, i > 0)).join('\n')}</body></html>`;
}

/** A document whose last page is a picture (a scanned page in a PDF that otherwise has text). */
export function withPicturePage(html: string, png: Uint8Array): string {
  return html.replace('</body>', `${picture(png, true)}\n</body>`);
}
