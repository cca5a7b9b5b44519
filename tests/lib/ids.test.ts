import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../src/lib/parse/index.ts';
import { type ParseResult } from '../../src/lib/index.ts';
import { parsedSeeds, ROOT, seedInputs } from './seeds.ts';

const SNAPSHOT = join(ROOT, 'tests', 'fixtures', 'seed-ids.json');

function allIds(result: ParseResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of result.documents) {
    out[d.id] = [...d.sections.map((s) => s.id), ...d.paragraphs.map((p) => p.id), ...d.targets.map((t) => t.id), ...d.results.map((r) => r.id)];
  }
  return out;
}

describe('stable ids', () => {
  it('match the committed snapshot of every id in the seeds (regenerate with UPDATE=1)', () => {
    const ids = allIds(parsedSeeds());
    if (process.env.UPDATE === '1' || (!existsSync(SNAPSHOT) && process.env.CI !== 'true')) {
      writeFileSync(SNAPSHOT, `${JSON.stringify(ids, null, 1)}\n`);
    }
    expect(ids).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
  });

  it('are readable: region pinyin + year, report numbering, paragraph position', () => {
    const ids = allIds(parsedSeeds());
    expect(Object.keys(ids)).toContain('rongcheng-2021');
    expect(ids['weihai-2024']).toEqual(expect.arrayContaining(['s0', 's1', 's2', 's2-3', 's2-3-p4']));
    expect(ids['weihai-2025']![0]).toBe('s2');
  });

  it('are unique within each document', () => {
    for (const [doc, list] of Object.entries(allIds(parsedSeeds()))) expect(new Set(list).size, doc).toBe(list.length);
  });

  it('do not move when one paragraph is reworded', () => {
    const inputs = seedInputs();
    const before = parseSources(inputs);
    const weihai = inputs.find((i) => i.file.includes('000_'))!;
    const text = new TextDecoder().decode(weihai.bytes);
    const original = '实施消费需求提振行动。';
    expect(text).toContain(original);
    const edited = text.replace(original, '实施消费需求全面提振行动，扩大内需。');
    const after = parseSources(inputs.map((i) => (i === weihai ? { ...i, bytes: new TextEncoder().encode(edited) } : i)));
    expect(allIds(after)).toEqual(allIds(before));
    const changed = after.documents.flatMap((d) =>
      d.paragraphs.filter((p) => p.text !== before.documents.find((b) => b.id === d.id)!.paragraphs.find((q) => q.id === p.id)!.text).map((p) => `${d.id}#${p.id}`),
    );
    expect(changed).toEqual(['weihai-2024#s2-1-p3']);
  });
});
