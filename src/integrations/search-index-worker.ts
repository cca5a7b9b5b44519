/**
 * The worker thread of the search index integration (search-index.ts): builds the index from
 * the entries it is sent, writing each file into the staging folder as it is made.
 */
import { parentPort } from 'node:worker_threads';
import { buildIndexFrom, fileWriter, type IndexInput, type IndexOptions, type WorkerReply } from './search-index.ts';

const port = parentPort!;
port.once('message', ({ input, opts, staging }: { input: IndexInput; opts: IndexOptions; staging: string }) => {
  let reply: WorkerReply;
  try {
    reply = { summary: buildIndexFrom(input, opts, fileWriter(staging)).summary };
  } catch (e) {
    reply = { error: (e as Error).stack ?? String(e) };
  }
  port.postMessage(reply);
});
