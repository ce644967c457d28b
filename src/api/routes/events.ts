import type { Context, Hono } from 'hono';
import type { ApiDeps } from '../context.js';
import { notFound } from '../errors.js';
import { eventFilterSchema, eventListSchema, parseQuery } from '../params.js';
import { actorsOf, cachedView, eventEvidence, filterEvents, graphOf, placesOf, timelineOf } from '../queries.js';

export function eventRoutes(app: Hono, { store, events }: ApiDeps): void {
  app.get('/api/events', async (c) => {
    const { limit, offset, ...filter } = parseQuery(c, eventListSchema);
    const found = await filterEvents(events, filter);
    return c.json({ items: found.slice(offset, offset + limit).map((e) => e.record), total: found.length });
  });

  app.get('/api/events/:id', async (c) => {
    const id = c.req.param('id');
    const e = (await events.get()).byId.get(id);
    if (!e) throw notFound(`no event ${id}`);
    return c.json({ ...e.record, evidence: await eventEvidence(store, id) });
  });

  const json = (c: Context, body: Uint8Array<ArrayBuffer>) => c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });

  app.get('/api/actors', async (c) => json(c, await cachedView(events, 'actors', (i) => ({ items: actorsOf(i.events) }))));
  app.get('/api/places', async (c) => json(c, await cachedView(events, 'places', (i) => ({ items: placesOf(i.events) }))));

  app.get('/api/timeline', async (c) => {
    const filter = parseQuery(c, eventFilterSchema);
    return json(
      c,
      await cachedView(events, `timeline:${JSON.stringify(filter)}`, async () => {
        const found = await filterEvents(events, filter);
        const items = timelineOf(found);
        return { items, undated: found.length - items.length };
      }),
    );
  });

  app.get('/api/graph', async (c) => {
    const filter = parseQuery(c, eventFilterSchema);
    return json(c, await cachedView(events, `graph:${JSON.stringify(filter)}`, async () => graphOf(await filterEvents(events, filter))));
  });
}
