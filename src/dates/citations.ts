/**
 * Dated citations: the parenthesised source notes of digests and wire roundups,
 * "(BBC, AP, July 25; Reuters, July 24; July 26)" or "(see the Monitor, March 3, 9, 1999)".
 * Each names one or more month-day dates, a month carrying over to the bare days after it,
 * and sometimes a year.
 */

export interface CitedDate {
  month: number;
  day: number;
  /** Only when the citation states it. */
  year: number | null;
  /** The source named before the date, as written ("Reuters, Itar-Tass"), or null. */
  source: string | null;
  /** A cross-reference to an earlier issue ("see the Monitor, May 21"), not a news report. */
  crossReference: boolean;
}

export interface Citation {
  start: number;
  end: number;
  dates: CitedDate[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const PAREN = /\(([^()\n]{3,400})\)/g;
const MONTH_DAYS = new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2}(?:\\s*(?:[-–,]|and)\\s*\\d{1,2}\\b(?!\\d))*)(?:,?\\s+((?:19|20)\\d\\d)\\b)?`, 'g');

export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}

/** Days in a "21, 24" / "21-22" / "4 and 5" list; a range gives both ends and the days between. */
function days(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(/\s*(?:,|and)\s*/)) {
    const range = /^(\d{1,2})\s*[-–]\s*(\d{1,2})$/.exec(part.trim());
    if (range) {
      for (let d = Number(range[1]); d <= Number(range[2]) && d - Number(range[1]) < 31; d++) out.push(d);
    } else if (/^\d{1,2}$/.test(part.trim())) out.push(Number(part.trim()));
  }
  return out.filter((d) => d >= 1 && d <= 31);
}

/**
 * Parenthesised notes whose every `;`-separated part ends in a month-day date: that shape
 * tells a citation from a parenthetical remark that merely contains a date.
 */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(PAREN)) {
    const body = m[1]!;
    const dates: CitedDate[] = [];
    let ok = true;
    for (const part of body.split(';')) {
      if (!part.trim().replace(/^[\s,]+/, '')) continue;
      const found = [...part.matchAll(MONTH_DAYS)];
      const last = found[found.length - 1];
      // The date must close the part: "Reuters, July 24" not "July 24 talks in Moscow".
      if (!last || part.slice(last.index! + last[0].length).trim() !== '') {
        ok = false;
        break;
      }
      const lead = part.slice(0, found[0]!.index).replace(/^[\s,]+/, '');
      const crossReference = /^see\b/i.test(lead);
      const source = lead.replace(/^see\s+/i, '').replace(/[\s,]+$/, '') || null;
      for (const f of found) {
        const month = monthNumber(f[1]!);
        for (const day of days(f[2]!)) dates.push({ month, day, year: f[3] ? Number(f[3]) : null, source, crossReference });
      }
    }
    if (ok && dates.length) out.push({ start: m.index!, end: m.index! + m[0].length, dates });
  }
  return out;
}
