/**
 * File I/O for the parser (which has none): read the source files in the given files or
 * folders as parser inputs. Folders are read recursively, in name order; in a folder only
 * files with a source extension count (SOURCE_EXTENSIONS), and hidden files and READMEs are
 * skipped. A file named on its own is always read. `readReports` also converts Word, PDF and
 * saved web pages to text (src/lib/convert); `readSources` hands over bytes as they are.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { SourceInput } from '../lib/parse/index.ts';
import { ConvertError, convertSource } from '../lib/convert/index.ts';

const SKIP = /^(\.|README|readme)/;
/**
 * Extensions of the files a folder contributes (lower case): text, Word, PDF, saved web pages, and
 * the legacy .doc and RTF, so that the converter refuses them with an error naming the file
 * (save as .docx) instead of their being passed over in silence.
 */
export const SOURCE_EXTENSIONS: readonly string[] = ['.txt', '.docx', '.pdf', '.html', '.htm', '.doc', '.rtf'];

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

/** A parser input and where it was read from. */
export type SourceFile = SourceInput & { path: string };

/** Parser inputs from the given files and folders (see sourceName for their names). */
export function readSources(paths: string[], root = process.cwd()): SourceFile[] {
  return paths.flatMap((given) =>
    listSourceFiles([given]).map((path) => ({ file: sourceName(path, given, root), bytes: new Uint8Array(readFileSync(path)), path })),
  );
}

/**
 * Parser inputs with Word, PDF and HTML sources converted to text. A file that cannot be
 * converted (a scan, an encrypted or damaged file, an extension that lies) becomes an input
 * the parser reports as an error naming the file; other files still parse.
 */
export async function readReports(paths: string[], root = process.cwd()): Promise<SourceFile[]> {
  return Promise.all(
    readSources(paths, root).map(async (input) => {
      try {
        const converted = await convertSource(input.file, input.bytes);
        return converted ? { ...input, converted } : input;
      } catch (e) {
        if (!(e instanceof ConvertError)) throw e;
        return { ...input, failure: { ruleId: e.ruleId, message: e.message } };
      }
    }),
  );
}

/** Where a source named `name` (sourceName) is on disk, given the paths it was read from; null when nowhere. */
export function locateSource(name: string, paths: string[], root = process.cwd()): string | null {
  const candidates = [resolve(root, name), ...paths.map((p) => resolve(dirname(resolve(root, p)), name))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/**
 * A source file as published, found by its name in the records among the paths it was read
 * from, and checked against its sha256: for the download of the original.
 */
export function readOriginal(source: { file: string; sha256: string }, paths: string[], root = process.cwd()): Uint8Array<ArrayBuffer> {
  const path = locateSource(source.file, paths, root);
  const bytes = path ? readFileSync(path) : null;
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== source.sha256) {
    throw new Error(`${source.file}: the file on disk is missing or no longer matches sha256 ${source.sha256} (looked in ${paths.join(', ')})`);
  }
  return Uint8Array.from(bytes);
}
