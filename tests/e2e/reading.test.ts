// The reading site in headless Chromium: home, a report, the TOC, copy-link, cite, quote copy, anchors.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { hasChromium, layoutOf, screenshotLaidOut, screenshotPath, withPage } from '../helpers/browser.ts';
import { useDistServer } from '../helpers/server.ts';

const CANONICAL = new URL(process.env.SITE_URL || 'https://report-explorer.example').origin;

/** Today as the browser sees it (the access date citations must carry). */
const today = (page: Page) => page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

async function headerBottom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const h = document.querySelector('.site-header')!;
    const pos = getComputedStyle(h).position;
    // A header that is not sticky cannot cover anything once scrolled.
    return pos === 'sticky' || pos === 'fixed' ? h.getBoundingClientRect().bottom : 0;
  });
}

async function targetBox(page: Page, id: string) {
  return page.evaluate((i) => {
    const el = document.getElementById(i)!;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, bg: getComputedStyle(el).backgroundColor, isTarget: el.matches(':target'), vh: innerHeight };
  }, id);
}

describe.skipIf(!hasChromium())('reading site in Chromium', () => {
  const server = useDistServer();

  test('home page lists every report and the links work', async () => {
    await withPage(async (page, { errors }) => {
      const res = await page.goto(`${server.url}/`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toContain('政府工作报告');
      const years = page.locator('.dir .dir-years a[href^="/reports/"]');
      expect(await years.count()).toBeGreaterThanOrEqual(7);
      await page.locator('.dir a[href="/reports/rongcheng-2023/"]').click();
      await page.waitForURL(/\/reports\/rongcheng-2023\/$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('荣成市2023年政府工作报告');
      expect(errors).toEqual([]);
    });
  });

  test('report: follow the TOC; the heading lands clear of the sticky header and is highlighted', async () => {
    await withPage(async (page, { errors }) => {
      await page.goto(`${server.url}/reports/weihai-2024/`);
      const toc = page.locator('nav.toc a[data-toc="s2-3"]');
      expect(await toc.isVisible()).toBe(true); // open on a wide screen without a click
      await toc.click();
      await page.waitForFunction(() => location.hash === '#s2-3');
      const box = await targetBox(page, 's2-3');
      expect(box.isTarget).toBe(true);
      expect(box.top).toBeGreaterThanOrEqual(await headerBottom(page));
      expect(box.bottom).toBeLessThanOrEqual(box.vh);
      expect(box.bg).not.toBe('rgba(0, 0, 0, 0)');
      await page.waitForFunction(() => document.querySelector('nav.toc a[aria-current]')?.getAttribute('data-toc') === 's2-3');
      expect(errors).toEqual([]);
    }, { width: 1280, height: 900 });
  });

  test('phone: the TOC is collapsed and opens; a paragraph anchor lands in view, highlighted', async () => {
    await withPage(async (page, { errors }) => {
      await page.goto(`${server.url}/reports/rongcheng-2023/`);
      const link = page.locator('nav.toc a[data-toc="s2"]');
      expect(await link.isVisible()).toBe(false);
      await page.locator('nav.toc summary').click();
      expect(await link.isVisible()).toBe(true);
      await link.click();
      await page.waitForFunction(() => location.hash === '#s2');
      expect(await link.isVisible()).toBe(false); // closed again after the jump
      await page.goto(`${server.url}/reports/rongcheng-2023/#s2-p2`);
      const box = await targetBox(page, 's2-p2');
      expect(box.isTarget).toBe(true);
      expect(box.top).toBeGreaterThanOrEqual(await headerBottom(page));
      expect(box.top).toBeLessThan(box.vh);
      expect(box.bg).not.toBe('rgba(0, 0, 0, 0)');
      expect(errors).toEqual([]);
    }, { width: 390, height: 844 });
  });

  for (const width of [1024, 1280, 1600]) {
    test(`landing on a paragraph anchor at ${width}px: target below the sticky header, highlighted`, async () => {
      await withPage(async (page) => {
        await page.goto(`${server.url}/reports/yantai-2024/#s3-2-p3`);
        const box = await targetBox(page, 's3-2-p3');
        const header = await headerBottom(page);
        expect(header).toBeGreaterThan(0); // the header is sticky here
        expect(box.top).toBeGreaterThanOrEqual(header);
        expect(box.top).toBeLessThan(header + 60); // near the top, not pushed far down
        expect(box.isTarget).toBe(true);
        expect(box.bg).not.toBe('rgba(0, 0, 0, 0)');
      }, { width, height: 800 });
    });
  }

  test('copy-link copies the permanent URL of a paragraph and of a heading', async () => {
    await withPage(async (page, { context, errors }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.goto(`${server.url}/reports/weihai-2024/`);
      const p = page.locator('#s2-p2');
      await p.hover();
      const control = p.locator('a.pc-link');
      expect(await control.isVisible()).toBe(true);
      await control.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${CANONICAL}/reports/weihai-2024/#s2-p2`);
      expect(page.url()).toMatch(/#s2-p2$/); // still a plain link: the address bar follows
      await expect(page.locator('.toast').textContent()).resolves.toContain('已复制');
      await page.locator('.hw:has(#s2-1)').hover();
      await page.locator('.hw:has(#s2-1) a.pc-link').click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${CANONICAL}/reports/weihai-2024/#s2-1`);
      expect(errors).toEqual([]);
    }, { width: 1280, height: 900 });
  });

  test('cite a paragraph: GB/T 7714 has the title, the paragraph URL and today as access date; one click copies it', async () => {
    await withPage(async (page, { context, errors }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.goto(`${server.url}/reports/rongcheng-2023/`);
      await page.locator('#s2-p2').hover();
      await page.locator('#s2-p2 button.pc-cite').click();
      const dialog = page.locator('#cite-dialog');
      expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      const gbt = (await dialog.locator('pre[data-format="gbt7714"]').textContent())!;
      expect(gbt).toContain('荣成市2023年政府工作报告');
      expect(gbt).toContain(`${CANONICAL}/reports/rongcheng-2023/#s2-p2`);
      expect(gbt).toContain('[EB/OL]');
      expect(gbt).toContain(`[${await today(page)}]`);
      expect(gbt).toContain('荣成市人民政府');
      const bib = (await dialog.locator('pre[data-format="bibtex"]').textContent())!;
      expect(bib).toMatch(/^@misc\{rongcheng2023:s2-p2,/);
      expect(JSON.parse((await dialog.locator('pre[data-format="cslJson"]').textContent())!)[0].URL).toBe(`${CANONICAL}/reports/rongcheng-2023/#s2-p2`);
      await dialog.locator('button.copy[data-copy-format="gbt7714"]').click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(gbt);
      await page.keyboard.press('Escape');
      expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
      // The whole-report citation in the <details>, re-dated today.
      await page.locator('#cite > summary').click();
      const whole = (await page.locator('#cite pre[data-format="gbt7714"]').textContent())!;
      expect(whole).toContain(`${CANONICAL}/reports/rongcheng-2023/. `);
      expect(whole).toContain(`[${await today(page)}]`);
      expect(errors).toEqual([]);
    }, { width: 1280, height: 900 });
  });

  test('select words → copy quote with citation; its text fragment finds those words (mid-word, not an earlier occurrence)', async () => {
    let copied = '';
    await withPage(async (page, { context, errors }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.goto(`${server.url}/reports/weihai-2024/`);
      // Select 产总值增 inside 生产总值增长5.5%左右: it starts and ends inside words, and 产总值增 also occurs earlier (s1-p2).
      const selected = await page.evaluate(() => {
        const p = document.getElementById('s2-p2')!;
        const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('生产总值增长5.5%左右'))!;
        const at = node.textContent!.indexOf('产总值增长5.5%');
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + '产总值增'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(r);
        return r.toString();
      });
      expect(selected).toBe('产总值增');
      const button = page.locator('button.quote-btn');
      await button.waitFor({ state: 'visible' });
      await button.click();
      copied = await page.evaluate(() => navigator.clipboard.readText());
      const [quote, cite, link] = copied.split('\n');
      expect(quote).toBe('“产总值增”');
      expect(cite).toMatch(/^——威海市人民政府\. 威海市2024年政府工作报告: .*段落 s2-p2\[EB\/OL\]/);
      expect(link).toMatch(new RegExp(`^${CANONICAL}/reports/weihai-2024/#s2-p2:~:text=`));
      const terms = link!.split(':~:text=')[1]!.split(',').map(decodeURIComponent);
      expect(terms[0]).toMatch(/生-$/);
      expect(terms[1]).toBe('产总值增');
      expect(terms[2]).toMatch(/^-长/);
      expect(errors).toEqual([]);
    }, { width: 1280, height: 900 });
    // Without the #s2-p2 part, only the text directive can scroll the page: it must find these words, not s1-p2's.
    const directive = copied.split('\n')[2]!.split('#s2-p2')[1]!;
    await withPage(async (page) => {
      await page.goto(`${server.url}/reports/weihai-2024/#${directive}`);
      await page.waitForFunction(() => scrollY > 0, null, { timeout: 5000 });
      const box = await targetBox(page, 's2-p2');
      expect(box.bottom).toBeGreaterThan(0);
      expect(box.top).toBeLessThan(box.vh);
      const earlier = await targetBox(page, 's1-p2');
      expect(earlier.bottom).toBeLessThan(0);
    }, { width: 1280, height: 900 });
  });

  test('targets card links land on the sentence and mark the words', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/reports/yantai-2024/`);
      const link = page.locator('#targets a[data-quote]').first();
      const quote = (await link.getAttribute('data-quote'))!;
      const pid = (await link.getAttribute('href'))!.slice(1);
      await link.click();
      await page.waitForFunction((id) => location.hash === `#${id}`, pid);
      const marked = await page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('quote');
        return h ? [...h].map((r) => r.toString()).join('') : null;
      });
      expect(marked).toBe(quote);
    }, { width: 1280, height: 900 });
  });

  test('without JavaScript: the report reads, the TOC links work, the citation is in a <details>', async () => {
    await withPage(async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      await page.goto(`${server.url}/reports/rongcheng-2024/`);
      expect(await page.evaluate(() => document.querySelectorAll('.report-text .p').length)).toBeGreaterThan(50);
      expect(await page.locator('button.pc-cite').count()).toBe(0); // script-made controls are absent, not broken
      expect(await page.locator('button.copy').first().isVisible()).toBe(false);
      await page.locator('nav.toc a[data-toc="s2-3"]').click();
      expect(page.url()).toMatch(/#s2-3$/);
      expect((await targetBox(page, 's2-3')).isTarget).toBe(true);
      await page.locator('#cite > summary').click();
      const gbt = (await page.locator('#cite pre[data-format="gbt7714"]').textContent())!;
      expect(gbt).toContain('荣成市2024年政府工作报告[EB/OL]');
      expect(gbt).toMatch(/\[\d{4}-\d{2}-\d{2}\]/); // dated with the build date
      await page.locator('#s2-p2 a.pc-src').click({ force: true });
      await page.waitForURL(/\/sources\/003_88f1127700d663e6\/#L\d+$/);
    }, { width: 1280, height: 900 });
  });

  test('a paragraph\'s 原文 link opens the source at its first line and marks every line it spans', async () => {
    await withPage(async (page, { errors }) => {
      await page.goto(`${server.url}/reports/weihai-2024-coverage/`);
      const link = page.locator('#s1-p2 a.pc-src');
      const href = (await link.getAttribute('href'))!;
      const [, a, b] = /\?lines=(\d+)-(\d+)#L(\d+)$/.exec(href) ?? [];
      expect(Number(b)).toBeGreaterThan(Number(a));
      await link.click({ force: true });
      await page.waitForURL(new RegExp(`#L${a}$`));
      const marked = await page.evaluate(() => [...document.querySelectorAll('.ln.hl')].map((e) => e.id));
      expect(marked).toEqual(Array.from({ length: Number(b) - Number(a) + 1 }, (_, i) => `L${Number(a) + i}`));
      const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, `L${a}`);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(200);
      expect(errors).toEqual([]);
    }, { width: 1280, height: 900 });
  });

  test('print: no header, TOC or controls; the text at full width', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/reports/weihai-2024/#s2-p2`);
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() =>
        ['.site-header', 'nav.toc', '.cite-box', '.pc', '.report-nav'].map((sel) => {
          const el = document.querySelector(sel);
          return el ? getComputedStyle(el).display : 'none';
        }),
      );
      expect(shown).toEqual(['none', 'none', 'none', 'none', 'none']);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.report-text')!).maxWidth)).toBe('none');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(10_000);
    }, { width: 1280, height: 900 });
  });

  test('screenshots at phone and desktop widths', async () => {
    const pages: [string, string][] = [
      ['home', '/'],
      ['report', '/reports/weihai-2024/'],
      ['coverage', '/reports/weihai-2024-coverage/'],
      ['region', '/regions/rongcheng/'],
      ['data', '/data/'],
      ['source', '/sources/003_88f1127700d663e6/#L14'],
    ];
    for (const [width, height, label] of [[390, 844, 'phone'], [1280, 900, 'desktop']] as const) {
      await withPage(async (page, { errors }) => {
        for (const [name, path] of pages) {
          await page.goto(`${server.url}${path}`);
          await page.evaluate(() => document.fonts.ready);
          // The source page opens scrolled to its line, below the heading.
          if (path.includes('#L')) {
            await page.screenshot({ path: screenshotPath(`reading-${name}-${label}`) });
            expect((await layoutOf(page)).overflowX, `${name} ${label}`).toBe(0);
          } else {
            await screenshotLaidOut(page, `reading-${name}-${label}`);
          }
        }
        expect(errors).toEqual([]);
      }, { width, height });
    }
  });
});
