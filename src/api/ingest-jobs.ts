import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InputProblem, RawArticle } from '../ingest/article.js';
import { articleId, processArticle } from '../ingest/process.js';
import { FORMATS, readSource, type Source } from '../ingest/sources.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { buildPipeline } from '../pipeline/stages.js';
import { saveArticle } from '../store/save.js';
import type { Store } from '../store/store.js';

/**
 * Ingest jobs started over HTTP: uploads, a URL, or pasted text. Jobs run one at a time in
 * this process, an article at a time with a pause between so requests (and the progress
 * stream) keep being answered. Uploaded bytes go to a fresh temporary folder under names we
 * choose (`0.txt`, `1.jsonl` …); the client's file name only picks the format and labels
 * the source (`upload:name.txt`).
 */

export type IngestRequest =
  | { kind: 'files'; files: { name: string; bytes: Uint8Array }[] }
  | { kind: 'url'; url: string }
  | { kind: 'text'; text: string; title: string | null; published: string | null };

export interface JobProgress {
  job: string;
  state: 'queued' | 'running' | 'finished' | 'failed';
  done: number;
  total: number;
  added: number;
  skipped: number;
  problems: InputProblem[];
  error?: string;
}

export class Job {
  readonly id = `j_${randomUUID().replaceAll('-', '')}`;
  state: JobProgress['state'] = 'queued';
  done = 0;
  total = 0;
  added = 0;
  skipped = 0;
  problems: InputProblem[] = [];
  error: string | undefined;
  private waiters: (() => void)[] = [];

  get finished(): boolean {
    return this.state === 'finished' || this.state === 'failed';
  }

  progress(): JobProgress {
    const p: JobProgress = { job: this.id, state: this.state, done: this.done, total: this.total, added: this.added, skipped: this.skipped, problems: [...this.problems] };
    if (this.error) p.error = this.error;
    return p;
  }

  /** Resolves at the next change (at once when the job has finished). */
  changed(): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }
}

/** Upload names may only carry these extensions (the ingest formats). */
export function uploadFormat(name: string): string | null {
  const ext = path.extname(name).toLowerCase();
  return FORMATS[ext] ? ext : null;
}

/** A client file name made safe to show as a label: its last segment, printable, short. */
function label(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'upload';
}

const KEEP_FINISHED = 100;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export class IngestJobs {
  private readonly jobs = new Map<string, Job>();
  private queue: Promise<void> = Promise.resolve();
  private pipeline: Pipeline | null = null;

  /** `onStored` runs after each stored article (the API drops its caches). */
  constructor(
    private readonly store: Store,
    private readonly onStored: () => void = () => {},
  ) {}

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  start(req: IngestRequest): Job {
    const job = new Job();
    this.jobs.set(job.id, job);
    this.forgetOld();
    this.queue = this.queue.then(() => this.run(job, req));
    return job;
  }

  /** Waits for every queued job (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue;
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finished);
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id);
  }

  private async run(job: Job, req: IngestRequest): Promise<void> {
    job.state = 'running';
    job.notify();
    let dir: string | null = null;
    try {
      const articles: RawArticle[] = [];
      if (req.kind === 'text') {
        articles.push({ source: 'upload:text', format: 'txt', text: req.text, title: req.title, publisher: null, url: null, published: req.published });
      } else if (req.kind === 'url') {
        await this.read({ kind: 'url', url: req.url }, job, articles, null);
      } else {
        dir = await mkdtemp(path.join(tmpdir(), 'summitry-upload-'));
        for (const [i, f] of req.files.entries()) {
          const file = path.join(dir, `${i}${uploadFormat(f.name)}`);
          await writeFile(file, f.bytes);
          await this.read({ kind: 'file', path: file }, job, articles, { from: file, to: `upload:${label(f.name)}` });
        }
      }
      job.total = articles.length;
      job.notify();
      this.pipeline ??= buildPipeline();
      const seen = new Set<string>();
      for (const raw of articles) {
        await this.one(raw, job, seen);
        job.done++;
        job.notify();
        await pause();
      }
      job.state = 'finished';
    } catch (err) {
      job.state = 'failed';
      job.error = (err as Error).message;
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
      job.notify();
    }
  }

  /** Reads a source into articles; problems are recorded with the label the client knows. */
  private async read(source: Source, job: Job, into: RawArticle[], rename: { from: string; to: string } | null): Promise<void> {
    const relabel = (s: string) => (rename && s.startsWith(rename.from) ? rename.to + s.slice(rename.from.length) : s);
    for await (const item of readSource(source)) {
      if ('article' in item) into.push({ ...item.article, source: relabel(item.article.source) });
      else {
        const p = 'problem' in item ? item.problem : item.warning;
        job.problems.push({ input: relabel(p.input), reason: 'warning' in item ? `warning: ${p.reason}` : p.reason });
      }
    }
  }

  private async one(raw: RawArticle, job: Job, seen: Set<string>): Promise<void> {
    const id = articleId(raw.text);
    if (seen.has(id) || (await this.store.hasArticle(id))) {
      job.skipped++;
      return;
    }
    seen.add(id);
    try {
      const processed = processArticle(raw, this.pipeline!);
      if (await saveArticle(this.store, processed)) {
        job.added++;
        this.onStored();
      } else job.skipped++;
    } catch (err) {
      job.problems.push({ input: raw.source, reason: `pipeline failed (${(err as Error).message})` });
    }
  }
}
