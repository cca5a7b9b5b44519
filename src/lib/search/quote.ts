/**
 * Quote check: how a pasted quote differs from the report passage it comes from.
 * Pure and browser-safe; the character diff is jsdiff's (`diff`), with
 * characters compared by their folded form so that full/half-width forms and
 * whitespace never count as differences.
 */
import { diffArrays } from 'diff';
import { foldForMatch } from '../text/fold.ts';

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
