/**
 * The one place the site reads its sources: every source file in REPORTS_DIR (one or
 * more files or folders; default seeds/), parsed once per build. The content loader, the
 * Pagefind integration and the data downloads all use this result.
 */
import { delimiter, resolve } from 'node:path';
import type { Root } from 'mdast';
import { parseSourcesWithTrees } from '../lib/parse/index.ts';
import { type ParseResult } from '../lib/index.ts';
import { locateSource, readSources } from './read-sources.ts';

export interface Corpus {
  result: ParseResult;
  trees: Map<string, Root>;
  dir: string;
}

/**
 * One parse per process: the content loader, the search index integration and the prerendered
 * pages each load this module separately (Vite's SSR module graph, Node's own, the build's
 * bundle), so the cache lives on globalThis rather than in the module.
 */
const shared = globalThis as typeof globalThis & { __reportExplorerCorpus?: Corpus };

/**
 * What the site is built from: REPORTS_DIR, one or more files or folders separated by the
 * path delimiter (`:`; `;` on Windows), folders read recursively (read-sources.ts); else
 * seeds/ in the project. Absolute paths.
 */
export function sourcePaths(root = process.cwd()): string[] {
  const list = (process.env.REPORTS_DIR ?? '').split(delimiter).filter((p) => p.trim());
  return (list.length ? list : ['seeds']).map((p) => resolve(root, p.trim()));
}

/** The sources as one string (the paths joined), to name them in messages and to key the cache. */
export function sourcesDir(root = process.cwd()): string {
  return sourcePaths(root).join(delimiter);
}

export function loadCorpus(root = process.cwd()): Corpus {
  const dir = sourcesDir(root);
  const cached = shared.__reportExplorerCorpus;
  if (cached && cached.dir === dir) return cached;
  const { result, trees } = parseSourcesWithTrees(readSources(sourcePaths(root), root));
  shared.__reportExplorerCorpus = { result, trees, dir };
  return shared.__reportExplorerCorpus;
}

/** The file on disk a source was read from (by its name in the records). */
export function sourceFileOnDisk(name: string, root = process.cwd()): string | null {
  return locateSource(name, sourcePaths(root), root);
}
