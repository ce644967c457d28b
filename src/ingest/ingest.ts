import { availableParallelism } from 'node:os';
import type { Pipeline } from '../pipeline/pipeline.js';
import { applyStoreKb } from '../kb/command.js';
import { PipelinePool } from '../pipeline/pool.js';
import { buildPipeline } from '../pipeline/stages.js';
import { saveArticle } from '../store/save.js';
import type { Store } from '../store/store.js';
import type { InputProblem, RawArticle } from './article.js';
import { articleId, processArticle, type ProcessedArticle } from './process.js';
import { expandInputs, readSource, sourceName, type Source } from './sources.js';

/** Batches this large are worth starting worker threads for. */
const POOL_THRESHOLD_FILES = 24;

export interface IngestOptions {
  /** Article date for articles whose metadata has none (YYYY-MM-DD). */
  published?: string | null;
  /** Stages switched off by name. */
  disabled?: string[];
  /** Worker threads: 0 runs in-process; default decides by batch size. */
  workers?: number;
  onProblem?: (p: InputProblem) => void;
  onWarning?: (p: InputProblem) => void;
  onSourcesKnown?: (total: number) => void;
  onSourceDone?: (done: number, name: string) => void;
  /** Hands each new article to a job queue instead of processing it here (`ingest --queue`). */
  queue?: (raw: RawArticle) => Promise<void>;
}

export interface IngestSummary {
  sources: number;
  read: number;
  stored: number;
  unchanged: number;
  failed: number;
  mentions: number;
  /** Articles handed to the job queue (with `queue`). */
  queued: number;
  seconds: number;
}

/**
 * Reads the inputs, runs the pipeline over articles the store does not have yet, and stores
 * each in its own transaction, in input order. Bad inputs are reported and skipped.
 */
export async function ingest(store: Store, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  // The store's imported actors (`summitry kb import`) take part in resolution, here and in
  // every worker thread.
  const kbRows = opts.queue ? [] : await applyStoreKb(store);
  const pipeline: Pipeline = buildPipeline(opts.disabled ?? []);
  const { sources, problems } = await expandInputs(inputs);
  const summary: IngestSummary = { sources: sources.length, read: 0, stored: 0, unchanged: 0, failed: problems.length, mentions: 0, queued: 0, seconds: 0 };
  for (const p of problems) opts.onProblem?.(p);
  opts.onSourcesKnown?.(sources.length);

  const manyArticles = sources.length >= POOL_THRESHOLD_FILES || sources.some((s) => s.kind === 'file' && s.path.endsWith('.jsonl'));
  const size = opts.queue ? 0 : opts.workers ?? (manyArticles ? Math.max(1, Math.min(2, availableParallelism())) : 0);
  const pool = size > 0 ? new PipelinePool(size, opts.disabled ?? [], kbRows) : null;
  // In-flight jobs, stored strictly in the order they were read.
  const window: { raw: RawArticle; job: Promise<ProcessedArticle> }[] = [];
  const maxInFlight = pool ? pool.size * 4 : 1;
  const seen = new Set<string>();

  const store1 = async () => {
    const head = window.shift()!;
    let processed: ProcessedArticle;
    try {
      processed = await head.job;
    } catch (err) {
      summary.failed++;
      opts.onProblem?.({ input: head.raw.source, reason: `pipeline failed (${(err as Error).message})` });
      return;
    }
    if (await saveArticle(store, processed)) {
      summary.stored++;
      summary.mentions += processed.mentions.length;
    } else summary.unchanged++;
  };

  try {
    let done = 0;
    for (const source of sources) {
      for await (const item of readSource(source as Source)) {
        if ('problem' in item) {
          summary.failed++;
          opts.onProblem?.(item.problem);
          continue;
        }
        if ('warning' in item) {
          opts.onWarning?.(item.warning);
          continue;
        }
        summary.read++;
        const raw: RawArticle = item.article.published || !opts.published ? item.article : { ...item.article, published: opts.published };
        const id = articleId(raw.text);
        if (seen.has(id) || (await store.hasArticle(id))) {
          summary.unchanged++;
          continue;
        }
        seen.add(id);
        if (opts.queue) {
          await opts.queue(raw);
          summary.queued++;
          continue;
        }
        const job = pool ? pool.process(raw) : Promise.resolve().then(() => processArticle(raw, pipeline));
        job.catch(() => undefined); // handled when stored
        window.push({ raw, job });
        while (window.length >= maxInFlight) await store1();
      }
      opts.onSourceDone?.(++done, sourceName(source));
    }
    while (window.length) await store1();
  } finally {
    await pool?.close();
  }
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
