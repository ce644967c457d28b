import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processArticle } from '../src/ingest/process.js';
import { buildPipeline } from '../src/pipeline/stages.js';
import { saveArticle } from '../src/store/save.js';
import { Store } from '../src/store/store.js';
import { ARTICLES, fixture } from './api-fixture.js';

test('api: health counts the store', async (t) => {
  const { get } = await fixture(t);
  const { status, body } = await get('/api/health');
  assert.equal(status, 200);
  assert.equal(body.ok, true);
  assert.equal(body.articles, 2 + 4, 'two written articles and four synthetic ones');
  assert.ok(body.events >= 30);
});

test('api: articles list pages, searches and rejects bad parameters', async (t) => {
  const { get } = await fixture(t);
  const all = await get('/api/articles?limit=2');
  assert.equal(all.status, 200);
  assert.equal(all.body.total, 6);
  assert.equal(all.body.items.length, 2);
  assert.equal(all.body.items[0].kind, 'article');
  assert.equal(all.body.items[0].text, undefined, 'the list leaves the text out');
  const next = await get('/api/articles?limit=2&offset=2');
  assert.notEqual(next.body.items[0].id, all.body.items[0].id);

  const hits = await get('/api/articles?q=Ulaanbaatar');
  assert.equal(hits.body.total, 1);
  assert.equal(hits.body.items[0].source, 'hostile.txt');
  assert.equal(hits.body.items[0].mentionCount, 1, 'one meeting in the article');
  // FTS5 operators and stray quotes in what people type are words, not syntax.
  const odd = await get('/api/articles?q=' + encodeURIComponent('railway" OR (NEAR'));
  assert.equal(odd.status, 200);
  assert.equal(odd.body.total, 0);

  for (const [query, param] of [['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=ten', 'limit'], ['offset=-1', 'offset']]) {
    const bad = await get(`/api/articles?${query}`);
    assert.equal(bad.status, 400, query);
    assert.match(bad.body.error, new RegExp(`^${param}: `), query);
  }
});

test('api: one article with its text and mentions; 404 when missing', async (t) => {
  const { get, ids } = await fixture(t);
  const { status, body } = await get(`/api/articles/${ids.summit}`);
  assert.equal(status, 200);
  assert.equal(body.text, ARTICLES.summit);
  assert.ok(body.mentions.length >= 1);
  const m = body.mentions[0];
  assert.match(body.text.slice(m.start, m.end), /met in Vladivostok/);
  const missing = await get('/api/articles/a_0000000000000000');
  assert.equal(missing.status, 404);
  assert.match(missing.body.error, /no article a_0000000000000000/);
});

test('api: article layers for the reader, by name', async (t) => {
  const { get, ids } = await fixture(t);
  const { status, body } = await get(`/api/articles/${ids.summit}/layers?names=timex,event,nosuchlayer`);
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(body.layers), ['timex', 'event', 'nosuchlayer']);
  assert.deepEqual(body.layers.nosuchlayer, []);
  const thursday = body.layers.timex.find((s: any) => ARTICLES.summit.slice(s.start, s.end) === 'Thursday');
  assert.ok(thursday, 'the timex layer has "Thursday"');
  assert.match(thursday.by, /^timex\//);
  for (const k of ['start', 'end', 'label', 'by', 'confidence']) assert.ok(k in thursday, k);

  const every = await get(`/api/articles/${ids.summit}/layers`);
  assert.ok(Object.keys(every.body.layers).includes('sentence'));
  const bad = await get(`/api/articles/${ids.summit}/layers?names=timex,../etc`);
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /^names/);
  assert.equal((await get('/api/articles/a_0000000000000000/layers')).status, 404);
});

test('api: events filter by actor (dyad), place, type, status, period and text', async (t) => {
  const { get } = await fixture(t);
  const all = await get('/api/events?limit=500');
  assert.equal(all.status, 200);
  const items: any[] = all.body.items;
  assert.equal(items.length, all.body.total);
  const starts = items.map((e) => e.time?.start ?? '9999');
  assert.deepEqual(starts, [...starts].sort(), 'time order');
  assert.ok(items.every((e) => Array.isArray(e.mentions) && Array.isArray(e.history)));

  const count = async (query: string, pred: (e: any) => boolean) => {
    const r = await get(`/api/events?limit=500&${query}`);
    assert.equal(r.status, 200, query);
    const expected = items.filter(pred).length;
    assert.ok(expected > 0, `${query}: the fixture has matching events`);
    assert.ok(expected < items.length, `${query}: and others`);
    assert.equal(r.body.total, expected, query);
    return r.body.items as any[];
  };
  const has = (e: any, name: string) => e.actors.some((a: any) => a.name.toLowerCase().includes(name.toLowerCase()));
  await count('actor=Putin', (e) => has(e, 'Putin'));
  await count('actor=Putin&actor=Kim%20Jong-un', (e) => has(e, 'Putin') && has(e, 'Kim Jong-un'));
  await count('place=vladivostok', (e) => e.place?.name === 'Vladivostok');
  // A state also finds the places inside it.
  const inRussia = await count('place=Russia', (e) => e.place?.country === 'RUS' || /russia/i.test(e.place?.name ?? ''));
  assert.ok(inRussia.some((e) => e.place?.name === 'Vladivostok') && inRussia.some((e) => e.place?.name === 'Khabarovsk'));
  await count('type=support', (e) => e.type === 'SUPPORT');
  await count('status=cancelled,rumored', (e) => ['cancelled', 'rumored'].includes(e.status));
  await count('from=2000-01-10&to=2000-01-15', (e) => (e.time?.start ?? '') <= '2000-01-15' && (e.time?.end ?? '') >= '2000-01-10');
  await count('q=khabarovsk', (e) => e.summary.includes('Khabarovsk'));
  const page = await get('/api/events?limit=5&offset=5');
  assert.deepEqual(page.body.items.map((e: any) => e.id), items.slice(5, 10).map((e) => e.id));

  for (const [query, param] of [
    ['status=occured', 'status'],
    ['type=MEET', 'type'],
    ['from=2019-13', 'from'],
    ['to=yesterday', 'to'],
    ['limit=1000', 'limit'],
    ['place=Moscow&place=Beijing', 'place'],
  ]) {
    const bad = await get(`/api/events?${query}`);
    assert.equal(bad.status, 400, query);
    assert.match(bad.body.error, new RegExp(`^${param}: `), query);
  }
});

test('api: one event with history and evidence; 404 when missing', async (t) => {
  const { get } = await fixture(t);
  const all = await get('/api/events?limit=500');
  const twice = all.body.items.find((e: any) => e.history.length === 2);
  assert.ok(twice, 'the fixture has an event reported twice');
  const { status, body } = await get(`/api/events/${twice.id}`);
  assert.equal(status, 200);
  assert.equal(body.status, 'occurred', 'a later report that it occurred wins');
  assert.equal(body.evidence.length, 2);
  assert.equal(body.evidence[0].detail.statusBy, 'synthetic/template');

  const real = all.body.items.find((e: any) => e.mentions[0].source === 'summit.txt');
  const detail = await get(`/api/events/${real.id}`);
  const ev = detail.body.evidence[0];
  assert.match(ev.detail.trigger.by, /^events\//, 'the rule behind the trigger');
  assert.equal(ARTICLES.summit.slice(ev.start, ev.end), ev.text);

  const missing = await get('/api/events/e_0000000000000000');
  assert.equal(missing.status, 404);
  assert.match(missing.body.error, /no event/);
});

test('api: actors and places with event counts; unknown coordinates are null', async (t) => {
  const { get } = await fixture(t);
  const actors = (await get('/api/actors')).body.items as any[];
  const putin = actors.find((a) => a.name === 'Vladimir Putin');
  assert.equal(putin.id, 'Q7747');
  assert.equal(putin.country, 'RUS');
  assert.ok(putin.events > 0);
  const places = (await get('/api/places')).body.items as any[];
  const vlad = places.find((p) => p.name === 'Vladivostok' && p.country === 'RUS');
  assert.ok(Math.abs(vlad.lat - 43.1) < 0.1 && Math.abs(vlad.lon - 131.9) < 0.1);
  // Coordinates come as a pair of numbers or, for a place the gazetteer could not locate, a pair of nulls.
  for (const p of places) {
    const known = typeof p.lat === 'number' && typeof p.lon === 'number';
    assert.ok(known || (p.lat === null && p.lon === null), `${p.name}: ${p.lat},${p.lon}`);
  }
});

test('api: timeline items in time order, with the same filters', async (t) => {
  const { get } = await fixture(t);
  const { body } = await get('/api/timeline');
  assert.ok(body.items.length >= 30);
  const starts = body.items.map((i: any) => i.start);
  assert.deepEqual(starts, [...starts].sort());
  const first = body.items.find((i: any) => i.dated);
  for (const k of ['id', 'start', 'end', 'value', 'granularity', 'status', 'type', 'summary', 'sources']) assert.ok(k in first, k);
  const vlad = await get('/api/timeline?place=Vladivostok&status=occurred');
  assert.ok(vlad.body.items.length > 0);
  assert.ok(vlad.body.items.every((i: any) => i.status === 'occurred' && i.place === 'Vladivostok'));
  assert.equal((await get('/api/timeline?status=nope')).status, 400);
});

test('api: graph links actors who share events, weighted', async (t) => {
  const { get } = await fixture(t);
  const { body } = await get('/api/graph');
  const node = (name: string) => body.nodes.find((n: any) => n.name === name);
  const putin = node('Vladimir Putin');
  const kim = node('Kim Jong-un');
  const edge = body.edges.find((e: any) => [e.source, e.target].sort().join() === [putin.id, kim.id].sort().join());
  assert.ok(edge, 'Putin and Kim Jong-un are linked');
  const dyad = await get('/api/events?limit=500&actor=Vladimir%20Putin&actor=Kim%20Jong-un');
  assert.equal(edge.weight, dyad.body.total);
  assert.deepEqual([...edge.events].sort(), dyad.body.items.map((e: any) => e.id).sort());
  const filtered = await get('/api/graph?type=SUPPORT');
  const weight = (g: any) => g.edges.reduce((n: number, e: any) => n + e.weight, 0);
  assert.ok(weight(filtered.body) > 0 && weight(filtered.body) < weight(body));
  assert.equal((await get('/api/graph?from=someday')).status, 400);
});

test('api: search finds articles (FTS5) and events', async (t) => {
  const { get } = await fixture(t);
  const { status, body } = await get('/api/search?q=railway');
  assert.equal(status, 200);
  assert.equal(body.articles.length, 1);
  assert.match(body.articles[0].snippet, /\[railway\]/);
  assert.ok(body.events.length >= 1);
  const none = await get('/api/search?q=%20');
  assert.equal(none.status, 400);
  assert.match(none.body.error, /^q: /);
  assert.equal((await get('/api/search')).status, 400);
});

test('api: the OpenAPI description lists every route', async (t) => {
  const { get } = await fixture(t);
  const { status, body } = await get('/api/openapi.json');
  assert.equal(status, 200);
  assert.equal(body.openapi, '3.1.0');
  for (const p of ['/api/health', '/api/articles', '/api/articles/{id}', '/api/articles/{id}/layers', '/api/events', '/api/events/{id}', '/api/actors', '/api/places', '/api/timeline', '/api/graph', '/api/search', '/api/ingest', '/api/ingest/{job}', '/api/ingest/{job}/events']) {
    assert.ok(body.paths[p], p);
  }
  // Every route the app has is described, with its method.
  const { app } = await fixture(t);
  const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL');
  assert.ok(routes.length >= 15, `the app lists its routes (${routes.length})`);
  for (const r of routes) {
    const p = r.path.replace(/:(\w+)/g, '{$1}');
    assert.ok(body.paths[p]?.[r.method.toLowerCase()], `${r.method} ${p} is in the OpenAPI document`);
  }
  const actor = body.paths['/api/events'].get.parameters.find((p: any) => p.name === 'actor');
  assert.equal(actor.schema.type, 'array');
  const limit = body.paths['/api/events'].get.parameters.find((p: any) => p.name === 'limit');
  assert.equal(limit.schema.maximum, 500);
});

test('api: unknown API routes are JSON 404s', async (t) => {
  const { get } = await fixture(t);
  const r = await get('/api/nothing-here');
  assert.equal(r.status, 404);
  assert.match(r.body.error, /no such API route/);
});

test('api: writes by another connection (a CLI ingest next to the server) show up', async (t) => {
  const { get, store } = await fixture(t);
  const before = (await get('/api/events?place=Reykjavik')).body.total;
  assert.equal(before, 0);
  const other = await Store.open(store.path);
  t.after(() => other.close());
  const text = 'The coast guard chiefs met in Reykjavik on Tuesday to plan joint patrols.';
  await saveArticle(other, processArticle({ source: 'cli.txt', format: 'txt', text, title: null, publisher: null, url: null, published: '2020-02-04' }, buildPipeline()));
  await new Promise((resolve) => setTimeout(resolve, 300)); // past the cache's recheck interval
  assert.equal((await get('/api/events?place=Reykjavik')).body.total, 1);
});
