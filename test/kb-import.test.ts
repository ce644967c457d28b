import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ActorAttrs } from '../src/actors/resolve.js';
import { actorEvidence } from '../src/actors/evidence.js';
import { parseActorDictionary, parseCountryInfo, readDictionary, KbImportError } from '../src/kb/import.js';
import { resetKb } from '../src/kb/kb.js';
import { Store } from '../src/store/store.js';
import { analyse, cli, SHARED, tempDir } from './helpers.js';

const DICTS = path.join(SHARED, 'data/event-coding/dictionaries');
const HAVE = existsSync(path.join(DICTS, 'Phoenix.Countries.actors.txt'));

// A small dictionary in the PETRARCH format, written for this test (invented people).
const TOY = [
  '# toy actors',
  'ARNOLD_VESTIBULE_  # CountryInfo.txt',
  '+ARNIE_VESTIBULE_',
  '\t[MNGGOV 990101-031231]',
  '\t[MNGMIL >040101]',
  'ULAANBAATAR_RAILWAYS_ [MNGBUS]',
  '<!-- a comment block',
  'NOT_AN_ENTRY_ [XXX]',
  '-->',
  'TSAGAAN_NUUR_  # leader of a fictional council',
  '\t[MNGGOV 20100301-20121130]',
].join('\n');

test('kb import: PETRARCH actor format, dates with two- and four-digit years, synonyms, comment blocks', () => {
  const { rows, warnings } = parseActorDictionary(TOY, 'toy.txt');
  assert.deepEqual(warnings, []);
  const arnold = rows.filter((r) => r.id === 'arnold-vestibule');
  assert.deepEqual(
    arnold.map((r) => [r.kind, r.country, r.sector, r.start, r.end]),
    [
      ['person', 'MNG', 'government', '1999-01-01', '2003-12-31'],
      ['person', 'MNG', 'military', '2004-01-01', ''],
    ],
  );
  assert.deepEqual(arnold[0]!.aliases, ['Arnie Vestibule']);
  assert.equal(rows.find((r) => r.id === 'ulaanbaatar-railways')?.kind, 'org');
  assert.ok(!rows.some((r) => r.id === 'not-an-entry'));
  assert.deepEqual(rows.filter((r) => r.id === 'tsagaan-nuur').map((r) => [r.start, r.end]), [['2010-03-01', '2012-11-30']]);
});

test('kb import: CountryInfo leaders by office and government entries', () => {
  const text = [
    '<Country>',
    '<CountryCode>MNG</CountryCode>',
    '<Leaders>',
    '\t<Presidents>',
    '\t\tBAT_ERDENE_\t\t[19900301 - 19970620]  [B:19400101]',
    '\t\tODON_TUR_\t\t[>20090618]',
    '\t</Presidents>',
    '\t<Foreign ministers>',
    '\t\tSAIKHAN_BILEG_\t\t[20000101 - 20040930]',
    '\t</Foreign ministers>',
    '</Leaders>',
    '<Government>',
    '\t{GANBOLD_TSEREN_}{GANBOLD_TSERENGIIN_}\t[MNGGOVDEF 20050101 - 20080630]\t# Minister of Defense',
    '</Government>',
    '</Country>',
  ].join('\n');
  const { rows } = parseCountryInfo(text, 'ci.txt');
  assert.deepEqual(
    rows.map((r) => [r.name, r.country, r.role, r.start, r.end]),
    [
      ['Bat Erdene', 'MNG', 'hos', '1990-03-01', '1997-06-20'],
      ['Odon Tur', 'MNG', 'hos', '2009-06-18', ''],
      ['Saikhan Bileg', 'MNG', 'fm', '2000-01-01', '2004-09-30'],
      ['Ganbold Tseren', 'MNG', 'official', '2005-01-01', '2008-06-30'],
    ],
  );
  assert.equal(rows[3]!.title, 'Minister of Defense');
  assert.deepEqual(rows[3]!.aliases, ['Ganbold Tserengiin']);
  assert.throws(() => parseCountryInfo('<Country>\n<CountryCode>MNG</CountryCode>\n', 'open.txt'), /open\.txt: the last <Country> is not closed/);
});

test('kb import: a file of another kind is refused with its name and the reason', (t) => {
  const dir = tempDir(t);
  const csv = path.join(dir, 'countries.csv');
  writeFileSync(csv, ['code,name,iso3', ...Array.from({ length: 40 }, (_, i) => `C${i},Country ${i},C${String(i).padStart(2, '0')}`)].join('\n'));
  assert.throws(() => readDictionary(csv), (e: Error) => e instanceof KbImportError && /countries\.csv: not an actor dictionary/.test(e.message));
  const agents = path.join(dir, 'agents.txt');
  writeFileSync(agents, '!PERSON! = MAN, MEN, WOMAN\nPRESIDENT [~GOVPRS]\n');
  assert.throws(() => readDictionary(agents), /agents\.txt:1: an agents dictionary/);
  const db = path.join(dir, 'k.db');
  const r = cli(['kb', 'import', csv, '--db', db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /countries\.csv: not an actor dictionary/);
  const missing = cli(['kb', 'import', path.join(dir, 'nope.txt'), '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.txt: cannot read \(ENOENT\)/);
});

test('kb import --out: a user KB file the actors stage reads through SUMMITRY_KB', (t) => {
  const dir = tempDir(t);
  const src = path.join(dir, 'toy.txt');
  const out = path.join(dir, 'toy.tsv');
  writeFileSync(src, TOY);
  const r = cli(['kb', 'import', src, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /3 rows|4 rows/);
  process.env.SUMMITRY_KB = out;
  resetKb();
  try {
    const doc = analyse('Arnie Vestibule inspected the border post on Tuesday.', '2001-05-02');
    const a = doc.layer('actor')[0]?.attrs as unknown as ActorAttrs;
    assert.deepEqual([a?.id, a?.country, a?.sector], ['arnold-vestibule', 'MNG', 'government']);
  } finally {
    delete process.env.SUMMITRY_KB;
    resetKb();
  }
});

test('kb import: the Phoenix and CountryInfo files in ../shared, read in place, into the store', { skip: HAVE ? false : 'needs ../shared/data/event-coding/dictionaries' }, async (t) => {
  const countries = readDictionary(path.join(DICTS, 'Phoenix.Countries.actors.txt'));
  assert.ok(countries.rows.length > 20_000, `${countries.rows.length} rows`);
  assert.ok(countries.warnings.length < 20, countries.warnings.join('\n'));
  // The stale code the README warns about: Kim Jong-il only from December 2004.
  assert.deepEqual(countries.rows.filter((r) => r.id === 'kim-jong-il').map((r) => [r.country, r.start]), [['PRK', '2004-12-01']]);
  const info = readDictionary(path.join(DICTS, 'CountryInfo.120116.txt'));
  assert.ok(info.rows.some((r) => r.id === 'paek-nam-sun' && r.title === 'Minister of Foreign Affairs'));
  assert.ok(info.rows.some((r) => r.country === 'RUS' && r.role === 'hos' && r.name === 'Vladimir Putin'));
  const dir = tempDir(t);
  const db = path.join(dir, 'k.db');
  const r = cli(['kb', 'import', path.join(DICTS, 'Phoenix.MilNonState.actors.txt'), '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /1021 rows/);
  // Importing the same file again replaces its rows.
  cli(['kb', 'import', path.join(DICTS, 'Phoenix.MilNonState.actors.txt'), '--db', db]);
  const store = await Store.open(db);
  try {
    const n = await store.db.selectFrom('kb_actors' as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number((n as { n: number }).n), 1021);
  } finally {
    await store.close();
  }
});

test('store: people an article introduces with a title are kept with the article as evidence', async (t) => {
  const dir = tempDir(t);
  const a1 = path.join(dir, 'a1.txt');
  const a2 = path.join(dir, 'a2.txt');
  writeFileSync(a1, 'Delegates were met by Pavel Ostrovsky, deputy governor of the Amur region, on Monday.\n');
  writeFileSync(a2, 'Amur governor Pavel Ostrovsky opened the new bridge to China on Friday.\n');
  const db = path.join(dir, 's.db');
  assert.equal(cli(['ingest', a1, '--db', db, '--published', '2016-09-02']).status, 0);
  assert.equal(cli(['ingest', a2, '--db', db, '--published', '2017-05-19']).status, 0);
  const store = await Store.open(db);
  try {
    const ev = await actorEvidence(store, 'pavel-ostrovsky');
    assert.deepEqual(
      ev.map((e) => [e.title, e.reported, e.inKb]),
      [
        ['deputy governor of the Amur region', '2016-09-02', false],
        ['Amur governor', '2017-05-19', false],
      ],
    );
    assert.equal(readFileSync(a2, 'utf8').slice(ev[1]!.start, ev[1]!.end), 'Pavel Ostrovsky');
  } finally {
    await store.close();
  }
});

test('kb import into a store: later ingests into that store resolve the imported people, in-process and in worker threads', async (t) => {
  const dir = tempDir(t);
  const dict = path.join(dir, 'toy.txt');
  writeFileSync(dict, TOY);
  const article = path.join(dir, 'visit.txt');
  writeFileSync(article, 'Arnie Vestibule inspected the new customs post at the border on Tuesday.\n');
  const actorsOf = async (db: string) => {
    const store = await Store.open(db);
    try {
      const rows = await store.db.selectFrom('layers').select('spans').where('layer', '=', 'actor').execute();
      return rows.flatMap((r) => (JSON.parse(r.spans) as { attrs: ActorAttrs }[]).map((s) => [s.attrs.id, s.attrs.country]));
    } finally {
      await store.close();
    }
  };
  // Without the import the name is unknown to the KB.
  const plain = path.join(dir, 'plain.db');
  assert.equal(cli(['ingest', article, '--db', plain, '--published', '2001-05-02']).status, 0);
  assert.ok(!(await actorsOf(plain)).some(([id]) => id === 'arnold-vestibule'));
  for (const workers of ['0', '2']) {
    const db = path.join(dir, `kb${workers}.db`);
    assert.equal(cli(['kb', 'import', dict, '--db', db]).status, 0);
    const r = cli(['ingest', article, '--db', db, '--published', '2001-05-02', '--workers', workers]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual((await actorsOf(db)).filter(([id]) => id === 'arnold-vestibule'), [['arnold-vestibule', 'MNG']], `workers ${workers}`);
  }
});
