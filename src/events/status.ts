import { cueRegExp, statusCues, type Cue, type Form } from './lexicon.js';
import { wordAt, wordBefore, type SentenceView } from './sentence.js';

/**
 * A mention's status from the cues whose scope reaches its trigger (knowledge/status-cues.tsv),
 * else from the trigger's form and time. The rule that decided is returned with the cue's span.
 */

export interface CueHit {
  cue: Cue;
  start: number;
  end: number;
  first: number;
  last: number;
  text: string;
}

export interface StatusResult {
  status: string;
  by: string;
  start: number | null;
  end: number | null;
}

const PROSPECTIVE = new Set(['planned', 'expected']);

const GROUPS = Array.from({ length: 200 }, (_, i) => `c${i}`);

/** Every cue occurrence in a sentence, computed once per sentence. */
export function cueHits(view: SentenceView): CueHit[] {
  const hits: CueHit[] = [];
  const cues = statusCues();
  const re = cueRegExp();
  for (const w of view.words) {
    re.lastIndex = w.start - view.start;
    const m = re.exec(view.text);
    if (!m?.[0]) continue;
    let row = 0;
    const groups = m.groups!;
    while (groups[GROUPS[row]!] === undefined) row++;
    const start = view.start + m.index;
    const end = start + m[0].length;
    const first = wordAt(view, start);
    const last = wordBefore(view, end);
    if (first > last) continue;
    hits.push({ cue: cues[row]!, start, end, first, last, text: m[0].toLowerCase() });
  }
  return hits;
}

export interface TriggerPlace {
  /** First and last word index of the trigger. */
  first: number;
  last: number;
  form: Form;
}

/** Words of asides ("will, like his father, travel") between two word indexes: they do not count as distance. */
function asideWords(view: SentenceView, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (view.words[i]!.aside) n++;
  return n;
}

/** How far a cue is from the trigger in words, or null when its scope does not reach it. */
function reach(view: SentenceView, h: CueHit, t: TriggerPlace): number | null {
  if (h.last >= t.first && h.first <= t.last) return null; // the cue is the trigger itself
  if (h.cue.forms && !h.cue.forms.has(t.form)) return null;
  const clause = view.words[t.first]!.clause;
  switch (h.cue.scope) {
    case 'left': {
      const gap = t.first - h.last - 1 - asideWords(view, h.last + 1, t.first);
      return gap >= 0 && gap <= h.cue.reach && view.words[h.last]!.clause === clause ? gap : null;
    }
    case 'right': {
      const gap = h.first - t.last - 1 - asideWords(view, t.last + 1, h.first);
      return gap >= 0 && gap <= h.cue.reach && view.words[h.first]!.clause === clause ? gap : null;
    }
    case 'clause':
      return view.words[h.first]!.clause === clause ? Math.abs(h.first - t.first) : null;
    case 'sentence':
      return Math.abs(h.first - t.first);
  }
}

export function statusOf(view: SentenceView, hits: CueHit[], t: TriggerPlace, timing: 'past' | 'future' | null): StatusResult {
  let best: { h: CueHit; d: number } | null = null;
  for (const h of hits) {
    const d = reach(view, h, t);
    if (d === null) continue;
    // A modal on a verb farther off does not make a noun dated in the past prospective:
    // "that visit would follow up Kim's journey last summer".
    if (timing === 'past' && t.form === 'noun' && d >= 2 && PROSPECTIVE.has(h.cue.status)) continue;
    if (!best || h.cue.rank < best.h.cue.rank || (h.cue.rank === best.h.cue.rank && d < best.d)) best = { h, d };
  }
  if (best) return { status: best.h.cue.status, by: `status/cue:${best.h.text}`, start: best.h.start, end: best.h.end };
  if (timing === 'future') return { status: 'planned', by: 'status/future-date', start: null, end: null };
  return { status: 'occurred', by: `status/default-${t.form}`, start: null, end: null };
}
