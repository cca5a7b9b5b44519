/**
 * The search engine in the browser: Pagefind does the lookups in its bigram
 * index (built by src/integrations/pagefind.ts); this module turns a query into
 * token lookups, keeps the paragraphs where each phrase really occurs (token k
 * at position p + k), ranks them, counts facets and fetches the text of the
 * results shown.
 *
 * Loaded only when someone searches (the search page, or the header box once
 * used): nothing here runs on a report page.
 */
import { loadTraditionalConverter, parseQuery, type ParsedQuery, phraseStarts, type PhraseTokens, compareRank, rankKey, type MatchInfo, type RankKey, tableRows, type SearchDoc, type SearchTable, type SearchText, type TableRow, hasHan, looksTraditional } from '../lib/search/index.ts';

interface PagefindResult {
  id: string;
  words: number[];
}
interface PagefindInstance {
  init(): Promise<void>;
  search(term: string, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
  destroy(): Promise<void>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

export type Facet = 'region' | 'year' | 'kind' | 'part';
export const FACETS: Facet[] = ['region', 'year', 'kind', 'part'];
export type Filters = Partial<Record<Facet, string[]>>;

export interface Hit {
  hash: string;
  row: TableRow;
  doc: SearchDoc;
  match: MatchInfo;
  rank: RankKey;
}

export interface SearchOutcome {
  query: ParsedQuery;
  /** The query converted to Simplified characters, when that form was searched as well. */
  converted: ParsedQuery | null;
  /** Every hit, ranked, before filtering. */
  all: Hit[];
  /** Hits that pass the filters, ranked. */
  hits: Hit[];
  /** Per facet, value → number of hits with that value given the other facets' filters. */
  counts: Record<Facet, Map<string, number>>;
  ms: number;
}

/** Positions of one token (or one character, as a prefix) in each page. */
type Postings = Map<string, number[]>;

export function facetValue(hit: Pick<Hit, 'doc' | 'row'>, facet: Facet): string {
  switch (facet) {
    case 'region':
      return hit.doc.region?.slug ?? '';
    case 'year':
      return hit.doc.year ? String(hit.doc.year) : '';
    case 'kind':
      return hit.doc.kind;
    case 'part':
      return hit.row.part;
  }
}

function passes(hit: Hit, filters: Filters, except?: Facet): boolean {
  return FACETS.every((f) => f === except || !filters[f]?.length || filters[f]!.includes(facetValue(hit, f)));
}

export class SearchEngine {
  private postings = new Map<string, Promise<Postings>>();
  private texts = new Map<string, Promise<SearchText>>();
  private converter: Promise<(s: string) => string> | null = null;

  private constructor(
    private readonly pagefind: PagefindInstance,
    readonly table: SearchTable,
    private readonly rows: Map<string, TableRow>,
    private readonly base: string,
  ) {}

  /** Load Pagefind and the table. `base` is the site root ('/'). */
  static async load(base = '/'): Promise<SearchEngine> {
    const pfUrl = `${base}pagefind/pagefind.js`;
    const [mod, table] = await Promise.all([
      import(/* @vite-ignore */ pfUrl) as Promise<PagefindModule>,
      fetch(`${base}search/table.json`, { cache: 'no-cache' }).then((r) => {
        if (!r.ok) throw new Error(`search table: HTTP ${r.status}`);
        return r.json() as Promise<SearchTable>;
      }),
    ]);
    // No web worker: a lookup takes about a millisecond, and the worker would be one more 43 KB download.
    const pagefind = mod.createInstance({ basePath: `${base}pagefind/`, noWorker: true });
    await pagefind.init();
    return new SearchEngine(pagefind, table, tableRows(table), base);
  }

  /** Positions of a token (or, with `prefix`, of every token starting with it) in each page. */
  private lookup(token: string, prefix: boolean): Promise<Postings> {
    const key = (prefix ? '^' : '') + token;
    let p = this.postings.get(key);
    if (!p) {
      p = this.pagefind.search(token).then((res) => {
        const out: Postings = new Map();
        for (const r of res?.results ?? []) {
          // A one-character phrase is a prefix; a whole token is found only as itself (codes are prefix-free).
          if (r.words.length) out.set(r.id, r.words);
        }
        return out;
      });
      if (this.postings.size > 4000) this.postings.clear();
      this.postings.set(key, p);
    }
    return p;
  }

  /** Start offsets of a phrase in every page that holds it. */
  async phrase(ph: PhraseTokens): Promise<Map<string, number[]>> {
    const lists = await Promise.all(ph.tokens.map((t) => this.lookup(t, ph.prefix)));
    const out = new Map<string, number[]>();
    if (ph.prefix) {
      for (const [id, pos] of lists[0]!) out.set(id, [...new Set(pos)].sort((a, b) => a - b));
      return out;
    }
    const smallest = lists.reduce((a, b) => (b.size < a.size ? b : a));
    for (const id of smallest.keys()) {
      const positions = lists.map((l) => l.get(id));
      if (positions.some((p) => !p)) continue;
      const starts = phraseStarts(positions as number[][]);
      if (starts.length) out.set(id, starts);
    }
    return out;
  }

  private async matches(q: ParsedQuery): Promise<Map<string, MatchInfo>> {
    const perWord = await Promise.all(q.words.map((w) => this.phrase(w)));
    const joined = q.joined ? await this.phrase(q.joined) : null;
    const out = new Map<string, MatchInfo>();
    if (!perWord.length) return out;
    const smallest = perWord.reduce((a, b) => (b.size < a.size ? b : a));
    for (const id of smallest.keys()) {
      const wordStarts = perWord.map((m) => m.get(id));
      if (wordStarts.some((s) => !s)) continue;
      const runStarts = joined ? (joined.get(id) ?? []) : wordStarts[0]!;
      out.set(id, { wordStarts: wordStarts as number[][], runStarts, converted: false });
    }
    return out;
  }

  private toSimplified(): Promise<(s: string) => string> {
    this.converter ??= loadTraditionalConverter();
    return this.converter;
  }

  async search(input: string, filters: Filters = {}): Promise<SearchOutcome> {
    const t0 = performance.now();
    const query = parseQuery(input);
    const found = await this.matches(query);
    let converted: ParsedQuery | null = null;
    if (query.words.length && hasHan(query.raw) && (found.size === 0 || looksTraditional(query.raw))) {
      const simplified = (await this.toSimplified())(query.raw);
      if (simplified !== query.raw) {
        converted = parseQuery(simplified);
        for (const [id, m] of await this.matches(converted)) if (!found.has(id)) found.set(id, { ...m, converted: true });
      }
    }
    const all: Hit[] = [];
    for (const [hash, match] of found) {
      const row = this.rows.get(hash);
      if (!row) continue; // the table and the index come from one build; a stale cache could still disagree
      all.push({ hash, row, doc: this.table.docs[row.doc]!, match, rank: rankKey(match, row.order) });
    }
    all.sort((a, b) => compareRank(a.rank, b.rank));
    const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as SearchOutcome['counts'];
    for (const h of all) {
      for (const f of FACETS) {
        if (!passes(h, filters, f)) continue;
        const v = facetValue(h, f);
        counts[f].set(v, (counts[f].get(v) ?? 0) + 1);
      }
    }
    const hits = all.filter((h) => passes(h, filters));
    return { query, converted, all, hits, counts, ms: performance.now() - t0 };
  }

  /** The verbatim text and headings of one hit. */
  text(hash: string): Promise<SearchText> {
    let p = this.texts.get(hash);
    if (!p) {
      p = fetch(`${this.base}search/p/${hash}.json`).then((r) => {
        if (!r.ok) throw new Error(`search text ${hash}: HTTP ${r.status}`);
        return r.json() as Promise<SearchText>;
      });
      p.catch(() => this.texts.delete(hash));
      this.texts.set(hash, p);
    }
    return p;
  }

  /**
   * Candidates for a long quote: pages sharing the most of its bigrams, best first.
   * (A misquote breaks the exact phrase, so every token is looked up on its own.)
   */
  async similar(ph: PhraseTokens, limit = 6, kind?: SearchDoc['kind']): Promise<string[]> {
    const unique = [...new Set(ph.tokens)];
    const lists = await Promise.all(unique.map((t) => this.lookup(t, ph.prefix)));
    const shared = new Map<string, number>();
    for (const l of lists) for (const id of l.keys()) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared.entries()]
      .filter(([id]) => this.rows.has(id) && (!kind || this.doc(id)?.kind === kind))
      .sort((a, b) => b[1] - a[1] || this.rows.get(a[0])!.order - this.rows.get(b[0])!.order)
      .slice(0, limit)
      .map(([id]) => id);
  }

  doc(hash: string): SearchDoc | undefined {
    const row = this.rows.get(hash);
    return row ? this.table.docs[row.doc] : undefined;
  }
}
