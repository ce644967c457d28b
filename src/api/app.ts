import { Hono } from 'hono';
import type { Store } from '../store/store.js';
import type { ApiDeps } from './context.js';
import { errorResponse } from './errors.js';
import { allowHosts, sameOriginWrites, securityHeaders } from './headers.js';
import { IngestJobs } from './ingest-jobs.js';
import { openApiDocument } from './openapi.js';
import { EventCache } from './queries.js';
import { articleRoutes } from './routes/articles.js';
import { eventRoutes } from './routes/events.js';
import { ingestRoutes } from './routes/ingest.js';
import { searchRoutes } from './routes/search.js';
import { staticFiles } from './static.js';

export interface AppOptions {
  store: Store;
  /** The built web UI (dist/web); null or missing: `/` says the UI is not built. */
  webRoot?: string | null;
  /** Host names to answer to (serve sets the loopback names when bound to loopback). */
  allowedHosts?: string[];
}

export interface SummitryApp {
  app: Hono;
  jobs: IngestJobs;
  events: EventCache;
}

/** The HTTP API and the UI's files as one Hono app; tests call `app.request(...)`. */
export function createApp(opts: AppOptions): Hono & { summitry: SummitryApp } {
  const app = new Hono();
  const events = new EventCache(opts.store);
  const jobs = new IngestJobs(opts.store, () => events.invalidate());
  const deps: ApiDeps = { store: opts.store, events, jobs };

  app.use('*', securityHeaders);
  if (opts.allowedHosts) app.use('*', allowHosts(opts.allowedHosts));
  app.use('/api/*', sameOriginWrites);
  app.onError(errorResponse);

  searchRoutes(app, deps);
  articleRoutes(app, deps);
  eventRoutes(app, deps);
  ingestRoutes(app, deps);
  const doc = JSON.stringify(openApiDocument());
  app.get('/api/openapi.json', (c) => c.body(doc, 200, { 'Content-Type': 'application/json; charset=utf-8' }));

  app.all('/api/*', (c) => c.json({ error: `no such API route: ${c.req.method} ${c.req.path}` }, 404));
  app.get('*', staticFiles(opts.webRoot ?? null));
  app.notFound((c) => c.json({ error: `not found: ${c.req.method} ${c.req.path}` }, 404));

  return Object.assign(app, { summitry: { app, jobs, events } });
}
