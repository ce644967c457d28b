import * as chrono from 'chrono-node';
import type { Doc, Span } from '../doc/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { pad2 } from '../util/dates.js';
import { loadTable } from '../util/knowledge.js';

/**
 * First-cut time expressions: chrono-node proposes dates, anchored on the article date.
 * Issue #3 replaces this with a TIMEX3 normaliser (tense, seasons, decades, ranges).
 */

export type Granularity = 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century';

export interface TimexAttrs {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  start: string | null;
  end: string | null;
  granularity: Granularity;
  /** Components filled in from the anchor rather than stated (chrono's "implied"). */
  implied: string[];
}

const LEADING_PREPOSITION = /^(on|in|at|by|from|since|until|during)\s+/i;

/** A chrono result's TIMEX3 value at the granularity of its stated components. */
export function valueOf(c: chrono.ParsedComponents): { value: string; granularity: Granularity; implied: string[] } {
  const y = c.get('year')!;
  const m = c.get('month')!;
  const d = c.get('day')!;
  const implied = (['year', 'month', 'day'] as const).filter((k) => !c.isCertain(k));
  if (c.isCertain('day') || c.isCertain('weekday')) return { value: `${y}-${pad2(m)}-${pad2(d)}`, granularity: 'day', implied };
  if (c.isCertain('month')) return { value: `${y}-${pad2(m)}`, granularity: 'month', implied: implied.filter((k) => k !== 'day') };
  return { value: String(y), granularity: 'year', implied: [] };
}

/** Dates as the first day they cover, for `start`/`end`. */
function firstDay(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}
function lastDay(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [y, m] = value.split('-').map(Number) as [number, number];
    return `${value}-${pad2(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
  }
  return value;
}

let tenseCues: { re: RegExp; tense: 'past' | 'future' }[] | null = null;
const REGULAR_PAST = /\b\p{L}{3,}ed\b/iu;

/** The tense a sentence speaks in, from cue words (knowledge/tense-cues.tsv). */
export function sentenceTense(sentence: string): 'past' | 'future' | null {
  tenseCues ??= loadTable('tense-cues.tsv').rows.map((r) => ({ re: new RegExp(`\\b(?:${r.cue})\\b`, 'iu'), tense: r.tense as 'past' | 'future' }));
  for (const c of tenseCues) if (c.tense === 'future' && c.re.test(sentence)) return 'future';
  for (const c of tenseCues) if (c.tense === 'past' && c.re.test(sentence)) return 'past';
  return REGULAR_PAST.test(sentence) ? 'past' : null;
}

/** A bare weekday, moved to the occurrence on or before (past) or on or after (future) the anchor. */
function weekdayByTense(c: chrono.ParsedComponents, anchor: string, tense: 'past' | 'future'): string {
  const base = new Date(`${anchor}T12:00:00Z`);
  const want = c.get('weekday')!;
  const diff = (want - base.getUTCDay() + 7) % 7;
  const shift = tense === 'future' ? diff : diff === 0 ? 0 : diff - 7;
  const d = new Date(base.getTime() + shift * 86_400_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function tagTimexes(text: string, from: number, to: number, anchor: string | null): Span[] {
  const ref = anchor ? new Date(`${anchor}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: Span[] = [];
  const sentence = text.slice(from, to);
  let tense: 'past' | 'future' | null | undefined;
  for (const r of chrono.parse(sentence, { instant: ref, timezone: 0 })) {
    // Without an article date a year we would have to guess is no date at all.
    if (!anchor && !/\b\d{4}\b/.test(r.text)) continue;
    let start = from + r.index;
    let surface = r.text;
    const prep = LEADING_PREPOSITION.exec(surface);
    if (prep) {
      start += prep[0].length;
      surface = surface.slice(prep[0].length);
    }
    const a = valueOf(r.start);
    let by = 'timex/chrono';
    const bareWeekday = r.start.isCertain('weekday') && !r.start.isCertain('day');
    if (bareWeekday && anchor && !r.end) {
      tense ??= sentenceTense(sentence);
      if (tense) {
        a.value = weekdayByTense(r.start, anchor, tense);
        by = `timex/chrono+weekday-${tense}`;
      }
    }
    let value = a.value;
    let endValue = lastDay(a.value);
    if (r.end) {
      const b = valueOf(r.end);
      value = `${a.value}/${b.value}`;
      endValue = lastDay(b.value);
    }
    const attrs: TimexAttrs = { type: 'DATE', value, start: firstDay(a.value), end: endValue, granularity: a.granularity, implied: a.implied };
    out.push({ start, end: start + surface.length, label: 'TIMEX3', by, confidence: a.implied.length ? 0.6 : 0.8, attrs: attrs as unknown as Record<string, unknown> });
  }
  return out;
}

export const timexStage: Stage = {
  name: 'timex',
  requires: ['sentence', 'dct'],
  produces: ['timex'],
  description: 'time expressions normalised against the article date (chrono-node, first cut)',
  run(doc: Doc) {
    const anchor = (doc.layer('dct')[0]?.attrs?.date as string | undefined) ?? null;
    const spans: Span[] = [];
    for (const s of doc.layer('sentence')) spans.push(...tagTimexes(doc.text, s.start, s.end, anchor));
    return { timex: spans };
  },
};
