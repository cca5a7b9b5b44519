/**
 * The one place the site reads its sources: every source file in REPORTS_DIR (one or
 * more files or folders; default seeds/), parsed once per build. The content loader and
 * the search index use this result; pages read the collections the loader fills.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import type { Root } from 'mdast';
import { idAliases, IdLedgerSchema, parseSourcesWithTrees, type IdAlias } from '../lib/parse/index.ts';
import { ParseResultSchema, type ParseResult } from '../lib/index.ts';
import { readReports } from './read-sources.ts';

export interface Corpus {
  result: ParseResult;
  trees: Map<string, Root>;
  dir: string;
  /** Old ids (from the committed id ledger) that moved or disappeared, and where their text is now. */
  aliases: IdAlias[];
}

/**
 * One parse per process: the content loader, the search index integration and the prerendered
 * pages each load this module separately (Vite's SSR module graph, Node's own, the build's
 * bundle), so the cache lives on globalThis rather than in the module.
 */
const shared = globalThis as typeof globalThis & { __reportExplorerCorpus?: { dir: string; corpus: Promise<Corpus> } };

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

/** The committed id ledger (scripts/id-ledger.ts writes it): every published section and paragraph id of the seeds. */
function readLedger(root: string) {
  const path = resolve(root, 'src/data/id-ledger.json');
  return existsSync(path) ? IdLedgerSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : null;
}

let lastChange = '';

/**
 * A source changed under `astro dev`: forget the parsed sources so the next load parses afresh.
 * Every collection's loader reports the same change; only the first report of it clears the cache.
 */
export function invalidateCorpus(path: string): void {
  let stamp = `${path}:missing`;
  try {
    stamp = `${path}:${statSync(path).mtimeMs}`;
  } catch {
    // unlinked: the path alone marks the change
  }
  if (stamp === lastChange) return;
  lastChange = stamp;
  delete shared.__reportExplorerCorpus;
}

/** The parsed sources (Word, PDF and web pages converted first), validated; parsed once per process. */
export function loadCorpus(root = process.cwd()): Promise<Corpus> {
  const dir = sourcesDir(root);
  const cached = shared.__reportExplorerCorpus;
  if (cached && cached.dir === dir) return cached.corpus;
  const corpus = readReports(sourcePaths(root), root).then((inputs) => {
    const parsed = parseSourcesWithTrees(inputs);
    // Validated by the parser's own schemas (defaults filled in): every page, download and the search index read these records.
    const result = ParseResultSchema.parse(parsed.result);
    const trees = parsed.trees;
    const ledger = readLedger(root);
    return { result, trees, dir, aliases: ledger ? idAliases(ledger, result.documents) : [] };
  });
  shared.__reportExplorerCorpus = { dir, corpus };
  return corpus;
}

