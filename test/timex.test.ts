import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadTable } from '../src/util/knowledge.js';
import { tagText } from '../src/time/tagger.js';
import { lexicon, parseNumber, type WordKind } from '../src/time/lexicon.js';
import { tenseMap } from '../src/time/tense.js';
import { bounds, fmtWeek, isoWeek } from '../src/time/calendar.js';
import { holidayDate } from '../src/time/normalise.js';
import { contractValue, type TimexAttrs } from '../src/stages/timex.js';
import { readMeantimeTimexJsonl, readTimeMLDir } from '../src/eval/timeml.js';
import { scoreTimex } from '../src/eval/timex-score.js';
import { tagWithPipeline } from '../src/eval/timex-suite.js';
import { analyse, HAVE_SHARED, SHARED } from './helpers.js';

// All sentences below are written for these tests.

/** `span = value [MOD]` as the tagger reports it (a range as one span). */
function tagged(text: string, dct: string | null): string[] {
  return tagText(text, dct).map((h) => `${text.slice(h.start, h.end)} = ${h.value}${h.mod ? ` ${h.mod}` : ''}`);
}

/** Compares only the mod when the expectation names one. */
function sameTimex(got: string, want: string): boolean {
  if (got === want) return true;
  const [gSpan, gRest] = got.split(' = ') as [string, string];
  const [wSpan, wRest] = want.split(' = ') as [string, string];
  return gSpan === wSpan && wRest.split(' ').length === 1 && gRest.split(' ')[0] === wRest;
}

test('knowledge examples: every pattern family in timex-patterns.tsv', () => {
  const t = loadTable('timex-patterns.tsv');
  assert.ok(t.examples.length >= 60, 'at least 60 pattern examples');
  const failures: string[] = [];
  for (const ex of t.examples) {
    const [dctPart, text] = ex.input.split(' | ') as [string, string];
    const dct = dctPart.trim() === '-' ? null : dctPart.trim();
    const want = ex.expect ? ex.expect.split(/\s*;\s*/) : [];
    const got = tagged(text, dct);
    const ok = got.length === want.length && got.every((g, i) => sameTimex(g, want[i]!));
    if (!ok) failures.push(`timex-patterns.tsv:${ex.line}: ${text}\n    want ${JSON.stringify(want)}\n    got  ${JSON.stringify(got)}`);
  }
  assert.equal(failures.length, 0, failures.join('\n'));
});

test('knowledge examples: the time-word normalisation table', () => {
  const lex = lexicon();
  for (const ex of loadTable('timex-words.tsv').examples) {
    const [kind, value] = ex.expect.split(' ') as [WordKind, string];
    assert.equal(lex.lookup(kind, ex.input), value, `timex-words.tsv:${ex.line}`);
  }
  assert.equal(parseNumber('twenty-five'), 25);
  assert.equal(parseNumber('a couple of'), 2);
  assert.equal(parseNumber('several'), null);
  assert.equal(parseNumber('one hundred'), 100);
});

test('knowledge examples: tense cues and holidays', () => {
  for (const ex of loadTable('tense-cues.tsv').examples) {
    const at = ex.input.lastIndexOf(' ') + 1;
    assert.equal(tenseMap(ex.input).at(at), ex.expect, `tense-cues.tsv:${ex.line}`);
  }
  const holidays = new Map(loadTable('timex-holidays.tsv').rows.map((r) => [r.name, r.rule]));
  for (const ex of loadTable('timex-holidays.tsv').examples) assert.equal(holidays.get(ex.input), ex.expect, `timex-holidays.tsv:${ex.line}`);
  assert.deepEqual(holidayDate('11/4/4', 1999), { y: 1999, m: 11, d: 25 }); // Thanksgiving
  assert.deepEqual(holidayDate('05/1/-1', 2001), { y: 2001, m: 5, d: 28 }); // Memorial Day
  assert.deepEqual(holidayDate('easter+0', 2000), { y: 2000, m: 4, d: 23 });
  assert.deepEqual(holidayDate('election', 1998), { y: 1998, m: 11, d: 3 });
});

test('weekdays follow the tense of the words around them', () => {
  // article date: Thursday 2001-07-26
  const cases: [string, string][] = [
    ['The two leaders met on Monday in Moscow.', '2001-07-23'],
    ['The two leaders will meet on Monday in Moscow.', '2001-07-30'],
    ['Officials said the leaders would meet on Monday.', '2001-07-30'],
    ['The envoy arrived Thursday.', '2001-07-26'],
    ['The talks are scheduled to resume Friday.', '2001-07-27'],
    ['The ministers signed the accord last Friday.', '2001-07-20'],
    ['The ministers will sign it next Tuesday.', '2001-07-31'],
    ['The agreement reached Tuesday is final.', '2001-07-24'],
    ['The ministry said Monday that talks would resume.', '2001-07-23'],
    ['Officials said the leaders will meet again on Monday.', '2001-07-30'],
    ['Markets stay closed until Friday.', '2001-07-27'],
    ["Critics attacked Tuesday's ruling.", '2001-07-24'],
  ];
  for (const [text, value] of cases) assert.deepEqual(tagged(text, '2001-07-26').map((s) => s.split(' = ')[1]), [value], text);
});

test('relative, anaphoric and modified expressions', () => {
  const cases: [string, string, string[]][] = [
    ['They talked early today and again yesterday evening.', '2001-07-26', ['early today = 2001-07-26 START', 'yesterday evening = 2001-07-25TEV']],
    ['This past April the two sides met; last year they did not.', '2001-07-26', ['This past April = 2001-04', 'last year = 2000']],
    ['A follow-up is planned for early next month and another later this year.', '2001-07-26', ['early next month = 2001-08 START', 'later this year = 2001 END']],
    ['The treaty was signed in 1961. The year before, talks had failed.', '2001-07-26', ['1961 = 1961', 'The year before = 1960']],
    ['He arrived on June 3, 2000, and left a week later.', '2001-07-26', ['June 3, 2000 = 2000-06-03', 'a week later = 2000-06-10']],
    ['Profit fell in the third quarter from $5 million a year ago.', '1989-11-02', ['the third quarter = 1989-Q3', 'a year ago = 1988-Q3']],
    ['The deal closed in the summer of 2001 after talks in the 1970s and the 19th century.', '2005-01-01', ['the summer of 2001 = 2001-SU', 'the 1970s = 197', 'the 19th century = 18']],
    ['Talks continued from 2000 to 2002.', '2005-01-01', ['2000 to 2002 = 2000/2002']],
    ['The summit was held on Wednesday and Thursday.', '2001-07-26', ['Wednesday = 2001-07-25', 'Thursday = 2001-07-26']],
    ['Sales rose in the first half of 2000 and in the fourth quarter.', '2001-02-10', ['the first half of 2000 = 2000-H1', 'the fourth quarter = 2000-Q4']],
    ['The fighting lasted nearly two months, about a decade after the war.', '2001-07-26', ['nearly two months = P2M EQUAL_OR_LESS', 'about a decade = P10Y APPROX']],
    ['The index is published monthly and the council meets every Monday.', '2001-07-26', ['monthly = P1M', 'every Monday = XXXX-WXX-1']],
    ['She has lived there for years and now works in a recent venture.', '2001-07-26', ['years = PXY', 'now = PRESENT_REF', 'recent = PAST_REF']],
    ['He spoke at 10:30 a.m. Tuesday and again at noon.', '2001-07-26', ['10:30 a.m. Tuesday = 2001-07-24T10:30', 'noon = 2001-07-24T12:00']],
    ['It happened in the nineteen nineties, in nineteen ninety-six.', '2001-07-26', ['the nineteen nineties = 199', 'nineteen ninety-six = 1996']],
  ];
  const failures: string[] = [];
  for (const [text, dct, want] of cases) {
    const got = tagged(text, dct);
    if (!(got.length === want.length && got.every((g, i) => sameTimex(g, want[i]!)))) failures.push(`${text}\n    want ${JSON.stringify(want)}\n    got  ${JSON.stringify(got)}`);
  }
  assert.equal(failures.length, 0, failures.join('\n'));
});

test('words that only look like times are left alone', () => {
  const none = [
    'He may come and they march on.',
    'The index closed at 2082.1 points, and 1,999 people paid $2000 each.',
    'Daily volume rose and the quarterly dividend was cut.',
    'The hotel charges $200 a night and four flights a week.',
    'High Noon is a film; USA Today reviewed it.',
  ];
  for (const text of none) assert.deepEqual(tagged(text, '2001-07-26'), [], text);
  // without an article date only what the words fix on their own is kept
  assert.deepEqual(tagged('They met yesterday, not in March 1999.', null), ['March 1999 = 1999-03']);
});

test('calendar helpers: ISO weeks, bounds, contract values', () => {
  assert.deepEqual(isoWeek({ y: 2001, m: 7, d: 26 }), { y: 2001, w: 30 });
  assert.equal(fmtWeek({ y: 2005, m: 1, d: 1 }), '2004-W53');
  assert.deepEqual(bounds('2001-W30'), { start: '2001-07-23', end: '2001-07-29' });
  assert.deepEqual(bounds('2001-SU'), { start: '2001-06-21', end: '2001-09-22' });
  assert.deepEqual(bounds('197'), { start: '1970-01-01', end: '1979-12-31' });
  assert.deepEqual(bounds('2002-05-21/2002-05-22'), { start: '2002-05-21', end: '2002-05-22' });
  assert.deepEqual(bounds('2000-Q4'), { start: '2000-10-01', end: '2000-12-31' });
  assert.equal(contractValue('2001-07-26TMO'), '2001-07-26');
  assert.equal(contractValue('2001-W30-WE'), '2001-W30');
  assert.equal(contractValue('1990-H1'), '1990');
  assert.equal(contractValue('P3D'), null);
  assert.equal(contractValue('PRESENT_REF'), null);
});

test('timex stage: calendar values in timex, the rest in timex-other, implied parts kept apart', () => {
  const doc = analyse('The envoys met on August 4 and 5. They stayed three days and will return in the summer.', '2001-07-26');
  const timex = doc.layer('timex').map((s) => [doc.slice(s), (s.attrs as unknown as TimexAttrs).value, (s.attrs as unknown as TimexAttrs).granularity]);
  assert.deepEqual(timex, [
    ['August 4 and 5', '2001-08-04/2001-08-05', 'day'],
    ['the summer', '2001-SU', 'season'],
  ]);
  // The two days stay the two TimeML timexes inside the interval.
  assert.deepEqual((doc.layer('timex')[0]!.attrs as unknown as TimexAttrs).parts?.map((p) => p.value), ['2001-08-04', '2001-08-05']);
  const first = doc.layer('timex')[0]!.attrs as unknown as TimexAttrs;
  assert.deepEqual(first.implied, ['year']);
  assert.equal(first.anchor, 'dct');
  const other = doc.layer('timex-other').map((s) => [doc.slice(s), (s.attrs as unknown as TimexAttrs).value, (s.attrs as unknown as TimexAttrs).type]);
  assert.deepEqual(other, [['three days', 'P3D', 'DURATION']]);
  const morning = analyse('He spoke this morning.', '2001-07-26').layer('timex')[0]!.attrs as unknown as TimexAttrs;
  assert.deepEqual([morning.type, morning.value, morning.timex3, morning.granularity], ['TIME', '2001-07-26', '2001-07-26TMO', 'day']);
});

test('gold sets: value F1 holds its level (TE3-style, when ../shared is present)', { skip: HAVE_SHARED ? false : 'needs ../shared/data/temporal' }, () => {
  const tbaq = readTimeMLDir(path.join(SHARED, 'data/temporal/tempeval3-tbaq'));
  const t = scoreTimex(tbaq.map((d, i) => ({ gold: d.gold, system: tagWithPipeline([d])[0]! })).map((x, i) => (void i, x)));
  assert.ok(t.valueF1 >= 80, `TBAQ value F1 ${t.valueF1.toFixed(2)}`);
  const mt = readMeantimeTimexJsonl(path.join(SHARED, 'data/temporal/meantime-timex/timex3.jsonl'));
  const ours = tagWithPipeline(mt);
  const m = scoreTimex(mt.map((d, i) => ({ gold: d.gold, system: ours[i]! })));
  assert.ok(m.valueF1 >= 79, `MEANTIME value F1 ${m.valueF1.toFixed(2)}`);
});
