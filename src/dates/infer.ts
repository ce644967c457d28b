import { loadTable } from '../util/knowledge.js';
import { pad2 } from '../util/dates.js';
import { findCitations, type Citation } from './citations.js';

/**
 * The article date when the article never states it: the year from a periodical's volume
 * number or from "last year's … (…, 2000)"; the day from the latest dated citation, one day
 * after it when the citation is a report that a known digest (publications.tsv) summarises the
 * next day, or that the same paragraph tells as "yesterday" / "last night".
 */

export interface InferredDate {
  date: string;
  basis: string;
  /** The span that gave the day (a citation). */
  start: number;
  end: number;
  rule: string;
}

const VOLUME = /^[^\n]{0,80}?\b([A-Z][\w .&'-]{1,60}?)\s+Volume:?\s*(\d{1,3})\b/m;
const LAST_YEAR = /\blast year(?:'s|’s)?\b|\ba year (?:ago|earlier)\b/i;
const DAY_BEFORE = /\b(?:yesterday|last night)\b/i;

interface YearGuess {
  year: number;
  basis: string;
  /** Days between the reports a digest cites and its issue (publications.tsv). */
  lag: number;
}

function volumeYear(text: string): YearGuess | null {
  const m = VOLUME.exec(text.slice(0, 400));
  if (!m) return null;
  const name = m[1]!.trim().replace(/^Publication:\s*/i, '');
  for (const row of loadTable('publications.tsv').rows) {
    if (name.toLowerCase().endsWith(row.name!.toLowerCase())) {
      const volume = Number(m[2]);
      return { year: Number(row.first_year) + volume - 1, basis: `year from ${row.name} volume ${volume}`, lag: Number(row.lag || 0) };
    }
  }
  return null;
}

/** Paragraph bounds around an offset (blank-line or newline separated). */
function paragraphOf(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl < 0 ? text.length : nl };
}

/** "last year's summit … (see the Monitor, March 3, 9, 1999)": the article's year is 2000. */
function relativeYear(text: string, citations: Citation[]): YearGuess | null {
  for (const c of citations) {
    const stated = c.dates.find((d) => d.year !== null);
    if (!stated) continue;
    const p = paragraphOf(text, c.start);
    if (LAST_YEAR.test(text.slice(p.start, c.start))) {
      return { year: stated.year! + 1, basis: `year after ${stated.year} ("last year" cited as ${stated.year})`, lag: 0 };
    }
  }
  return null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function iso(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function inferArticleDate(text: string): InferredDate | null {
  const citations = findCitations(text);
  if (!citations.length) return null;
  const year = volumeYear(text) ?? relativeYear(text, citations);
  if (!year) return null;
  let best: InferredDate | null = null;
  const consider = (date: string, c: Citation, rule: string, basis: string): void => {
    if (!best || date > best.date) best = { date, start: c.start, end: c.end, rule, basis: `${basis}; ${year.basis}` };
  };
  for (const c of citations) {
    const p = paragraphOf(text, c.start);
    const toldAsYesterday = DAY_BEFORE.test(text.slice(p.start, p.end));
    for (const d of c.dates) {
      if (d.year !== null && d.year !== year.year) continue;
      const cited = iso(year.year, d.month, d.day);
      const when = `${MONTH_NAMES[d.month - 1]} ${d.day}`;
      // A digest cites the previous day's reports; a cross-reference names an earlier issue.
      if (year.lag > 0 && d.source && !d.crossReference) {
        consider(addDays(cited, year.lag), c, 'digest-citation', `the day after the latest cited report (${d.source}, ${when})`);
      } else if (toldAsYesterday && d.source && !d.crossReference) {
        consider(addDays(cited, 1), c, 'yesterday-citation', `the day after ${d.source}'s report of ${when}, told as "yesterday"`);
      } else {
        consider(cited, c, 'latest-citation', `latest dated citation (${when})`);
      }
    }
  }
  return best;
}
