import PgBoss from 'pg-boss';
import type { RawArticle } from '../ingest/article.js';
import { articleId, processArticle } from '../ingest/process.js';
import { applyStoreKb } from '../kb/command.js';
import { buildPipeline } from '../pipeline/stages.js';
import { saveArticle } from '../store/save.js';
import type { Store } from '../store/store.js';

/**
 * Ingest past one machine: articles wait as jobs in pg-boss, a job queue kept in the team's
 * PostgreSQL (the store's own database), and any number of `summitry worker` processes on
 * any machines run the pipeline and store the results. No scheduler of our own: pg-boss
 * hands each job to one worker, retries a failed one, and keeps the failures visible.
 * Consolidation stays correct because saving an article takes a database-wide advisory lock
 * (src/store/save.ts): pipelines run in parallel, merges one at a time.
 */
export const ARTICLE_QUEUE = 'summitry-articles';

export interface ArticleJob {
  raw: RawArticle;
}

export async function openQueue(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 4, schedule: false, supervise: true });
  boss.on('error', () => undefined); // reported by the calls that fail
  await boss.start();
  await boss.createQueue(ARTICLE_QUEUE, { name: ARTICLE_QUEUE, retryLimit: 2, retryDelay: 1 });
  return boss;
}

/** A sink for ingest: each new article becomes one job, keyed by its id. */
export function enqueuer(boss: PgBoss): (raw: RawArticle) => Promise<void> {
  return async (raw) => {
    await boss.send(ARTICLE_QUEUE, { raw } satisfies ArticleJob, { singletonKey: articleId(raw.text) });
  };
}

export interface WorkerOptions {
  /** Articles processed at once by this process (each in the same thread, one after another if 1). */
  concurrency?: number;
  /** Stop when the queue has nothing left to hand out and this worker is idle. */
  drain?: boolean;
  disabled?: string[];
  onStored?: (source: string, mentions: number) => void;
  onProblem?: (source: string, reason: string) => void;
  /** Resolves to stop the worker (e.g. on SIGINT). */
  stop?: Promise<void>;
}

export interface WorkerSummary {
  stored: number;
  unchanged: number;
  failed: number;
  mentions: number;
  seconds: number;
}

/** Works the article queue into the store until stopped (or drained). */
export async function runWorker(store: Store, boss: PgBoss, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  const t0 = performance.now();
  await applyStoreKb(store);
  const pipeline = buildPipeline(opts.disabled ?? []);
  const summary: WorkerSummary = { stored: 0, unchanged: 0, failed: 0, mentions: 0, seconds: 0 };
  let inFlight = 0;
  const handle = async ([job]: PgBoss.Job<ArticleJob>[]) => {
    const raw = job!.data.raw;
    inFlight++;
    try {
      const processed = processArticle(raw, pipeline);
      if (await saveArticle(store, processed)) {
        summary.stored++;
        summary.mentions += processed.mentions.length;
        opts.onStored?.(raw.source, processed.mentions.length);
      } else summary.unchanged++;
    } catch (err) {
      summary.failed++;
      opts.onProblem?.(raw.source, (err as Error).message);
      throw err; // pg-boss retries it, then marks it failed
    } finally {
      inFlight--;
    }
  };
  const ids: string[] = [];
  for (let i = 0; i < Math.max(1, opts.concurrency ?? 1); i++) {
    ids.push(await boss.work<ArticleJob>(ARTICLE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, handle));
  }
  const stopped = opts.stop ?? new Promise<void>(() => undefined);
  if (opts.drain) {
    let done = false;
    void stopped.then(() => (done = true));
    // Drained: nothing queued or waiting for a retry, and nothing of ours running.
    while (!done) {
      await new Promise((r) => setTimeout(r, 300));
      if (!inFlight && (await boss.getQueueSize(ARTICLE_QUEUE)) === 0 && !inFlight) break;
    }
  } else await stopped;
  for (const id of ids) await boss.offWork({ id });
  while (inFlight) await new Promise((r) => setTimeout(r, 50));
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
