/** The loader's boundary check: parse errors stop the build with every file and line named. */
import type { ParseResult } from '../lib/index.ts';

export class SourcesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourcesError';
  }
}

/** Throws when the parser reported errors (undecodable, binary or oversized files …); warnings pass. */
export function assertParsable(result: ParseResult, dir: string): void {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return;
  throw new SourcesError(
    `the sources in ${dir} could not be parsed (${errors.length} error${errors.length > 1 ? 's' : ''}):\n` +
      errors.map((e) => `  ${e.file}:${e.line}:${e.column} [${e.ruleId}] ${e.message}`).join('\n') +
      '\nFix or remove these files (npm run parse -- --diagnostics lists every note), then build again.',
  );
}
