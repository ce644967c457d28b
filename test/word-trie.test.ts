import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trieAlternation } from '../src/util/word-trie.js';

/** The plain alternation the trie stands in for: longest first, space `\s+`, apostrophe `['’]`. */
function plain(words: string[]): string {
  return [...words]
    .sort((x, y) => y.length - x.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+'))
    .join('|');
}

function matches(source: string, text: string): string[] {
  return [...text.matchAll(new RegExp(`\\b(?:${source})\\b`, 'gi'))].map((m) => `${m.index}:${m[0]}`);
}

test('trieAlternation: the same matches as the longest-first alternation', () => {
  const words = ['official', 'officials', 'office', 'foreign minister', 'foreign ministry', 'minister', "president's office", 'president', 'u.s. envoy', 'envoy', 'son', 'sons'];
  const trie = trieAlternation(words);
  assert.ok(trie);
  const texts = [
    'The Foreign Minister met officials of the office; an official said the foreign  ministry agreed.',
    "The President’s office and the president's Office, the U.S. envoy, the envoys, his sons and his son-in-law.",
    'Officialdom, unofficial, ministers, Minister\nof state, offices, office-holders.',
  ];
  for (const t of texts) assert.deepEqual(matches(trie, t), matches(plain(words), t), t);
  assert.deepEqual(matches(trie, texts[0]!).slice(0, 2), ['4:Foreign Minister', '25:officials']);
});

test('trieAlternation: refuses what it cannot keep exact (curly quotes, other white space, capitals)', () => {
  assert.equal(trieAlternation(['president’s office']), null);
  assert.equal(trieAlternation(['foreign\tminister']), null);
  assert.equal(trieAlternation(['Minister']), null);
  assert.equal(trieAlternation(['']), null);
});
