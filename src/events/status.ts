import { loadTable } from '../util/knowledge.js';
import type { Form } from './lexicon.js';
import { wordAt, wordBefore, type SentenceView } from './sentence.js';

/**
 * A mention's status from the cues whose scope reaches its trigger (knowledge/status-cues.tsv),
 * else from the trigger's form and time. The rule that decided is returned with the cue's span.
 */

export interface Cue {
  re: RegExp;
  status: string;
  scope: 'left' | 'right' | 'clause' | 'sentence';
  reach: number;
  rank: number;
  forms: Set<string> | null;
  /** The scope runs past barrier words ("denied that ..."). */
  cross: boolean;
}

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

const SCOPES = new Set(['left', 'right', 'clause', 'sentence']);
/** Rows with this status turn a negation they share a trigger with into "occurred" ("not … until"). */
const AFTER_NEGATION = 'occurred-after-negation';
const PROSPECTIVE = new Set(['planned', 'expected']);

let cueList: Cue[] | null = null;
let barrierRe: RegExp | null = null;
let anyCue: RegExp | null = null;

function load(): Cue[] {
  if (cueList) return cueList;
  const cues: Cue[] = [];
  const barriers: string[] = [];
  for (const r of loadTable('status-cues.tsv').rows) {
    if (r.status === 'barrier') {
      barriers.push(r.cue!);
      continue;
    }
    const [scope, reach] = r.scope!.split(':') as [Cue['scope'], string | undefined];
    if (!SCOPES.has(scope)) throw new Error(`status-cues.tsv: bad scope "${r.scope}"`);
    cues.push({
      // Sticky: tried only at word starts.
      // A space in a cue stands for any run of white space (news text has no-break spaces).
      re: new RegExp(`(?:${r.cue!.replaceAll(' ', '\\s+')})(?![\\w'’-])`, 'iy'),
      status: r.status!,
      scope,
      reach: Number(reach ?? 0),
      rank: Number(r.rank),
      forms: r.forms ? new Set(r.forms.split('|')) : null,
      cross: r.cross === 'yes',
    });
  }
  barrierRe = new RegExp(`^(?:${barriers.join('|') || '(?!)'})$`, 'i');
  // One pass finds the words where some cue starts; only there is every row tried.
  anyCue = new RegExp(`(?:${cues.map((c) => c.re.source).join('|')})`, 'iy');
  cueList = cues;
  return cues;
}

/** Every cue occurrence in a sentence (every row that matches at a word), computed once per sentence. */
export function cueHits(view: SentenceView): CueHit[] {
  const hits: CueHit[] = [];
  const cues = load();
  for (const w of view.words) {
    const at = w.start - view.start;
    anyCue!.lastIndex = at;
    if (!anyCue!.test(view.text)) continue;
    for (const cue of cues) {
      cue.re.lastIndex = at;
      const m = cue.re.exec(view.text);
      if (!m?.[0]) continue;
      const start = view.start + m.index;
      const end = start + m[0].length;
      const first = wordAt(view, start);
      const last = wordBefore(view, end);
      if (first > last) continue;
      hits.push({ cue, start, end, first, last, text: m[0].toLowerCase() });
    }
  }
  return hits;
}

export interface TriggerPlace {
  /** First and last word index of the trigger. */
  first: number;
  last: number;
  form: Form;
}

/** Whether a barrier word ("who", "because", …) stands strictly between words a and b. */
function barred(view: SentenceView, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) {
    // Asides ("will, like his father, travel") and the commas or dashes around them neither bar nor count.
    if (view.words[i]!.aside || view.words[i]!.bound) continue;
    const w = view.words[i]!.lower;
    if (!barrierRe!.test(w)) continue;
    // The comma of a number ("10,000") is no clause break.
    if (w === ',' && /^\d+$/.test(view.words[i - 1]!.lower) && /^\d{3}/.test(view.words[i + 1]?.lower ?? '')) continue;
    return true;
  }
  return false;
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
      if (gap < 0 || gap > h.cue.reach || view.words[h.last]!.clause !== clause) return null;
      return h.cue.cross || !barred(view, h.last, t.first) ? gap : null;
    }
    case 'right': {
      const gap = h.first - t.last - 1 - asideWords(view, t.last + 1, h.first);
      if (gap < 0 || gap > h.cue.reach || view.words[h.first]!.clause !== clause) return null;
      return h.cue.cross || !barred(view, t.last, h.first) ? gap : null;
    }
    case 'clause':
      return view.words[h.first]!.clause === clause ? Math.abs(h.first - t.first) : null;
    case 'sentence':
      return Math.abs(h.first - t.first);
  }
}

/** The strongest (lowest) rank of the cues giving a status: the rank of a frame's own status. */
const statusRanks = new Map<string, number>();
function rankOfStatus(status: string): number {
  let r = statusRanks.get(status);
  if (r === undefined) {
    r = Infinity;
    for (const c of load()) if (c.status === status && c.rank < r) r = c.rank;
    statusRanks.set(status, r);
  }
  return r;
}

/**
 * `own`: the status the trigger itself gives its event ("invited": proposed), as strong as the
 * strongest cue of that status and nearer than any.
 */
export function statusOf(view: SentenceView, hits: CueHit[], t: TriggerPlace, timing: 'past' | 'future' | null, own: string | null = null): StatusResult {
  let best: { h: CueHit; d: number } | null = null;
  let until: CueHit | null = null;
  for (const h of hits) {
    const d = reach(view, h, t);
    if (d === null) continue;
    if (h.cue.status === AFTER_NEGATION) {
      until = h;
      continue;
    }
    // A modal on a verb farther off does not make a noun dated in the past prospective:
    // "that visit would follow up Kim's journey last summer".
    if (timing === 'past' && t.form === 'noun' && d >= 2 && PROSPECTIVE.has(h.cue.status)) continue;
    if (!best || h.cue.rank < best.h.cue.rank || (h.cue.rank === best.h.cue.rank && d < best.d)) best = { h, d };
  }
  // "did not make his first trip until 2000": it took place, later.
  if (best?.h.cue.status === 'negated' && until) return { status: 'occurred', by: `status/cue:${best.h.text} … ${until.text}`, start: best.h.start, end: until.end };
  if (own && (!best || best.h.cue.rank >= rankOfStatus(own))) return { status: own, by: `status/frame:${own}`, start: view.words[t.first]!.start, end: view.words[t.last]!.end };
  // "is meeting Putin next week": a progressive with a date ahead is a plan, not under way.
  if (best?.h.cue.status === 'ongoing' && timing === 'future') return { status: 'planned', by: `status/future-date:${best.h.text}`, start: best.h.start, end: best.h.end };
  if (best) return { status: best.h.cue.status, by: `status/cue:${best.h.text}`, start: best.h.start, end: best.h.end };
  // A trigger that is itself the word of a plan ("the hearing has been scheduled for June 3")
  // is the scheduling, which took place: its date is the planned event's, not its own.
  const self = hits.find((h) => h.last >= t.first && h.first <= t.last && (h.cue.status === 'planned' || h.cue.status === 'expected'));
  if (timing === 'future' && !self) return { status: 'planned', by: 'status/future-date', start: null, end: null };
  return { status: 'occurred', by: `status/default-${t.form}`, start: null, end: null };
}
