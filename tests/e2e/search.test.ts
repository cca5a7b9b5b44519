/**
 * Search in Chromium against the built site: recall and false hits for phrases
 * taken from every source, ranking of the right paragraph, filters, URL state,
 * Traditional queries, the quote check, the header box, highlighting on the
 * report page, and that reading a report downloads no search code.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, runAxe } from '../helpers/axe.ts';
import { hasChromium, openPage, screenshotLaidOut, screenshotPath, type PageSession } from '../helpers/browser.ts';
import { serveDist, useDistServer, type DistServer } from '../helpers/server.ts';
import { foldText } from '../../src/lib/search/tokens.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { samplePhrases, searchCorpus, truth } from './search-phrases.ts';

/** The seeds as the site parses them (src/data/load.ts). */
const corpusData = await loadCorpus();

interface Shown {
  status: string;
  hrefs: string[];
  /** Per shown result, the texts of its <mark>s. */
  marks: string[][];
  count: number;
}

/** Wait until the page shows the outcome for `query` (status names it, no result still loading). */
async function settled(page: Page): Promise<Shown> {
  await page.waitForFunction(
    () => {
      const st = document.querySelector('[data-status]')?.textContent ?? '';
      return /找到|没有|请输入/.test(st) && !document.querySelector('[data-search-page][aria-busy], [data-results] [aria-busy]');
    },
    null,
    { timeout: 20_000 },
  );
  return page.evaluate(() => {
    const status = document.querySelector('[data-status]')!.textContent ?? '';
    const links = [...document.querySelectorAll('[data-results] a.hit-link')];
    const hrefs = links.map((a) => a.getAttribute('href')!);
    const marks = links.map((a) => [...a.querySelectorAll('mark')].map((m) => m.textContent ?? ''));
    const m = /找到 (\d+) 处/.exec(status);
    return { status, hrefs, marks, count: m ? Number(m[1]) : 0 };
  });
}

/** `/reports/<doc>/?q=…#<anchor>` → `/reports/<doc>/#<anchor>` (the entry's URL). */
const entryUrl = (href: string) => {
  const u = new URL(href, 'http://x');
  return `${u.pathname}${u.hash}`;
};

async function searchFor(page: Page, query: string): Promise<Shown> {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query.trim());
  return settled(page);
}

describe.skipIf(!hasChromium())('search in Chromium', () => {
  let server: DistServer;
  let session: PageSession;
  let page: Page;
  beforeAll(async () => {
    server = await serveDist();
    session = await openPage({ width: 1280, height: 900 });
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('phrases of 2–20 characters from every source: right paragraph first, every result contains the phrase, none missed', async () => {
    const phrases = samplePhrases();
    const sources = new Set(corpusData.result.sources.map((s) => s.file));
    expect(new Set(phrases.map((p) => p.source))).toEqual(sources);
    for (const kind of ['plain', 'two-char', 'percent', 'line-break'] as const) expect(phrases.some((p) => p.kind === kind)).toBe(true);
    await page.goto(`${server.url}/search/`);
    const { folded } = searchCorpus();
    const failures: string[] = [];
    for (const p of phrases) {
      const shown = await searchFor(page, p.text);
      const expected = truth(p.text);
      const f = foldText(p.text).folded;
      if (shown.count !== expected.length) failures.push(`${p.kind} "${p.text}": ${shown.count} results, expected ${expected.length}`);
      if (entryUrl(shown.hrefs[0] ?? '') !== p.url) failures.push(`${p.kind} "${p.text}": first result ${shown.hrefs[0]}, expected ${p.url}`);
      for (const h of shown.hrefs) if (!folded.get(entryUrl(h))?.includes(f)) failures.push(`${p.kind} "${p.text}": ${h} does not contain it`);
      // The excerpt shows the phrase, marked.
      shown.marks.forEach((ms, i) => {
        if (!ms.some((t) => foldText(t).folded.includes(f))) failures.push(`${p.kind} "${p.text}": excerpt of ${shown.hrefs[i]} marks ${JSON.stringify(ms)}`);
      });
    }
    expect(failures).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  test('common words: the count is every paragraph that contains them, and every shown result does', async () => {
    const { folded } = searchCorpus();
    for (const q of ['发展', '国和一号', '28.4%', '6%左右', '绿色 低碳', '（一）']) {
      const shown = await searchFor(page, q);
      const expected = truth(q);
      expect(shown.count, q).toBe(expected.length);
      expect(shown.hrefs.length).toBe(Math.min(20, expected.length));
      const words = q.split(' ').map((w) => foldText(w).folded);
      for (const h of shown.hrefs) expect(words.every((w) => folded.get(entryUrl(h))!.includes(w)), `${q}: ${h}`).toBe(true);
    }
  });

  test('full-width, spaces and line breaks in the query do not matter', async () => {
    const a = await searchFor(page, '预计全年生产总值增长6%左右');
    const b = await searchFor(page, '预计全年 生产总值增长６％左右');
    expect(a.count).toBe(1);
    expect(b.hrefs.map(entryUrl)).toEqual(a.hrefs.map(entryUrl));
    expect(entryUrl(a.hrefs[0]!)).toBe('/reports/weihai-2024/#s1-p2');
    // The excerpt marks the phrase as the report writes it.
    expect(await page.locator('[data-results] mark').first().textContent()).toBe('预计全年生产总值增长6%左右');
  });

  test('the three phrases quoted search missed in the measurements are found', async () => {
    for (const q of ['国和一号', '预计全年生产总值增长6%左右', '努力实现幼有善育、学有优教']) {
      const shown = await searchFor(page, q);
      expect(shown.count, q).toBe(truth(q).length);
      expect(shown.count).toBeGreaterThan(0);
    }
  });

  test('a Traditional-character query finds the Simplified text', async () => {
    const shown = await searchFor(page, '國和一號');
    expect(shown.count).toBe(truth('国和一号').length);
    expect(shown.status).toContain('已按简体「国和一号」检索');
    expect(new Set(shown.hrefs.map(entryUrl))).toEqual(new Set(truth('国和一号')));
    const t2 = await searchFor(page, '努力實現幼有善育、學有優教');
    expect(t2.count).toBe(truth('努力实现幼有善育、学有优教').length);
  });

  test('filters narrow correctly, show counts, and the state round-trips through the URL', async () => {
    const q = '高质量发展';
    const all = await searchFor(page, q);
    expect(all.count).toBe(truth(q).length);
    const docs = new Map(corpusData.result.documents.map((d) => [d.id, d]));
    const docOf = (url: string) => docs.get(url.split('/')[2]!)!;
    const yantai = truth(q).filter((u) => docOf(u).region?.slug === 'yantai');
    expect(await page.locator('label[for="f-region-yantai"] .count').textContent()).toBe(`(${yantai.length})`);
    await page.check('#f-region-yantai');
    let shown = await settled(page);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region') === 'yantai');
    shown = await settled(page);
    expect(shown.count).toBe(yantai.length);
    for (const h of shown.hrefs) expect(h.startsWith('/reports/yantai-2024/')).toBe(true);
    // Part: tasks for the year, within Yantai.
    const entries = new Map(searchCorpus().entries.map((e) => [e.url, e]));
    const yantaiTasks = yantai.filter((u) => entries.get(u)!.part === 'tasks');
    await page.check('#f-part-tasks');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('part') === 'tasks');
    shown = await settled(page);
    expect(shown.count).toBe(yantaiTasks.length);
    for (const h of shown.hrefs) expect(entries.get(entryUrl(h))!.part).toBe('tasks');
    // Years 2024 and 2022 together (OR within a facet), Rongcheng and Yantai.
    const url = `${server.url}/search/?q=${encodeURIComponent(q)}&region=rongcheng,yantai&year=2022,2024&kind=report&part=review`;
    await page.goto(url);
    shown = await settled(page);
    const expected = truth(q).filter((u) => {
      const d = docOf(u);
      return ['rongcheng', 'yantai'].includes(d.region!.slug) && [2022, 2024].includes(d.year!) && d.kind !== 'coverage' && entries.get(u)!.part === 'review';
    });
    expect(shown.count).toBe(expected.length);
    expect(await page.inputValue('#q')).toBe(q);
    for (const id of ['f-region-rongcheng', 'f-region-yantai', 'f-year-2022', 'f-year-2024', 'f-kind-report', 'f-part-review']) {
      expect(await page.isChecked(`#${id}`), id).toBe(true);
    }
    expect(await page.isChecked('#f-region-weihai')).toBe(false);
    // Written back with the same state.
    const params = (u: string) => Object.fromEntries([...new URL(u).searchParams].map(([k, v]) => [k, v.split(',').sort().join(',')]));
    expect(params(page.url())).toEqual(params(url));
    await page.screenshot({ path: screenshotPath('search-filters-desktop'), fullPage: true });
    // Clearing the filters brings every result back and cleans the URL.
    await page.click('.facet-clear');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('region'));
    shown = await settled(page);
    expect(shown.count).toBe(truth(q).length);
  });

  test('results are a list of plain links to the paragraph, with an aria-live count, and pass axe', async () => {
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('国和一号')}`);
    const shown = await settled(page);
    expect(await page.getAttribute('[data-status]', 'aria-live')).toBe('polite');
    expect(await page.locator('ol[data-results] > li a[href^="/reports/"]').count()).toBe(shown.count);
    // Keyboard: Tab from the box reaches the results.
    await page.focus('#q');
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  test('a result link highlights the phrase in the target paragraph of the report', async () => {
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('预计全年生产总值增长6%左右')}`);
    await settled(page);
    await page.click('[data-results] a.hit-link');
    await page.waitForURL(/\/reports\/weihai-2024\/\?q=.*#s1-p2$/);
    await page.waitForSelector('#s1-p2 mark.search-hit', { timeout: 10_000 });
    expect(await page.locator('#s1-p2 mark.search-hit').allTextContents()).toEqual(['预计全年生产总值增长6%左右']);
    expect(await page.locator('mark.search-hit').count()).toBe(1);
  });

  test('quote check: a misquoted sentence is traced to its paragraph with the differences marked', async () => {
    const misquote = '预计全年生产总值增长7%左右，一般公共预算收入增长5.4％';
    await page.goto(`${server.url}/search/?mode=quote&quote=${encodeURIComponent(misquote)}`);
    await page.waitForSelector('.quote-result .verdict', { timeout: 20_000 });
    expect(await page.textContent('.quote-result .verdict')).toContain('有出入');
    expect(await page.locator('.quote-diff del').allTextContents()).toEqual(['6']);
    expect(await page.locator('.quote-diff ins').allTextContents()).toEqual(['7']);
    expect(await page.getAttribute('.quote-result a[href^="/reports/"]', 'href')).toMatch(/^\/reports\/weihai-2024\/\?q=.*#s1-p2$/);
    await page.screenshot({ path: screenshotPath('search-quote-desktop'), fullPage: true });

    // The newspaper's own quotation, typed into the box: punctuation differs only.
    const coverage = corpusData.result.documents.find((d) => d.id === 'weihai-2024-coverage')!;
    const q = coverage.quotes.find((x) => x.match === 'differing')!;
    await page.fill('#quote', `“${q.text}”`);
    await page.click('form[data-quote] button[type=submit]');
    await page.waitForFunction(() => !/正在核对/.test(document.querySelector('.quote-result')?.textContent ?? ''));
    expect(await page.getAttribute('.quote-result a[href^="/reports/"]', 'href')).toContain(`/reports/${q.source!.documentId}/`);
    expect(await page.getAttribute('.quote-result a[href^="/reports/"]', 'href')).toContain(`#${q.source!.paragraphId}`);

    // Words that are in no report.
    await page.fill('#quote', '今天天气很好，我们一起去公园散步，顺便买点水果回家。');
    await page.click('form[data-quote] button[type=submit]');
    await page.waitForSelector('.quote-result .verdict-none');
    expect(await page.textContent('.quote-result .verdict')).toContain('不在任何报告中');
    expect(session.errors).toEqual([]);
  });

  test('quote check: a quote longer than a search query (over 200 characters) is still found verbatim', async () => {
    const para = corpusData.result.documents.filter((d) => d.kind === 'report').flatMap((d) => d.paragraphs.map((p) => ({ d, p }))).find(({ p }) => p.text.length > 320)!;
    const quote = para.p.text.slice(0, 300);
    await page.goto(`${server.url}/search/?mode=quote&quote=${encodeURIComponent(quote)}`);
    await page.waitForSelector('.quote-result .verdict', { timeout: 20_000 });
    expect(await page.getAttribute('.quote-result .verdict', 'data-verdict')).toBe('exact');
    expect(await page.getAttribute('.quote-result .quote-place:has(.badge-exact) a[href^="/reports/"]', 'href')).toContain(`/reports/${para.d.id}/`);
  });

  test('quote check: a quote typed in Traditional script is verbatim apart from script, and every report that holds it is listed', async () => {
    const traditional = '生产總值增長5.5%左右';
    const simplified = '生产总值增长5.5%左右';
    await page.goto(`${server.url}/search/?mode=quote&quote=${encodeURIComponent(traditional)}`);
    await page.waitForSelector('.quote-result .verdict', { timeout: 20_000 });
    expect(await page.getAttribute('.quote-result .verdict', 'data-verdict')).toBe('script');
    const verdict = (await page.textContent('.quote-result .verdict')) ?? '';
    expect(verdict).toContain('繁简转换');
    expect(verdict).not.toMatch(/出入|误引/);
    expect(await page.locator('.quote-diff').count()).toBe(0);
    // Every report paragraph that holds the passage, each linked to its paragraph, with its region and year.
    const docs = new Map(corpusData.result.documents.map((d) => [d.id, d]));
    const expected = truth(simplified).filter((u) => docs.get(u.split('/')[2]!)!.kind !== 'coverage');
    expect(new Set(expected.map((u) => u.split('/')[2])).size).toBeGreaterThanOrEqual(2);
    const places = await page.$$eval('.quote-result .quote-place', (lis) =>
      lis.map((li) => ({
        where: li.querySelector('.hit-doc')?.textContent ?? '',
        exact: !!li.querySelector('.badge-exact'),
        href: li.querySelector('a[href^="/reports/"]')?.getAttribute('href') ?? '',
      })),
    );
    const verbatim = places.filter((p) => p.exact);
    expect(new Set(verbatim.map((p) => entryUrl(p.href)))).toEqual(new Set(expected));
    expect(verbatim.length).toBe(expected.length);
    // Verbatim places first; each names its region and year and links with the words to highlight.
    expect(places.slice(0, verbatim.length).every((p) => p.exact)).toBe(true);
    for (const p of verbatim) {
      const d = docs.get(p.href.split('/')[2]!)!;
      expect(p.where).toContain(`${d.year}年`);
      expect(p.where).toContain(d.region!.shortName);
      expect(new URL(p.href, 'http://x').searchParams.get('q')).toBe(simplified);
    }
    await page.screenshot({ path: screenshotPath('search-quote-traditional'), fullPage: true });
    expect(session.errors).toEqual([]);
  });

  test('coverage ranks after the report it quotes, and a coverage paragraph whose figures differ from the report says so', async () => {
    const coverage = corpusData.result.documents.find((d) => d.kind === 'coverage' && d.discrepancies.length)!;
    const x = coverage.discrepancies[0]!;
    await page.goto(`${server.url}/search/`);
    const shown = await searchFor(page, x.metric);
    const kinds = shown.hrefs.map((h) => corpusData.result.documents.find((d) => d.id === h.split('/')[2])!.kind);
    expect(kinds).toContain('coverage');
    expect(kinds.findLastIndex((k) => k !== 'coverage')).toBeLessThan(kinds.indexOf('coverage'));
    const note = page.locator(`[data-results] .hit:has(a.hit-link[href*="/reports/${coverage.id}/"][href$="#${x.coverage.paragraphId}"]) .hit-figures`);
    const words = (await note.textContent()) ?? '';
    expect(words).toContain('数字与报告不同');
    expect(words).toContain(`报告 ${x.report.value}${x.report.unit}`);
    expect(words).toContain(`报道 ${x.coverage.value}${x.coverage.unit}`);
    expect(await note.locator('a').first().getAttribute('href')).toBe(`/reports/${x.report.documentId}/#${x.report.paragraphId}`);
  });

  test('without JavaScript the page says search needs it and lists the reports', async () => {
    const noJs = await session.context.browser()?.newContext({ javaScriptEnabled: false });
    const p = noJs ? await noJs.newPage() : await session.context.newPage();
    try {
      if (!noJs) await p.context().route('**/*.js', (r) => r.abort());
      await p.goto(`${server.url}/search/?q=test`);
      expect(await p.isVisible('[data-nojs]')).toBe(true);
      expect(await p.textContent('[data-nojs]')).toContain('需要启用 JavaScript');
      expect(await p.locator('[data-nojs] a[href^="/reports/"]').count()).toBe(corpusData.result.documents.length);
      expect(await p.isVisible('#q')).toBe(false);
    } finally {
      await p.close();
      await noJs?.close();
    }
  });
});

describe.skipIf(!hasChromium())('search costs nothing until used', () => {
  const server = useDistServer();

  test('a report page loads no search code or index; the header box loads it on focus and shows quick results', async () => {
    const session = await openPage({ width: 1280, height: 900 });
    try {
      const { page } = session;
      const urls: string[] = [];
      page.on('request', (r) => urls.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}/reports/weihai-2024/`, { waitUntil: 'networkidle' });
      expect(urls.filter((u) => u.startsWith('/search/'))).toEqual([]);
      await page.focus('#header-q');
      await page.keyboard.type('国和一号');
      await page.waitForSelector('.quick-results:not([hidden]) .quick-list a.hit-link');
      expect(urls).toContain('/search/index.json');
      expect(urls.some((u) => /^\/search\/[0-9a-f]{12}\/g\/\d+\.bin$/.test(u))).toBe(true);
      // Each keystroke searches; wait for the last query's answer (an earlier one, 国, may show first).
      const expected = `找到 ${truth('国和一号').length} 处`;
      await page.waitForFunction((t) => document.querySelector('.quick-status')?.textContent?.includes(t), expected, { timeout: 10_000 });
      expect(await page.textContent('.quick-status')).toContain(expected);
      // ArrowDown moves into the list; Escape closes it.
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('hit-link'))).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.isHidden('.quick-results')).toBe(true);
      // Enter submits to the full page.
      await page.focus('#header-q');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=/);
      expect(await page.inputValue('#q')).toBe('国和一号');
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe.skipIf(!hasChromium())('search page screenshots', () => {
  const server = useDistServer();
  for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${name} ${scheme}`, async () => {
        const session = await openPage({ width, height, colorScheme: scheme, deviceScaleFactor: name === 'phone' ? 2 : 1 });
        try {
          await session.page.goto(`${server.url}/search/?q=${encodeURIComponent('绿色低碳')}`);
          await settled(session.page);
          await session.page.evaluate(() => document.fonts.ready);
          await screenshotLaidOut(session.page, `search-${name}-${scheme}`);
          const violations = await runAxe(session.page);
          expect(violations, formatViolations(violations)).toEqual([]);
        } finally {
          await session.close();
        }
      });
    }
  }
});
