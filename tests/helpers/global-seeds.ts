/**
 * Vitest globalSetup for the `unit` project: parses seeds/ once per run and provides the
 * records and trees to every test file (tests/lib/seeds.ts reads them with `inject`), so no
 * test file parses the seeds again.
 */
import type { Root } from 'mdast';
import type { TestProject } from 'vitest/node';
import type { ParseResult } from '../../src/lib/index.ts';
import { parseSourcesWithTrees } from '../../src/lib/parse/index.ts';
import { seedInputs } from './seed-inputs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    seeds: { result: ParseResult; trees: [string, Root][] };
  }
}

export default function setup(project: TestProject): void {
  const { result, trees } = parseSourcesWithTrees(seedInputs());
  project.provide('seeds', { result, trees: [...trees] });
}
