import { hintAfter } from './context.js';
import { gazetteer } from './gazetteer.js';
import { normalisePlaceName } from './normalise.js';
import { placeData, townRecord, type PlaceKind, type PlaceRecord } from './places-data.js';

/**
 * Toponym resolution over one document: every mention gets candidates (team-written
 * countries, regions and venues, then GeoNames towns), ranked by a prior (size, feature
 * type) plus what the rest of the document says: the countries and first-level regions its
 * other places fall in, and closeness to them. One sense per name per document.
 */

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** Constraints read from the context: "Paris, Texas" (admin1), "the village of X" (kind). */
  hint?: { country?: string; admin1?: string; kind?: 'town' };
  /** Words around it make it a local town ("a Lebanon man", "Athens Police"): see context.ts. */
  local?: boolean;
}

export interface Resolution {
  place: PlaceRecord | null;
  confidence: number;
  /** How it resolved: prior, context (country / admin1 / near), fallback. */
  rule: string;
  candidates: number;
}

interface Candidate {
  rec: PlaceRecord;
  prior: number;
  via: string;
}

const MAX_TOWNS = 60;
/** Suffixes that name the kind of place, tried off when the full name is unknown. */
const SUFFIX = /\s+(county|parish|township|twp|borough|city|town|village|province|region|oblast|krai|district|state|municipality|prefecture|island|islands|valley|area)$/;
const ABBREVIATION = /^\p{Lu}[\p{L}. ]{0,6}\.$/u;
const COUNTY = /\s(county|parish)$/;
const PREFIX = /^(city of|town of|village of|county of|state of|province of|port of|republic of)\s+/;

function kindPrior(rec: PlaceRecord, alt: boolean): number {
  switch (rec.kind) {
    case 'country':
      return 8.5;
    case 'region':
      // A US county competes only with same-named counties: its towns' population ranks it.
      if (rec.fcode === 'ADM2') return Math.log10(rec.population + 10);
      return rec.fcode === 'ADM1' ? 7 : 6.8;
    case 'venue':
    case 'other':
      return 7.2;
    default: {
      const bonus = rec.fcode === 'PPLC' ? 1.5 : rec.fcode === 'PPLA' ? 0.8 : rec.fcode === 'PPLA2' ? 0.3 : 0;
      return Math.log10(rec.population + 10) + bonus - (alt ? 2.5 : 0);
    }
  }
}

/** A country or a first-level (or wider) region: outranks same-named towns. Not a county. */
const isArea = (r: PlaceRecord) => r.kind === 'country' || (r.kind === 'region' && r.fcode !== 'ADM2');
/** Points the closeness term measures from and to: towns and counties. */
const isLocal = (r: PlaceRecord) => r.kind === 'city' || r.fcode === 'ADM2';

/** A city this big keeps its size under a local cue ("a Boston native" is still Boston, Mass.). */
const LOCAL_BIG = 300_000;
/** What a local cue takes off a same-named country. */
const LOCAL_COUNTRY = 5;
/** A town's prior where the article reads it as local: half the weight of size, no capital bonus. */
function localPrior(c: Candidate): number {
  return 2 + 0.5 * Math.log10(c.rec.population + 10) - (c.via.endsWith('-alt') ? 2.5 : 0);
}

const candidateCache = new Map<string, Candidate[]>();

/** Candidates for one surface form, best prior first (cached per process). */
export function candidates(text: string): Candidate[] {
  const key = normalisePlaceName(text);
  // "Kan.", "Tenn.": written as an abbreviation, read as one first.
  const dotted = text.includes('.') && ABBREVIATION.test(text.trim());
  const cacheKey = dotted ? `${key}.` : key;
  const hit = candidateCache.get(cacheKey);
  if (hit) return hit;
  if (dotted) {
    const abbr = placeData().abbreviations.get(key);
    // Only the exact spelling: "La." is Louisiana, "L.A." is not.
    if (abbr && abbr.surfaces?.includes(text.trim())) {
      const only = [{ rec: abbr, prior: kindPrior(abbr, false), via: 'abbreviation' }];
      candidateCache.set(cacheKey, only);
      return only;
    }
  }
  const out = lookupKey(key, 'name');
  // "Qamishli" for "Al Qāmishlī", "al-Tanf" for "At Tanf": the Arabic article, written or not.
  if (!out.length) for (const k of arabicArticle(key)) if (!out.length) out.push(...lookupKey(k, 'name'));
  if (!out.length) {
    const stripped = key.replace(PREFIX, '').replace(SUFFIX, '');
    if (stripped !== key && stripped.length > 1) out.push(...lookupKey(stripped, 'stripped'));
  }
  // "Va.", "B.C.": an abbreviation outranks towns known only by an alternate name.
  const abbr = placeData().abbreviations.get(key);
  if (abbr && out.every((c) => c.via.endsWith('-alt'))) out.unshift({ rec: abbr, prior: kindPrior(abbr, false), via: 'abbreviation' });
  // "Turkish", "Russians", "European": the country or area, beside any town of that name.
  const demonym = placeData().demonyms.get(key) ?? placeData().demonyms.get(key.replace(/s$/, ''));
  if (demonym && !out.some((c) => c.rec === demonym)) out.push({ rec: demonym, prior: kindPrior(demonym, false) - 1, via: 'demonym' });
  // "Colorado State University", "European Commission": a known place inside the name.
  if (!out.length && key.includes(' ')) out.push(...partCandidates(key));
  out.sort((a, b) => b.prior - a.prior);
  if (candidateCache.size > 50_000) candidateCache.clear();
  candidateCache.set(cacheKey, out);
  return out;
}

/** The article "al" as GeoNames spells it before each letter (sun letters assimilate: "Ar Raqqah"). */
const ARABIC_ARTICLE = /^(al|el|ar|as|ash|ad|adh|an|az|at|ath|ath) (.+)$/;
const SUN = new Map([...'tdrzsn'].map((c) => [c, `a${c}`]));
function arabicArticle(key: string): string[] {
  const m = ARABIC_ARTICLE.exec(key);
  if (m) {
    const rest = m[2]!;
    return [rest, `al ${rest}`, `${SUN.get(rest[0]!) ?? 'al'} ${rest}`].filter((k) => k !== key);
  }
  if (key.includes(' ') || key.length < 4) return [];
  const first = key[0]!;
  const article = key.startsWith('sh') ? 'ash' : key.startsWith('th') ? 'ath' : key.startsWith('dh') ? 'adh' : (SUN.get(first) ?? 'al');
  return article === 'al' ? [`al ${key}`] : [`${article} ${key}`, `al ${key}`];
}

function partCandidates(key: string): Candidate[] {
  const words = key.split(' ');
  const d = placeData();
  for (let n = words.length - 1; n > 0; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const part = words.slice(i, i + n).join(' ');
      const team = d.byKey.get(part) ?? [];
      const demonym = d.demonyms.get(part);
      const found = team.length ? team : demonym ? [demonym] : [];
      if (found.length) return found.map((rec) => ({ rec, prior: kindPrior(rec, false) - 1, via: 'part' }));
    }
  }
  return [];
}

function lookupKey(key: string, via: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rec of placeData().byKey.get(key) ?? []) out.push({ rec, prior: kindPrior(rec, false), via });
  const g = gazetteer();
  let towns = g.lookup(key);
  if (towns.length > MAX_TOWNS) towns = [...towns].sort((a, b) => g.population[b.row]! - g.population[a.row]!).slice(0, MAX_TOWNS);
  for (const t of towns) {
    const rec = townRecord(t.row);
    out.push({ rec, prior: kindPrior(rec, t.alt), via: t.alt ? `${via}-alt` : via });
  }
  return out;
}

/** "Washington, D.C.", "Paris, Texas" as one span: the head's candidates and the tail as a hint. */
function commaSplit(text: string): { cands: Candidate[]; hint: PlaceMention['hint'] } | null {
  const comma = text.indexOf(',');
  if (comma <= 0) return null;
  const hint = hintAfter(text, comma);
  const cands = candidates(text.slice(0, comma));
  return cands.length ? { cands, hint } : null;
}

/** Initials of each country name ("SA" South Africa, "UAE", "DRC"), built once. */
let countryInitials: Map<string, PlaceRecord[]> | null = null;
const INITIALS = /^[A-Z]{2,4}$/;
function initialsOf(text: string, countries: readonly string[] | undefined): PlaceRecord | null {
  if (!countries?.length) return null;
  if (!countryInitials) {
    countryInitials = new Map();
    for (const c of placeData().countries) {
      const words = c.name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w));
      if (words.length < 2) continue;
      const k = words.map((w) => w[0]).join('');
      const list = countryInitials.get(k);
      if (list) list.push(c);
      else countryInitials.set(k, [c]);
    }
  }
  // Only a country the text names otherwise: "SA" alone may be South Australia or Saudi Arabia.
  const named = (countryInitials.get(text) ?? []).filter((c) => countries.includes(c.country!));
  return named.length === 1 ? named[0]! : null;
}

/** The most-populous-place baseline: countries, then regions, then the largest town. */
export function mostPopulous(text: string): PlaceRecord | null {
  const c = candidates(text);
  if (!c.length) return null;
  const rank = (x: Candidate) => (x.rec.kind === 'country' ? 3e9 : x.rec.fcode === 'ADM2' ? 1e9 + x.rec.population : x.rec.kind === 'region' ? 2e9 : x.rec.kind === 'city' ? x.rec.population : 1e9);
  return c.reduce((best, x) => (rank(x) > rank(best) ? x : best)).rec;
}

export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const dLat = (bLat - aLat) * r;
  const dLon = (bLon - aLon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Group {
  /** The normalised name. */
  name: string;
  cands: Candidate[];
  /** Current scores and probabilities, parallel to cands. */
  scores: number[];
  probs: number[];
  /** Which context terms applied (RULE_* bits), parallel to cands. */
  rules: number[];
  /** closePairs() of each candidate, once worked out. */
  near: (number[] | undefined)[];
  /** log10 of the population of the largest town among the candidates. */
  bigTown: number;
}

const RULE_COUNTRY = 1;
const RULE_ADMIN1 = 2;
const RULE_NEAR = 4;
/** Context weights, in the prior's units (one = ten times the population). */
const W_COUNTRY_ANY = 1;
const W_COUNTRY_SHARE = 3;
const W_ADMIN1_ANY = 1.5;
const W_ADMIN1_SHARE = 1.5;
/**
 * A town 20 times (10^1.3) smaller than a namesake takes this share of the region term unless
 * a place of the text lies near it: "Louisville" beside Columbus, Ohio is still Kentucky's.
 */
const SMALL_NAMESAKE_GAP = 1.3;
const SMALL_NAMESAKE_ADMIN1 = 0.6;
const W_NEAR = 2.5;
/** The least weight any town or county sense of another name lends the closeness term. */
const NEAR_FLOOR = 0.35;
const NEAR_MIN = 0.2;
/** How many town or county senses of a name the closeness term looks at. */
const NEAR_SENSES = 6;
const NEAR_KM = 100;
const NEAR_FULL_KM = 30;
const MAX_BONUS = 8;
const PASSES = 2;
const COUNTY_KM = 60;
/** The rule names of the eight RULE_* combinations, built once (one is asked for per mention). */
const RULE_NAMES = Array.from({ length: 8 }, (_, bits) => ['country', 'admin1', 'near'].filter((_, i) => bits & (1 << i)).join('+') || 'prior');
const ruleName = (bits: number) => RULE_NAMES[bits]!;

/** "ISO3/admin1", computed once per record (the scoring loops ask for it often). */
const admin1Keys = new WeakMap<PlaceRecord, string>();
function admin1Key(r: PlaceRecord): string {
  let k = admin1Keys.get(r);
  if (k === undefined) admin1Keys.set(r, (k = r.country && r.admin1 ? `${r.country}/${r.admin1}` : ''));
  return k;
}

/** Candidates scored per group (the few best by prior): enough, and keeps the spatial term cheap. */
const MAX_SCORED = 25;

export interface ResolveContext {
  /** ISO alpha-3 codes the document names otherwise (adjectives, countries in the text). */
  countries?: readonly string[];
  /** "ISO3/admin1" keys of regions the text names. */
  admin1s?: readonly string[];
  /** The normalised forms that named each country or admin1 key (documentSetting). */
  named?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The towns and counties a group may mean, as flat (lat, lon, weight) triples with their
 * bounding box. Every one counts a little (NEAR_FLOOR), however unlikely it looks on its own:
 * two names that only make sense together ("Paris and Henry County") find each other in the
 * first round.
 */
/**
 * The senses of other names within NEAR_KM of a town or county, as (group, point, closeness)
 * triples grouped by group: closeness 1 within NEAR_FULL_KM, fading to 0 at NEAR_KM.
 */
function closePairs(r: PlaceRecord, gi: number, likely: NearPoints[]): number[] {
  const out: number[] = [];
  // Kilometres per degree of longitude here; flat-earth distances are exact enough below 100 km.
  const lonKm = 111.2 * Math.cos((r.lat * Math.PI) / 180);
  for (let hi = 0; hi < likely.length; hi++) {
    const pts = likely[hi]!;
    if (hi === gi || !pts.n || (pts.minLat - r.lat) * 111.2 > NEAR_KM || (r.lat - pts.maxLat) * 111.2 > NEAR_KM || (pts.minLon - r.lon) * lonKm > NEAR_KM || (r.lon - pts.maxLon) * lonKm > NEAR_KM) continue;
    const a = pts.a;
    for (let k = 0; k < pts.n; k++) {
      const dy = (a[k * 3]! - r.lat) * 111.2;
      const dx = (a[k * 3 + 1]! - r.lon) * lonKm;
      if (dy > NEAR_KM || dy < -NEAR_KM || dx > NEAR_KM || dx < -NEAR_KM) continue;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d < NEAR_KM) out.push(hi, k, d <= NEAR_FULL_KM ? 1 : (NEAR_KM - d) / (NEAR_KM - NEAR_FULL_KM));
    }
  }
  return out;
}

interface NearPoints {
  a: Float64Array;
  /** Candidate index of each triple. */
  idx: number[];
  n: number;
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}
const NO_POINTS: NearPoints = { a: new Float64Array(0), idx: [], n: 0, minLat: 0, maxLat: 0, minLon: 0, maxLon: 0 };

function nearPoints(g: Group, prev: NearPoints | undefined): NearPoints {
  if (prev) {
    // Later rounds: same points, new weights.
    for (let k = 0; k < prev.n; k++) prev.a[k * 3 + 2] = Math.max(g.probs[prev.idx[k]!]!, NEAR_FLOOR);
    return prev;
  }
  if (!g.cands.some((c) => isLocal(c.rec))) return NO_POINTS;
  const a = new Float64Array(Math.min(g.cands.length, NEAR_SENSES) * 3);
  const idx: number[] = [];
  let n = 0;
  let minLat = 90;
  let maxLat = -90;
  let minLon = 180;
  let maxLon = -180;
  // Candidates come best prior first: the NEAR_SENSES likeliest towns and counties.
  g.cands.forEach((c, i) => {
    if (!isLocal(c.rec) || n >= NEAR_SENSES) return;
    const { lat, lon } = c.rec;
    a[n * 3] = lat;
    a[n * 3 + 1] = lon;
    a[n * 3 + 2] = Math.max(g.probs[i]!, NEAR_FLOOR);
    idx.push(i);
    n++;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  });
  return { a: a.subarray(0, n * 3), idx, n, minLat, maxLat, minLon, maxLon };
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  // Plain loops (it runs for every group in every pass); the sum in the same order as before.
  const e: number[] = [];
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const x = Math.exp(2 * (scores[i]! - max));
    e.push(x);
    sum += x;
  }
  for (let i = 0; i < e.length; i++) e[i] = e[i]! / sum;
  return e;
}

/**
 * Resolves the mentions of one document together (one sense per name and hint): each
 * candidate's prior plus the support of the other names' candidates, weighted by how likely
 * each of those is – shared country, shared first-level region, a place within 100 km – over
 * two rounds.
 */
export function resolveMentions(mentions: readonly PlaceMention[], context: ResolveContext = {}): Resolution[] {
  const groups = new Map<string, Group>();
  // A name read as a local town anywhere in the article is one everywhere in it.
  const localNames = new Set<string>();
  const names = mentions.map((m) => normalisePlaceName(m.text));
  mentions.forEach((m, i) => {
    if (m.local) localNames.add(names[i]!);
  });
  const groupOf = mentions.map((m, mi) => {
    const name = names[mi]!;
    const key = `${name}|${m.hint?.country ?? ''}|${m.hint?.admin1 ?? ''}|${m.hint?.kind ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      let h = m.hint;
      // "Washington, D.C." as one span: the town before the comma, the state after it a hint.
      const split = m.text.includes(',') ? commaSplit(m.text) : null;
      let cands = split ? split.cands : candidates(m.text);
      if (split) h = split.hint;
      // "SA", "NZ": the initials of a country the article names.
      if (INITIALS.test(m.text) && cands.every((c) => c.via.endsWith('-alt'))) {
        const country = initialsOf(m.text, context.countries);
        if (country) cands = [{ rec: country, prior: kindPrior(country, false), via: 'initials' }, ...cands];
      }
      // A hint after a country or region is a list ("China, Japan and Korea"), not a location.
      if (h && !cands.some((c) => isArea(c.rec))) {
        const narrowed = cands.filter((c) => (!h.country || c.rec.country === h.country) && (!h.admin1 || c.rec.admin1 === h.admin1) && (!h.kind || c.rec.kind === 'city' || c.rec.kind === 'venue'));
        if (narrowed.length) cands = narrowed;
      }
      cands = cands.slice(0, MAX_SCORED);
      const local = localNames.has(name);
      if (local && cands.some((c) => c.rec.kind === 'city')) {
        // A local town: not the country, and its size says less than the article's setting.
        cands = cands.map((c) => (c.rec.kind === 'country' ? { ...c, prior: c.prior - LOCAL_COUNTRY } : c.rec.kind === 'city' && c.rec.population < LOCAL_BIG ? { ...c, prior: localPrior(c) } : c));
      }
      // A country or region of that name outranks same-named towns unless the text says otherwise.
      if (cands.some((c) => isArea(c.rec) && !(local && c.rec.kind === 'country'))) {
        cands = cands.map((c) => (c.rec.kind === 'city' ? { ...c, prior: c.prior - 3 } : c));
      }
      // "Laurel County": towns named Laurel say little by size; the document's region decides.
      if (COUNTY.test(name) && cands.every((c) => c.via.startsWith('stripped'))) {
        cands = cands.map((c) => ({ ...c, prior: 2, via: 'county' }));
      }
      // The context adds at most MAX_BONUS: a candidate further behind can never win.
      const top = Math.max(...cands.map((c) => c.prior));
      cands = cands.filter((c) => c.prior >= top - MAX_BONUS);
      const scores = cands.map((c) => c.prior);
      let big = 10;
      for (const c of cands) if (c.rec.kind === 'city' && c.rec.population + 10 > big) big = c.rec.population + 10;
      g = { name, cands, scores, probs: softmax(scores), rules: cands.map(() => 0), near: [], bigTown: Math.log10(big) };
      groups.set(key, g);
    }
    return g;
  });
  // "Paris, Tenn." early on says which Paris a later bare "Paris" is.
  const hinted = new Map<string, Set<PlaceRecord>>();
  for (const [key, g] of groups) {
    const [name, country, admin1] = key.split('|');
    if ((country || admin1) && g.cands.length) hinted.set(name!, new Set(g.cands.map((c) => c.rec)));
  }
  if (hinted.size) {
    for (const [key, g] of groups) {
      const [name, country, admin1] = key.split('|');
      const known = hinted.get(name!);
      if (known && !country && !admin1) {
        const narrowed = g.cands.filter((c) => known.has(c.rec));
        if (narrowed.length) {
          g.cands = narrowed;
          g.scores = narrowed.map((c) => c.prior);
          g.probs = softmax(g.scores);
          g.rules = narrowed.map(() => 0);
        }
      }
    }
  }
  const list = [...groups.values()].filter((g) => g.cands.length);
  // "Lebanon" alone in the text does not make Lebanon the article's country for "Lebanon".
  const namedOnlyBy = (k: string, name: string) => {
    const forms = context.named?.get(k);
    if (!forms) return false;
    for (const f of forms) if (f !== name) return false;
    return true;
  };
  const fixedCountries = new Map<string, number>();
  for (const c of context.countries ?? []) fixedCountries.set(c, 1);
  const fixedAdmin1 = new Set(context.admin1s ?? []);
  for (const m of mentions) if (m.hint?.admin1 && m.hint.country) fixedAdmin1.add(`${m.hint.country}/${m.hint.admin1}`);
  const likelyPrev = new Map<Group, NearPoints>();
  for (let pass = 0; pass < PASSES && list.length; pass++) {
    // Support from every group's candidates, weighted by their probability.
    const countryTotal = new Map(fixedCountries);
    const admin1Total = new Map<string, number>();
    const own: { country: Map<string, number>; admin1: Map<string, number> }[] = list.map((g) => {
      const country = new Map<string, number>();
      const admin1 = new Map<string, number>();
      g.cands.forEach((c, i) => {
        const p = g.probs[i]!;
        if (p < 0.01) return;
        if (c.rec.country) country.set(c.rec.country, (country.get(c.rec.country) ?? 0) + p);
        const a = admin1Key(c.rec);
        if (a) admin1.set(a, (admin1.get(a) ?? 0) + p * (c.rec.fcode === 'ADM1' ? 2 : 1));
      });
      for (const [k, v] of country) countryTotal.set(k, (countryTotal.get(k) ?? 0) + v);
      for (const [k, v] of admin1) admin1Total.set(k, (admin1Total.get(k) ?? 0) + v);
      return { country, admin1 };
    });
    const others = Math.max(1, list.length - 1 + fixedCountries.size);
    // The towns and counties each group may mean, for the closeness term.
    const likely = list.map((g) => nearPoints(g, likelyPrev.get(g)));
    for (let i = 0; i < list.length; i++) likelyPrev.set(list[i]!, likely[i]!);
    list.forEach((g, gi) => {
      // One candidate: its score changes nothing (but the rule name says which terms held).
      if (g.cands.length === 1 && pass < PASSES - 1) return;
      g.cands.forEach((c, i) => {
        const r = c.rec;
        let score = c.prior;
        let rules = 0;
        if (r.country) {
          const support = (countryTotal.get(r.country) ?? 0) - (own[gi]!.country.get(r.country) ?? 0) - (fixedCountries.has(r.country) && namedOnlyBy(r.country, g.name) ? 1 : 0);
          if (support > 0.3) {
            score += W_COUNTRY_ANY + (W_COUNTRY_SHARE * Math.min(support, others)) / others;
            rules |= RULE_COUNTRY;
          }
        }
        const a = admin1Key(r);
        let admin1Bonus = 0;
        if (a && r.fcode !== 'ADM1') {
          const support = (admin1Total.get(a) ?? 0) - (own[gi]!.admin1.get(a) ?? 0) + (fixedAdmin1.has(a) && !namedOnlyBy(a, g.name) ? 1 : 0);
          if (support > 0.2) {
            // Like the country term: any support counts, a larger share of the text counts more
            // (a state that one name of many lies in says less than a local paper's state).
            admin1Bonus = W_ADMIN1_ANY * Math.min(1, support) + (W_ADMIN1_SHARE * Math.min(support, others)) / others;
            rules |= RULE_ADMIN1;
          }
        }
        if (isLocal(r)) {
          // Which senses of the other names lie near, and how near: fixed for the document,
          // worked out once; each round only reweighs them.
          let pairs = g.near[i];
          if (!pairs) g.near[i] = pairs = closePairs(r, gi, likely);
          let near = 0;
          let group = -1;
          let best = 0;
          for (let j = 0; j < pairs.length; j += 3) {
            const hi = pairs[j]!;
            if (hi !== group) {
              near += best;
              best = 0;
              group = hi;
            }
            const w = likely[hi]!.a[pairs[j + 1]! * 3 + 2]! * pairs[j + 2]!;
            if (w > best) best = w;
          }
          near += best;
          if (near > NEAR_MIN) {
            score += W_NEAR * Math.min(1, near);
            rules |= RULE_NEAR;
          }
        }
        if (admin1Bonus && !(rules & RULE_NEAR) && r.kind === 'city' && g.bigTown - Math.log10(r.population + 10) > SMALL_NAMESAKE_GAP) admin1Bonus *= SMALL_NAMESAKE_ADMIN1;
        score += admin1Bonus;
        g.scores[i] = score;
        g.rules[i] = rules;
      });
    });
    for (const g of list) g.probs = softmax(g.scores);
  }
  const focus = documentFocus(list);
  return groupOf.map((g) => {
    if (!g.cands.length) return { place: focus, confidence: focus ? 0.3 : 0, rule: focus ? 'fallback:focus' : 'none', candidates: 0 };
    let best = 0;
    for (let i = 1; i < g.cands.length; i++) if (g.scores[i]! > g.scores[best]!) best = i;
    const c = g.cands[best]!;
    // A county: its namesake town when that lies near the document's focus, else the focus.
    if (c.via === 'county' && focus && (!(g.rules[best]! & RULE_ADMIN1) || distanceKm(c.rec.lat, c.rec.lon, focus.lat, focus.lon) > COUNTY_KM)) return { place: focus, confidence: 0.3, rule: 'fallback:county-focus', candidates: g.cands.length };
    const confidence = Math.round(Math.min(0.95, 0.4 + 0.55 * g.probs[best]!) * 100) / 100;
    return { place: c.rec, confidence, rule: c.via === 'name' ? ruleName(g.rules[best]!) : `${ruleName(g.rules[best]!)}:${c.via}`, candidates: g.cands.length };
  });
}

/**
 * Where the document is set: the centre of the towns it names in its most named first-level
 * region (a local paper's county, river or unknown hamlet lies near there).
 */
function documentFocus(list: Group[]): PlaceRecord | null {
  const groups = new Map<string, PlaceRecord[]>();
  for (const g of list) {
    let best = 0;
    for (let i = 1; i < g.cands.length; i++) if (g.scores[i]! > g.scores[best]!) best = i;
    const r = g.cands[best]?.rec;
    if (!r || r.kind !== 'city' || g.cands[best]!.via === 'county') continue;
    const a = admin1Key(r);
    if (!a) continue;
    const towns = groups.get(a);
    if (towns) towns.push(r);
    else groups.set(a, [r]);
  }
  let top: PlaceRecord[] | null = null;
  for (const towns of groups.values()) if (!top || towns.length > top.length) top = towns;
  if (!top) return null;
  const lat = top.reduce((s, r) => s + r.lat, 0) / top.length;
  const lon = top.reduce((s, r) => s + r.lon, 0) / top.length;
  const first = top[0]!;
  return { ...first, id: `focus:${admin1Key(first)}`, name: `${first.name} area`, lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4, kind: 'other', population: 0, geonameid: undefined, fcode: 'FOCUS' };
}

export type { PlaceKind, PlaceRecord };
