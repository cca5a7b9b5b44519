/**
 * File I/O for the parser (which has none): read the source files in the given
 * files or folders as parser inputs. Folders are read recursively, in name order;
 * in a folder only files with a source extension count (SOURCE_EXTENSIONS), and
 * hidden files and READMEs are skipped. A file named on its own is always read.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { SourceInput } from '../lib/parse/index.ts';

const SKIP = /^(\.|README|readme)/;
/** Extensions of the files a folder contributes (lower case). */
export const SOURCE_EXTENSIONS: readonly string[] = ['.txt'];

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.test(name)) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE_EXTENSIONS.includes(extname(name).toLowerCase())) out.push(full);
  }
}

export function listSourceFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/**
 * The name a source file goes by (in diagnostics, citations and on its page): its path
 * relative to `root` when it is inside it (seeds/000_x.txt); otherwise relative to the
 * folder above the path it was found through, so that files outside the project keep
 * their folder (REPORTS_DIR=../shared/corpus → corpus/national/1954.txt).
 */
export function sourceName(file: string, given: string, root: string): string {
  const rel = relative(root, file);
  if (!rel.startsWith('..') && !rel.startsWith('/')) return rel;
  return relative(dirname(resolve(given)), resolve(file)) || basename(file);
}

/** Parser inputs from the given files and folders (see sourceName for their names). */
export function readSources(paths: string[], root = process.cwd()): SourceInput[] {
  return paths.flatMap((given) =>
    listSourceFiles([given]).map((file) => ({ file: sourceName(file, given, root), bytes: new Uint8Array(readFileSync(file)) })),
  );
}

/** Where a source named `name` (sourceName) is on disk, given the paths it was read from; null when nowhere. */
export function locateSource(name: string, paths: string[], root = process.cwd()): string | null {
  const candidates = [resolve(root, name), ...paths.map((p) => resolve(dirname(resolve(root, p)), name))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}
