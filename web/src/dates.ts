// Drawing uncertain dates at their granularity: a month-level date covers its whole month,
// a year its whole year, so the timeline draws it as a range over that span.

const DAY = 86_400_000;

export const parseDay = (d: string): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
};

/** [start, end) instants of an item from its first and last day (end inclusive). */
export function span(start: string, end: string | null): { start: Date; end: Date; single: boolean } | null {
  const s = parseDay(start);
  const e = parseDay(end ?? start) ?? s;
  if (!s || !e) return null;
  const last = e < s ? s : e;
  return { start: s, end: new Date(last.getTime() + DAY), single: last.getTime() === s.getTime() };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A readable date for a TIMEX value: 2019-04-25 -> 25 Apr 2019; 2019-04 -> Apr 2019. */
export function readableValue(value: string | null | undefined): string {
  if (!value) return 'undated';
  if (value.includes('/')) return value.split('/').map(readableValue).join(' – ');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${+m[3]!} ${MONTHS[+m[2]! - 1]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return `${MONTHS[+m[2]! - 1]} ${m[1]}`;
  return value;
}
