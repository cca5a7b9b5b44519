/**
 * The one place the site reads its sources: every file in the sources folder
 * (REPORTS_DIR, default seeds/), parsed once per build. The content loader, the
 * Pagefind integration and the data downloads all use this result.
 */
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import { parseSourcesWithTrees } from '../lib/parse/index.ts';
import { type ParseResult } from '../lib/index.ts';
import { readSources } from './read-sources.ts';

export interface Corpus {
  result: ParseResult;
  trees: Map<string, Root>;
  dir: string;
}

let cached: Corpus | null = null;

/** Folder the site is built from: the REPORTS_DIR environment variable, else seeds/ in the project. */
export function sourcesDir(root = process.cwd()): string {
  return resolve(root, process.env.REPORTS_DIR ?? 'seeds');
}

export function loadCorpus(root = process.cwd()): Corpus {
  const dir = sourcesDir(root);
  if (cached && cached.dir === dir) return cached;
  const { result, trees } = parseSourcesWithTrees(readSources([dir], root));
  cached = { result, trees, dir };
  return cached;
}
