/**
 * The search engine in the browser, over the index that src/integrations/search-index.ts
 * writes (layout in src/lib/search/records.ts). It turns a query into tokens, looks
 * each one up, keeps the entries where each phrase really occurs (token k at p + offset k),
 * ranks them, counts facets and fetches the text of the results shown.
 *
 * What a query downloads does not grow with the corpus:
 *  - each token's global bucket: a rare token's whole posting list, or the shards that
 *    hold a frequent one;
 *  - when the rare tokens leave few candidates, their texts, which prove each match
 *    (and are shown anyway);
 *  - otherwise the shards in rank order (newest reports first), each read only for the
 *    tokens the query needs, until a page of results is found or a download budget is
 *    spent; `more()` goes on from there, so every match is reachable.
 *
 * Loaded only when someone searches (the search page, or the header box once used):
 * nothing here runs on a report page.
 */
import {
  bucketOf, compareRank, decodeParts, foldText, foldedStarts, hasHan, loadTraditionalConverter, looksTraditional, parseQuery, phraseStarts, phraseTokens, rankKey,
  readBucket, searchPaths, tokenKey,
  type MatchInfo, type ParsedQuery, type PartFacet, type PhraseTokens, type Postings, type RankKey, type SearchDoc, type SearchManifest,
  type SearchText, type ShardDocs, type TokenRecord,
} from '../lib/search/index.ts';
import { searchIndexPath } from '../data/urls.ts';

export type Facet = 'region' | 'year' | 'kind' | 'part';
export const FACETS: Facet[] = ['region', 'year', 'kind', 'part'];
export type Filters = Partial<Record<Facet, string[]>>;

/** Pairs looked up beyond a phrase's covering ones when those leave no rare pair or too many candidates. */
const EXTRA_PAIRS = 6;
/** Candidates at most this many are checked against their texts instead of the shards' postings. */
const VERIFY_MAX = 24;
/**
 * In a shard, candidates are checked against their texts rather than the postings of the
 * frequent tokens when there are at most this many per frequent token (a text file costs about
 * a fifth of a bucket, and the texts of hits are shown anyway).
 */
const TEXT_PER_BUCKET = 6;
/**
 * Index bytes one step of a search may download before it pauses (more() goes on): with the
 * texts of a page of results and the script, a cold search stays under 150 KB.
 */
const STEP_BUDGET = 48 * 1024;

export interface Hit {
  /** Entry number (rank order across the corpus). */
  entry: number;
  doc: SearchDoc;
  part: PartFacet;
  match: MatchInfo;
  rank: RankKey;
}

export interface SearchOutcome {
  query: ParsedQuery;
  /** The query converted to Simplified characters, when that form was searched as well. */
  converted: ParsedQuery | null;
  /** Every hit found so far, ranked, before filtering. */
  all: Hit[];
  /** Hits that pass the filters: the first `kept` in the order already shown, the rest ranked. */
  hits: Hit[];
  /** Per facet, value → number of hits with that value given the other facets' filters. */
  counts: Record<Facet, Map<string, number>>;
  /** True when every document that could match has been searched. */
  complete: boolean;
  /** Documents searched so far, and those the filters allow. */
  searchedDocs: number;
  totalDocs: number;
  ms: number;
}

export function facetValue(hit: Pick<Hit, 'doc' | 'part'>, facet: Facet): string {
  switch (facet) {
    case 'region':
      return hit.doc.region?.slug ?? '';
    case 'year':
      return hit.doc.year ? String(hit.doc.year) : '';
    case 'kind':
      return hit.doc.kind;
    case 'part':
      return hit.part;
  }
}

function passes(hit: Pick<Hit, 'doc' | 'part'>, filters: Filters, except?: Facet): boolean {
  return FACETS.every((f) => f === except || !filters[f]?.length || filters[f]!.includes(facetValue(hit, f)));
}

/** An entry's text as loaded: the whole, or (for a long entry) the pieces around a range, from folded offset `from`. */
export type LoadedText = SearchText & { from: number };

/** A shard's documents, unpacked: per entry, its document and part. */
interface ShardTable {
  docs: SearchDoc[];
  /** Per document: characters of its entries' folded text. */
  chars: number[];
  docOf: Int32Array;
  parts: PartFacet[];
}

/** How often a phrase occurs in one document (termCounts). */
export interface TermDocCount {
  doc: SearchDoc;
  /** Characters of the document's folded text (whitespace left out), to normalise by. */
  chars: number;
  /** Occurrences of the phrase (overlapping ones each count), from the postings' positions. */
  occurrences: number;
  /** Paragraphs and headings that hold it. */
  entries: number;
}

export interface TermCounts {
  /** The phrases counted, folded: the input, and its Simplified form when that differs and was counted too. */
  phrases: string[];
  /** The Simplified form, when the input was converted. */
  converted: string | null;
  /** Every document of the index, in rank order (newest first), with its counts (0 where the phrase is absent). */
  docs: TermDocCount[];
  /** Shards whose postings were read (the phrase can occur only there). */
  shardsRead: number;
}

/** One phrase of a query, with what the global buckets say about its tokens. */
interface PhrasePlan {
  ph: PhraseTokens;
  /**
   * The tokens the phrase is matched by (token k at p + offsets[k]), with what the global buckets
   * say about each: every rare pair looked up, and as few frequent ones as cover the rest.
   */
  tokens: number[];
  offsets: number[];
  records: Array<TokenRecord | null>;
  /** Some token occurs nowhere: the phrase occurs nowhere. */
  absent: boolean;
  /** Starts from the rare tokens alone (entry → starts), when the phrase has any; a superset of the truth. */
  candidates: Map<number, number[]> | null;
  /** Shards where the phrase can occur. */
  shards: Set<number>;
}

interface Variant {
  query: ParsedQuery;
  converted: boolean;
  words: PhrasePlan[];
  joined: PhrasePlan | null;
}

interface RunState {
  input: string;
  query: ParsedQuery;
  filters: Filters;
  variants: Variant[];
  /** Shards still to search, in order. */
  queue: number[];
  /** Entry → match, for the hits found so far. */
  found: Map<number, MatchInfo>;
  /** Hits already handed out in this order (kept at the top when more are found). */
  kept: number[];
  searchedDocs: number;
  totalDocs: number;
  traditionalTried: boolean;
}

const runs = new WeakMap<SearchOutcome, RunState>();

/** Some phrase of the variant is looked up by a sample of its pairs (phraseTokens: exact false), so postings only suggest matches. */
const inexact = (v: Variant): boolean => v.words.some((w) => !w.ph.exact) || (v.joined !== null && !v.joined.ph.exact);

export class SearchEngine {
  private readonly starts: number[];
  private readonly files = new Map<string, Promise<unknown>>();
  private converter: Promise<(s: string) => string> | null = null;
  private regions: Promise<Record<string, number[]>> | null = null;
  /** Bytes downloaded so far (index files and texts). */
  bytes = 0;

  readonly manifest: SearchManifest;
  private readonly root: string;

  private constructor(manifest: SearchManifest, root: string) {
    this.manifest = manifest;
    this.root = root;
    this.starts = [0];
    for (const s of manifest.shards) this.starts.push(this.starts[this.starts.length - 1]! + s.e);
  }

  /** Load the manifest. `root` is the index's folder URL (urls.ts searchIndexPath()). */
  static async load(root = searchIndexPath()): Promise<SearchEngine> {
    const r = await fetch(`${root}${searchPaths.manifest}`, { cache: 'no-cache' });
    if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
    return new SearchEngine((await r.json()) as SearchManifest, root);
  }

  private get<T>(rel: string, read: (r: Response) => Promise<T>): Promise<T> {
    let p = this.files.get(rel) as Promise<T> | undefined;
    if (!p) {
      p = fetch(`${this.root}${rel}`).then(async (r) => {
        if (!r.ok) throw new Error(`search index ${rel}: HTTP ${r.status}`);
        return read(r);
      });
      p.catch(() => this.files.delete(rel));
      this.files.set(rel, p);
    }
    return p;
  }

  /** A file's bytes, gunzipped (the index gzips its own files; a host may have decoded them already). */
  private async bytesOf(r: Response): Promise<Uint8Array> {
    const packed = new Uint8Array(await r.arrayBuffer());
    this.bytes += packed.byteLength;
    if (packed[0] !== 0x1f || packed[1] !== 0x8b) return packed;
    return new Uint8Array(await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  }

  private json<T>(rel: string): Promise<T> {
    return this.get(rel, async (r) => JSON.parse(new TextDecoder().decode(await this.bytesOf(r))) as T);
  }

  /** A bucket's records; `base` is the shard's first entry (0 for global buckets). */
  private bucket(rel: string, base: number, shard = false): Promise<Map<number, TokenRecord>> {
    return this.get(rel, async (r) => {
      const before = this.bytes;
      const bytes = await this.bytesOf(r);
      if (shard) this.shardBytes = { files: this.shardBytes.files + 1, bytes: this.shardBytes.bytes + this.bytes - before };
      return readBucket(bytes, base);
    });
  }

  /** What the global bucket says about a token: its postings (rare), its shards (frequent), or null (nowhere). */
  private async record(key: number): Promise<TokenRecord | null> {
    const m = await this.bucket(searchPaths.global(this.manifest.id, bucketOf(key, this.manifest.g)), 0);
    return m.get(key) ?? null;
  }

  /** A token's postings in shard k (global entry numbers). */
  private async shardPostings(key: number, rec: TokenRecord, k: number): Promise<Postings> {
    if (rec.kind === 'postings') return rec.postings;
    const m = await this.bucket(searchPaths.shard(this.manifest.id, k, bucketOf(key, this.manifest.shards[k]!.b)), this.starts[k]!, true);
    const r = m.get(key);
    return r?.kind === 'postings' ? r.postings : new Map();
  }

  shardOf(entry: number): number {
    let lo = 0;
    let hi = this.manifest.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= entry) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private table(k: number): Promise<ShardTable> {
    const rel = searchPaths.shardDocs(this.manifest.id, k);
    const key = `table:${rel}`;
    let p = this.files.get(key) as Promise<ShardTable> | undefined;
    if (!p) {
      p = this.json<ShardDocs>(rel).then((sd) => {
        const docOf = new Int32Array(this.manifest.shards[k]!.e);
        const parts: PartFacet[] = [];
        let at = 0;
        sd.docs.forEach((d, i) => {
          docOf.fill(i, at, at + d.n);
          at += d.n;
          parts.push(...decodeParts(d.p));
        });
        return { docs: sd.docs.map(({ n: _n, p: _p, c: _c, ...doc }) => doc), chars: sd.docs.map((d) => d.c), docOf, parts };
      });
      this.files.set(key, p);
    }
    return p;
  }

  /** The document and part of an entry. */
  async entryInfo(entry: number): Promise<{ doc: SearchDoc; part: PartFacet }> {
    const k = this.shardOf(entry);
    const t = await this.table(k);
    const local = entry - this.starts[k]!;
    return { doc: t.docs[t.docOf[local]!]!, part: t.parts[local]! };
  }

  /**
   * The verbatim text and headings of one entry. A long entry's text is in pieces: with `near`
   * (a range of its folded text, as the match positions give), only the pieces that hold it are
   * loaded and `t` is that part of the text; without, the whole text.
   */
  async text(entry: number, near?: [number, number]): Promise<LoadedText> {
    const k = this.shardOf(entry);
    const local = entry - this.starts[k]!;
    const x = this.manifest.x;
    const file = await this.json<SearchText[]>(searchPaths.texts(this.manifest.id, k, Math.floor(local / x)));
    const t = file[local % x];
    if (!t) throw new Error(`search index: no text for entry ${entry}`);
    if (!t.p) return { ...t, from: 0 };
    const starts = t.p;
    const pick = starts
      .map((s, i) => i)
      .filter((i) => !near || (near[0] < (starts[i + 1] ?? Infinity) && near[1] > starts[i]!));
    const pieces = await Promise.all(pick.map((i) => this.json<string>(searchPaths.piece(this.manifest.id, k, local, i))));
    return { ...t, t: pieces.join(''), from: starts[pick[0] ?? 0] ?? 0 };
  }

  /**
   * What the global buckets say about a phrase's tokens. First the pairs at offsets 0, 2, 4 …;
   * when they leave no rare pair or too many candidates, the other pairs too (a rarer one often
   * hides there: in 发展活力不断增强, 展活 and 断增 rather than 活力), and the phrase is then matched
   * by every rare pair and as few frequent ones as cover the remaining characters.
   */
  private async plan(ph: PhraseTokens): Promise<PhrasePlan> {
    let tokens = ph.tokens;
    let offsets = ph.offsets;
    let records = await Promise.all(tokens.map((t) => this.record(t)));
    const absent = (): PhrasePlan => ({ ph, tokens, offsets, records, absent: true, candidates: null, shards: new Set() });
    if (records.some((r) => !r)) return absent();
    let candidates = this.rareStarts(records, offsets);
    if (ph.exact && ph.length > 3 && (!candidates || candidates.size > VERIFY_MAX)) {
      const cps = Array.from(ph.folded, (c) => c.codePointAt(0)!);
      // At most EXTRA_PAIRS more lookups, spread over the phrase.
      const others = cps.slice(0, -1).flatMap((_, o) => (offsets.includes(o) ? [] : [o]));
      const more = others.filter((_, i) => others.length <= EXTRA_PAIRS || i % Math.ceil(others.length / EXTRA_PAIRS) === 0);
      const extra = await Promise.all(more.map((o) => this.record(tokenKey(cps[o]!, cps[o + 1]!))));
      if (extra.some((r) => !r)) return absent();
      const all = [...offsets.map((o, i) => ({ o, t: tokens[i]!, r: records[i]! })), ...more.map((o, i) => ({ o, t: tokenKey(cps[o]!, cps[o + 1]!), r: extra[i]! }))].sort((a, b) => a.o - b.o);
      // Every rare pair, then frequent pairs for the characters no rare pair covers (left to right).
      const keep = all.filter((x) => x.r!.kind === 'postings');
      const covered = new Set(keep.flatMap((x) => [x.o, x.o + 1]));
      for (let c = 0; c < cps.length; c++) {
        if (covered.has(c)) continue;
        // A pair starting here covers the next character too; else the one ending here (the pairs at 0, 2, 4 … always cover).
        const pick = all.find((x) => x.o === c) ?? all.find((x) => x.o === c - 1)!;
        keep.push(pick);
        covered.add(pick.o).add(pick.o + 1);
      }
      keep.sort((a, b) => a.o - b.o);
      tokens = keep.map((x) => x.t);
      offsets = keep.map((x) => x.o);
      records = keep.map((x) => x.r);
      candidates = this.rareStarts(records, offsets);
    }
    let shards = new Set(this.manifest.shards.map((_, k) => k));
    for (const r of records) if (r!.kind === 'frequent') shards = new Set(r!.shards.filter((s) => shards.has(s)));
    if (candidates) {
      const inShards = new Set([...candidates.keys()].map((e) => this.shardOf(e)));
      shards = new Set([...shards].filter((s) => inShards.has(s)));
    }
    return { ph, tokens, offsets, records, absent: shards.size === 0, candidates, shards };
  }

  /** Starts of a phrase from its rare tokens alone (entry → starts), a superset of the truth; null when it has none. */
  private rareStarts(records: Array<TokenRecord | null>, offsets: number[]): Map<number, number[]> | null {
    const rare: Array<[Postings, number]> = [];
    records.forEach((r, k) => r?.kind === 'postings' && rare.push([r.postings, offsets[k]!]));
    if (!rare.length) return null;
    const out = new Map<number, number[]>();
    const smallest = rare.reduce((a, b) => (b[0].size < a[0].size ? b : a))[0];
    for (const entry of smallest.keys()) {
      const positions = rare.map(([p]) => p.get(entry));
      if (positions.some((p) => !p)) continue;
      const starts = phraseStarts(positions as number[][], rare.map(([, o]) => o));
      if (starts.length) out.set(entry, starts);
    }
    return out;
  }

  private async variant(query: ParsedQuery, converted: boolean): Promise<Variant> {
    const [words, joined] = await Promise.all([Promise.all(query.words.map((w) => this.plan(w))), query.joined ? this.plan(query.joined) : null]);
    return { query, converted, words, joined };
  }

  /** Start offsets of a phrase in the entries of shard k (restricted to `only` when given). */
  private async phraseIn(plan: PhrasePlan, k: number, only?: Set<number>): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (plan.absent || !plan.shards.has(k)) return out;
    const lists = await Promise.all(plan.tokens.map((t, i) => this.shardPostings(t, plan.records[i]!, k)));
    const from = this.starts[k]!;
    const to = this.starts[k + 1]!;
    const inShard = (e: number) => e >= from && e < to && (!only || only.has(e));
    let keys: Iterable<number>;
    if (plan.candidates) keys = [...plan.candidates.keys()].filter(inShard);
    else {
      const smallest = lists.reduce((a, b) => (b.size < a.size ? b : a));
      keys = [...smallest.keys()].filter(inShard);
    }
    for (const e of keys) {
      const positions = lists.map((l) => l.get(e));
      if (positions.some((p) => !p)) continue;
      const starts = phraseStarts(positions as number[][], plan.offsets);
      if (starts.length) out.set(e, starts);
    }
    return out;
  }

  /** Matches of a variant in shard k, from the postings. */
  private async matchShard(v: Variant, k: number): Promise<Map<number, MatchInfo>> {
    const out = new Map<number, MatchInfo>();
    if (!v.words.length || v.words.some((w) => !w.shards.has(k))) return out;
    let only: Set<number> | undefined;
    const per: Array<Map<number, number[]>> = [];
    for (const w of [...v.words].sort((a, b) => Number(!a.candidates) - Number(!b.candidates))) {
      const m = await this.phraseIn(w, k, only);
      per[v.words.indexOf(w)] = m;
      only = new Set(m.keys());
      if (!only.size) return out;
    }
    const joined = v.joined ? await this.phraseIn(v.joined, k, only) : null;
    for (const e of only ?? []) {
      const wordStarts = per.map((m) => m.get(e)!);
      out.set(e, { wordStarts, runStarts: joined ? (joined.get(e) ?? []) : wordStarts[0]!, converted: v.converted });
    }
    // A long phrase is looked up by a sample of its pairs: the postings give candidates, the texts prove them.
    return inexact(v) ? this.matchTexts(v, [...out.keys()]) : out;
  }

  /**
   * Matches of a variant in shard k: from the texts of its candidates in the shard when they are
   * few beside the frequent tokens' buckets the postings would need (texts of hits are shown
   * anyway), else from the postings.
   */
  private async matchInShard(v: Variant, k: number): Promise<Map<number, MatchInfo>> {
    const cands = this.candidates(v);
    if (cands) {
      const frequent = new Set<number>();
      for (const w of [...v.words, ...(v.joined ? [v.joined] : [])]) w.records.forEach((r, i) => r?.kind === 'frequent' && frequent.add(w.tokens[i]!));
      const mine = cands.filter((e) => e >= this.starts[k]! && e < this.starts[k + 1]!);
      if (mine.length <= TEXT_PER_BUCKET * frequent.size) return this.matchTexts(v, mine);
    }
    return this.matchShard(v, k);
  }

  /** Matches of a variant among candidate entries, from their texts (exact, and cheap when they are few). */
  private async matchTexts(v: Variant, entries: number[]): Promise<Map<number, MatchInfo>> {
    const out = new Map<number, MatchInfo>();
    const longest = Math.max(...v.query.words.map((w) => w.length), v.query.joined?.length ?? 0);
    // A long text is loaded only around where the rare tokens put the candidates.
    const near = (e: number): [number, number] | undefined => {
      const starts = v.words.flatMap((w) => w.candidates?.get(e) ?? []);
      return starts.length ? [Math.min(...starts), Math.max(...starts) + longest] : undefined;
    };
    const texts = await Promise.all(entries.map((e) => this.text(e, near(e))));
    entries.forEach((e, i) => {
      const { t, from } = texts[i]!;
      const chars = foldText(t).chars;
      const at = (phrase: string) => foldedStarts(chars, Array.from(phrase)).map((p) => p + from);
      const wordStarts = v.query.words.map((w) => at(w.folded));
      if (wordStarts.some((s) => !s.length)) return;
      const runStarts = v.query.joined ? at(v.query.joined.folded) : wordStarts[0]!;
      out.set(e, { wordStarts, runStarts, converted: v.converted });
    });
    return out;
  }

  /** Candidate entries of a variant from rare tokens alone, when every word has some; else null. */
  private candidates(v: Variant): number[] | null {
    if (!v.words.length || v.words.some((w) => !w.candidates)) return null;
    let keep = [...v.words[0]!.candidates!.keys()];
    for (const w of v.words.slice(1)) keep = keep.filter((e) => w.candidates!.has(e));
    return keep;
  }

  private toSimplified(): Promise<(s: string) => string> {
    this.converter ??= loadTraditionalConverter();
    return this.converter;
  }

  /** Shards the filters allow (years and kinds from the manifest, regions from regions.json). */
  private async allowedShards(filters: Filters): Promise<number[]> {
    let shards = this.manifest.shards.map((_, k) => k);
    if (filters.year?.length) shards = shards.filter((k) => this.manifest.shards[k]!.y.some((y) => filters.year!.includes(String(y))));
    if (filters.kind?.length) shards = shards.filter((k) => this.manifest.shards[k]!.k.some((x) => filters.kind!.includes(x)));
    if (filters.region?.length) {
      this.regions ??= this.json<Record<string, number[]>>(searchPaths.regions(this.manifest.id));
      const map = await this.regions;
      const ok = new Set(filters.region.flatMap((r) => map[r] ?? []));
      shards = shards.filter((k) => ok.has(k));
    }
    return shards;
  }

  /**
   * Search for `input`, stopping once `want` hits pass the filters (or the step's download
   * budget is spent, or everything is searched); `more(outcome)` goes on.
   */
  async search(input: string, filters: Filters = {}, want = 20): Promise<SearchOutcome> {
    const t0 = performance.now();
    const query = parseQuery(input);
    const variants = [await this.variant(query, false)];
    let converted: ParsedQuery | null = null;
    if (query.words.length && hasHan(query.raw) && (variants[0]!.words.some((w) => w.absent) || looksTraditional(query.raw))) {
      converted = await this.convert(query);
      if (converted) variants.push(await this.variant(converted, true));
    }
    const allowed = await this.allowedShards(filters);
    const state: RunState = {
      input,
      query,
      filters,
      variants,
      queue: allowed,
      found: new Map(),
      kept: [],
      searchedDocs: 0,
      totalDocs: allowed.reduce((n, k) => n + this.manifest.shards[k]!.d, 0),
      traditionalTried: converted !== null,
    };
    return this.step(state, want, t0);
  }

  private async convert(query: ParsedQuery): Promise<ParsedQuery | null> {
    const simplified = (await this.toSimplified())(query.raw);
    return simplified !== query.raw ? parseQuery(simplified) : null;
  }

  /** Go on with a search: find hits up to `want` in all (those already shown stay first, in order). */
  async more(previous: SearchOutcome, want: number): Promise<SearchOutcome> {
    const state = runs.get(previous);
    if (!state) throw new Error('search: more() needs an outcome of this engine');
    state.kept = previous.hits.map((h) => h.entry);
    return this.step(state, want, performance.now());
  }

  private async step(state: RunState, want: number, t0: number): Promise<SearchOutcome> {
    const start = this.bytes;
    // Few candidates from rare tokens: prove them against their texts, all shards at once.
    for (const v of state.variants) {
      const cands = this.candidates(v);
      if (cands && (cands.length <= VERIFY_MAX || inexact(v))) {
        const queued = new Set(state.queue);
        const mine = cands.filter((e) => queued.has(this.shardOf(e)));
        const checked = mine.length <= VERIFY_MAX ? await this.matchTexts(v, mine) : await this.matchByShards(v, mine);
        for (const [e, m] of checked) if (!state.found.has(e)) state.found.set(e, m);
        v.words = [];
      }
    }
    const live = () => state.variants.filter((v) => v.words.length && !v.words.some((w) => w.absent));
    if (!live().length) {
      state.searchedDocs = state.totalDocs;
      state.queue = [];
    }
    let outcome = await this.outcome(state, t0);
    let shardsThisStep = 0;
    while (state.queue.length && live().length) {
      if (outcome.hits.length >= want) break;
      // Pause before a shard whose buckets would pass the budget (but always search one).
      if (shardsThisStep > 0 && this.bytes - start + this.shardCost(live(), state.queue[0]!) > STEP_BUDGET) break;
      shardsThisStep++;
      const k = state.queue.shift()!;
      for (const v of live()) {
        for (const [e, m] of await this.matchInShard(v, k)) if (!state.found.has(e)) state.found.set(e, m);
      }
      state.searchedDocs += this.manifest.shards[k]!.d;
      outcome = await this.outcome(state, t0);
    }
    if (!state.queue.length || !live().length) {
      state.searchedDocs = state.totalDocs;
      // Nothing in Simplified characters either way: try the query converted, once.
      if (!state.found.size && !state.traditionalTried && hasHan(state.input)) {
        state.traditionalTried = true;
        const converted = await this.convert(parseQuery(state.input));
        if (converted) {
          state.variants = [await this.variant(converted, true)];
          state.queue = await this.allowedShards(state.filters);
          state.searchedDocs = 0;
          return this.step(state, want, t0);
        }
      }
    }
    return this.outcome(state, t0);
  }

  /** Bytes of shard buckets seen so far, to guess what the next shard costs. */
  private shardBytes = { files: 0, bytes: 0 };

  /** What searching shard k would download: its buckets of the frequent tokens not loaded yet. */
  private shardCost(variants: Variant[], k: number): number {
    const avg = this.shardBytes.files ? this.shardBytes.bytes / this.shardBytes.files : 6 * 1024;
    const rels = new Set<string>();
    for (const v of variants) {
      for (const w of [...v.words, ...(v.joined ? [v.joined] : [])]) {
        w.records.forEach((r, i) => {
          if (r?.kind === 'frequent' && r.shards.includes(k)) rels.add(searchPaths.shard(this.manifest.id, k, bucketOf(w.tokens[i]!, this.manifest.shards[k]!.b)));
        });
      }
    }
    return [...rels].filter((rel) => !this.files.has(rel)).length * avg;
  }

  /** Matches among many candidates of an inexact phrase: the postings of its tokens, shard by shard. */
  private async matchByShards(v: Variant, entries: number[]): Promise<Map<number, MatchInfo>> {
    const out = new Map<number, MatchInfo>();
    const byShard = new Map<number, number[]>();
    for (const e of entries) {
      const k = this.shardOf(e);
      byShard.set(k, [...(byShard.get(k) ?? []), e]);
    }
    for (const k of byShard.keys()) for (const [e, m] of await this.matchShard(v, k)) out.set(e, m);
    return out;
  }

  private async outcome(state: RunState, t0: number): Promise<SearchOutcome> {
    const entries = [...state.found.keys()];
    const infos = await Promise.all(entries.map((e) => this.entryInfo(e)));
    const all: Hit[] = entries.map((entry, i) => {
      const match = state.found.get(entry)!;
      return { entry, ...infos[i]!, match, rank: rankKey(match, entry, infos[i]!.doc.kind) };
    });
    all.sort((a, b) => compareRank(a.rank, b.rank));
    const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as SearchOutcome['counts'];
    for (const h of all) {
      for (const f of FACETS) {
        if (!passes(h, state.filters, f)) continue;
        const value = facetValue(h, f);
        counts[f].set(value, (counts[f].get(value) ?? 0) + 1);
      }
    }
    const filtered = all.filter((h) => passes(h, state.filters));
    const byEntry = new Map(filtered.map((h) => [h.entry, h]));
    const kept = state.kept.map((e) => byEntry.get(e)).filter((h): h is Hit => !!h);
    const keptSet = new Set(kept.map((h) => h.entry));
    const hits = [...kept, ...filtered.filter((h) => !keptSet.has(h.entry))];
    const outcome: SearchOutcome = {
      query: state.query,
      converted: state.variants.find((v) => v.converted)?.query ?? null,
      all,
      hits,
      counts,
      complete: state.queue.length === 0,
      searchedDocs: state.searchedDocs,
      totalDocs: state.totalDocs,
      ms: performance.now() - t0,
    };
    runs.set(outcome, state);
    return outcome;
  }

  /**
   * How often a phrase occurs in every document, counted from the postings alone (the phrase's
   * tokens at p + offset k give each occurrence; no text is fetched): the doc tables of every
   * shard, and the buckets of the phrase's frequent tokens in the shards where it can occur. A
   * Traditional phrase is counted in its Simplified form too (each occurrence is of one form or
   * the other). Throws for a phrase too long for its tokens to pin down every character.
   */
  async termCounts(input: string): Promise<TermCounts> {
    const ph = phraseTokens(input);
    if (!ph) return { phrases: [], converted: null, docs: [], shardsRead: 0 };
    if (!ph.exact) throw new RangeError(`termCounts: a phrase of ${ph.length} characters is too long to count from the postings`);
    const plans = [await this.plan(ph)];
    let converted: string | null = null;
    if (hasHan(input) && (plans[0]!.absent || looksTraditional(input))) {
      const simplified = (await this.toSimplified())(input);
      const sph = simplified !== input ? phraseTokens(simplified) : null;
      if (sph?.exact && sph.folded !== ph.folded) {
        converted = simplified;
        plans.push(await this.plan(sph));
      }
    }
    const shards = this.manifest.shards.map((_, k) => k);
    const [tables, found] = await Promise.all([
      Promise.all(shards.map((k) => this.table(k))),
      Promise.all(shards.map((k) => Promise.all(plans.map((plan) => this.phraseIn(plan, k))))),
    ]);
    const docs: TermDocCount[] = [];
    shards.forEach((k) => {
      const t = tables[k]!;
      const mine = t.docs.map((doc, i) => ({ doc, chars: t.chars[i]!, occurrences: 0, entries: 0 }));
      const entries = new Set<number>();
      for (const m of found[k]!) {
        for (const [e, starts] of m) {
          const d = mine[t.docOf[e - this.starts[k]!]!]!;
          d.occurrences += starts.length;
          if (!entries.has(e)) d.entries++;
          entries.add(e);
        }
      }
      docs.push(...mine);
    });
    const shardsRead = new Set(plans.flatMap((p) => (p.absent ? [] : [...p.shards]))).size;
    return { phrases: plans.map((p) => p.ph.folded), converted, docs, shardsRead };
  }

  /**
   * Candidates for a long quote: entries sharing the most of its tokens, best first.
   * (A misquote breaks the exact phrase, so tokens are looked up on their own; rare ones
   * decide, and frequent ones are read from the newest shards within the budget.)
   */
  async similar(ph: PhraseTokens, limit = 6, kind?: SearchDoc['kind']): Promise<number[]> {
    const start = this.bytes;
    const keys = [...new Set(ph.tokens)];
    const records = await Promise.all(keys.map((k) => this.record(k)));
    const shared = new Map<number, number>();
    const count = (p: Postings) => {
      for (const e of p.keys()) shared.set(e, (shared.get(e) ?? 0) + 1);
    };
    records.forEach((r) => r?.kind === 'postings' && count(r.postings));
    if (!shared.size) {
      for (let k = 0; k < this.manifest.shards.length && this.bytes - start < STEP_BUDGET; k++) {
        const lists = await Promise.all(keys.map((key, i) => (records[i] ? this.shardPostings(key, records[i]!, k) : new Map())));
        lists.forEach(count);
      }
    }
    const ranked = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const out: number[] = [];
    for (const [e] of ranked) {
      if (out.length >= limit) break;
      if (kind && (await this.entryInfo(e)).doc.kind !== kind) continue;
      out.push(e);
    }
    return out;
  }
}
