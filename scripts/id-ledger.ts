/**
 * node --experimental-strip-types --no-warnings scripts/id-ledger.ts [--check] [DIR]
 *
 * Writes src/data/id-ledger.json: for every document parsed from DIR (default seeds/), every
 * section and paragraph id with a fingerprint of its text. Commit it when ids are meant to be
 * the permalinks of that text. With --check, writes nothing and lists the aliases the current
 * parser needs against the committed ledger (old id → the id that holds its text now).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIdLedger, idAliases, IdLedgerSchema, parseSources, PARSER_VERSION } from '../src/lib/parse/index.ts';
import { readSources } from '../src/data/read-sources.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const LEDGER = join(ROOT, 'src', 'data', 'id-ledger.json');

const args = process.argv.slice(2);
const check = args.includes('--check');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'seeds'));
const result = parseSources(readSources([dir], ROOT));

if (check) {
  if (!existsSync(LEDGER)) {
    console.error(`id-ledger: ${LEDGER} does not exist yet; run without --check to write it.`);
    process.exit(2);
  }
  const ledger = IdLedgerSchema.parse(JSON.parse(readFileSync(LEDGER, 'utf8')));
  const aliases = idAliases(ledger, result.documents);
  for (const a of aliases) console.log(`${a.fromDocument}#${a.from} → ${a.toDocument}#${a.to} (${a.match}${a.shadowed ? ', shadowed' : ''})`);
  console.log(`${aliases.length} aliases against the ledger of ${Object.keys(ledger.documents).length} documents`);
} else {
  const ledger = buildIdLedger(result.documents, PARSER_VERSION);
  writeFileSync(LEDGER, `${JSON.stringify(ledger, null, 1)}\n`);
  const n = Object.values(ledger.documents).reduce((s, d) => s + Object.keys(d.ids).length, 0);
  console.log(`wrote ${LEDGER}: ${Object.keys(ledger.documents).length} documents, ${n} ids`);
}
