import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc, type Span } from '../src/doc/doc.js';
import { splitSentences, tokenize } from '../src/stages/segment.js';

/** The token definition the hand-written scanner must keep. */
const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*|\S/gu;
const byRegex = (text: string, start: number, end: number) =>
  [...text.slice(start, end).matchAll(TOKEN)].map((m) => `${start + m.index!}:${start + m.index! + m[0].length}`);
const byScanner = (text: string, start: number, end: number) => {
  const out: Span[] = [];
  tokenize(text, start, end, out);
  return out.map((t) => `${t.start}:${t.end}`);
};

test('tokenize matches the token regex on ASCII, accents, Cyrillic, astral letters and emoji', () => {
  const samples = [
    "Mr. Lavrov's talks in Pyongyang ran 3.5 hours - U.S. officials weren’t told.",
    'Pérez met Шойгу in Hà Nội on 12/06/2001; 𝐀𝐁 vs 😀 -- end.',
    "rock-'n'-roll ’90s ...a.b. x\u00a0y\u3000z",
    'trailing dash- and .leading dot and 1,000,000',
  ];
  for (const s of samples) assert.deepEqual(byScanner(s, 0, s.length), byRegex(s, 0, s.length), s);
  // a range cutting a surrogate pair reads its half as the regex over the slice does
  const cut = 'ab😀cd';
  assert.deepEqual(byScanner(cut, 1, 3), byRegex(cut, 1, 3));
  assert.deepEqual(byScanner(cut, 3, 6), byRegex(cut, 3, 6));
});

test('sentences split before a capital after the stop, not before lower case or after an initial', () => {
  const text = 'Talks ended. They resume Monday. J. Smith came. it was late.  "Yes," he said.';
  const got = splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(got, ['Talks ended.', 'They resume Monday.', 'J. Smith came. it was late.', '"Yes," he said.']);
});

test('setLayer sorts spans out of order and keeps ordered ones as given', () => {
  const d = new Doc('d', 'abcdef', { source: 's', format: 'txt', title: null, publisher: null, url: null, published: null });
  const span = (start: number, end: number): Span => ({ start, end, label: 'x', by: 't', confidence: 1 });
  d.setLayer('a', [span(3, 4), span(0, 2), span(0, 5)]);
  assert.deepEqual(d.layer('a').map((s) => [s.start, s.end]), [[0, 5], [0, 2], [3, 4]]);
  d.setLayer('b', [span(0, 5), span(0, 2), span(3, 4)]);
  assert.deepEqual(d.layer('b').map((s) => [s.start, s.end]), [[0, 5], [0, 2], [3, 4]]);
});
