import type { Doc, Span } from '../doc/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { bounds } from '../time/calendar.js';
import type { Granularity as TimeGranularity } from '../time/normalise.js';
import { tagText, type Extent, type TimexHit, type TimexPart } from '../time/tagger.js';

/**
 * Time expressions as TIMEX3 (src/time/: pattern and normalisation tables in
 * knowledge/timex-*.tsv), anchored on the article date, the tense around them and the
 * last time mentioned.
 */

/** The granularities of the export contract (../shared/spec/README.md). */
export type Granularity = 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century';

export interface TimexAttrs {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /**
   * In the `timex` layer: the calendar value in the export contract's form (`2001-08-04`,
   * `2001-08`, `2001-W30`, `2001-SU`, `2001-Q3`, `2001`, `197`, `19`, or `A/B`); a clock time
   * or part of day is cut to its day, a weekend to its week, a half year to its year.
   * In `timex-other`: the TIMEX3 value (`P3D`, `XXXX-WXX-1`, `PRESENT_REF`).
   */
  value: string;
  /** The full TIMEX3 value (`2001-07-26TMO`, `2001-W30-WE`, `1990-H1`, `P3D` …). */
  timex3: string;
  mod?: string;
  /** First and last ISO day the value covers; null for durations, sets and vague references. */
  start: string | null;
  end: string | null;
  granularity: Granularity;
  /** Components filled in from the anchor rather than stated (year, month, day, week …). */
  implied: string[];
  /** What the value was computed from: the article date, the last time mentioned, or the words alone. */
  anchor: 'dct' | 'last' | 'none';
  /** A range's two ends ("May 21-22"), each a TIMEX3 of its own in TimeML practice. */
  parts?: TimexPart[];
}

const CONTRACT_VALUE = /^(\d{2,4}|\d{4}-(\d{2}|W\d{2}|SP|SU|FA|WI|Q[1-4])|\d{4}-\d{2}-\d{2})$/;

/** A TIMEX3 calendar value cut to the export contract's forms; null when it has none. */
export function contractValue(timex3: string): string | null {
  const cut = (v: string) => {
    const c = v.replace(/T.*$/, '').replace(/-WE$/, '').replace(/-H[12]$/, '');
    return CONTRACT_VALUE.test(c) ? c : null;
  };
  const parts = timex3.split('/').map(cut);
  return parts.every((p) => p !== null) ? parts.join('/') : null;
}

function contractGranularity(value: string, g: TimeGranularity): Granularity {
  if (g === 'time') return 'day';
  if (g === 'half') return 'year';
  if (g === 'week' && !/W\d\d/.test(value)) return 'day';
  return g;
}

export function timexAttrs(h: TimexHit): TimexAttrs {
  const calendar = h.type === 'DATE' || h.type === 'TIME' ? contractValue(h.value) : null;
  const b = calendar ? bounds(h.value.replace(/T.*$/, '')) : null;
  const granularity = contractGranularity(calendar ?? h.value, h.granularity);
  const a: TimexAttrs = { type: h.type, value: calendar ?? h.value, timex3: h.value, start: b?.start ?? null, end: b?.end ?? null, granularity, implied: h.implied, anchor: h.anchor };
  if (h.mod) a.mod = h.mod;
  if (h.parts) a.parts = h.parts;
  return a;
}

/**
 * Timex spans for a text, given its sentence extents and article date: those with a calendar
 * value (the `timex` layer) and the rest - durations, sets, vague references (`timex-other`).
 */
export function timexSpans(text: string, sentences: Extent[], dct: string | null): { timex: Span[]; other: Span[] } {
  const timex: Span[] = [];
  const other: Span[] = [];
  for (const h of tagText(text, dct, sentences)) {
    const attrs = timexAttrs(h);
    const span: Span = {
      start: h.start,
      end: h.end,
      label: 'TIMEX3',
      by: `timex/${h.rule}`,
      confidence: h.anchor === 'none' ? 0.9 : h.anchor === 'dct' ? 0.8 : 0.6,
      attrs: attrs as unknown as Record<string, unknown>,
    };
    (attrs.start ? timex : other).push(span);
  }
  return { timex, other };
}

export const timexStage: Stage = {
  name: 'timex',
  requires: ['sentence', 'dct'],
  produces: ['timex', 'timex-other'],
  description: 'time expressions as TIMEX3, normalised against the article date, tense and the last time mentioned',
  run(doc: Doc) {
    const anchor = (doc.layer('dct')[0]?.attrs?.date as string | undefined) ?? null;
    const sentences = doc.layer('sentence').map((s) => ({ start: s.start, end: s.end }));
    const { timex, other } = timexSpans(doc.text, sentences, anchor);
    return { timex, 'timex-other': other };
  },
};
