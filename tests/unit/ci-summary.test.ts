import { describe, expect, test } from 'vitest';
import { summarise } from '../../scripts/ci-summary.mjs';

const file = (name: string, status: 'passed' | 'failed', statuses: string[], message = '') => ({
  name,
  status,
  message,
  assertionResults: statuses.map((s, i) => ({ status: s, title: `t${i}`, fullName: `t${i}` })),
});

describe('ci-summary', () => {
  test('counts passed, failed and skipped (pending/todo count as skipped)', () => {
    const s = summarise({
      testResults: [
        file('/p/tests/lib/a.test.ts', 'failed', ['passed', 'failed', 'skipped']),
        file('/p/tests/site/b.test.ts', 'passed', ['passed', 'pending', 'todo']),
      ],
    });
    expect(s.line).toBe('2 passed, 1 failed, 3 skipped');
    expect(s.ok).toBe(false);
  });

  test('a test file that failed to load counts as one failure', () => {
    const s = summarise({ testResults: [file('/p/tests/e2e/x.test.ts', 'failed', [], 'Error: boom'), file('/p/tests/unit/y.test.ts', 'passed', ['passed'])] });
    expect(s.line).toBe('1 passed, 1 failed, 0 skipped');
    expect(s.problems.join('\n')).toContain('boom');
    expect(s.ok).toBe(false);
  });

  test('skipped browser tests fail only under CI', () => {
    const report = { testResults: [file('/p/tests/e2e/smoke.test.ts', 'passed', ['skipped']), file('/p/tests/unit/u.test.ts', 'passed', ['passed'])] };
    expect(summarise(report, { ci: false }).ok).toBe(true);
    const ci = summarise(report, { ci: true });
    expect(ci.ok).toBe(false);
    expect(ci.line).toBe('1 passed, 0 failed, 1 skipped');
    expect(ci.problems.join('\n')).toContain('tests/e2e/smoke.test.ts');
  });

  test('skipped non-browser tests are fine under CI', () => {
    const report = { testResults: [file('/p/tests/site/s.test.ts', 'passed', ['passed', 'skipped'])] };
    expect(summarise(report, { ci: true }).ok).toBe(true);
  });

  test('a run that failed outside any test (e.g. the build in globalSetup) counts one failure', () => {
    const s = summarise({ success: false, numTotalTests: 0, testResults: [] });
    expect(s.line).toBe('0 passed, 1 failed, 0 skipped');
    expect(s.ok).toBe(false);
  });

  test('no test at all is not a pass', () => {
    const s = summarise({ testResults: [] });
    expect(s.line).toBe('0 passed, 0 failed, 0 skipped');
    expect(s.ok).toBe(false);
  });
});
