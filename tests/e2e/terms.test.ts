/**
 * /terms/ in Chromium over the built site (seeds): the counts of a phrase per report, the chart's
 * lines and the CSV are checked against the parsed reports' paragraph and heading texts (counted
 * here by a plain scan of the folded text, not through the index); a Traditional query counts
 * its Simplified form; the search page links a one-word query to it; axe-core finds nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, runAxe } from '../helpers/axe.ts';
import { hasChromium, screenshotLaidOut, withPage } from '../helpers/browser.ts';
import { serveDist, type DistServer } from '../helpers/server.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { foldText } from '../../src/lib/search/tokens.ts';
import { parseCsv } from '../../src/lib/text/index.ts';

const corpus = await loadCorpus();
const reports = corpus.result.documents.filter((d) => d.kind !== 'coverage' && d.year);

/** Per report: occurrences of the phrase (overlapping ones too), paragraphs and headings holding it, folded characters. */
function truth(q: string) {
  const phrase = foldText(q).folded;
  return reports.map((d) => {
    const texts = [...d.paragraphs.map((p) => p.text), ...d.sections.filter((s) => s.text.trim() && s.headingPosition).map((s) => s.text)].map((t) => foldText(t).folded);
    const per = texts.map((t) => {
      let n = 0;
      for (let at = t.indexOf(phrase); at >= 0; at = t.indexOf(phrase, at + 1)) n++;
      return n;
    });
    return { doc: d, occurrences: per.reduce((a, b) => a + b, 0), entries: per.filter((n) => n > 0).length, chars: texts.reduce((n, t) => n + Array.from(t).length, 0) };
  });
}

async function counted(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-terms-page]') as HTMLElement;
    return root.dataset.bytes !== undefined && !root.hasAttribute('aria-busy') && (document.querySelector('#term-trend') as HTMLElement).dataset.drawn === 'true';
  }, null, { timeout: 30_000 });
}

describe.skipIf(!hasChromium())('/terms/ in Chromium', () => {
  let server: DistServer;
  beforeAll(async () => {
    server = await serveDist();
  });
  afterAll(async () => {
    await server?.close();
  });

  test('高质量发展: every report that uses it, with its count, paragraphs and rate; the chart and the CSV hold the same numbers', async () => {
    const want = truth('高质量发展');
    const using = want.filter((t) => t.occurrences > 0);
    expect(using.length).toBeGreaterThan(1);
    await withPage(async (page) => {
      await page.goto(`${server.url}/terms/?q=${encodeURIComponent('高质量发展')}`, { waitUntil: 'load' });
      await counted(page);
      const rows = await page.$$eval('[data-rows] tr', (trs) =>
        trs.map((tr) => ({ doc: tr.getAttribute('data-doc'), occurrences: Number(tr.getAttribute('data-occurrences')), entries: Number(tr.getAttribute('data-entries')), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent), links: [...tr.querySelectorAll('a')].map((a) => a.getAttribute('href')) })),
      );
      expect(rows.map((r) => [r.doc, r.occurrences, r.entries]).sort()).toEqual(using.map((t) => [t.doc.id, t.occurrences, t.entries]).sort());
      for (const r of rows) {
        const t = using.find((u) => u.doc.id === r.doc)!;
        expect(r.cells.slice(1, 3)).toEqual([String(t.doc.year), String(t.occurrences)]);
        expect(Number(r.cells[3])).toBeCloseTo((t.occurrences * 10_000) / t.chars, 2);
        expect(r.cells.slice(4)).toEqual([String(t.entries), t.doc.region!.shortName, { national: '国务院', province: '省', prefecture: '市', county: '县' }[t.doc.region!.level as string]]);
        expect(r.links[0]).toBe(`/reports/${t.doc.id}/`);
        const search = new URL(r.links[1]!, server.url);
        expect([search.pathname, search.searchParams.get('q'), search.searchParams.get('region'), search.searchParams.get('year')]).toEqual(['/search/', '高质量发展', t.doc.region!.slug, String(t.doc.year)]);
      }
      const status = await page.locator('[data-status]').innerText();
      const total = using.reduce((n, t) => n + t.occurrences, 0);
      expect(status).toContain(`在 ${using.length} 份报告的 ${using.reduce((n, t) => n + t.entries, 0)} 个段落中出现 ${total} 次`);
      expect(status).toContain(`检索了全部 ${reports.length} 份报告`);
      const bytes = Number(await page.locator('[data-terms-page]').getAttribute('data-bytes'));
      expect(bytes).toBeGreaterThan(0);

      // The chart: with the seeds' few regions, a line per region; each point is the region's rate that year.
      const chart = await page.evaluate(() => {
        const c = (document.querySelector('#term-trend') as HTMLElement & { chart: { data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] } } }).chart;
        return { labels: c.data.labels, lines: c.data.datasets.map((d) => [d.label, d.data] as const) };
      });
      const regions = new Set(want.map((t) => t.doc.region!.shortName));
      expect(chart.lines.map(([l]) => l).sort()).toEqual([...regions].sort());
      for (const [label, data] of chart.lines) {
        chart.labels.forEach((y, j) => {
          const ds = want.filter((t) => t.doc.region!.shortName === label && String(t.doc.year) === y);
          if (!ds.length) return expect(data[j]).toBeNull();
          const rate = (ds.reduce((n, t) => n + t.occurrences, 0) * 10_000) / ds.reduce((n, t) => n + t.chars, 0);
          expect(data[j], `${label} ${y}`).toBeCloseTo(rate, 2);
        });
      }

      // The CSV: a header row, then every report (those without the phrase too).
      const csv = await page.evaluate(async () => {
        const a = document.querySelector('[data-csv]') as HTMLAnchorElement;
        return { href: a.href, download: a.download, text: await (await fetch(a.href)).text() };
      });
      expect(csv.href).toMatch(/^blob:/);
      const [header, ...body] = parseCsv(csv.text);
      expect(header).toEqual(['词语', '报告', '编号', '地区', '层级', '年份', '出现次数', '所在段落数', '字数', '每万字次数', '链接']);
      expect(body.map((r) => [r[2], Number(r[6]), Number(r[7]), Number(r[8])]).sort()).toEqual(want.map((t) => [t.doc.id, t.occurrences, t.entries, t.chars]).sort());
      await screenshotLaidOut(page, 'terms-desktop', { fullPage: true });
    }, { width: 1280, height: 900 });
  });

  test('a Traditional query counts its Simplified form; a phrase no report uses says so', async () => {
    const using = truth('高质量发展').filter((t) => t.occurrences > 0);
    await withPage(async (page) => {
      await page.goto(`${server.url}/terms/?q=${encodeURIComponent('高質量發展')}`, { waitUntil: 'load' });
      await counted(page);
      expect(await page.locator('[data-status]').innerText()).toContain('已按简体「高质量发展」统计');
      const rows = await page.$$eval('[data-rows] tr', (trs) => trs.map((tr) => [tr.getAttribute('data-doc'), Number(tr.getAttribute('data-occurrences'))]));
      expect(rows.sort()).toEqual(using.map((t) => [t.doc.id, t.occurrences]).sort());

      // Typed into the box: the URL follows, and nothing is shown for a phrase no report holds.
      const none = '高质量发展不存在的词语组合';
      expect(truth(none).every((t) => t.occurrences === 0)).toBe(true);
      await page.fill('#term', none);
      await page.press('#term', 'Enter');
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q && /没有报告用到/.test(document.querySelector('[data-status]')?.textContent ?? ''), none);
      expect(await page.locator('[data-output]').isHidden()).toBe(true);
      await page.fill('#term', '的');
      await page.press('#term', 'Enter');
      await page.waitForFunction(() => /至少两个字/.test(document.querySelector('[data-status]')?.textContent ?? ''));
      expect(await page.locator('[data-output]').isHidden()).toBe(true);
    });
  });

  test('the search page links a one-word query to its uses over the years', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent('新质生产力')}`, { waitUntil: 'load' });
      const link = page.locator('[data-terms-link] a');
      await link.waitFor({ state: 'visible' });
      expect(await link.innerText()).toBe('这个词的历年用法');
      expect(await link.getAttribute('href')).toBe(`/terms/?q=${encodeURIComponent('新质生产力')}`);
      await link.click();
      await counted(page);
      expect(await page.inputValue('#term')).toBe('新质生产力');
    });
  });

  for (const [tag, width, height, scheme] of [['phone', 390, 844, 'light'], ['dark', 1280, 900, 'dark']] as const) {
    test(`axe-core finds no violations on /terms/ (${tag}), no sideways scroll`, async () => {
      await withPage(
        async (page) => {
          await page.goto(`${server.url}/terms/?q=${encodeURIComponent('高质量发展')}`, { waitUntil: 'load' });
          await counted(page);
          if (tag === 'phone') await screenshotLaidOut(page, 'terms-phone', { fullPage: true });
          const violations = await runAxe(page);
          expect(violations, formatViolations(violations)).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        },
        { width, height, colorScheme: scheme },
      );
    });
  }
});
