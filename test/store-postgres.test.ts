import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { createApp } from '../src/api/app.js';
import { processArticle } from '../src/ingest/process.js';
import { buildPipeline } from '../src/pipeline/stages.js';
import { saveArticle } from '../src/store/save.js';
import { Store } from '../src/store/store.js';
import { cliAsync, ROOT, tempDir } from './helpers.js';

/**
 * The team store: the same commands against PostgreSQL. Runs when a server answers at
 * SUMMITRY_TEST_PG (default: the local trust-auth server, database `test`); each run creates
 * its own database and drops it afterwards.
 */
const ADMIN = process.env.SUMMITRY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `needs PostgreSQL at ${ADMIN} (set SUMMITRY_TEST_PG): ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const skip = await reachable();

/** A fresh database for one test, dropped when the test ends. */
async function freshDatabase(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const name = `summitry_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  t.after(async () => {
    const c = new pg.Client({ connectionString: ADMIN });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  return url.toString();
}

const raw = (text: string) => ({ source: 'mem.txt', format: 'txt' as const, text, title: null, publisher: null, url: null, published: '2014-11-10' });

test('postgres: ingesting the sample corpus gives an export byte-identical to the SQLite store, and a re-ingest stores nothing', { skip: skip ?? false }, async (t) => {
  const url = await freshDatabase(t);
  const file = path.join(tempDir(t), 's.db');
  const examples = path.join(ROOT, 'examples');
  for (const db of [url, file]) {
    const r = await cliAsync(['ingest', examples, '--db', db, '--published', '2019-05-01']);
    assert.equal(r.status, 0, r.stderr);
  }
  const again = await cliAsync(['ingest', examples, '--db', url]);
  assert.match(again.stdout + again.stderr, / 0 stored/);
  const [fromPg, fromSqlite] = await Promise.all([cliAsync(['export', '--db', url]), cliAsync(['export', '--db', file])]);
  assert.equal(fromPg.status, 0, fromPg.stderr);
  assert.ok(fromPg.stdout.split('\n').length > 10, 'the export has articles and events');
  assert.equal(fromPg.stdout, fromSqlite.stdout);
  const timeline = await cliAsync(['timeline', '--db', url, '--actor', 'Putin']);
  assert.equal(timeline.status, 0, timeline.stderr);
  assert.match(timeline.stdout, /Putin/);
});

test('postgres: a failed write leaves nothing behind; full-text search and the API work on the team store', { skip: skip ?? false }, async (t) => {
  const store = await Store.open(await freshDatabase(t));
  t.after(() => store.close());
  assert.equal(store.dialect, 'postgres');
  const pipeline = buildPipeline();
  const good = processArticle(raw('The envoys met in Hanoi on Monday to discuss the railway link.'), pipeline);
  assert.equal(await saveArticle(store, good), true);
  assert.equal(await saveArticle(store, good), false);
  const before = await store.counts();
  assert.equal(before.articles, 1);
  const bad = processArticle(raw('The trade ministers will meet in Lima next week.'), pipeline);
  (bad.mentions[0]!.attrs as { type: string | null }).type = null;
  await assert.rejects(saveArticle(store, bad), /null value|not-null/i);
  assert.equal(await store.hasArticle(bad.id), false);
  assert.deepEqual(await store.counts(), before);
  assert.deepEqual(await store.searchArticles('Lima'), []);
  const hits = await store.searchArticles('railway');
  assert.equal(hits.length, 1);
  assert.match(hits[0]!.snippet, /\[railway\]/);

  const app = createApp({ store, webRoot: null });
  t.after(() => app.summitry.jobs.idle());
  const articles = (await (await app.request("/api/articles?q=railway")).json()) as { total: number };
  assert.equal(articles.total, 1);
  const events = (await (await app.request("/api/events?place=Hanoi")).json()) as { items: unknown[] };
  assert.equal(events.items.length, 1);
});

test('postgres: an unreachable server is one clear line and exit code 1, with the password hidden', async (t) => {
  const file = path.join(tempDir(t), 'a.txt');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, 'The ministers met in Hanoi on Monday.\n');
  const r = await cliAsync(['ingest', file, '--db', 'postgres://someone:hunter2@127.0.0.1:1/none']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/none: cannot connect/);
  assert.doesNotMatch(r.stderr, /hunter2/);
});

test('postgres: `ingest --queue` hands articles to two `worker --drain` processes; every article lands once, with the mentions a local ingest finds', { skip: skip ?? false }, async (t) => {
  const url = await freshDatabase(t);
  const file = path.join(tempDir(t), 'local.db');
  const examples = path.join(ROOT, 'examples');
  const queued = await cliAsync(['ingest', examples, '--db', url, '--queue', '--published', '2019-05-01']);
  assert.equal(queued.status, 0, queued.stderr);
  const n = Number(/(\d+) queued for workers/.exec(queued.stdout)?.[1]);
  assert.ok(n >= 9, queued.stdout);
  const workers = await Promise.all([cliAsync(['worker', '--db', url, '--drain']), cliAsync(['worker', '--db', url, '--drain', '--concurrency', '2'])]);
  for (const w of workers) assert.equal(w.status, 0, w.stderr);
  const stored = workers.map((w) => Number(/worker: (\d+) stored/.exec(w.stdout)?.[1]));
  assert.equal(stored[0]! + stored[1]!, n, workers.map((w) => w.stdout).join(''));
  assert.equal((await cliAsync(['ingest', examples, '--db', file, '--published', '2019-05-01'])).status, 0);
  const perArticle = async (db: string) => {
    const store = await Store.open(db);
    try {
      const rows = await store.db.selectFrom('mentions').select(['article_id', 'start', 'end', 'type', 'status']).orderBy('article_id').orderBy('start').orderBy('end').orderBy('type').execute();
      return rows.map((r) => `${r.article_id} ${r.start}-${r.end} ${r.type} ${r.status}`);
    } finally {
      await store.close();
    }
  };
  assert.deepEqual(await perArticle(url), await perArticle(file));
  // Queueing the same articles again stores nothing new.
  const again = await cliAsync(['ingest', examples, '--db', url, '--queue']);
  assert.match(again.stdout, /, 0 queued for workers, \d+ unchanged/);
});

test('queue: --queue and worker need a postgres:// store (usage error otherwise)', async (t) => {
  const db = path.join(tempDir(t), 'x.db');
  const a = await cliAsync(['ingest', path.join(ROOT, 'examples'), '--db', db, '--queue']);
  assert.equal(a.status, 2);
  assert.match(a.stderr, /--queue: needs --db postgres:/);
  const w = await cliAsync(['worker', '--db', db]);
  assert.equal(w.status, 2);
  assert.match(w.stderr, /worker: needs --db postgres:/);
});
