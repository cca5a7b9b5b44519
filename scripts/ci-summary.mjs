#!/usr/bin/env node
// Summarise Vitest's JSON report for CI. Plain Node (works under Node 20 too), no dependencies.
//
//   node scripts/ci-summary.mjs [test-results/vitest.json]
//
// Prints problems first, then a last line exactly `N passed, N failed, N skipped`.
// Exits 1 if any test failed (a test file that failed to load counts as one failed test),
// if no test ran at all, or if CI=true and any browser test (a file under tests/e2e/) was skipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @param {any} report Vitest JSON reporter output (Jest-compatible shape).
 * @param {{ ci?: boolean }} [options]
 * @returns {{ passed: number, failed: number, skipped: number, problems: string[], ok: boolean, line: string }}
 */
export function summarise(report, options = {}) {
  const ci = options.ci ?? false;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} */
  const skippedBrowser = [];
  for (const file of report?.testResults ?? []) {
    const name = String(file.name ?? '');
    const rel = path.relative(process.cwd(), name).split(path.sep).join('/');
    const isBrowser = /(^|\/)tests\/e2e\//.test(name.split(path.sep).join('/'));
    let fileFailed = 0;
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') passed++;
      else if (t.status === 'failed') {
        failed++;
        fileFailed++;
      } else {
        skipped++;
        if (isBrowser) skippedBrowser.push(`${rel} › ${t.fullName ?? t.title}`);
      }
    }
    if (file.status === 'failed' && fileFailed === 0) {
      // The file itself failed (import error, hook error, failed globalSetup): count it once.
      failed++;
      const msg = String(file.message ?? '').split('\n')[0];
      problems.push(`test file failed: ${rel}${msg ? `: ${msg}` : ''}`);
    }
  }
  if (report?.success === false && failed === 0) {
    // Vitest failed outside any test: an unhandled error, or a failed globalSetup such as the site build.
    failed++;
    problems.push('the Vitest run failed outside any test (unhandled error or failed globalSetup, e.g. astro build); see the log above');
  }
  if (ci && skippedBrowser.length > 0) {
    problems.push(
      `CI=true but ${skippedBrowser.length} browser test(s) under tests/e2e/ were skipped:\n  ` + skippedBrowser.join('\n  '),
    );
  }
  if (passed + failed === 0) problems.push('no test ran');
  const ok = failed === 0 && passed > 0 && !(ci && skippedBrowser.length > 0);
  return { passed, failed, skipped, problems, ok, line: `${passed} passed, ${failed} failed, ${skipped} skipped` };
}

function main() {
  const file = process.argv[2] ?? 'test-results/vitest.json';
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`ci-summary: cannot read the Vitest JSON report ${file}: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const s = summarise(report, { ci });
  for (const p of s.problems) console.error(`ci-summary: ${p}`);
  console.log(s.line);
  process.exit(s.ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
