/**
 * Targets against results. For a region, an indicator and a year Y: the target
 * from the report of year Y beside the result that year Y+1's review states
 * (marked as an estimate where it says 预计), each linked to its sentence,
 * with a verdict (see verdicts.ts) and the rule that produced it.
 *
 * - no report for Y+1 in the collection → pending;
 * - the report for Y+1 is here but its review part is not → review-missing;
 * - the review of Y+1 never names the indicator → not-reported;
 *   it names it without a comparable figure → not-gradable, with a link to where;
 * - results with no matching target get rows too (no-target), so a series is complete;
 * - five-year goals (horizon five-year, year = last year of the period) are kept apart;
 * - levels are shown as each report states them, never smoothed or revised.
 * Pure: no I/O, browser-safe.
 */
export { paragraphPath, sourcePath, textFragment } from './side.ts';
import { ComparisonSchema, type Comparison, type ComparisonFlag, type ComparisonSide, type Verdict } from './schema.ts';
import { HEADLINE_INDICATOR, INDICATORS, findIndicators, indicator as indicatorByKey, labelFor, type Indicator } from '../indicators.ts';
import { paragraphPath, setSourceSlugs, side, type Horizon, type Item } from './side.ts';
import { sourceSlugMap } from '../source-names.ts';
import { BLOCKING_FLAGS, figureFlags, isMultiYear, magnitudeFlags, pairMagnitudeFlag } from './plausibility.ts';
import { INDICATOR_PARTS, judgeByParts } from './parts.ts';
import type { ParseResult, ReportDocument, Result, Target } from '../schema.ts';
import { GRADED, VERDICT_LABELS, boundOf, formatNumber, grade, type BenchmarkFigure } from './verdicts.ts';

type Measure = Comparison['measure'];

const MEASURES: readonly Measure[] = ['growth', 'level', 'share', 'qualitative'];
const INDICATOR_ORDER = new Map(INDICATORS.map((ind, i) => [ind.key, i]));

/** Whose figure and which indicator a comparison row is about. */
function subject(region: NonNullable<ReportDocument['region']>, ind: Indicator): Pick<Comparison, 'region' | 'indicator'> {
  return {
    region: { slug: region.slug, name: region.name, shortName: region.shortName, code: region.code, level: region.level, parents: region.parents },
    indicator: { key: ind.key, label: labelFor(ind, region.level), en: ind.en, unit: ind.unit },
  };
}

function isReport(d: ReportDocument): d is ReportDocument & { region: NonNullable<ReportDocument['region']>; year: number } {
  return (d.kind === 'report' || d.kind === 'partial-report') && d.region !== null && d.year !== null;
}

function hasReview(doc: ReportDocument): boolean {
  return doc.sections.some((s) => s.part === 'review');
}

/** The first review paragraph of `doc` that names the indicator `key` (or one it expands to / from). */
function mentionIn(doc: ReportDocument, key: string): ReportDocument['paragraphs'][number] | null {
  const review = new Set(doc.sections.filter((s) => s.part === 'review').map((s) => s.id));
  const own = indicatorByKey(key);
  for (const p of doc.paragraphs) {
    if (!review.has(p.sectionId)) continue;
    const hit = findIndicators(p.text).some(
      (m) => m.indicator.key === key || m.indicator.expands?.includes(key) || own?.expands?.includes(m.indicator.key),
    );
    if (hit) return p;
  }
  return null;
}

/** The dictionary key a figure is about: the parser's, else the entry whose name the metric is, exactly. */
function keyOf(fig: Target | Result): string | null {
  if (fig.canonical) return fig.canonical;
  const metric = fig.metric.replace(/[“”"]/g, '');
  const hit = findIndicators(metric).find((m) => m.start === 0 && m.end === metric.length);
  return hit?.indicator.key ?? null;
}

/**
 * 预计 covers the figures listed right after it: "预计完成生产总值1057亿元，增长3%。第一产业增加值增长2%；…第三产业
 * 增加值增长2.3%。" The parser reads 预计 within a sentence; here it also covers the following sentences of the
 * paragraph while each states a figure and does not open with a verb of its own (完成一般公共预算收入673.9亿元
 * is a final figure, as the report's own wording says), and stops at the first that does not. Only a 预计 that
 * opens its sentence (预计全年…, 初步预计，…) reaches past it; 利润预计增长15% is about that one item.
 */
export function estimated(fig: Pick<Result, 'estimate' | 'quote'>, paragraph: string): boolean {
  if (fig.estimate || fig.quote.includes('预计')) return true;
  const at = paragraph.indexOf(fig.quote);
  if (at <= 0) return false;
  const sentences = paragraph.slice(0, at + fig.quote.length).split(/(?<=[。！？])/);
  const own = sentences.pop() ?? '';
  if (own.includes('预计')) return true;
  const opensOwn = (x: string) => /^\s*(全年)?(完成|实现|达到|达|共|累计|新增|全市|全县|全省)/.test(x);
  if (opensOwn(own)) return false;
  for (let i = sentences.length - 1; i >= 0; i--) {
    const x = sentences[i]!;
    if (x.includes('预计')) return /^[\s—\-－]*(初步|全年|今年|去年)?预计/.test(x);
    if (!/\d/.test(x) || opensOwn(x)) return false;
  }
  return false;
}

function items(doc: ReportDocument, list: (Target | Result)[], isResult: boolean): Item[] {
  const paragraphs = new Map(doc.paragraphs.map((p) => [p.id, p.text]));
  const out: Item[] = [];
  for (const fig of list) {
    const key = keyOf(fig);
    if (!key) continue;
    const paragraph = paragraphs.get(fig.paragraphId) ?? '';
    let horizon: Horizon = fig.horizon;
    const flags: ComparisonFlag[] = [];
    if (isResult && horizon === 'annual' && isMultiYear(fig, paragraph)) {
      horizon = 'five-year';
      flags.push({ code: 'multi-year', message: `“${fig.quote}”说的是多年的年均数或累计数，归入五年目标一栏，不作当年结果。` });
    }
    const combined = Boolean(indicatorByKey(key)?.expands) && isResult;
    flags.push(...figureFlags(fig, paragraph, { combinedIndicator: combined }));
    const year = fig.year ?? (isResult ? (doc.reviewYear ?? doc.year! - 1) : doc.year!);
    const estimate = isResult && estimated(fig as Result, paragraph);
    out.push({ doc, fig, key, horizon, year, estimate, paragraph, flags });
  }
  return out;
}

function measureOf(fig: Target | Result): Measure {
  return fig.comparator === 'qualitative' ? 'qualitative' : fig.kind;
}

function rowId(slug: string, key: string, measure: Measure, horizon: Horizon, year: number): string {
  return `${slug}-${key}-${measure}-${year}${horizon === 'five-year' ? '-5y' : ''}`;
}

function yearWords(year: number, horizon: Horizon): string {
  return horizon === 'five-year' ? `至${year}年的五年间，` : `${year}年`;
}

/** The region a benchmark names (全国, 全省, 全市), among the region's parents; null when it names none we know. */
function benchmarkRegion(benchmark: string | null, region: NonNullable<ReportDocument['region']>): { name: string; code: string | null } | null {
  if (!benchmark) return null;
  if (/全国/.test(benchmark)) return { name: '全国', code: '100000' };
  const level = /市|州|盟/.test(benchmark) ? 'prefecture' : /省|自治区|全区/.test(benchmark) ? 'province' : null;
  return level ? (region.parents.find((p) => p.level === level) ?? null) : null;
}

/**
 * The figure a benchmark target is graded against, when a report in the collection states it:
 * 与经济增长同步 → the region's own GDP growth in the next review; 高于全省 → the province's growth in
 * the same indicator and year, from the province's own report (any report of it that reviews that year).
 */
function benchmarkFor(
  t: Item,
  region: NonNullable<ReportDocument['region']>,
  next: ReportDocument,
  results: Item[],
): { label: string; found: { bench: BenchmarkFigure; item: Item } | null } {
  const year = t.year;
  const growth = (i: Item) => i.fig.kind === 'growth' && i.fig.unit === '%' && i.fig.value !== null && i.horizon === 'annual' && i.year === year && !boundOf(i.fig);
  if (t.fig.benchmark === '经济增长' || (t.fig.benchmark && /经济|生产总值|GDP/.test(t.fig.benchmark))) {
    const label = `${region.name}${year}年生产总值增速`;
    const item = results.find((i) => i.doc === next && i.key === HEADLINE_INDICATOR.key && growth(i));
    return { label, found: item ? { bench: { label, value: item.fig.value!, unit: '%' }, item } : null };
  }
  const parent = benchmarkRegion(t.fig.benchmark, region);
  const label = `${parent?.name ?? t.fig.benchmark ?? '上级地区'}${year}年${indicatorByKey(t.key)?.label ?? ''}增速`;
  if (!parent) return { label, found: null };
  const item = results.find(
    (i) =>
      (parent.code === '100000' ? i.doc.region?.level === 'national' : i.doc.region?.code === parent.code || i.doc.region?.name === parent.name) &&
      i.key === t.key && growth(i),
  );
  return { label, found: item ? { bench: { label, value: item.fig.value!, unit: '%' }, item } : null };
}

function summarise(row: Omit<Comparison, 'summary'>, docsOfRegion: Map<number, ReportDocument>): string {
  const when = yearWords(row.year, row.horizon);
  const label = row.verdictLabel;
  const t = row.target ? `目标${row.target.stated}` : '';
  const r = row.result
    ? `${row.result.estimate ? '预计' : '实际'}${row.result.stated}`
    : row.parts.map((p) => `${p.indicator.label.replace(/居民人均可支配收入$/, '居民')}${p.result.estimate ? '预计' : '实际'}${p.result.stated}`).join('、');
  if (row.parts.length) return `${when}${t}，${r}，${label}${row.verdict === 'mixed' || !GRADED.has(row.verdict) ? '' : '（按分项）'}。`;
  switch (row.verdict) {
    case 'pending':
      return `${when}${t}，结果待${row.year + 1}年报告公布。`;
    case 'review-missing':
      return `${when}${t}；${row.year + 1}年报告的回顾部分未收录，无法对照。`;
    case 'not-reported':
      return `${when}${t}，${row.year + 1}年报告的回顾未提及该指标。`;
    case 'no-target':
      if (row.horizon === 'five-year') return `${when}${r}，收录的报告中没有对应的五年目标。`;
      return `${when}${r}，${docsOfRegion.has(row.year) ? '当年报告未设此目标' : `本站未收录${row.year}年报告`}。`;
    case 'check-source':
      return `${when}${t}，报告称${row.result?.stated ?? ''}，数字可疑，待核对原文。`;
    case 'not-gradable':
      if (!row.result) return `${when}${t}，${row.year + 1}年报告的回顾提到该指标但没有可比的数字，无法评判。`;
      return `${when}${t}，${r}，${label}。`;
    default:
      return `${when}${t}，${r}，${label}。`;
  }
}

type Corpus = Pick<ParseResult, 'documents'> & Partial<Pick<ParseResult, 'sources'>>;
const cache = new WeakMap<Corpus, Comparison[]>();

/** Each region's reports by year; a full report wins over an excerpt of the same year. */
function reportsByRegion(documents: ReportDocument[]): Map<string, Map<number, ReportDocument>> {
  const byRegion = new Map<string, Map<number, ReportDocument>>();
  for (const d of documents.filter(isReport)) {
    const m = byRegion.get(d.region.slug) ?? new Map<number, ReportDocument>();
    const prev = m.get(d.year);
    if (!prev || (prev.kind === 'partial-report' && d.kind === 'report')) m.set(d.year, d);
    byRegion.set(d.region.slug, m);
  }
  return byRegion;
}

/** Flag levels ten times away from the rest of their series (a region's one indicator across years). */
function flagMagnitudes(results: Item[]): void {
  const levelSeries = new Map<string, Item[]>();
  for (const i of results) {
    if (i.fig.kind !== 'level' || i.horizon !== 'annual' || i.fig.value === null) continue;
    const k = `${i.doc.region!.slug}|${i.key}`;
    levelSeries.set(k, [...(levelSeries.get(k) ?? []), i]);
  }
  for (const series of levelSeries.values()) {
    const flagged = magnitudeFlags(series.map((i) => ({ id: `${i.doc.id}/${i.fig.id}`, value: i.fig.value!, unit: i.fig.unit, quote: i.fig.quote })));
    for (const i of series) {
      const f = flagged.get(`${i.doc.id}/${i.fig.id}`);
      if (f) i.flags.push(f);
    }
  }
}

/** A second figure for a row already made: the row keeps the first and says so, once. */
function noteSeveral(row: Comparison, message: string): void {
  if (!row.flags.some((f) => f.code === 'several-figures')) row.flags.push({ code: 'several-figures', message });
}

/** The graded verdicts, for counting. */
export { GRADED } from './verdicts.ts';

/** What a comparison row says about a target: the verdict, the rule in words, the benchmark and mention it used, its flags. */
interface Judgement {
  verdict: Verdict;
  /** The parts graded instead of the indicator (see parts.ts), and the results they came from. */
  parts: Comparison['parts'];
  partItems: Item[];
  rule: string;
  ruleEn: string;
  benchmark: Comparison['benchmark'];
  mention: Comparison['mention'];
  flags: ComparisonFlag[];
}

/** Judge a target against the result the next report states (`res`), or say why it cannot be judged. */
function judge(t: Item, res: Item | null, next: ReportDocument | null, results: Item[]): Judgement {
  const region = t.doc.region!;
  const key = t.key;
  const flags = [...t.flags, ...(res?.flags ?? [])];
  const none = { benchmark: null, mention: null, flags, parts: [], partItems: [] };
  if (!next) {
    return { ...none, verdict: 'pending', rule: `收录的报告中还没有${t.year + 1}年的报告，结果待公布。`, ruleEn: `No report for ${t.year + 1} in the collection yet.` };
  }
  // A review the parser read without a heading (results in the opening text) is a review too.
  if (!hasReview(next) && !results.some((r) => r.doc === next && r.year === t.year && r.horizon === t.horizon)) {
    return {
      ...none,
      verdict: 'review-missing',
      rule: `${next.id}（${t.year + 1}年）是节选，不含回顾上一年的部分，无法对照。`,
      ruleEn: `${next.id} is an excerpt without the review of the previous year.`,
    };
  }
  const needs = t.fig.benchmark || t.fig.comparator === 'in-step' || t.fig.comparator === 'above-benchmark';
  const b = needs ? benchmarkFor(t, region, next, results) : null;
  const benchmark = b?.found ? { label: b.label, value: b.found.bench.value, unit: b.found.bench.unit, source: side(b.found.item) } : null;
  if (b?.found && b.found.item.doc.region?.slug !== region.slug) {
    const src = b.found.item;
    flags.push({
      code: 'benchmark-from-parent',
      message: `基准取自${src.doc.region?.name ?? ''}的报告（${src.doc.id}）回顾：“${src.fig.quote}”。`,
    });
  }
  if (!res) {
    const partKeys = t.fig.kind === 'growth' ? (INDICATOR_PARTS[key] ?? []) : [];
    const found = partKeys.map((k) => ({
      key: k,
      item: results.find((r) => r.doc === next && r.key === k && r.horizon === t.horizon && r.year === t.year && r.fig.kind === 'growth') ?? null,
    }));
    const byParts = found.length ? judgeByParts(t, found, next.id, { benchmark: b?.found?.bench ?? null, benchmarkNeed: b?.label }) : null;
    if (byParts) {
      return {
        ...none,
        benchmark,
        verdict: byParts.verdict,
        rule: byParts.rule,
        ruleEn: byParts.ruleEn,
        parts: byParts.parts,
        partItems: found.flatMap((f) => (f.item ? [f.item] : [])),
        flags: [...flags, ...byParts.flags],
      };
    }
    const p = mentionIn(next, key);
    if (!p && next.kind === 'partial-report') {
      return {
        ...none,
        verdict: 'review-missing',
        rule: `${next.id}是节选（如摘登），收录的部分没有提到该指标的${t.year}年数字；全文可能有，无法对照。`,
        ruleEn: `${next.id} is an excerpt; the part in the collection does not state the indicator for ${t.year}, the full text may.`,
      };
    }
    if (!p) return { ...none, verdict: 'not-reported', rule: `${next.id}的回顾部分没有提到该指标。`, ruleEn: `The review in ${next.id} never mentions the indicator.` };
    return {
      ...none,
      verdict: 'not-gradable',
      mention: { documentId: next.id, paragraphId: p.id, url: paragraphPath(next.id, p.id), text: p.text },
      rule: `${next.id}的回顾提到该指标，但没有与目标可比的${t.horizon === 'five-year' ? '五年' : '当年'}数字，无法评判。`,
      ruleEn: `The review in ${next.id} names the indicator but states no figure comparable with the target.`,
    };
  }
  const g = grade(t.fig, res.fig, { indicatorKey: key, benchmark: b?.found?.bench ?? null, benchmarkNeed: b?.label });
  const apart = pairMagnitudeFlag(t.fig, res.fig);
  if (apart) flags.push(apart);
  const blocking = flags.filter((f) => BLOCKING_FLAGS.has(f.code));
  if (blocking.length && GRADED.has(g.verdict)) {
    return {
      ...none,
      benchmark,
      verdict: 'check-source',
      rule: `${blocking.map((f) => f.message).join(' ')} 若数字无误：${g.rule}`,
      ruleEn: `The figure looks implausible (${blocking.map((f) => f.code).join(', ')}); not graded. If it is right: ${g.ruleEn}`,
    };
  }
  if (g.verdict === 'check-source') flags.push({ code: 'unit-mismatch', message: g.rule });
  return { ...none, benchmark, verdict: g.verdict, rule: g.rule, ruleEn: g.ruleEn };
}

/** The order of comparison rows everywhere: region, indicator (dictionary order), measure, horizon (annual first), year. */
export function compareComparisons(a: Comparison, b: Comparison): number {
  return (
    a.region.slug.localeCompare(b.region.slug) ||
    (INDICATOR_ORDER.get(a.indicator.key) ?? 99) - (INDICATOR_ORDER.get(b.indicator.key) ?? 99) ||
    MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure) ||
    (a.horizon === b.horizon ? 0 : a.horizon === 'annual' ? -1 : 1) ||
    a.year - b.year
  );
}

/** Every comparison record in the collection, sorted by region, indicator, measure, horizon and year. */
export function buildComparisons(parse: Corpus): Comparison[] {
  const hit = cache.get(parse);
  if (hit) return hit;
  setSourceSlugs(sourceSlugMap(parse.sources ?? []));
  const byRegion = reportsByRegion(parse.documents);
  const chosen = [...byRegion.values()].flatMap((m) => [...m.values()]);
  const results = chosen.flatMap((d) => items(d, d.results, true));
  const targets = chosen.flatMap((d) => items(d, d.targets, false));
  flagMagnitudes(results);

  const rows = new Map<string, Comparison>();
  const used = new Set<Item>();
  /** Results graded as parts of another row's target (城镇 income under a 居民收入 target): that row's id. */
  const partOf = new Map<Item, string>();
  const push = (row: Omit<Comparison, 'summary'>, regionDocs: Map<number, ReportDocument>) => {
    rows.set(row.id, { ...row, summary: summarise(row, regionDocs) });
  };

  for (const t of targets) {
    const region = t.doc.region!;
    const regionDocs = byRegion.get(region.slug)!;
    const key = t.key;
    const ind = indicatorByKey(key)!;
    const next = regionDocs.get(t.year + 1) ?? null;
    const candidates = next ? results.filter((r) => r.doc === next && r.key === key && r.horizon === t.horizon && r.year === t.year && !used.has(r)) : [];
    const tm = measureOf(t.fig);
    const res =
      tm === 'qualitative'
        ? MEASURES.map((m) => candidates.find((r) => r.fig.kind === m)).find(Boolean)
        : candidates.find((r) => r.fig.kind === tm);
    const measure = tm === 'qualitative' && res ? res.fig.kind : tm;
    const id = rowId(region.slug, key, measure, t.horizon, t.year);
    const existing = rows.get(id);
    if (existing) {
      noteSeveral(existing, `${t.doc.id}对该指标有不止一个目标（又见“${t.fig.quote}”），此处用第一个。`);
      continue;
    }
    if (res) used.add(res);
    const { verdict, rule, ruleEn, benchmark, mention, flags, parts, partItems } = judge(t, res ?? null, next, results);
    for (const p of partItems) if (!partOf.has(p)) partOf.set(p, id);
    push(
      {
        id,
        ...subject(region, ind),
        measure,
        horizon: t.horizon,
        year: t.year,
        target: side(t),
        result: res ? side(res) : null,
        benchmark,
        nextDocumentId: next?.id ?? null,
        mention,
        parts,
        partOf: res ? (partOf.get(res) ?? null) : null,
        verdict,
        verdictLabel: VERDICT_LABELS[verdict].zh,
        rule,
        ruleEn,
        flags: measure === 'level' && res ? [...flags, levelNote()] : flags,
      },
      regionDocs,
    );
  }

  for (const r of results) {
    if (used.has(r)) continue;
    const region = r.doc.region!;
    const key = r.key;
    const ind = indicatorByKey(key)!;
    const measure = measureOf(r.fig);
    const id = rowId(region.slug, key, measure, r.horizon, r.year);
    const existing = rows.get(id);
    if (existing) {
      noteSeveral(existing, `${r.doc.id}对该指标不止一个数字（又见“${r.fig.quote}”），此处用第一个。`);
      continue;
    }
    used.add(r);
    const verdict: Verdict = 'no-target';
    push(
      {
        id,
        ...subject(region, ind),
        measure,
        horizon: r.horizon,
        year: r.year,
        target: null,
        result: side(r),
        benchmark: null,
        nextDocumentId: r.doc.id,
        mention: null,
        parts: [],
        partOf: partOf.get(r) ?? null,
        verdict,
        verdictLabel: VERDICT_LABELS[verdict].zh,
        rule:
          (r.horizon === 'five-year' ? '收录的报告中没有设定这一五年期的目标。' : byRegion.get(region.slug)!.has(r.year) ? `${r.year}年的报告没有为该指标设定可比的目标。` : `本站未收录${region.name}${r.year}年的报告，没有目标可比。`) +
          (partOf.has(r) ? `这一结果作为分项，与${rows.get(partOf.get(r)!)?.indicator.label ?? ''}的目标对照，见${partOf.get(r)}。` : ''),
        ruleEn: r.horizon === 'five-year' ? 'No report in the collection sets a goal for this five-year period.' : byRegion.get(region.slug)!.has(r.year) ? `The ${r.year} report sets no comparable target.` : `The ${r.year} report is not in the collection.`,
        flags: measure === 'level' ? [...r.flags, levelNote()] : r.flags,
      },
      byRegion.get(region.slug)!,
    );
  }

  const out = [...rows.values()].sort(compareComparisons);
  const parsed = ComparisonSchema.array().parse(out);
  cache.set(parse, parsed);
  return parsed;
}

function levelNote(): ComparisonFlag {
  return {
    code: 'levels-across-reports',
    message: '总量按各年报告所述列出；后一年的报告可能采用修订后的统计数据，不同报告所述总量未必可比，本站不作平滑或修订。',
  };
}


/** For the targets card of one report: each target's own outcome and last year's result in the same indicator. */
export interface TargetOutcome {
  /** The comparison this target heads (its result comes from the next year's report). */
  own: Comparison | null;
  /** Last year's comparison in the same indicator and measure, when a result is stated (usually in this report's review). */
  previous: Comparison | null;
}

export function targetOutcomes(rows: Comparison[], doc: Pick<ReportDocument, 'id' | 'region' | 'targets'>): Map<string, TargetOutcome> {
  const out = new Map<string, TargetOutcome>();
  const slug = doc.region?.slug;
  for (const t of doc.targets) {
    const own = rows.find((r) => r.target?.documentId === doc.id && r.target.id === t.id) ?? null;
    let previous: Comparison | null = null;
    if (slug && t.canonical && t.year !== null && t.horizon === 'annual') {
      const measures: Measure[] = own && own.measure !== 'qualitative' ? [own.measure] : ['growth', 'level', 'share'];
      const candidates = rows.filter(
        (r) => r.region.slug === slug && r.indicator.key === t.canonical && r.horizon === 'annual' && r.year === t.year! - 1 && (r.result || r.parts.length > 0) && measures.includes(r.measure),
      );
      previous = candidates.find((r) => (r.result ?? r.parts[0]?.result)?.documentId === doc.id) ?? candidates[0] ?? null;
    }
    out.set(t.id, { own, previous });
  }
  return out;
}
