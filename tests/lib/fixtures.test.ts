/**
 * Fixture tests: tests/fixtures/<case>/input.txt → expected.json. Real excerpts and
 * hostile cases. Regenerate on request only: UPDATE=1 npx vitest run tests/lib/fixtures.test.ts
 * (a missing expected.json is written outside CI, so a new case needs just its input).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConservation, parseSources } from '../../src/lib/parse/index.ts';
import { type ParseResult } from '../../src/lib/index.ts';
import { ROOT } from './seeds.ts';

const DIR = join(ROOT, 'tests', 'fixtures');
const cases = readdirSync(DIR).filter((c) => statSync(join(DIR, c)).isDirectory() && existsSync(join(DIR, c, 'input.txt')));

/** What a fixture pins down: the shape a reader and a researcher depend on, not every offset. */
function project(r: ParseResult) {
  return {
    documents: r.documents.map((d) => ({
      id: d.id, kind: d.kind, title: d.title, region: d.region && { name: d.region.name, code: d.region.code, level: d.region.level },
      year: d.year, reviewYear: d.reviewYear, session: d.session, speaker: d.speaker, date: d.date, dateText: d.dateText,
      sections: d.sections.map((s) => [s.id, s.level, s.ordinal, s.heading, s.part, s.position.startLine]),
      paragraphs: d.paragraphs.map((p) => [p.id, p.kind, p.position.startLine, p.text.slice(0, 24)]),
      targets: d.targets.map((t) => [t.metric, t.canonical, t.kind, t.value, t.valueMax, t.unit, t.qualifier, t.comparator, t.benchmark, t.horizon, t.year, t.line]),
      results: d.results.map((t) => [t.metric, t.canonical, t.kind, t.value, t.unit, t.qualifier, t.comparator, t.horizon, t.year, t.estimate, t.line]),
      quotes: d.quotes.map((q) => [q.text.slice(0, 16), q.match, q.attributed]),
    })),
    diagnostics: r.diagnostics.map((x) => [x.line, x.ruleId, x.severity]),
  };
}

describe('fixtures', () => {
  it('exist', () => expect(cases.length).toBeGreaterThanOrEqual(8));
  for (const name of cases) {
    it(name, () => {
      const input = readFileSync(join(DIR, name, 'input.txt'));
      const result = parseSources([{ file: 'input.txt', bytes: new Uint8Array(input) }]);
      expect(checkConservation(result)[0]!.lost).toEqual([]);
      const actual = project(result);
      const file = join(DIR, name, 'expected.json');
      if (process.env.UPDATE === '1' || (!existsSync(file) && process.env.CI !== 'true')) writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
