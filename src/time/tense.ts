import { loadTable } from '../util/knowledge.js';

/**
 * The tense a sentence speaks in near a position, from cue words (knowledge/tense-cues.tsv):
 * the cue nearest the position wins; regular past forms (-ed) count when nothing listed is
 * nearer.
 */

export type Tense = 'past' | 'future';

let cues: { re: RegExp; tense: Tense; weight: number }[] | null = null;
const PASSIVE_BEFORE = /\b(?:is|are|be|being|will|would|to|am|must|should|can|could|may|might)\s+$/i;
const REGULAR_PAST = /\b[a-z]{3,}ed\b/gi;

function load() {
  if (cues) return cues;
  // one regular expression per tense and weight
  const groups = new Map<string, { tense: Tense; weight: number; alts: string[] }>();
  for (const r of loadTable('tense-cues.tsv').rows) {
    const key = `${r.tense}:${r.weight || 0}`;
    const g = groups.get(key) ?? { tense: r.tense as Tense, weight: Number(r.weight || 0), alts: [] };
    g.alts.push(r.cue!);
    groups.set(key, g);
  }
  cues = [...groups.values()].map((g) => ({ re: new RegExp(`(?<![\\w'])(?:${g.alts.join('|')})(?!\\w)`, 'gi'), tense: g.tense, weight: g.weight }));
  cues.push({ re: REGULAR_PAST, tense: 'past', weight: 12 });
  return cues;
}

export interface TenseMap {
  at(pos: number): Tense | null;
}

/** Cue positions in one sentence (offsets relative to the sentence's start). */
export function tenseMap(sentence: string): TenseMap {
  const c = load();
  const marks: { pos: number; tense: Tense; weight: number }[] = [];
  for (const { re, tense, weight } of c) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence))) {
      // a participle after "is", "to", "will" … is passive or infinitive, not past ("is heard", "to be held")
      if (tense === 'past' && PASSIVE_BEFORE.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
      marks.push({ pos: m.index + m[0].length / 2, tense, weight });
    }
  }
  return {
    at(pos: number) {
      let best: Tense | null = null;
      let bestD = Infinity;
      for (const k of marks) {
        const d = Math.abs(k.pos - pos) + k.weight;
        if (d < bestD || (d === bestD && k.tense === 'future')) {
          bestD = d;
          best = k.tense;
        }
      }
      return best;
    },
  };
}
