/** Shared by parser tests: the parsed seeds, once per test file. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSourcesWithTrees, type SourceInput } from '../../src/lib/parse/index.ts';
import { type ParseResult } from '../../src/lib/index.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SEEDS = join(ROOT, 'seeds');

export function seedInputs(): SourceInput[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: `seeds/${f}`, bytes: new Uint8Array(readFileSync(join(SEEDS, f))) }));
}

let cached: ReturnType<typeof parseSourcesWithTrees> | null = null;
export function parsedSeeds(): ParseResult {
  cached ??= parseSourcesWithTrees(seedInputs());
  return cached.result;
}
export function seedTrees() {
  cached ??= parseSourcesWithTrees(seedInputs());
  return cached.trees;
}

export function doc(id: string) {
  const d = parsedSeeds().documents.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id}; have ${parsedSeeds().documents.map((x) => x.id).join(', ')}`);
  return d;
}
