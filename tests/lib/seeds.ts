/** Shared by parser tests: the parsed seeds, parsed once per run (tests/helpers/global-seeds.ts). */
import { join } from 'node:path';
import type { Root } from 'mdast';
import { inject } from 'vitest';
import { type ParseResult } from '../../src/lib/index.ts';
export { SEEDS, seedInputs } from '../helpers/seed-inputs.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

let trees: Map<string, Root> | null = null;
export function parsedSeeds(): ParseResult {
  return inject('seeds').result;
}
export function seedTrees(): Map<string, Root> {
  trees ??= new Map(inject('seeds').trees);
  return trees;
}

export function doc(id: string) {
  const d = parsedSeeds().documents.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id}; have ${parsedSeeds().documents.map((x) => x.id).join(', ')}`);
  return d;
}
