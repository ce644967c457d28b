import { loadTable } from '../util/knowledge.js';

/**
 * The tense a sentence speaks in near a position, from cue words (knowledge/tense-cues.tsv):
 * the cue nearest the position wins; regular past forms (-ed) count when nothing listed is
 * nearer.
 */

export type Tense = 'past' | 'future';

let cues: { future: RegExp; past: RegExp } | null = null;
const PASSIVE_BEFORE = /\b(?:is|are|be|being|will|would|to|am|must|should|can|could|may|might)\s+$/i;
const REGULAR_PAST = /\b[a-z]{3,}ed\b/gi;

function load() {
  if (cues) return cues;
  const rows = loadTable('tense-cues.tsv').rows;
  const alt = (t: string) => rows.filter((r) => r.tense === t).map((r) => r.cue).join('|');
  cues = { future: new RegExp(`(?<![\\w'])(?:${alt('future')})(?!\\w)`, 'gi'), past: new RegExp(`(?<![\\w'])(?:${alt('past')})(?!\\w)`, 'gi') };
  return cues;
}

export interface TenseMap {
  at(pos: number): Tense | null;
}

/** Cue positions in one sentence (offsets relative to the sentence's start). */
export function tenseMap(sentence: string): TenseMap {
  const c = load();
  const marks: { pos: number; tense: Tense; weight: number }[] = [];
  for (const [re, tense, weight] of [
    [c.future, 'future', 0],
    [c.past, 'past', 0],
    [REGULAR_PAST, 'past', 12],
  ] as const) {
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

/** The sentence's tense as a whole (first future cue, else any past cue). */
export function sentenceTense(sentence: string): Tense | null {
  const c = load();
  c.future.lastIndex = 0;
  if (c.future.test(sentence)) return 'future';
  c.past.lastIndex = 0;
  REGULAR_PAST.lastIndex = 0;
  return c.past.test(sentence) || REGULAR_PAST.test(sentence) ? 'past' : null;
}
