import { GRANULARITY_RANK, type PlaceKey } from './features.js';
import { mergeProfiles, type EventProfile, type ProfileActor } from './profile.js';

/**
 * The merge decision: can two profiles (a mention's, an event's) be one real event, and how
 * strongly do they say so? Hard incompatibilities (another kind of event, times that cannot
 * overlap, places neither of which contains the other) veto; agreement adds evidence.
 * The same function decides within an article, across articles, before a transitive merge
 * (coherence) and in the coreference evaluation.
 */

export interface Weights {
  /** Full overlap of the smaller actor set. */
  actors: number;
  /** Overlap of actor countries when no actor matched. */
  countries: number;
  /** Both sides name actors and none of them (nor their countries) match. */
  actorsDisjoint: number;
  timeDay: number;
  timeMonth: number;
  timeCoarse: number;
  place: number;
  lemma: number;
  /** Cosine of context-word bags, when both sides carry them. */
  context: number;
  /** Two different trigger lemmas known to name one event ("attack"/"strike"), as `a|b` sorted. */
  lemmaPairs?: Set<string>;
  lemmaPair?: number;
  /** Different trigger lemmas not known to pair (0 in the product, where the family gates). */
  lemmaMismatch?: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  actors: 0.5,
  countries: 0.2,
  actorsDisjoint: -0.3,
  timeDay: 0.3,
  timeMonth: 0.15,
  timeCoarse: 0.05,
  place: 0.15,
  lemma: 0.1,
  context: 0,
};

/** Thresholds on the score: joining within one article, and across articles. */
export const THRESHOLDS = { withinArticle: 0.35, acrossArticles: 0.55 };

export interface Decision {
  veto: string | null;
  score: number;
  /** Overlap of actors (0..1); -1 when a side names none. */
  actorOverlap: number;
  reasons: string[];
}

const FAR_KM = 60;

function km(a: PlaceKey, b: PlaceKey): number | null {
  if (a.lat == null || a.lon == null || b.lat == null || b.lon == null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** Same place, one inside the other, or within a short distance; null when unknown either side. */
/** Two places this close, one inside the other, are one site (a venue and its city). */
const SAME_SITE_KM = 30;

export function placesCompatible(a: PlaceKey | null, b: PlaceKey | null): { ok: boolean; same: boolean } | null {
  if (!a || !b) return null;
  if (a.key === b.key) return { ok: true, same: true };
  // Keys may be place-layer ids ("id:geonames:524901"); containment goes by the chains' heads.
  const within = (x: PlaceKey, y: PlaceKey) => x.chain.includes(y.key) || (!!y.chain[0] && x.chain.includes(y.chain[0]));
  const d = km(a, b);
  // One site: a venue in its city ("Russky Island" in Vladivostok) is the same place for
  // telling a stay of several days apart from two meetings; a city in its country is not.
  if (within(a, b) || within(b, a)) return { ok: true, same: d !== null && d <= SAME_SITE_KM };
  if (d !== null) return { ok: d <= FAR_KM, same: false };
  // Two named places in known countries, neither known to contain the other: different places.
  if (a.country && b.country) return { ok: false, same: false };
  // Without a country on one side we cannot tell: neither evidence nor a veto.
  return null;
}

/** How well one actor matches another: same key 1; one name's tokens inside the other's 0.7. */
function actorMatch(a: ProfileActor & { key: string }, b: ProfileActor & { key: string }): number {
  if (a.key === b.key) return 1;
  if (a.resolved && b.resolved) return 0;
  const [short, long] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  if (short.length && short.every((t) => long.includes(t))) return 0.7;
  return 0;
}

function actorOverlap(a: EventProfile, b: EventProfile): number {
  const A = Object.entries(a.actors).map(([key, v]) => ({ key, ...v }));
  const B = Object.entries(b.actors).map(([key, v]) => ({ key, ...v }));
  if (!A.length || !B.length) return -1;
  const [small, large] = A.length <= B.length ? [A, B] : [B, A];
  let sum = 0;
  const used = new Set<string>();
  for (const x of small) {
    let best = 0;
    let by: string | null = null;
    for (const y of large) {
      const v = actorMatch(x, y);
      if (v > best) [best, by] = [v, y.key];
    }
    sum += best;
    if (by) used.add(by);
  }
  // Several known people on the other side that this one does not name: a shared name says
  // less ("Putin" matches a meeting of Paek, Ivanov and Putin only weakly).
  const extra = large.filter((y) => !used.has(y.key) && knownPerson(y)).length;
  return (sum / small.length) / (1 + Math.max(0, extra - 1));
}

/** A person the knowledge base knows (people's ids are lower-case slugs; groups carry a country code). */
function knownPerson(x: ProfileActor): boolean {
  return x.resolved && !!x.id && /^[a-z][a-z-]*$/.test(x.id) && x.country !== 'IGO';
}

/** Windows at most this many days apart may still be one event (with corroboration). */
export const NEAR_DAYS = 3;

/** Days between two windows; 0 when they overlap. */
export function windowGap(a: { start: string; end: string }, b: { start: string; end: string }): number {
  if (a.end >= b.start && b.end >= a.start) return 0;
  // Only windows of a month or less are ever near: the years 2000 and 2001 are not.
  if (days(a.start, a.end) > 31 || days(b.start, b.end) > 31) return Infinity;
  const [x, y] = a.end < b.start ? [a.end, b.start] : [b.end, a.start];
  return days(x, y);
}

const days = (x: string, y: string) => Math.round((Date.parse(`${y}T00:00:00Z`) - Date.parse(`${x}T00:00:00Z`)) / 86400000);

/** Every actor is a person the knowledge base knows (ids of people are lower-case slugs; groups carry a country code, IGOs their own). */
function onlyPeople(p: EventProfile): boolean {
  const list = Object.values(p.actors);
  return list.length > 0 && list.every(knownPerson);
}

function countryOverlap(a: EventProfile, b: EventProfile): number {
  const A = Object.keys(a.countries);
  const B = Object.keys(b.countries);
  if (!A.length || !B.length) return -1;
  const shared = A.filter((c) => B.includes(c)).length;
  return shared / Math.min(A.length, B.length);
}

function dominant(counts: Record<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of Object.entries(counts)) if (v > n) [best, n] = [k, v];
  return best;
}

function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of Object.entries(a)) {
    na += v * v;
    const w = b[k];
    if (w) dot += v * w;
  }
  for (const v of Object.values(b)) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** "quake"/"earthquake", "announce"/"announcement": one lemma inside the other, or a long shared stem. */
export function stemRelated(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length >= 4 && (l.endsWith(s) || l.startsWith(s))) return true;
  let k = 0;
  while (k < s.length && s[k] === l[k]) k++;
  return k >= 5 && k >= 0.7 * s.length;
}

export function decide(a: EventProfile, b: EventProfile, w: Weights = DEFAULT_WEIGHTS): Decision {
  const reasons: string[] = [];
  // Rounded: 0.3 + 0.15 + 0.1 must clear a 0.55 threshold, not fall short by a rounding error.
  const out = (veto: string | null, score: number, overlap: number): Decision => ({ veto, score: Math.round(score * 1e6) / 1e6, actorOverlap: overlap, reasons });
  if (a.family !== b.family && a.family !== '*' && b.family !== '*') return out(`family ${a.family}/${b.family}`, 0, -1);

  // Time: intervals must overlap, or nearly touch (a report a day off, a stay of several days:
  // "arrived on April 24", "the summit on Thursday"; "the February summit", "the March summit"),
  // and then only at the same place with a shared participant (checked below): meetings with
  // two ministers on consecutive days stay two events.
  const gap = a.window && b.window ? windowGap(a.window, b.window) : 0;
  if (gap > NEAR_DAYS) return out('times do not overlap', 0, -1);
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    if (x.notAfter && y.window && y.window.start > x.notAfter) return out('reported as past before its date', 0, -1);
    if (x.notBefore && y.window && y.window.end < x.notBefore) return out('planned after its date', 0, -1);
    if (x.notAfter && y.notBefore && x.notAfter < y.notBefore) return out('occurred before it was planned', 0, -1);
  }
  const places = placesCompatible(a.place, b.place);
  if (places && !places.ok) return out(`places ${a.place!.name}/${b.place!.name}`, 0, -1);

  const overlap = actorOverlap(a, b);
  if (gap > 0 && !(places?.same && overlap > 0)) return out('times do not overlap', 0, -1);

  let score = 0;
  if (a.time && b.time && gap === 0) {
    const finer = Math.max(GRANULARITY_RANK[a.time.granularity] ?? 9, GRANULARITY_RANK[b.time.granularity] ?? 9);
    const add = finer <= GRANULARITY_RANK.week! ? w.timeDay : finer <= GRANULARITY_RANK.month! ? w.timeMonth : w.timeCoarse;
    score += add;
    reasons.push(`time+${add}`);
  }
  if (places) {
    score += w.place;
    reasons.push(`place+${w.place}`);
  }
  if (overlap > 0) {
    score += w.actors * overlap;
    reasons.push(`actors+${(w.actors * overlap).toFixed(2)}`);
  } else if (overlap === 0) {
    // Two sets of known people, none shared: other people, whatever their countries
    // ("Kim Il Sung" is not "Kim Jong Il").
    const c = onlyPeople(a) && onlyPeople(b) ? 0 : countryOverlap(a, b);
    if (c > 0) {
      score += w.countries * c;
      reasons.push(`countries+${(w.countries * c).toFixed(2)}`);
    } else {
      score += w.actorsDisjoint;
      reasons.push(`actors${w.actorsDisjoint}`);
    }
  }
  const la = dominant(a.lemmas);
  const lb = dominant(b.lemmas);
  if (la && la === lb) {
    score += w.lemma;
    reasons.push(`lemma+${w.lemma}`);
  } else if (la && lb && w.lemmaPair && (w.lemmaPairs?.has(la < lb ? `${la}|${lb}` : `${lb}|${la}`) || stemRelated(la, lb))) {
    score += w.lemmaPair ?? 0;
    reasons.push(`lemma-pair+${w.lemmaPair ?? 0}`);
  } else if (la && lb && w.lemmaMismatch) {
    score += w.lemmaMismatch;
    reasons.push(`lemma${w.lemmaMismatch}`);
  }
  if (w.context && a.context && b.context) {
    const c = cosine(a.context, b.context);
    score += w.context * c;
    reasons.push(`context+${(w.context * c).toFixed(2)}`);
  }
  return out(null, score, overlap);
}

/**
 * Coherence before a transitive merge: no pair among the profiles may be incompatible (another
 * kind of event, times or places that exclude each other), and each must still clear the
 * cross-article threshold against everything else in the group merged together. So a full
 * name can join "Batbold" and "Sukhbaatar", but one vague mention cannot chain two real
 * events that differ in time or place.
 */
export function coherent(profiles: EventProfile[], w: Weights = DEFAULT_WEIGHTS): boolean {
  for (let i = 0; i < profiles.length; i++) {
    for (let j = i + 1; j < profiles.length; j++) if (decide(profiles[i]!, profiles[j]!, w).veto) return false;
  }
  if (profiles.length < 2) return true;
  for (let i = 0; i < profiles.length; i++) {
    const rest = profiles.filter((_, j) => j !== i).reduce((a, b) => mergeProfiles(a, b));
    if (decide(profiles[i]!, rest, w).score < THRESHOLDS.acrossArticles) return false;
  }
  return true;
}
