import { describe, expect, test } from 'vitest';
import { formatViolations, runAxe } from '../helpers/axe.ts';
import { hasChromium, screenshotLaidOut, withPage } from '../helpers/browser.ts';
import { useDistServer } from '../helpers/server.ts';

describe.skipIf(!hasChromium())('smoke: home page in Chromium', () => {
  const server = useDistServer();

  test('is Chinese, renders, and has no axe violations', async () => {
    await withPage(
      async (page, { errors }) => {
        const res = await page.goto(`${server.url}/`, { waitUntil: 'load' });
        expect(res?.status()).toBe(200);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
        await page.evaluate(() => document.fonts.ready);
        await screenshotLaidOut(page, 'home-desktop', { fullPage: true });

        const violations = await runAxe(page);
        expect(violations, formatViolations(violations)).toEqual([]);
        expect(errors).toEqual([]);
      },
      { width: 1280, height: 800 },
    );
  });

  test('unknown paths get status 404', async () => {
    const res = await fetch(`${server.url}/no-such-page/`);
    expect(res.status).toBe(404);
    await res.body?.cancel();
  });
});
