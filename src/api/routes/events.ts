import type { Hono } from 'hono';
import type { ApiDeps } from '../context.js';
import { notFound } from '../errors.js';
import { eventFilterSchema, eventListSchema, parseQuery } from '../params.js';
import { actorsOf, eventEvidence, filterEvents, graphOf, placesOf, timelineOf } from '../queries.js';

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

  app.get('/api/actors', async (c) => c.json({ items: actorsOf((await events.get()).events) }));
  app.get('/api/places', async (c) => c.json({ items: placesOf((await events.get()).events) }));

  app.get('/api/timeline', async (c) => {
    const found = await filterEvents(events, parseQuery(c, eventFilterSchema));
    const items = timelineOf(found);
    return c.json({ items, undated: found.length - items.length });
  });

  app.get('/api/graph', async (c) => c.json(graphOf(await filterEvents(events, parseQuery(c, eventFilterSchema)))));
}
