import { loadTable } from '../util/knowledge.js';
import {
  addDays,
  addMonths,
  daysInMonth,
  diffDays,
  fmtDay,
  fmtMonth,
  fmtWeek,
  fmtYear,
  parseDay,
  quarterOf,
  weekday,
  type Day,
} from './calendar.js';
import { lexicon, parseNumber } from './lexicon.js';

/**
 * Normalisation functions named by the pattern table's `norm` column. Each gets the match's
 * named groups and a context (article date, the tense around the match, the last time
 * mentioned) and returns a TIMEX3 type, value and granularity, or null to reject the match.
 */

export type Granularity = 'time' | 'day' | 'week' | 'month' | 'season' | 'quarter' | 'half' | 'year' | 'decade' | 'century';

export interface Resolved {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  granularity: Granularity;
  /** parts taken from the anchor rather than stated: year, month, day, week … */
  implied: string[];
  mod?: string;
  /** what the value was computed from: the article date, the last mentioned time, or nothing */
  anchor: 'dct' | 'last' | 'none';
}

export type Groups = Record<string, string | undefined>;

export interface NormContext {
  dct: Day | null;
  /** the tense the sentence speaks in near the match */
  tense(): 'past' | 'future' | null;
  /** the last DATE/TIME with a calendar value mentioned before the match */
  last: Resolved | null;
  /** the matched text and a little text before and after it */
  surface: string;
  before: string;
  after: string;
  /** the pattern row's fixed value and name */
  value: string;
  rule: string;
}

type Norm = (g: Groups, ctx: NormContext) => Resolved | null;

const lex = () => lexicon();
const low = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

function modOf(word: string | undefined): string | undefined {
  if (!word) return undefined;
  return lex().lookup('mod', low(word).replace(/-$/, ''));
}

function relOf(word: string | undefined): number | null {
  if (!word) return null;
  const w = low(word).replace(/^the /, '');
  const v = lex().lookup('rel', w);
  if (v !== undefined) return Number(v);
  if (w === 'latest' || w === 'recent') return -1;
  if (w === 'same') return 0;
  return null;
}

function yearOf(g: Groups, dct: Day | null): number | null {
  if (g.year) return Number(g.year);
  if (g.yearword) return spelledYear(g.yearword);
  if (g.year2) return Number(g.year2);
  if (g.yy) {
    if (g.yy.length === 4) return Number(g.yy);
    const n = Number(g.yy);
    const cur = dct ? dct.y % 100 : 30;
    return n <= cur + 5 ? 2000 + n : 1900 + n;
  }
  return null;
}

function yearRel(g: Groups, dct: Day | null): number | null {
  const w = low(g.yrel ?? g.ypos);
  if (!w || !dct) return null;
  if (w.startsWith('this')) return dct.y;
  if (w.startsWith('last')) return dct.y - 1;
  if (w.startsWith('next')) return dct.y + 1;
  if (/^\d{4}$/.test(w)) return Number(w);
  return null;
}

/** "nineteen ninety-six" -> 1996, "two thousand one" -> 2001. */
function spelledYear(s: string): number | null {
  const w = low(s).replace(/-/g, ' ');
  const m = /^(nineteen|eighteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?(.+)$/.exec(w);
  if (m) {
    const century = { eighteen: 1800, nineteen: 1900, twenty: 2000 }[m[1] as 'nineteen'];
    const rest = parseNumber(m[2]!);
    return rest === null || rest >= 100 ? null : century + rest;
  }
  const t = /^two thousand(?:\s+(?:and\s+)?(.+))?$/.exec(w);
  if (t) {
    const rest = t[1] ? parseNumber(t[1]) : 0;
    return rest === null || rest >= 100 ? null : 2000 + rest;
  }
  return null;
}

const res = (type: Resolved['type'], value: string, granularity: Granularity, implied: string[], anchor: Resolved['anchor'], mod?: string): Resolved =>
  mod ? { type, value, granularity, implied, anchor, mod } : { type, value, granularity, implied, anchor };

/**
 * A month (1-12), or a day of it, without a stated year: "last"/"next" decide; otherwise the
 * occurrence nearest the article date, unless the tense near it (or "by", "until") points
 * the other way, and for a day only when it is months away.
 */
function monthYear(month: number, day: number | null, dct: Day, rel: number | null, tense: 'past' | 'future' | null): number {
  const cmpIn = (y: number) => (day === null ? (y - dct.y) * 12 + month - dct.m : diffDays({ y, m: month, d: Math.min(day, daysInMonth(y, month)) }, dct));
  const cmp = cmpIn(dct.y);
  if (rel === -1) return cmp < 0 ? dct.y : dct.y - 1;
  if (rel === 1) return cmp > 0 ? dct.y : dct.y + 1;
  if (rel === 0) return dct.y;
  const half = day === null ? 6 : 183;
  let y = cmp > half ? dct.y - 1 : cmp < -half ? dct.y + 1 : dct.y;
  const c = cmpIn(y);
  const far = day === null ? 0 : 120;
  if (tense === 'past' && c > far) y -= 1;
  else if (tense === 'future' && c < -far) y += 1;
  return y;
}

/** The weekday nearest the article date in the direction the words or the tense give. */
function weekdayDate(wd: number, dct: Day, rel: number | null, tense: 'past' | 'future' | null): Day {
  const cur = weekday(dct);
  const fwd = (wd - cur + 7) % 7; // 0..6 days ahead
  let shift: number;
  if (rel === -1) shift = fwd === 0 ? -7 : fwd - 7;
  else if (rel === 1) shift = fwd === 0 ? 7 : fwd;
  else if (tense === 'past') shift = fwd === 0 ? 0 : fwd - 7;
  else if (tense === 'future') shift = fwd;
  else shift = fwd <= 3 ? fwd : fwd - 7;
  return addDays(dct, shift);
}

function partValue(part: string | undefined): string | null {
  if (!part) return null;
  const v = lex().lookup('part', low(part));
  return v ?? null;
}

const withPart = (day: string, part: string | null) => (part ? `${day}T${part}` : day);

function isAmbiguousMonth(word: string, surface: string): boolean {
  // "may", "march" and friends are words first: only a capitalised form counts
  const w = word.replace(/\.$/, '');
  if (w[0] === w[0]!.toLowerCase()) return true;
  return /^(?:May|March)$/.test(w) && surface.trim() === w;
}

// ---------------------------------------------------------------------------

const date: Norm = (g, ctx) => {
  const { dct } = ctx;
  const mod = modOf(g.dmod) ?? (g.after ? 'ON_OR_AFTER' : undefined);
  let year = yearOf(g, dct);
  const implied: string[] = [];
  const monthWord = g.month;
  let month: number | null = g.mon ? Number(g.mon) : monthWord ? Number(lex().lookup('month', monthWord.replace(/\.$/, ''))) : null;
  const day = g.day ? Number(g.day) : null;
  if (monthWord) {
    if (monthWord[0] === monthWord[0]!.toLowerCase()) return null;
    // a bare abbreviation ("Jan") or a lone "May"/"March" is not a date without more
    if (day === null && year === null) {
      if (monthWord.length <= 3 && !/\.$/.test(ctx.surface) && monthWord.toLowerCase() !== 'may') return null;
      if (/^(may|march)$/i.test(monthWord) && !g.rel && !g.dmod && !g.yrel) {
        if (monthWord === 'MAY' || monthWord === 'MARCH') return null;
        if (!/\b(?:in|of|since|until|till|by|from|to|through|during|early|late|mid|last|next|this|between|and|before|after|on)\s*$/i.test(ctx.before)) return null;
      }
    }
    if (isAmbiguousMonth(monthWord, ctx.surface) && /^\s*(?:be|have|not|also|well|I|we|you|he|she|they|it)\b/i.test(ctx.after)) return null;
  }
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  if (g.weekday && !month) return null;
  if (year === null && g.yrel) year = yearRel(g, dct);
  if (year === null && month === null) return null;
  if (year === null) {
    if (!dct) return null;
    const by = /\b(?:by|until|till|through|before|effective|payable|due)\s+(?:(?:early|mid|late|the end of|the middle of)[\s-]+)?$/i.test(ctx.before) ? 'future' : null;
    year = monthYear(month!, day, dct, relOf(g.rel), by ?? ctx.tense());
    implied.push('year');
  }
  if (year < 1000 || year > 2200) return null;
  if (month !== null && day !== null) {
    if (day > daysInMonth(year, month)) return null;
    return res('DATE', fmtDay({ y: year, m: month, d: day }), 'day', implied, implied.length ? 'dct' : 'none', mod);
  }
  if (month !== null) return res('DATE', fmtMonth(year, month), 'month', implied, implied.length ? 'dct' : 'none', mod);
  // a bare year: not a count, an amount or an address
  if (!g.dmod && /^\s*(?:%|percent|[a-z]+s\b(?<!\b(?:was|has|is|as|this|its|his|hers|always|yes|towards|afterwards|thanks|whereas|besides|plans|was)\b))/.test(ctx.after) && !/^\s*(?:elections?|levels?|figures?|prices?|budgets?|results|earnings|estimates?|census|olympics|games|season)\b/i.test(ctx.after)) return null;
  return res('DATE', fmtYear(year), 'year', [], 'none', mod);
};

const SEASONS = ['WI', 'SP', 'SU', 'FA'];
const seasonIndexOf = (m: number) => Math.floor((m % 12) / 3); // 0 WI (Dec-Feb), 1 SP, 2 SU, 3 FA

const season: Norm = (g, ctx) => {
  const code = lex().lookup('season', g.season ?? '');
  if (!code) return null;
  const mod = modOf(g.dmod) ?? modOf(g.dmod2);
  let year = yearOf(g, ctx.dct);
  const relWord = low(g.rel);
  if (year === null && !relWord && !mod && !/\b(?:in|during|by|since|until|till|through|over|of|this|last|next|early|late)\s*$/i.test(ctx.before)) return null;
  if (year !== null) return res('DATE', `${fmtYear(year)}-${code}`, 'season', [], 'none', mod);
  const { dct } = ctx;
  if (!dct) return null;
  const want = SEASONS.indexOf(code);
  const cur = seasonIndexOf(dct.m);
  // the year a season "belongs" to: winter is named after the year it starts in
  const seasonYear = dct.m <= 2 ? dct.y - 1 : dct.y;
  const rel = relWord === 'the' ? null : relOf(relWord);
  // seasons in calendar order from spring: SP(1) SU(2) FA(3) WI(4: Dec of the named year)
  const order = (i: number) => (i === 0 ? 4 : i);
  const curO = order(cur);
  const wantO = order(want);
  let y = seasonYear;
  if (rel === -1) y = wantO < curO ? seasonYear : seasonYear - 1;
  else if (rel === 1) y = wantO > curO ? seasonYear : seasonYear + 1;
  else if (rel === 0) y = seasonYear;
  else {
    const t = ctx.tense();
    if (t === 'past' && wantO > curO) y = seasonYear - 1;
    else if (t === 'future' && wantO < curO) y = seasonYear + 1;
  }
  return res('DATE', `${fmtYear(y)}-${code}`, 'season', ['year'], 'dct', mod);
};

const decade: Norm = (g, ctx) => {
  const mod = modOf(g.dmod);
  let prefix: string;
  if (g.decadeword) {
    const words = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
    prefix = `19${words.indexOf(g.decadeword.toLowerCase()) + 2}`;
  } else {
    const d = g.decade!.replace("'", '');
    if (d.length === 4) prefix = d.slice(0, 3);
    else if (d.length === 2) {
      const n = Number(d);
      const cur = ctx.dct ? ctx.dct.y : 2000;
      prefix = 2000 + n <= cur ? `20${d[0]}` : `19${d[0]}`;
    } else return null;
  }
  return res('DATE', prefix, 'decade', [], 'none', mod);
};

const century: Norm = (g) => {
  const n = g.cent ? Number(g.cent) : Number(lex().lookup('ordinal', g.centword ?? ''));
  if (!n || n > 21) return null;
  return res('DATE', String(n - 1).padStart(2, '0'), 'century', [], 'none', modOf(g.dmod));
};

const ORD: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

const quarter: Norm = (g, ctx) => {
  const q = ORD[low(g.qord)];
  if (!q) return null;
  let year = yearOf(g, ctx.dct) ?? yearRel(g, ctx.dct);
  const implied: string[] = [];
  if (year === null) {
    const { dct } = ctx;
    if (!dct) return null;
    year = dct.y;
    // a later quarter than the current one, spoken of in the past, is last year's
    if (q > quarterOf(dct.m) && ctx.tense() === 'past') year -= 1;
    implied.push('year');
  }
  return res('DATE', `${fmtYear(year)}-Q${q}`, 'quarter', implied, implied.length ? 'dct' : 'none');
};

const half: Norm = (g, ctx) => {
  const h = low(g.hord) === 'first' ? 1 : 2;
  const year = yearOf(g, ctx.dct) ?? yearRel(g, ctx.dct) ?? ctx.dct?.y ?? null;
  if (year === null) return null;
  return res('DATE', `${fmtYear(year)}-H${h}`, 'half', g.year ? [] : ['year'], g.year ? 'none' : 'dct');
};

/** A calendar unit relative to the article date: "last year", "this week", "early next month". */
function unitRelative(unit: string, rel: number, dct: Day, mod: string | undefined, tense: 'past' | 'future' | null): Resolved | null {
  switch (unit) {
    case 'year':
      return res('DATE', fmtYear(dct.y + rel), 'year', ['year'], 'dct', mod);
    case 'month': {
      const { y, m } = addMonths(dct.y, dct.m, rel);
      return res('DATE', fmtMonth(y, m), 'month', ['year', 'month'], 'dct', mod);
    }
    case 'week':
      return res('DATE', fmtWeek(addDays(dct, 7 * rel)), 'week', ['year', 'week'], 'dct', mod);
    case 'weekend': {
      // "this weekend" said on a Monday is the one just past
      const back = rel === 0 && weekday(dct) <= 2 && tense !== 'future' ? -7 : 0;
      return res('DATE', `${fmtWeek(addDays(dct, 7 * rel + back))}-WE`, 'week', ['year', 'week'], 'dct', mod);
    }
    case 'quarter': {
      const k = dct.y * 4 + quarterOf(dct.m) - 1 + rel;
      return res('DATE', `${fmtYear(Math.floor(k / 4))}-Q${(k % 4) + 1}`, 'quarter', ['year', 'quarter'], 'dct', mod);
    }
    case 'decade':
      return res('DATE', String(Math.floor(dct.y / 10) + rel), 'decade', ['decade'], 'dct', mod);
    case 'century':
      return res('DATE', String(Math.floor(dct.y / 100) + rel).padStart(2, '0'), 'century', ['century'], 'dct', mod);
  }
  return null;
}

const deictic: Norm = (g, ctx) => {
  const { dct } = ctx;
  if (!dct) return null;
  if (g.bare) {
    const b = low(g.bare);
    if (/period|quarter/.test(b)) return unitRelative('quarter', ctx.tense() === 'future' ? 0 : -1, dct, undefined, null);
    if (b === 'weekend') return unitRelative('weekend', ctx.tense() === 'future' && weekday(dct) > 2 ? 0 : 0, dct, undefined, ctx.tense());
    if (/^\s*(?:ended|ending|ends|to date|through)\b/i.test(ctx.after)) return res('DURATION', 'P1Y', 'year', [], 'none');
    return unitRelative('year', 0, dct, undefined, null);
  }
  const unit = low(g.unit);
  const relWord = low(g.rel).replace(/^the /, '');
  let rel = g.dmodreq ? 0 : relOf(relWord);
  if (rel === null) return null;
  const mod = modOf(g.dmod) ?? modOf(g.dmodreq);
  if (unit === 'decade' && relWord === 'past') return res('DURATION', 'P10Y', 'decade', [], 'none', mod);
  // the latest reported quarter is the one before the article's
  if (unit === 'quarter' && rel === 0 && relWord !== 'current' && ctx.tense() === 'past') rel = -1;
  if (relWord === 'same') return null;
  return unitRelative(unit, rel, dct, mod, ctx.tense());
};

const yearend: Norm = (_g, ctx) => (ctx.dct ? res('DATE', fmtYear(ctx.dct.y), 'year', ['year'], 'dct', 'END') : null);

/** "the year-ago quarter", "a year earlier": the last mentioned period (or the last quarter) a year back. */
const yearago: Norm = (g, ctx) => {
  const { dct } = ctx;
  if (!dct) return null;
  const unit = low(g.unit);
  const last = ctx.last;
  if (last && (last.granularity === 'quarter' || last.granularity === 'half') && last.anchor !== 'last') {
    const shifted = shiftValue(last.value, 'Y', -1);
    if (shifted) return res('DATE', shifted, last.granularity, ['year'], 'last');
  }
  if (unit === '') return res('DATE', fmtYear(dct.y - 1), 'year', ['year'], 'dct');
  if (unit === 'period' || unit.endsWith('quarter')) {
    const k = dct.y * 4 + quarterOf(dct.m) - 2;
    return res('DATE', `${fmtYear(Math.floor(k / 4) - 1)}-Q${(k % 4) + 1}`, 'quarter', ['year', 'quarter'], 'dct');
  }
  return unitRelative(unit, -1, dct, undefined, null);
};

const DAYWORD: Record<string, number> = { today: 0, tonight: 0, this: 0, yesterday: -1, last: -1, tomorrow: 1, 'before yesterday': -2, 'after tomorrow': 2 };

const dayword: Norm = (g, ctx) => {
  const { dct } = ctx;
  if (!dct) return null;
  const w = low(g.dayword);
  let shift = DAYWORD[w];
  if (shift === undefined) return null;
  let part = partValue(g.part);
  if (w === 'tonight') part = 'NI';
  // "USA Today", "today's world": a name or "nowadays"
  if (/^Today/.test(ctx.surface) && /[A-Z]\w*\s+$/.test(ctx.before) && !/(?:^|[.!?]\s*|["“]\s*)$/.test(ctx.before)) return null;
  if (/^\s*['’]s\s+(?:world|youth|society|generation|children|young|computers?|standards|economy|environment|technology|kids|market)\b/i.test(ctx.after)) return null;
  // "last night" is the night before; "last morning" is not said
  if (w === 'last' && part !== 'NI' && part !== 'EV') return null;
  if (w === 'this' && !part) return null;
  if (w === 'last' && part === 'EV') shift = -1;
  const value = withPart(fmtDay(addDays(dct, shift)), part);
  return res(part ? 'TIME' : 'DATE', value, part ? 'time' : 'day', ['year', 'month', 'day'], 'dct', modOf(g.dmod));
};

const weekdayNorm: Norm = (g, ctx) => {
  const { dct } = ctx;
  const word = (g.weekday ?? '').replace(/\.$/, '');
  if (word.length <= 4 && !/\.\s*$/.test(ctx.surface) && !/^(?:tues|thur|thurs)$/i.test(word)) return null;
  if (!dct) return null;
  const wd = Number(lex().lookup('weekday', word));
  const relWord = low(g.rel).replace(/^the /, '');
  const rel = relWord === 'this' ? null : relWord === 'next' && low(g.rel).startsWith('the') ? 1 : relOf(relWord);
  const d = weekdayDate(wd, dct, rel, ctx.tense());
  const part = partValue(g.part);
  return res(part ? 'TIME' : 'DATE', withPart(fmtDay(d), part), part ? 'time' : 'day', ['year', 'month', 'day'], 'dct', modOf(g.dmod));
};

const clock: Norm = (g, ctx) => {
  let hh: number;
  let mm = 0;
  if (g.noon && /\bhigh\s*$/i.test(ctx.before)) return null;
  if (g.noon) {
    const v = lex().lookup('part', low(g.noon))!;
    [hh, mm] = v.split(':').map(Number) as [number, number];
  } else if (g.hh !== undefined) {
    hh = Number(g.hh);
    mm = g.mm ? Number(g.mm) : 0;
    const pm = /^p/i.test(g.ampm ?? '');
    if (hh < 1 || hh > 12) return null;
    if (pm && hh < 12) hh += 12;
    if (!pm && hh === 12) hh = 0;
  } else if (g.hh2 !== undefined) {
    hh = Number(g.hh2);
    mm = Number(g.mm2);
  } else if (g.hh3 !== undefined) {
    hh = Number(g.hh3);
    mm = Number(g.mm3);
  } else return null;
  const zone = /^(?:utc|gmt|z)$/i.test(low(g.zone)) ? 'Z' : '';
  const hhmm = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}${zone}`;
  const day = ctx.dct ? fmtDay(ctx.dct) : 'XXXX-XX-XX';
  const mod = g.qmodt ? (/after/i.test(g.qmodt) ? 'AFTER' : /before/i.test(g.qmodt) ? 'BEFORE' : 'APPROX') : undefined;
  return res('TIME', `${day}T${hhmm}`, 'time', ['year', 'month', 'day'], ctx.dct ? 'dct' : 'none', mod);
};

/** Duration unit letters: [designator, multiplier, time part?]. */
const UNIT: Record<string, [string, number, boolean]> = {
  Y: ['Y', 1, false],
  M: ['M', 1, false],
  W: ['W', 1, false],
  '2W': ['W', 2, false],
  D: ['D', 1, false],
  H: ['H', 1, true],
  MI: ['M', 1, true],
  S: ['S', 1, true],
  DE: ['Y', 10, false],
  CE: ['Y', 100, false],
  Q: ['Q', 1, false],
  WE: ['D', 2, false],
};

function durationValue(n: number | null, unitCode: string): string | null {
  const u = UNIT[unitCode];
  if (!u) return null;
  const [des, mult, time] = u;
  let amount: string;
  if (n === null) amount = 'X';
  else {
    const total = n * mult;
    amount = Number.isInteger(total) ? String(total) : String(Math.round(total * 100) / 100);
  }
  if (n === null && unitCode === 'DE') return 'PXDE';
  if (n === null && unitCode === 'CE') return 'PXCE';
  return `P${time ? 'T' : ''}${amount}${des}`;
}

const GRAN: Record<string, Granularity> = { Y: 'year', M: 'month', W: 'week', '2W': 'week', D: 'day', H: 'time', MI: 'time', S: 'time', DE: 'decade', CE: 'century', Q: 'quarter', WE: 'day' };

const QMOD_WORDS: [RegExp, string][] = [
  [/^(?:about|around|approximately|roughly|some)$/, 'APPROX'],
  [/^(?:nearly|almost|up to|no more than|within|little more than|little over|barely)$/, 'EQUAL_OR_LESS'],
  [/^(?:less than|under|fewer than|just under)$/, 'LESS_THAN'],
  [/^(?:more than|over|longer than|just over|well over)$/, 'MORE_THAN'],
  [/^(?:at least|no less than)$/, 'EQUAL_OR_MORE'],
];
function qmodOf(w: string | undefined): string | undefined {
  const s = low(w);
  if (!s) return undefined;
  for (const [re, m] of QMOD_WORDS) if (re.test(s)) return m;
  return undefined;
}

const duration: Norm = (g, ctx) => {
  if (/[\s-]old$/i.test(ctx.surface)) return null;
  const unitCode = lex().lookup('unit', low(g.unit ?? g.unit2));
  if (!unitCode) return null;
  let n: number | null;
  if (g.half) n = 0.5;
  else if (g.num && /\d\s+\d\/\d/.test(g.num)) {
    const [whole, frac] = g.num.trim().split(/\s+/) as [string, string];
    const [a, b] = frac.split('/').map(Number) as [number, number];
    n = Number(whole) + a / b;
  } else {
    n = g.num ? parseNumber(g.num) : 1;
    if (g.num === undefined && !/and\s+a\s+half/i.test(ctx.surface)) n = 1;
    if (/and\s+a\s+half/i.test(ctx.surface) && n !== null) n += 0.5;
  }
  const numWord = low(g.num);
  // "a second" is an ordinal more often than a unit
  if (unitCode === 'S' && /^(?:a|an)$/.test(numWord)) return null;
  if (n === 0) return null;
  let value: string | null;
  if (n !== null && !Number.isInteger(n) && (unitCode === 'H' || unitCode === 'MI' || unitCode === 'Y')) {
    // "5 1/2 hours" -> PT5H30M, "2 1/2 years" -> P2Y6M
    const whole = Math.floor(n);
    const sub = Math.round((n - whole) * (unitCode === 'Y' ? 12 : 60));
    value = unitCode === 'H' ? `PT${whole ? `${whole}H` : ''}${sub}M` : unitCode === 'MI' ? `PT${whole ? `${whole}M` : ''}${sub}S` : `P${whole ? `${whole}Y` : ''}${sub}M`;
  } else value = durationValue(n, unitCode);
  if (!value) return null;
  // "$1.76 a year", "four flights a week": a rate, not a time
  if (/^(?:a|an)$/.test(numWord) && /(?:\d|\bmillion|\bbillion|\bpercent|%|\btimes|\bflights|\bhours|\bdays)\s*$/i.test(ctx.before) && !/\b(?:once|twice|thrice)\s*$/i.test(ctx.before)) return null;
  // "once a year", "twice a week": a frequency
  if (/^(?:a|an|one)$/.test(numWord) && /\b(?:once|twice|thrice|times)\s*$/i.test(ctx.before)) return res('SET', value, GRAN[unitCode]!, [], 'none');
  const mod = qmodOf(g.qmod) ?? (/\bor\s+so$/i.test(ctx.surface) || /couple/.test(numWord) ? 'APPROX' : undefined);
  return res('DURATION', value, GRAN[unitCode]!, [], 'none', mod);
};

const vague: Norm = (g, ctx) => {
  const unitWord = low(g.unit);
  const unitCode = lex().lookup('unit', unitWord);
  if (!unitCode) return null;
  const drel = low(g.drel);
  const hasQuant = /\b(?:few|several|many|couple)\b/i.test(ctx.surface);
  // a bare plural is a duration only after a preposition that measures time
  if (!drel && !hasQuant && !/\b(?:for|in|over|within|after|took|takes|take|lasted|last|spent|spend|than)\s*$/i.test(ctx.before)) return null;
  if (/^(?:the|these|those)\b/i.test(ctx.surface) && !drel && !hasQuant) return null;
  const value = durationValue(null, unitCode);
  return value ? res('DURATION', value, GRAN[unitCode]!, [], 'none') : null;
};

const set: Norm = (g, ctx) => {
  const v = lex().lookup('set', low(g.set));
  if (!v) return null;
  // "the party daily", "quarterly dividend", "average daily volume": a paper or an amount, not a frequency
  if (/\b(?:party|average|its|the|a|initial|regular)\s*$/i.test(ctx.before)) return null;
  if (/^\s*(?:dividends?|payouts?|payments?|volume|turnover|tally|newspaper|paper|report|results|earnings|rate|of\b)/i.test(ctx.after)) return null;
  return res('SET', v, 'day', [], 'none');
};

const every: Norm = (g) => {
  if (g.weekdays) {
    const wd = lex().lookup('weekday', g.weekdays.replace(/s$/i, ''));
    return wd ? res('SET', `XXXX-WXX-${wd}`, 'day', [], 'none') : null;
  }
  if (g.weekday) return res('SET', `XXXX-WXX-${lex().lookup('weekday', g.weekday)}`, 'day', [], 'none');
  if (g.month) return res('SET', `XXXX-${String(lex().lookup('month', g.month)).padStart(2, '0')}`, 'month', [], 'none');
  if (g.season) return res('SET', `XXXX-${lex().lookup('season', g.season)}`, 'season', [], 'none');
  const unitCode = lex().lookup('unit', low(g.unit));
  if (!unitCode) return null;
  const n = g.num ? parseNumber(g.num) : 1;
  const v = durationValue(n, unitCode);
  return v ? res('SET', v, GRAN[unitCode]!, [], 'none') : null;
};

const ref: Norm = (_g, ctx) => res('DATE', ctx.value, 'day', [], 'none');

/** Moves a TIMEX3 date value by n units (Y, M, W, D), keeping its granularity. */
export function shiftValue(value: string, unit: string, n: number): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d\d)-(\d\d)(T.*)?$/.exec(value))) {
    const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    let out: Day;
    if (unit === 'Y') out = { y: d.y + n, m: d.m, d: Math.min(d.d, daysInMonth(d.y + n, d.m)) };
    else if (unit === 'M') {
      const x = addMonths(d.y, d.m, n);
      out = { y: x.y, m: x.m, d: Math.min(d.d, daysInMonth(x.y, x.m)) };
    } else if (unit === 'W') out = addDays(d, 7 * n);
    else if (unit === 'D') out = addDays(d, n);
    else return null;
    return fmtDay(out) + (unit === 'D' || unit === 'W' ? '' : m[4] ?? '');
  }
  if ((m = /^(\d{4})-(\d\d)$/.exec(value))) {
    if (unit === 'Y') return fmtMonth(Number(m[1]) + n, Number(m[2]));
    if (unit === 'M') {
      const x = addMonths(Number(m[1]), Number(m[2]), n);
      return fmtMonth(x.y, x.m);
    }
    return null;
  }
  if ((m = /^(\d{4})(-(?:Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d))?$/.exec(value))) {
    if (unit === 'Y') return fmtYear(Number(m[1]) + n) + (m[2] ?? '');
    if (unit === 'Q' && m[2]?.startsWith('-Q')) {
      const k = Number(m[1]) * 4 + Number(m[2].slice(2)) - 1 + n;
      return `${fmtYear(Math.floor(k / 4))}-Q${(k % 4) + 1}`;
    }
    return null;
  }
  return null;
}

const ANAPHOR_DIR: Record<string, number> = { later: 1, after: 1, 'after that': 1, following: 1, next: 1, earlier: -1, before: -1, 'before that': -1, previous: -1, prior: -1, preceding: -1, same: 0, that: 0 };
const PART_UNITS: Record<string, string> = { morning: 'MO', evening: 'EV', night: 'NI' };

/** "a day later", "the year before", "the following month", "that day": from the last time mentioned. */
const anaphor: Norm = (g, ctx) => {
  const { dct } = ctx;
  const dir = ANAPHOR_DIR[low(g.dir)];
  if (dir === undefined) return null;
  const unitWord = low(g.unit);
  const part = PART_UNITS[unitWord];
  const unitCode = part ? 'D' : lex().lookup('unit', unitWord);
  if (!unitCode || !['Y', 'M', 'W', 'D', 'Q'].includes(unitCode)) return null;
  let n = g.num ? parseNumber(g.num) : 1;
  if (n === null) return null;
  n *= dir;
  const keepFine = ctx.rule === 'anaphor-rel';
  const anchorValue = ctx.last && /^\d{4}/.test(ctx.last.value) ? ctx.last.value : null;
  if (!anchorValue && !dct) return null;
  const base = anchorValue ?? fmtDay(dct!);
  const implied = ['year', 'month', 'day'];
  const anchor: Resolved['anchor'] = anchorValue ? 'last' : 'dct';
  // at the unit's granularity: "the year before" names a year
  const first = base.slice(0, 10);
  if (!keepFine || part) {
    switch (unitCode) {
      case 'Y':
        return res('DATE', fmtYear(Number(base.slice(0, 4)) + n), 'year', ['year'], anchor);
      case 'M': {
        if (!/^\d{4}-\d\d/.test(base)) return null;
        const x = addMonths(Number(base.slice(0, 4)), Number(base.slice(5, 7)), n);
        return res('DATE', fmtMonth(x.y, x.m), 'month', ['year', 'month'], anchor);
      }
      case 'W': {
        if (!/^\d{4}-\d\d-\d\d/.test(first)) return null;
        return res('DATE', fmtWeek(addDays(parseDay(first), 7 * n)), 'week', implied, anchor);
      }
      case 'D': {
        if (!/^\d{4}-\d\d-\d\d/.test(first)) return null;
        const v = withPart(fmtDay(addDays(parseDay(first), n)), part ?? null);
        return res(part ? 'TIME' : 'DATE', v, part ? 'time' : 'day', implied, anchor);
      }
      case 'Q':
        return null;
    }
  }
  const shifted = shiftValue(base, unitCode, n);
  if (!shifted) {
    // coarser anchor than the unit ("a day later" after "in May"): no day to count from
    return null;
  }
  const gran: Granularity = /^\d{4}-\d\d-\d\d/.test(shifted) ? 'day' : /^\d{4}-\d\d$/.test(shifted) ? 'month' : /Q/.test(shifted) ? 'quarter' : /^\d{4}$/.test(shifted) ? 'year' : 'day';
  return res('DATE', shifted, gran, implied, anchor);
};

/** "two years ago", "11 days ago", "a decade ago": back from the article date. */
const ago: Norm = (g, ctx) => {
  const { dct } = ctx;
  if (!dct) return null;
  const unitCode = lex().lookup('unit', low(g.unit));
  if (!unitCode) return null;
  const n = g.num ? parseNumber(g.num) : /s$/i.test(low(g.unit)) ? null : 1;
  const mod = qmodOf(g.qmod) ?? (/or\s+so/i.test(ctx.surface) ? 'APPROX' : undefined);
  if (n === null) return res('DATE', 'PAST_REF', 'day', [], 'dct', mod);
  const k = Math.round(n);
  // "up from $10 million a year ago" after "the third quarter": that quarter a year back
  if (unitCode === 'Y' && k === 1 && ctx.last && ctx.last.granularity === 'quarter' && ctx.last.anchor !== 'last') {
    const shifted = shiftValue(ctx.last.value, 'Y', -1);
    if (shifted) return res('DATE', shifted, 'quarter', ['year'], 'last', mod);
  }
  switch (unitCode) {
    case 'Y':
      return res('DATE', fmtYear(dct.y - k), 'year', ['year'], 'dct', mod);
    case 'DE':
      return res('DATE', fmtYear(dct.y - 10 * k), 'year', ['year'], 'dct', mod);
    case 'CE':
      return res('DATE', fmtYear(dct.y - 100 * k), 'year', ['year'], 'dct', mod);
    case 'M': {
      const x = addMonths(dct.y, dct.m, -k);
      return res('DATE', fmtMonth(x.y, x.m), 'month', ['year', 'month'], 'dct', mod);
    }
    case 'W':
      return res('DATE', fmtDay(addDays(dct, -7 * k)), 'day', ['year', 'month', 'day'], 'dct', mod);
    case '2W':
      return res('DATE', fmtDay(addDays(dct, -14 * k)), 'day', ['year', 'month', 'day'], 'dct', mod);
    case 'D':
      return res('DATE', fmtDay(addDays(dct, -k)), 'day', ['year', 'month', 'day'], 'dct', mod);
    case 'Q': {
      const q = dct.y * 4 + quarterOf(dct.m) - 1 - k;
      return res('DATE', `${fmtYear(Math.floor(q / 4))}-Q${(q % 4) + 1}`, 'quarter', ['year'], 'dct', mod);
    }
    case 'H':
    case 'MI':
      return res('TIME', fmtDay(dct), 'time', ['year', 'month', 'day'], 'dct', mod);
  }
  return null;
};

let holidays: Map<string, string> | null = null;

function easter(y: number): Day {
  // anonymous Gregorian algorithm
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

function nthWeekday(y: number, m: number, wd: number, nth: number): Day {
  if (nth > 0) {
    const first = { y, m, d: 1 };
    const shift = (wd - weekday(first) + 7) % 7;
    return addDays(first, shift + 7 * (nth - 1));
  }
  const last = { y, m, d: daysInMonth(y, m) };
  return addDays(last, -((weekday(last) - wd + 7) % 7));
}

export function holidayDate(rule: string, y: number): Day | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d\d)-(\d\d)$/.exec(rule))) return { y, m: Number(m[1]), d: Number(m[2]) };
  if ((m = /^(\d\d?)\/(\d)\/(-?\d)$/.exec(rule))) return nthWeekday(y, Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^easter([+-]\d+)$/.exec(rule))) return addDays(easter(y), Number(m[1]));
  if (rule === 'election') return addDays(nthWeekday(y, 11, 1, 1), 1);
  return null;
}

const holiday: Norm = (g, ctx) => {
  holidays ??= new Map(loadTable('timex-holidays.tsv').rows.map((r) => [low(r.name).replace(/’/g, "'"), r.rule!]));
  const rule = holidays.get(low(g.holiday).replace(/’/g, "'"));
  if (!rule || /^\s*week\b/i.test(ctx.after)) return null;
  if (/^\d{4}-\d\d-\d\d$/.test(rule)) return res('DATE', rule, 'day', [], 'none');
  let y = yearOf(g, ctx.dct);
  const implied: string[] = [];
  if (y === null) {
    if (!ctx.dct) return null;
    y = ctx.dct.y;
    implied.push('year');
    const d0 = holidayDate(rule, y);
    if (!d0) return null;
    const cmp = diffDays(d0, ctx.dct);
    const t = ctx.tense();
    if ((t === 'past' && cmp > 0) || (t !== 'future' && cmp > 183)) y -= 1;
    else if ((t === 'future' && cmp < 0) || cmp < -183) y += 1;
  }
  const d = holidayDate(rule, y);
  return d ? res('DATE', fmtDay(d), 'day', implied, implied.length ? 'dct' : 'none') : null;
};

export const NORMS: Record<string, Norm> = {
  date,
  season,
  decade,
  century,
  quarter,
  half,
  deictic,
  yearend,
  yearago,
  dayword,
  weekday: weekdayNorm,
  clock,
  ago,
  anaphor,
  duration,
  vague,
  set,
  every,
  ref,
  holiday,
};
