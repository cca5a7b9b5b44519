import { parseSources } from '/work/wt-accuracy/src/lib/parse/index.ts';
import { readSources } from '/work/wt-accuracy/src/data/read-sources.ts';
const corpus = '/work/shared/corpus';
const args = process.argv.slice(2);
const inputs = readSources(args.map((a) => `${corpus}/${a}`), corpus);
const r = parseSources(inputs);
for (const d of r.documents) {
  console.log(`== ${d.sourceFile} ${d.id} ${d.kind} ${d.region?.name}(${d.region?.level}) y=${d.year} rv=${d.reviewYear} [${d.region?.evidence}] ${JSON.stringify((d as any).evidence ?? '')}`);
  if (process.env.T) for (const t of d.targets) console.log(`   T ${t.horizon} ${t.canonical ?? '-'} | ${t.metric} | ${t.value} ${t.valueMax ?? ''} ${t.unit ?? ''} ${t.qualifier ?? ''} ${t.comparator} | ${t.quote.slice(0, 50)}`);
  if (process.env.R) for (const t of d.results.filter(x=>x.canonical==='gdp')) console.log(`   R ${t.year} ${t.metric} ${t.value} ${t.unit} ${t.estimate} | ${t.quote.slice(0, 50)}`);
  if (process.env.D) for (const x of r.diagnostics.filter((x) => x.documentId === d.id)) console.log(`   D ${x.severity} ${x.ruleId} ${x.line} ${x.message.slice(0, 140)}`);
}
