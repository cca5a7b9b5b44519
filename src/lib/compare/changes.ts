/**
 * What changed from last year: two consecutive reports of one region, compared the way eCFR's
 * compare view compares two versions of a rule, for the way these reports are written.
 *
 * - targets side by side, by indicator (生产总值增长6% → 5.5%), with the change in points;
 * - sentences (cut at 。！？；) aligned with jsdiff's `diffArrays` on their folded text with the
 *   numbers masked: a sentence found again is kept (or changed, when only its numbers or a few
 *   words differ, shown word by word); one found elsewhere in the other report has moved; the
 *   rest is new this year or gone since last year;
 * - phrases (提法) new this year or gone since last year: terms in quotation marks (“八个质量更高”)
 *   and terms of 4–12 characters a report repeats (three times or more, in two paragraphs or more)
 *   that the other report never uses (新质生产力), numbers aside, each with its count and first use.
 * Every sentence and phrase links to its paragraph (with a text fragment). Only the parts both
 * reports have are compared (an excerpt without its review is compared on its plans alone).
 * Pure and browser-safe.
 */
import { diffArrays, diffChars } from 'diff';
import type { ReportDocument, SectionPart, Target } from '../schema.ts';
import { INDICATORS, findIndicators, indicator as indicatorByKey } from '../indicators.ts';
import { foldForMatch } from '../text/index.ts';
import { statedFigure } from './figure-words.ts';
import { paragraphPath } from './side.ts';
import { formatNumber } from './verdicts.ts';

export type ChangesDocument = Pick<ReportDocument, 'id' | 'year' | 'title' | 'region' | 'sections' | 'paragraphs' | 'targets'>;

export interface TargetChange {
  key: string;
  label: string;
  measure: Target['kind'];
  from: TargetSide | null;
  to: TargetSide | null;
  /** to − from, in the target's unit (percentage points for growth rates); null when not both numbers. */
  delta: number | null;
  /**
   * The words that bound the figure changed (以上 → 左右: a floor became a point; 左右 → 以上): said
   * beside the change, since "6%以上 → 6%左右" is not "unchanged". Null when both years say the same.
   */
  qualifierChange: { from: string; to: string } | null;
}

export interface TargetSide {
  stated: string;
  value: number | null;
  unit: string | null;
  /** The qualifier as written (左右, 以上, 不低于), or null. */
  qualifier: string | null;
  comparator: Target['comparator'];
  quote: string;
  url: string;
}

export interface SentencePiece {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

export interface SentenceChange {
  /** kept: found again; changed: found again with its numbers or a few words changed; moved: found in another place; new; gone. */
  status: 'kept' | 'changed' | 'moved' | 'new' | 'gone';
  /** The sentence as this year's report has it (last year's for gone). */
  text: string;
  /** For changed: last year's sentence and this year's, word by word. */
  pieces: SentencePiece[] | null;
  documentId: string;
  paragraphId: string;
  sectionId: string;
  part: SectionPart;
  url: string;
  /** For kept, changed and moved: where last year's report had it. */
  fromUrl: string | null;
}

export interface PhraseChange {
  text: string;
  /** How many times the report uses it. */
  count: number;
  documentId: string;
  /** Its first use. */
  paragraphId: string;
  url: string;
}

export interface PhraseChanges {
  /** Terms in quotation marks. */
  quoted: PhraseChange[];
  /** Terms of 4–12 characters used three times or more, in two paragraphs or more. */
  repeated: PhraseChange[];
}

export interface ReportChanges {
  from: { id: string; year: number | null; title: string };
  to: { id: string; year: number | null; title: string };
  /** The parts both reports have, which were compared. */
  parts: SectionPart[];
  /** Parts only one report has (not compared): an excerpt's missing review, an appendix. */
  skipped: { documentId: string; part: SectionPart }[];
  targets: TargetChange[];
  /** This year's sentences in order, with last year's gone sentences where they stood. */
  sentences: SentenceChange[];
  counts: Record<SentenceChange['status'], number>;
  phrases: { added: PhraseChanges; removed: PhraseChanges };
}

interface Sentence {
  text: string;
  key: string;
  /** The keys of its clauses (cut at every punctuation mark): where terms are looked for. */
  clauseKeys: string[];
  paragraphId: string;
  sectionId: string;
  part: SectionPart;
  documentId: string;
}

const SENTENCE_END = /(?<=[。！？!?；;])/;
const CLAUSE_END = /[，,、：:；;。！？!?（）()“”"《》]/;
/** A repeated term: this many characters at least and at most, used this many times at least. */
const TERM_MIN = 4;
const TERM_MAX = 12;
const TERM_USES = 3;
/** Not a term: a number, Latin letters, or a word too common to start or end one (的, 和, 在 …). */
const NOT_A_TERM = /[#a-z0-9]|^[的和与及等是在了对把为将也都又并而]|[的和与及等是在了对把为将也都又并而]$/i;
/** Changed, not new: this much of the two sentences' text in common (Dice over character bigrams). */
const SIMILAR = 0.6;
/** How many of last year's sentences ahead a rewritten sentence is looked for. */
const PAIR_WINDOW = 30;

/** Folded text with every number masked, for matching: 增长6% and 增长5.5% compare equal. */
export function maskedKey(text: string): string {
  return foldForMatch(text)
    .replace(/[\p{P}\p{S}\s]/gu, '')
    .replace(/[0-9.]+|[零〇一二两三四五六七八九十百千万亿]+(?=[年个项家所条%])/g, '#');
}

/** Words for a text fragment: the whole sentence if short, else its start and end (textStart,textEnd). */
function fragmentWords(text: string): string {
  const t = text.replace(/[；;。！？!?]$/, '');
  const chars = Array.from(t);
  return chars.length <= 40 ? t : `${chars.slice(0, 16).join('')},${chars.slice(-8).join('')}`;
}

function url(documentId: string, paragraphId: string, text: string): string {
  const words = fragmentWords(text);
  if (!words.includes(',')) return paragraphPath(documentId, paragraphId, words);
  const [a, b] = words.split(',');
  return `${paragraphPath(documentId, paragraphId)}:~:text=${encodeURIComponent(a!).replace(/-/g, '%2D')},${encodeURIComponent(b!).replace(/-/g, '%2D')}`;
}

function sentencesOf(doc: ChangesDocument, parts: ReadonlySet<SectionPart>): Sentence[] {
  const sections = new Map(doc.sections.map((s) => [s.id, s]));
  const order = new Map(doc.sections.map((s) => [s.id, s.order]));
  const paragraphs = [...doc.paragraphs]
    .filter((p) => p.kind !== 'cover' && parts.has(sections.get(p.sectionId)?.part ?? 'other'))
    .sort((a, b) => (order.get(a.sectionId) ?? 0) - (order.get(b.sectionId) ?? 0) || a.index - b.index);
  const out: Sentence[] = [];
  for (const p of paragraphs) {
    for (const raw of p.text.split(SENTENCE_END)) {
      const text = raw.trim();
      const key = maskedKey(text);
      if (key.length < 2) continue;
      const clauseKeys = text.split(CLAUSE_END).map(maskedKey).filter(Boolean);
      out.push({ text, key, clauseKeys, paragraphId: p.id, sectionId: p.sectionId, part: sections.get(p.sectionId)!.part, documentId: doc.id });
    }
  }
  return out;
}

const BIGRAMS = new Map<string, Map<string, number>>();

function bigrams(s: string): Map<string, number> {
  let m = BIGRAMS.get(s);
  if (m) return m;
  m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  if (BIGRAMS.size > 20000) BIGRAMS.clear();
  BIGRAMS.set(s, m);
  return m;
}

/** Dice coefficient over character bigrams of two keys: 1 for the same text, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [k, n] of x) common += Math.min(n, y.get(k) ?? 0);
  return (2 * common) / (a.length - 1 + b.length - 1);
}

/** Clauses with the punctuation that ends them: 生产总值增长6%， | 规上工业… */
function clauses(s: string): string[] {
  return s.split(/(?<=[，,、：:；;。！？!?])/).filter(Boolean);
}

/**
 * Last year's sentence against this year's: clause by clause, and character by character inside
 * a clause that was only edited (增长6%， → 增长5.5%，), so a rewritten sentence reads as whole
 * clauses out and in rather than as scattered characters.
 */
function pieces(from: string, to: string): SentencePiece[] {
  const out: SentencePiece[] = [];
  const push = (text: string, kind: SentencePiece['kind']) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ text, kind });
  };
  const chunks = diffArrays(clauses(from), clauses(to), { comparator: (a, b) => maskedKey(a) === maskedKey(b) && (a === b || foldForMatch(a) === foldForMatch(b)) });
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    const next = chunks[k + 1];
    if (c.removed && next?.added && c.value.length === next.value.length) {
      c.value.forEach((a, i) => {
        const b = next.value[i]!;
        if (similarity(maskedKey(a), maskedKey(b)) >= 0.5) for (const d of diffChars(a, b)) push(d.value, d.added ? 'added' : d.removed ? 'removed' : 'same');
        else {
          push(a, 'removed');
          push(b, 'added');
        }
      });
      k++;
      continue;
    }
    push(c.value.join(''), c.added ? 'added' : c.removed ? 'removed' : 'same');
  }
  return out;
}

function change(status: SentenceChange['status'], s: Sentence, from: Sentence | null): SentenceChange {
  return {
    status,
    text: s.text,
    pieces: status === 'changed' && from ? pieces(from.text, s.text) : null,
    documentId: s.documentId,
    paragraphId: s.paragraphId,
    sectionId: s.sectionId,
    part: s.part,
    url: url(s.documentId, s.paragraphId, s.text),
    fromUrl: from ? url(from.documentId, from.paragraphId, from.text) : null,
  };
}

/** Align last year's sentences with this year's. */
function alignSentences(prev: Sentence[], cur: Sentence[]): SentenceChange[] {
  const out: SentenceChange[] = [];
  const chunks = diffArrays(prev, cur, { comparator: (a, b) => a.key === b.key });
  const prevKeys = new Map<string, Sentence>();
  const curKeys = new Map<string, Sentence>();
  for (const s of prev) if (!prevKeys.has(s.key)) prevKeys.set(s.key, s);
  for (const s of cur) if (!curKeys.has(s.key)) curKeys.set(s.key, s);
  let pi = 0;
  let ci = 0;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    const n = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      for (let j = 0; j < n; j++) {
        const a = prev[pi + j]!;
        const b = cur[ci + j]!;
        out.push(change(a.text === b.text || foldForMatch(a.text) === foldForMatch(b.text) ? 'kept' : 'changed', b, a));
      }
      pi += n;
      ci += n;
      continue;
    }
    // A run of removals followed by a run of additions: pair similar sentences in order.
    const removed = c.removed ? prev.slice(pi, pi + n) : [];
    if (c.removed) pi += n;
    const next = c.removed ? chunks[k + 1] : c;
    let added: Sentence[] = [];
    if (next?.added) {
      const m = next.count ?? next.value.length;
      added = cur.slice(ci, ci + m);
      ci += m;
      if (next !== c) k++;
    }
    // Last year's text before this year's: the gone sentences before a pair, then the new ones, then the pair.
    let r = 0;
    let fresh: SentenceChange[] = [];
    for (const b of added) {
      let hit = -1;
      // Look a little way ahead only: a rewritten sentence stays near where it was.
      for (let j = r; j < Math.min(removed.length, r + PAIR_WINDOW) && hit < 0; j++) if (similarity(removed[j]!.key, b.key) >= SIMILAR) hit = j;
      if (hit >= 0) {
        for (; r < hit; r++) out.push(...gone(removed[r]!, curKeys));
        out.push(...fresh, change('changed', b, removed[hit]!));
        fresh = [];
        r = hit + 1;
      } else {
        const moved = prevKeys.get(b.key);
        fresh.push(moved ? change('moved', b, moved) : change('new', b, null));
      }
    }
    for (; r < removed.length; r++) out.push(...gone(removed[r]!, curKeys));
    out.push(...fresh);
  }
  return out;
}

/** A sentence of last year's not where it was: gone, unless this year has it elsewhere (listed there, as moved). */
function gone(s: Sentence, curKeys: Map<string, Sentence>): SentenceChange[] {
  return curKeys.has(s.key) ? [] : [change('gone', s, null)];
}

/** The text of sentences cut at every punctuation mark, folded, numbers masked: what a term is looked for in. */
function clauseText(xs: Sentence[]): string {
  return xs.map((s) => s.clauseKeys.join('|')).join('|');
}

function firstUse(xs: Sentence[], term: string, count: number): PhraseChange {
  const s = xs.find((x) => x.clauseKeys.some((k) => k.includes(term))) ?? xs[0]!;
  const at = foldForMatch(s.text).indexOf(term);
  const words = at >= 0 ? s.text.slice(at, at + term.length) : '';
  return { text: term, count, documentId: s.documentId, paragraphId: s.paragraphId, url: words === term ? paragraphPath(s.documentId, s.paragraphId, term) : url(s.documentId, s.paragraphId, s.text) };
}

/** Terms in quotation marks in `from` that the other report's text never has (its punctuation aside: 深蓝·零碳、精致). */
function quotedTerms(from: Sentence[], other: Sentence[]): PhraseChange[] {
  const otherText = other.map((s) => s.key).join('|');
  const counts = new Map<string, { n: number; text: string; s: Sentence }>();
  for (const s of from) {
    for (const m of s.text.matchAll(/[“"「]([^”"」]{2,24})[”"」]/g)) {
      const key = maskedKey(m[1]!);
      if (key.replace(/#/g, '').length < 2) continue;
      const had = counts.get(key);
      counts.set(key, { n: (had?.n ?? 0) + 1, text: had?.text ?? m[1]!, s: had?.s ?? s });
    }
  }
  return [...counts]
    .filter(([k]) => !otherText.includes(k))
    .map(([, { n, text, s }]) => ({ text, count: n, documentId: s.documentId, paragraphId: s.paragraphId, url: paragraphPath(s.documentId, s.paragraphId, text) }));
}

/** Every run of TERM_MIN–TERM_MAX characters inside one clause of `text` (clauses joined by |). */
function gramSet(text: string): Set<string> {
  const out = new Set<string>();
  // Chinese text is in the Basic Multilingual Plane, so string offsets are characters.
  for (const clause of text.split('|')) {
    for (let n = TERM_MIN; n <= TERM_MAX; n++) for (let i = 0; i + n <= clause.length; i++) out.add(clause.slice(i, i + n));
  }
  return out;
}

/** Terms of 4–12 characters `from` uses three times or more, in two paragraphs or more, and the other report never does (longest kept). */
function repeatedTerms(from: Sentence[], otherText: string): PhraseChange[] {
  const other = gramSet(otherText);
  /** Per term: uses, paragraphs it is used in, and the last of those (sentences come in paragraph order). */
  const counts = new Map<string, { n: number; paras: number; last: string }>();
  for (const s of from) {
    for (const clause of s.clauseKeys) {
      for (let n = TERM_MIN; n <= TERM_MAX; n++) {
        for (let i = 0; i + n <= clause.length; i++) {
          const g = clause.slice(i, i + n);
          const c = counts.get(g);
          if (c) {
            c.n++;
            if (c.last !== s.paragraphId) {
              c.paras++;
              c.last = s.paragraphId;
            }
          } else counts.set(g, { n: 1, paras: 1, last: s.paragraphId });
        }
      }
    }
  }
  const novel = new Map<string, number>();
  for (const [g, c] of counts) if (c.n >= TERM_USES && c.paras >= 2 && !NOT_A_TERM.test(g) && !other.has(g)) novel.set(g, c.n);
  // A term inside a longer novel term used as often is that longer term: it is enough to look one character longer.
  const covered = new Set<string>();
  for (const [h, m] of novel) {
    for (const g of [h.slice(1), h.slice(0, -1)]) if ((novel.get(g) ?? Infinity) <= m) covered.add(g);
  }
  let kept: [string, number][] = [...novel].filter(([g]) => !covered.has(g));
  // 奋力谱写中国式现代化建设 + 力谱写中国式现代化建设河 + …: windows of one longer phrase, joined back.
  const whole = clauseText(from);
  const join = (a: string, b: string): string | null => {
    for (let k = Math.min(a.length, b.length) - 1; k >= TERM_MIN - 1; k--) if (a.endsWith(b.slice(0, k)) && whole.includes(a + b.slice(k))) return a + b.slice(k);
    return null;
  };
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (const a of kept) {
      for (const b of kept) {
        const j = b !== a && b[1] === a[1] ? join(a[0], b[0]) : null;
        if (!j) continue;
        kept = [...kept.filter((x) => x !== a && x !== b), [j, a[1]]];
        merged = true;
        break outer;
      }
    }
  }
  kept = kept.filter(([g, n]) => !kept.some(([h, m]) => h.length > g.length && h.includes(g) && m >= n));
  return kept.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([g, n]) => firstUse(from, g, n));
}

function keyOf(t: Target): string | null {
  if (t.canonical) return t.canonical;
  const m = t.metric.replace(/[“”"]/g, '');
  return findIndicators(m).find((x) => x.start === 0 && x.end === m.length)?.indicator.key ?? null;
}

const INDICATOR_ORDER = new Map(INDICATORS.map((ind, i) => [ind.key, i]));

/** The two reports' annual targets side by side, by indicator and measure. */
export function targetChanges(from: ChangesDocument, to: ChangesDocument): TargetChange[] {
  const side = (d: ChangesDocument, t: Target): TargetSide => ({
    stated: statedFigure({ ...t, canonical: keyOf(t) }, 'annual'),
    value: t.value,
    unit: t.unit,
    qualifier: t.qualifier,
    comparator: t.comparator,
    quote: t.quote,
    url: paragraphPath(d.id, t.paragraphId, t.quote),
  });
  const rows = new Map<string, TargetChange>();
  const add = (d: ChangesDocument, which: 'from' | 'to') => {
    for (const t of d.targets) {
      const key = keyOf(t);
      if (!key || t.horizon !== 'annual') continue;
      const measure = t.kind;
      const id = `${key}|${measure === 'qualitative' ? 'any' : measure}`;
      const row: TargetChange = rows.get(id) ?? { key, label: indicatorByKey(key)?.label ?? t.metric, measure, from: null, to: null, delta: null, qualifierChange: null };
      if (!row[which]) row[which] = side(d, t);
      rows.set(id, row);
    }
  };
  add(from, 'from');
  add(to, 'to');
  // A qualitative target one year and a numeric one the next are the same row.
  for (const [id, row] of rows) {
    if (!id.endsWith('|any')) continue;
    const other = [...rows.entries()].find(([k, r]) => k !== id && r.key === row.key && (!r.from || !r.to));
    if (!other) continue;
    const [, r] = other;
    if (!r.from && row.from) r.from = row.from;
    if (!r.to && row.to) r.to = row.to;
    rows.delete(id);
  }
  for (const r of rows.values()) {
    if (r.from?.value != null && r.to?.value != null && r.from.unit === r.to.unit) r.delta = Number(formatNumber(r.to.value - r.from.value));
    // Only between two numbers: a qualitative target's words are its whole statement.
    if (r.delta !== null && r.from!.comparator !== r.to!.comparator) r.qualifierChange = { from: r.from!.qualifier ?? '（无）', to: r.to!.qualifier ?? '（无）' };
  }
  return [...rows.values()].sort((a, b) => (INDICATOR_ORDER.get(a.key) ?? 99) - (INDICATOR_ORDER.get(b.key) ?? 99));
}

/** Compare last year's report (`from`) with this year's (`to`) of the same region. */
export function reportChanges(from: ChangesDocument, to: ChangesDocument): ReportChanges {
  const partsOf = (d: ChangesDocument) => new Set(d.sections.filter((s) => d.paragraphs.some((p) => p.sectionId === s.id)).map((s) => s.part));
  const a = partsOf(from);
  const b = partsOf(to);
  const common = new Set([...b].filter((p) => a.has(p)));
  const skipped = [
    ...[...a].filter((p) => !common.has(p)).map((part) => ({ documentId: from.id, part })),
    ...[...b].filter((p) => !common.has(p)).map((part) => ({ documentId: to.id, part })),
  ];
  const prev = sentencesOf(from, common);
  const cur = sentencesOf(to, common);
  const sentences = alignSentences(prev, cur);
  const counts = { kept: 0, changed: 0, moved: 0, new: 0, gone: 0 };
  for (const s of sentences) counts[s.status]++;
  const prevText = clauseText(prev);
  const curText = clauseText(cur);
  return {
    from: { id: from.id, year: from.year, title: from.title },
    to: { id: to.id, year: to.year, title: to.title },
    parts: [...common],
    skipped,
    targets: targetChanges(from, to),
    sentences,
    counts,
    phrases: {
      added: { quoted: quotedTerms(cur, prev), repeated: repeatedTerms(cur, prevText) },
      removed: { quoted: quotedTerms(prev, cur), repeated: repeatedTerms(prev, curText) },
    },
  };
}
