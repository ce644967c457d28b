import type { Hono } from 'hono';
import type { ApiDeps } from '../context.js';
import { parseQuery, searchSchema } from '../params.js';
import { filterEvents, ftsQuery } from '../queries.js';

export function searchRoutes(app: Hono, { store, events }: ApiDeps): void {
  app.get('/api/health', async (c) => {
    const n = await store.counts();
    return c.json({ ok: true, articles: n.articles, events: n.events, mentions: n.mentions });
  });

  /** Articles by full-text search (FTS5), events whose summary, actors, place or mentions contain the text. */
  app.get('/api/search', async (c) => {
    const { q, limit } = parseQuery(c, searchSchema);
    const match = ftsQuery(q);
    const articles = match ? await store.searchArticles(match, limit) : [];
    const found = await filterEvents(events, { q });
    return c.json({ articles, events: found.slice(0, limit).map((e) => e.record), totalEvents: found.length });
  });
}
