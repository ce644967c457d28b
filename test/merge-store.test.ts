import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { processArticle } from '../src/ingest/process.js';
import { buildPipeline } from '../src/pipeline/stages.js';
import { eventRecord, eventRecords, resolveEventId, type EventRecord } from '../src/store/queries.js';
import { saveArticle } from '../src/store/save.js';
import { Store } from '../src/store/store.js';
import { timeline } from '../src/timeline/timeline.js';
import { tempDir } from './helpers.js';

const raw = (text: string, published: string, source: string) => ({ source, format: 'txt' as const, text, title: null, publisher: null, url: null, published });

// Three reports of one (invented) visit: announced, reported done, then denied.
const PLAN = raw('Prime Minister Batbold Sukhbaatar will visit Ottawa on June 20, 2011 for talks with Stephen Harper, officials said.', '2011-06-03', 'plan.txt');
const DONE = raw('Batbold Sukhbaatar visited Ottawa on June 20, 2011 and held talks with Stephen Harper on mining.', '2011-06-21', 'done.txt');
const DENIAL = raw('The foreign ministry denied that Batbold Sukhbaatar visited Ottawa on June 20, 2011 to meet Stephen Harper.', '2011-07-02', 'denial.txt');
// Another visit by the same man a year later, elsewhere.
const OTHER = raw('Batbold Sukhbaatar visited Tokyo on May 14, 2012 and met Yoshihiko Noda.', '2012-05-15', 'other.txt');

async function events(store: Store): Promise<EventRecord[]> {
  const out: EventRecord[] = [];
  for await (const e of eventRecords(store)) out.push(e);
  return out;
}

async function ingestAll(file: string, articles: ReturnType<typeof raw>[]): Promise<Store> {
  const store = await Store.open(file);
  const pipeline = buildPipeline();
  for (const a of articles) await saveArticle(store, processArticle(a, pipeline));
  return store;
}

test('merge end to end: a plan, the visit reported done, a denial -> one event with its history', async (t) => {
  const store = await ingestAll(path.join(tempDir(t), 'x.db'), [PLAN, DONE, DENIAL]);
  t.after(() => store.close());
  const all = await events(store);
  assert.equal(all.length, 1, all.map((e) => e.summary).join(' | '));
  const e = all[0]!;
  assert.deepEqual(
    e.history.map((h) => [h.reported, h.status]),
    [
      ['2011-06-03', 'planned'],
      ['2011-06-21', 'occurred'],
      ['2011-07-02', 'denied'],
    ],
  );
  assert.equal(e.status, 'denied', 'the latest report wins');
  assert.equal(e.conflict, true, 'occurred then denied stays visible');
  assert.equal(e.evidence, 3);
  assert.equal(new Set(e.mentions.map((m) => m.source)).size, 3);
  assert.equal(e.time?.value, '2011-06-20');
  assert.ok(e.time?.mention, 'the time says which mention supplied it');
  assert.equal(e.place?.name, 'Ottawa');
  assert.match(e.summary, /Sukhbaatar/);
});

test('merge incremental: re-ingest is a no-op, ids are stable, another event stays apart', async (t) => {
  const dir = tempDir(t);
  const store = await ingestAll(path.join(dir, 'x.db'), [PLAN, DONE]);
  t.after(() => store.close());
  const before = await events(store);
  assert.equal(before.length, 1);
  assert.equal(before[0]!.status, 'occurred', 'a report that it occurred outranks the older plan');
  const id = before[0]!.id;
  const pipeline = buildPipeline();
  assert.equal(await saveArticle(store, processArticle(DONE, pipeline)), false);
  assert.deepEqual(await store.counts(), { articles: 2, events: 1, mentions: before[0]!.mentions.length });
  await saveArticle(store, processArticle(OTHER, pipeline));
  const after = await events(store);
  assert.equal(after.length, 2, 'the 2012 Tokyo visit is another event');
  assert.ok(after.some((e) => e.id === id), 'the first event kept its id');

  // The same articles in the same order into a fresh store give the same ids.
  const again = await ingestAll(path.join(dir, 'y.db'), [PLAN, DONE, OTHER]);
  t.after(() => again.close());
  assert.deepEqual((await events(again)).map((e) => e.id).sort(), after.map((e) => e.id).sort());
});

test('merge: two events later shown to be one merge; the older id stays and the other resolves to it', async (t) => {
  const store = await Store.open(path.join(tempDir(t), 'x.db'));
  t.after(() => store.close());
  const pipeline = buildPipeline();
  // Two reports naming the visitor differently ("Batbold", "Sukhbaatar") cannot be told to be one…
  // (A title makes a lone unknown name an actor; a bare one opening a sentence is not read as one.)
  await saveArticle(store, processArticle(raw('Prime Minister Batbold will visit Ottawa in June 2011.', '2011-05-02', 'a.txt'), pipeline));
  await saveArticle(store, processArticle(raw('Premier Sukhbaatar visited Ottawa in June 2011.', '2011-06-30', 'b.txt'), pipeline));
  const first = await events(store);
  assert.equal(first.length, 2, 'apart at first');
  // …until a report with the full name ties them together.
  await saveArticle(store, processArticle(DONE, pipeline));
  const all = await events(store);
  assert.equal(all.length, 1, all.map((e) => `${e.id} ${e.summary}`).join(' | '));
  const merged = all[0]!;
  const oldest = first[0]!.id;
  assert.equal(merged.id, oldest);
  for (const e of first) {
    assert.equal(await resolveEventId(store, e.id), oldest);
    assert.equal((await eventRecord(store, e.id))?.id, oldest);
  }
  assert.deepEqual(merged.merged_from, first.slice(1).map((e) => e.id));
});

const WIRE =
  'Batbold Sukhbaatar visited Ottawa on June 20, 2011 and held talks with Stephen Harper on mining. ' +
  'The two leaders discussed investment in copper and coal projects in the Gobi desert and a direct air link between the two countries. ' +
  'Officials from both sides said the visit marked a new stage in relations, and the prime minister invited Harper to Ulaanbaatar next year.';

test('merge: a near-duplicate article is kept as a source but counted once as evidence', async (t) => {
  const store = await ingestAll(path.join(tempDir(t), 'x.db'), [PLAN, raw(WIRE, '2011-06-21', 'wire.txt')]);
  t.after(() => store.close());
  const before = (await events(store)).find((e) => e.time?.value === '2011-06-20')!;
  assert.equal(before.evidence, 2);
  await saveArticle(store, processArticle(raw(`By our correspondent. ${WIRE} Reprinted with permission.`, '2011-06-22', 'copy.txt'), buildPipeline()));
  const e = (await events(store)).find((x) => x.id === before.id)!;
  assert.equal(new Set(e.mentions.map((m) => m.source)).size, 3, 'the copy is a source');
  assert.equal(e.evidence, 2, 'but not independent evidence');
  assert.ok(e.mentions.some((m) => m.duplicate_of), 'its mention says whose copy it is');
});

test('timeline: dyad filter, status filter, month-level dates sort by their start and show as the month', async (t) => {
  const store = await ingestAll(path.join(tempDir(t), 'x.db'), [
    PLAN,
    DONE,
    OTHER,
    raw('Batbold Sukhbaatar visited Beijing in June 2011, meeting Hu Jintao.', '2011-07-10', 'june.txt'),
  ]);
  t.after(() => store.close());
  const all = await timeline(store);
  assert.deepEqual(
    all.map((e) => e.when),
    ['2011-06', '2011-06-20', '2012-05-14'],
  );
  const dyad = await timeline(store, { actors: ['Sukhbaatar', 'Harper'] });
  assert.equal(dyad.length, 1);
  assert.equal(dyad[0]!.when, '2011-06-20');
  assert.equal((await timeline(store, { statuses: ['planned'] })).length, 0);
  assert.equal((await timeline(store, { place: 'Tokyo' })).length, 1);
  assert.equal((await timeline(store, { place: 'Japan' })).length, 1, 'a country finds the places inside it');
  assert.equal((await timeline(store, { place: 'Russia' })).length, 0);
  assert.equal((await timeline(store, { from: '2012-01-01' })).length, 1);
});
