/**
 * Vitest globalSetup for the `site` project: builds the site once before tests/site and tests/e2e.
 *
 * - Set SKIP_BUILD=1 to reuse an existing dist/ (it must exist).
 * - A failed build throws with the build's stderr (and the tail of stdout, where Astro
 *   prints most of its errors), so the whole `site` project fails loudly.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { distDir, projectRoot } from './paths.ts';

const BUILD_TIMEOUT_MS = 5 * 60_000;

function tail(text: string, lines = 60): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

function astroBin(): string {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  const pkgPath = require.resolve('astro/package.json');
  const pkg = require(pkgPath) as { bin: { astro: string } };
  return path.join(path.dirname(pkgPath), pkg.bin.astro);
}

/**
 * The environment of a build as `npm run build` has it: without what Vitest adds to its own
 * (NODE_ENV=test, MODE, BASE_URL=/ and VITEST_*), which Vite would otherwise read back into
 * import.meta.env and so build another site than the one deployed.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(NODE_ENV|MODE|BASE_URL|PROD|DEV|SSR|VITEST.*)$/.test(k)) delete env[k];
  return env;
}

/** `astro build` into dist/, or into `outDir` with extra environment (e.g. BASE_PATH) for a second build. */
export async function runAstroBuild(opts: { outDir?: string; env?: Record<string, string> } = {}): Promise<{ ms: number; stdout: string; stderr: string }> {
  const started = performance.now();
  // process.execPath is the Node that runs Vitest (v24 from node_modules/.bin under `npm run`);
  // astro refuses Node < 22.12, so don't rely on whatever `node` is first on PATH.
  const child = spawn(process.execPath, [astroBin(), 'build', ...(opts.outDir ? ['--outDir', opts.outDir] : [])], {
    cwd: projectRoot,
    env: { ...buildEnv(), FORCE_COLOR: '0', NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal }));
    },
  );
  clearTimeout(timer);
  const ms = performance.now() - started;
  if (code !== 0) {
    const why = signal ? `was killed by ${signal} (timeout ${BUILD_TIMEOUT_MS / 1000} s?)` : `exited with code ${code}`;
    throw new Error(
      [
        `astro build ${why} after ${(ms / 1000).toFixed(1)} s — the site tests cannot run.`,
        '--- stderr ---',
        stderr.trim() ? tail(stderr, 200) : '(empty)',
        '--- stdout (last 60 lines) ---',
        stdout.trim() ? tail(stdout) : '(empty)',
      ].join('\n'),
    );
  }
  return { ms, stdout, stderr };
}

export default async function setup(): Promise<void> {
  if (process.env.SKIP_BUILD) {
    if (!existsSync(path.join(distDir, 'index.html'))) {
      throw new Error(`SKIP_BUILD is set but ${distDir}/index.html does not exist: run \`npm run build\` first.`);
    }
    console.log('[site] SKIP_BUILD set: testing the existing dist/');
    return;
  }
  console.log('[site] astro build …');
  const { ms, stderr } = await runAstroBuild();
  if (stderr.trim()) console.warn(`[site] astro build stderr:\n${tail(stderr)}`);
  console.log(`[site] astro build done in ${(ms / 1000).toFixed(1)} s`);
}
