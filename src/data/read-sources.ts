/**
 * File I/O for the parser (which has none): read every file in the given files or
 * folders, sorted by name, as parser inputs. `readReports` also converts Word, PDF
 * and saved web pages to text (src/lib/convert); `readSources` hands over bytes as they are.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { SourceInput } from '../lib/parse/index.ts';
import { ConvertError, convertSource } from '../lib/convert/index.ts';

const SKIP = /^(\.|README|readme)/;

export function listSourceFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const full = join(p, name);
        if (SKIP.test(name) || statSync(full).isDirectory()) continue;
        out.push(full);
      }
    } else out.push(p);
  }
  return out;
}

/** Parser inputs named by their path relative to `root` (seeds/000_x.txt), or their base name outside it. */
/** A parser input and where it was read from. */
export type SourceFile = SourceInput & { path: string };

export function readSources(paths: string[], root = process.cwd()): SourceFile[] {
  return listSourceFiles(paths).map((path) => {
    const rel = relative(root, path);
    return { file: rel.startsWith('..') ? basename(path) : rel, bytes: new Uint8Array(readFileSync(path)), path };
  });
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


/**
 * A source file as published, found by its name in the records (relative to the project, or a
 * base name in one of `dirs`) and checked against its sha256: for the download of the original.
 */
export function readOriginal(source: { file: string; sha256: string }, dirs: string[]): Uint8Array<ArrayBuffer> {
  const candidates = [resolve(source.file), ...dirs.map((d) => resolve(d, basename(source.file)))];
  for (const path of candidates) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    if (createHash('sha256').update(bytes).digest('hex') === source.sha256) return Uint8Array.from(bytes);
  }
  throw new Error(`${source.file}: the file on disk is missing or no longer matches sha256 ${source.sha256} (looked in ${candidates.join(', ')})`);
}
