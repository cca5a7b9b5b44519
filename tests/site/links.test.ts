import { describe, expect, test } from 'vitest';
import { checkSite, formatProblems } from '../helpers/links.ts';

describe('links in dist/', () => {
  test('every internal link and #fragment resolves; ids are unique', () => {
    const { pages, problems } = checkSite();
    expect(pages.length).toBeGreaterThan(0);
    if (problems.length > 0) expect.fail(`${problems.length} link problem(s):\n${formatProblems(problems)}`);
  });
});
