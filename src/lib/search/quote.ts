/**
 * Quote check: how a pasted quote differs from the report passage it comes from.
 * Pure and browser-safe; the character diff is jsdiff's (`diff`), with
 * characters compared by their folded form so that full/half-width forms and
 * whitespace never count as differences.
 */
import { diffArrays } from 'diff';
import { foldForMatch } from '../text/fold.ts';
import { KIND_ORDER } from './rank.ts';
import type { KindFacet } from './records.ts';

export interface QuotePart {
  text: string;
  /** same: in both; missing: in the report but not in the quote; added: in the quote but not in the report. */
  kind: 'same' | 'missing' | 'added';
}

export interface QuoteDiff {
  parts: QuotePart[];
  /** No wording differs (the quote may still differ in width, spacing or line breaks). */
  exact: boolean;
  /** Every difference is punctuation (‘’ for “”, a dropped full stop …). */
  punctuationOnly: boolean;
}

const INK = /[^\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/u;
const PUNCT = /^[\p{P}\p{S}]+$/u;

function ink(s: string): string[] {
  return Array.from(s).filter((c) => INK.test(c));
}

/** Diff the report passage (`source`) against the quote as pasted. */
export function diffQuote(source: string, quote: string): QuoteDiff {
  // Old = quote, new = report: where characters compare equal, jsdiff keeps the new (the report's) one.
  const changes = diffArrays(ink(quote), ink(source), { comparator: (a, b) => foldForMatch(a) === foldForMatch(b) });
  const parts: QuotePart[] = [];
  for (const c of changes) {
    const kind = c.added ? 'missing' : c.removed ? 'added' : 'same';
    const text = c.value.join('');
    const prev = parts[parts.length - 1];
    if (prev && prev.kind === kind) prev.text += text;
    else parts.push({ text, kind });
  }
  // Show what the report says before what the quote says instead.
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i]!.kind === 'added' && parts[i + 1]!.kind === 'missing') [parts[i], parts[i + 1]] = [parts[i + 1]!, parts[i]!];
  }
  const differing = parts.filter((p) => p.kind !== 'same');
  return {
    parts,
    exact: differing.length === 0,
    punctuationOnly: differing.length > 0 && differing.every((p) => PUNCT.test(p.text)),
  };
}

/** Strip the quotation marks and stray punctuation a pasted quote often carries at its ends. */
export function trimQuote(quote: string): string {
  return quote.trim().replace(/^[\s“”"‘’'「」『』《》〈〉(（)）:：,，.。…—-]+|[\s“”"‘’'「」『』《》〈〉(（)）:：,，。.…—-]+$/gu, '');
}

/**
 * The verdict on a quote against its source passage:
 *  - exact: the words are the report's (width, spaces and line breaks aside);
 *  - script: the same, once a quote typed in Traditional characters is converted to
 *    Simplified: a difference of script, not a misquote, and said so;
 *  - punctuation: only punctuation differs;
 *  - differs: words differ (diffed after any conversion, so only real changes are marked).
 */
export type QuoteVerdict = 'exact' | 'script' | 'punctuation' | 'differs';

export interface QuoteJudgement {
  verdict: QuoteVerdict;
  /** The quote was converted from Traditional script before it was compared. */
  script: boolean;
  /** The passage against the quote as compared (Simplified, when converted). */
  diff: QuoteDiff;
  /** The verdict in words, for the reader. */
  words: string;
}

/**
 * Judge a quote against the passage it comes from. `simplified` is the quote converted to
 * Simplified characters (traditional.ts), or null when it was not converted; `similarity` is
 * the match's (quote-match.ts), shown for a quote that differs.
 */
export function judgeQuote(passage: string, quote: string, simplified: string | null, similarity?: number): QuoteJudgement {
  const script = simplified !== null && foldForMatch(simplified) !== foldForMatch(quote);
  const diff = diffQuote(passage, script ? simplified! : quote);
  const converted = script ? '引文用繁体字书写，已转换为简体再逐字比较。' : '';
  if (diff.exact && script) {
    return { verdict: 'script', script, diff, words: '除繁简字形外与报告原文逐字相同：引文用繁体字书写，转换为简体后一字不差（繁简转换）。' };
  }
  if (diff.exact) return { verdict: 'exact', script, diff, words: '与报告原文一致（标点的全角半角、空格和换行不计）。' };
  if (diff.punctuationOnly) return { verdict: 'punctuation', script, diff, words: `文字与报告原文一致，只有标点不同。${converted}` };
  const pct = similarity === undefined ? '' : `（相似度 ${Math.round(similarity * 100)}%）`;
  return { verdict: 'differs', script, diff, words: `与报告原文有出入${pct}：删去的原文标为删除线，引文多出的字加下划线。${converted}` };
}

/** A place where a quoted passage stands, as the quote check lists them. */
export interface QuoteSource {
  kind: KindFacet;
  /** 1 for a verbatim occurrence. */
  similarity: number;
  /** Search entry number: document order, newest report first. */
  entry: number;
}

/** Order of the quote check's sources: reports before the coverage that quotes them, verbatim before near, more similar first, then newest. */
export function compareSources(a: QuoteSource, b: QuoteSource): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.similarity - a.similarity || a.entry - b.entry;
}
