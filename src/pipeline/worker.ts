import { parentPort, workerData } from 'node:worker_threads';
import type { RawArticle } from '../ingest/article.js';
import { processArticle } from '../ingest/process.js';
import { useStoreKb } from '../kb/kb.js';
import { buildPipeline } from './stages.js';

/** A pipeline worker: raw article in, processed article out. Holds no state between jobs. */
const data = workerData as { disabled: string[]; kbRows: Record<string, string>[] };
useStoreKb(data.kbRows);
const pipeline = buildPipeline(data.disabled);

parentPort!.on('message', (msg: { job: number; raw: RawArticle }) => {
  try {
    parentPort!.postMessage({ job: msg.job, result: processArticle(msg.raw, pipeline) });
  } catch (err) {
    parentPort!.postMessage({ job: msg.job, error: (err as Error).message });
  }
});
