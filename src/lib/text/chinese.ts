/**
 * Traditional → Simplified conversion (through the maintained `opencc-js`), used to
 * read metadata from older or Hong Kong/Taiwan texts and to match queries typed
 * in Traditional characters. Text shown to readers is never converted.
 */
import * as OpenCC from 'opencc-js';

let converter: ((s: string) => string) | null = null;

export function toSimplified(s: string): string {
  converter ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return converter(s);
}

/** Characters that exist only in Traditional script and are common in reports. */
const TRADITIONAL_MARKERS = /[們國會經濟發這為與於過實業產營現實際農區縣歲務員體歷]/g;

export function looksTraditional(s: string): boolean {
  const sample = s.slice(0, 20000);
  return (sample.match(TRADITIONAL_MARKERS)?.length ?? 0) > 20;
}
