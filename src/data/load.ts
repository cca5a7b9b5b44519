/**
 * The one place the site reads its sources: every file in the sources folder
 * (REPORTS_DIR, default seeds/), parsed once per build and cached here. The content
 * loader (src/content.config.ts) and the Pagefind integration use this result; pages
 * read the collections the loader fills, never this module.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import { idAliases, IdLedgerSchema, parseSourcesWithTrees, type IdAlias } from '../lib/parse/index.ts';
import { type ParseResult } from '../lib/index.ts';
import { readReports } from './read-sources.ts';

export interface Corpus {
  result: ParseResult;
  trees: Map<string, Root>;
  dir: string;
  /** Where each source (by its name in the records) was read from: for the original-file downloads. */
  paths: Map<string, string>;
  /** Old ids (from the committed id ledger) that moved or disappeared, and where their text is now. */
  aliases: IdAlias[];
}

/** The committed id ledger (scripts/id-ledger.ts writes it): every published section and paragraph id of the seeds. */
function readLedger(root: string) {
  const path = resolve(root, 'src/data/id-ledger.json');
  return existsSync(path) ? IdLedgerSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : null;
}

let cached: Promise<Corpus> | null = null;
let cachedDir = '';

/** Folder the site is built from: the REPORTS_DIR environment variable, else seeds/ in the project. */
export function sourcesDir(root = process.cwd()): string {
  return resolve(root, process.env.REPORTS_DIR ?? 'seeds');
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
  cached = null;
}

/** The parsed sources folder; parsed once per process (and again after `invalidateCorpus`). */
export function loadCorpus(root = process.cwd()): Promise<Corpus> {
  const dir = sourcesDir(root);
  if (cached && cachedDir === dir) return cached;
  cachedDir = dir;
  cached = readReports([dir], root).then((inputs) => {
    const { result, trees } = parseSourcesWithTrees(inputs);
    const ledger = readLedger(root);
    const aliases = ledger ? idAliases(ledger, result.documents) : [];
    return { result, trees, dir, paths: new Map(inputs.map((i) => [i.file, i.path])), aliases };
  });
  return cached;
}
