import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { distDir, listHtml } from '../helpers/dist.ts';
import { projectRoot } from '../helpers/paths.ts';

// Rules come from .htmlvalidate.mjs at the project root (html-validate:recommended, with reasons for
// every relaxation), so `npx html-validate dist` on the command line gives the same answer.
const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());

function format(file: string, messages: Message[]): string {
  return messages
    .map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`)
    .join('\n');
}

describe('html-validate over dist/', () => {
  const files = listHtml();

  test('the build produced HTML pages', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test('every page validates without errors', async () => {
    const failures: string[] = [];
    for (const rel of files) {
      const report = await htmlvalidate.validateFile(path.join(distDir, rel));
      const errors = report.results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
      if (errors.length > 0) failures.push(format(path.relative(projectRoot, path.join(distDir, rel)), errors));
    }
    if (failures.length > 0) expect.fail(`html-validate errors:\n${failures.join('\n')}`);
  });
});
