import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildDoc, readConllFile, scoreNer } from '../src/eval/conll.js';
import { findNames } from '../src/stages/names.js';
import { loadTable } from '../src/util/knowledge.js';
import { analyse, cli, tempDir } from './helpers.js';

/** The name layer as [text, label] pairs, with title and norm where set. */
function names(text: string): { text: string; label: string; title?: string; norm?: string; kind?: string }[] {
  const doc = analyse(text, '2019-04-25');
  return doc.layer('name').map((s) => ({ text: doc.slice(s), label: s.label, ...(s.attrs as object) }));
}

test('names: people with titles split off, Korean names hyphenated or spaced, possessives dropped', () => {
  const n = names('North Korean Foreign Minister Paek Nam Sun arrived in Moscow on Monday. Kim Jong Il and Kim Jong-il are one man, aides said.');
  assert.deepEqual(
    n.map((x) => [x.text, x.label, x.title ?? null]),
    [
      ['Paek Nam Sun', 'PER', 'North Korean Foreign Minister'],
      ['Moscow', 'LOC', null],
      ['Kim Jong Il', 'PER', null],
      ['Kim Jong-il', 'PER', null],
    ],
  );
  const p = names('Talks followed Putin’s arrival and Medvedev\'s speech.');
  assert.deepEqual(p.map((x) => [x.text, x.label]), [['Putin', 'PER'], ['Medvedev', 'PER']]);
});

test('names: a name across a line break keeps one span, with a normalised form', () => {
  const n = names('The talks were hosted by Vladimir\nPutin in the city.');
  assert.equal(n.length, 1);
  assert.equal(n[0]!.text, 'Vladimir\nPutin');
  assert.equal(n[0]!.label, 'PER');
  assert.equal(n[0]!.norm, 'Vladimir Putin');
});

test('names: organisations, news agencies and metonyms', () => {
  const n = names('The Russian Foreign Ministry said KCNA and Itar-Tass had it wrong. The Kremlin and the White House stayed silent, the Bank of Korea said.');
  assert.deepEqual(
    n.map((x) => [x.text, x.label]),
    [
      ['Russian Foreign Ministry', 'ORG'],
      ['KCNA', 'ORG'],
      ['Itar-Tass', 'ORG'],
      ['Kremlin', 'ORG'],
      ['White House', 'ORG'],
      ['Bank of Korea', 'ORG'],
    ],
  );
});

test('names: nationality words are no names, but MISC on request; common words opening a sentence are skipped', () => {
  const text = 'Russian officials met North Korean envoys. Results were mixed, Lavrov said.';
  assert.deepEqual(names(text).map((x) => x.text), ['Lavrov']);
  const doc = analyse(text, '2019-04-25');
  const misc = findNames(doc, { demonyms: true }).filter((s) => s.label === 'MISC').map((s) => doc.slice(s));
  assert.deepEqual(misc, ['Russian', 'North Korean']);
});

test('names: a headline in capitals yields only names the gazetteers know', () => {
  const n = names('RUSSIA AND NORTH KOREA SIGN NEW TREATY\n\nThe two sides met in Vladivostok.');
  assert.deepEqual(n.map((x) => [x.text, x.label]), [['RUSSIA', 'LOC'], ['NORTH KOREA', 'LOC'], ['Vladivostok', 'LOC']]);
});

test('names: given names from the lexicon, a surname alone follows the full name, a place named like a surname', () => {
  const n = names('Randall Bostwick signed on Monday. Bostwick, 31, said he was happy. Tennis star Dorothea Washington beat her rival, and Washington said later she was tired.');
  const label = (t: string) => n.filter((x) => x.text === t).map((x) => x.label);
  assert.deepEqual(label('Randall Bostwick'), ['PER']);
  assert.deepEqual(label('Bostwick'), ['PER']);
  assert.deepEqual(label('Washington'), ['PER']);
  // "Christian" opens a person's name here: no leading nationality split off.
  assert.deepEqual(names('The pitcher Christian Morrow retired.').map((x) => [x.text, x.label]), [['Christian Morrow', 'PER']]);
  // "van der" inside a name.
  assert.deepEqual(names('A try by Piet van der Merwe won it.').map((x) => [x.text, x.label]), [['Piet van der Merwe', 'PER']]);
});

test('names: context cues pooled per name, list neighbours, place and organisation words', () => {
  const n = names('Shares of Zandorix fell on Friday. Zandorix said profits would recover. The rebels held the village of Kambuli. Buyers included Reuters, Zentravo and Interfax. Crowds gathered in Lindholm Square near the Ostrava River.');
  const label = (t: string) => n.filter((x) => x.text === t).map((x) => x.label);
  assert.deepEqual(label('Zandorix'), ['ORG', 'ORG']);
  assert.deepEqual(label('Kambuli'), ['LOC']);
  assert.deepEqual(label('Zentravo'), ['ORG']);
  assert.deepEqual(label('Lindholm Square'), ['LOC']);
  assert.deepEqual(label('Ostrava River'), ['LOC']);
  // "Ontario-based Magnor Industries" is two mentions: an adjective (MISC) and the company.
  const m = names('The deal helps Ontario-based Magnor Industries grow.');
  assert.deepEqual(m.map((x) => [x.text, x.label]), [['Ontario-based', 'MISC'], ['Magnor Industries', 'ORG']]);
});

test('names: sports reports: team results, cricket scorecards, players in a sport of players', () => {
  const team = names('SOCCER - LEAGUE RESULTS\n\nResults of matches played on Saturday:\n\nBrechin 3 Clydebank 1\n\nDumbarton 0 Stranraer 2');
  assert.deepEqual(team.filter((x) => x.label === 'ORG').map((x) => x.text), ['Brechin', 'Clydebank', 'Dumbarton', 'Stranraer']);
  const cricket = names('CRICKET - SCOREBOARD\n\nJ. Smith c Pemberton b Kallicharan 45\n\nBowling: Kallicharan 10-1-43-2');
  assert.deepEqual([...new Set(cricket.filter((x) => x.text === 'Pemberton' || x.text === 'Kallicharan').map((x) => x.label))], ['PER']);
  const golf = names('GOLF - HENKEL LEADS\n\nHenkel shot a 67 on Thursday. The crowd at Brookline cheered as Henkel, who turned professional last year, holed out.');
  assert.deepEqual([...new Set(golf.filter((x) => x.text === 'Henkel').map((x) => x.label))], ['PER']);
});

test('knowledge examples: names tables', () => {
  for (const file of ['ner-places.tsv', 'ner-orgs.tsv', 'ner-org-words.tsv', 'ner-place-words.tsv', 'ner-suffixes.tsv']) {
    const t = loadTable(file);
    assert.ok(t.examples.length >= 2, file);
    for (const ex of t.examples) {
      const input = ex.input.replace(/^the /, '');
      const doc = analyse(`Officials said on Monday that ${ex.input} agreed.`, '2019-04-25');
      const hit = doc.layer('name').find((s) => doc.slice(s) === input);
      assert.equal(hit?.label, ex.expect, `${file}:${ex.line}: ${ex.input}`);
    }
  }
  const demonyms = loadTable('demonyms.tsv');
  for (const ex of demonyms.examples) assert.equal(demonyms.rows.find((r) => r.demonym === ex.input)?.country, ex.expect, `demonyms.tsv:${ex.line}`);
});

test('conll: text rebuilt from tokens with gold spans; exact span and type scoring', () => {
  const doc = buildDoc('d', [
    { tokens: ['Lavrov', 'met', 'Kim', 'Jong', 'Un', "'s", 'envoy', 'in', 'Pyongyang', '.'], tags: ['B-PER', 'O', 'B-PER', 'I-PER', 'I-PER', 'O', 'O', 'O', 'B-GPE', 'O'] },
    { tokens: ['(', 'KCNA', ')'], tags: ['O', 'B-ORG', 'O'] },
  ]);
  assert.equal(doc.text, "Lavrov met Kim Jong Un's envoy in Pyongyang.\n\n(KCNA)");
  assert.deepEqual(doc.gold.map((g) => [doc.text.slice(g.start, g.end), g.type]), [['Lavrov', 'PER'], ['Kim Jong Un', 'PER'], ['Pyongyang', 'LOC'], ['KCNA', 'ORG']]);
  const s = scoreNer([{ gold: doc.gold, system: [doc.gold[0]!, { ...doc.gold[1]!, end: doc.gold[1]!.end - 3 }, { ...doc.gold[2]!, type: 'ORG' }] }]);
  assert.deepEqual([s.PER.tp, s.PER.fp, s.PER.fn, s.ORG.fp, s.LOC.fn, s.ALL.tp], [1, 1, 1, 1, 1, 1]);
});

test('eval ner: reads a CoNLL file, scores ours and compromise, ends with SCORE', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'mini.txt');
  const rows = [
    '-DOCSTART- -X- -X- O', '',
    'Sergei NNP B-NP B-PER', 'Lavrov NNP I-NP I-PER', 'flew VBD B-VP O', 'to TO B-PP O', 'Pyongyang NNP B-NP B-LOC', '. . O O', '',
    'The DT B-NP O', 'Foreign NNP I-NP B-ORG', 'Ministry NNP I-NP I-ORG', 'confirmed VBD B-VP O', 'it PRP B-NP O', '. . O O', '',
  ];
  writeFileSync(file, rows.join('\n'));
  assert.equal(readConllFile(file).length, 1);
  const r = cli(['eval', 'ner', '--data', file]);
  assert.equal(r.status, 0, r.stderr);
  const last = r.stdout.trim().split('\n').pop()!;
  assert.match(last, /^SCORE f1=1 .*compromise_f1=/);
  assert.match(r.stdout, /compromise/);
});

test('names: towns in a sports results line are teams; in other news they stay places', () => {
  const sports = names('SOCCER - ENGLISH LEAGUE RESULTS\n\nLONDON 1996-12-07\n\nResults of English league matches on Saturday:\n\nLeicester 4 Arsenal 2');
  assert.deepEqual(sports.filter((x) => x.text === 'Leicester' || x.text === 'LONDON').map((x) => [x.text, x.label]), [['LONDON', 'LOC'], ['Leicester', 'ORG']]);
  const politics = names('Arab League summit opens in Cairo\n\nLeaders of the league met in Cairo on Saturday.');
  assert.deepEqual(politics.filter((x) => x.text === 'Cairo').map((x) => x.label), ['LOC', 'LOC']);
});

test('names: a results line or standings row of a team sport is names between numbers, whatever their words', () => {
  const n = names(
    'SOCCER - NORTHERN LEAGUE RESULTS\n\nResults of Northern league matches on Saturday:\n\nWatford Town 2 Mill of Tay 1\n\nBakers 0 Rovno (K) 3\n\nStandings:\n\nGreenock Rovers 3 2 1 0 7 2 7\n\nScotland 1 Norway 0',
  );
  assert.deepEqual(
    n.filter((x) => x.label === 'ORG' || x.label === 'LOC').map((x) => [x.text, x.label]),
    [
      ['Watford Town', 'ORG'],
      ['Mill of Tay', 'ORG'],
      ['Bakers', 'ORG'],
      ['Rovno (K)', 'ORG'],
      ['Greenock Rovers', 'ORG'],
      ['Scotland', 'LOC'],
      ['Norway', 'LOC'],
    ],
  );
  // Not a results line: a sentence with two numbers keeps its ordinary mentions.
  const prose = names('SOCCER - REPORT\n\nWatford won 2 of their 3 games, Smith said.');
  assert.ok(!prose.some((x) => x.text.includes('2')));
});

test('names: a driver\'s team after his country and a lap time; a sport\'s name in capitals is no town', () => {
  const motor = names('MOTOR RACING - QUALIFYING TIMES\n\n1. Tomas Berglund (Sweden), Reynard Honda, 52.113\n\n2. Ivo Marsh (Canada), Lola Ford, 52.340');
  assert.deepEqual(
    motor.filter((x) => x.label !== 'LOC').map((x) => [x.text, x.label]),
    [
      ['Tomas Berglund', 'PER'],
      ['Reynard Honda', 'ORG'],
      ['Ivo Marsh', 'PER'],
      ['Lola Ford', 'ORG'],
    ],
  );
  const rugby = names('RUGBY UNION - WELSH SIDE WIN AGAIN\n\nThe side won again on Saturday.');
  assert.ok(!rugby.some((x) => x.text === 'RUGBY' || x.text === 'UNION'));
});

test('names: the sides beside a result verb in a capitals headline, teams or players by the sport', () => {
  const team = names('BASKETBALL - ZALGIRIS BEAT OLIMPIJA 88-80.\n\nVILNIUS 1996-12-06\n\nThe visitors led at halftime.');
  assert.deepEqual(team.filter((x) => x.label === 'ORG').map((x) => x.text), ['ZALGIRIS', 'OLIMPIJA']);
  const players = names('ATHLETICS - KORIR DEFEATS TANUI IN ZURICH.\n\nThe race was run on Friday.');
  assert.deepEqual(players.filter((x) => x.label === 'PER').map((x) => x.text), ['KORIR', 'TANUI']);
  const country = names('SOCCER - U.S. BEAT GIBRALTAR 3-1.\n\nThe match was played on Sunday.');
  assert.deepEqual(country.map((x) => [x.text, x.label]), [['U.S.', 'LOC'], ['GIBRALTAR', 'LOC']]);
});

test('names: a substitute with his minute in a line-up is a player', () => {
  const n = names('SOCCER - FRIENDLY\n\nWales: Dai Price, Huw Jenkins (Carwyn Thomas 71st), Ifor Bowen (Penrallt 80th)');
  assert.deepEqual(n.filter((x) => x.text === 'Carwyn Thomas' || x.text === 'Penrallt').map((x) => [x.text, x.label]), [['Carwyn Thomas', 'PER'], ['Penrallt', 'PER']]);
});

test('names: a list of unknown one-word names in a team report is a line-up of players', () => {
  const n = names('SOCCER - WALES NAME SQUAD\n\nThe coach named his team on Friday.\n\nDid not play: Pryderi, Caradog, Gwythyr.');
  assert.deepEqual(n.filter((x) => ['Pryderi', 'Caradog', 'Gwythyr'].includes(x.text)).map((x) => x.label), ['PER', 'PER', 'PER']);
});

test('names: a place or body in capitals before an event word names the event; bowling figures name a bowler', () => {
  const n = names('SQUASH - LISBON OPEN SEMIFINAL RESULTS.\n\nTENNIS - DRAW FOR 1998 FED CUP.');
  assert.deepEqual(n.map((x) => [x.text, x.label]), [['LISBON OPEN', 'MISC'], ['FED CUP', 'MISC']]);
  const cricket = names('CRICKET - SCOREBOARD\n\nBowling: Tremlow 10-0-41-2, Askwith 6-1-30-0');
  assert.deepEqual(cricket.filter((x) => x.text === 'Tremlow' || x.text === 'Askwith').map((x) => x.label), ['PER', 'PER']);
});

test('names: partners joined by an ampersand are a firm', () => {
  const n = names('Harlan & Voss said on Monday that Douglas Keane & Co would advise it.');
  assert.deepEqual(n.map((x) => [x.text, x.label]), [['Harlan & Voss', 'ORG'], ['Douglas Keane & Co', 'ORG']]);
});

test('names: a number after a comma is an age only when no unit follows it', () => {
  const n = names('Gunmen attacked a convoy in Morrillo state on Friday. Police in the town of Velanto, Morrillo, 80 km south of the capital, said six men fled.');
  assert.deepEqual([...new Set(n.filter((x) => x.text === 'Morrillo').map((x) => x.label))], ['LOC']);
  const p = names('Officials said Dravik, 45, was arrested. Dravik denied it.');
  assert.deepEqual([...new Set(p.filter((x) => x.text === 'Dravik').map((x) => x.label))], ['PER']);
});

test('names: "said broker X" names a person, "brokerage X" a firm', () => {
  const n = names('Prices will rise, said broker Khadim Mehboob. The brokerage Zalcom said prices would fall.');
  assert.deepEqual(n.map((x) => [x.text, x.label]), [['Khadim Mehboob', 'PER'], ['Zalcom', 'ORG']]);
});

test('names: in a team report a town after a player\'s move or post is a club', () => {
  const n = names('SOCCER - STRIKER MOVES\n\nThe striker, who scored twice in the league on Saturday, was transferred to Bergamo in 1994 and joined Verona from Bergamo last year.');
  assert.deepEqual(n.filter((x) => x.text === 'Bergamo').map((x) => x.label), ['ORG', 'ORG']);
});

test('names: an "and" inside an organisation\'s name joins it; two names in a list stay two', () => {
  const n = names('The Provincial Roads and Waterways Authority met the Sports Ministry and Culture Ministry officials, and Reuters and Tass News Agency reported it.');
  assert.deepEqual(n.map((x) => [x.text, x.label]), [
    ['Provincial Roads and Waterways Authority', 'ORG'],
    ['Sports Ministry', 'ORG'],
    ['Culture Ministry', 'ORG'],
    ['Reuters', 'ORG'],
    ['Tass News Agency', 'ORG'],
  ]);
});

test('names: an acronym before a place are two names ("the OSCE Bosnia mission")', () => {
  const n = names('Officials of the OSCE Bosnia mission met on Monday.');
  assert.deepEqual(n.map((x) => [x.text, x.label]), [['OSCE', 'ORG'], ['Bosnia', 'LOC']]);
});

test('names: a lone letter is no name ("N / A", "C$ 1.15")', () => {
  const n = names('Revenue N / A. The bond fell C$ 0.45 to C$ 101.15, N. Okoro said.');
  assert.deepEqual(n.map((x) => x.text), ['N. Okoro']);
});

test('names: a title word ending a name that opens with a given name is a surname; alone it follows that name', () => {
  const n = names('Mary Ellen Bishop named the squad on Monday. Bishop said she was happy. The Bishop of Leeds agreed.');
  assert.deepEqual(n.filter((x) => x.label === 'PER').map((x) => x.text), ['Mary Ellen Bishop', 'Bishop']);
  const alone = names('The team arrived. President said nothing.');
  assert.deepEqual(alone.map((x) => x.text), []);
});

test('names: an Arabic article joined to a name keeps it in the name ("Sami al-Harthi", "al-Zahra mosque")', () => {
  const n = names('Police arrested their leader Sami al-Harthi on Friday. Hundreds prayed at the al-Zahra mosque.');
  assert.deepEqual(n.map((x) => [x.text, x.label]), [['Sami al-Harthi', 'PER'], ['al-Zahra', 'LOC']]);
});

test('names: a place opening a title is a name of its own ("U.S. President X")', () => {
  const n = names('U.S. President Ellen Marsh met Hong Kong Financial Secretary Paul Wong on Friday.');
  assert.deepEqual(n.map((x) => [x.text, x.label, x.title ?? null]), [
    ['U.S.', 'LOC', null],
    ['Ellen Marsh', 'PER', 'U.S. President'],
    ['Hong Kong', 'LOC', null],
    ['Paul Wong', 'PER', 'Hong Kong Financial Secretary'],
  ]);
});

test('names: a known organisation or acronym opening a title is a name of its own; a title\'s own words are not', () => {
  const n = names('In Geneva, UN Secretary General Paul Wong met the Supreme Leader.');
  assert.deepEqual(n.map((x) => [x.text, x.label]), [['Geneva', 'LOC'], ['UN', 'ORG'], ['Paul Wong', 'PER']]);
});

test('names: a headline in title case keeps its names apart from its verbs', () => {
  const text = 'Lavrov Will Not Visit Tokyo Summit, Ministry Says\n\nSergei Lavrov will not visit Tokyo next week for the summit, the ministry says, and no talks are planned.';
  const got = names(text).map((n) => n.text);
  assert.ok(got.includes('Lavrov'), JSON.stringify(got));
  assert.ok(got.includes('Tokyo'), JSON.stringify(got));
  // Words the article writes in lower case ("will", "not", "visit", "summit") are no name words.
  assert.ok(!got.some((n) => /Will|Visit|Summit/.test(n)), JSON.stringify(got));
});
