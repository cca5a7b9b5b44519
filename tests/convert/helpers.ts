/** Shared by the converter tests: fixtures, seed lines, and character multisets for conservation. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { convertSource, ConvertError, type ConvertedSource } from '../../src/lib/convert/index.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const FORMATS = join(ROOT, 'tests/fixtures/formats');

export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FORMATS, name)));

export async function convertFixture(name: string): Promise<ConvertedSource> {
  const converted = await convertSource(`tests/fixtures/formats/${name}`, fixtureBytes(name));
  if (!converted) throw new Error(`${name} was taken for text`);
  return converted;
}

/** Non-empty, trimmed lines of a seed, as the fixture script takes them. */
export function seedLines(name: string, from: number, count: number): string[] {
  return readFileSync(join(ROOT, 'seeds', name), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(from, from + count);
}

export const lines = (c: ConvertedSource): string[] => c.text.split('\n').slice(0, -1);

/** Count of every non-whitespace character. */
export function ink(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.replace(/\s+/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Characters of `a` not matched in `b`, as a sorted string (empty when a ⊆ b). */
export function missing(a: Map<string, number>, b: Map<string, number>): string {
  let out = '';
  for (const [ch, n] of a) if (n > (b.get(ch) ?? 0)) out += ch.repeat(n - (b.get(ch) ?? 0));
  return [...out].sort().join('');
}

/** Everything the conversion kept: the text and every removed piece. */
export const keptInk = (c: ConvertedSource): Map<string, number> => ink(c.text + c.removed.map((r) => r.text).join(''));

export async function expectConvertError(file: string, bytes: Uint8Array, ruleId: string): Promise<ConvertError> {
  const error = await convertSource(file, bytes).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConvertError);
  const e = error as ConvertError;
  expect(e.ruleId).toBe(ruleId);
  expect(e.file).toBe(file);
  expect(e.message.startsWith(`${file}: `)).toBe(true);
  return e;
}
