import * as chrono from 'chrono-node';
import type { Doc, Span } from '../doc/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { pad2 } from '../util/dates.js';
import { inferArticleDate } from '../dates/infer.js';

/** How far into the article a dateline may stand. */
const HEAD_CHARS = 600;
const HEAD_LINES = 6;

export interface ArticleDate {
  date: string | null;
  inferred: boolean;
  basis: string;
}


const STATED_YEAR = /\b(1[89]|20)\d\d\b/;

/** Full calendar dates (year, month and day all stated) in a piece of text. */
export function fullDates(text: string): { index: number; text: string; date: string }[] {
  // chrono is slow; a text without a four-digit year cannot hold a full date.
  if (!STATED_YEAR.test(text)) return [];
  return chrono.strict
    .parse(text, new Date(Date.UTC(2000, 0, 1, 12)))
    // A stated year, not one computed from the reference date ("for two days").
    .filter((r) => STATED_YEAR.test(r.text) && r.start.isCertain('month') && r.start.isCertain('day'))
    .map((r) => ({ index: r.index, text: r.text, date: `${r.start.get('year')}-${pad2(r.start.get('month')!)}-${pad2(r.start.get('day')!)}` }));
}

/**
 * The article's own date (document creation time): metadata first, then a dateline near the
 * top (a line that is a date, a "CITY, date —" opener, a "By … | date |" byline), then the
 * date inferred from dated citations (src/dates/infer.ts), then the first full date near the
 * top, both marked as inferred.
 */
export const datelineStage: Stage = {
  name: 'dateline',
  requires: [],
  produces: ['dct'],
  description: "the article's own date: metadata, else a dateline or byline date near the top, else inferred from dated citations",
  run(doc: Doc) {
    const meta = doc.meta.published;
    if (meta) {
      return { dct: [{ start: 0, end: 0, label: 'DCT', by: 'dateline/metadata', confidence: 1, attrs: { date: meta, inferred: false, basis: 'metadata' } }] };
    }
    let pos = 0;
    let lines = 0;
    let fallback: Span | null = null;
    for (const line of doc.text.slice(0, HEAD_CHARS * 2).split('\n')) {
      const start = pos;
      pos += line.length + 1;
      if (!line.trim()) continue;
      if (++lines > HEAD_LINES || start > HEAD_CHARS) break;
      for (const d of fullDates(line)) {
        const s = start + d.index;
        const span = (rule: string, inferred: boolean, basis: string, confidence: number): Span => ({
          start: s, end: s + d.text.length, label: 'DCT', by: `dateline/${rule}`, confidence, attrs: { date: d.date, inferred, basis },
        });
        const before = line.slice(0, d.index).trim();
        const after = line.slice(d.index + d.text.length).trim();
        // A line that is only the date, a "CITY, date —" opener, or a "By … | date |" byline.
        if (!before && (!after || /^[—–-]/.test(after))) return { dct: [span('date-line', false, 'dateline', 0.95)] };
        if (/^[\p{Lu} .'-]{2,40},?$/u.test(before) && (/^[—–-]/.test(after) || !after)) return { dct: [span('city-dateline', false, 'dateline', 0.95)] };
        if (/\|\s*$/.test(before) || /^by\b/i.test(before)) return { dct: [span('byline', false, 'byline date', 0.9)] };
        fallback ??= span('first-full-date', true, `first full date near the top ("${d.text}")`, 0.6);
      }
    }
    // No dateline: citations and the periodical's volume can still date the article; they
    // are better evidence than the first full date, which often names an earlier event.
    const inferred = inferArticleDate(doc.text);
    if (inferred) {
      return { dct: [{ start: inferred.start, end: inferred.end, label: 'DCT', by: `dateline/${inferred.rule}`, confidence: 0.7, attrs: { date: inferred.date, inferred: true, basis: inferred.basis } }] };
    }
    return { dct: fallback ? [fallback] : [] };
  },
};

/** Reads the dct layer back as an ArticleDate. */
export function articleDate(doc: Doc): ArticleDate {
  const s = doc.layer('dct')[0];
  if (!s) return { date: null, inferred: false, basis: 'no date found' };
  const a = s.attrs as { date: string; inferred: boolean; basis: string };
  return { date: a.date, inferred: a.inferred, basis: a.basis };
}
