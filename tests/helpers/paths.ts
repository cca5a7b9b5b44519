import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of the project root (the folder holding package.json). */
export const projectRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Absolute path of the built site. */
export const distDir = path.join(projectRoot, 'dist');
/** Where tests write artefacts (screenshots, reports); gitignored. */
export const resultsDir = path.join(projectRoot, 'test-results');
