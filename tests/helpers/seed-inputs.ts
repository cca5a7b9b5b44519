/** The seed files as parser inputs, named seeds/<file> as the site names them. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceInput } from '../../src/lib/parse/index.ts';
import { projectRoot } from './paths.ts';

export const SEEDS = join(projectRoot, 'seeds');

export function seedInputs(): SourceInput[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: `seeds/${f}`, bytes: new Uint8Array(readFileSync(join(SEEDS, f))) }));
}
