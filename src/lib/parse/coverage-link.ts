/**
 * Press coverage against the report it covers: each quotation (“…”) is looked
 * up in the report's paragraphs (exact, differing, or not found), and figures
 * the coverage states differently from the report are paired up
 * (工业投资增长28.4% in the paper, 29.3% in the report).
 */
import type { Diagnostic, Discrepancy, Paragraph, Quote, ReportDocument } from '../schema.ts';
import { bestMatch, SIMILAR_ENOUGH } from '../search/quote-match.ts';
import { findIndicators } from '../indicators.ts';

const QUOTE = /“([^“”]{8,})”/g;
const ATTRIBUTION = /《?政府工作报告》?|报告(提出|指出|明确|强调|中)/;

export function findCovered(doc: ReportDocument, all: ReportDocument[]): ReportDocument | null {
  return (
    all.find((d) => d.kind !== 'coverage' && d.year === doc.year && d.region?.code === doc.region?.code && d.kind === 'report') ??
    all.find((d) => d.kind !== 'coverage' && d.year === doc.year && d.region?.code === doc.region?.code) ??
    null
  );
}

function quotesOf(doc: ReportDocument, report: ReportDocument | null): Quote[] {
  const out: Quote[] = [];
  const reportParas = report?.paragraphs.filter((p) => p.kind !== 'cover') ?? [];
  for (const p of doc.paragraphs) {
    for (const m of p.text.matchAll(QUOTE)) {
      const text = m[1]!;
      const around = p.text.slice(Math.max(0, m.index - 30), m.index) + p.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      const attributed = ATTRIBUTION.test(around);
      const found = report ? bestMatch(text, reportParas) : null;
      const exact = found && found.similarity === 1;
      out.push({
        id: `${p.id}-q${out.filter((q) => q.paragraphId === p.id).length + 1}`,
        documentId: doc.id, paragraphId: p.id, text, attributed,
        source: found && found.similarity >= SIMILAR_ENOUGH && report ? { documentId: report.id, paragraphId: found.paragraph.id } : null,
        match: exact ? 'exact' : found && found.similarity >= SIMILAR_ENOUGH ? 'differing' : 'not-found',
        similarity: Math.round((found?.similarity ?? 0) * 1000) / 1000,
        sourceText: found && found.similarity >= SIMILAR_ENOUGH ? found.passage : null,
        line: p.position.startLine,
      });
    }
  }
  return out;
}

interface Stated {
  key: string;
  /** Indicator dictionary key, when the words name one. */
  canonical: string | null;
  value: number;
  unit: string;
  quote: string;
  paragraph: Paragraph;
}

/** "工业投资增长28.4%" → key 工业投资增长, value 28.4, unit %. The key is the run of Han characters before the number. */
export function statedFigures(paragraphs: Paragraph[]): Stated[] {
  const out: Stated[] = [];
  for (const p of paragraphs) {
    const text = p.text.replace(/(\d)\s+\.(\d)/g, '$1.$2');
    for (const m of text.matchAll(/([\u4e00-\u9fa5“”]{2,14})(\d+(?:\.\d+)?)\s*(%|％|亿元|万人|万元|亿美元|万吨|家|个)/g)) {
      const key = m[1]!.replace(/[“”]/g, '').replace(/^(预计|全年|全市|实现|完成|其中|分别)+/, '');
      if (key.length < 3) continue;
      const canonical = findIndicators(key)[0]?.indicator.key ?? null;
      out.push({ key, canonical, value: Number(m[2]), unit: m[3] === '％' ? '%' : m[3]!, quote: m[0], paragraph: p });
    }
  }
  return out;
}

function sameMetric(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  return s.length >= 4 && l.endsWith(s);
}

function discrepanciesOf(doc: ReportDocument, report: ReportDocument): Discrepancy[] {
  const ours = statedFigures(doc.paragraphs);
  const theirs = statedFigures(report.paragraphs);
  const out: Discrepancy[] = [];
  const seen = new Set<string>();
  for (const c of ours) {
    const same = theirs.filter((r) => r.unit === c.unit && sameMetric(c.key, r.key));
    // The same number anywhere in the report for the same indicator (a target repeated, a level) is no disagreement.
    const sameIndicator = c.canonical ? theirs.filter((r) => r.canonical === c.canonical && r.unit === c.unit) : [];
    if (!same.length || [...same, ...sameIndicator].some((r) => r.value === c.value)) continue;
    const r = same[0]!;
    const key = `${c.key}|${c.value}|${r.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      id: `${c.paragraph.id}-d${out.length + 1}`, documentId: doc.id, metric: c.key.length <= r.key.length ? c.key : r.key,
      coverage: { paragraphId: c.paragraph.id, value: c.value, unit: c.unit, quote: c.quote, line: c.paragraph.position.startLine },
      report: { documentId: report.id, paragraphId: r.paragraph.id, value: r.value, unit: r.unit, quote: r.quote, line: r.paragraph.position.startLine },
    });
  }
  return out;
}

export function linkCoverage(documents: ReportDocument[], diagnostics: Diagnostic[]): void {
  for (const doc of documents) {
    if (doc.kind !== 'coverage') continue;
    const report = findCovered(doc, documents);
    doc.covers = report?.id ?? null;
    if (!report) {
      diagnostics.push({
        file: doc.sourceFile, line: doc.startLine, column: 1, ruleId: 'coverage-unlinked', severity: 'info', documentId: doc.id,
        message: `${doc.sourceFile}: press coverage of ${doc.region?.name ?? 'an unknown region'} ${doc.year ?? ''}; no such report is among the sources, so quotes were not checked.`,
      });
    }
    doc.quotes = quotesOf(doc, report);
    doc.discrepancies = report ? discrepanciesOf(doc, report) : [];
  }
}
