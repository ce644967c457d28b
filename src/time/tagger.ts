import { parseDay, bounds, type Day } from './calendar.js';
import { NORMS, type Granularity, type NormContext, type Resolved } from './normalise.js';
import { patterns, type TimexPattern } from './patterns.js';
import { tenseMap, type TenseMap } from './tense.js';
import { triggerList, wordStartsBefore, type TriggerKind } from './triggers.js';

/**
 * The time-expression tagger: every pattern of the table proposes matches; the longest
 * (then the earlier row) wins where they overlap; each winner is normalised against the
 * article date, the tense near it and the last time mentioned before it; then lists and
 * ranges ("August 4 and 5", "May 21-22", "from 2000 to 2002") and clock-time + day pairs
 * ("10 p.m. Wednesday") are joined.
 */

export interface TimexPart {
  start: number;
  end: number;
  type: Resolved['type'];
  value: string;
}

export interface TimexHit extends Resolved {
  start: number;
  end: number;
  rule: string;
  /** for a range: its two ends, each a TIMEX3 of its own in TimeML practice */
  parts?: TimexPart[];
}

export interface Extent {
  start: number;
  end: number;
}

const SENTENCE_END = /(?<!\b(?:[ap]\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Jr|Sr|Inc|Corp|Co|No|vs|[A-Z]))[.!?]["'”’)]*\s+(?=["'“‘(]?[A-Z])|\n\s*\n|\r?\n(?=\s*[A-Z"“])/g;

/** Rough sentence extents for plain text when no segmentation is given. */
export function roughSentences(text: string): Extent[] {
  const out: Extent[] = [];
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text))) {
    const to = m.index + m[0].length;
    if (to > from) out.push({ start: from, end: to });
    from = to;
  }
  if (from < text.length) out.push({ start: from, end: text.length });
  return out;
}

const ENDS_IN_ABBREVIATION = /(?:\b[ap]\.m|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun))\.\s*$/;

/** A splitter may end a sentence at "5 p.m." or "Nov."; the time expression goes on. */
function joinAbbreviations(text: string, sentences: Extent[]): Extent[] {
  let out: Extent[] | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const prev = out ? out[out.length - 1] : i > 0 ? sentences[i - 1] : undefined;
    if (prev && s.start - prev.end <= 2 && ENDS_IN_ABBREVIATION.test(text.slice(Math.max(prev.start, prev.end - 8), prev.end))) {
      out ??= sentences.slice(0, i).map((x) => ({ ...x }));
      out[out.length - 1] = { start: prev.start, end: s.end };
      continue;
    }
    out?.push(s);
  }
  return out ?? sentences;
}

interface Candidate {
  start: number;
  end: number;
  pat: TimexPattern;
  groups: Record<string, string | undefined>;
  sentence: number;
}

let kindIndex: Map<TriggerKind, TimexPattern[]> | null = null;
function patternsByKind(): Map<TriggerKind, TimexPattern[]> {
  if (kindIndex) return kindIndex;
  kindIndex = new Map();
  for (const p of patterns())
    for (const k of p.needs) {
      const list = kindIndex.get(k);
      if (list) list.push(p);
      else kindIndex.set(k, [p]);
    }
  return kindIndex;
}

const ANAPHORIC = new Set(['anaphor', 'yearago', 'ago', 'theday', 'clock', 'yearperiod', 'weekday', 'partonly']);

function sentenceIndex(sentences: Extent[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Tags time expressions in `text` (within `sentences`, default: a rough split), anchored on `dct` (YYYY-MM-DD). */
export function tagText(text: string, dct: string | null, given: Extent[] = roughSentences(text)): TimexHit[] {
  const anchor: Day | null = dct ? parseDay(dct) : null;
  const sentences = joinAbbreviations(text, given);
  const cands: Candidate[] = [];
  const triggers = triggerList(text);
  if (!triggers.length) return [];
  const byKind = patternsByKind();
  const tried = new Int32Array(patterns().length).fill(-1);
  const starts: number[] = [];
  for (const t of triggers) {
    const pats = byKind.get(t.kind);
    if (!pats) continue;
    wordStartsBefore(text, t.start, -1, starts);
    for (const pat of pats) {
      const re = pat.re;
      for (const p of starts) {
        if (p <= tried[pat.rank]!) continue;
        tried[pat.rank] = p;
        re.lastIndex = p;
        const m = re.exec(text);
        if (!m || m[0].length === 0) continue;
        const end = p + m[0].length;
        const si = sentenceIndex(sentences, p);
        if (si < 0 || end > sentences[si]!.end) continue;
        cands.push({ start: p, end, pat, groups: m.groups ?? {}, sentence: si });
      }
    }
  }
  if (!cands.length) return [];
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.pat.rank - b.pat.rank || a.start - b.start);

  const tenses = new Map<number, TenseMap>();
  const taken = new Uint8Array(text.length);
  // The resolved value is kept apart (not spread into the hit): spreading values of many shapes was a hot spot.
  const hits: { r: Resolved; start: number; end: number; rule: string; cand: Candidate }[] = [];
  const context = (c: Candidate, last: Resolved | null, lastInSentence: Resolved | null = null, lastQuarter: Resolved | null = null): NormContext => ({
    dct: anchor,
    tense: () => {
      let t = tenses.get(c.sentence);
      const s = sentences[c.sentence]!;
      if (!t) tenses.set(c.sentence, (t = tenseMap(text.slice(s.start, s.end))));
      return t.at((c.start + c.end) / 2 - s.start);
    },
    last,
    lastInSentence,
    lastQuarter,
    surface: text.slice(c.start, c.end),
    before: text.slice(Math.max(sentences[c.sentence]!.start, c.start - 30), c.start),
    after: text.slice(c.end, Math.min(sentences[c.sentence]!.end, c.end + 30)),
    value: c.pat.value,
    rule: c.pat.name,
  });
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++)
      if (taken[i]) {
        free = false;
        break;
      }
    if (!free) continue;
    const norm = NORMS[c.pat.norm];
    if (!norm) throw new Error(`timex-patterns.tsv row ${c.pat.name}: unknown norm "${c.pat.norm}"`);
    const r = norm(c.groups, context(c, null));
    if (!r) continue;
    let { start, end } = c;
    // a sentence's full stop after "April" or "Monday" is not part of the expression
    if (text.charCodeAt(end - 1) === 46 && /[A-Za-z]{5,}\.$|\b(?:May|June|July|[Mm]onth|[Yy]ear|[Ww]eek|[Dd]ay|ago|[Hh]alf|later|earlier|before|after|now|soon|ahead|time)\.$/.test(text.slice(Math.max(start, end - 8), end)) && !/\b(?:Sept|Tues|Thurs)\.$/.test(text.slice(start, end))) end -= 1;
    // "a two-year term": the article is not part of the duration
    const art = c.pat.norm === 'duration' ? /^(?:for\s+the\s+|the\s+|an?\s+)(?=(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)-[a-z]+$)|^an?\s+(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)\b)/i.exec(text.slice(start, end)) : null;
    if (art) start += art[0].length;
    taken.fill(1, c.start, c.end);
    hits.push({ r, start, end, rule: c.pat.name, cand: c });
  }
  hits.sort((a, b) => a.start - b.start);

  // in text order: anaphora against the last time mentioned
  let last: Resolved | null = null;
  let lastSentence = -1;
  let lastQuarter: Resolved | null = null;
  const out: TimexHit[] = [];
  for (const h of hits) {
    let r: Resolved;
    let hit: TimexHit;
    if (ANAPHORIC.has(h.cand.pat.norm)) {
      const again = NORMS[h.cand.pat.norm]!(h.cand.groups, context(h.cand, last, lastSentence === h.cand.sentence ? last : null, lastQuarter));
      if (!again) continue;
      r = again;
      hit = hitOf(r, h.start, h.end, h.rule);
    } else {
      // as before the split: the hit carries its candidate
      hit = hitOf(h.r, h.start, h.end, h.rule);
      (hit as TimexHit & { cand: Candidate }).cand = h.cand;
      r = hit;
    }
    out.push(hit);
    if ((r.type === 'DATE' || r.type === 'TIME') && /^\d{4}/.test(r.value)) {
      last = r;
      lastSentence = h.cand.sentence;
      if (r.granularity === 'quarter' && r.anchor !== 'last') lastQuarter = r;
    }
  }
  return joinRanges(text, joinTimeAndDay(text, continueDayLists(text, out, sentences)));
}

/**
 * A hit from a resolved value, built field by field: every value comes from normalise.ts's
 * `res` (five fields and an optional mod), and spreading those two shapes into hits of a
 * third was the tagger's costliest line.
 */
function hitOf(r: Resolved, start: number, end: number, rule: string): TimexHit {
  const hit: TimexHit = { type: r.type, value: r.value, granularity: r.granularity, implied: r.implied, anchor: r.anchor, start, end, rule };
  if (r.mod !== undefined) hit.mod = r.mod;
  return hit;
}

// ---------------------------------------------------------------------------
// lists, ranges, time + day

const DAY_CONTINUATION = /^(\s*(?:-|–|—|to|and|or|through|thru|until|till|&)\s*)(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|[.,:]\d|percent|million|billion|people|years?|months?|days?|weeks?|hours?|a\.m|p\.m))(\s*,?\s*((?:1[0-9]|20)\d\d)\b)?/i;

/** "August 4 and 5", "May 21-22, 2002": the bare second day joins the first (an interval) or stands on its own. */
function continueDayLists(text: string, hits: TimexHit[], sentences: Extent[]): TimexHit[] {
  const out: TimexHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    out.push(h);
    if (h.granularity !== 'day' || !/^date-(md|mdy|dm)$/.test(h.rule) || /\d{4}/.test(text.slice(h.start, h.end)) && h.rule !== 'date-md') continue;
    const sEnd = sentences[sentenceIndex(sentences, h.start)]?.end ?? text.length;
    const rest = text.slice(h.end, Math.min(sEnd, h.end + 40));
    const m = DAY_CONTINUATION.exec(rest);
    if (!m) continue;
    const next = hits[i + 1];
    const partStart = h.end + m[1]!.length;
    if (next && next.start < h.end + m[0].length) continue;
    const day = Number(m[2]);
    let y = h.value.slice(0, 4);
    const mo = h.value.slice(5, 7);
    const first: TimexHit = Object.assign({}, h);
    if (m[4]) {
      y = m[4];
      first.value = `${y}${h.value.slice(4)}`;
      first.implied = h.implied.filter((k) => k !== 'year');
    }
    if (day < 1 || day > 31 || day <= Number(h.value.slice(8, 10))) continue;
    const second: TimexHit = {
      type: 'DATE',
      value: `${y}-${mo}-${String(day).padStart(2, '0')}`,
      granularity: 'day',
      implied: first.implied.concat(['month']),
      anchor: first.anchor,
      start: partStart,
      end: partStart + m[2]!.length + (m[0].slice(m[1]!.length + m[2]!.length).match(/^(?:st|nd|rd|th)/i)?.[0].length ?? 0),
      rule: `${h.rule}+list`,
    };
    if (m[4]) second.end = h.end + m[0].length;
    out[out.length - 1] = first;
    const sep = m[1]!.trim().toLowerCase();
    // "August 4 and 5": two consecutive days are one stretch (an interval whose parts are the
    // two TimeML timexes); "July 21 and 24" or "4 or 5" stay two.
    const consecutive = day === Number(first.value.slice(8, 10)) + 1;
    if ((sep === 'and' || sep === '&') && consecutive) out[out.length - 1] = makeRange(first, second, `${h.rule}+list`);
    else if (sep === 'and' || sep === 'or' || sep === '&') out.push(second);
    else out[out.length - 1] = makeRange(first, second, `${h.rule}+range`);
  }
  return out;
}

function makeRange(a: TimexHit, b: TimexHit, rule: string): TimexHit {
  return {
    type: 'DATE',
    value: `${a.value}/${b.value}`,
    granularity: a.granularity,
    implied: a.implied,
    anchor: a.anchor,
    start: a.start,
    end: b.end,
    rule,
    parts: [a, b].map((p) => ({ start: p.start, end: p.end, type: p.type, value: p.value })),
  };
}

const TIME_THEN_DAY = /^\s*,?\s*(?:on\s+)?$/i;

/** "10 p.m. Wednesday", "noon Thursday": one TIME on that day. */
function joinTimeAndDay(text: string, hits: TimexHit[]): TimexHit[] {
  const out: TimexHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i]!;
    const b = hits[i + 1];
    if (a.type === 'TIME' && a.rule === 'clock' && b && b.type === 'DATE' && b.granularity === 'day' && /^\d{4}-\d\d-\d\d$/.test(b.value) && TIME_THEN_DAY.test(text.slice(a.end, b.start))) {
      out.push(Object.assign({}, a, { value: `${b.value}${a.value.slice(10)}`, end: b.end, implied: b.implied, anchor: b.anchor, rule: `clock+${b.rule}` }));
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

const RANGE_GAP = /^\s*(?:-|–|—|to|through|thru|until|till)\s*$/i;
const RANGE_OPEN = /(?:\bfrom|\bbetween)\s+$/i;

/** "from 2000 to 2002", "1998-2000", "between May and July": one interval with both ends as parts. */
function joinRanges(text: string, hits: TimexHit[]): TimexHit[] {
  const out: TimexHit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i]!;
    const b = hits[i + 1];
    if (b && a.type === 'DATE' && b.type === 'DATE' && !a.parts && !b.parts && /^\d{4}/.test(a.value) && /^\d{4}/.test(b.value)) {
      const gap = text.slice(a.end, b.start);
      const opened = RANGE_OPEN.test(text.slice(Math.max(0, a.start - 10), a.start));
      if (RANGE_GAP.test(gap) || (opened && /^\s*and\s*$/i.test(gap))) {
        out.push(makeRange(a, b, `range:${a.rule}+${b.rule}`));
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

export type { Granularity, Resolved };
export { bounds };
