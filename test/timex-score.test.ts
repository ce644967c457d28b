import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseTimeML,
  readTimeMLDir,
  readMeantimeTimexJsonl,
  writeTimeML,
  normaliseDct,
  type GoldTimex,
} from '../src/eval/timeml.js';
import {
  scoreTimex,
  formatTimexReport,
  alignTimexes,
  canonicalWeekValue,
  type SystemTimex,
  type TimexScores,
} from '../src/eval/timex-score.js';

// All documents below are made up for these tests.

const HEAD =
  '<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<DOCID>TEST001</DOCID>\n';
const dct = (value: string) =>
  `<DCT><TIMEX3 tid="t0" type="DATE" value="${value}" temporalFunction="false" functionInDocument="CREATION_TIME">${value}</TIMEX3></DCT>\n`;
const doc = (dctXml: string, text: string, extra = '') => `${HEAD}${dctXml}${extra}<TEXT>${text}</TEXT>\n<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>\n</TimeML>\n`;
const tx = (attrs: string, body: string) => `<TIMEX3 tid="t9" ${attrs}>${body}</TIMEX3>`;

// ---------------------------------------------------------------------------
// parsing

const parseCases: {
  name: string;
  xml: string;
  text: string;
  dct: string | null;
  gold: Partial<GoldTimex>[];
}[] = [
  {
    name: 'plain timexes, events and signals stripped, offsets into stripped text',
    xml: doc(
      dct('2003-05-14'),
      `\nThe council <EVENT eid="e1" class="OCCURRENCE">met</EVENT> ${tx('type="DATE" value="2003-05-13"', 'yesterday')} <SIGNAL sid="s1">for</SIGNAL> ${tx('value="PT3H" type="DURATION"', 'three hours')}.\n`,
    ),
    text: '\nThe council met yesterday for three hours.\n',
    dct: '2003-05-14',
    gold: [
      { text: 'yesterday', type: 'DATE', value: '2003-05-13' },
      { text: 'three hours', type: 'DURATION', value: 'PT3H' },
    ],
  },
  {
    name: 'entities decoded before offsets are taken',
    xml: doc(
      dct('2010-01-02'),
      `Smith &amp; Sons said &quot;2 &lt; 3&quot; &#8212; it&apos;s ${tx('type="DATE" value="2010-01"', 'this month&#x2019;s')} plan &gt; all.`,
    ),
    text: 'Smith & Sons said "2 < 3" \u2014 it\'s this month\u2019s plan > all.',
    dct: '2010-01-02',
    gold: [{ text: 'this month\u2019s', value: '2010-01' }],
  },
  {
    name: 'nested tags inside and around a timex; mod and tid kept',
    xml: doc(
      dct('1999-07-01'),
      `Talks <EVENT eid="e2" class="OCCURRENCE">end <TIMEX3 tid="t4" type="DATE" value="1999-08" mod="START">early <SIGNAL sid="s2">next</SIGNAL> month</TIMEX3></EVENT> here.`,
    ),
    text: 'Talks end early next month here.',
    dct: '1999-07-01',
    gold: [{ text: 'early next month', value: '1999-08', mod: 'START', tid: 't4' }],
  },
  {
    name: 'a TIMEX3 nested in a TIMEX3 gives two gold spans',
    xml: doc(dct('2007-03-03'), `Works run ${tx('type="DURATION" value="P2Y"', 'from ' + tx('type="DATE" value="2008"', '2008') + ' to 2010')}.`),
    text: 'Works run from 2008 to 2010.',
    dct: '2007-03-03',
    gold: [
      { text: 'from 2008 to 2010', type: 'DURATION' },
      { text: '2008', type: 'DATE' },
    ],
  },
  {
    name: 'timexes in TITLE and the DCT are not gold; DCT time part dropped',
    xml: doc(
      dct('1995-11-20T09:30:00'),
      `Nothing timed here.`,
      `<TITLE>Report of ${tx('type="DATE" value="1995-11-19"', 'Sunday')}</TITLE>\n`,
    ),
    text: 'Nothing timed here.',
    dct: '1995-11-20',
    gold: [],
  },
  {
    name: 'TE3input form: DCT and untagged text',
    xml: doc(dct('2012-12-12'), '\nA fair opened on Tuesday.\n'),
    text: '\nA fair opened on Tuesday.\n',
    dct: '2012-12-12',
    gold: [],
  },
  {
    name: 'no DCT at all gives null; comments, CDATA and empty TIMEX3 handled',
    xml: `${HEAD}<TEXT>On <!-- note --><![CDATA[a <b>]]> ${tx('type="SET" value="P1W"', 'weekly')} basis<TIMEX3 tid="t5" type="DATE" value="PAST_REF"/>.</TEXT></TimeML>`,
    text: 'On a <b> weekly basis.',
    dct: null,
    gold: [{ text: 'weekly', type: 'SET', value: 'P1W' }],
  },
  {
    name: 'attributes with single quotes and > inside values',
    xml: doc(dct('2001-01-01'), `By <TIMEX3 type='DATE' value='2001' comment="a>b">this year</TIMEX3>.`),
    text: 'By this year.',
    dct: '2001-01-01',
    gold: [{ text: 'this year', type: 'DATE', value: '2001' }],
  },
];

for (const c of parseCases) {
  test(`parseTimeML: ${c.name}`, () => {
    const d = parseTimeML(c.xml, 'x.tml');
    assert.equal(d.name, 'x.tml');
    assert.equal(d.text, c.text);
    assert.equal(d.dct, c.dct);
    assert.equal(d.gold.length, c.gold.length);
    c.gold.forEach((want, i) => {
      const got = d.gold[i];
      assert.ok(got);
      assert.equal(d.text.slice(got.start, got.end), got.text);
      for (const [k, v] of Object.entries(want)) assert.equal(got[k as keyof GoldTimex], v, `${k} of gold ${i}`);
    });
  });
}

test('parseTimeML: rawText is the TEXT inner content exactly', () => {
  const inner = `\nHe <EVENT eid="e1">left</EVENT> ${tx('type="DATE" value="2004"', 'in 2004')} &amp; stayed.\n`;
  const d = parseTimeML(doc(dct('2005-01-01'), inner), 'y.tml');
  assert.equal(d.rawText, inner);
  assert.equal(d.text, '\nHe left in 2004 & stayed.\n');
});

const dctCases: [string | null | undefined, string | null][] = [
  ['2009-02-03', '2009-02-03'],
  ['1998-02-13T14:26:00', '1998-02-13'],
  ['19980108', '1998-01-08'],
  ['03-02-2009', '2009-02-03'], // DD-MM-YYYY (MEANTIME quirk)
  ['02-25-2009', '2009-02-25'], // second part > 12: MM-DD
  ['PRESENT_REF', null],
  ['', null],
  [null, null],
  [undefined, null],
];
for (const [input, want] of dctCases) {
  test(`normaliseDct(${JSON.stringify(input)}) = ${want}`, () => assert.equal(normaliseDct(input), want));
}

// ---------------------------------------------------------------------------
// scoring

const G = (start: number, end: number, value = 'V', type = 'DATE'): GoldTimex => ({ start, end, text: '', type, value });
const S = (start: number, end: number, value = 'V', type = 'DATE'): SystemTimex => ({ start, end, type, value });

const scoreCases: {
  name: string;
  pairs: { gold: GoldTimex[]; system: SystemTimex[] }[];
  want: Partial<Record<'strictP' | 'strictR' | 'strictF1' | 'relaxedP' | 'relaxedR' | 'relaxedF1' | 'valueAcc' | 'valueF1' | 'typeAcc' | 'typeF1' | 'week', number>>;
}[] = [
  {
    name: 'exact match scores 100 everywhere',
    pairs: [{ gold: [G(0, 5), G(10, 20, 'P1D', 'DURATION')], system: [S(0, 5), S(10, 20, 'P1D', 'DURATION')] }],
    want: { strictF1: 100, relaxedF1: 100, valueAcc: 100, valueF1: 100, typeAcc: 100, typeF1: 100, week: 100 },
  },
  {
    name: 'partial overlap counts as relaxed, not strict',
    pairs: [{ gold: [G(0, 10)], system: [S(4, 14)] }],
    want: { strictP: 0, strictR: 0, strictF1: 0, relaxedP: 100, relaxedR: 100, relaxedF1: 100, valueAcc: 100 },
  },
  {
    name: 'touching spans do not overlap',
    pairs: [{ gold: [G(0, 10)], system: [S(10, 14)] }],
    want: { relaxedP: 0, relaxedR: 0, relaxedF1: 0, valueAcc: 0, valueF1: 0 },
  },
  {
    name: 'a wrong value lowers value accuracy and value F1',
    pairs: [{ gold: [G(0, 5, '2001-08-04'), G(10, 15, '2001')], system: [S(0, 5, '2001-08-04'), S(10, 15, '2002')] }],
    want: { relaxedF1: 100, valueAcc: 50, valueF1: 50, typeAcc: 100 },
  },
  {
    name: 'value F1 = relaxed F1 x value accuracy',
    // relaxed: 2 matches, P 2/4, R 2/2 -> F1 66.67; one value right -> 50
    pairs: [{ gold: [G(0, 5, 'A'), G(10, 15, 'B')], system: [S(0, 5, 'A'), S(10, 15, 'X'), S(30, 35), S(40, 45)] }],
    want: { relaxedP: 50, relaxedR: 100, relaxedF1: 200 / 3, valueAcc: 50, valueF1: 100 / 3 },
  },
  {
    name: 'one-to-one: two system spans over one gold count once',
    pairs: [{ gold: [G(0, 20)], system: [S(0, 8), S(10, 20)] }],
    want: { strictF1: 0, relaxedP: 50, relaxedR: 100 },
  },
  {
    name: 'exact-extent pairs are taken before overlaps',
    pairs: [{ gold: [G(0, 10)], system: [S(0, 6), S(0, 10)] }],
    want: { strictP: 50, strictR: 100, relaxedP: 50, relaxedR: 100 },
  },
  {
    name: '"August 4 and 5": one span over two golds is one relaxed match',
    pairs: [{ gold: [G(0, 8, 'XXXX-08-04'), G(13, 14, 'XXXX-08-05')], system: [S(0, 14, 'XXXX-08-04/XXXX-08-05')] }],
    want: { strictF1: 0, relaxedP: 100, relaxedR: 50, valueAcc: 0, valueF1: 0 },
  },
  {
    name: 'micro-averaged over documents',
    pairs: [
      { gold: [G(0, 5)], system: [S(0, 5)] },
      { gold: [G(0, 5), G(10, 15), G(20, 25)], system: [] },
    ],
    want: { strictP: 100, strictR: 25, relaxedR: 25 },
  },
  {
    name: 'wrong type lowers type accuracy only',
    pairs: [{ gold: [G(0, 5, 'P1D', 'DURATION')], system: [S(0, 5, 'P1D', 'DATE')] }],
    want: { valueAcc: 100, typeAcc: 0, typeF1: 0 },
  },
  {
    name: 'week padding: exact compare fails, canonical compare succeeds',
    pairs: [{ gold: [G(0, 9, '2000-W6'), G(10, 20, '1998-W07')], system: [S(0, 9, '2000-W06'), S(10, 20, '1998-W7')] }],
    want: { valueAcc: 0, week: 100 },
  },
  {
    name: 'empty inputs give 0, not NaN',
    pairs: [],
    want: { strictP: 0, strictR: 0, strictF1: 0, relaxedF1: 0, valueAcc: 0, valueF1: 0, typeAcc: 0, typeF1: 0, week: 0 },
  },
  {
    name: 'documents without gold or system give 0, not NaN',
    pairs: [{ gold: [], system: [] }],
    want: { strictF1: 0, relaxedP: 0, relaxedR: 0, relaxedF1: 0, valueAcc: 0 },
  },
  {
    name: 'system only: precision 0',
    pairs: [{ gold: [], system: [S(0, 4)] }],
    want: { relaxedP: 0, relaxedR: 0, relaxedF1: 0 },
  },
];

const pick = (s: TimexScores) => ({
  strictP: s.strict.p,
  strictR: s.strict.r,
  strictF1: s.strict.f1,
  relaxedP: s.relaxed.p,
  relaxedR: s.relaxed.r,
  relaxedF1: s.relaxed.f1,
  valueAcc: s.valueAcc,
  valueF1: s.valueF1,
  typeAcc: s.typeAcc,
  typeF1: s.typeF1,
  week: s.valueAccWeekCanonical,
});

for (const c of scoreCases) {
  test(`scoreTimex: ${c.name}`, () => {
    const s = scoreTimex(c.pairs);
    const got = pick(s);
    for (const v of Object.values(got)) assert.ok(Number.isFinite(v), 'no NaN/Infinity');
    for (const [k, v] of Object.entries(c.want)) {
      const g = got[k as keyof typeof got];
      assert.ok(Math.abs(g - v) < 1e-9, `${k}: got ${g}, want ${v}`);
    }
    assert.equal(s.docs, c.pairs.length);
    assert.equal(s.gold, c.pairs.reduce((n, p) => n + p.gold.length, 0));
    assert.equal(s.system, c.pairs.reduce((n, p) => n + p.system.length, 0));
  });
}

test('scoreTimex: per-type recall counts relaxed matches per gold type', () => {
  const s = scoreTimex([
    {
      gold: [G(0, 5, 'a', 'DATE'), G(10, 15, 'b', 'DATE'), G(20, 25, 'P1D', 'DURATION'), G(30, 35, 'T10:00', 'TIME')],
      system: [S(0, 5), S(22, 24, 'P1D', 'DURATION'), S(31, 33, 'x', 'DATE')],
    },
  ]);
  assert.deepEqual(s.perTypeRecall, {
    DATE: { gold: 2, found: 1 },
    TIME: { gold: 1, found: 1 },
    DURATION: { gold: 1, found: 1 },
    SET: { gold: 0, found: 0 },
  });
});

test('alignTimexes: prefers the larger overlap', () => {
  assert.deepEqual(alignTimexes([{ start: 0, end: 8 }, { start: 13, end: 14 }], [{ start: 0, end: 14 }]), [[0, 0, false]]);
  assert.deepEqual(alignTimexes([{ start: 0, end: 3 }, { start: 5, end: 20 }], [{ start: 2, end: 12 }]), [[1, 0, false]]);
});

const weekCases: [string, string][] = [
  ['2000-W6', '2000-W06'],
  ['2000-W06', '2000-W06'],
  ['2000-W52', '2000-W52'],
  ['2000-W6-WE', '2000-W06-WE'],
  ['1998-WXX', '1998-WXX'],
  ['2000-02-06', '2000-02-06'],
];
for (const [input, want] of weekCases) {
  test(`canonicalWeekValue(${input}) = ${want}`, () => assert.equal(canonicalWeekValue(input), want));
}

test('formatTimexReport: labelled TE3-style, ends with a SCORE line', () => {
  const lines = formatTimexReport('tbaq', scoreTimex([{ gold: [G(0, 5, 'a')], system: [S(0, 5, 'b')] }]));
  assert.ok(lines[0]?.includes('TE3-style (char offsets)'));
  const last = lines[lines.length - 1] ?? '';
  assert.match(last, /^SCORE /);
  for (const k of ['strict_f1=100.00', 'relaxed_f1=100.00', 'value_acc=0.00', 'value_f1=0.00']) assert.ok(last.includes(k), k);
});

// ---------------------------------------------------------------------------
// writing

test('writeTimeML round trip: system spans come back as gold with the same text', () => {
  const src = parseTimeML(
    doc(dct('2011-06-09'), `\nThe <EVENT eid="e1">vote</EVENT> on May 3 &amp; the <TIMEX3 tid="t1" type="DATE" value="2011-05">May</TIMEX3> talks <lasted> two weeks.\n`),
    'dir/ROUND1.tml',
  );
  const at = (s: string) => src.text.indexOf(s);
  const sys: SystemTimex[] = [
    { start: at('two weeks'), end: at('two weeks') + 9, type: 'DURATION', value: 'P2W', mod: 'APPROX' },
    { start: at('May 3'), end: at('May 3') + 5, type: 'DATE', value: '2011-05-03' },
    { start: at('May 3') + 4, end: at('May 3') + 11, type: 'DATE', value: 'overlaps, skipped' },
    { start: at('May talks'), end: at('May talks') + 3, type: 'DATE', value: '2011-05' },
  ];
  const xml = writeTimeML(src, sys);
  assert.match(xml, /<DOCID>ROUND1<\/DOCID>/);
  assert.match(xml, /functionInDocument="CREATION_TIME">2011-06-09<\/TIMEX3><\/DCT>/);
  assert.ok(xml.includes('&amp; the'));
  const back = parseTimeML(xml, 'out.tml');
  assert.equal(back.text, src.text);
  assert.equal(back.dct, src.dct);
  const kept = [sys[1], sys[3], sys[0]] as SystemTimex[];
  assert.deepEqual(
    back.gold.map((g) => ({ start: g.start, end: g.end, type: g.type, value: g.value, mod: g.mod, tid: g.tid })),
    kept.map((s, i) => ({ start: s.start, end: s.end, type: s.type, value: s.value, mod: s.mod, tid: `t${i + 1}` })),
  );
  for (const g of back.gold) assert.equal(g.text, src.text.slice(g.start, g.end));
  assert.deepEqual(back.gold.map((g) => g.text), ['May 3', 'May', 'two weeks']);
  // scoring the written output against the source gold
  const s = scoreTimex([{ gold: src.gold, system: back.gold }]);
  assert.equal(s.strict.r, 100);
});

test('writeTimeML: no DCT, invalid spans skipped', () => {
  const src = parseTimeML(`${HEAD}<TEXT>in 1990</TEXT></TimeML>`, 'n.tml');
  const xml = writeTimeML(src, [S(-1, 2), S(3, 99), S(3, 3), S(3, 7, '1990')]);
  assert.ok(!xml.includes('<DCT>'));
  const back = parseTimeML(xml, 'n.tml');
  assert.equal(back.dct, null);
  assert.deepEqual(back.gold.map((g) => g.text), ['1990']);
});

// ---------------------------------------------------------------------------
// reading folders and the MEANTIME JSONL

test('readTimeMLDir: recursive, .tml and .TE3input only, sorted by path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summitry-timeml-'));
  try {
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'b', 'two.tml'), doc(dct('2000-01-02'), tx('type="DATE" value="2000-01-01"', 'Saturday')));
    writeFileSync(join(dir, 'a', 'one.tml.TE3input'), doc(dct('2000-01-01'), 'No tags.'));
    writeFileSync(join(dir, 'a', 'zero.tml'), doc(dct('2000-01-03'), 'Plain.'));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const docs = readTimeMLDir(dir);
    assert.deepEqual(docs.map((d) => d.name), ['a/one.tml.TE3input', 'a/zero.tml', 'b/two.tml']);
    assert.deepEqual(docs.map((d) => d.gold.length), [0, 0, 1]);
    assert.deepEqual(docs.map((d) => d.dct), ['2000-01-01', '2000-01-03', '2000-01-02']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readMeantimeTimexJsonl: per document, DCT kept and excluded, token alignment resolves repeats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summitry-meantime-'));
  const row = (o: Record<string, unknown>) =>
    JSON.stringify({ corpus: 'test', anchorTimeID: '', beginPoint: '', endPoint: '', functionInDocument: 'NONE', ...o });
  const s2 = 'Sales fell in March , after March rose .';
  const s4 = 'The plant closes for two weeks .';
  const lines = [
    row({ doc_id: '1', doc_name: '1_Fake', dct: '03-02-2009', m_id: '5', tid: '5', sentence: 1, token_ids: [3, 4, 5, 6], text: 'February 03 , 2009', sentence_text: 'February 03 , 2009', type: 'DATE', value: '03-02-2009', functionInDocument: 'CREATION_TIME' }),
    // sentence 2 starts at token 7; the tagged "March" is the second one (token 13)
    row({ doc_id: '1', doc_name: '1_Fake', dct: '03-02-2009', m_id: '6', tid: '6', sentence: 2, token_ids: [13], text: 'March', sentence_text: s2, type: 'DATE', value: '2009-03' }),
    row({ doc_id: '1', doc_name: '1_Fake', dct: '03-02-2009', m_id: '7', tid: '7', sentence: 4, token_ids: [24, 25], text: 'two weeks', sentence_text: s4, type: 'DURATION', value: 'P2W' }),
    row({ doc_id: '1', doc_name: '1_Fake', dct: '03-02-2009', m_id: '8', tid: '8', sentence: 2, token_ids: [10], text: 'March', sentence_text: s2, type: 'DATE', value: '2008-03' }),
    '',
    row({ doc_id: '2', doc_name: '2_Other', dct: null, m_id: '3', tid: '3', sentence: 0, token_ids: [1], text: 'Today', sentence_text: 'Today markets rose', type: 'DATE', value: 'PRESENT_REF' }),
  ];
  const path = join(dir, 'timex3.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  try {
    const docs = readMeantimeTimexJsonl(path);
    assert.deepEqual(docs.map((d) => d.name), ['test/1_Fake', 'test/2_Other']);
    const [d1, d2] = docs;
    assert.ok(d1 && d2);
    assert.equal(d1.dct, '2009-02-03');
    assert.equal(d2.dct, null);
    assert.equal(d1.text, `${s2}\n${s4}`);
    assert.deepEqual(d1.gold.map((g) => [g.tid, g.text, g.value]), [
      ['8', 'March', '2008-03'],
      ['6', 'March', '2009-03'],
      ['7', 'two weeks', 'P2W'],
    ]);
    assert.deepEqual(d1.gold.map((g) => g.start), [s2.indexOf('March'), s2.lastIndexOf('March'), s2.length + 1 + s4.indexOf('two')]);
    for (const d of docs) for (const g of d.gold) assert.equal(d.text.slice(g.start, g.end), g.text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readMeantimeTimexJsonl: a bad line names the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summitry-meantime-'));
  const path = join(dir, 'bad.jsonl');
  writeFileSync(path, '{"doc_id": "1"}\n');
  try {
    assert.throws(() => readMeantimeTimexJsonl(path), /bad\.jsonl:1: not a meantime-timex row/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
