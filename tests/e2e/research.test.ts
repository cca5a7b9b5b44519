/**
 * The research views in real Chromium over the built site (seeds): the hierarchy chart draws the
 * two regions' targets; the changes page marks what went and what came; and axe-core finds nothing
 * on these pages in either theme or at phone width.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatViolations, runAxe } from '../helpers/axe.ts';
import { hasChromium, screenshotLaidOut, withPage } from '../helpers/browser.ts';
import { serveDist, type DistServer } from '../helpers/server.ts';

describe.skipIf(!hasChromium())('research views in Chromium', () => {
  let server: DistServer;
  beforeAll(async () => {
    server = await serveDist();
  });
  afterAll(async () => {
    await server?.close();
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

  for (const [tag, width, height, scheme] of [['desktop', 1280, 900, 'light'], ['phone', 390, 844, 'light'], ['dark', 1280, 900, 'dark']] as const) {
    test(`axe-core finds no violations on the research pages (${tag}), no sideways scroll`, async () => {
      await withPage(
        async (page) => {
          for (const p of ['/regions/rongcheng/changes/2024/', '/regions/rongcheng/', '/indicators/gdp/']) {
            await page.goto(`${server.url}${p}`, { waitUntil: 'load' });
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
