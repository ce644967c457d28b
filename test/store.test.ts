import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { processArticle } from '../src/ingest/process.js';
import { buildPipeline } from '../src/pipeline/stages.js';
import { saveArticle } from '../src/store/save.js';
import { Store } from '../src/store/store.js';
import { tempDir } from './helpers.js';

const raw = (text: string) => ({ source: 'mem.txt', format: 'txt' as const, text, title: null, publisher: null, url: null, published: '2014-11-10' });

test('store: an article whose write fails leaves nothing behind; others are untouched', async (t) => {
  const store = await Store.open(path.join(tempDir(t), 'x.db'));
  t.after(() => store.close());
  const pipeline = buildPipeline();
  const good = processArticle(raw('The two foreign ministers met in Beijing on Monday.'), pipeline);
  assert.equal(await saveArticle(store, good), true);
  assert.equal(await saveArticle(store, good), false, 'a second save of the same article is a no-op');

  const bad = processArticle(raw('The trade ministers will meet in Lima next week.'), pipeline);
  assert.equal(bad.mentions.length, 1);
  // Break the last write of the transaction (events.type is NOT NULL).
  (bad.mentions[0]!.attrs as { type: string | null }).type = null;
  await assert.rejects(saveArticle(store, bad), /NOT NULL/);
  assert.equal(await store.hasArticle(bad.id), false);
  const layers = await store.db.selectFrom('layers').select('article_id').where('article_id', '=', bad.id).execute();
  assert.equal(layers.length, 0, 'no layer rows of the failed article');
  assert.deepEqual(await store.counts(), { articles: 1, events: 1, mentions: 1 });
  assert.deepEqual(await store.searchArticles('Lima'), [], 'nor its full-text row');
});

test('store: full-text search over article text', async (t) => {
  const store = await Store.open(path.join(tempDir(t), 'x.db'));
  t.after(() => store.close());
  const pipeline = buildPipeline();
  await saveArticle(store, processArticle(raw('The envoys met in Ulaanbaatar to discuss the railway link.'), pipeline));
  await saveArticle(store, processArticle(raw('Sanctions on coal exports were tightened on Friday.'), pipeline));
  const hits = await store.searchArticles('railway');
  assert.equal(hits.length, 1);
  assert.match(hits[0]!.snippet, /\[railway\]/);
  assert.equal((await store.searchArticles('coal OR railway')).length, 2);
});

test('store: reopening runs no migration twice and keeps the data', async (t) => {
  const file = path.join(tempDir(t), 'x.db');
  const a = await Store.open(file);
  await saveArticle(a, processArticle(raw('The premiers met in Hanoi on Monday.'), buildPipeline()));
  await a.close();
  const b = await Store.open(file);
  t.after(() => b.close());
  assert.equal((await b.counts()).articles, 1);
});
