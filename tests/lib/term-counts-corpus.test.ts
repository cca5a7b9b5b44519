/**
 * SearchEngine.termCounts over the index of the whole corpus (../shared/corpus: the four text
 * folders, as `npm run build:corpus` reads them), built with the site's own settings: the count of
 * each phrase in each report equals a plain scan of the report's paragraphs and headings, and what
 * the count downloads is printed (the README's figures). Skipped where the corpus is absent.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/lib/index.ts';
import { parseSources } from '../../src/lib/parse/index.ts';
import { readReports } from '../../src/data/read-sources.ts';
import { SearchEngine } from '../../src/client/search-engine.ts';
import { buildIndex, writeIndex } from '../../src/integrations/search-index.ts';
import { foldText } from '../../src/lib/search/tokens.ts';
import { CORPUS_FOLDERS } from '../../scripts/lib/corpus-eval.ts';
import { serveDist, type DistServer } from '../helpers/server.ts';
import { ROOT } from './seeds.ts';

const folders = CORPUS_FOLDERS.map((f) => join(ROOT, '..', 'shared', 'corpus', f));
const present = folders.every((f) => existsSync(f));
if (!present) console.warn('term counts over the corpus skipped: ../shared/corpus is absent');

/** Occurrences of the folded phrase in a document's paragraphs and headings (overlapping ones too), by a plain scan. */
function occurrences(d: ReportDocument, phrase: string): number {
  const texts = [...d.paragraphs.map((p) => p.text), ...d.sections.filter((s) => s.text.trim() && s.headingPosition).map((s) => s.text)];
  let n = 0;
  for (const text of texts) {
    const t = foldText(text).folded;
    for (let at = t.indexOf(phrase); at >= 0; at = t.indexOf(phrase, at + 1)) n++;
  }
  return n;
}

describe.skipIf(!present)('term counts over the corpus index', () => {
  let documents: ReportDocument[];
  let server: DistServer;
  const out = mkdtempSync(join(tmpdir(), 'term-counts-'));
  beforeAll(async () => {
    documents = parseSources(await readReports(folders, ROOT)).documents;
    writeIndex(buildIndex(documents), out);
    server = await serveDist(out);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('counts 新质生产力, 高质量发展 and 改革开放 in every report exactly, from the postings', async () => {
    for (const q of ['新质生产力', '高质量发展', '改革开放']) {
      const engine = await SearchEngine.load(`${server.url}/search/`);
      const counts = await engine.termCounts(q);
      const got = new Map(counts.docs.map((c) => [c.doc.id, c.occurrences]));
      expect(got.size).toBe(documents.length);
      for (const d of documents) expect(got.get(d.id), `${q} in ${d.id}`).toBe(occurrences(d, foldText(q).folded));
      const used = counts.docs.filter((c) => c.occurrences > 0 && c.doc.kind === 'report');
      console.log(`termCounts ${q}: ${used.length} of ${documents.length} documents, first in ${Math.min(...used.map((c) => c.doc.year ?? Infinity))}; ${(engine.bytes / 1024).toFixed(1)} KB of index, ${counts.shardsRead} of ${engine.manifest.shards.length} shards read`);
      expect(used.length).toBeGreaterThan(0);
    }
  }, 120_000);
});
