/**
 * URL names of source files, the one rule the site's pages (src/data/urls.ts) and the
 * comparison rows' source links (compare/side.ts) both follow. Browser-safe, no imports.
 */

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * URL name of a source file: its base name without `.txt` (seeds/000_ab.txt → 000_ab).
 * Names with other characters get a stable ASCII name from the file's sha256 instead.
 */
export function sourceSlug(file: string, sha256?: string): string {
  const base = file.split(/[\\/]/).pop()!.replace(/\.txt$/i, '');
  if (SAFE.test(base)) return base;
  if (!sha256) throw new Error(`source file name ${JSON.stringify(file)} is not URL-safe and no sha256 was given to name it`);
  return `source-${sha256.slice(0, 12)}`;
}

/**
 * URL names of all source files, unique: where two files would get the same name (identical
 * copies under different non-ASCII names, or the same base name in two folders), the later
 * file (by path) gets `-2`, `-3` ….
 */
export function sourceSlugMap(sources: ReadonlyArray<{ file: string; sha256: string }>): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const base = sourceSlug(s.file, s.sha256);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    out.set(s.file, slug);
  }
  return out;
}
