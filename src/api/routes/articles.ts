import type { Hono } from 'hono';
import type { ApiDeps } from '../context.js';
import { notFound } from '../errors.js';
import { articleListSchema, layersSchema, parseQuery } from '../params.js';
import { articleLayersJson, getArticle, listArticles } from '../queries.js';

export function articleRoutes(app: Hono, { store }: ApiDeps): void {
  app.get('/api/articles', async (c) => {
    const q = parseQuery(c, articleListSchema);
    return c.json(await listArticles(store, q));
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id');
    const article = await getArticle(store, id);
    if (!article) throw notFound(`no article ${id}`);
    return c.json(article);
  });

  app.get('/api/articles/:id/layers', async (c) => {
    const id = c.req.param('id');
    const { names } = parseQuery(c, layersSchema);
    const json = await articleLayersJson(store, id, names);
    if (json === null) throw notFound(`no article ${id}`);
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
