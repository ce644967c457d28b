import { GRANULARITY_RANK, type ActorKey, type MentionFeatures, type PlaceKey, type TimeKey } from './features.js';

/**
 * An event's profile: what its mentions say together, kept small so a new mention is compared
 * with one record per candidate event, not with all of its mentions. Profiles merge
 * (mention into event, event into event); the canonical time and place are the most specific
 * ones the mentions support, with the mention that supplied them.
 */
/** An actor of the event (keyed by ActorKey.key in EventProfile.actors), with how many mentions name it. */
export type ProfileActor = Omit<ActorKey, 'key'> & { count: number };

export interface EventProfile {
  family: string;
  type: string;
  mode: string | null;
  lemmas: Record<string, number>;
  actors: Record<string, ProfileActor>;
  countries: Record<string, number>;
  place: (PlaceKey & { mention: string }) | null;
  /** `past`: the time comes from a report that the event occurred. */
  /** `mode`: the mode of the mention that gave it (a meeting's day wins over an arrival's). */
  time: (TimeKey & { mention: string; past?: boolean; mode?: string | null }) | null;
  /** Intersection of every mention's time interval: the days the event can be on. */
  window: { start: string; end: string } | null;
  /** From undated reports: an occurred report dated D means the event began by D, a plan dated D that it ends after D. */
  notAfter: string | null;
  notBefore: string | null;
  firstReported: string | null;
  lastReported: string | null;
  mentions: number;
  topics: string[];
  /** Context words with counts (only when the features carry context, as in the coref eval). */
  context?: Record<string, number>;
}

/** Statuses saying the event had happened (or was happening) by the report date. */
const PAST = new Set(['occurred', 'ongoing', 'negated', 'cancelled']);
/** Statuses saying it was still ahead at the report date. */
const AHEAD = new Set(['planned', 'expected', 'proposed', 'postponed']);
/** Prospective statuses whose undated reports mean the coming months. */
const NEAR_FUTURE = new Set(['planned', 'expected']);

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const minDay = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const maxDay = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

export function profileOf(m: MentionFeatures): EventProfile {
  const actors: Record<string, ProfileActor> = {};
  for (const a of m.actors) {
    const { key, ...rest } = a;
    actors[key] = { ...rest, count: (actors[key]?.count ?? 0) + 1 };
  }
  const countries: Record<string, number> = {};
  for (const c of m.countries) countries[c] = 1;
  const undated = !m.time && m.reported;
  const p: EventProfile = {
    family: m.family,
    type: m.type,
    mode: m.mode,
    lemmas: m.lemma ? { [m.lemma]: 1 } : {},
    actors,
    countries,
    place: m.place ? { ...m.place, mention: m.id } : null,
    time: m.time ? { ...m.time, mention: m.id, mode: m.mode, ...(m.status === 'occurred' ? { past: true } : {}) } : null,
    window: m.time ? { start: m.time.start, end: m.time.end } : null,
    // Loose by design: reports date events approximately, and a plan may be announced days after it began.
    // An undated plan or expectation is about the months ahead ("Kim is expected to meet the
    // governor"), not a meeting a year later.
    notAfter: undated && PAST.has(m.status) && !m.defaultStatus ? addDays(m.reported!, 2) : undated && NEAR_FUTURE.has(m.status) ? addDays(m.reported!, 183) : null,
    notBefore: undated && (AHEAD.has(m.status) || m.modalAhead) ? addDays(m.reported!, -14) : null,
    firstReported: m.reported,
    lastReported: m.reported,
    mentions: 1,
    topics: [...new Set(m.topics)],
  };
  if (m.context) p.context = Object.fromEntries([...m.context].map((w) => [w, 1]));
  return p;
}

function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/**
 * The more specific of two times: finer granularity, then one from a meeting over one from a
 * visit (the summit's day, not the arrival's), then the one a report of the event having
 * occurred gives (a plan's date may slip: "planned for March" and "February's summit"), then the
 * narrower interval; ties keep the older.
 */
export function moreSpecificTime<T extends TimeKey & { past?: boolean; mode?: string | null }>(a: T | null, b: T | null): T | null {
  if (!a || !b) return a ?? b;
  const ra = GRANULARITY_RANK[a.granularity] ?? 9;
  const rb = GRANULARITY_RANK[b.granularity] ?? 9;
  if (rb !== ra) return rb < ra ? b : a;
  // An event holding a meeting is dated by the meeting, not by the arrival merged into it.
  if (a.mode && b.mode && (a.mode === 'visit') !== (b.mode === 'visit')) return a.mode === 'visit' ? b : a;
  if (!!a.past !== !!b.past) return b.past ? b : a;
  const span = (t: TimeKey) => Date.parse(t.end) - Date.parse(t.start);
  return span(b) < span(a) ? b : a;
}

/** The more specific of two places: the one whose containment chain is longer (deeper), ties keep the older. */
export function moreSpecificPlace<T extends PlaceKey>(a: T | null, b: T | null): T | null {
  if (!a || !b) return a ?? b;
  if (b.chain.length > 1 && b.chain.slice(1).includes(a.key)) return b;
  if (b.chain.length > a.chain.length && !a.chain.includes(b.key)) return b;
  return a;
}

export function mergeProfiles(a: EventProfile, b: EventProfile): EventProfile {
  const actors: Record<string, ProfileActor> = { ...a.actors };
  for (const [k, v] of Object.entries(b.actors)) {
    const had = actors[k];
    actors[k] = had ? { ...had, country: had.country ?? v.country, title: had.title ?? v.title, count: had.count + v.count } : { ...v };
  }
  let window = a.window && b.window ? { start: maxDay(a.window.start, b.window.start)!, end: minDay(a.window.end, b.window.end)! } : (a.window ?? b.window);
  // Windows that nearly touch (score.ts: NEAR_DAYS) span both: an arrival on the 24th, the summit on the 25th.
  if (a.window && b.window && window && window.start > window.end) window = { start: minDay(a.window.start, b.window.start)!, end: maxDay(a.window.end, b.window.end)! };
  const out: EventProfile = {
    family: a.family,
    type: a.type,
    mode: a.mode ?? b.mode,
    lemmas: addCounts(a.lemmas, b.lemmas),
    actors,
    countries: addCounts(a.countries, b.countries),
    place: moreSpecificPlace(a.place, b.place),
    time: moreSpecificTime(a.time, b.time),
    window,
    notAfter: minDay(a.notAfter, b.notAfter),
    notBefore: maxDay(a.notBefore, b.notBefore),
    firstReported: minDay(a.firstReported, b.firstReported),
    lastReported: maxDay(a.lastReported, b.lastReported),
    mentions: a.mentions + b.mentions,
    topics: [...new Set([...(a.topics ?? []), ...(b.topics ?? [])])],
  };
  if (a.context || b.context) out.context = addCounts(a.context ?? {}, b.context ?? {});
  return out;
}

/** Years an event may fall in, for blocking: from its window, else from its reports. */
export function profileYears(p: EventProfile, maxYears = 4): number[] {
  let from: number;
  let to: number;
  if (p.window) {
    from = Number(p.window.start.slice(0, 4));
    to = Number(p.window.end.slice(0, 4));
  } else if (p.firstReported) {
    from = Number(p.firstReported.slice(0, 4)) - (p.notBefore ? 0 : 1);
    to = Number((p.lastReported ?? p.firstReported).slice(0, 4)) + (p.notBefore ? 1 : 0);
  } else return [];
  if (to - from + 1 > maxYears) return [];
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
