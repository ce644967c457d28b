import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { ingest } from '../src/ingest/ingest.js';
import { eventRecords, type EventRecord } from '../src/store/queries.js';
import { Store } from '../src/store/store.js';
import { SHARED, tempDir } from './helpers.js';

/**
 * Issue #6 acceptance 2 and issue #5 acceptance 4 on the five seed articles, read in place from
 * ../shared/seeds (nothing is copied): the meetings and visits several articles tell come out
 * as one event each, with mentions from every article, the right status history, and no
 * participants that are not participants. Expectations name real events by their public
 * facts (who, where, when), never by article sentences.
 */
const SEEDS = path.join(SHARED, 'seeds');
const HAVE = existsSync(SEEDS);
const skip = HAVE ? false : `../shared/seeds not found (${SEEDS}): the seed acceptance tests need the shared seed articles`;

let all: EventRecord[] = [];

before(async () => {
  if (!HAVE) return;
  const dir = tempDir({ after: (fn) => void process.on('exit', fn) });
  const store = await Store.open(path.join(dir, 'seeds.db'));
  try {
    await ingest(store, [SEEDS], { workers: 0 });
    for await (const e of eventRecords(store)) all.push(e);
  } finally {
    await store.close();
  }
});

/** Seed number ("000") of a mention's or history line's article. */
const seedOf = (source: string) => path.basename(source).slice(0, 3);
const sources = (e: EventRecord) => [...new Set(e.mentions.map((m) => seedOf(m.source)))].sort();
const has = (e: EventRecord, id: string) => e.actors.some((a) => a.id === id);
const year = (e: EventRecord) => e.time?.start?.slice(0, 4) ?? null;
const placeIs = (e: EventRecord, ...names: string[]) => !!e.place && names.includes(e.place.name);
/** Kim Jong-il in Moscow in the summer of 2001 (the April 2001 visit he called off is another event). */
const journey2001 = (e: EventRecord) => has(e, 'kim-jong-il') && (e.time?.start ?? '') >= '2001-06' && year(e) === '2001' && placeIs(e, 'Moscow');
const meetings = () => all.filter((e) => e.type === 'CONSULT');
const show = (list: EventRecord[]) => list.map((e) => `${e.time?.value ?? '-'} ${e.status} ${e.summary} [${sources(e).join(',')}]`).join('\n  ');

/** The one event matching; fails listing the candidates when there are none or several. */
function only(what: string, match: (e: EventRecord) => boolean): EventRecord {
  const hits = meetings().filter(match);
  assert.equal(hits.length, 1, `${what}: expected one event, got ${hits.length}:\n  ${show(hits)}`);
  return hits[0]!;
}

test("A1: Kim Jong-il's 2001 train journey to Moscow is one event, announced (2001) then told as done", { skip }, () => {
  const e = only('2001 Moscow journey', (x) => journey2001(x));
  assert.deepEqual(sources(e), ['000', '001', '002']);
  assert.ok(has(e, 'vladimir-putin'), e.summary);
  assert.equal(e.status, 'occurred');
  // The status history: a prospective report from the 2001 article before the 2002 report that it happened.
  const plan = e.history.findIndex((h) => (h.status === 'planned' || h.status === 'expected') && h.reported?.startsWith('2001'));
  const done = e.history.findIndex((h) => h.status === 'occurred' && h.reported?.startsWith('2002'));
  assert.ok(plan >= 0 && done > plan, JSON.stringify(e.history));
  // Its date is the announced talks in August 2001, not a weekend in July or the 1970s.
  assert.match(e.time?.value ?? '', /^2001-08/);
  assert.ok(!meetings().some((x) => x !== e && journey2001(x)), 'the journey is not split');
});

test("A2: Putin's 2000 visit to North Korea is one event told by several articles", { skip }, () => {
  const e = only('Putin in Pyongyang, 2000', (x) => has(x, 'vladimir-putin') && year(x) === '2000' && placeIs(x, 'Pyongyang', 'North Korea'));
  assert.equal(e.status, 'occurred');
  assert.deepEqual(sources(e), ['000', '001', '002']);
});

test('A4: the April 2019 Kim–Putin summit is one event told by both 2019 articles', { skip }, () => {
  const e = only('Vladivostok 2019 summit', (x) => has(x, 'kim-jong-un') && has(x, 'vladimir-putin') && (x.time?.start ?? '').startsWith('2019-04'));
  assert.deepEqual(sources(e), ['003', '004']);
  assert.equal(e.status, 'occurred');
});

test('A5: the February 2019 Hanoi summit is one event, in Hanoi, told by both 2019 articles', { skip }, () => {
  const e = only('Hanoi 2019', (x) => placeIs(x, 'Hanoi'));
  assert.deepEqual(sources(e), ['003', '004']);
  assert.ok(has(e, 'donald-trump'), e.summary);
  assert.equal(e.time?.value, '2019-02');
  assert.ok(!meetings().some((x) => has(x, 'donald-trump') && placeIs(x, 'Pyongyang')), 'no Trump summit in Pyongyang');
});

test('A3: Kim Jong-il’s 2002 Far East trip is one event told by the 2002 and 2015 articles', { skip }, () => {
  const e = only('2002 Far East trip', (x) => has(x, 'kim-jong-il') && has(x, 'vladimir-putin') && year(x) === '2002');
  assert.deepEqual(sources(e), ['001', '002']);
});

test('B: no bogus records or participants', { skip }, () => {
  // A decade ("the 1970s") dates no meeting of Putin's, and a comparison's time is not the event's.
  assert.ok(!meetings().some((x) => x.time?.granularity === 'decade' && has(x, 'vladimir-putin')), show(meetings().filter((x) => x.time?.granularity === 'decade')));
  assert.ok(!meetings().some((x) => x.time?.granularity === 'decade' && has(x, 'kim-jong-il')), 'Kim Jong-il did not travel in the 1970s');
  // Nationality adjectives and names that are no party to the event are not participants.
  const bad = /^(?:Russian|North Korean|South Korea media|Road Initiative)$/;
  const polluted = meetings().filter((x) => x.actors.some((a) => bad.test(a.name)));
  assert.deepEqual(polluted.map((x) => x.summary), []);
});

test('B: statuses of the key meetings in the 2001 article', { skip }, () => {
  // The talks announced for August 4–5 2001: reported as likely ("is to", "probably") in 2001.
  const journey = only('2001 Moscow journey', (x) => journey2001(x));
  const aug = journey.mentions.find((m) => seedOf(m.source) === '000' && m.text.includes('August'));
  assert.ok(aug, 'the August 4-5 mention belongs to the journey');
  assert.ok(['expected', 'planned'].includes(aug.status), aug.status);
  // Putin's 2000 visit: occurred.
  assert.equal(only('Putin in Pyongyang, 2000', (x) => has(x, 'vladimir-putin') && year(x) === '2000' && placeIs(x, 'Pyongyang', 'North Korea')).status, 'occurred');
  // The April 2001 visit Kim called off: cancelled.
  const april = only('April 2001 visit', (x) => has(x, 'kim-jong-il') && x.time?.value === '2001-04');
  assert.equal(april.status, 'cancelled', JSON.stringify(april.history));
});

test("B: the 2002 article's two meetings in Moscow, on consecutive days, are two occurred events", { skip }, () => {
  // The second of the two meetings is told with its verb left out (gapping). (The article calls Paek "the North Korean leader", which the
  // actor layer reads as Kim Jong-il; the counterparts and dates are what this checks.)
  const ivanov = only('meeting with Ivanov', (x) => has(x, 'igor-ivanov') && x.time?.value === '2002-05-21');
  const klebanov = only('meeting with Klebanov', (x) => has(x, 'ilya-klebanov') && x.time?.value === '2002-05-22');
  assert.notEqual(ivanov.id, klebanov.id);
  assert.equal(ivanov.status, 'occurred');
  assert.equal(klebanov.status, 'occurred');
  assert.ok(!has(ivanov, 'ilya-klebanov') && !has(klebanov, 'igor-ivanov'));
});

test("B: Paek Nam Sun's reported meeting with Putin is one event, expected then unclear: uncertain", { skip }, () => {
  const e = only('Paek–Putin', (x) => has(x, 'paek-nam-sun') && has(x, 'vladimir-putin'));
  assert.equal(e.status, 'uncertain', show([e]));
  assert.deepEqual(sources(e), ['002']);
  assert.deepEqual([...new Set(e.history.map((h) => h.status))].sort(), ['expected', 'uncertain']);
  // "unclear yesterday whether …": yesterday dates the not-knowing, not the meeting.
  assert.equal(e.time, null, JSON.stringify(e.time));
});

test("B: the 2001 article's reported refusal to meet in Vladivostok is not the 2002 Vladivostok meeting", { skip }, () => {
  const refusal = meetings().filter((x) => x.mentions.some((m) => seedOf(m.source) === '000' && m.status === 'negated') && placeIs(x, 'Vladivostok'));
  assert.equal(refusal.length, 1, show(refusal));
  assert.ok(!sources(refusal[0]!).includes('001'), show(refusal));
});
