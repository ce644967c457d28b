import assert from 'node:assert/strict';
import { test } from 'node:test';
import { familyOf, mentionFeatures, placeChain, type MentionFeatures } from '../src/consolidate/features.js';
import { blockKeys, chooseEvent, clusterArticle, type Candidate } from '../src/consolidate/merge.js';
import { bands, signature, similarity } from '../src/consolidate/minhash.js';
import { mergeProfiles, profileOf } from '../src/consolidate/profile.js';
import { coherent, decide, placesCompatible } from '../src/consolidate/score.js';
import { addReport, consolidatedStatus, emptySummary, hasConflict, mergeSummaries, summaryConflict, summaryStatus } from '../src/consolidate/status.js';
import type { EventAttrs } from '../src/stages/events.js';
import { loadTable } from '../src/util/knowledge.js';

interface Spec {
  id?: string;
  article?: string;
  at?: number;
  type?: string;
  mode?: string;
  trigger?: string;
  actors?: (string | { name: string; id?: string; country?: string })[];
  place?: string | { name: string; id?: string; country?: string; lat?: number; lon?: number };
  time?: [string, string, string, string?];
  status?: string;
  statusBy?: string;
  reported?: string | null;
  before?: string;
}

let n = 0;
/** A synthetic mention: names, place, time as the event stage would attach them. */
function m(s: Spec): MentionFeatures {
  const at = s.at ?? 0;
  const attrs: EventAttrs = {
    type: s.type ?? 'CONSULT',
    mode: s.mode ?? 'visit',
    status: s.status ?? 'occurred',
    statusBy: s.statusBy ?? 'test',
    trigger: { start: at, end: at + 5, text: s.trigger ?? 'visited', by: 'test' },
    actors: (s.actors ?? []).map((a) => ({ ...(typeof a === 'string' ? { name: a } : a), title: null, role: 'participant' as const, start: 0, end: 1, by: 'test' })),
    place: s.place ? { ...(typeof s.place === 'string' ? { name: s.place } : s.place), start: 0, end: 1, by: 'test' } : null,
    time: s.time
      ? { type: 'DATE', value: s.time[0], timex3: s.time[0], anchor: 'dct' as const, start: s.time[1], end: s.time[2], granularity: (s.time[3] ?? 'day') as 'day', implied: [], text: s.time[0], startOffset: 0, endOffset: 1 }
      : null,
    topics: [],
    attribution: null,
  };
  return mentionFeatures(s.id ?? `m${++n}`, s.article ?? 'a1', s.reported === undefined ? '2001-07-26' : s.reported, attrs, s.before ?? '');
}

const P = (s: Spec) => profileOf(m(s));

test('knowledge examples: event families and place containment', () => {
  for (const ex of loadTable('event-families.tsv').examples) {
    const [type, mode] = ex.input.split(' ');
    assert.equal(familyOf(type!, mode === '*' ? 'anything' : mode!), ex.expect, `event-families.tsv:${ex.line}`);
  }
  for (const ex of loadTable('place-containment.tsv').examples) {
    const chain = placeChain(ex.input, null);
    if (ex.expect.startsWith('=')) assert.deepEqual(chain, [ex.expect.slice(1)], `place-containment.tsv:${ex.line}`);
    else assert.ok(chain.includes(ex.expect), `place-containment.tsv:${ex.line}: ${chain.join(' > ')}`);
  }
});

test('places: containment, country, distance', () => {
  const at = (name: string, extra: object = {}) => P({ place: { name, ...extra } }).place;
  assert.deepEqual(placesCompatible(at('Vladivostok'), at('Russian Far East')), { ok: true, same: false });
  assert.deepEqual(placesCompatible(at('Vladivostok'), at('Russia')), { ok: true, same: false });
  assert.deepEqual(placesCompatible(at('Russky Island'), at('Vladivostok')), { ok: true, same: false });
  assert.equal(placesCompatible(at('Vladivostok'), at('Khabarovsk'))!.ok, false, 'two Far East cities');
  assert.equal(placesCompatible(at('Moscow'), at('Pyongyang'))!.ok, false, 'two countries');
  assert.equal(placesCompatible(at('Moscow'), null), null);
  // With place-layer ids and coordinates: a country contains its cities however far its centroid is.
  const moscow = at('Moscow', { id: 'geonames:524901', country: 'RUS', lat: 55.75, lon: 37.62 });
  assert.deepEqual(placesCompatible(moscow, at('Russia', { id: 'country:RUS', country: 'RUS', lat: 60, lon: 100 })), { ok: true, same: false });
  assert.equal(placesCompatible(moscow, at('Pyongyang', { id: 'geonames:1871859', country: 'PRK', lat: 39.03, lon: 125.75 }))!.ok, false);
  // A venue the table does not know, placed by coordinates from the place layer.
  const venue = at('Hotel Metropol', { country: 'RUS', lat: 55.7586, lon: 37.6214 });
  assert.equal(placesCompatible(venue, at('Kremlin', { country: 'RUS', lat: 55.752, lon: 37.6175 }))!.ok, true);
  assert.equal(placesCompatible(venue, at('Sochi', { country: 'RUS', lat: 43.6, lon: 39.73 }))!.ok, false);
});

test('scoring: a plan for August 4 and 5 and "the summer of 2001" can be one visit; another year cannot', () => {
  const plan = P({ actors: ['Kim Jong-il', 'Vladimir Putin'], place: 'Moscow', time: ['2001-08-04/2001-08-05', '2001-08-04', '2001-08-05'], status: 'planned' });
  const summer = P({ actors: ['Kim Jong-il'], place: 'Russia', time: ['2001-SU', '2001-06-01', '2001-08-31', 'season'], reported: '2002-05-20' });
  const d = decide(plan, summer);
  assert.equal(d.veto, null);
  assert.ok(d.score >= 0.55, `score ${d.score} (${d.reasons.join(' ')})`);
  const later = P({ actors: ['Kim Jong-il', 'Vladimir Putin'], place: 'Vladivostok', time: ['2002-08-23', '2002-08-23', '2002-08-23'] });
  assert.match(decide(plan, later).veto ?? '', /times/);
  const phone = P({ mode: 'phone', trigger: 'call', actors: ['Kim Jong-il', 'Vladimir Putin'], time: ['2001-08', '2001-08-01', '2001-08-31', 'month'] });
  assert.match(decide(plan, phone).veto ?? '', /family/);
});

test('scoring: a day, the place and the trigger (0.3 + 0.15 + 0.1) clear the 0.55 threshold exactly', () => {
  const day: Spec['time'] = ['2019-04-25', '2019-04-25', '2019-04-25'];
  const d = decide(P({ trigger: 'met', place: 'Vladivostok', time: day, actors: ['Kim Jong-un'] }), P({ trigger: 'met', place: 'Vladivostok', time: day }));
  assert.equal(d.score, 0.55, d.reasons.join(' '));
});

test('scoring: undated reports bound the event (an occurred report cannot be about a later date)', () => {
  const done2001 = P({ actors: ['Kim Jong-il'], place: 'Moscow', reported: '2001-08-10' });
  const plan2019 = P({ actors: ['Kim Jong-il'], place: 'Moscow', time: ['2019-04', '2019-04-01', '2019-04-30', 'month'], status: 'planned' });
  assert.ok(decide(done2001, plan2019).veto);
});

test('scoring: resolved actor ids beat name forms; unresolved "Putin" matches "Vladimir Putin"', () => {
  const a = P({ actors: ['Putin', 'Kim'] });
  const b = P({ actors: ['Vladimir Putin', 'Kim Jong-un'] });
  assert.ok(decide(a, b).actorOverlap >= 0.7);
  const x = P({ actors: [{ name: 'Kim', id: 'kim_jong_il' }] });
  const y = P({ actors: [{ name: 'Kim', id: 'kim_jong_un' }] });
  assert.equal(decide(x, y).actorOverlap, 0, 'two resolved Kims are different people');
  const z = P({ actors: [{ name: 'the North Korean leader', id: 'kim_jong_un', country: 'PRK' }] });
  assert.equal(decide(y, z).actorOverlap, 1);
});

test('within an article: "the talks" and "the encounter" join the visit; a distant undated meeting does not', () => {
  const x = { article: 'x', reported: '2019-04-26' };
  const text = {
    visit: m({ at: 10, actors: ['Kim Jong-un', 'Vladimir Putin'], place: 'Vladivostok', time: ['2019-04-25', '2019-04-25', '2019-04-25'], ...x }),
    talks: m({ at: 200, mode: 'negotiate', trigger: 'talks', before: 'After the ', ...x }),
    encounter: m({ at: 400, mode: 'meet', trigger: 'encounter', before: 'During the ', ...x }),
    other: m({ at: 600, mode: 'meet', trigger: 'met', actors: ['Xi Jinping', 'Kim Jong-un'], place: 'Beijing', time: ['2018-03-26', '2018-03-26', '2018-03-26'], ...x }),
    later: m({ at: 5000, mode: 'meet', trigger: 'met', actors: ['Vladimir Putin'], ...x }),
  };
  const clusters = clusterArticle(Object.values(text));
  const of = (f: MentionFeatures) => clusters.findIndex((c) => c.mentions.includes(f));
  assert.equal(of(text.talks), of(text.visit));
  assert.equal(of(text.encounter), of(text.visit));
  assert.notEqual(of(text.other), of(text.visit), 'another summit in the same article');
  assert.notEqual(of(text.later), of(text.visit), 'an undated meeting far away in the article stays apart');
  assert.equal(clusters.length, 3);
});

test('within an article: encounters with other parties and trips by other travellers stay apart', () => {
  const x = { article: 'x', reported: '2002-05-23' };
  const paek = { name: 'Paek Nam Sun', id: 'paek-nam-sun', country: 'PRK' };
  const ivanov = { name: 'Igor Ivanov', id: 'igor-ivanov', country: 'RUS' };
  const putin = { name: 'Vladimir Putin', id: 'vladimir-putin', country: 'RUS' };
  // "met Ivanov on May 21 … would also meet Putin … it was unclear whether that meeting took place"
  const ivanovMeeting = m({ at: 100, mode: 'meet', trigger: 'met', actors: [paek, ivanov], time: ['2002-05-21', '2002-05-21', '2002-05-21'], ...x });
  const putinMeeting = m({ at: 300, mode: 'meet', trigger: 'meet', actors: [paek, putin], status: 'expected', ...x });
  const thatMeeting = m({ at: 400, mode: 'meet', trigger: 'meeting', status: 'uncertain', before: 'whether that ', ...x });
  const clusters = clusterArticle([ivanovMeeting, putinMeeting, thatMeeting]);
  const of = (f: MentionFeatures) => clusters.findIndex((c) => c.mentions.includes(f));
  assert.notEqual(of(putinMeeting), of(ivanovMeeting), 'another counterpart, another meeting');
  assert.equal(of(thatMeeting), of(putinMeeting), '"that meeting" is the nearest one');
  // The same two people again are the same meeting.
  assert.equal(clusterArticle([ivanovMeeting, m({ at: 500, mode: 'meet', trigger: 'meeting', actors: [ivanov, paek], ...x })]).length, 1);
  // A one-person trip and a two-person meeting in other sentences: an arrival and a meeting.
  const kimArrives = m({ at: 700, trigger: 'arrival', actors: [{ name: 'Kim Jong Il', id: 'kim-jong-il', country: 'PRK' }], ...x });
  const darkin = m({ at: 600, mode: 'meet', trigger: 'meet', actors: [{ name: 'Kim Jong Il', id: 'kim-jong-il', country: 'PRK' }, { name: 'Sergei Darkin', id: 'sergei-darkin', country: 'RUS' }], status: 'expected', ...x });
  assert.equal(clusterArticle([darkin, kimArrives]).length, 2);
  assert.equal(clusterArticle([kimArrives, { ...darkin, position: 800 }]).length, 2);
  // "his first trip" is not the dated journey told before it.
  const journey = m({ at: 900, trigger: 'journey', actors: [{ name: 'Kim Jong Il', id: 'kim-jong-il', country: 'PRK' }], place: { name: 'China', country: 'CHN' }, time: ['2011', '2011-01-01', '2011-12-31', 'year'], status: 'rumored', ...x, reported: '2015-02-23' });
  const firstTrip = m({ at: 1200, trigger: 'trip', actors: [{ name: 'Kim Jong Il', id: 'kim-jong-il', country: 'PRK' }], place: { name: 'China', country: 'CHN' }, before: 'Kim did not make his first ', ...x, reported: '2015-02-23' });
  assert.equal(clusterArticle([journey, firstTrip]).length, 2);
  assert.equal(clusterArticle([journey, { ...firstTrip, first: false }]).length, 1, 'without the ordinal it is the same trip');
  // Trips: an Iraqi delegation's visit, then a North Korean minister's arrival in the same city.
  const iraqi = { ...m({ at: 10, actors: [{ name: 'Iraqi delegation', id: 'IRQ-government', country: 'IRQ' }], place: { name: 'Moscow', country: 'RUS' }, time: ['2002-05-20', '2002-05-20', '2002-05-20'], ...x }) };
  const arrival = m({ at: 90, trigger: 'arrival', actors: [paek], place: { name: 'Moscow', country: 'RUS' }, ...x });
  const src = (f: MentionFeatures): MentionFeatures => ({ ...f, actors: f.actors.map((a) => ({ ...a, role: 'source' as const })) });
  assert.equal(clusterArticle([src(iraqi), src(arrival)]).length, 2);
});

test('within an article: a further predicate of the same sentence ("…and held talks with Harper", "…, meeting Hu") joins the visit', () => {
  const x = { article: 'x', reported: '2011-06-21' };
  // As the event stage reads "Sukhbaatar visited Ottawa on June 20 and held talks with Harper …":
  // the talks name only the host, or come back with the visited capital as their subject.
  const visit = { ...m({ at: 19, actors: ['Batbold Sukhbaatar'], place: { name: 'Ottawa', country: 'CAN' }, time: ['2011-06-20', '2011-06-20', '2011-06-20'], ...x }), sentence: 0, subjects: ['n:batbold sukhbaatar'] };
  const talks = { ...m({ at: 55, mode: 'negotiate', trigger: 'held talks', actors: [{ name: 'Stephen Harper', id: 'stephen-harper', country: 'CAN' }], time: ['2011-06-20', '2011-06-20', '2011-06-20'], ...x }), sentence: 0, subjects: ['CAN'] };
  const meeting = { ...m({ at: 80, mode: 'meet', trigger: 'meeting', actors: [{ name: 'Stephen Harper', id: 'stephen-harper' }], ...x }), sentence: 0, subjects: [] };
  assert.ok(decide(profileOf(visit), profileOf(talks)).score < 0.35, 'on the score alone the talks would stay apart');
  assert.equal(clusterArticle([visit, talks, meeting]).length, 1);

  // Not when the later predicate has a subject of its own, another status, another sentence, or another date.
  const other = { ...meeting, subjects: ['n:jiang zemin'] };
  assert.equal(clusterArticle([visit, other]).length, 2, 'another subject: another meeting');
  assert.equal(clusterArticle([visit, { ...meeting, status: 'planned' }]).length, 2, '"visited …, and will meet Harper" may be another encounter');
  assert.equal(clusterArticle([visit, { ...meeting, sentence: 200 }]).length, 2, 'another sentence: the score decides');
  const later = { ...m({ at: 80, mode: 'meet', trigger: 'met', actors: [{ name: 'Stephen Harper', id: 'stephen-harper' }], time: ['2012-05-14', '2012-05-14', '2012-05-14'], ...x }), sentence: 0, subjects: [] };
  assert.equal(clusterArticle([visit, later]).length, 2, 'a date that excludes the visit still vetoes');
  assert.equal(clusterArticle([{ ...visit, sentence: null }, { ...meeting, sentence: null }]).length, 2, 'without sentences (ECB+) the rule is off');
});

test('blocking: keys by family, participant and year; a mention finds the event, another year does not', () => {
  const event = P({ actors: ['Kim Jong-un', 'Vladimir Putin'], time: ['2019-04-25', '2019-04-25', '2019-04-25'] });
  const keys = new Set(blockKeys(event));
  assert.ok(keys.has('consult-meet|a:n:kim jong un|2019'), [...keys].join(' '));
  const sameYear = blockKeys(P({ actors: ['Putin'], reported: '2019-04-26' }));
  assert.ok(sameYear.some((k) => keys.has(k)), 'Putin, reported the next day');
  const otherYear = blockKeys(P({ actors: ['Putin'], time: ['2011-08', '2011-08-01', '2011-08-31', 'month'] }));
  assert.ok(!otherYear.some((k) => keys.has(k)));
  assert.deepEqual(blockKeys(P({ actors: ['Putin'], reported: null })), [], 'no date at all: no cross-article lookup');
});

test('coherence: a vague mention does not chain two real events', () => {
  const moscow = { id: 'e1', seq: 1, profile: P({ actors: ['Kim Jong-il', 'Vladimir Putin'], place: 'Moscow', time: ['2001-08-04', '2001-08-04', '2001-08-04'] }) };
  const vlad = { id: 'e2', seq: 2, profile: P({ actors: ['Kim Jong-il', 'Vladimir Putin'], place: 'Vladivostok', time: ['2002-08-23', '2002-08-23', '2002-08-23'] }) };
  const vague = P({ actors: ['Kim Jong-il', 'Vladimir Putin'], reported: null });
  const choice = chooseEvent(vague, [moscow, vlad]);
  assert.ok(choice.into, 'it joins one of them');
  assert.deepEqual(choice.absorb, [], 'but does not merge them');
  assert.equal(coherent([moscow.profile, vlad.profile]), false);

  // Two events that are really one (a plan reported, then the visit under another wording) do merge: the older id stays.
  const plan: Candidate = { id: 'e3', seq: 3, profile: P({ actors: ['Kim Jong-il', 'Putin'], place: 'Moscow', time: ['2001-08', '2001-08-01', '2001-08-31', 'month'], status: 'planned' }) };
  const done: Candidate = { id: 'e4', seq: 4, profile: P({ actors: ['Kim Jong-il', 'Vladimir Putin'], place: 'Russia', time: ['2001', '2001-01-01', '2001-12-31', 'year'] }) };
  const bridge = P({ actors: ['Kim Jong-il', 'Vladimir Putin'], place: 'Moscow', time: ['2001-08-04', '2001-08-04', '2001-08-04'] });
  const c2 = chooseEvent(bridge, [done, plan]);
  assert.equal(c2.into?.id, 'e3');
  assert.deepEqual(c2.absorb.map((x) => x.id), ['e4']);
});

test('profiles: the canonical time and place are the most specific, with the mention that gave them', () => {
  const a = profileOf(m({ id: 'coarse', actors: ['Kim'], place: 'Russia', time: ['2001', '2001-01-01', '2001-12-31', 'year'] }));
  const b = profileOf(m({ id: 'fine', actors: ['Kim'], place: 'Moscow', time: ['2001-08-04', '2001-08-04', '2001-08-04'] }));
  const p = mergeProfiles(a, b);
  assert.equal(p.time?.value, '2001-08-04');
  assert.equal(p.time?.mention, 'fine');
  assert.equal(p.place?.name, 'Moscow');
  assert.deepEqual(p.window, { start: '2001-08-04', end: '2001-08-04' });
  assert.equal(mergeProfiles(b, a).place?.name, 'Moscow', 'order does not matter');
});

test('status: latest report wins, occurred outranks an older plan, a later denial is a visible conflict', () => {
  const h = [
    { reported: '2001-07-26', status: 'planned', article: 'a' },
    { reported: '2002-05-23', status: 'occurred', article: 'b' },
  ];
  assert.equal(consolidatedStatus(h), 'occurred');
  assert.equal(consolidatedStatus([...h, { reported: '2002-06-01', status: 'expected', article: 'c' }]), 'occurred');
  const denied = [...h, { reported: '2003-01-01', status: 'denied', article: 'c' }];
  assert.equal(consolidatedStatus(denied), 'denied');
  assert.equal(hasConflict(denied), true);
  assert.equal(hasConflict(h), false);
  assert.equal(hasConflict(denied, (x) => (x === 'c' ? 'b' : x)), false, 'a re-post of the same source is no conflict');
});

test('status: the running report summary gives the same status, conflict and evidence as the full history', () => {
  const statuses = ['occurred', 'planned', 'expected', 'rumored', 'denied', 'negated', 'cancelled', 'uncertain', 'hypothetical', 'proposed', 'postponed', 'ongoing'];
  const days = [null, '2001-07-26', '2002-05-23', '2002-05-23', '2015-02-23'];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  for (let round = 0; round < 500; round++) {
    const n = 1 + rnd(8);
    const history = Array.from({ length: n }, () => ({ reported: days[rnd(days.length)]!, status: statuses[rnd(statuses.length)]!, article: `a${rnd(4)}` }));
    const source = (a: string) => (a === 'a3' ? 'a0' : a); // a3 near-duplicates a0
    // Built in two halves and merged, as when an article ties two events together.
    const half = rnd(n + 1);
    const build = (list: typeof history) => list.reduce((s, h) => addReport(s, h.reported, h.status, source(h.article)), emptySummary());
    for (const s of [build(history), mergeSummaries(build(history.slice(0, half)), build(history.slice(half)))]) {
      assert.equal(summaryStatus(s), consolidatedStatus(history), JSON.stringify(history));
      assert.equal(summaryConflict(s), hasConflict(history, source), JSON.stringify(history));
      assert.equal(s.sources.length, new Set(history.map((h) => source(h.article))).size);
    }
  }
});

test('minhash: a wire copy with a new byline is a near-duplicate; a different story is not', () => {
  const story =
    'The leader arrived by armoured train on Wednesday for his first summit with the president, officials said, and the two sides discussed economic cooperation, a railway link across the border and the nuclear question at a university campus on an island off the port city.';
  const copy = `By Staff Reporter. ${story} Copyright the agency.`;
  const other =
    'Trade ministers from twelve countries met in the capital on Monday to discuss tariffs on steel and aluminium, and agreed to meet again in the autumn after a round of consultations with industry groups.';
  const s = signature(story);
  assert.ok(similarity(s, signature(copy)) >= 0.8, `copy ${similarity(s, signature(copy))}`);
  assert.ok(similarity(s, signature(other)) < 0.2);
  assert.ok(bands(s).some((b) => bands(signature(copy)).includes(b)), 'the copy is found through a shared band');
});

test('scoring: windows a day apart are one event only at the same place with a shared participant', () => {
  const UB = { name: 'Ulaanbaatar', id: 'geo:ub', country: 'MNG' };
  const arrival = P({ actors: [{ name: 'Batbold Sukhbaatar', id: 'batbold-sukhbaatar' }], place: UB, time: ['2011-06-20', '2011-06-20', '2011-06-20'] });
  const talks = P({ trigger: 'talks', actors: [{ name: 'Batbold Sukhbaatar', id: 'batbold-sukhbaatar' }, { name: 'Stephen Harper', id: 'stephen-harper' }], place: UB, time: ['2011-06-21', '2011-06-21', '2011-06-21'] });
  assert.equal(decide(arrival, talks).veto, null);
  // Elsewhere, or with nobody in common: two events.
  assert.ok(decide(arrival, P({ actors: [{ name: 'Batbold Sukhbaatar', id: 'batbold-sukhbaatar' }], time: ['2011-06-21', '2011-06-21', '2011-06-21'] })).veto);
  assert.ok(decide(arrival, P({ actors: [{ name: 'Yoshihiko Noda', id: 'yoshihiko-noda' }], place: UB, time: ['2011-06-21', '2011-06-21', '2011-06-21'] })).veto);
  // Adjacent months at one place: "the February summit", "the planned March summit".
  const feb = P({ trigger: 'summit', actors: [{ name: 'Stephen Harper', id: 'stephen-harper' }], place: UB, time: ['2011-02', '2011-02-01', '2011-02-28', 'month'] });
  assert.equal(decide(feb, P({ trigger: 'summit', status: 'planned', actors: [{ name: 'Stephen Harper', id: 'stephen-harper' }], place: UB, time: ['2011-03', '2011-03-01', '2011-03-31', 'month'] })).veto, null);
  // Years are never near: 2010 and 2011 stay apart.
  assert.ok(decide(P({ actors: ['Batbold'], place: UB, time: ['2010', '2010-01-01', '2010-12-31', 'year'] }), P({ actors: ['Batbold'], place: UB, time: ['2011', '2011-01-01', '2011-12-31', 'year'] })).veto);
  // The merged window spans both days; the occurred report's day is the canonical time.
  const both = mergeProfiles(P({ status: 'planned', trigger: 'summit', actors: ['Harper'], place: UB, time: ['2011-06-21', '2011-06-21', '2011-06-21'] }), arrival);
  assert.deepEqual(both.window, { start: '2011-06-20', end: '2011-06-21' });
  assert.equal(both.time?.value, '2011-06-20');
  // A meeting that absorbed the arrival is dated by the meeting, whichever came first.
  const summit = P({ mode: 'meet', status: 'planned', trigger: 'summit', actors: ['Harper'], place: UB, time: ['2011-06-21', '2011-06-21', '2011-06-21'] });
  assert.equal(mergeProfiles(summit, arrival).time?.value, '2011-06-21');
  assert.equal(mergeProfiles(mergeProfiles(summit, arrival), P({ mode: 'visit', actors: ['Harper'], place: UB, time: ['2011-06-20', '2011-06-20', '2011-06-20'] })).time?.value, '2011-06-21');
});

test('scoring: two known people of one country are not one actor; a shared name among many known others says little', () => {
  const father = P({ actors: [{ name: 'Tsend Batbold', id: 'tsend-batbold', country: 'MNG' }], place: 'Moscow' });
  const son = P({ actors: [{ name: 'Batbold Sukhbaatar', id: 'batbold-sukhbaatar', country: 'MNG' }], place: 'Moscow' });
  assert.ok(decide(father, son).score < 0, JSON.stringify(decide(father, son)));
  const one = P({ trigger: 'meeting', mode: 'meet', actors: [{ name: 'Stephen Harper', id: 'stephen-harper' }] });
  const many = P({ trigger: 'meeting', mode: 'meet', actors: [{ name: 'Stephen Harper', id: 'stephen-harper' }, { name: 'Batbold Sukhbaatar', id: 'batbold-sukhbaatar' }, { name: 'Yoshihiko Noda', id: 'yoshihiko-noda' }] });
  const two = P({ trigger: 'meeting', mode: 'meet', actors: [{ name: 'Stephen Harper', id: 'stephen-harper' }, { name: 'Batbold Sukhbaatar', id: 'batbold-sukhbaatar' }] });
  assert.ok(decide(one, many).score < 0.55, JSON.stringify(decide(one, many)));
  assert.ok(decide(one, two).score >= 0.55, JSON.stringify(decide(one, two)));
});

test('features: "early next month" and "later this year" cover part of their interval', () => {
  const later = m({ time: ['2002', '2002-01-01', '2002-12-31', 'year'] });
  assert.equal(later.time?.start, '2002-01-01');
  const attrs = (mod: string) => ({ type: 'CONSULT', mode: 'visit', status: 'planned', statusBy: 'test', trigger: { start: 0, end: 5, text: 'visit', by: 't' }, actors: [], place: null, topics: [], attribution: null,
    time: { type: 'DATE', value: '2002', timex3: '2002', anchor: 'dct', start: '2002-01-01', end: '2002-12-31', granularity: 'year', implied: [], text: 'x', startOffset: 0, endOffset: 1, mod } }) as unknown as EventAttrs;
  assert.deepEqual([mentionFeatures('a', 'a', '2002-05-23', attrs('END')).time?.start, mentionFeatures('a', 'a', '2002-05-23', attrs('END')).time?.end], ['2002-07-02', '2002-12-31']);
  assert.equal(mentionFeatures('a', 'a', '2002-05-23', attrs('START')).time?.end, '2002-07-02');
  // A meeting on May 21 is not one planned for later in the year.
  const may = profileOf(m({ trigger: 'met', mode: 'meet', actors: [{ name: 'Batbold', id: 'batbold' }], time: ['2002-05-21', '2002-05-21', '2002-05-21'] }));
  assert.ok(decide(may, profileOf(mentionFeatures('a', 'a', '2002-05-23', { ...attrs('END'), actors: [{ name: 'Batbold', id: 'batbold', title: null, role: 'participant', start: 0, end: 1, by: 't' }] } as EventAttrs))).veto);
});

test('within an article: a negated report and an occurred one are two events; an indefinite mention does not refer back', () => {
  const clusters = clusterArticle([
    m({ at: 100, actors: ['Batbold'], status: 'negated', trigger: 'attend', reported: '2015-02-23' }),
    m({ at: 400, actors: ['Batbold'], place: 'Moscow', trigger: 'traveled', reported: '2015-02-23' }),
  ]);
  assert.equal(clusters.length, 2);
  const indefinite = clusterArticle([m({ at: 100, actors: ['Batbold'], trigger: 'summit', mode: 'meet' }), m({ at: 300, trigger: 'meeting', mode: 'meet', status: 'ongoing', before: 'preparations were under way for a ' })]);
  assert.equal(indefinite.length, 2);
  const definite = clusterArticle([m({ at: 100, actors: ['Batbold'], trigger: 'summit', mode: 'meet' }), m({ at: 300, trigger: 'meeting', mode: 'meet', before: 'officials prepared the ' })]);
  assert.equal(definite.length, 1);
});

test('status: among reports of one date the most definite wins', () => {
  const day = '2001-07-26';
  assert.equal(consolidatedStatus([{ reported: day, status: 'hypothetical', article: 'a' }, { reported: day, status: 'cancelled', article: 'a' }, { reported: day, status: 'rumored', article: 'a' }]), 'cancelled');
  assert.equal(consolidatedStatus([{ reported: day, status: 'uncertain', article: 'a' }, { reported: day, status: 'expected', article: 'a' }]), 'uncertain');
  // A later report still wins over a more definite older one.
  assert.equal(consolidatedStatus([{ reported: day, status: 'occurred', article: 'a' }, { reported: '2001-08-01', status: 'denied', article: 'b' }]), 'denied');
});

test('scoring: an undated modal report ("may meet", "a summit would be") is about the time ahead, whatever its status', () => {
  const may = P({ actors: ['Kim Jong Un', 'Vladimir Putin'], status: 'rumored', statusBy: 'status/cue:may', reported: '2019-04-17' });
  assert.equal(may.notBefore, '2019-04-03');
  const would = P({ actors: ['Kim Jong Un', 'Vladimir Putin'], status: 'hypothetical', statusBy: 'status/cue:would be another', reported: '2019-04-17' });
  assert.equal(would.notBefore, '2019-04-03');
  // A rumour of a past event and a counterfactual perfect say nothing of the time ahead.
  assert.equal(P({ actors: ['Kim Jong Un'], status: 'rumored', statusBy: 'status/cue:reportedly', reported: '2019-04-17' }).notBefore, null);
  assert.equal(P({ actors: ['Kim Jong Un'], status: 'hypothetical', statusBy: 'status/cue:could have', reported: '2019-04-17' }).notBefore, null);
  const hanoi = P({ actors: ['Kim Jong Un', 'Donald Trump'], place: 'Hanoi', time: ['2019-02', '2019-02-01', '2019-02-28', 'month'] });
  assert.ok(decide(may, hanoi).veto);
});
