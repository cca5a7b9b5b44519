/**
 * The research views in real Chromium over the built site (seeds): term trends counted from the
 * search index equal the counts in the text; the hierarchy chart draws the two regions' targets;
 * the changes page marks what went and what came; the search page links to the terms page; and
 * axe-core finds nothing on these pages in either theme or at phone width.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { formatViolations, runAxe } from '../helpers/axe.ts';
import { hasChromium, screenshotLaidOut, withPage } from '../helpers/browser.ts';
import { serveDist, type DistServer } from '../helpers/server.ts';

const corpus = await loadCorpus();

/** Uses of `phrase` in a report's paragraphs and headings, counted in the parsed text. */
function countInText(id: string, phrase: string): number {
  const d = corpus.result.documents.find((x) => x.id === id)!;
  return [...d.paragraphs.map((p) => p.text), ...d.sections.map((s) => s.text)].reduce((n, t) => n + t.split(phrase).length - 1, 0);
}

describe.skipIf(!hasChromium())('research views in Chromium', () => {
  let server: DistServer;
  beforeAll(async () => {
    server = await serveDist();
  });
  afterAll(async () => {
    await server?.close();
  });

  test('term trends: the counts the search index gives equal the counts in the text', async () => {
    await withPage(async (page, { errors }) => {
      await page.goto(`${server.url}/terms/?q=${encodeURIComponent('高质量发展')}`, { waitUntil: 'load' });
      await page.waitForSelector('term-trends .lc-chart[data-drawn]', { timeout: 30_000 });
      const rows = await page.$$eval('term-trends .tt-docs tbody tr', (trs) =>
        trs.map((tr) => ({ href: tr.querySelector('td:nth-child(2) a')!.getAttribute('href')!, count: Number(tr.querySelector('td:nth-child(3)')!.textContent!.replace('次', '')) })),
      );
      const reports = corpus.result.documents.filter((d) => d.kind !== 'coverage');
      const using = reports.filter((d) => countInText(d.id, '高质量发展') > 0);
      expect(rows.map((r) => r.href.split('/')[2]).sort()).toEqual(using.map((d) => d.id).sort());
      for (const r of rows) expect(r.count, r.href).toBe(countInText(r.href.split('/')[2]!, '高质量发展'));
      const datasets = await page.evaluate(() => {
        const el = document.querySelector('term-trends .lc-chart') as HTMLElement & { chart: { data: { datasets: { label: string; data: (number | null)[] }[] } } };
        return el.chart.data.datasets.map((d) => d.label);
      });
      expect(datasets).toEqual(expect.arrayContaining(['县级报告', '地级报告']));
      expect(errors).toEqual([]);
    });
  });

  test('the hierarchy chart on Rongcheng’s page: its 2024 targets beside Weihai’s', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/regions/rongcheng/#hierarchy`, { waitUntil: 'load' });
      const data = await page.evaluate(async () => {
        const el = document.querySelector('#hier-rongcheng-industrial-value-added-growth') as HTMLElement & { draw(): Promise<void>; chart: { data: { datasets: { label: string; data: (number | null)[] }[] } } };
        await el.draw();
        return el.chart.data.datasets.map((d) => [d.label, d.data]);
      });
      expect(data).toEqual([['荣成', [7.5]], ['威海', [7]]]);
      const csv = await (await fetch(`${server.url}/regions/rongcheng/hierarchy.csv`)).text();
      expect(csv).toContain('rongcheng-weihai-industrial-value-added-growth-2024');
    });
  });

  test('the changes page marks the opening sentence’s edits and links both years', async () => {
    await withPage(async (page) => {
      const res = await page.goto(`${server.url}/regions/rongcheng/changes/2024/`, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      const changed = await page.$$eval('.chg-changed', (ps) => ps.map((p) => ({ del: [...p.querySelectorAll('del')].map((d) => d.textContent), links: [...p.querySelectorAll('a')].map((a) => a.getAttribute('href')) })));
      const opening = changed.find((c) => c.del.some((d) => d?.includes('荣成')))!;
      expect(opening.links.some((h) => h?.startsWith('/reports/rongcheng-2024/#'))).toBe(true);
      expect(opening.links.some((h) => h?.startsWith('/reports/rongcheng-2023/#'))).toBe(true);
      expect(await page.locator('.chg-targets tbody tr', { hasText: '地区生产总值' }).innerText()).toMatch(/增长5%\s+增长5\.5%\s+\+0\.5/);
    });
  });

  test('the search page links to the terms page for the query in the URL', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent('高质量发展')}`, { waitUntil: 'load' });
      const link = page.locator('a[data-term-link]');
      await expect.poll(() => link.getAttribute('href')).toBe(`/terms/?q=${encodeURIComponent('高质量发展')}`);
      expect(await link.isVisible()).toBe(true);
    });
  });

  for (const [tag, width, height, scheme] of [['desktop', 1280, 900, 'light'], ['phone', 390, 844, 'light'], ['dark', 1280, 900, 'dark']] as const) {
    test(`axe-core finds no violations on the research pages (${tag}), no sideways scroll`, async () => {
      await withPage(
        async (page) => {
          for (const p of ['/regions/rongcheng/changes/2024/', `/terms/?q=${encodeURIComponent('高质量发展')}`, '/regions/rongcheng/', '/indicators/gdp/']) {
            await page.goto(`${server.url}${p}`, { waitUntil: 'load' });
            if (p.startsWith('/terms/')) await page.waitForSelector('term-trends .lc-chart[data-drawn]', { timeout: 30_000 });
            await page.evaluate(async () => {
              for (const el of document.querySelectorAll('lines-chart, comparison-chart')) await (el as HTMLElement & { draw(): Promise<void> }).draw();
            });
            if (tag !== 'dark') await screenshotLaidOut(page, `research${p.replace(/\?.*$/, '').replace(/\/$/, '').replace(/\//g, '-')}-${tag}`, { fullPage: false });
            const violations = await runAxe(page);
            expect(violations, `${p}\n${formatViolations(violations)}`).toEqual([]);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow, p).toBeLessThanOrEqual(0);
          }
        },
        { width, height, colorScheme: scheme },
      );
    });
  }
});
