import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { normaliseDate } from '../../ingest/decode.js';
import type { ApiDeps } from '../context.js';
import { HttpError, notFound } from '../errors.js';
import { uploadFormat, type IngestRequest } from '../ingest-jobs.js';
import { parseWith } from '../params.js';

export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export const ingestJsonSchema = z.union([
  z.object({ url: z.string().trim().max(2000).regex(/^https?:\/\//i, 'an http(s) URL') }).strict(),
  z
    .object({
      text: z.string().trim().min(1, 'empty text').max(10_000_000),
      title: z.string().trim().max(500).nullish(),
      published: z.string().trim().max(40).nullish(),
    })
    .strict(),
]);

async function readRequest(c: Context): Promise<IngestRequest> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const form = await c.req.parseBody({ all: true });
    const files = Object.values(form)
      .flat()
      .filter((v): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v);
    if (!files.length) throw new HttpError(400, 'file: no file in the upload');
    const bad = files.filter((f) => !uploadFormat(f.name));
    if (bad.length) throw new HttpError(400, `file: unsupported type ${bad.map((f) => JSON.stringify(f.name)).join(', ')} (send .txt, .md, .html, .htm or .jsonl)`);
    return { kind: 'files', files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))) };
  }
  if (/^application\/json/i.test(type)) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new HttpError(400, 'body: not JSON');
    }
    const req = parseWith(body, ingestJsonSchema, 'body');
    if ('url' in req) return { kind: 'url', url: req.url };
    let published: string | null = null;
    if (req.published) {
      published = normaliseDate(req.published);
      if (!published) throw new HttpError(400, `body.published: not a date: ${JSON.stringify(req.published)}`);
    }
    return { kind: 'text', text: req.text, title: req.title ?? null, published };
  }
  throw new HttpError(415, 'send multipart/form-data with files, or JSON {"url"} or {"text", "title"?, "published"?}');
}

export function ingestRoutes(app: Hono, { jobs }: ApiDeps): void {
  app.post(
    '/api/ingest',
    bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: (c) => c.json({ error: `upload larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` }, 413) }),
    async (c) => {
      const job = jobs.start(await readRequest(c));
      return c.json({ job: job.id, status: `/api/ingest/${job.id}`, events: `/api/ingest/${job.id}/events` }, 202);
    },
  );

  app.get('/api/ingest/:job', (c) => {
    const job = jobs.get(c.req.param('job'));
    if (!job) throw notFound(`no ingest job ${c.req.param('job')}`);
    return c.json(job.progress());
  });

  /**
   * Progress as server-sent events (unnamed, so EventSource.onmessage gets them): the state at
   * once, then after every change, then one with `finished: true`, and the stream ends.
   */
  app.get('/api/ingest/:job/events', (c) => {
    const job = jobs.get(c.req.param('job'));
    if (!job) throw notFound(`no ingest job ${c.req.param('job')}`);
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
        job.notify();
      });
      while (open) {
        const next = job.changed();
        if (job.finished) {
          await stream.writeSSE({ data: JSON.stringify({ finished: true, ...job.progress() }) });
          break;
        }
        await stream.writeSSE({ data: JSON.stringify(job.progress()) });
        await next;
      }
    });
  });
}
