/**
 * Permalinks survive parser upgrades: the committed ledger (src/data/id-ledger.json) holds every
 * section and paragraph id of the seeds with a fingerprint of its text; when a parser change
 * moves an id, `idAliases` must say where that text is now. Regenerate the ledger on purpose
 * only: node --experimental-strip-types --no-warnings scripts/id-ledger.ts (read its --check output first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIdLedger, fingerprint, idAliases, IdLedgerSchema, parseText, PARSER_VERSION } from '../../src/lib/parse/index.ts';
import { parsedSeeds, ROOT } from './seeds.ts';
import { aliasAnchors } from '../../src/data/catalog.ts';

const ledger = IdLedgerSchema.parse(JSON.parse(readFileSync(join(ROOT, 'src', 'data', 'id-ledger.json'), 'utf8')));

describe('id ledger and aliases', () => {
  it('covers every seed document', () => {
    expect(Object.keys(ledger.documents).sort()).toEqual(parsedSeeds().documents.map((d) => d.id).sort());
  });

  it('every seed id still holds its text, or an alias leads from it to the id that does', () => {
    const docs = parsedSeeds().documents;
    const aliases = idAliases(ledger, docs);
    const lost: string[] = [];
    for (const [docId, entry] of Object.entries(ledger.documents)) {
      const now = buildIdLedger(docs.filter((d) => d.id === docId), PARSER_VERSION).documents[docId]?.ids ?? {};
      for (const [id, print] of Object.entries(entry.ids)) {
        if (now[id] === print) continue;
        const alias = aliases.find((a) => a.fromDocument === docId && a.from === id);
        if (!alias || alias.match === 'ancestor' || alias.match === 'similar') lost.push(`${docId}#${id}${alias ? ` → ${alias.toDocument}#${alias.to} (${alias.match} only)` : ' (no alias)'}`);
      }
    }
    expect(lost, 'seed ids whose text cannot be found again: give them an alias, or regenerate the ledger on purpose').toEqual([]);
  });

  const before = parseText('各位代表：\n现在，我代表威海市人民政府向大会报告工作。\n一、2023年政府工作回顾\n第一段：经济运行稳中向好。\n第二段：产业发展持续升级。\n二、2024年政府工作目标任务\n第三段：今年是关键之年。\n三、政府自身建设\n第四段：建设人民满意的政府。\n');
  const old = buildIdLedger(before.documents, 'test');

  it('needs no alias when nothing moved, nor when a paragraph is reworded in place', () => {
    expect(idAliases(old, before.documents)).toEqual([]);
    const reworded = parseText('各位代表：\n现在，我代表威海市人民政府向大会报告工作。\n一、2023年政府工作回顾\n第一段：经济运行稳中有进、稳中向好。\n第二段：产业发展持续升级。\n二、2024年政府工作目标任务\n第三段：今年是关键之年。\n三、政府自身建设\n第四段：建设人民满意的政府。\n');
    expect(idAliases(old, reworded.documents)).toEqual([]);
  });

  it('leads moved ids to their text, and removed ones to the nearest section left', () => {
    // A paragraph found at the top of part 一 shifts the ids after it; part 二 is gone.
    const after = parseText('各位代表：\n现在，我代表威海市人民政府向大会报告工作。\n一、2023年政府工作回顾\n新的一段：刚刚过去的一年。\n第一段：经济运行稳中向好。\n第二段：产业发展持续升级。\n二、政府自身建设\n第四段：建设人民满意的政府。\n');
    const aliases = idAliases(old, after.documents).map((a) => [a.from, a.to, a.match, a.shadowed]);
    expect(aliases).toEqual([
      ['s2', 's0', 'ancestor', true],
      ['s3', 's2', 'text', false],
      ['s1-p1', 's1-p2', 'text', true],
      ['s1-p2', 's1-p3', 'text', true],
      ['s2-p1', 's0', 'ancestor', true],
      ['s3-p1', 's2-p1', 'text', false],
    ]);
  });

  it('the report page keeps moved ids as anchors on their text, except ids now reused for other text', () => {
    const after = parseText('各位代表：\n现在，我代表威海市人民政府向大会报告工作。\n一、2023年政府工作回顾\n新的一段：刚刚过去的一年。\n第一段：经济运行稳中向好。\n第二段：产业发展持续升级。\n二、政府自身建设\n第四段：建设人民满意的政府。\n');
    const anchors = aliasAnchors(idAliases(old, after.documents), 'weihai-2024');
    expect(Object.fromEntries(anchors)).toEqual({ s2: ['s3'], 's2-p1': ['s3-p1'] });
    expect(aliasAnchors(idAliases(old, after.documents), 'other-2024').size).toBe(0);
  });

  it('follows a document whose id changed (its region or year read anew) by its file and text', () => {
    const renamed = { ...old, documents: { 'unknown-2024': old.documents['weihai-2024']! } };
    const aliases = idAliases(renamed, before.documents);
    expect(aliases.length).toBeGreaterThan(0);
    expect(aliases.every((a) => a.fromDocument === 'unknown-2024' && a.toDocument === 'weihai-2024' && a.from === a.to && a.match === 'text')).toBe(true);
  });

  it('fingerprints fold width and spaces: the same text in another typesetting is the same text', () => {
    expect(fingerprint('增长５．５％ 左右')).toBe(fingerprint('增长5.5%左右'));
    expect(fingerprint('增长5.5%左右')).toMatch(/^[0-9a-f]{8}:/);
  });
});
