import { loadTable } from '../util/knowledge.js';

/**
 * The normalisation table for time words (knowledge/timex-words.tsv): word -> value per
 * kind, and a regular-expression alternation per kind for the pattern table's `{kind}` macros.
 */

export type WordKind = 'month' | 'weekday' | 'season' | 'part' | 'unit' | 'number' | 'ordinal' | 'rel' | 'mod' | 'set';

export interface Lexicon {
  lookup(kind: WordKind, word: string): string | undefined;
  /** `word1|word2|…`, longest first, spaces matching any whitespace. */
  alternation(kind: WordKind): string;
}

let cached: Lexicon | null = null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
export const squash = (s: string) => s.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();

export function lexicon(): Lexicon {
  if (cached) return cached;
  const byKind = new Map<string, Map<string, string>>();
  for (const r of loadTable('timex-words.tsv').rows) {
    const kind = r.kind!;
    let m = byKind.get(kind);
    if (!m) byKind.set(kind, (m = new Map()));
    m.set(squash(r.word!), r.value!);
  }
  const alts = new Map<string, string>();
  for (const [kind, m] of byKind) alts.set(kind, [...m.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'));
  cached = {
    lookup: (kind, word) => byKind.get(kind)?.get(squash(word)),
    alternation: (kind) => {
      const a = alts.get(kind);
      if (a === undefined) throw new Error(`timex-words.tsv: no words of kind "${kind}"`);
      return a;
    },
  };
  return cached;
}

/** A number written in digits or words ("3", "twenty-five", "a couple of"); null when vague ("several"). */
export function parseNumber(s: string): number | null {
  const w = squash(s).replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  const lex = lexicon();
  const whole = lex.lookup('number', w);
  if (whole !== undefined) return whole === 'X' ? null : Number(whole);
  let total = 0;
  let current = 0;
  for (const part of w.split(/[\s-]+/)) {
    if (part === 'and') continue;
    const v = lex.lookup('number', part);
    if (v === undefined || v === 'X') return null;
    const n = Number(v);
    if (n === 100) current = (current || 1) * 100;
    else current += n;
  }
  total += current;
  return total;
}
