import { Worker } from 'node:worker_threads';
import type { RawArticle } from '../ingest/article.js';
import type { ProcessedArticle } from '../ingest/process.js';

type Pending = { resolve: (p: ProcessedArticle) => void; reject: (e: Error) => void };

/**
 * A fixed pool of pipeline workers (worker_threads), so large batches use every core while
 * the main thread reads sources and writes the store. Jobs go to the least busy worker.
 */
export class PipelinePool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(size: number, disabled: readonly string[], kbRows: readonly Record<string, string>[] = []) {
    const url = new URL('./worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData: { disabled: [...disabled], kbRows } });
      const slot = { worker, busy: 0 };
      worker.on('message', (m: { job: number; result?: ProcessedArticle; error?: string }) => {
        slot.busy--;
        const p = this.pending.get(m.job);
        this.pending.delete(m.job);
        if (m.error !== undefined) p?.reject(new Error(m.error));
        else p?.resolve(m.result!);
      });
      worker.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(slot);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  process(raw: RawArticle): Promise<ProcessedArticle> {
    const job = this.next++;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(job, { resolve, reject });
      slot.worker.postMessage({ job, raw });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
