import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Doc, type Span } from '../src/doc/doc.js';
import { documentSetting, hintAfter, localCue } from '../src/geo/context.js';
import { gazetteer } from '../src/geo/gazetteer.js';
import { normalisePlaceName } from '../src/geo/normalise.js';
import { capitalOf, placeData } from '../src/geo/places-data.js';
import { distanceKm, mostPopulous, resolveMentions } from '../src/geo/resolve.js';
import { placesStage } from '../src/stages/places.js';
import { loadTable } from '../src/util/knowledge.js';
import { SHARED, analyse, cli } from './helpers.js';

const places = (doc: Doc) => doc.layer('place').map((s) => ({ text: doc.slice(s), ...(s.attrs as { name: string; country: string | null; lat: number; lon: number }), label: s.label, by: s.by }));
const placeAt = (doc: Doc, surface: string) => places(doc).find((p) => p.text === surface);
const near = (lat: number, lon: number, p: { lat: number; lon: number } | undefined, km = 50) => !!p && distanceKm(lat, lon, p.lat, p.lon) <= km;

test('gazetteer: GeoNames towns with ids, countries and coordinates', () => {
  const g = gazetteer();
  assert.ok(g.stats.places > 190_000, `${g.stats.places} places`);
  const vlad = g.lookup('vladivostok').map((h) => h.row).find((r) => g.ccOf(r) === 'RU');
  assert.ok(vlad !== undefined);
  assert.equal(g.geonameid[vlad], 2013348);
  assert.ok(Math.abs(g.lat[vlad]! - 43.1) < 0.1 && Math.abs(g.lon[vlad]! - 131.9) < 0.1);
  // Khasan, the border village, is in the data as a town of its own.
  assert.ok(g.lookup('khasan').some((h) => g.ccOf(h.row) === 'RU' && !h.alt));
});

test('place names normalise: case, diacritics, possessives, Saint/St.', () => {
  assert.equal(normalisePlaceName('Moscow’s'), 'moscow');
  assert.equal(normalisePlaceName('St. Petersburg'), normalisePlaceName('Saint-Petersburg'));
  assert.equal(normalisePlaceName('Québec'), 'quebec');
  assert.equal(normalisePlaceName('Russky\n Island'), 'russky island');
});

test('knowledge examples: countries, regions, venues', () => {
  const d = placeData();
  const ex = (file: string, read: (input: string) => string | undefined) => {
    const t = loadTable(file);
    assert.ok(t.examples.length >= 3, file);
    for (const e of t.examples) assert.equal(read(e.input), e.expect, `${file}:${e.line}: ${e.input}`);
  };
  ex('places-countries.tsv', (i) => d.byKey.get(normalisePlaceName(i))?.find((r) => r.kind === 'country')?.country ?? undefined);
  ex('places-regions.tsv', (i) => d.byKey.get(normalisePlaceName(i))?.find((r) => r.kind === 'region')?.name);
  ex('places-venues.tsv', (i) => d.byKey.get(normalisePlaceName(i))?.[0]?.country ?? undefined);
  // Every region with a capital found its first-level code in GeoNames.
  assert.equal(d.byKey.get('primorye')?.[0]?.admin1, '59');
});

test('knowledge examples: place descriptions resolve in a sentence', () => {
  for (const e of loadTable('places-descriptions.tsv').examples) {
    const doc = analyse(`Officials met in Vladivostok. They later travelled to ${e.input} by train.`, '2019-04-25');
    const hit = places(doc).find((p) => e.input.endsWith(p.text) || p.text === e.input);
    assert.equal(hit?.name, e.expect, `places-descriptions.tsv:${e.line}: ${e.input} → ${JSON.stringify(places(doc))}`);
  }
});

test('places: Vladivostok, the border village of Khasan, the Russian capital', () => {
  const doc = analyse(
    'Kim Jong Un arrived in Vladivostok on Wednesday aboard his armoured train, which crossed the frontier at the border village of Khasan. ' +
      'The Far Eastern Russian city had been preparing for days. Putin flew in from the Russian capital and met Kim on Russky Island.',
    '2019-04-24',
  );
  const v = placeAt(doc, 'Vladivostok');
  assert.equal(v?.country, 'RUS');
  assert.ok(near(43.1, 131.9, v, 20), JSON.stringify(v));
  assert.equal(v?.label, 'city');
  const k = placeAt(doc, 'Khasan');
  assert.equal(k?.country, 'RUS');
  assert.ok(near(42.43, 130.65, k, 20), JSON.stringify(k));
  assert.match(k!.by, /^places\/cue:village-of/);
  assert.equal(placeAt(doc, 'the Russian capital')?.name, 'Moscow');
  assert.equal(placeAt(doc, 'The Far Eastern Russian city')?.name, 'Vladivostok');
  assert.equal(placeAt(doc, 'Russky Island')?.label, 'venue');
  // People are not places.
  for (const p of places(doc)) assert.ok(!/Kim|Putin/.test(p.text), p.text);
});

test('places: the North Korean capital, ports, countries and regions', () => {
  const doc = analyse('The delegation left the North Korean capital for the port of Nakhodka in Primorye, then went on to Khabarovsk and Beijing.', '2018-05-02');
  assert.equal(placeAt(doc, 'the North Korean capital')?.name, 'Pyongyang');
  assert.equal(placeAt(doc, 'Nakhodka')?.country, 'RUS');
  const p = placeAt(doc, 'Primorye');
  assert.equal(p?.label, 'region');
  assert.equal(p?.name, 'Primorsky Krai');
  assert.equal(placeAt(doc, 'Khabarovsk')?.country, 'RUS');
  assert.equal(placeAt(doc, 'Beijing')?.country, 'CHN');
  // Another common spelling of a capital.
  assert.equal(placeAt(analyse('The ministers met in Ulaanbaatar on Monday.', '2019-04-26'), 'Ulaanbaatar')?.country, 'MNG');
});

test('places: Paris in a Texas article is not Paris in a French one', () => {
  const texas = analyse('The fire in Paris spread quickly. Crews from Dallas and Tyler helped, the Texas forest service said.', '2009-03-02');
  const tx = placeAt(texas, 'Paris');
  assert.equal(tx?.country, 'USA', JSON.stringify(tx));
  assert.ok(near(33.66, -95.56, tx), JSON.stringify(tx));
  const france = analyse('Protesters marched in Paris and Lyon on Saturday, French police said.', '2019-01-12');
  const fr = placeAt(france, 'Paris');
  assert.equal(fr?.country, 'FRA');
  assert.ok(near(48.85, 2.35, fr), JSON.stringify(fr));
  // "Paris, Tenn." names its state outright.
  const tn = analyse('A new plant opens near Paris, Tenn., next year.', '2009-03-02');
  assert.ok(near(36.3, -88.33, placeAt(tn, 'Paris')), JSON.stringify(places(tn)));
});

test('places: a person named like a place is not tagged', () => {
  const doc = analyse('President Lincoln said the line would hold. Lincoln said more after the meeting, and Kim said nothing.', '2019-02-01');
  assert.deepEqual(places(doc), []);
  // The typed labels of the NER stage are honoured: a PER span is never a place, a LOC one may be.
  const typed = new Doc('t', 'Lincoln flew to Lincoln.', { source: 't', format: 'txt', title: null, publisher: null, url: null, published: null });
  const name = (start: number, end: number, label: string): Span => ({ start, end, label, by: 'test', confidence: 1 });
  typed.setLayer('name', [name(0, 7, 'PER'), name(16, 23, 'LOC')]);
  const out = placesStage.run(typed).place!;
  assert.deepEqual(out.map((s) => [s.start, s.label, (s.attrs as { country: string }).country]), [[16, 'city', 'USA']]);
});

test('places: lists are not "Town, State"; surnames alone stay people; St. Petersburg whole', () => {
  const doc = analyse('Envoys from China, Japan and South Korea met in St. Petersburg. The paper by Tom Barry was cited; according to Barry, the talks failed.', '2019-02-01');
  assert.equal(placeAt(doc, 'China')?.label, 'country', JSON.stringify(places(doc)));
  assert.equal(placeAt(doc, 'St. Petersburg')?.country, 'RUS', JSON.stringify(places(doc)));
  assert.ok(!places(doc).some((p) => p.text === 'Barry'), JSON.stringify(places(doc)));
});

test('places: a town inside an organisation name, not inside a newspaper title; small towns need support', () => {
  const doc = analyse('The Athens Police Department said the Washington Post story was wrong. Officers from Tyler and Jacksonville, Texas, helped.', '2009-03-02');
  assert.ok(places(doc).some((p) => p.text === 'Athens' && p.by.includes('name-in-org')), JSON.stringify(places(doc)));
  assert.ok(!places(doc).some((p) => p.text === 'Washington'), JSON.stringify(places(doc)));
  // A village of a few hundred, named bare, only where the article's region vouches for it.
  const alone = analyse('Greer said the plan was fine.', '2009-03-02');
  assert.deepEqual(places(alone), []);
});

test('places: possessives and names across a line break', () => {
  const doc = analyse('Moscow’s position hardened. Delegates met on Russky\nIsland and in Seoul’s Blue House.', '2019-02-01');
  const m = placeAt(doc, 'Moscow');
  assert.equal(m?.country, 'RUS', JSON.stringify(places(doc)));
  assert.equal(placeAt(doc, 'Seoul')?.country, 'KOR');
});

test('resolver: context chooses among same-named places; the baseline takes the largest', () => {
  const georgia = resolveMentions([{ start: 0, end: 7, text: 'Georgia' }, { start: 10, end: 17, text: 'Atlanta' }, { start: 20, end: 26, text: 'Macon' }]);
  assert.equal(georgia[0]!.place?.country, 'USA');
  const caucasus = resolveMentions([{ start: 0, end: 7, text: 'Georgia' }, { start: 10, end: 17, text: 'Tbilisi' }], { countries: ['RUS'] });
  assert.equal(caucasus[0]!.place?.country, 'GEO');
  assert.equal(mostPopulous('Paris')?.country, 'FRA');
  assert.equal(capitalOf('PRK')?.name, 'Pyongyang');
  assert.deepEqual(hintAfter('Moscow, Idaho, is small', 6), { country: 'USA', admin1: 'ID' });
  assert.deepEqual(documentSetting('Officials in Texas and the Russian delegation').admin1s, ['USA/TX']);
});

test('knowledge examples: US counties carry their state; local cues', () => {
  const d = placeData();
  const counties = loadTable('places-us-counties.tsv');
  assert.ok(counties.rows.length > 3000, `${counties.rows.length} counties`);
  for (const e of counties.examples) {
    const [name, state] = e.input.split(/,\s*/);
    assert.equal(d.byKey.get(normalisePlaceName(name!))?.find((r) => r.fcode === 'ADM2' && r.admin1 === state)?.admin1, e.expect, `places-us-counties.tsv:${e.line}`);
  }
  // A county lies where its towns are: Fulton County, Georgia, around Atlanta.
  const fulton = d.byKey.get('fulton county')!.find((r) => r.admin1 === 'GA')!;
  assert.ok(distanceKm(fulton.lat, fulton.lon, 33.75, -84.39) < 60);
  for (const e of loadTable('places-local-cues.tsv').examples) {
    // The example names the place its cue makes local.
    const start = e.input.indexOf(e.expect);
    assert.ok(start >= 0 && localCue(e.input, start, start + e.expect.length), `places-local-cues.tsv:${e.line}`);
  }
  assert.equal(localCue('Troops left Lebanon in May.', 12, 19), false);
});

test('resolver: a town and its county find each other; local cues; a name does not vouch for itself', () => {
  // Neither name says a state: only together do they point at Tennessee.
  const tn = resolveMentions([{ start: 0, end: 5, text: 'Paris' }, { start: 10, end: 22, text: 'Henry County' }]);
  assert.equal(tn[0]!.place?.admin1, 'TN', JSON.stringify(tn[0]));
  assert.equal(tn[1]!.place?.admin1, 'TN', JSON.stringify(tn[1]));
  // "a Lebanon man … Lebanon County": the Pennsylvania town, not the country.
  const text = 'A Lebanon man was charged on Monday, Lebanon police said. The Lebanon County court set bail.';
  const at = (w: string, from = 0) => text.indexOf(w, from);
  const ms = [
    { start: at('Lebanon'), end: at('Lebanon') + 7, text: 'Lebanon', local: localCue(text, at('Lebanon'), at('Lebanon') + 7) },
    { start: at('Lebanon police'), end: at('Lebanon police') + 7, text: 'Lebanon', local: localCue(text, at('Lebanon police'), at('Lebanon police') + 7) },
    { start: at('Lebanon County'), end: at('Lebanon County') + 14, text: 'Lebanon County' },
  ];
  assert.ok(ms[0]!.local && ms[1]!.local);
  const pa = resolveMentions(ms, documentSetting(text));
  assert.equal(pa[0]!.place?.country, 'USA', JSON.stringify(pa[0]));
  assert.equal(pa[0]!.place?.admin1, 'PA');
  // Without the cue the country stays the reading.
  assert.equal(resolveMentions([{ start: 0, end: 7, text: 'Lebanon' }])[0]!.place?.kind, 'country');
  assert.deepEqual([...documentSetting('Lebanon and Syria').named.get('LBN')!], ['lebanon']);
  // An English county beside an English town; a US county beside its seat.
  const uk = resolveMentions([{ start: 0, end: 9, text: 'Hampshire' }, { start: 12, end: 19, text: 'Andover' }, { start: 22, end: 29, text: 'England' }]);
  assert.equal(uk[0]!.place?.country, 'GBR');
  const ga = resolveMentions([{ start: 0, end: 12, text: 'Fulton County' }, { start: 15, end: 22, text: 'Atlanta' }]);
  assert.equal(ga[0]!.place?.admin1, 'GA');
});

test('resolver: "Town, State" inside one span; a country\'s initials where the text names it', () => {
  const dc = resolveMentions([{ start: 0, end: 16, text: 'Washington, D.C.' }]);
  assert.equal(dc[0]!.place?.admin1, 'DC', JSON.stringify(dc[0]));
  const ms = resolveMentions([{ start: 0, end: 12, text: 'Paris, Texas' }]);
  assert.equal(ms[0]!.place?.admin1, 'TX', JSON.stringify(ms[0]));
  // "SA" is South Africa only in an article that names South Africa.
  const text = 'Mining in South Africa slowed; SA exports fell.';
  const sa = resolveMentions([{ start: 31, end: 33, text: 'SA' }], documentSetting(text));
  assert.equal(sa[0]!.place?.country, 'ZAF', JSON.stringify(sa[0]));
  assert.notEqual(resolveMentions([{ start: 0, end: 2, text: 'SA' }])[0]!.place?.country, 'ZAF');
  // Demonyms of areas: "Soviet" → the USSR (placed at Russia), "Tamil" → Tamil Nadu.
  assert.equal(resolveMentions([{ start: 0, end: 6, text: 'Soviet' }])[0]!.place?.country, 'RUS');
  assert.equal(resolveMentions([{ start: 0, end: 5, text: 'Tamil' }])[0]!.place?.name, 'Tamil Nadu');
});

test('resolver: a state that other names lie in does not hand a large city\'s name to a small namesake', () => {
  // A national story: Columbus and Ohio named, Louisville alone is still the Kentucky city …
  const ms = ['Columbus', 'Ohio', 'Louisville', 'Texas', 'Boston'].map((text, i) => ({ start: i * 20, end: i * 20 + text.length, text }));
  const r = resolveMentions(ms, { countries: ['USA'] });
  assert.equal(r[2]!.place?.admin1, 'KY', JSON.stringify(r[2]));
  // … but a small town with a neighbour in the text keeps the local reading.
  const local = resolveMentions([{ start: 0, end: 10, text: 'Louisville' }, { start: 20, end: 26, text: 'Canton' }, { start: 30, end: 34, text: 'Ohio' }]);
  assert.equal(local[0]!.place?.admin1, 'OH', JSON.stringify(local[0]));
});

const GEO = path.join(SHARED, 'data/geo');
test('eval geo: scores a gold set beside the population baseline (when ../shared is present)', { skip: !existsSync(path.join(GEO, 'tr-news')) && 'skipped: ../shared/data/geo not found' }, () => {
  const r = cli(['eval', 'geo', '--data', path.join(GEO, 'tr-news')]);
  assert.equal(r.status, 0, r.stderr);
  const score = Object.fromEntries(/SCORE (.*)$/m.exec(r.stdout)![1]!.split(' ').map((kv) => kv.split('=') as [string, string]));
  assert.ok(Number(score.tr_news_acc161) > Number(score.tr_news_base_acc161), r.stdout);
  assert.ok(Number(score.tr_news_acc161) >= 0.8, r.stdout);
  const bad = cli(['eval', 'geo', '--data', path.join(GEO, 'tr-news', 'README.md')]);
  assert.notEqual(bad.status, 0);
});
