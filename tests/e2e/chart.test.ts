/**
 * Charts in real Chromium over the built site: the Rongcheng region page draws charts
 * whose datasets equal the comparison records, the data table and the CSV hold the same
 * numbers, a click on a point opens the sentence, readers without JavaScript get the
 * tables, and axe-core finds nothing on the chart pages in either theme or at phone width.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { measureCharts } from '../../scripts/bench-charts.ts';
import { loadCorpus } from '../../src/data/load.ts';
import type { Comparison } from '../../src/lib/compare/schema.ts';
import { buildComparisons } from '../../src/lib/compare/build.ts';
import { parseCsv } from '../../src/lib/text/csv.ts';
import { convertUnit } from '../../src/lib/compare/verdicts.ts';
import { formatViolations, runAxe } from '../helpers/axe.ts';
import { CHROMIUM_ARGS, chromiumPath, hasChromium, screenshotLaidOut, withPage } from '../helpers/browser.ts';
import { distDir } from '../helpers/dist.ts';
import { serveDist, type DistServer } from '../helpers/server.ts';

/** The seeds as the site parses them (src/data/load.ts). */
const corpusData = await loadCorpus();

interface DrawnChart {
  id: string;
  labels: (string | string[])[];
  target: (number | null)[];
  result: (number | null)[];
  unit: string;
  csv: string;
  table: { label: string; target: string; result: string }[];
}

/** Draw every chart on the page and read back what Chart.js holds, and the tables. */
async function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.evaluate(async () => {
    type El = HTMLElement & { draw(): Promise<void>; chart?: { data: { labels: (string | string[])[]; datasets: { data: (number | null)[] }[] } } };
    const els = [...document.querySelectorAll<El>('comparison-chart')];
    await Promise.all(els.map((el) => el.draw()));
    return els.map((el) => {
      const series = JSON.parse(el.querySelector('script[type="application/json"]')!.textContent!) as { unit: string; csvPath: string };
      return {
        id: el.id,
        labels: el.chart!.data.labels,
        target: el.chart!.data.datasets[0]!.data,
        result: el.chart!.data.datasets[1]!.data,
        unit: series.unit,
        csv: series.csvPath,
        table: [...el.querySelectorAll('tbody tr')].map((tr) => ({
          label: tr.querySelector('th')!.textContent!.trim(),
          target: tr.querySelectorAll('td')[0]!.getAttribute('data-value')!,
          result: tr.querySelectorAll('td')[1]!.getAttribute('data-value')!,
        })),
      };
    });
  });
}

const num = (s: string) => (s === '' ? null : Number(s));

describe.skipIf(!hasChromium())('charts in Chromium', () => {
  let server: DistServer;
  let records: Comparison[];
  beforeAll(async () => {
    server = await serveDist();
    records = buildComparisons(corpusData.result);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The plotted number a record gives for one side: as stated, levels in the chart's unit. */
  function expected(rec: Comparison | undefined, side: 'target' | 'result', unit: string): number | null {
    const s = rec?.[side];
    if (!s || s.value === null) return null;
    if (rec!.measure !== 'level') return s.unit === unit ? s.value : null;
    const v = convertUnit(s.value, s.unit, unit);
    return v === null ? null : Number(v.toPrecision(12));
  }

  test('the Rongcheng region page draws charts whose datasets equal the comparison records', async () => {
    await withPage(async (page, { errors }) => {
      const res = await page.goto(`${server.url}/regions/rongcheng/`, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      const charts = await drawnCharts(page);
      expect(charts.length).toBeGreaterThan(3);

      // The facts, literally.
      const gdp = charts.find((c) => c.id === 'region-rongcheng-gdp-growth')!;
      expect(gdp.labels.map((l) => (Array.isArray(l) ? l[0] : l))).toEqual(['2021', '2022', '2023', '2024']);
      expect(gdp.labels.map((l) => (Array.isArray(l) ? l[1] : ''))).toEqual(['未完成', '未完成', '超额完成', '待公布']);
      expect(gdp.target).toEqual([6, 6, 5, 5.5]);
      expect(gdp.result).toEqual([5.3, 3, 6, null]);
      const level = charts.find((c) => c.id === 'region-rongcheng-gdp-level')!;
      const byYear = new Map(level.labels.map((l, i) => [Array.isArray(l) ? l[0] : l, level.result[i]]));
      expect([byYear.get('2021'), byYear.get('2022'), byYear.get('2023')]).toEqual([1000, 1057, 1050]);

      // Every chart against the records, point by point.
      const rong = records.filter((r) => r.region.slug === 'rongcheng');
      for (const c of charts) {
        const [, , ...rest] = c.id.split('-'); // region-rongcheng-<key>-<measure>
        const measure = rest.pop()!;
        const key = rest.join('-');
        c.labels.forEach((l, i) => {
          const year = Array.isArray(l) ? l[0] : l;
          const rec = rong.find((r) => r.id === `rongcheng-${key}-${measure}-${year}`);
          expect(c.target[i], `${c.id} ${year} target`).toBe(expected(rec, 'target', c.unit));
          expect(c.result[i], `${c.id} ${year} result`).toBe(expected(rec, 'result', c.unit));
        });
      }
      // And every annual record with a number is drawn somewhere.
      const drawn = new Set(charts.flatMap((c) => c.labels.map((l) => `${c.id.replace(/^region-/, '')}-${Array.isArray(l) ? l[0] : l}`)));
      const numeric = rong.filter((r) => r.horizon === 'annual' && r.measure !== 'qualitative' && (r.target?.value != null || r.result?.value != null));
      for (const r of numeric) {
        const m = /^rongcheng-(.+)-(growth|level|share)-(\d{4})$/.exec(r.id)!;
        expect(drawn, r.id).toContain(`rongcheng-${m[1]}-${m[2]}-${m[3]}`);
      }
      expect(errors).toEqual([]);
    });
  });

  test('the table beside each chart and its CSV hold exactly the plotted numbers', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/regions/rongcheng/`, { waitUntil: 'load' });
      const charts = await drawnCharts(page);
      for (const c of charts) {
        const labels = c.labels.map((l) => (Array.isArray(l) ? l[0] : l));
        expect(c.table.map((r) => r.label), c.id).toEqual(labels);
        expect(c.table.map((r) => num(r.target)), c.id).toEqual(c.target);
        expect(c.table.map((r) => num(r.result)), c.id).toEqual(c.result);
        const res = await fetch(`${server.url}${c.csv}`);
        expect(res.status, c.csv).toBe(200);
        const [head, ...rows] = parseCsv(await res.text());
        const col = (name: string) => head!.indexOf(name);
        expect(rows.map((r) => r[col('label')]), c.csv).toEqual(labels);
        expect(rows.map((r) => num(r[col('target')]!)), c.csv).toEqual(c.target);
        expect(rows.map((r) => num(r[col('result')]!)), c.csv).toEqual(c.result);
        expect(new Set(rows.map((r) => r[col('unit')])), c.csv).toEqual(new Set([c.unit]));
      }
      // The visible words of the GDP table say what the report says.
      const gdpText = (await page.locator('#region-rongcheng-gdp-growth table').textContent()) ?? '';
      expect(gdpText).toContain('增长5.3%');
      expect(gdpText).toContain('未完成');
    });
  });

  test('clicking a point opens the sentence it came from', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/regions/rongcheng/`, { waitUntil: 'load' });
      const el = page.locator('#region-rongcheng-gdp-growth');
      await el.scrollIntoViewIfNeeded();
      const point = await el.evaluate(async (node) => {
        const n = node as HTMLElement & { draw(): Promise<void>; chart: { getDatasetMeta(i: number): { data: { x: number; y: number }[] } } };
        await n.draw();
        const p = n.chart.getDatasetMeta(1).data[1]!; // the 2022 result: 3%
        return { x: p.x, y: p.y };
      });
      const box = (await el.locator('canvas').boundingBox())!;
      await Promise.all([page.waitForURL(/\/reports\/rongcheng-2023\//), page.mouse.click(box.x + point.x, box.y + point.y)]);
      const url = new URL(page.url());
      expect(url.pathname).toBe('/reports/rongcheng-2023/');
      expect(url.hash.startsWith('#s1-p4')).toBe(true);
      expect(await page.locator('#s1-p4').innerText()).toContain('增长3%');
    });
  });

  test('the year page 2024 shows the GDP growth targets of Weihai, Yantai and Rongcheng side by side', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/years/2024/`, { waitUntil: 'load' });
      // Drawn without a script (src/components/charts/TargetDistribution.astro): one marker per city.
      const marks = await page.locator('#dist-2024-gdp-growth .dist-track .mk').evaluateAll((ms) =>
        ms.map((m) => ({ title: (m as HTMLElement).title, x: getComputedStyle(m).getPropertyValue('--x') })),
      );
      expect(marks.map((m) => m.title.split('：')[0]).sort()).toEqual(['威海市', '烟台市', '荣成市'].sort());
      expect(new Set(marks.map((m) => m.x)).size).toBe(1); // all three at 5.5%
      expect(await page.locator('#dist-2024-gdp-growth .dist-data tbody tr').count()).toBe(3);
    });
  });

  test('without JavaScript the tables are open and no empty chart area is shown', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS], headless: true });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/regions/rongcheng/`, { waitUntil: 'load' });
      const gdp = page.locator('#region-rongcheng-gdp-growth');
      await expect.poll(() => gdp.locator('table').isVisible()).toBe(true);
      expect(await gdp.locator('canvas').isVisible()).toBe(false);
      expect(await gdp.locator('.chart-summary').innerText()).toContain('2022年目标增长6%，预计增长3%，未完成');
      await context.close();
    } finally {
      await browser.close();
    }
  });

  const pages = ['/regions/rongcheng/', '/years/2024/', '/indicators/gdp/', '/indicators/'];
  for (const [width, height, scheme, tag] of [
    [1280, 900, 'light', 'desktop'],
    [390, 844, 'dark', 'phone'],
    [1280, 900, 'dark', 'desktop-dark'],
    [390, 844, 'light', 'phone-light'],
  ] as const) {
    test(`axe-core finds no violations on chart pages (${tag}), and screenshots`, async () => {
      await withPage(
        async (page, { errors }) => {
          for (const p of pages) {
            await page.goto(`${server.url}${p}`, { waitUntil: 'load' });
            await page.evaluate(async () => {
              for (const el of document.querySelectorAll('comparison-chart')) await (el as HTMLElement & { draw(): Promise<void> }).draw();
            });
            await page.evaluate(() => document.fonts.ready);
            if (tag === 'desktop' || tag === 'phone') {
              await screenshotLaidOut(page, `charts${p.replace(/\/$/, '').replace(/\//g, '-')}-${tag}`, { fullPage: true });
            }
            const violations = await runAxe(page);
            expect(violations, `${p}\n${formatViolations(violations)}`).toEqual([]);
            // Charts do not make the page scroll sideways on a phone.
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow, p).toBeLessThanOrEqual(0);
          }
          expect(errors).toEqual([]);
        },
        { width, height, colorScheme: scheme },
      );
    });
  }
});

describe('chart code loads only where there is a chart', () => {
  test('pages without a chart reference no chart script; chart pages load Chart.js only when a chart is drawn', () => {
    const m = measureCharts(distDir);
    expect(m.chartCodeWithoutChart).toEqual([]);
    expect(m.pagesWithCharts).toBeGreaterThan(3);
    // Chart.js is not in what the page loads up front, only in the chunk the first chart imports.
    const initial = m.initial.files.map((f) => readFileSync(path.join(distDir, f), 'utf8')).join('\n');
    expect(initial).not.toMatch(/new Chart|registerables|LineController/);
    expect(m.onFirstChart.files.length).toBeGreaterThan(0);
    const report = readFileSync(path.join(distDir, 'reports', 'rongcheng-2024', 'index.html'), 'utf8');
    expect(report).not.toMatch(/chart-draw/);
  });
});
