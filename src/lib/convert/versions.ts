/**
 * The installed version of each converter package, read from its package.json,
 * so provenance says exactly which code extracted a text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ConverterInfo } from './types.ts';

const require = createRequire(import.meta.url);
const cache = new Map<string, ConverterInfo>();

/** The folder of an installed package (its package.json need not be exported). */
export function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === name) return dir;
    } catch {
      // no package.json here: go up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json of ${name} not found`);
    dir = up;
  }
}

export function converterInfo(name: string): ConverterInfo {
  let info = cache.get(name);
  if (!info) {
    const pkg = JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string };
    info = { name, version: pkg.version };
    cache.set(name, info);
  }
  return info;
}
