/**
 * node --experimental-strip-types scripts/graded-share.ts PATH…   how many comparison rows can be graded, by verdict, over the given sources
 * (default seeds/). The figure the research notes report before and after a change to src/lib/compare.
 */
import { parseSources } from '../src/lib/parse/index.ts';
import { buildComparisons, GRADED } from '../src/lib/compare/index.ts';
import { readReports } from '../src/data/read-sources.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const paths = args.filter((a) => !a.startsWith('--'));
const result = parseSources(await readReports(paths.length ? paths : ['seeds'], process.cwd()));
const rows = buildComparisons(result);
const by = new Map<string, number>();
for (const r of rows) by.set(r.verdict, (by.get(r.verdict) ?? 0) + 1);
const graded = rows.filter((r) => GRADED.has(r.verdict)).length;
const withTarget = rows.filter((r) => r.target).length;
const closed = rows.filter((r) => r.target && r.verdict !== 'pending' && r.verdict !== 'review-missing').length;
if (json) {
  process.stdout.write(JSON.stringify(rows, null, 1));
} else {
  console.log(`${result.documents.length} documents, ${rows.length} rows; graded ${graded} (${((100 * graded) / rows.length).toFixed(1)}% of rows, ${((100 * graded) / Math.max(1, withTarget)).toFixed(1)}% of ${withTarget} rows with a target, ${((100 * graded) / Math.max(1, closed)).toFixed(1)}% of ${closed} with a target and the next review in the collection)`);
  console.log([...by].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} ${n}`).join(', '));
}
