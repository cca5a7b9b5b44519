/** The /terms/ chart's years: from a few years before a phrase's first use, never hiding a year that uses it. */
import { describe, expect, it } from 'vitest';
import { termSeries } from '../../src/client/term-series.ts';
import type { TermDocCount } from '../../src/client/search-engine.ts';

const doc = (year: number, occurrences: number, level: 'national' | 'province' = 'national', slug = `r${year % 9}`): TermDocCount => ({
  doc: { id: `${slug}-${year}`, title: `${year}年政府工作报告`, region: { slug, name: slug, level }, year, kind: 'report' },
  chars: 20_000,
  occurrences,
  entries: occurrences ? 1 : 0,
});

describe('termSeries years', () => {
  const years = Array.from({ length: 2024 - 1954 + 1 }, (_, i) => 1954 + i);

  it('starts five years before the first use and says how many reports it leaves out', () => {
    const docs = years.map((y) => doc(y, y >= 2018 ? y - 2016 : 0));
    const s = termSeries('高质量发展', docs);
    expect(s.labels[0]).toBe('2013');
    expect(s.labels.at(-1)).toBe('2024');
    expect(s.summary).toContain('最早见于 2018 年');
    expect(s.summary).toContain(`图从 2013 年起；此前的 ${2013 - 1954} 份报告都没有用到`);
    // Every report that uses the phrase is on the chart.
    const shown = s.lines.flatMap((l) => l.values).filter((v) => v !== null && v > 0).length;
    expect(shown).toBe(docs.filter((d) => d.occurrences > 0).length);
  });

  it('keeps the whole range when the phrase is used early, and when no report uses it', () => {
    expect(termSeries('改革开放', years.map((y) => doc(y, y >= 1956 ? 1 : 0))).labels[0]).toBe('1954');
    const none = termSeries('无此词', years.map((y) => doc(y, 0)));
    expect(none.labels[0]).toBe('1954');
    expect(none.summary).not.toContain('图从');
  });
});
