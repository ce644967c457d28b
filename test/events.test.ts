import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributionOf } from '../src/events/attribution.js';
import { inflect, typeClass } from '../src/events/lexicon.js';
import type { EventAttrs } from '../src/stages/events.js';
import { loadTable } from '../src/util/knowledge.js';
import { analyse } from './helpers.js';

const events = (text: string, dct = '2001-07-26') => analyse(text, dct).layer('event').map((s) => s.attrs as unknown as EventAttrs);
const first = (text: string, dct?: string) => {
  const e = events(text, dct)[0];
  assert.ok(e, `no event in: ${text}`);
  return e;
};

test('knowledge examples: frames, topics, attribution, countries', () => {
  for (const ex of loadTable('event-frames.tsv').examples) {
    const a = first(ex.input + '.');
    assert.equal(`${a.type} ${a.mode ?? ''}`.trim(), ex.expect.trim(), `event-frames.tsv:${ex.line}: ${ex.input}`);
  }
  for (const ex of loadTable('topics.tsv').examples) {
    const a = first(`Officials held talks on ${ex.input}.`);
    assert.ok(a.topics.includes(ex.expect), `topics.tsv:${ex.line}: ${ex.input} -> ${a.topics.join(',')}`);
  }
  for (const ex of loadTable('event-groups.tsv').examples) {
    const a = first(ex.input + '.');
    assert.ok(a.actors.some((x) => x.name === ex.expect && x.via === 'events/fallback-group'), `event-groups.tsv:${ex.line}: ${ex.input} -> ${a.actors.map((x) => x.name).join(',')}`);
  }
  for (const ex of loadTable('event-actor-types.tsv').examples) {
    const a = first(ex.input + '.');
    assert.equal(`${a.type} ${a.mode ?? ''}`.trim(), ex.expect, `event-actor-types.tsv:${ex.line}: ${ex.input}`);
  }
  for (const ex of loadTable('event-receive-objects.tsv').examples) {
    const a = first(ex.input + '.');
    assert.equal(`${a.type} ${a.mode ?? ''}`.trim(), ex.expect, `event-receive-objects.tsv:${ex.line}: ${ex.input}`);
  }
  for (const ex of loadTable('event-type-classes.tsv').examples) {
    assert.equal(typeClass(ex.input)?.intent, ex.expect, `event-type-classes.tsv:${ex.line}: ${ex.input}`);
  }
  for (const ex of loadTable('attribution-patterns.tsv').examples) {
    assert.equal(attributionOf(ex.input, 0, 99, 99)?.text ?? null, ex.expect === '-' ? null : ex.expect, `attribution-patterns.tsv:${ex.line}: ${ex.input}`);
  }
});

test('inflection of regular verbs', () => {
  assert.deepEqual(inflect('visit'), ['visit', 'visits', 'visited', 'visited', 'visiting']);
  assert.deepEqual(inflect('arrive'), ['arrive', 'arrives', 'arrived', 'arrived', 'arriving']);
  assert.deepEqual(inflect('ratify'), ['ratify', 'ratifies', 'ratified', 'ratified', 'ratifying']);
});

test('every PLOVER type is reachable', () => {
  const sentences: [string, string][] = [
    ['Hungary and Romania agreed to cooperate on fisheries.', 'AGREE'],
    ['Lavrov met Wang Yi in Beijing.', 'CONSULT'],
    ['Mongolia praised the Chinese initiative.', 'SUPPORT'],
    ['Russian and Chinese navies held joint exercises near Busan.', 'COOPERATE'],
    ['Japan sent food aid to Myanmar.', 'AID'],
    ['The Thai junta lifted the curfew in the capital.', 'CONCEDE'],
    ['Syrian rebels withdrew from the border town.', 'RETREAT'],
    ['Seoul demanded an apology from Tokyo.', 'REQUEST'],
    ['Beijing accused Washington of interference.', 'ACCUSE'],
    ['Hanoi rejected the offer.', 'REJECT'],
    ['Pyongyang threatened to close the border.', 'THREATEN'],
    ['Korean farmers staged a protest outside the parliament.', 'PROTEST'],
    ['The Chinese army deployed troops along the frontier.', 'MOBILIZE'],
    ['Washington imposed sanctions on the shipping firm.', 'SANCTION'],
    ['Belarusian police arrested two journalists in Minsk.', 'COERCE'],
    ['Russian artillery shelled the village overnight.', 'ASSAULT'],
  ];
  for (const [text, type] of sentences) assert.equal(first(text).type, type, text);
});

test('statuses: tense, modals, cues and their scope', () => {
  const cases: [string, string][] = [
    ['Kim visited Moscow last week.', 'occurred'],
    ['Kim will visit Moscow next month.', 'planned'],
    ['The summit is scheduled for Thursday.', 'planned'],
    ['Kim is expected to arrive in Moscow on Friday.', 'expected'],
    ['Kim will probably meet Putin on August 4.', 'expected'],
    ['Kim will reportedly travel to Moscow by train.', 'rumored'],
    ['Rumours of a meeting between Kim and Putin circulated in Seoul.', 'rumored'],
    ['Putin invited Kim to visit Moscow.', 'proposed'],
    ['Beijing offered to host the talks.', 'proposed'],
    ['Kim suddenly cancelled his visit to Russia.', 'cancelled'],
    ['The visit to Seoul was postponed until autumn.', 'postponed'],
    ['The ministry denied that Kim would visit Moscow.', 'denied'],
    ['The embassy said it had no information about Kim arriving in Moscow.', 'denied'],
    ['Kim did not attend the summit.', 'negated'],
    ['If such a meeting were held, it would be historic.', 'hypothetical'],
    ['It is unclear whether the two leaders met.', 'uncertain'],
    ['The delegations are holding talks in Moscow.', 'ongoing'],
    // A past plan keeps its status: the article does not say it happened.
    ['Kim was to visit Moscow in April.', 'planned'],
    // The cancellation of one event does not reach a later clause.
    ['The April visit was cancelled, but Kim met Putin in July.', 'cancelled'],
  ];
  for (const [text, status] of cases) assert.equal(first(text).status, status, text);
  const two = events('The April visit was cancelled, but Kim met Putin in July.');
  assert.deepEqual(two.map((e) => e.status), ['cancelled', 'occurred']);
  // The cue's span is kept as evidence.
  const e = first('Kim is expected to arrive in Moscow on Friday.');
  assert.match(e.statusBy, /^status\/cue:is expected to/);
  assert.ok(e.statusSpan && e.statusSpan.end > e.statusSpan.start);
});

test('idioms: "when it comes to", "came to power" name no event', () => {
  assert.deepEqual(events('When it comes to trade, the premier has done well.', '2015-02-23'), []);
  assert.deepEqual(events('The young general came to power in 2011.', '2015-02-23'), []);
  assert.equal(first('The general came to Beijing in 2011.', '2015-02-23').mode, 'visit');
});

test("times: a stance word keeps its own time; an itinerary's owner takes part in what it includes", () => {
  // "unclear yesterday whether …": yesterday dates the not-knowing, not the meeting.
  const unclear = events('The envoy hoped to see the premier; it remained unclear on Tuesday whether the two had met.', '2002-05-23');
  assert.ok(unclear.length > 0);
  for (const e of unclear) assert.equal(e.time?.value ?? null, null, JSON.stringify(e.time));
  // The same time after the event's own trigger stays the event's.
  assert.equal(first('The ministers met yesterday in Moscow.', '2002-05-23').time?.value, '2002-05-22');
  // A fronted addition is an aside: the main clause's place and time are not its event's.
  const besides = events('In addition to the Kim visit, a naval drill took place near Sakhalin last year.', '2019-04-24').find((e) => e.trigger.text === 'visit');
  assert.ok(besides);
  assert.equal(besides.place, null);
  assert.equal(besides.time, null);
  // A title before the second of two coordinated people does not hide them.
  assert.deepEqual(first('Talks between Kim Jong Il and former Russian president Boris Yeltsin took place in Moscow, officials said.', '2015-02-23').actors.map((a) => a.name), ['Kim Jong Il', 'Boris Yeltsin']);
  const trip = first('Aides described Kim Jong Il’s travel plan, which featured talks with Putin in Vladivostok.', '2002-05-23');
  assert.deepEqual(trip.actors.map((a) => a.name), ['Kim Jong Il', 'Vladimir Putin']);
  assert.equal(trip.place?.name, 'Vladivostok');
});

test('invitations: the invited visit, proposed, the guest travelling and the host receiving', () => {
  const direct = first('Putin invited Kim Jong-un to Moscow on Tuesday.', '2015-02-23');
  assert.equal(direct.type, 'CONSULT');
  assert.equal(direct.mode, 'visit');
  assert.equal(direct.status, 'proposed');
  assert.deepEqual(direct.actors.map((a) => `${a.name}:${a.role}`), ['Vladimir Putin:target', 'Kim Jong Un:source']);
  assert.equal(direct.place?.name, 'Moscow');
  // Passive, with the agent after a time.
  const passive = first('Kim Jong-un was invited to Moscow last week by President Vladimir Putin.', '2015-02-23');
  assert.equal(passive.status, 'proposed');
  assert.deepEqual(passive.actors.map((a) => `${a.name}:${a.role}`).sort(), ['Kim Jong Un:source', 'Vladimir Putin:target']);
  // An invitation to do something is that thing, proposed.
  const attend = events('Putin has invited Kim Jong-un to attend the Victory Day parade in Moscow on May 9.', '2015-02-23');
  assert.equal(attend.length, 1);
  assert.equal(attend[0]!.mode, 'multilateral');
  assert.equal(attend[0]!.status, 'proposed');
  assert.equal(attend[0]!.time?.value, '2015-05-09');
  assert.ok(attend[0]!.actors.some((a) => a.name === 'Kim Jong Un' && a.role === 'source'));
  // Negation still wins.
  assert.equal(first('Putin did not invite Kim Jong-un to Moscow.', '2015-02-23').status, 'negated');
});

test('arguments from structure: subject, object, with-phrase, possessive, compound, passive', () => {
  const roles = (text: string) => first(text).actors.map((a) => `${a.name}:${a.role}`);
  // Actors carry the actor layer's canonical names, as of the article's date (2001).
  assert.deepEqual(roles('Lavrov held talks with Wang Yi in Beijing on Monday.'), ['Sergei Lavrov:participant', 'Wang Yi:participant']);
  assert.deepEqual(roles('Beijing accused Washington of interference.'), ['China:source', 'United States:target']);
  assert.deepEqual(roles('Kim’s visit to Moscow ended on Sunday.'), ['Kim Jong Il:source']);
  assert.deepEqual(roles('Kim’s visit to Russia ended on Sunday.'), ['Kim Jong Il:source', 'Russia:target']);
  // A state the actor layer does not know is still the state visited, from the place layer.
  assert.deepEqual(roles('Kim’s visit to Hungary ended on Sunday.'), ['Kim Jong Il:source', 'Hungary:target']);
  // The pair in a compound: the actor layer splits "Kim-Putin" into the two people of the date.
  assert.deepEqual(roles('The Kim-Putin summit opened in Vladivostok.'), ['Kim Jong Il:participant', 'Vladimir Putin:participant']);
  // A meeting "on" a venue is held there; "talks on" a state are about it.
  assert.equal(first('The Kim-Putin talks are set for Thursday on Russky Island.', '2019-04-23').place?.name, 'Russky Island');
  assert.equal(first('Lavrov and Wang Yi held talks on Korea on Monday.', '2019-04-23').place, null);
  assert.deepEqual(roles('The diplomats were expelled by Japan.'), ['Japan:source']);
  // A name before an article is outside the trigger's phrase: no compound.
  assert.deepEqual(roles('Turkish officials used a visit by a delegation of Greek officials to restate their view.').filter((r) => r.startsWith('Turkey')), []);
  // A name inside another phrase is not the subject: "In Moscow, Kim met Putin".
  const e = first('In Vladivostok, Kim met Putin on Monday.');
  assert.equal(e.place?.name, 'Vladivostok');
  assert.deepEqual(e.actors.map((a) => a.name), ['Kim Jong Il', 'Vladimir Putin']);
  // Countries from titles, nationality adjectives and states.
  const c = first('North Korean Foreign Minister Paek Nam Sun met Russian officials in Moscow.');
  assert.deepEqual(c.actors.map((a) => a.country), ['PRK', 'RUS']);
  assert.equal(c.place?.country, 'RUS');
  // A city that stands for its government is still named as the city where it is the place,
  // with the place layer's id and coordinates.
  assert.equal(c.place?.name, 'Moscow');
  assert.match(c.place?.id ?? '', /^geonames:/);
  assert.ok(c.place?.lat && c.place.lat > 55 && c.place.lat < 56, `lat ${c.place?.lat}`);
  // Nationality adjectives the actor layer has no group for come from the fallback tables,
  // once: "Russian officials" is one actor, not also "Russian"; a title's nationality is its holder's.
  const navies = first('Russian and Chinese navies held joint exercises near Busan.');
  assert.deepEqual(navies.actors.map((a) => `${a.country}:${a.role}`), ['RUS:participant', 'CHN:participant']);
  assert.equal(c.actors.length, 2);
  assert.deepEqual(roles('Syrian artillery shelled the village.'), ['Syrian:source']);
});

test('two events in a sentence: each keeps its own time and status', () => {
  const es = events('Kim, who visited Beijing in May, will travel to Moscow on August 4.');
  const visit = es.find((e) => e.place?.name === 'Beijing');
  const trip = es.find((e) => e.place?.name === 'Moscow');
  assert.ok(visit && trip, JSON.stringify(es.map((e) => [e.trigger.text, e.place?.name])));
  assert.equal(trip.time?.value, '2001-08-04');
  assert.equal(trip.status, 'planned');
  // A report's own date is not the event's: "told reporters yesterday that ...".
  const r = first('A spokeswoman told reporters yesterday that Kim would arrive on Friday.');
  assert.equal(r.time?.text, 'Friday');
  assert.equal(r.attribution, 'A spokeswoman');
});

test('attribution: named, unnamed and back-referring sources', () => {
  assert.equal(first('Kim will arrive on Friday, Kremlin spokesman Dmitry Peskov said.').attribution, 'Kremlin spokesman Dmitry Peskov');
  assert.equal(first('According to the same source, the talks open on Friday in the guest house.').attribution, 'the same source');
  assert.equal(first('Unnamed official sources in Moscow said that Kim would visit the capital.').attribution, 'Unnamed official sources in Moscow');
  const e = first('Putin met Kim in Vladivostok.');
  assert.equal(e.attribution, null);
});

test('folding: one event for light verbs, complements and reciprocal meetings', () => {
  assert.equal(events('Kim held talks with Putin.').length, 1);
  assert.equal(events('Kim arrived in Moscow for talks with Putin.').length, 1);
  const agreed = events('Kim agreed to visit Moscow in August.');
  assert.deepEqual(agreed.map((e) => [e.type, e.status]), [['CONSULT', 'planned']]);
  const refused = events('Seoul refused to meet the envoy.');
  assert.deepEqual(refused.map((e) => [e.type, e.mode]), [['REJECT', 'meet']]);
  // A reduced relative is not an event: "officials accused of".
  assert.equal(events('The officials accused of fraud said nothing.').length, 0);
  // Received weapons is not a visit.
  assert.equal(events('The rebels received weapons from abroad.').filter((e) => e.type === 'CONSULT').length, 0);
});

test('no event in a plain sentence', () => {
  assert.equal(events('The weather in Seoul was mild this week.').length, 0);
  assert.equal(events('The railway line runs along the coast.').length, 0);
});

const countries = (a: EventAttrs, role: string) => a.actors.filter((x) => x.role === role).map((x) => x.country).sort().join(',');

test('announced intentions: agreement, threat, refusal, ultimatum; meetings keep their type', () => {
  const release = first('The rebels said they will release the hostages.');
  assert.equal(release.type, 'AGREE');
  assert.equal(release.status, 'occurred');
  assert.equal(first('Pyongyang said it would attack the ships.').type, 'THREATEN');
  const refusal = first('Moscow said it would not provide aid to Minsk.');
  assert.equal(refusal.type, 'REJECT');
  assert.equal(countries(refusal, 'source'), 'RUS');
  assert.equal(countries(refusal, 'target'), 'BLR');
  assert.equal(first('Tokyo said it will withdraw its troops unless the talks resume.').type, 'THREATEN');
  // Without a speaker a future act keeps its type (the plover projection handles AID).
  assert.equal(first('Japan will send food aid to Laos.').type, 'AID');
  const visit = first('Kim said he will visit Moscow in May.', '2001-01-10');
  assert.equal(visit.type, 'CONSULT');
  assert.equal(visit.status, 'planned');
});

test('intentions: the complement decides, and no complement means no event', () => {
  assert.equal(first('Hanoi wants to attack the island.').type, 'THREATEN');
  assert.equal(first('Hanoi wants to help Laos.').type, 'AGREE');
  assert.equal(first('UN inspectors want to examine the reactors in Iran.').type, 'ACCUSE');
  assert.deepEqual(events('Hanoi wants to be a regional power.'), []);
});

test('a state reporting an attack accuses the attacker; a trailing attribution does not', () => {
  const a = first('Seoul said North Korean troops attacked its border posts.');
  assert.equal(a.type, 'ACCUSE');
  assert.equal(countries(a, 'source'), 'KOR');
  assert.equal(countries(a, 'target'), 'PRK');
  assert.equal(first('North Korean troops attacked the border posts, Seoul said.').type, 'ASSAULT');
});

test('denials, background relatives and charges are no events', () => {
  assert.deepEqual(events('Paris condemned the allegations by Kigali.'), []);
  assert.ok(!events('The army attacked the militia that has seized the town.').some((e) => e.type === 'COERCE'));
  assert.deepEqual(events('A court in Tunisia jailed a Libyan student for helping smugglers.').map((e) => e.type), ['COERCE']);
});

test('subjects: possessive heads, groups in a state, obligations stated by a speaker', () => {
  const met = first("Iraq's national security adviser met Putin in Moscow.");
  assert.equal(countries(met, 'participant'), 'IRQ,RUS');
  assert.equal(countries(first('Rebels in Mali rejected the offer.'), 'source'), 'MLI');
  const must = first('Russia declared that Japan must end the exercises.');
  assert.equal(must.type, 'REQUEST');
  assert.equal(countries(must, 'source'), 'RUS');
  assert.equal(countries(must, 'target'), 'JPN');
});

test('one event for a meeting and its purpose; victims of a passive and an existential', () => {
  assert.equal(events('Lavrov met Wang Yi in Beijing to discuss trade.').length, 1);
  const shelled = first('Four farmers were killed in Syrian shelling on Friday.');
  assert.equal(shelled.type, 'ASSAULT');
  assert.equal(countries(shelled, 'source'), 'SYR');
  const killed = first('There were ten Russian soldiers killed near the border today.');
  assert.equal(killed.type, 'ASSAULT');
  assert.equal(countries(killed, 'target'), 'RUS');
});

test('events: a place after the verb stays the venue when a purpose clause follows ("met in Hanoi to discuss")', () => {
  const doc = analyse('The envoys met in Hanoi on Monday to discuss a railway link across the border.', '2014-11-10');
  const meetings = doc.layer('event').filter((e) => (e.attrs as { type: string }).type === 'CONSULT');
  assert.ok(meetings.length >= 1);
  const m = meetings[0]!.attrs as unknown as { place: { name: string } | null; actors: { name: string }[] };
  assert.equal(m.place?.name, 'Hanoi');
  assert.ok(!m.actors.some((a) => a.name === 'Vietnam'), JSON.stringify(m.actors));
});

test('merged behaviours: asides, adverbs, clause-opening places, possessive pronouns, purposes', () => {
  // The commas around a comparison neither bar nor distance a modal: still a plan.
  assert.equal(first('The premier will, like his predecessor in the 1990s, travel to Tokyo by ship.').status, 'planned');
  // "first" after a subject is an adverb, not a determiner: the verb stays an event.
  const v = first('It came only after Lavrov first visited Havana for a short summit in 2004.', '2010-01-01');
  assert.equal(v.type, 'CONSULT');
  assert.equal(v.trigger.text, 'visited');
  assert.equal(v.place?.name, 'Havana');
  // A place phrase after "while" opens its clause: it is the venue.
  assert.equal(first('While in Havana, Lavrov is expected to meet Raul Castro.').place?.name, 'Havana');
  // A possessive pronoun after the trigger qualifies a noun; its antecedent is no host.
  const hosted = events('Lavrov flew on to the forum, which was hosted by his close friend Wang Yi.', '2010-01-01').find((e) => e.trigger.text === 'hosted');
  assert.ok(!hosted || !hosted.actors.some((a) => /Lavrov/.test(a.name)), JSON.stringify(hosted?.actors));
  // A purpose's subject is the main event's: a name left of it that the meeting did not take is none.
  const m = first("Both ports lay on Lavrov's 2004 route, which included a meeting with Raul Castro to discuss trade.", '2010-01-01');
  assert.ok(!m.actors.some((a) => /Far East/.test(a.name)), JSON.stringify(m.actors));
  // …and a place of the main event stays its place.
  assert.equal(first('The envoys met in Lima on Monday to discuss the trade pact.', '2010-01-01').place?.name, 'Lima');
  // The speaker's resolved pronoun does not hide an announced refusal; a reduced passive of a killing is no event.
  assert.equal(first('Lavrov said he would not give support to Serbia.').type, 'REJECT');
  assert.deepEqual(events('Interpol said it will send experts to help identify the victims killed by Syrian troops in Homs.').map((e) => e.type), ['AGREE']);
});

test('arguments: whom a warrant is for, a verb ending in a preposition, a group placed in a qualified state', () => {
  const warrant = first('A judge in Peru issued an arrest warrant for three Chilean sailors.');
  assert.equal(warrant.type, 'COERCE');
  assert.equal(countries(warrant, 'target'), 'CHL');
  // "fired at": the phrase after the preposition is the target, not a venue.
  const fired = first('Kurdish militants fired at the Turkish army.');
  assert.equal(countries(fired, 'target'), 'TUR');
  // A nominal trigger keeps its phrase: "evidence against" still names the accused.
  assert.equal(countries(first('Ottawa presented evidence against Moscow.'), 'target'), 'RUS');
  // A group from a state with a modifier or an area before it.
  assert.equal(countries(first('The minister will meet exiled opponents from war-torn Sudan.'), 'participant').split(',').includes('SDN'), true);
  assert.equal(countries(first('Rebels in the north of Chad rejected the offer.'), 'source'), 'TCD');
});

test('subjects: a document qualified by where it was released speaks for that state; a capital named by its state stands for it', () => {
  const report = first('A short report released on Friday in the Kenyan capital accused Uganda of arming the rebels.');
  assert.equal(report.type, 'ACCUSE');
  assert.equal(countries(report, 'source'), 'KEN');
  assert.equal(countries(report, 'target'), 'UGA');
  // A purpose clause after the place keeps it a venue of the first verb.
  assert.equal(first('The envoys met in Hanoi to discuss trade.').actors.length, 0);
  // As a destination the capital stays a place.
  const arrived = first('Lavrov arrived in the Cuban capital on Monday.');
  assert.equal(arrived.place?.country, 'CUB');
  assert.ok(!arrived.actors.some((a) => a.country === 'CUB'), JSON.stringify(arrived.actors));
});

test('a past participle after a material act\'s object qualifies a noun: no second event', () => {
  assert.deepEqual(events('Kenya on Monday freed the leader of the union, a member of the banned movement detained two years ago, officials said.').map((e) => e.type), ['RETREAT']);
  // With a conjunction, or an object of its own, it is a second act.
  assert.deepEqual(events('The rebels freed the nurses and detained the driver.').map((e) => e.type).sort(), ['COERCE', 'RETREAT']);
});

test('a state named in garbled case is still the state; other mixed-case words are not', () => {
  assert.equal(countries(first('The Canadian foreign minister wants to help jaPan.'), 'target'), 'JPN');
  assert.ok(!first('The iPhone maker met Putin.').actors.some((a) => a.name === 'iPhone'));
});

test('an attack with victims and no named attacker: an unidentified attacker of the country where it happened', () => {
  const e = first('Two French tourists were killed in Egypt on Monday.');
  assert.equal(e.type, 'ASSAULT');
  const src = e.actors.find((a) => a.role === 'source');
  assert.equal(src?.country, 'EGY');
  assert.equal(src?.sector, 'unidentified');
  assert.equal(src?.by, 'events/unidentified-at-place');
  // A named attacker stays the only source.
  assert.deepEqual(first('Syrian troops killed two French tourists in Lebanon.').actors.filter((a) => a.role === 'source').map((a) => a.country), ['SYR']);
});

test('an agreement takes the target of what it agrees to', () => {
  assert.equal(countries(first('Norway agreed to provide aid to Nepal.'), 'participant'), 'NOR,NPL');
  assert.equal(countries(first('Brazil has agreed to end its sanctions on Paraguay.'), 'participant'), 'BRA,PRY');
  // A threat keeps its own target slot.
  assert.equal(countries(first('Russia threatened to impose sanctions on Georgia.'), 'target'), 'GEO');
});

test('a directed event "near" a town happens there', () => {
  const e = first('A roadside bomb killed two Dutch soldiers near Kandahar.');
  assert.equal(e.place?.country, 'AFG');
  assert.equal(countries(e, 'target'), 'NLD');
});
