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
const COUNTY = /\s(county|parish)$/;
const PREFIX = /^(city of|town of|village of|county of|state of|province of|port of|republic of)\s+/;

function kindPrior(rec: PlaceRecord, alt: boolean): number {
  switch (rec.kind) {
    case 'country':
      return 8.5;
    case 'region':
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

const candidateCache = new Map<string, Candidate[]>();

/** Candidates for one surface form, best prior first (cached per process). */
export function candidates(text: string): Candidate[] {
  const key = normalisePlaceName(text);
  const hit = candidateCache.get(key);
  if (hit) return hit;
  const out = lookupKey(key, 'name');
  if (!out.length) {
    const stripped = key.replace(PREFIX, '').replace(SUFFIX, '');
    if (stripped !== key && stripped.length > 1) out.push(...lookupKey(stripped, 'stripped'));
  }
  // "Turkish", "Russians", "European": the country or area, beside any town of that name.
  const demonym = placeData().demonyms.get(key) ?? placeData().demonyms.get(key.replace(/s$/, ''));
  if (demonym && !out.some((c) => c.rec === demonym)) out.push({ rec: demonym, prior: kindPrior(demonym, false) - 1, via: 'demonym' });
  out.sort((a, b) => b.prior - a.prior);
  if (candidateCache.size > 50_000) candidateCache.clear();
  candidateCache.set(key, out);
  return out;
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

/** The most-populous-place baseline: countries, then regions, then the largest town. */
export function mostPopulous(text: string): PlaceRecord | null {
  const c = candidates(text);
  if (!c.length) return null;
  const rank = (x: Candidate) => (x.rec.kind === 'country' ? 3e9 : x.rec.kind === 'region' ? 2e9 : x.rec.kind === 'city' ? x.rec.population : 1e9);
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
  cands: Candidate[];
  /** Current scores and probabilities, parallel to cands. */
  scores: number[];
  probs: number[];
  rules: string[];
}

const admin1Key = (r: PlaceRecord) => (r.country && r.admin1 ? `${r.country}/${r.admin1}` : '');

/** Candidates scored per group (the few best by prior): enough, and keeps the spatial term cheap. */
const MAX_SCORED = 25;

export interface ResolveContext {
  /** ISO alpha-3 codes the document names otherwise (adjectives, countries in the text). */
  countries?: readonly string[];
  /** "ISO3/admin1" keys of regions the text names. */
  admin1s?: readonly string[];
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(2 * (s - max)));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/**
 * Resolves the mentions of one document together (one sense per name and hint): each
 * candidate's prior plus the support of the other names' candidates, weighted by how likely
 * each of those is – shared country, shared first-level region, a place within 100 km – over
 * three rounds.
 */
export function resolveMentions(mentions: readonly PlaceMention[], context: ResolveContext = {}): Resolution[] {
  const groups = new Map<string, Group>();
  const groupOf = mentions.map((m) => {
    const key = `${normalisePlaceName(m.text)}|${m.hint?.country ?? ''}|${m.hint?.admin1 ?? ''}|${m.hint?.kind ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      let cands = candidates(m.text);
      const h = m.hint;
      if (h) {
        const narrowed = cands.filter((c) => (!h.country || c.rec.country === h.country) && (!h.admin1 || c.rec.admin1 === h.admin1) && (!h.kind || c.rec.kind === 'city' || c.rec.kind === 'venue'));
        if (narrowed.length) cands = narrowed;
      }
      cands = cands.slice(0, MAX_SCORED);
      // A country or region of that name outranks same-named towns unless the text says otherwise.
      if (cands.some((c) => c.rec.kind === 'country' || c.rec.kind === 'region')) {
        cands = cands.map((c) => (c.rec.kind === 'city' ? { ...c, prior: c.prior - 3 } : c));
      }
      // "Laurel County": towns named Laurel say little by size; the document's region decides.
      if (COUNTY.test(normalisePlaceName(m.text)) && cands.every((c) => c.via.startsWith('stripped'))) {
        cands = cands.map((c) => ({ ...c, prior: 2, via: 'county' }));
      }
      const scores = cands.map((c) => c.prior);
      g = { cands, scores, probs: softmax(scores), rules: cands.map(() => 'prior') };
      groups.set(key, g);
    }
    return g;
  });
  const list = [...groups.values()].filter((g) => g.cands.length);
  const fixedCountries = new Map<string, number>();
  for (const c of context.countries ?? []) fixedCountries.set(c, 1);
  const fixedAdmin1 = new Set(context.admin1s ?? []);
  for (let pass = 0; pass < 3 && list.length; pass++) {
    // Support from every group's candidates, weighted by their probability.
    const countryTotal = new Map(fixedCountries);
    const admin1Total = new Map<string, number>();
    const own: { country: Map<string, number>; admin1: Map<string, number> }[] = list.map((g) => {
      const country = new Map<string, number>();
      const admin1 = new Map<string, number>();
      g.cands.forEach((c, i) => {
        const p = g.probs[i]!;
        if (c.rec.country) country.set(c.rec.country, (country.get(c.rec.country) ?? 0) + p);
        const a = admin1Key(c.rec);
        if (a) admin1.set(a, (admin1.get(a) ?? 0) + p * (c.rec.kind === 'region' ? 2 : 1));
      });
      for (const [k, v] of country) countryTotal.set(k, (countryTotal.get(k) ?? 0) + v);
      for (const [k, v] of admin1) admin1Total.set(k, (admin1Total.get(k) ?? 0) + v);
      return { country, admin1 };
    });
    const others = Math.max(1, list.length - 1 + fixedCountries.size);
    list.forEach((g, gi) => {
      g.cands.forEach((c, i) => {
        const r = c.rec;
        let score = c.prior;
        const rules: string[] = [];
        if (r.country) {
          const support = (countryTotal.get(r.country) ?? 0) - (own[gi]!.country.get(r.country) ?? 0);
          if (support > 0.3) {
            score += 1 + (3 * Math.min(support, others)) / others;
            rules.push('country');
          }
        }
        const a = admin1Key(r);
        if (a && r.kind !== 'region') {
          const support = (admin1Total.get(a) ?? 0) - (own[gi]!.admin1.get(a) ?? 0) + (fixedAdmin1.has(a) ? 1 : 0);
          if (support > 0.2) {
            score += 2.5 * Math.min(1, support);
            rules.push('admin1');
          }
        }
        if (r.kind === 'city') {
          let near = 0;
          list.forEach((h, hi) => {
            if (hi === gi) return;
            h.cands.forEach((o, j) => {
              if (o.rec.kind !== 'city' || Math.abs(o.rec.lat - r.lat) > 1 || h.probs[j]! < 0.05) return;
              if (distanceKm(r.lat, r.lon, o.rec.lat, o.rec.lon) < 100) near += h.probs[j]!;
            });
          });
          if (near > 0.2) {
            score += 1.5 * Math.min(1, near);
            rules.push('near');
          }
        }
        g.scores[i] = score;
        g.rules[i] = rules.length ? rules.join('+') : 'prior';
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
    // A county whose namesake town lies outside the document's region: the region's focus.
    if (c.via === 'county' && !g.rules[best]!.includes('admin1') && focus) return { place: focus, confidence: 0.3, rule: 'fallback:county-focus', candidates: g.cands.length };
    const confidence = Math.round(Math.min(0.95, 0.4 + 0.55 * g.probs[best]!) * 100) / 100;
    return { place: c.rec, confidence, rule: c.via === 'name' ? g.rules[best]! : `${g.rules[best]}:${c.via}`, candidates: g.cands.length };
  });
}

/** The town of the document's most named first-level region. */
function documentFocus(list: Group[]): PlaceRecord | null {
  const counts = new Map<string, { n: number; rec: PlaceRecord }>();
  for (const g of list) {
    let best = 0;
    for (let i = 1; i < g.cands.length; i++) if (g.scores[i]! > g.scores[best]!) best = i;
    const r = g.cands[best]?.rec;
    if (!r || r.kind !== 'city') continue;
    const a = admin1Key(r);
    if (!a) continue;
    const hit = counts.get(a);
    if (hit) hit.n++;
    else counts.set(a, { n: 1, rec: r });
  }
  let best: { n: number; rec: PlaceRecord } | null = null;
  for (const v of counts.values()) if (!best || v.n > best.n) best = v;
  return best?.rec ?? null;
}

export type { PlaceKind, PlaceRecord };
