/**
 * Permalinks that survive parser upgrades. A committed ledger records, for every document,
 * every section and paragraph id with a short fingerprint of its text. When a new parser
 * moves or removes an id, `idAliases` finds where that text is now (same text first, then
 * the same opening words, then the most similar paragraph of the same document) and returns
 * old id → new id, so that a page can keep an anchor under the old id (or redirect it).
 * Pure: the caller reads and writes the ledger file (scripts/id-ledger.ts).
 */
import { z } from 'zod';
import type { ReportDocument } from '../schema.ts';
import { foldForMatch } from '../text/index.ts';

export const IdLedgerSchema = z.object({
  version: z.literal(1),
  /** Parser version the ledger was written with. */
  parserVersion: z.string(),
  documents: z.record(
    z.string(),
    z.object({
      sourceFile: z.string(),
      /** Section and paragraph id → fingerprint of its text: "<hash>:<first 12 folded characters>". */
      ids: z.record(z.string(), z.string()),
    }),
  ),
});
export type IdLedger = z.infer<typeof IdLedgerSchema>;

export const IdAliasSchema = z.object({
  /** The document the old id was in, and the one its text is in now (they differ when a document's id changed). */
  fromDocument: z.string(),
  toDocument: z.string(),
  from: z.string(),
  /** The id that now holds the text (for a removed section without a match: its nearest surviving ancestor). */
  to: z.string(),
  /** How it was matched: the same text, the same opening words, similar text, or the nearest ancestor section. */
  match: z.enum(['text', 'opening', 'similar', 'ancestor']),
  /** The old id is still used in the new document, for other text: an anchor cannot be added under it, only a redirect. */
  shadowed: z.boolean(),
});
export type IdAlias = z.infer<typeof IdAliasSchema>;

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, the same in Node and in the browser. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The fingerprint of a text: hash of its folded form and its first 12 folded characters. */
export function fingerprint(text: string): string {
  const folded = foldForMatch(text);
  return `${hash(folded)}:${folded.slice(0, 12)}`;
}

type Doc = Pick<ReportDocument, 'id' | 'sourceFile' | 'sections' | 'paragraphs'>;

/** Every section and paragraph id of a document with the text it stands for. */
function idTexts(doc: Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of doc.sections) out.set(s.id, s.heading ?? s.text);
  for (const p of doc.paragraphs) out.set(p.id, p.text);
  return out;
}

/** The ledger of a set of documents (ids in document order). */
export function buildIdLedger(documents: Doc[], parserVersion: string): IdLedger {
  const out: IdLedger = { version: 1, parserVersion, documents: {} };
  for (const d of documents) {
    const ids: Record<string, string> = {};
    for (const [id, text] of idTexts(d)) ids[id] = fingerprint(text);
    out.documents[d.id] = { sourceFile: d.sourceFile, ids };
  }
  return out;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

/** The document that holds an old document's text now: the same id, or the one from the same file sharing most fingerprints. */
function successor(oldId: string, old: IdLedger['documents'][string], documents: Doc[], prints: Map<string, Set<string>>): Doc | null {
  const same = documents.find((d) => d.id === oldId);
  if (same) return same;
  const wanted = new Set(Object.values(old.ids).map((f) => f.split(':')[0]!));
  let best: Doc | null = null;
  let bestShared = 0;
  for (const d of documents.filter((x) => x.sourceFile === old.sourceFile)) {
    const shared = [...prints.get(d.id)!].filter((h) => wanted.has(h)).length;
    if (shared > bestShared) [best, bestShared] = [d, shared];
  }
  return best;
}

/**
 * Old id → new id for every section and paragraph id of the ledger that is gone from its
 * document or now holds other text. Ids still holding their text need no alias.
 */
export function idAliases(ledger: IdLedger, documents: Doc[]): IdAlias[] {
  const out: IdAlias[] = [];
  const prints = new Map<string, Set<string>>();
  const texts = new Map<string, Map<string, string>>();
  for (const d of documents) {
    const t = idTexts(d);
    texts.set(d.id, t);
    prints.set(d.id, new Set([...t.values()].map((x) => fingerprint(x).split(':')[0]!)));
  }
  for (const [oldDocId, old] of Object.entries(ledger.documents)) {
    const doc = successor(oldDocId, old, documents, prints);
    if (!doc) continue;
    const now = texts.get(doc.id)!;
    const nowPrint = new Map([...now].map(([id, text]) => [id, fingerprint(text)]));
    const byPrint = new Map<string, string[]>();
    const byHead = new Map<string, string[]>();
    for (const [id, f] of nowPrint) {
      byPrint.set(f, [...(byPrint.get(f) ?? []), id]);
      const head = f.split(':')[1]!;
      if (head.length >= 6) byHead.set(head, [...(byHead.get(head) ?? []), id]);
    }
    const taken = new Set<string>();
    // Texts the old document had elsewhere: an id now holding one of them was reused, not reworded.
    const oldPrints = new Map(Object.entries(old.ids).map(([id, f]) => [f, id]));
    const moved = new Map<string, string>();
    for (const [id, f] of Object.entries(old.ids)) {
      if (nowPrint.get(id) === f && oldDocId === doc.id) continue;
      const kind = id.includes('-p') ? 'p' : 's';
      const sameKind = (x: string) => (x.includes('-p') ? 'p' : 's') === kind;
      const shadowed = now.has(id);
      const push = (to: string, match: IdAlias['match']) => {
        taken.add(to);
        moved.set(id, to);
        out.push({ fromDocument: oldDocId, toDocument: doc.id, from: id, to, match, shadowed });
      };
      // The same text, nearest to the old place first.
      const exact = (byPrint.get(f) ?? []).filter(sameKind);
      if (exact.length) {
        push(exact.find((x) => x === id) ?? exact.find((x) => !taken.has(x)) ?? exact[0]!, 'text');
        continue;
      }
      // The id still holds a reworded version of its text: ids are positional, it stays.
      const reused = shadowed && (oldPrints.get(nowPrint.get(id)!) ?? id) !== id;
      if (shadowed && oldDocId === doc.id && !reused) continue;
      const head = f.split(':')[1]!;
      const opening = head.length >= 6 ? (byHead.get(head) ?? []).filter((x) => sameKind(x) && !taken.has(x)) : [];
      if (opening.length) {
        push(opening[0]!, 'opening');
        continue;
      }
      // Similar text: the old text is known only by its fingerprint's opening words, so compare those
      // with the opening of every candidate.
      const want = bigrams(head);
      let best: string | null = null;
      let score = 0;
      for (const [x, text] of now) {
        if (!sameKind(x) || taken.has(x)) continue;
        const s = dice(want, bigrams(foldForMatch(text).slice(0, 12)));
        if (s > score) [best, score] = [x, s];
      }
      if (best && score >= 0.7) {
        push(best, 'similar');
        continue;
      }
      // Gone: the nearest ancestor section that is still there, or where it went (s2-3-p4 → s2-3 → s2 → s0).
      const parts = id.replace(/-p\d+$/, '').split('-');
      let to = 's0';
      for (let k = parts.length; k > 0; k--) {
        const candidate = parts.slice(0, k).join('-');
        if (candidate === id) continue;
        const where = moved.get(candidate) ?? (now.has(candidate) ? candidate : null);
        if (where) {
          to = where;
          break;
        }
      }
      push(to, 'ancestor');
    }
  }
  return out;
}
