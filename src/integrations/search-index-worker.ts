/**
 * The worker thread of the search index integration (search-index.ts): builds the index
 * from the entries it is given, then writes it when told where.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildIndexFrom, writeIndex, type BuiltIndex, type IndexInput, type IndexOptions, type WorkerReply } from './search-index.ts';

const { input, opts } = workerData as { input: IndexInput; opts: IndexOptions };
const port = parentPort!;
const reply = (m: WorkerReply) => port.postMessage(m);

let built: BuiltIndex | null = null;
try {
  built = buildIndexFrom(input, opts);
  reply({ summary: built.summary });
} catch (e) {
  reply({ error: (e as Error).stack ?? String(e) });
}

port.on('message', ({ outDir }: { outDir: string }) => {
  try {
    if (!built) throw new Error('the index was not built');
    writeIndex(built, outDir);
    reply({ summary: built.summary });
  } catch (e) {
    reply({ error: (e as Error).stack ?? String(e) });
  }
});
