/**
 * npm run parse                      summary table for seeds/
 * npm run parse -- --json PATH…      one JSON object {documents, diagnostics} on standard output
 * npm run parse -- --diagnostics     also list every diagnostic
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSources } from '../src/lib/parse/index.ts';
import { type ParseResult } from '../src/lib/index.ts';
import { readReports } from '../src/data/read-sources.ts';

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

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The CLI: parses PATHS (default seeds/) and writes the table or JSON; returns the exit code. */
export async function runParse(args: string[], io: CliIo, root = process.cwd()): Promise<number> {
  const json = args.includes('--json');
  const listDiagnostics = args.includes('--diagnostics');
  const paths = args.filter((a) => !a.startsWith('--'));
  let result: ParseResult;
  try {
    result = parseSources(await readReports(paths.length ? paths : ['seeds'], root));
  } catch (e) {
    io.err(`parse failed: ${(e as Error).message}\n`);
    return 2;
  }
  if (json) {
    io.out(`${JSON.stringify(toJson(result), null, 2)}\n`);
  } else {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of result.diagnostics) counts[d.severity]++;
    const lines = [table(result), '', `${result.documents.length} documents from ${result.sources.length} files; diagnostics: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`];
    if (listDiagnostics) for (const d of result.diagnostics) lines.push(`${d.severity.padEnd(7)} ${d.file}:${d.line} [${d.ruleId}] ${d.message}`);
    io.out(`${lines.join('\n')}\n`);
  }
  return result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runParse(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}
