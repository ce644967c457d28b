import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActorAttrs } from '../src/actors/resolve.js';
import { Doc } from '../src/doc/doc.js';
import { STAGES } from '../src/pipeline/stages.js';
import { actorsStage } from '../src/stages/actors.js';
import { kb } from '../src/kb/kb.js';
import { nameKey } from '../src/kb/normalise.js';
import { loadTable } from '../src/util/knowledge.js';
import { analyse } from './helpers.js';

const actors = (doc: Doc) => doc.layer('actor').map((s) => ({ text: doc.slice(s), label: s.label, ...(s.attrs as unknown as ActorAttrs) }));
/** The actor for the n-th (0-based) occurrence of `surface` in the text. */
function actorAt(doc: Doc, surface: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.text.indexOf(surface, at + 1);
  assert.ok(at >= 0, `"${surface}" #${nth} is in the text`);
  const span = doc.layer('actor').find((s) => s.start <= at && s.end >= at + surface.length && s.end - s.start <= surface.length + 12);
  return span ? { text: doc.slice(span), label: span.label, ...(span.attrs as unknown as ActorAttrs) } : null;
}

test('knowledge examples: office holders, role words, kin, states, metonyms, groups, organisations', () => {
  for (const ex of loadTable('kb/officeholders.tsv').examples) {
    const [name, date] = ex.input.split('@').map((s) => s.trim()) as [string, string];
    const [id, title] = ex.expect.split(/,\s*/);
    const a = actorAt(analyse(`Officials said ${name} arrived.`, date), name);
    assert.equal(a?.id, id, `officeholders.tsv:${ex.line}: ${ex.input}`);
    if (title) assert.equal(a?.title, title, `officeholders.tsv:${ex.line}: ${ex.input}`);
  }
  for (const ex of loadTable('kb/roles.tsv').examples) {
    const [phrase, date] = ex.input.split('@').map((s) => s.trim()) as [string, string];
    const doc = analyse(`Officials said ${phrase} arrived.`, date);
    const a = actors(doc).find((x) => x.label === 'person');
    assert.equal(a?.id, ex.expect, `roles.tsv:${ex.line}: ${ex.input}`);
  }
  for (const ex of loadTable('kb/kin.tsv').examples) {
    const [person, relation] = ex.input.split(' ');
    assert.equal(kb().kin.get(`${person} ${relation}`), ex.expect, `kin.tsv:${ex.line}`);
    assert.ok(kb().persons.has(ex.expect), `kin.tsv:${ex.line}: ${ex.expect} is in officeholders.tsv`);
  }
  for (const ex of loadTable('kb/countries.tsv').examples) assert.equal(kb().refs.get(nameKey(ex.input))?.country, ex.expect, `countries.tsv:${ex.line}`);
  for (const ex of loadTable('kb/metonyms.tsv').examples) {
    const r = kb().refs.get(nameKey(ex.input));
    assert.equal(`${r?.country} ${r?.sector}`, ex.expect, `metonyms.tsv:${ex.line}`);
  }
  for (const ex of loadTable('kb/groups.tsv').examples) {
    const doc = analyse(`Yesterday ${ex.input} said nothing.`, '2019-01-01');
    const a = actors(doc)[0];
    const [country, sector] = ex.expect.split(' ');
    if (sector) assert.deepEqual([a?.country, a?.sector], [country, sector], `groups.tsv:${ex.line}`);
    else assert.ok(kb().groups.has(ex.input.toLowerCase()), `groups.tsv:${ex.line}`);
  }
  for (const ex of loadTable('kb/organisations.tsv').examples) assert.equal(kb().orgs.get(nameKey(ex.input))?.id, ex.expect, `organisations.tsv:${ex.line}`);
  for (const ex of loadTable('kb/title-words.tsv').examples) assert.ok(kb().titleWords.has(ex.input), `title-words.tsv:${ex.line}`);
});

test('knowledge: every office row is well formed and each person has one consistent identity', () => {
  const k = kb();
  assert.ok(k.persons.size > 400, `${k.persons.size} persons`);
  for (const p of k.persons.values()) {
    for (const o of p.offices) {
      assert.ok(k.states.has(o.country) || o.country === 'IGO', `${p.id}: unknown country ${o.country}`);
      assert.ok(!o.end || o.end >= o.start, `${p.id}: ends before it starts`);
      assert.ok(o.title, `${p.id}: no title`);
    }
  }
  // No two heads of state of one country overlap by more than a day (acting spells aside).
  const bad: string[] = [];
  for (const role of ['hos', 'hog', 'fm'] as const) {
    const spells = [...k.persons.values()].flatMap((p) => p.offices.filter((o) => o.role === role && !/^Acting|^Interim/.test(o.title)).map((o) => ({ p: p.id, ...o })));
    for (const a of spells) {
      for (const b of spells) {
        if (a === b || a.country !== b.country || a.p === b.p || a.start > b.start) continue;
        const aEnd = a.end || '9999-12-31';
        const overlap = aEnd > b.start && Date.parse(aEnd) - Date.parse(b.start) > 2 * 86400e3;
        if (overlap) bad.push(`${a.country} ${role}: ${a.p} (${a.start}–${a.end}) overlaps ${b.p} (${b.start}–${b.end})`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('actors: "Kim" is whoever the article named, else the North Korean leader at the article date', () => {
  const y2001 = analyse('Kim arrived by train. Officials in Moscow confirmed that Kim would meet Putin.', '2001-07-26');
  assert.equal(actorAt(y2001, 'Kim')?.id, 'kim-jong-il');
  assert.equal(actorAt(y2001, 'Putin')?.title, 'President of Russia');
  const y2019 = analyse('Kim arrived by train. Officials in Moscow confirmed that Kim would meet Putin.', '2019-04-24');
  assert.equal(actorAt(y2019, 'Kim')?.id, 'kim-jong-un');
  assert.equal(actorAt(y2019, 'Kim', 1)?.via.startsWith('coref:'), true);
  const south = analyse('President Kim Dae-jung welcomed the guests in Seoul. Later Kim said the talks went well.', '2000-06-15');
  assert.deepEqual([actorAt(south, 'Kim Dae-jung')?.country, actorAt(south, 'Kim Dae-jung')?.title], ['KOR', 'President of South Korea']);
  assert.equal(actorAt(south, 'Kim', 1)?.id, 'kim-dae-jung');
  // An antecedent out of office (dead) loses to the incumbent a sentence later.
  const dead = analyse('Kim Jong Un toured the port. His late father, Kim Jong Il, had visited it in 2002. Kim then left for the capital.', '2019-04-24');
  assert.equal(actorAt(dead, 'Kim', 2)?.id, 'kim-jong-un');
});

test('actors: kin, descriptions and rulers as of the date', () => {
  const doc = analyse('Kim Jong Un laid flowers at a monument to his grandfather. Kim’s father had opened the museum in 1986. The reclusive leader then boarded his train.', '2019-04-24');
  assert.equal(actorAt(doc, 'his grandfather')?.id, 'kim-il-sung');
  assert.equal(actorAt(doc, 'father', 1)?.id, 'kim-jong-il');
  assert.equal(actorAt(doc, 'reclusive leader')?.id, 'kim-jong-un');
  const ruler = analyse('Pyongyang’s current ruler is expected in Vladivostok, where the Kremlin chief will greet him.', '2001-07-26');
  assert.equal(actorAt(ruler, 'current ruler')?.id, 'kim-jong-il');
  assert.equal(actorAt(ruler, 'Kremlin chief')?.id, 'vladimir-putin');
  const medvedev = analyse('The Russian president flew to Hanoi, and the Russian prime minister stayed in Moscow.', '2010-10-30');
  assert.equal(actorAt(medvedev, 'Russian president')?.id, 'dmitry-medvedev');
  assert.equal(actorAt(medvedev, 'Russian prime minister')?.id, 'vladimir-putin');
  assert.equal(actorAt(medvedev, 'Moscow')?.via, 'metonym');
});

test('actors: titles and appositions introduce people the KB does not know', () => {
  const doc = analyse(
    'The visitors were received by Pavel Ostrovsky, deputy governor of the Amur region, and by Tae-hun Ryang, Pyongyang’s trade envoy. Ukrainian Energy Minister Olena Marchuk did not attend.',
    '2016-09-02',
  );
  const pavel = actorAt(doc, 'Pavel Ostrovsky');
  assert.deepEqual([pavel?.id, pavel?.title, pavel?.via], ['pavel-ostrovsky', 'deputy governor of the Amur region', 'title']);
  const ryang = actorAt(doc, 'Tae-hun Ryang');
  assert.deepEqual([ryang?.country, ryang?.title], ['PRK', 'Pyongyang’s trade envoy']);
  const olena = actorAt(doc, 'Olena Marchuk');
  assert.deepEqual([olena?.country, olena?.title, olena?.via], ['UKR', 'Ukrainian Energy Minister', 'title']);
  const pre = analyse('Kremlin adviser Boris Antonov said the date was not fixed.', '2019-04-17');
  assert.deepEqual([actorAt(pre, 'Boris Antonov')?.title, actorAt(pre, 'Boris Antonov')?.country], ['Kremlin adviser', 'RUS']);
  // A lower-case rank or ministry between the nationality and the title word keeps the title whole.
  const junior = analyse('Ghanaian junior justice minister Kofi Mensah said the date was not fixed.', '2019-04-17');
  assert.deepEqual([actorAt(junior, 'Kofi Mensah')?.title, actorAt(junior, 'Kofi Mensah')?.country], ['Ghanaian junior justice minister', 'GHA']);
});

test('actors: names across a line break, with curly apostrophes and a possessive', () => {
  const doc = analyse('Talks between Kim Jong\nIl and the Russian side went on.\nKim Jong’il’s train left at noon, Sergei\nLavrov said.', '2001-08-04');
  const ids = actors(doc).filter((a) => a.label === 'person').map((a) => a.id);
  assert.deepEqual(ids, ['kim-jong-il', 'kim-jong-il', 'sergei-lavrov']);
  assert.equal(actorAt(doc, 'Lavrov')?.title, null, 'Lavrov became foreign minister only in 2004');
});

test('actors: states, groups and organisations', () => {
  const doc = analyse('North Korea and the United States exchanged notes. Russian officials and the North Korean embassy said the UN had not been told; Washington declined to comment.', '2019-04-24');
  const got = actors(doc).map((a) => `${a.text}|${a.label}|${a.country}|${a.sector}|${a.via}`);
  assert.deepEqual(got, [
    'North Korea|state|PRK|government|country',
    'United States|state|USA|government|country',
    'Russian officials|org|RUS|government|group',
    'North Korean embassy|org|PRK|diplomacy|group',
    'UN|org|IGO|igo|kb',
    'Washington|state|USA|government|metonym',
  ]);
  // A compass word alone ("the South" is South Korea) does not make a name that begins with it Korean.
  const south = analyse('Officials of South Dakota Mining said nothing; South Korean Shipping declined to comment.', '2019-04-24');
  assert.deepEqual(actors(south).filter((a) => a.via === 'name-prefix').map((a) => `${a.text}|${a.country}`), ['South Korean Shipping|KOR']);
});

test('actors: labels from the NER layer (PER, ORG) when the KB does not know the name', () => {
  const doc = new Doc('t', 'Officials of Amber Fields Holding met Tomas Verhoeven on Monday.', { source: 't.txt', format: 'txt', title: null, publisher: null, url: null, published: '2019-01-01' });
  for (const s of [...STAGES].filter((x) => x.name !== 'names' && x.name !== 'actors' && x.name !== 'events')) for (const [layer, spans] of Object.entries(s.run(doc))) doc.setLayer(layer, spans);
  const at = (w: string) => doc.text.indexOf(w);
  doc.setLayer('name', [
    { start: at('Amber'), end: at(' met'), label: 'ORG', by: 'test', confidence: 1, attrs: { kind: 'org' } },
    { start: at('Tomas'), end: at(' on'), label: 'PER', by: 'test', confidence: 1, attrs: { kind: 'person', norm: 'Tomas Verhoeven' } },
  ]);
  const got = actorsStage.run(doc).actor!.map((s) => `${doc.slice(s)}|${s.label}|${(s.attrs as unknown as ActorAttrs).via}`);
  assert.deepEqual(got, ['Amber Fields Holding|org|name', 'Tomas Verhoeven|person|name']);
});

test('pronouns: the knowledge file examples (he / his / him to the person they stand for)', () => {
  const table = loadTable('kb/pronouns.tsv');
  assert.ok(table.examples.length >= 4);
  for (const ex of table.examples) {
    const doc = analyse(ex.input, '2019-04-20');
    const [form, id] = ex.expect.split(':');
    const at = doc.text.search(new RegExp(`\\b${form}\\b`));
    const span = doc.layer('actor').find((s) => s.start === at && s.by === 'actors/pronoun');
    assert.equal((span?.attrs as unknown as ActorAttrs | undefined)?.id ?? '', id, `pronouns.tsv:${ex.line}`);
  }
});

test('pairs: "the pair" and "the two leaders" stand for the two people just named together', () => {
  const table = loadTable('kb/pair-anaphors.tsv');
  assert.ok(table.examples.length >= 3);
  for (const ex of table.examples) {
    const doc = analyse(ex.input, '2019-04-20');
    const [phrase, id] = ex.expect.split(':') as [string, string];
    const at = doc.text.indexOf(phrase);
    assert.ok(at >= 0, `pair-anaphors.tsv:${ex.line}: "${phrase}" in the text`);
    const span = doc.layer('actor').find((s) => s.start === at && s.by === 'actors/pair');
    assert.equal((span?.attrs as unknown as ActorAttrs | undefined)?.id ?? '', id, `pair-anaphors.tsv:${ex.line}`);
  }
  // The event stage counts both as participants.
  const doc = analyse('Vladimir Putin praised ties with Kim Jong-un on Monday. A spokesman said the pair would meet in Vladivostok next week.', '2019-04-15');
  const meet = doc.layer('event').map((e) => e.attrs as { type: string; actors: { id: string }[] }).find((e) => e.type === 'CONSULT');
  assert.deepEqual(meet?.actors.map((a) => a.id).sort(), ['kim-jong-un', 'vladimir-putin']);
});

test('pronouns: a meeting told with "he" or "his talks" has both parties; "his father" stays kin', () => {
  const doc = analyse('Kim Jong-un crossed into Russia by train on Tuesday. He met Vladimir Putin on Thursday, and his talks with the Russian leader ran past lunch. He later left for home.', '2019-04-26');
  const meetings = doc.layer('event').filter((e) => (e.attrs as { type: string }).type === 'CONSULT');
  const withBoth = meetings.filter((e) => {
    const ids = ((e.attrs as { actors?: { id: string }[] }).actors ?? []).map((a) => a.id);
    return ids.includes('kim-jong-un') && ids.includes('vladimir-putin');
  });
  assert.ok(withBoth.length >= 1, JSON.stringify(meetings.map((e) => doc.slice(e))));
  const pronouns = doc.layer('actor').filter((s) => s.by === 'actors/pronoun');
  assert.deepEqual(pronouns.map((s) => [doc.slice(s), (s.attrs as unknown as ActorAttrs).id]), [['He', 'kim-jong-un'], ['his', 'kim-jong-un'], ['He', 'kim-jong-un']]);
  const kin = analyse('Kim Jong-un toured the shipyard on Friday. He stood where his father had stood in 2002.', '2019-04-26');
  assert.equal(actorAt(kin, 'his father')?.id, 'kim-jong-il');
  assert.ok(!kin.layer('actor').some((s) => s.by === 'actors/pronoun' && kin.text.startsWith('his father', s.start)));
});

test('actors: a loose "leader" refers back to the official just named, before the ruler is named', () => {
  // The ruler not yet named, the foreign minister just named: "the North Korean leader" is the minister.
  const doc = analyse('North Korean Foreign Minister Paek Nam Sun landed in Moscow on Monday. The North Korean leader then met the Russian prime minister.', '2002-05-23');
  assert.equal(actorAt(doc, 'North Korean leader')?.id, 'paek-nam-sun');
  // Once the article has named the ruler, or with no official of that country nearby, the role decides.
  const named = analyse('Kim Jong Il sent Paek Nam Sun to Moscow on Monday. The North Korean leader wants closer ties.', '2002-05-23');
  assert.equal(actorAt(named, 'North Korean leader')?.id, 'kim-jong-il');
  const none = analyse('Russian officials met in Moscow on Monday. The North Korean leader wants closer ties.', '2002-05-23');
  assert.equal(actorAt(none, 'North Korean leader')?.id, 'kim-jong-il');
  // "president" is no loose word: it names the office holder even after another official.
  const pres = analyse('Russian Foreign Minister Igor Ivanov flew to Seoul. The Russian president stayed in Moscow.', '2002-05-23');
  assert.equal(actorAt(pres, 'Russian president')?.id, 'vladimir-putin');
});
