/**
 * Calendar arithmetic on plain {y, m, d} days (UTC, no time zones) and TIMEX3 value
 * formatting: ISO weeks, quarters, seasons, halves, decades.
 */

export interface Day {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const pad2 = (n: number) => pad(n, 2);
export const fmtYear = (y: number) => pad(y, 4);

export function parseDay(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

export const fmtDay = (x: Day) => `${fmtYear(x.y)}-${pad2(x.m)}-${pad2(x.d)}`;
export const fmtMonth = (y: number, m: number) => `${fmtYear(y)}-${pad2(m)}`;

const toMs = (x: Day) => Date.UTC(x.y, x.m - 1, x.d);
const fromMs = (ms: number): Day => {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

export const addDays = (x: Day, n: number): Day => fromMs(toMs(x) + n * 86_400_000);
export const diffDays = (a: Day, b: Day) => Math.round((toMs(a) - toMs(b)) / 86_400_000);
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const weekday = (x: Day) => ((new Date(toMs(x)).getUTCDay() + 6) % 7) + 1;

/** ISO week-numbering year and week of a day. */
export function isoWeek(x: Day): { y: number; w: number } {
  const thursday = addDays(x, 4 - weekday(x));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { y: thursday.y, w: Math.floor(diffDays(thursday, jan1) / 7) + 1 };
}

export const fmtWeek = (x: Day) => {
  const { y, w } = isoWeek(x);
  return `${fmtYear(y)}-W${pad2(w)}`;
};

/** Monday of an ISO week. */
export function weekStart(y: number, w: number): Day {
  const jan4 = { y, m: 1, d: 4 };
  return addDays(jan4, (w - 1) * 7 - (weekday(jan4) - 1));
}

export const quarterOf = (m: number) => Math.floor((m - 1) / 3) + 1;

/** The first and last day a TIMEX3 date value covers, or null for values that are not dates. */
export function bounds(value: string): { start: string; end: string } | null {
  let m: RegExpExecArray | null;
  if ((m = /^(.+)\/(.+)$/.exec(value))) {
    const a = bounds(m[1]!);
    const b = bounds(m[2]!);
    return a && b ? { start: a.start, end: b.end } : null;
  }
  if ((m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value))) return { start: m[0], end: m[0] };
  if ((m = /^(\d{4})-(\d\d)$/.exec(value))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { start: `${m[0]}-01`, end: `${m[0]}-${pad2(daysInMonth(y, mo))}` };
  }
  if ((m = /^(\d{4})-W(\d\d)/.exec(value))) {
    const s = weekStart(Number(m[1]), Number(m[2]));
    return { start: fmtDay(s), end: fmtDay(addDays(s, 6)) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const q = Number(m[2]);
    const last = q * 3;
    return { start: `${m[1]}-${pad2(last - 2)}-01`, end: `${m[1]}-${pad2(last)}-${pad2(daysInMonth(Number(m[1]), last))}` };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return m[2] === '1' ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30` } : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31` };
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const y = Number(m[1]);
    const season: Record<string, [string, string]> = {
      SP: [`${m[1]}-03-20`, `${m[1]}-06-20`],
      SU: [`${m[1]}-06-21`, `${m[1]}-09-22`],
      FA: [`${m[1]}-09-23`, `${m[1]}-12-20`],
      WI: [`${m[1]}-12-21`, `${fmtYear(y + 1)}-03-19`],
    };
    const [start, end] = season[m[2]!]!;
    return { start, end };
  }
  if ((m = /^(\d{4})$/.exec(value))) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  if ((m = /^(\d{3})$/.exec(value))) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31` };
  if ((m = /^(\d{2})$/.exec(value))) return { start: `${m[1]}00-01-01`, end: `${m[1]}99-12-31` };
  return null;
}
