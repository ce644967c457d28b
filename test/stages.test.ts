import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarize } from '../src/consolidate/summary.js';
import { consolidatedStatus } from '../src/consolidate/status.js';
import { matchBoilerplate } from '../src/stages/clean.js';
import { articleDate } from '../src/stages/dateline.js';
import type { EventAttrs } from '../src/stages/events.js';
import type { TimexAttrs } from '../src/stages/timex.js';
import { loadTable } from '../src/util/knowledge.js';
import { analyse, texts } from './helpers.js';

// Every knowledge table's `#>` example lines double as tests.
test('knowledge examples: boilerplate rules', () => {
  const t = loadTable('boilerplate.tsv');
  assert.ok(t.examples.length >= 5);
  for (const ex of t.examples) assert.equal(matchBoilerplate(ex.input), ex.expect, `boilerplate.tsv:${ex.line}`);
  for (const line of ['Kim met Putin on Monday.', 'By the end of the week the talks had ended.']) assert.equal(matchBoilerplate(line), null, line);
});

test('knowledge examples: status cues and triggers', () => {
  for (const ex of loadTable('status-cues.tsv').examples) {
    const e = analyse(ex.input + '.', '2019-04-20').layer('event')[0];
    assert.equal((e?.attrs as unknown as EventAttrs | undefined)?.status, ex.expect, `status-cues.tsv:${ex.line}: ${ex.input}`);
  }
  for (const ex of loadTable('event-triggers.tsv').examples) {
    const e = analyse(ex.input.replace(/^./, (c) => c.toUpperCase()) + '.', '2019-04-20').layer('event')[0];
    const a = e?.attrs as unknown as EventAttrs | undefined;
    assert.equal(`${a?.type} ${a?.mode}`, ex.expect, `event-triggers.tsv:${ex.line}: ${ex.input}`);
  }
});

test('knowledge examples: summaries', () => {
  for (const ex of loadTable('event-summaries.tsv').examples) {
    const [mode, ...parts] = ex.input.split('|').map((s) => s.trim());
    const args: Record<string, string[] | string> = {};
    for (const p of parts) {
      const [k, v] = p.split('=') as [string, string];
      args[k] = k === 'place' ? v : v.split(',');
    }
    assert.equal(summarize(mode!, 'CONSULT', args), ex.expect, `event-summaries.tsv:${ex.line}`);
  }
});

test('clean: bylines, comment prompts and a repeated caption are marked, never cut', () => {
  const text = [
    'Envoys Meet in Ulaanbaatar',
    '',
    'By Staff Writer | March 3, 2012 | 4 Comments',
    '',
    'Delegations from both countries arrived at the guest house on a cold morning.',
    'Delegations from both countries arrived at the guest house on a cold morning. (Reuters)',
    '',
    'The two envoys met for three hours.',
    '',
    'Leave a Reply',
  ].join('\n');
  const doc = analyse(text, '2012-03-03');
  assert.equal(doc.text, text);
  assert.deepEqual(
    doc.layer('skip').map((s) => s.by),
    ['clean/byline', 'clean/repeated-line', 'clean/reply-prompt'],
  );
  assert.ok(!texts(doc, 'sentence').some((s) => s.includes('Leave a Reply') || s.includes('(Reuters)')));
});

test('segment: sentences respect abbreviations, initials and quotes; wrapped lines join', () => {
  const cases: { text: string; sentences: string[] }[] = [
    { text: 'Mr. Lavrov met Gen. Park in St. Petersburg. They spoke for an hour.', sentences: ['Mr. Lavrov met Gen. Park in St. Petersburg.', 'They spoke for an hour.'] },
    { text: 'U.S. officials declined to comment. The embassy was closed.', sentences: ['U.S. officials declined to comment.', 'The embassy was closed.'] },
    { text: 'The envoy, J. R. Smith, said: “We will return.” Talks resume in May.', sentences: ['The envoy, J. R. Smith, said: “We will return.”', 'Talks resume in May.'] },
    { text: 'The minister arrived\nlate on Sunday. Nobody met him.', sentences: ['The minister arrived\nlate on Sunday.', 'Nobody met him.'] },
    { text: 'Headline Without a Full Stop\nThe body starts here.', sentences: ['Headline Without a Full Stop', 'The body starts here.'] },
    { text: 'Growth was 3.5 percent. Exports fell.', sentences: ['Growth was 3.5 percent.', 'Exports fell.'] },
  ];
  for (const c of cases) assert.deepEqual(texts(analyse(c.text), 'sentence'), c.sentences, c.text);
  const headed = analyse('Envoys Meet in Hanoi\n\nThe envoys met in Hanoi on Monday.', '2016-04-29');
  assert.deepEqual(headed.layer('sentence').map((s) => s.label), ['headline', 'sentence']);
  assert.equal(headed.layer('event').length, 1, 'the headline gives no second event');
  const doc = analyse('Kim Jong-il’s train left.');
  assert.deepEqual(texts(doc, 'token'), ['Kim', 'Jong-il’s', 'train', 'left', '.']);
});

test('dateline: metadata, then a dateline or byline near the top, else the first full date (inferred)', () => {
  const cases: { text: string; published?: string; date: string | null; inferred: boolean; by?: string }[] = [
    { text: 'Talks held\n\nThe envoys met on Friday.', published: '2010-05-07', date: '2010-05-07', inferred: false, by: 'dateline/metadata' },
    { text: 'March 9, 2018\n\nThe envoys met on Friday.', date: '2018-03-09', inferred: false, by: 'dateline/date-line' },
    { text: 'Talks held\n\nSEOUL, Oct. 2, 2007 — The leaders met on the border.', date: '2007-10-02', inferred: false, by: 'dateline/city-dateline' },
    { text: 'Talks held\n\nBy Jane Roe | June 12, 2018 | No Comments\n\nThe leaders met.', date: '2018-06-12', inferred: false, by: 'dateline/byline' },
    { text: 'The leaders shook hands in Singapore on June 12, 2018, an aide said.', date: '2018-06-12', inferred: true, by: 'dateline/first-full-date' },
    { text: 'The leaders shook hands in Singapore on Tuesday.', date: null, inferred: false },
    { text: 'The leader is to arrive for two days of talks.', date: null, inferred: false },
  ];
  for (const c of cases) {
    const doc = analyse(c.text, c.published ?? null);
    const d = articleDate(doc);
    assert.equal(d.date, c.date, c.text);
    assert.equal(d.inferred, c.inferred, c.text);
    if (c.by) assert.equal(doc.layer('dct')[0]?.by, c.by, c.text);
  }
});

test('timex: anchored on the article date; without one, only stated years count', () => {
  const cases: { text: string; dct: string | null; expect: [string, string, string][] }[] = [
    { text: 'The delegation left yesterday.', dct: '2001-07-26', expect: [['yesterday', '2001-07-25', 'day']] },
    { text: 'A visit is planned for next month.', dct: '2001-07-26', expect: [['next month', '2001-08', 'month']] },
    { text: 'The treaty was signed on June 19, 2024 in the capital.', dct: '2024-06-20', expect: [['June 19, 2024', '2024-06-19', 'day']] },
    { text: 'They met in May 2002 and again last year.', dct: '2004-01-10', expect: [['May 2002', '2002-05', 'month'], ['last year', '2003', 'year']] },
    { text: 'They met yesterday, not in March 1999.', dct: null, expect: [['March 1999', '1999-03', 'month']] },
  ];
  for (const c of cases) {
    const doc = analyse(c.text, c.dct);
    const got = doc.layer('timex').map((s) => [doc.slice(s), (s.attrs as unknown as TimexAttrs).value, (s.attrs as unknown as TimexAttrs).granularity]);
    assert.deepEqual(got, c.expect, c.text);
  }
  // Bare weekdays follow the sentence's tense (article date: Friday 2016-04-29).
  const weekday = (t: string) => (analyse(t, '2016-04-29').layer('timex')[0]!.attrs as unknown as TimexAttrs).value;
  assert.equal(weekday('The envoys met on Monday.'), '2016-04-25');
  assert.equal(weekday('The envoys will meet on Monday.'), '2016-05-02');
  assert.equal(weekday('The envoys arrived on Friday.'), '2016-04-29');
  assert.equal(weekday('The envoys are to meet on Thursday.'), '2016-05-05');
  const doc = analyse('The talks ran from May 21 to May 22.', '2002-05-23');
  const a = doc.layer('timex')[0]!.attrs as unknown as TimexAttrs;
  assert.deepEqual([a.value, a.start, a.end, a.implied], ['2002-05-21/2002-05-22', '2002-05-21', '2002-05-22', ['year']]);
});

test('names: titles split off, possessives dropped, demonyms and lone sentence openers skipped', () => {
  const cases: { text: string; names: string[]; titles?: (string | null)[] }[] = [
    { text: 'Mongolian Foreign Minister Batbold Sukhbaatar met Kim.', names: ['Batbold Sukhbaatar', 'Kim'], titles: ['Mongolian Foreign Minister', null] },
    { text: 'Kim Jong-il’s father had visited the city.', names: ['Kim Jong-il'] },
    { text: 'The Russian-North Korean talks ended. Russian officials left.', names: [] },
    { text: 'Reports said the envoy had gone home.', names: [] },
    { text: 'Kim left. Officials said Kim would return.', names: ['Kim', 'Kim'] },
    { text: 'Envoys arrived at dawn. The envoys left at noon.', names: [] },
    { text: 'In July the envoys met in Vientiane.', names: ['Vientiane'] },
  ];
  for (const c of cases) {
    const doc = analyse(c.text, '2011-01-01');
    assert.deepEqual(texts(doc, 'name'), c.names, c.text);
    if (c.titles) assert.deepEqual(doc.layer('name').map((s) => (s.attrs?.title as string | undefined) ?? null), c.titles, c.text);
  }
});

test('events: trigger, status from cues, roles, place and nearest time', () => {
  // Actors by the actor layer's canonical names.
  const cases: { text: string; dct: string; mode: string; status: string; actors: [string, string][]; place: string | null; time: string | null }[] = [
    { text: 'Lavrov met Wang Yi in Beijing on Monday.', dct: '2016-04-29', mode: 'meet', status: 'occurred', actors: [['Sergei Lavrov', 'participant'], ['Wang Yi', 'participant']], place: 'Beijing', time: '2016-04-25' },
    { text: 'Moon Jae-in will visit Pyongyang next month.', dct: '2018-08-14', mode: 'visit', status: 'planned', actors: [['Moon Jae-in', 'source']], place: 'Pyongyang', time: '2018-09' },
    { text: 'Abe is expected to hold talks with Putin in Sochi.', dct: '2016-05-01', mode: 'negotiate', status: 'expected', actors: [['Shinzo Abe', 'participant'], ['Vladimir Putin', 'participant']], place: 'Sochi', time: null },
    { text: 'Putin hosted Xi Jinping at the Kremlin.', dct: '2013-03-23', mode: 'host', status: 'occurred', actors: [['Vladimir Putin', 'source'], ['Xi Jinping', 'target']], place: 'Kremlin', time: null },
  ];
  for (const c of cases) {
    const doc = analyse(c.text, c.dct);
    const spans = doc.layer('event');
    assert.equal(spans.length, 1, c.text);
    const a = spans[0]!.attrs as unknown as EventAttrs;
    assert.equal(doc.slice(spans[0]!), c.text);
    assert.equal(a.mode, c.mode, c.text);
    assert.equal(a.status, c.status, c.text);
    assert.deepEqual(a.actors.map((x) => [x.name, x.role]), c.actors, c.text);
    assert.equal(a.place?.name ?? null, c.place, c.text);
    assert.equal(a.time?.value ?? null, c.time, c.text);
  }
  assert.equal(analyse('The weather in Seoul was mild.', '2018-01-01').layer('event').length, 0);
});

test('consolidated status: latest report wins; an occurred report outranks a plan', () => {
  const h = (reported: string, status: string) => ({ reported, status, article: 'a' });
  assert.equal(consolidatedStatus([h('2001-07-26', 'planned'), h('2002-05-23', 'occurred')]), 'occurred');
  assert.equal(consolidatedStatus([h('2002-05-23', 'occurred'), h('2001-07-26', 'planned')]), 'occurred');
  assert.equal(consolidatedStatus([h('2015-01-01', 'occurred'), h('2016-01-01', 'planned')]), 'occurred');
  assert.equal(consolidatedStatus([h('2015-04-01', 'planned'), h('2015-04-30', 'cancelled')]), 'cancelled');
  assert.equal(consolidatedStatus([h('2015-04-01', 'rumored'), h('2015-04-02', 'denied')]), 'denied');
});
