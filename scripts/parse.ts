/**
 * npm run parse                      summary table for seeds/
 * npm run parse -- --json PATH…      one JSON object {documents, diagnostics} on standard output
 * npm run parse -- --diagnostics     also list every diagnostic
 */
import { parseSources } from '../src/lib/parse/index.ts';
import { type ParseResult } from '../src/lib/index.ts';
import { readSources } from '../src/data/read-sources.ts';

function table(result: ParseResult): string {
  const rows = [['id', 'kind', 'region', 'level', 'year', 'review', 'sections', 'paragraphs', 'targets', 'results', 'warnings']];
  for (const d of result.documents) {
    const warnings = result.diagnostics.filter((x) => x.documentId === d.id && x.severity !== 'info').length;
    rows.push([
      d.id, d.kind, d.region?.name ?? '?', d.region?.level ?? '?', String(d.year ?? '?'), String(d.reviewYear ?? '-'),
      String(d.sections.length), String(d.paragraphs.length), String(d.targets.length), String(d.results.length), String(warnings),
    ]);
  }
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  const cols = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(cols[i]! - width(c))).join('  ')).join('\n');
}

/** The JSON shape promised to scripts: documents with their figures, and all diagnostics. */
export function toJson(result: ParseResult) {
  return {
    parserVersion: result.parserVersion,
    documents: result.documents.map((d) => ({
      ...d,
      sections: d.sections.map((s) => ({ ...s, title: s.heading, line: s.position.startLine })),
    })),
    diagnostics: result.diagnostics,
  };
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const listDiagnostics = args.includes('--diagnostics');
const paths = args.filter((a) => !a.startsWith('--'));
let result: ParseResult;
try {
  result = parseSources(readSources(paths.length ? paths : ['seeds']));
} catch (e) {
  console.error(`parse failed: ${(e as Error).message}`);
  process.exit(2);
}
if (json) {
  process.stdout.write(`${JSON.stringify(toJson(result), null, 2)}\n`);
} else {
  console.log(table(result));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of result.diagnostics) counts[d.severity]++;
  console.log(`\n${result.documents.length} documents from ${result.sources.length} files; diagnostics: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`);
  if (listDiagnostics) for (const d of result.diagnostics) console.log(`${d.severity.padEnd(7)} ${d.file}:${d.line} [${d.ruleId}] ${d.message}`);
}
if (result.diagnostics.some((d) => d.severity === 'error')) process.exitCode = 1;
