/**
 * The data version: one short hash of the parser version and the bytes of every
 * source file. Citations and downloads carry it, so a reader can tell whether the
 * text they cite is the text they are looking at. File names do not enter it:
 * renaming a file changes no text.
 */
import { createHash } from 'node:crypto';

export interface VersionedSource {
  sha256: string;
}

/** 12 hex digits: sha256 over `parser <version>` and the sorted source hashes. */
export function dataVersion(parserVersion: string, sources: readonly VersionedSource[]): string {
  const hash = createHash('sha256');
  hash.update(`parser ${parserVersion}\n`);
  for (const sha of sources.map((s) => s.sha256).sort()) hash.update(`${sha}\n`);
  return hash.digest('hex').slice(0, 12);
}
