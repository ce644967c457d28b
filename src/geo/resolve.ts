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
      return Math.log10(rec.population + 10) + bonus - (alt ? 1.5 : 0);
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
  if (!out.length) {
    const country = placeData().demonyms.get(key);
    if (country) out.push({ rec: country, prior: kindPrior(country, false) - 1, via: 'demonym' });
  }
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
  key: string;
  cands: Candidate[];
  hint: PlaceMention['hint'];
  choice: Candidate | null;
  score: number;
  margin: number;
  rule: string;
}

const admin1Key = (r: PlaceRecord) => (r.country && r.admin1 ? `${r.country}/${r.admin1}` : '');

/**
 * Resolves the mentions of one document together. `contextCountries` are ISO alpha-3 codes
 * the document mentions otherwise (demonyms, actor countries).
 */
export function resolveMentions(mentions: readonly PlaceMention[], contextCountries: readonly string[] = []): Resolution[] {
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
      g = { key, cands, hint: h, choice: cands[0] ?? null, score: cands[0]?.prior ?? 0, margin: 0, rule: 'prior' };
      groups.set(key, g);
    }
    return g;
  });
  const list = [...groups.values()];
  for (let pass = 0; pass < 2; pass++) {
    // What the other names say, from the previous pass's choices.
    const countries = new Map<string, number>();
    const admin1s = new Map<string, number>();
    for (const g of list) {
      const r = g.choice?.rec;
      if (!r) continue;
      if (r.country) countries.set(r.country, (countries.get(r.country) ?? 0) + 1);
      const a = admin1Key(r);
      if (a) admin1s.set(a, (admin1s.get(a) ?? 0) + (r.kind === 'region' ? 2 : 1));
    }
    for (const c of contextCountries) countries.set(c, (countries.get(c) ?? 0) + 1);
    const n = Math.max(1, list.filter((g) => g.choice).length);
    const choices = list.map((g) => g.choice?.rec ?? null);
    for (const g of list) {
      if (!g.cands.length) continue;
      const own = g.choice?.rec;
      let best: Candidate | null = null;
      let bestScore = -Infinity;
      let second = -Infinity;
      let bestRule = 'prior';
      for (const c of g.cands) {
        const r = c.rec;
        let score = c.prior;
        let rule = 'prior';
        if (r.country) {
          const support = (countries.get(r.country) ?? 0) - (own?.country === r.country ? 1 : 0);
          if (support > 0) {
            score += 1 + (3 * support) / n;
            rule = 'country';
          }
        }
        const a = admin1Key(r);
        if (a && r.kind !== 'region') {
          const support = (admin1s.get(a) ?? 0) - (own && admin1Key(own) === a ? 1 : 0);
          if (support > 0) {
            score += 2.5;
            rule = 'admin1';
          }
        }
        if (r.kind === 'city') {
          for (const o of choices) {
            if (!o || o === own || o.kind !== 'city') continue;
            if (distanceKm(r.lat, r.lon, o.lat, o.lon) < 100) {
              score += 1.5;
              rule = rule === 'prior' ? 'near' : `${rule}+near`;
              break;
            }
          }
        }
        if (score > bestScore) {
          second = bestScore;
          bestScore = score;
          best = c;
          bestRule = rule;
        } else if (score > second) second = score;
      }
      g.choice = best;
      g.score = bestScore;
      g.margin = second === -Infinity ? 5 : bestScore - second;
      g.rule = bestRule;
    }
  }
  // Names with no record at all: the document's focus (its most named first-level region).
  const focus = documentFocus(list);
  return groupOf.map((g) => {
    if (!g.choice) return { place: focus, confidence: focus ? 0.3 : 0, rule: focus ? 'fallback:focus' : 'none', candidates: 0 };
    const confidence = Math.round((0.5 + 0.45 * (1 - Math.exp(-g.margin))) * 100) / 100;
    return { place: g.choice.rec, confidence, rule: g.choice.via === 'name' ? g.rule : `${g.rule}:${g.choice.via}`, candidates: g.cands.length };
  });
}

function documentFocus(list: Group[]): PlaceRecord | null {
  const counts = new Map<string, { n: number; rec: PlaceRecord }>();
  for (const g of list) {
    const r = g.choice?.rec;
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
