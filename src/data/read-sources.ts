/**
 * File I/O for the parser (which has none): read every text file in the given
 * files or folders, sorted by name, as parser inputs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { SourceInput } from '../lib/parse/index.ts';

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
export function readSources(paths: string[], root = process.cwd()): SourceInput[] {
  return listSourceFiles(paths).map((file) => {
    const rel = relative(root, file);
    return { file: rel.startsWith('..') ? basename(file) : rel, bytes: new Uint8Array(readFileSync(file)) };
  });
}
