/**
 * Test phrases taken programmatically from every source, with the truth computed
 * by brute force over the parser's records (folded substring over every
 * paragraph and heading the index holds). Shared by the browser tests and the
 * search benchmark.
 */
import { loadCorpus } from '../../src/data/load.ts';
import { indexedDocuments, searchEntries, type SearchEntry } from '../../src/lib/search/records.ts';
import { foldText } from '../../src/lib/search/tokens.ts';

/** The seeds as the site parses them (src/data/load.ts). */
const corpusData = await loadCorpus();

export interface Phrase {
  text: string;
  /** Why it is in the set. */
  kind: 'plain' | 'two-char' | 'percent' | 'line-break' | 'fixed';
  /** The entry it was taken from (the right first result when `unique`). */
  url: string;
  source: string;
}

export interface Corpus {
  entries: SearchEntry[];
  folded: Map<string, string>;
}

let corpus: Corpus | null = null;
/** The entries of the sources being searched (REPORTS_DIR, else seeds/), folded once. */
export function searchCorpus(): Corpus {
  if (!corpus) {
    const entries = searchEntries(indexedDocuments(corpusData.result));
    corpus = { entries, folded: new Map(entries.map((e) => [e.url, foldText(e.text).folded])) };
  }
  return corpus;
}

/** URLs of every entry whose folded text holds every word of the query (the truth for recall and false hits). */
export function truth(query: string): string[] {
  const words = query.split(/\s+/).filter(Boolean).map((w) => foldText(w).folded).filter(Boolean);
  const { entries, folded } = searchCorpus();
  return entries.filter((e) => words.every((w) => folded.get(e.url)!.includes(w))).map((e) => e.url);
}

function uniqueIn(phrase: string): boolean {
  return truth(phrase).length === 1;
}

/** A deterministic pick of phrases: per source, lengths 2–20, numbers with %, two-character words, and (for the newspaper page) phrases across a line break. */
export function samplePhrases(): Phrase[] {
  const { result } = corpusData;
  const { entries } = searchCorpus();
  const out: Phrase[] = [];
  const seen = new Set<string>();
  const add = (p: Phrase) => {
    const key = foldText(p.text).folded;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const src of result.sources) {
    const docIds = new Set(result.documents.filter((d) => d.sourceFile === src.file).map((d) => d.id));
    const mine = entries.filter((e) => docIds.has(e.docId) && !e.heading && e.text.length > 30);
    // Plain phrases of several lengths, unique in the corpus.
    for (const len of [3, 4, 5, 7, 9, 12, 15, 20]) {
      for (let k = 0; k < mine.length; k++) {
        const e = mine[(k * 13 + len * 7) % mine.length]!;
        const chars = Array.from(e.text.replace(/\s+/g, ''));
        const at = (len * 31 + k * 17) % Math.max(1, chars.length - len);
        const text = chars.slice(at, at + len).join('');
        if (/^[，。、；：]/.test(text) || !uniqueIn(text)) continue;
        add({ text, kind: 'plain', url: e.url, source: src.file });
        break;
      }
    }
    // Two-character Han words found in one entry only.
    let twos = 0;
    for (const e of mine) {
      for (const m of e.text.matchAll(/(?<=[，。；、])\p{Script=Han}{2}/gu)) {
        if (twos >= 2 || !uniqueIn(m[0])) continue;
        add({ text: m[0], kind: 'two-char', url: e.url, source: src.file });
        twos++;
      }
    }
    // Numbers with a per cent sign, with the words before them.
    let pct = 0;
    for (const e of mine) {
      for (const m of e.text.matchAll(/\p{Script=Han}{2,4}\d+(?:\.\d+)?[%％]/gu)) {
        if (pct >= 2 || !uniqueIn(m[0])) continue;
        add({ text: m[0], kind: 'percent', url: e.url, source: src.file });
        pct++;
      }
    }
    // Across a hard line break of the source (the newspaper page is set in narrow columns).
    const lines = src.text.split(/\r?\n/);
    let breaks = 0;
    for (const d of indexedDocuments(result).filter((x) => x.sourceFile === src.file)) {
      for (const p of d.paragraphs) {
        if (breaks >= 4 || p.position.endLine === p.position.startLine) continue;
        const l1 = lines[p.position.startLine - 1]!.trim();
        const l2 = lines[p.position.startLine]!.trim();
        const tail = Array.from(l1).slice(-4).join('');
        const head = Array.from(l2).slice(0, 4).join('');
        const text = tail + head;
        if (!/\p{Script=Han}/u.test(tail) || !/\p{Script=Han}/u.test(head) || !uniqueIn(text)) continue;
        add({ text, kind: 'line-break', url: `/reports/${d.id}/#${p.id}`, source: src.file });
        breaks++;
      }
    }
  }
  return out;
}

/** The fixed set for `npm run bench` (and the three quoted-search failures). */
export const BENCH_QUERIES: string[] = [
  '国和一号',
  '预计全年生产总值增长6%左右',
  '努力实现幼有善育、学有优教',
  '新质生产力',
  '高质量发展',
  '发展',
  '核电',
  '28.4%',
  '5.5%左右',
  '晨星工厂',
  '专精特新',
  '乡村振兴',
  '营商环境',
  '海洋经济',
  '千万工程',
  '一般公共预算收入',
  '工业经济投资增长全省第一',
  '精致城市·幸福威海',
  '胶东经济圈一体化',
  '发展活力不断增强',
  '坚持把稳增长放在突出位置',
  '绿色低碳高质量发展先行区建设',
  '让绿色低碳成为高质量发展最鲜明的底色',
  '居民人均可支配收入',
  '民生实事',
  '（一）强力推动全方位扩大内需',
  '新增城镇就业',
  '绿色 低碳',
  '外贸 进出口',
  '國和一號',
];
