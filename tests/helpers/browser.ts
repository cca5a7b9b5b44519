/**
 * Headless Debian Chromium through playwright-core (Playwright's own browser download does not work here).
 *
 *   import { describe } from 'vitest';
 *   import { hasChromium, withPage } from './browser.ts';
 *   describe.skipIf(!hasChromium())('home', () => { … withPage(async (page) => { … }) … });
 *
 * Locally, a missing Chromium skips browser tests and prints `skipReason`.
 * With CI=true a missing Chromium throws from hasChromium(), so the test file FAILS instead of skipping.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { resultsDir } from './paths.ts';

export const chromiumPath: string = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

export const skipReason =
  `Browser tests skipped: no Chromium executable at ${chromiumPath}. ` +
  `Install Debian's Chromium with \`apt-get update && apt-get install -y chromium\` ` +
  `(plus fonts-noto-cjk so screenshots show Chinese), or set CHROMIUM_PATH.`;

/**
 * Flags for this machine: no sandbox (we run as root), no GPU, and no background
 * networking — the network is closed and Chromium would otherwise keep trying to call home.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function isCI(): boolean {
  const ci = process.env.CI;
  return ci === 'true' || ci === '1';
}

let warned = false;

/** True when Chromium can be launched. Under CI=true, throws instead of returning false. */
export function hasChromium(): boolean {
  let ok = true;
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    ok = false;
  }
  if (!ok) {
    if (isCI()) {
      throw new Error(`CI=true and no Chromium at ${chromiumPath}: browser tests may not be skipped in CI. Install it with \`${INSTALL_COMMAND}\`.`);
    }
    if (!warned) {
      warned = true;
      console.warn(`\n[browser] ${skipReason}\n`);
    }
  }
  return ok;
}

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark' | 'no-preference';
  /** navigator.language and Accept-Language; default zh-CN. */
  locale?: string;
  deviceScaleFactor?: number;
  reducedMotion?: 'reduce' | 'no-preference';
}

export interface PageSession {
  context: BrowserContext;
  page: Page;
  /** `console.error` messages (with the URL, for failed loads) and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Launch Chromium with a fresh temporary profile and return its first page. Call `close()` when done. */
export async function openPage(opts: PageOptions = {}): Promise<PageSession> {
  if (!hasChromium()) throw new Error(skipReason);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'report-explorer-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
      deviceScaleFactor: opts.deviceScaleFactor ?? 1,
      colorScheme: opts.colorScheme ?? 'light',
      reducedMotion: opts.reducedMotion ?? 'no-preference',
      locale: opts.locale ?? 'zh-CN',
      timeout: 30_000,
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const at = msg.location().url;
      errors.push(`console.error: ${msg.text()}${at ? ` (${at})` : ''}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return {
    context,
    page,
    errors,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Run `fn` with a fresh page in a fresh browser, and always close both. */
export async function withPage<T>(
  fn: (page: Page, session: PageSession) => Promise<T>,
  opts: PageOptions = {},
): Promise<T> {
  const session = await openPage(opts);
  try {
    return await fn(session.page, session);
  } finally {
    await session.close();
  }
}

/** test-results/screens/<name>.png, creating the folder. */
export function screenshotPath(name: string): string {
  const dir = path.join(resultsDir, 'screens');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
}

/** What a reader sees of a page: does it overflow sideways, and is its main heading on the first screen? */
export interface Layout {
  /** Pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
  overflowX: number;
  /** The first h1's text, and whether it is drawn, non-empty, inside the first screen. */
  heading: string;
  headingInView: boolean;
}

export async function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const h1 = document.querySelector('h1');
    const r = h1?.getBoundingClientRect();
    const style = h1 ? getComputedStyle(h1) : null;
    return {
      overflowX: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
      heading: h1?.textContent?.trim() ?? '',
      headingInView: !!r && r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && style?.visibility !== 'hidden',
    };
  });
}

/** Take a screenshot, and assert what it should show: no sideways scrolling, the page's heading on the first screen. */
export async function screenshotLaidOut(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<Layout> {
  const layout = await layoutOf(page);
  await page.screenshot({ path: screenshotPath(name), fullPage: opts.fullPage ?? false });
  if (layout.overflowX > 0) throw new Error(`${name}: the page is ${layout.overflowX}px wider than the ${page.viewportSize()?.width}px viewport`);
  if (!layout.heading || !layout.headingInView) throw new Error(`${name}: the page heading ${JSON.stringify(layout.heading)} is not on the first screen`);
  return layout;
}
