/**
 * Parser notes in Chinese (src/data/notes.ts): every rule the parser reports over the seeds, the
 * fixtures and, where present, the corpus has a Chinese sentence, and its message is read in full
 * (a note never falls back to the rule's bare title because the English wording moved on).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_RULES, noteText } from '../../src/data/notes.ts';
import { readReports } from '../../src/data/read-sources.ts';
import { parseSources } from '../../src/lib/parse/index.ts';
import type { Diagnostic } from '../../src/lib/index.ts';
import { ROOT, parsedSeeds } from './seeds.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

function fixtureDiagnostics(): Diagnostic[] {
  const inputs = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'input.txt')))
    .map((d) => ({ file: `${d.name}/input.txt`, bytes: readFileSync(join(FIXTURES, d.name, 'input.txt')) }));
  return parseSources(inputs).diagnostics;
}

function check(diagnostics: Diagnostic[]): void {
  const rules = new Set(diagnostics.map((d) => d.ruleId));
  for (const ruleId of rules) expect(NOTE_RULES[ruleId], `no Chinese note for ${ruleId}`).toBeDefined();
  for (const d of diagnostics) {
    const text = noteText(d);
    expect(text, `${d.ruleId}: ${d.message}`).not.toMatch(/详见原始文本对应的行）。$|^解析器的提醒/);
  }
}

describe('parser notes in Chinese', () => {
  it('cover every rule reported over the seeds and the fixtures, each message read in full', () => {
    const all = [...parsedSeeds().diagnostics, ...fixtureDiagnostics()];
    expect(all.length).toBeGreaterThan(10);
    check(all);
  });

  it.skipIf(!existsSync(CORPUS))('cover every rule reported over the corpus (skipped without ../shared/corpus)', async () => {
    const folders = ['national', 'hebei', 'prefecture-2024', 'provinces-2026'].map((f) => join(CORPUS, f));
    check(parseSources(await readReports(folders, ROOT)).diagnostics);
  }, 120_000);
});
