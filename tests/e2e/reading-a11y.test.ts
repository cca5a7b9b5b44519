// axe-core over the reading site's main pages, in light and dark, at desktop and phone width.
import { describe, expect, test } from 'vitest';
import { formatViolations, runAxe } from '../helpers/axe.ts';
import { hasChromium, withPage } from '../helpers/browser.ts';
import { useDistServer } from '../helpers/server.ts';

const PAGES = ['/', '/reports/weihai-2024/', '/reports/weihai-2024-coverage/', '/regions/rongcheng/', '/years/2024/', '/data/', '/about/', '/sources/001_edf4ec562849084f/', '/404.html'];

describe.skipIf(!hasChromium())('axe: zero violations', () => {
  const server = useDistServer();

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [width, height, label] of [[1280, 900, 'desktop'], [390, 844, 'phone']] as const) {
      test(`${colorScheme}, ${label}`, async () => {
        await withPage(async (page, { errors }) => {
          const failures: string[] = [];
          for (const path of PAGES) {
            await page.goto(`${server.url}${path}`);
            const violations = await runAxe(page);
            if (violations.length) failures.push(`${path}\n${formatViolations(violations)}`);
          }
          // With the script's widgets open too: the cite dialog on a report.
          await page.goto(`${server.url}/reports/rongcheng-2024/#s2-p2`);
          await page.locator('#s2-p2 button.pc-cite').click({ force: true });
          const violations = await runAxe(page);
          if (violations.length) failures.push(`cite dialog\n${formatViolations(violations)}`);
          expect(failures, failures.join('\n\n')).toEqual([]);
          expect(errors).toEqual([]);
        }, { width, height, colorScheme });
      });
    }
  }
});
