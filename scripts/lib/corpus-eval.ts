/**
 * Scoring the parser against the corpus (../shared/corpus): the hand-labelled gold in
 * tests/fixtures/corpus-gold/*.json, and the labels the file names give. Pure functions over a
 * ParseResult; `scripts/eval.ts` prints them and `tests/lib/corpus.test.ts` asserts them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseResult, ReportDocument, Target } from '../../src/lib/index.ts';

/** The corpus folders that hold report texts (the .docx originals are not read). */
export const CORPUS_FOLDERS = ['national', 'prefecture-2024', 'provinces-2026', 'hebei'] as const;

export interface GoldTarget {
  canonical: string | null;
  metric: string;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  qualifier: string | null;
  kind: string;
  quote: string;
}

export interface Gold {
  file: string;
  region: string;
  level: string;
  year: number;
  reviewYear: number | null;
  kind: 'report' | 'partial-report' | 'five-year-plan';
  targets: GoldTarget[];
  notSet: string[];
  gdpResult: { value: number; unit: string; year: number; estimate: boolean; quote: string } | null;
  notes?: string;
}

export function loadGold(dir: string): Gold[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold);
}

/** What a file's name says: region (prefix of the division's name), level and year. */
export interface Label {
  file: string;
  region: string;
  level: string | null;
  year: number;
  /** Where the label comes from: file name, gold, or a correction read in the text. */
  from: string;
}

const MUNICIPALITIES = /^(北京|上海|天津|重庆)/;
/** 省直辖县级市 and similar: county level, directly under their province. */
const PROVINCE_COUNTIES = /^(天门|潜江|仙桃|济源|神农架)/;

/**
 * Where a file's name is wrong about the year, as the text itself shows (quoted), so the
 * comparison is not skewed. Each entry was checked by reading the file.
 */
export const LABEL_CORRECTIONS: Record<string, { year?: number; region?: string; level?: string; evidence: string }> = {
  'hebei/河北省_2018.txt': { year: 2019, evidence: '“二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上”' },
  'hebei/保定市_2006.txt': { year: 2007, evidence: '“——在保定市第十二届人民代表大会第五次会议上的政府工作报告”, “二、2007年目标任务” (the same report as 保定市_2007.txt)' },
  // Sessions late in the year plan the next one; the year is the year planned for (as the gold labels national-1982.txt: 1983).
  'national/national-1964.txt': { year: 1965, evidence: '“一九六五年计划草案拟定…”, “一九六五年的主要任务就是…” (the December 1964 session plans 1965)' },
  'national/national-1980.txt': { year: 1981, evidence: '“关于1980、1981年国民经济计划安排的报告…国务院确定，今年提前制定1981年国民经济计划”' },
  'prefecture-2024/台州.txt': { region: '中华人民共和国', level: 'national', evidence: '“我代表国务院，向大会报告政府工作” (the 2024 national report; byte-identical to 襄阳.txt and 贵阳.txt)' },
  'prefecture-2024/襄阳.txt': { region: '中华人民共和国', level: 'national', evidence: '“我代表国务院，向大会报告政府工作” (the 2024 national report)' },
  'prefecture-2024/贵阳.txt': { region: '中华人民共和国', level: 'national', evidence: '“我代表国务院，向大会报告政府工作” (the 2024 national report)' },
  'prefecture-2024/黄山.txt': { region: '黄山区', level: 'county', evidence: '“我代表区人民政府，向大会报告工作” (the report of 黄山区, a district of 黄山市)' },
  'prefecture-2024/恩施.txt': { region: '恩施市', level: 'county', evidence: '“我代表市人民政府”, “认真贯彻落实党中央决策部署和省州工作要求”, “位居全州第一” (the report of 恩施市, the county-level city)' },
};

export function fileLabel(file: string): Label | null {
  let m: RegExpMatchArray | null;
  const corrected = (l: Label): Label => {
    const c = LABEL_CORRECTIONS[file];
    return c ? { ...l, year: c.year ?? l.year, region: c.region ?? l.region, level: c.level ?? l.level, from: `text: ${c.evidence}` } : l;
  };
  if ((m = file.match(/^national\/national-(\d{4})\.txt$/))) {
    return corrected({ file, region: '中华人民共和国', level: 'national', year: Number(m[1]), from: 'file name' });
  }
  if ((m = file.match(/^prefecture-2024\/(.+)\.txt$/))) {
    const name = m[1]!;
    const level = MUNICIPALITIES.test(name) ? 'province' : PROVINCE_COUNTIES.test(name) ? 'county' : 'prefecture';
    return corrected({ file, region: name, level, year: 2024, from: 'file name' });
  }
  if ((m = file.match(/^provinces-2026\/(\d{4})年(.+?)政府工作报告\.txt$/))) {
    return corrected({ file, region: m[2]!, level: 'province', year: Number(m[1]), from: 'file name' });
  }
  if ((m = file.match(/^hebei\/(.+?)_(\d{4})\.txt$/))) {
    const name = m[1]!;
    const level = /省$/.test(name) ? 'province' : /市$/.test(name) ? 'prefecture' : 'county';
    return corrected({ file, region: name, level, year: Number(m[2]), from: 'file name' });
  }
  return null;
}

/** The document a file is about: the longest one that is not press coverage. */
export function mainDocument(result: ParseResult, file: string): ReportDocument | null {
  const docs = result.documents.filter((d) => d.sourceFile === file && d.kind !== 'coverage');
  const size = (d: ReportDocument) => d.position.endOffset - d.position.startOffset;
  return docs.sort((a, b) => size(b) - size(a))[0] ?? null;
}

/** Corpus-relative path of a gold file's `file` field, whatever prefix it was written with. */
export function goldFile(g: Gold, files: string[]): string | null {
  const f = g.file.replace(/\\/g, '/');
  return files.find((x) => x === f || f.endsWith(`/${x}`) || x.endsWith(`/${f}`)) ?? null;
}

function regionMatches(doc: ReportDocument, region: string, level: string | null): boolean {
  const r = doc.region;
  if (!r) return false;
  if (level && r.level !== level) return false;
  if (region === '中华人民共和国' || region === '全国') return r.level === 'national';
  // 泰安 (a file-name label) → 泰安市; 黄山市黄山区 (a name qualified by its parent) → 黄山区.
  return r.name === region || r.name.startsWith(region) || region.startsWith(r.name) || (region.endsWith(r.name) && r.parents.some((p) => region.startsWith(p.name)));
}

const fold = (s: string | null | undefined) => (s ?? '').replace(/[\s\u3000]/g, '').replace(/％/g, '%');
const num = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === (b ?? null) || (a != null && b != null && Math.abs(a - b) < 1e-9);

function sameKey(p: Target, g: GoldTarget): boolean {
  if (g.canonical) return p.canonical === g.canonical;
  if (p.canonical) return false;
  const a = fold(p.metric);
  const b = fold(g.metric);
  return a === b || (a.length >= 2 && b.includes(a)) || (b.length >= 2 && a.includes(b));
}

function strict(p: Target, g: GoldTarget): boolean {
  return sameKey(p, g) && num(p.value, g.value) && num(p.valueMax, g.valueMax) && fold(p.unit) === fold(g.unit) && fold(p.qualifier) === fold(g.qualifier);
}
function keyValue(p: Target, g: GoldTarget): boolean {
  return sameKey(p, g) && num(p.value, g.value);
}
function valueOnly(p: Target, g: GoldTarget): boolean {
  return num(p.value, g.value) && num(p.valueMax, g.valueMax);
}

/** One-to-one greedy matching, gold in order. */
function match<P, G>(parsed: P[], gold: G[], eq: (p: P, g: G) => boolean): { pairs: [P, G][]; missed: G[]; extra: P[] } {
  const free = new Set(parsed.map((_, i) => i));
  const pairs: [P, G][] = [];
  const missed: G[] = [];
  for (const g of gold) {
    const i = [...free].find((k) => eq(parsed[k]!, g));
    if (i === undefined) missed.push(g);
    else {
      free.delete(i);
      pairs.push([parsed[i]!, g]);
    }
  }
  return { pairs, missed, extra: [...free].map((k) => parsed[k]!) };
}

export interface Prf {
  tp: number;
  parsed: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}
function prf(tp: number, parsed: number, gold: number): Prf {
  const precision = parsed ? tp / parsed : gold ? 0 : 1;
  const recall = gold ? tp / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, parsed, gold, precision, recall, f1 };
}

/** The targets a document states for its year (five-year goals only in a five-year-plan report); not-set statements apart. */
export function headlineTargets(doc: ReportDocument, goldKind?: string): Target[] {
  const fiveYearPlan = goldKind === 'five-year-plan' || (doc.kind as string) === 'five-year-plan';
  return doc.targets.filter((t) => (t.comparator as string) !== 'not-set' && (t.kind as string) !== 'not-set' && (fiveYearPlan || t.horizon === 'annual'));
}

export interface GoldScore {
  files: number;
  missingFiles: string[];
  metadata: { region: number; level: number; year: number; kind: number; all: number; wrong: string[] };
  targets: { strict: Prf; keyValue: Prf; valueOnly: Prf; misses: string[]; extras: string[] };
  notSet: { found: number; total: number; misses: string[] };
  gdpResult: { found: number; total: number; recall: number; misses: string[] };
}

const showTarget = (t: { canonical: string | null; metric: string; value: number | null; valueMax: number | null; unit: string | null; qualifier: string | null }) =>
  `${t.canonical ?? t.metric} ${t.value ?? '—'}${t.valueMax != null ? `–${t.valueMax}` : ''}${t.unit ?? ''}${t.qualifier ? ` ${t.qualifier}` : ''}`;

export function scoreGold(result: ParseResult, gold: Gold[]): GoldScore {
  const files = result.sources.map((s) => s.file);
  const s: GoldScore = {
    files: 0, missingFiles: [],
    metadata: { region: 0, level: 0, year: 0, kind: 0, all: 0, wrong: [] },
    targets: { strict: prf(0, 0, 0), keyValue: prf(0, 0, 0), valueOnly: prf(0, 0, 0), misses: [], extras: [] },
    notSet: { found: 0, total: 0, misses: [] },
    gdpResult: { found: 0, total: 0, recall: 1, misses: [] },
  };
  const tally = { strict: 0, keyValue: 0, valueOnly: 0, parsed: 0, gold: 0 };
  for (const g of gold) {
    const file = goldFile(g, files);
    const doc = file ? mainDocument(result, file) : null;
    if (!file || !doc) {
      s.missingFiles.push(g.file);
      continue;
    }
    s.files++;
    const ok = {
      region: regionMatches(doc, g.region, null),
      level: doc.region?.level === g.level,
      year: doc.year === g.year,
      kind: (doc.kind as string) === g.kind,
    };
    for (const k of ['region', 'level', 'year', 'kind'] as const) if (ok[k]) s.metadata[k]++;
    if (ok.region && ok.level && ok.year && ok.kind) s.metadata.all++;
    else {
      s.metadata.wrong.push(
        `${file}: ${[
          !ok.region || !ok.level ? `region ${doc.region?.name ?? 'none'} (${doc.region?.level ?? '-'}) ≠ ${g.region} (${g.level})` : '',
          !ok.year ? `year ${doc.year} ≠ ${g.year}` : '',
          !ok.kind ? `kind ${doc.kind} ≠ ${g.kind}` : '',
        ].filter(Boolean).join('; ')}`,
      );
    }
    const parsed = headlineTargets(doc, g.kind);
    const st = match(parsed, g.targets, strict);
    tally.strict += st.pairs.length;
    tally.keyValue += match(parsed, g.targets, keyValue).pairs.length;
    tally.valueOnly += match(parsed, g.targets, valueOnly).pairs.length;
    tally.parsed += parsed.length;
    tally.gold += g.targets.length;
    for (const t of st.missed) {
      const near = parsed.find((p) => sameKey(p, t));
      s.targets.misses.push(`${file}: missed ${showTarget(t)}${near ? ` (parsed ${showTarget(near)})` : ''} — “${t.quote}”`);
    }
    for (const p of st.extra) s.targets.extras.push(`${file}: extra ${showTarget(p)} — “${p.quote.slice(0, 40)}”`);

    const notSet = doc.targets.filter((t) => (t.comparator as string) === 'not-set' || (t.kind as string) === 'not-set');
    for (const q of g.notSet ?? []) {
      s.notSet.total++;
      const fq = fold(q);
      if (notSet.some((t) => fold(t.quote).includes(fq) || fq.includes(fold(t.quote)))) s.notSet.found++;
      else s.notSet.misses.push(`${file}: not-set statement not recorded — “${q}”`);
    }

    if (g.gdpResult) {
      s.gdpResult.total++;
      const gr = g.gdpResult;
      const hit = doc.results.some((r) => r.canonical === 'gdp' && num(r.value, gr.value) && r.year === gr.year);
      if (hit) s.gdpResult.found++;
      else {
        const seen = doc.results.filter((r) => r.canonical === 'gdp').map((r) => `${r.value}${r.unit ?? ''}@${r.year}`);
        s.gdpResult.misses.push(`${file}: GDP result ${gr.value}${gr.unit} for ${gr.year} not found${seen.length ? ` (parsed ${seen.slice(0, 4).join(', ')})` : ' (no GDP result parsed)'} — “${gr.quote}”`);
      }
    }
  }
  s.targets.strict = prf(tally.strict, tally.parsed, tally.gold);
  s.targets.keyValue = prf(tally.keyValue, tally.parsed, tally.gold);
  s.targets.valueOnly = prf(tally.valueOnly, tally.parsed, tally.gold);
  s.gdpResult.recall = s.gdpResult.total ? s.gdpResult.found / s.gdpResult.total : 1;
  return s;
}

export interface CorpusScore {
  files: number;
  documents: number;
  kinds: Record<string, number>;
  strongEvidence: number | null;
  gdpTarget: number;
  warnings: { total: number; perDocument: number; max: number; maxFile: string };
  labels: { judged: number; right: number; regionRight: number; yearRight: number; wrong: string[] };
}

type Evidence = { region?: { strength?: string } | null; year?: { strength?: string } | null };

export function scoreCorpus(result: ParseResult, gold: Gold[]): CorpusScore {
  const files = result.sources.map((s) => s.file);
  const goldBy = new Map<string, Gold>();
  for (const g of gold) {
    const f = goldFile(g, files);
    if (f) goldBy.set(f, g);
  }
  const kinds: Record<string, number> = {};
  for (const d of result.documents) kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
  const withEvidence = result.documents.filter((d) => 'evidence' in d);
  const strongEvidence = withEvidence.length
    ? withEvidence.filter((d) => {
        const e = (d as unknown as { evidence: Evidence }).evidence;
        return e?.region?.strength === 'strong' && e?.year?.strength === 'strong';
      }).length
    : null;
  const gdpTarget = result.documents.filter((d) => d.targets.some((t) => t.canonical === 'gdp' && t.value !== null && t.horizon === 'annual')).length;
  const warnings = new Map<string, number>();
  for (const x of result.diagnostics) if (x.severity !== 'info' && x.documentId) warnings.set(x.documentId, (warnings.get(x.documentId) ?? 0) + 1);
  let max = 0;
  let maxFile = '';
  for (const d of result.documents) {
    const n = warnings.get(d.id) ?? 0;
    if (n > max) [max, maxFile] = [n, `${d.sourceFile} (${d.id})`];
  }
  const total = [...warnings.values()].reduce((a, b) => a + b, 0);
  const labels = { judged: 0, right: 0, regionRight: 0, yearRight: 0, wrong: [] as string[] };
  for (const file of files) {
    const g = goldBy.get(file);
    const label: Label | null = g ? { file, region: g.region, level: g.level, year: g.year, from: 'gold' } : fileLabel(file);
    if (!label) continue;
    labels.judged++;
    const doc = mainDocument(result, file);
    const regionOk = doc ? regionMatches(doc, label.region, label.level) : false;
    const yearOk = doc?.year === label.year;
    if (regionOk) labels.regionRight++;
    if (yearOk) labels.yearRight++;
    if (regionOk && yearOk) labels.right++;
    else {
      labels.wrong.push(
        `${file}: ${doc ? `${doc.region?.name ?? 'no region'} (${doc.region?.level ?? '-'}) ${doc.year ?? 'no year'}` : 'no document'} — expected ${label.region}… (${label.level ?? 'any level'}) ${label.year} [${label.from}]`,
      );
    }
  }
  return {
    files: files.length, documents: result.documents.length, kinds, strongEvidence, gdpTarget,
    warnings: { total, perDocument: result.documents.length ? total / result.documents.length : 0, max, maxFile },
    labels,
  };
}

const pct = (n: number, d: number) => `${n}/${d} (${d ? ((100 * n) / d).toFixed(1) : '—'}%)`;
const f3 = (x: number) => x.toFixed(3);

export function formatGold(s: GoldScore): string {
  const m = s.metadata;
  const t = s.targets;
  const line = (name: string, p: Prf) => `  ${name.padEnd(11)} P ${f3(p.precision)}  R ${f3(p.recall)}  F1 ${f3(p.f1)}   (${p.tp} matched; ${p.parsed} parsed, ${p.gold} gold)`;
  return [
    `Gold (${s.files} labelled reports${s.missingFiles.length ? `; not found: ${s.missingFiles.join(', ')}` : ''})`,
    `  metadata   region ${pct(m.region, s.files)}  level ${pct(m.level, s.files)}  year ${pct(m.year, s.files)}  kind ${pct(m.kind, s.files)}  all four ${pct(m.all, s.files)}`,
    ...m.wrong.map((w) => `    ✗ ${w}`),
    '  targets (canonical key or metric, value, valueMax, unit, qualifier):',
    line('strict', t.strict),
    line('key+value', t.keyValue),
    line('value only', t.valueOnly),
    ...t.misses.map((w) => `    ✗ ${w}`),
    ...t.extras.map((w) => `    + ${w}`),
    `  not-set statements found ${pct(s.notSet.found, s.notSet.total)}`,
    ...s.notSet.misses.map((w) => `    ✗ ${w}`),
    `  GDP result (value + year) recall ${pct(s.gdpResult.found, s.gdpResult.total)}`,
    ...s.gdpResult.misses.map((w) => `    ✗ ${w}`),
  ].join('\n');
}

export function formatCorpus(c: CorpusScore): string {
  return [
    `Corpus (${c.files} files, ${c.documents} documents)`,
    `  documents per kind: ${Object.entries(c.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `  region and year both from strong evidence: ${c.strongEvidence === null ? 'n/a (documents record no evidence)' : pct(c.strongEvidence, c.documents)}`,
    `  documents with a numeric annual GDP target: ${pct(c.gdpTarget, c.documents)}`,
    `  warnings: ${c.warnings.total} (${c.warnings.perDocument.toFixed(2)} per document; most ${c.warnings.max} in ${c.warnings.maxFile})`,
    `  region and year vs file-name labels (gold overrides): both right ${pct(c.labels.right, c.labels.judged)}; region ${pct(c.labels.regionRight, c.labels.judged)}; year ${pct(c.labels.yearRight, c.labels.judged)}`,
    ...c.labels.wrong.map((w) => `    ✗ ${w}`),
  ].join('\n');
}
