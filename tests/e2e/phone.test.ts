// On a phone (390 px): nothing scrolls sideways, the report's targets fit and its text starts early,
// one tab stop per paragraph, numbers are not spread by justification, every note and label is
// Chinese, the contents are one tap away, the search page does not shift, and the home page
// groups regions by province with filters that work.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hasChromium, screenshotPath, withPage } from '../helpers/browser.ts';
import { useDistServer } from '../helpers/server.ts';

const PHONE = { width: 390, height: 844 } as const;
const REPORT = '/reports/rongcheng-2023/';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(!hasChromium())('phone, 390 px', () => {
  const server = useDistServer();

  test('no page scrolls sideways: home, regions, a region, a year, a report, coverage, search', async () => {
    await withPage(async (page, { errors }) => {
      for (const p of ['/', '/regions/', '/regions/rongcheng/', '/years/2024/', REPORT, '/reports/weihai-2024-coverage/', '/search/?q=%E5%B0%B1%E4%B8%9A']) {
        await page.goto(`${server.url}${p}`, { waitUntil: 'load' });
        expect(await overflow(page), p).toBeLessThanOrEqual(0);
      }
      expect(errors).toEqual([]);
    }, PHONE);
  });

  test('report: the targets card fits, each verdict is on screen, last year is labelled as last year', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}${REPORT}`);
      const card = await page.evaluate(() => {
        const c = document.getElementById('targets')!;
        const r = c.getBoundingClientRect();
        const cells = [...c.querySelectorAll<HTMLElement>('table.tgt:not(.prev) td, table.tgt:not(.prev) th')].map((e) => e.getBoundingClientRect());
        return {
          scroll: c.scrollWidth - c.clientWidth,
          left: r.left,
          right: r.right,
          outside: cells.filter((b) => b.width > 0 && (b.right > r.right + 0.5 || b.left < r.left - 0.5)).length,
          verdicts: [...c.querySelectorAll('table.tgt:not(.prev) td.own')].map((e) => e.getBoundingClientRect().right),
          heads: [...c.querySelectorAll('table.tgt:not(.prev) thead th')].map((e) => e.textContent),
          prev: (c.querySelector('.prev-year > summary')?.textContent ?? '').trim(),
          prevOpen: (c.querySelector('.prev-year') as HTMLDetailsElement | null)?.open,
        };
      });
      expect(card.scroll).toBeLessThanOrEqual(0);
      expect(card.right).toBeLessThanOrEqual(PHONE.width);
      expect(card.outside).toBe(0);
      expect(card.verdicts.length).toBeGreaterThan(5);
      for (const right of card.verdicts) expect(right).toBeLessThanOrEqual(PHONE.width);
      expect(card.heads.join('|')).not.toMatch(/上年/); // this year's table judges this year's targets only
      expect(card.prev).toMatch(/^上年（2022年）目标的完成情况/);
      expect(card.prevOpen).toBe(false);
      await page.screenshot({ path: screenshotPath('phone-report-top'), fullPage: false });
    }, PHONE);
  });

  test('report: the title block is folded and the text starts within one and a half screens', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}${REPORT}`);
      const facts = await page.evaluate(() => {
        const first = document.querySelector('.report-text .p')!;
        const sha = [...document.querySelectorAll('.title-block .hash')].find((e) => /^[0-9a-f]{64}$/.test(e.textContent ?? ''));
        return {
          firstTop: first.getBoundingClientRect().top + scrollY,
          provenanceOpen: (document.querySelector('.title-block details.provenance') as HTMLDetailsElement).open,
          shaVisible: !!sha && (sha as HTMLElement).checkVisibility(),
        };
      });
      expect(facts.provenanceOpen).toBe(false);
      expect(facts.shaVisible).toBe(false);
      expect(facts.firstTop).toBeLessThan(PHONE.height * 1.5);
      await page.locator('.title-block details.provenance > summary').click();
      expect(await page.locator('.title-block .hash').filter({ hasText: /^[0-9a-f]{64}$/ }).isVisible()).toBe(true);
    }, PHONE);
  });

  test('report: one tab stop per paragraph; the arrow keys reach 原文 and 引用', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}${REPORT}`);
      const counts = await page.evaluate(() => {
        const text = document.querySelector('.report-text')!;
        const tabbable = [...text.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter((e) => e.tabIndex >= 0);
        return { tabbable: tabbable.length, blocks: text.querySelectorAll('.p, .hw').length };
      });
      expect(counts.blocks).toBeGreaterThan(50);
      expect(counts.tabbable / counts.blocks).toBeLessThanOrEqual(1);
      // Tab goes from one paragraph's "#" to the next paragraph's "#".
      await page.locator('#s2-p2 a.pc-link').focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => [document.activeElement?.className, document.activeElement?.closest('.p, .hw')?.querySelector('[id]')?.id ?? document.activeElement?.closest('.p, .hw')?.id])).toEqual(['pc-link', 's2-p3']);
      // Arrow keys move within the paragraph's controls: 原文, then 引用.
      await page.locator('#s2-p2 a.pc-link').focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('pc-src');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('引用');
      await page.keyboard.press('Enter');
      expect(await page.locator('#cite-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    }, PHONE);
  });

  test('report: digits and Latin runs keep their natural spacing in justified text', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}${REPORT}`);
      const spread = await page.evaluate(() => {
        const out: { run: string; inPage: number; natural: number }[] = [];
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;left:-9999px;top:0;white-space:pre;text-align:left';
        document.body.append(probe);
        for (const p of [...document.querySelectorAll<HTMLElement>('.report-text p.p')].slice(0, 60)) {
          const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text | undefined;
          if (!node) continue;
          for (const m of node.data.matchAll(/[0-9.%A-Za-z]{3,}/g)) {
            const r = document.createRange();
            r.setStart(node, m.index!);
            r.setEnd(node, m.index! + 1);
            const first = r.getBoundingClientRect();
            r.setStart(node, m.index! + m[0].length - 1);
            r.setEnd(node, m.index! + m[0].length);
            const last = r.getBoundingClientRect();
            if (Math.abs(last.top - first.top) > 2) continue; // broken across lines
            probe.style.font = getComputedStyle(p).font;
            probe.textContent = m[0];
            const pr = document.createRange();
            pr.setStart(probe.firstChild!, 0);
            pr.setEnd(probe.firstChild!, 1);
            const pf = pr.getBoundingClientRect();
            pr.setStart(probe.firstChild!, m[0].length - 1);
            pr.setEnd(probe.firstChild!, m[0].length);
            const pl = pr.getBoundingClientRect();
            out.push({ run: m[0], inPage: last.left - first.left, natural: pl.left - pf.left });
          }
        }
        probe.remove();
        return out;
      });
      expect(spread.length).toBeGreaterThan(20);
      for (const s of spread) expect(Math.abs(s.inPage - s.natural), s.run).toBeLessThan(0.5);
    }, PHONE);
  });

  test('report: parser notes and citation labels are Chinese (the English formats are marked lang="en")', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}${REPORT}`);
      const t = await page.evaluate(() => ({
        notes: [...document.querySelectorAll('#parser-notes li')].map((li) => {
          const c = li.cloneNode(true) as HTMLElement;
          c.querySelectorAll('code').forEach((x) => x.remove());
          return c.textContent ?? '';
        }),
        labels: [...document.querySelectorAll('#cite .cite-label')].map((e) => e.textContent ?? ''),
        apaLang: document.querySelector('#cite pre[data-format="apa"]')?.getAttribute('lang'),
      }));
      expect(t.notes.length).toBeGreaterThan(0);
      for (const n of t.notes) {
        expect(n).toMatch(/[\u4e00-\u9fff]/);
        expect(n, n).not.toMatch(/\b(the|was|is|not|and|of|in|kept|could|line)\b/i);
      }
      expect(t.labels).toHaveLength(4);
      for (const l of t.labels) expect(l).toMatch(/[\u4e00-\u9fff]/);
      expect(t.apaLang).toBe('en');
    }, PHONE);
  });

  test('report: a floating 目录 link appears once the contents are out of view and opens them', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}${REPORT}`);
      const link = page.locator('a.to-toc');
      expect(await link.isVisible()).toBe(false); // the contents are on screen
      await page.evaluate(() => document.getElementById('s3')!.scrollIntoView());
      await expect.poll(() => link.isVisible()).toBe(true);
      const box = (await link.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      await link.click();
      const toc = await page.evaluate(() => ({
        open: (document.querySelector('#toc .toc-details') as HTMLDetailsElement).open,
        top: document.getElementById('toc')!.getBoundingClientRect().top,
        focused: document.activeElement?.closest('#toc') !== null,
      }));
      expect(toc).toEqual({ open: true, top: expect.any(Number), focused: true });
      expect(toc.top).toBeGreaterThanOrEqual(0);
      expect(toc.top).toBeLessThan(PHONE.height / 2);
    }, PHONE);
  });

  test('search: no layout shift while the page and the results load', async () => {
    await withPage(async (page) => {
      await page.addInitScript(() => {
        (window as unknown as { __cls: number }).__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      for (const q of ['', '?q=%E5%B0%B1%E4%B8%9A', '?q=%E8%90%A5%E5%95%86%E7%8E%AF%E5%A2%83']) {
        await page.goto(`${server.url}/search/${q}`, { waitUntil: 'load' });
        await page.waitForFunction(() => /找到|没有|输入/.test(document.querySelector('[data-status]')?.textContent ?? '') && !document.querySelector('[data-search-page][aria-busy]'));
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls), `CLS /search/${q}`).toBeLessThan(0.02);
      }
    }, PHONE);
  });

  test('home: a province group lists its cities and counties; the filters narrow the list', async () => {
    await withPage(async (page, { errors }) => {
      await page.goto(`${server.url}/`);
      const sd = page.locator('section.dir-prov[data-province="37"]');
      expect(await sd.locator('h3').textContent()).toContain('山东省');
      for (const slug of ['weihai', 'yantai', 'rongcheng']) expect(await sd.locator(`a[href="/regions/${slug}/"]`).isVisible(), slug).toBe(true);
      expect(await sd.locator('a[href="/reports/rongcheng-2021/"]').isVisible()).toBe(true);
      const visibleRegions = () => page.locator('li.dir-row:visible > a.dir-name').allTextContents();
      await page.locator('.dir-filters select[name="level"]').selectOption('county');
      expect(await visibleRegions()).toEqual(['威海市', '荣成市']); // 威海市 stays, dimmed, as the county's city
      expect(await page.locator('li.dir-row.dimmed > a.dir-name').allTextContents()).toEqual(['威海市']);
      await page.locator('.dir-filters select[name="level"]').selectOption('');
      await page.locator('.dir-filters select[name="year"]').selectOption('2025');
      expect(await visibleRegions()).toEqual(['威海市']);
      expect(await page.locator('output.dir-count').textContent()).toContain('显示 1 个地区');
      expect(new URL(page.url()).searchParams.get('year')).toBe('2025');
      await page.reload();
      expect(await visibleRegions()).toEqual(['威海市']); // the state comes back from the address
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    }, PHONE);
  });

  test('home without JavaScript: the whole list, no filter form', async () => {
    await withPage(async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      await page.goto(`${server.url}/?level=county`);
      expect(await page.locator('.dir-filters').isVisible()).toBe(false);
      expect(await page.locator('li.dir-row:visible > a.dir-name').allTextContents()).toEqual(['烟台市', '威海市', '荣成市']);
    }, PHONE);
  });

  test('year page: the distribution fits the screen and every city is a marker on its province row', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/years/2024/`);
      const gdp = page.locator('#dist-2024-gdp-growth');
      const facts = await gdp.evaluate((fig) => {
        const r = fig.getBoundingClientRect();
        const marks = [...fig.querySelectorAll<HTMLElement>('.dist-track .mk')];
        return {
          right: r.right,
          inside: marks.every((m) => m.getBoundingClientRect().left >= r.left && m.getBoundingClientRect().right <= r.right),
          titles: marks.map((m) => m.title).sort(),
        };
      });
      expect(facts.right).toBeLessThanOrEqual(PHONE.width);
      expect(facts.inside).toBe(true);
      expect(facts.titles).toEqual(['威海市：增长5.5%左右', '烟台市：增长5.5%左右', '荣成市：增长5.5%']);
      await gdp.screenshot({ path: screenshotPath('phone-year-distribution') });
    }, PHONE);
  });
});
