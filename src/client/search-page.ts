/**
 * /search/: the full search page. Reads its state from the URL
 * (?q=…&region=…&year=…&kind=…&part=…, or ?mode=quote&quote=…), searches as you
 * type, writes the state back with history.replaceState, and renders results as
 * a plain list of links with an aria-live count.
 */
import {
  MAX_QUERY_CHARS, allMatches, compareSources, excerpt, foldText, hasHan, judgeQuote, loadTraditionalConverter, looksTraditional, phraseTokens, trimQuote,
  type Match, type PartFacet, type SearchDoc, type SearchText,
} from '../lib/search/index.ts';
import { searchPath } from '../data/urls.ts';
import { FACETS, SearchEngine, type Facet, type Filters, type SearchOutcome } from './search-engine.ts';
import { docLabel, el, figureNote, KIND_LABEL, PART_LABEL, renderHit, resultUrl, shownRange, updateTermsLink } from './search-render.ts';

const PAGE = 20;
/** Longest quote checked (characters). */
const MAX_QUOTE = 600;
/** Places a quote check lists at most (verbatim occurrences first, then near ones). */
const MAX_SOURCES = 20;
/** Paragraphs most like the quote that the quote check also compares (misquotes break the exact phrase). */
const NEAR_CANDIDATES = 8;

/** A paragraph where a quoted passage stands, with its document. */
type Source = Match<SearchText & { entry: number; text: string; doc: SearchDoc; part: PartFacet }> & { kind: SearchDoc['kind']; entry: number };

const $ = <T extends Element>(root: ParentNode, sel: string) => {
  const found = root.querySelector<T>(sel);
  if (!found) throw new Error(`search page: ${sel} is missing`);
  return found;
};

class SearchPage {
  private engine: Promise<SearchEngine>;
  private outcome: SearchOutcome | null = null;
  private shown = 0;
  /** A continuation of the search is under way (more()). */
  private busy = false;
  private serial = 0;
  private timer = 0;
  private readonly form: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly quoteForm: HTMLFormElement;
  private readonly quoteInput: HTMLTextAreaElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly facets: HTMLElement;
  private readonly quoteOut: HTMLElement;

  constructor(private readonly root: HTMLElement) {
    this.form = $(root, 'form[data-search]');
    this.input = $(root, '#q');
    this.quoteForm = $(root, 'form[data-quote]');
    this.quoteInput = $(root, '#quote');
    this.status = $(root, '[data-status]');
    this.list = $(root, '[data-results]');
    this.more = $(root, '[data-more]');
    this.facets = $(root, '[data-facets]');
    this.quoteOut = $(root, '[data-quote-result]');
    this.engine = SearchEngine.load();
    // Filters open beside the results on wide screens, folded above them on phones.
    const box = root.querySelector<HTMLDetailsElement>('[data-facets-box]');
    const wide = matchMedia('(min-width: 48em)');
    if (box) {
      box.open = wide.matches;
      wide.addEventListener('change', () => (box.open = wide.matches));
    }
    this.engine.catch((e: unknown) => this.fail(e));
    root.classList.add('js-ready');
  }

  start(): void {
    const params = new URL(location.href).searchParams;
    this.input.value = params.get('q') ?? '';
    this.quoteInput.value = params.get('quote') ?? '';
    const filters = this.filtersFromUrl(params);
    this.setMode(params.get('mode') === 'quote' ? 'quote' : 'search', false);
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(this.timer);
      void this.run(this.currentFilters());
    });
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.run(this.currentFilters()), 180);
    });
    this.facets.addEventListener('change', () => void this.run(this.currentFilters()));
    this.more.addEventListener('click', () => void this.showMore(true, true));
    this.quoteForm.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.checkQuote();
    });
    for (const tab of this.root.querySelectorAll<HTMLAnchorElement>('[data-mode]')) {
      tab.addEventListener('click', (e) => {
        e.preventDefault();
        this.setMode(tab.dataset.mode === 'quote' ? 'quote' : 'search', true);
      });
    }
    if (this.mode() === 'quote') {
      if (this.quoteInput.value.trim()) void this.checkQuote();
    } else if (this.input.value.trim()) void this.run(filters);
    else this.status.textContent = '输入词句即可检索全部报告。';
  }

  private mode(): 'search' | 'quote' {
    return this.root.dataset.mode === 'quote' ? 'quote' : 'search';
  }

  private setMode(mode: 'search' | 'quote', write: boolean): void {
    this.root.dataset.mode = mode;
    for (const tab of this.root.querySelectorAll<HTMLElement>('[data-mode]')) {
      if (tab.dataset.mode === mode) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
    this.form.hidden = mode !== 'search';
    $(this.root, '[data-search-output]').toggleAttribute('hidden', mode !== 'search');
    this.quoteForm.hidden = mode !== 'quote';
    this.quoteOut.hidden = mode !== 'quote';
    if (write) {
      this.writeUrl();
      (mode === 'quote' ? this.quoteInput : this.input).focus();
    }
  }

  private filtersFromUrl(params: URLSearchParams): Filters {
    const f: Filters = {};
    for (const facet of FACETS) {
      const v = params.get(facet);
      if (v) f[facet] = v.split(',').filter(Boolean);
    }
    this.pendingFilters = f;
    return f;
  }

  /** Filters from the URL, kept until the facet boxes exist. */
  private pendingFilters: Filters = {};

  private currentFilters(): Filters {
    if (!this.facets.querySelector('input')) return this.pendingFilters;
    const f: Filters = {};
    for (const box of this.facets.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
      const facet = box.name as Facet;
      (f[facet] ??= []).push(box.value);
    }
    return f;
  }

  private writeUrl(filters: Filters = this.currentFilters()): void {
    const url = new URL(location.href);
    url.search = '';
    if (this.mode() === 'quote') {
      url.searchParams.set('mode', 'quote');
      const quote = this.quoteInput.value.trim();
      if (quote && quote.length <= 300) url.searchParams.set('quote', quote);
    } else {
      const q = this.input.value.trim();
      if (q) url.searchParams.set('q', q);
      for (const facet of FACETS) if (filters[facet]?.length) url.searchParams.set(facet, filters[facet]!.join(','));
    }
    history.replaceState(history.state, '', url);
    document.title = `${this.mode() === 'quote' ? '核对引文' : this.input.value.trim() ? `搜索：${this.input.value.trim()}` : '搜索'} · 政府工作报告库`;
  }

  private fail(e: unknown): void {
    console.error(e);
    this.status.textContent = '搜索索引未能载入，请刷新页面重试。';
  }

  private async run(filters: Filters): Promise<void> {
    const serial = ++this.serial;
    const q = this.input.value.trim();
    this.pendingFilters = filters;
    this.writeUrl(filters);
    if (!q) {
      this.outcome = null;
      this.list.replaceChildren();
      this.facets.replaceChildren();
      this.facets.closest('details')?.setAttribute('hidden', '');
      this.more.hidden = true;
      this.status.textContent = '输入词句即可检索全部报告。';
      updateTermsLink(this.root, null);
      return;
    }
    this.root.setAttribute('aria-busy', 'true');
    let outcome: SearchOutcome;
    let engine: SearchEngine;
    try {
      engine = await this.engine;
      outcome = await engine.search(q, filters, PAGE);
    } catch (e) {
      this.fail(e);
      return;
    } finally {
      if (serial === this.serial) this.root.removeAttribute('aria-busy');
    }
    if (serial !== this.serial) return; // a newer query is on its way
    this.outcome = outcome;
    this.root.dataset.ms = outcome.ms.toFixed(2); // read by scripts/bench-search.ts
    this.renderFacets(outcome, filters);
    this.list.replaceChildren();
    this.shown = 0;
    this.announce(outcome, filters);
    void this.showMore(false);
  }

  private announce(o: SearchOutcome, filters: Filters): void {
    updateTermsLink(this.root, o);
    const words = o.query.words.map((w) => `「${w.text}」`).join('和');
    const filtered = FACETS.some((f) => filters[f]?.length);
    const conv = o.converted ? `（已按简体「${o.converted.raw}」检索）` : '';
    // A search that stopped early (a page of results found, or its download budget spent) says how far it got.
    const scope = o.complete ? '' : `（已检索最新的 ${o.searchedDocs} 份文件，共 ${o.totalDocs} 份；“显示更多”继续检索）`;
    if (!o.query.words.length) this.status.textContent = '请输入要查找的文字。';
    else if (o.hits.length) {
      this.status.textContent = `找到 ${o.hits.length} 处包含${words}的段落或标题${filtered && o.complete && o.all.length > o.hits.length ? `（筛选前共 ${o.all.length} 处）` : ''}${conv}${scope}。`;
    } else if (!o.complete) {
      this.status.textContent = `尚未找到包含${words}的段落${conv}${scope}。`;
    } else if (o.all.length) {
      this.status.textContent = `在所选范围内没有包含${words}的段落；不加筛选共有 ${o.all.length} 处。`;
    } else {
      this.status.textContent = `没有找到包含${words}的段落${conv}。检索按原文逐字匹配：可以减少字数，或用空格分开几个词。`;
    }
  }

  /** Facet values: those of the hits found, and any chosen in the filters. */
  private renderFacets(o: SearchOutcome, filters: Filters): void {
    const groups: Record<Facet, { legend: string; values: Array<[string, string]> }> = {
      region: { legend: '地区', values: [] },
      year: { legend: '年份', values: [] },
      kind: { legend: '文件类型', values: [] },
      part: { legend: '报告部分', values: Object.entries(PART_LABEL) },
    };
    const regions = new Map<string, string>();
    const years = new Set<string>();
    const kinds = new Set<string>();
    for (const h of o.all) {
      if (h.doc.region) regions.set(h.doc.region.slug, h.doc.region.name);
      if (h.doc.year) years.add(String(h.doc.year));
      kinds.add(h.doc.kind);
    }
    for (const r of filters.region ?? []) if (!regions.has(r)) regions.set(r, r);
    for (const y of filters.year ?? []) years.add(y);
    for (const k of filters.kind ?? []) kinds.add(k);
    groups.region.values = [...regions.entries()];
    groups.year.values = [...years].sort((a, b) => Number(b) - Number(a)).map((y) => [y, `${y}年`]);
    groups.kind.values = ['report', 'coverage'].filter((k) => kinds.has(k)).map((k) => [k, KIND_LABEL[k]!]);
    const out: HTMLElement[] = [];
    for (const f of FACETS) {
      const g = groups[f];
      if (!g.values.length) continue;
      const fs = el('fieldset', { class: 'facet' }, el('legend', {}, g.legend));
      for (const [value, label] of g.values) {
        const n = o.counts[f].get(value) ?? 0;
        const id = `f-${f}-${value}`;
        const box = el('input', { type: 'checkbox', name: f, value, id });
        box.checked = filters[f]?.includes(value) ?? false;
        if (!n && !box.checked) box.disabled = true;
        fs.append(el('div', { class: 'facet-option' }, box, el('label', { for: id }, label, ' ', el('span', { class: 'count' }, `(${n})`))));
      }
      out.push(fs);
    }
    if (FACETS.some((f) => filters[f]?.length)) {
      const clear = el('button', { type: 'button', class: 'facet-clear' }, '清除筛选');
      clear.addEventListener('click', () => void this.run({}));
      out.push(clear);
    }
    this.facets.replaceChildren(...out);
    const box = this.facets.closest('details');
    if (box) {
      box.hidden = out.length === 0;
      const chosen = FACETS.reduce((n, f) => n + (filters[f]?.length ?? 0), 0);
      $(box, '[data-facets-summary]').textContent = chosen ? `筛选（已选 ${chosen} 项）` : '筛选';
    }
  }

  /** Show the next page of results; when asked, search older reports first if the page is not full. */
  private async showMore(focusFirst: boolean, searchOn = false): Promise<void> {
    let o = this.outcome;
    if (!o || this.busy) return;
    if (searchOn && this.shown + PAGE > o.hits.length && !o.complete) {
      // Go on searching older reports until the next page is full (or the step's budget is spent).
      this.busy = true;
      this.more.disabled = true;
      this.root.setAttribute('aria-busy', 'true');
      const serial = this.serial;
      try {
        const next = await (await this.engine).more(o, this.shown + PAGE);
        if (serial !== this.serial) return;
        this.outcome = o = next;
        this.renderFacets(next, this.pendingFilters);
        this.announce(next, this.pendingFilters);
      } catch (e) {
        this.fail(e);
        return;
      } finally {
        this.busy = false;
        this.more.disabled = false;
        if (serial === this.serial) this.root.removeAttribute('aria-busy');
      }
    }
    // The next batch, appended only once every text in it has arrived: an item never changes
    // height after it is on screen, so nothing below it jumps (no layout shift).
    const serial = this.serial;
    const batch = o.hits.slice(this.shown, this.shown + PAGE);
    this.shown += batch.length;
    this.more.hidden = true;
    this.root.setAttribute('aria-busy', 'true');
    const engine = await this.engine;
    const shown = o;
    const items = await Promise.all(
      batch.map(async (hit) => {
        const li = el('li', { class: 'hit' });
        try {
          if (!renderHit(li, hit, shown, await engine.text(hit.entry, shownRange(hit)))) console.error(`search: entry ${hit.entry} does not contain the query`);
        } catch (e) {
          console.error(e);
          li.replaceChildren(el('p', { class: 'hit-doc' }, docLabel(hit.doc)), el('p', {}, '这一条未能载入。'));
        }
        return li;
      }),
    );
    if (serial !== this.serial || shown !== this.outcome) return; // a newer query replaced these results
    this.list.append(...items);
    this.root.removeAttribute('aria-busy');
    this.more.hidden = this.shown >= o.hits.length && o.complete;
    this.more.textContent = this.shown < o.hits.length ? `显示更多（还有 ${o.hits.length - this.shown} 处${o.complete ? '' : '，并继续检索'}）` : '继续检索更早的报告';
    if (focusFirst && items[0]) {
      items[0].tabIndex = -1;
      items[0].focus();
    }
  }

  private async checkQuote(): Promise<void> {
    const quote = trimQuote(this.quoteInput.value).slice(0, MAX_QUOTE);
    this.writeUrl();
    const ph = phraseTokens(quote);
    if (!ph || ph.length < 4) {
      this.quoteOut.replaceChildren(el('p', {}, '请粘贴至少四个字的引文。'));
      return;
    }
    this.quoteOut.replaceChildren(el('p', { role: 'status' }, '正在核对…'));
    try {
      const engine = await this.engine;
      // A quote typed in Traditional characters is compared in Simplified, as the reports print it;
      // one that looks Simplified is converted too when it is found nowhere as typed.
      const convert = async () => {
        const s = (await loadTraditionalConverter())(quote);
        return s !== quote ? s : null;
      };
      let simplified = hasHan(quote) && looksTraditional(quote) ? await convert() : null;
      let exact = await this.occurrences(engine, simplified ?? quote);
      if (!exact.entries.length && !simplified && hasHan(quote)) {
        simplified = await convert();
        if (simplified) exact = await this.occurrences(engine, simplified);
      }
      const compared = simplified ?? quote;
      const near = exact.entries.length < MAX_SOURCES ? await engine.similar(phraseTokens(compared) ?? ph, NEAR_CANDIDATES, 'report') : [];
      const load = (entries: number[]) =>
        Promise.all(
          entries.map(async (entry) => {
            const [text, info] = await Promise.all([engine.text(entry), engine.entryInfo(entry)]);
            return { ...text, ...info, entry, text: text.t };
          }),
        );
      const paragraphs = await load([...new Set([...exact.entries, ...near])]);
      // Coverage that states a figure differently names the report paragraph it comes from: compare that too.
      const seen = new Set(paragraphs.map((p) => p.entry));
      const covered = paragraphs.flatMap((p) => p.f ?? []).flatMap((f) => (f.e !== undefined && !seen.has(f.e) ? [f.e] : []));
      paragraphs.push(...(await load([...new Set(covered)])));
      // Every paragraph where the passage stands: reports before the coverage that quotes them.
      const sources: Source[] = allMatches(compared, paragraphs)
        .map((m) => ({ ...m, kind: m.paragraph.doc.kind, entry: m.paragraph.entry }))
        .sort(compareSources)
        .slice(0, MAX_SOURCES);
      this.renderQuote(quote, simplified, sources, exact.more ? compared : null);
    } catch (e) {
      console.error(e);
      this.quoteOut.replaceChildren(el('p', { role: 'status' }, '核对未能完成，请刷新页面重试。'));
    }
  }

  /**
   * Entries where a phrase occurs verbatim, in every document kind (at most MAX_SOURCES), and whether
   * there are more. The phrase is searched folded (no spaces: one word) and, when longer than a query
   * may be, by its opening words: allMatches then holds each paragraph against the whole quote.
   */
  private async occurrences(engine: SearchEngine, phrase: string): Promise<{ entries: number[]; more: boolean }> {
    const head = Array.from(foldText(phrase).folded).slice(0, MAX_QUERY_CHARS).join('');
    let o = await engine.search(head, {}, MAX_SOURCES + 1);
    for (let step = 0; step < 10 && !o.complete && o.hits.length <= MAX_SOURCES; step++) o = await engine.more(o, MAX_SOURCES + 1);
    return { entries: o.hits.slice(0, MAX_SOURCES).map((h) => h.entry), more: o.hits.length > MAX_SOURCES || !o.complete };
  }

  /** `more`: the phrase stands in more places than are listed (the search page lists them all). */
  private renderQuote(quote: string, simplified: string | null, sources: Source[], more: string | null): void {
    const reports = sources.filter((s) => s.kind === 'report');
    const coverage = sources.filter((s) => s.kind === 'coverage');
    const primary = reports[0];
    const out: HTMLElement[] = [];
    if (!primary) {
      out.push(
        el('p', { role: 'status', class: 'verdict verdict-none' }, coverage.length ? '不在任何报告中：报告里没有找到这段文字，只有新闻报道中有相近的句子（见下）。' : '不在任何报告中：没有找到与这段引文相近的原文。'),
        el('p', { class: 'muted' }, '核对范围是本站收录的全部报告和报道；引文改动较大、或出自未收录的文件时也会显示此结果。'),
      );
    } else {
      const j = judgeQuote(primary.passage, quote, simplified, primary.similarity);
      const ok = j.verdict !== 'differs';
      out.push(el('p', { role: 'status', class: `verdict ${ok ? 'verdict-exact' : 'verdict-differs'}`, 'data-verdict': j.verdict }, j.words));
      if (j.script) out.push(el('p', { class: 'muted quote-converted' }, `按简体比较：${simplified}`));
      if (j.verdict === 'differs' || j.verdict === 'punctuation') {
        const diffEl = el('p', { class: 'quote-diff', lang: 'zh-CN' });
        for (const part of j.diff.parts) {
          if (part.kind === 'same') diffEl.append(part.text);
          else if (part.kind === 'missing') diffEl.append(el('del', { title: '原文有、引文没有' }, part.text));
          else diffEl.append(el('ins', { title: '引文有、原文没有' }, part.text));
        }
        out.push(el('h3', {}, '逐字对照'), diffEl);
      }
      // Where it stands verbatim, report by report; then the paragraphs only like it.
      const verbatim = reports.filter((s) => s.similarity === 1);
      const near = reports.filter((s) => s.similarity < 1);
      if (verbatim.length) {
        const docs = new Set(verbatim.map((s) => s.paragraph.doc.id)).size;
        out.push(el('h3', {}, `原文出处：${more ? '至少 ' : ''}${docs} 份报告${verbatim.length > docs ? `的 ${verbatim.length} 个段落` : ''}中有这段原文`), this.sourceList(verbatim));
        if (more) out.push(el('p', { class: 'muted' }, `只列出前 ${MAX_SOURCES} 处；`, el('a', { href: searchPath(more) }, '在“查找词句”中查看全部'), '。'));
      }
      if (near.length) {
        out.push(el('h3', {}, verbatim.length ? `相近的段落：${near.length} 处（文字有出入，不是这段原话）` : `原文出处：最接近的 ${near.length} 个段落`), this.sourceList(near));
      }
    }
    if (coverage.length) {
      out.push(el('h3', {}, `新闻报道中的相应段落：${coverage.length} 处（报道转述报告，排在报告原文之后）`), this.sourceList(coverage));
    }
    this.quoteOut.replaceChildren(...out);
  }

  /** Each place: region, year and title, the headings above it, the passage in context, how close, its link. */
  private sourceList(sources: Source[]): HTMLOListElement {
    const list = el('ol', { class: 'quote-sources' });
    for (const s of sources) {
      const p = s.paragraph;
      const segs = excerpt(p.text, [[s.start, s.end]], Math.max(120, s.end - s.start + 40), 40);
      const body = el('p', {});
      for (const seg of segs) body.append(seg.mark ? el('mark', {}, seg.text) : seg.text);
      const close = s.similarity === 1 ? '一字不差' : `相似度 ${Math.round(s.similarity * 100)}%`;
      list.append(
        el(
          'li',
          { class: 'quote-place' },
          el('p', { class: 'hit-doc' }, docLabel(p.doc), p.h.length ? ` › ${p.h.join(' › ')}` : ''),
          el('blockquote', { class: 'quote-source' }, body),
          el(
            'p',
            { class: 'quote-place-meta' },
            el('span', { class: `hit-badge ${s.similarity === 1 ? 'badge-exact' : 'badge-near'}` }, close),
            ' ',
            el('a', { href: resultUrl(p, s.passage) }, s.kind === 'coverage' ? '在报道中查看这一段' : '在报告中查看这一段'),
          ),
          figureNote(p) ?? '',
        ),
      );
    }
    return list;
  }
}

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) new SearchPage(root).start();
