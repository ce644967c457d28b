import { loadTable } from '../util/knowledge.js';
import { gazetteer } from './gazetteer.js';
import { normalisePlaceName } from './normalise.js';

/**
 * The team-written place data (knowledge/places-*.tsv): countries, regions and venues, as
 * records the resolver can rank beside the GeoNames towns.
 */

export type PlaceKind = 'city' | 'country' | 'region' | 'venue' | 'other';

export interface PlaceRecord {
  id: string;
  kind: PlaceKind;
  name: string;
  /** ISO alpha-3, null for areas spanning several states. */
  country: string | null;
  /** GeoNames admin1 code (regions, towns); '' when unknown. */
  admin1: string;
  lat: number;
  lon: number;
  population: number;
  geonameid?: number;
  /** GeoNames feature code for towns (PPLC …), 'PCLI' / 'ADM1' / 'ADM2' (US counties) / 'AREA' / 'VENUE' otherwise. */
  fcode: string;
  /** The written forms of a team-written record (name and aliases, as in the data file). */
  surfaces?: string[];
}

export interface CountryRecord extends PlaceRecord {
  iso2: string;
  demonyms: string[];
}

export interface PlaceData {
  byKey: Map<string, PlaceRecord[]>;
  countries: CountryRecord[];
  iso2to3: Map<string, string>;
  byIso3: Map<string, CountryRecord>;
  /** Demonym key ("north korean", "european") → country or area. */
  demonyms: Map<string, PlaceRecord>;
  /** Abbreviations ("Tenn.", "B.C.") by key: read after a comma, or as a last resort. */
  abbreviations: Map<string, PlaceRecord>;
  /** Region records by "ISO3/admin1". */
  regionsByAdmin1: Map<string, PlaceRecord>;
}

const split = (s: string | undefined) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);

/** A latitude or longitude cell; an empty or malformed one is an error in the data file. */
function coord(row: Record<string, string>, col: 'lat' | 'lon'): number {
  const v = Number(row[col]);
  const max = col === 'lat' ? 90 : 180;
  if (!row[col] || !Number.isFinite(v) || Math.abs(v) > max) throw new Error(`places data: "${row.name}" has no valid ${col} ("${row[col] ?? ''}")`);
  return v;
}

let data: PlaceData | null = null;

export function placeData(): PlaceData {
  if (data) return data;
  const byKey = new Map<string, PlaceRecord[]>();
  const add = (key: string, r: PlaceRecord) => {
    const k = normalisePlaceName(key);
    const list = byKey.get(k);
    if (!list) byKey.set(k, [r]);
    else if (!list.includes(r)) list.push(r);
  };
  const countries: CountryRecord[] = [];
  const iso2to3 = new Map<string, string>();
  const byIso3 = new Map<string, CountryRecord>();
  const demonyms = new Map<string, PlaceRecord>();
  for (const row of loadTable('places-countries.tsv').rows) {
    const r: CountryRecord = {
      id: `country:${row.iso3}`,
      kind: 'country',
      name: row.name!,
      country: row.iso3!,
      admin1: '',
      lat: coord(row, 'lat'),
      lon: coord(row, 'lon'),
      population: 0,
      fcode: 'PCLI',
      iso2: row.iso2!,
      demonyms: split(row.demonyms),
    };
    r.surfaces = [r.name, ...split(row.aliases)];
    countries.push(r);
    iso2to3.set(r.iso2, r.country!);
    byIso3.set(r.country!, r);
    for (const n of [r.name, ...split(row.aliases)]) add(n, r);
    for (const d of r.demonyms) demonyms.set(normalisePlaceName(d), r);
  }
  const g = gazetteer();
  const regionsByAdmin1 = new Map<string, PlaceRecord>();
  const abbreviations = new Map<string, PlaceRecord>();
  for (const row of loadTable('places-regions.tsv').rows) {
    let admin1 = row.admin1 ?? '';
    const country = row.country || null;
    let capital: number | undefined;
    if (row.capital && country) {
      // The first-level code of the region is its capital's.
      const hits = g.lookup(normalisePlaceName(row.capital)).filter((h) => iso2to3.get(g.ccOf(h.row)) === country);
      const hit = hits.find((h) => !h.alt) ?? hits[0];
      if (hit) capital = hit.row;
      if (hit && !admin1) admin1 = g.admin1Of(hit.row);
    }
    // No point written: the capital's (a small region lies around it).
    if (!row.lat && !row.lon && capital === undefined) throw new Error(`places-regions.tsv: "${row.name}" has no point and no capital found in GeoNames ("${row.capital ?? ''}")`);
    const at = !row.lat && !row.lon ? { lat: g.lat[capital!]!, lon: g.lon[capital!]! } : { lat: coord(row, 'lat'), lon: coord(row, 'lon') };
    const r: PlaceRecord = { id: `region:${row.name}`, kind: 'region', name: row.name!, country, admin1, lat: Math.round(at.lat * 1e4) / 1e4, lon: Math.round(at.lon * 1e4) / 1e4, population: 0, fcode: admin1 ? 'ADM1' : 'AREA', surfaces: [row.name!, ...split(row.aliases)] };
    if (admin1 && country) regionsByAdmin1.set(`${country}/${admin1}`, r);
    // Abbreviations ("Tenn.") only name the region after a comma (see context.ts).
    for (const n of [r.name, ...split(row.aliases)]) {
      if (/^[\p{L}. ]{1,7}\.$/u.test(n)) abbreviations.set(normalisePlaceName(n), r);
      else add(n, r);
    }
    for (const d of split(row.demonyms)) if (!demonyms.has(normalisePlaceName(d))) demonyms.set(normalisePlaceName(d), r);
  }
  // US counties: found as "X County" / "X Parish" only, ranked by their towns' population.
  for (const row of loadTable('places-us-counties.tsv').rows) {
    const r: PlaceRecord = { id: `county:${row.state}:${row.name}`, kind: 'region', name: row.name!, country: 'USA', admin1: row.state!, lat: coord(row, 'lat'), lon: coord(row, 'lon'), population: Number(row.population) || 0, fcode: 'ADM2' };
    for (const n of [r.name, ...split(row.aliases)]) add(n, r);
  }
  for (const row of loadTable('places-venues.tsv').rows) {
    const kind = (row.kind || 'venue') as PlaceKind;
    const r: PlaceRecord = { id: `venue:${row.name}`, kind, name: row.name!, country: row.country || null, admin1: '', lat: coord(row, 'lat'), lon: coord(row, 'lon'), population: 0, fcode: 'VENUE' };
    for (const n of [r.name, ...split(row.aliases)]) add(n, r);
  }
  data = { byKey, countries, iso2to3, byIso3, demonyms, regionsByAdmin1, abbreviations };
  return data;
}

/** A GeoNames town as a place record. */
export function townRecord(row: number): PlaceRecord {
  const g = gazetteer();
  const d = placeData();
  const id = g.geonameid[row]!;
  return {
    id: `geonames:${id}`,
    kind: 'city',
    name: g.nameOf(row),
    country: d.iso2to3.get(g.ccOf(row)) ?? null,
    admin1: g.admin1Of(row),
    lat: Math.round(g.lat[row]! * 1e4) / 1e4,
    lon: Math.round(g.lon[row]! * 1e4) / 1e4,
    population: g.population[row]!,
    geonameid: id,
    fcode: g.featureCode(row),
  };
}

/** The capital of a country (its PPLC town in GeoNames). */
const capitals = new Map<string, PlaceRecord | null>();
export function capitalOf(iso3: string): PlaceRecord | null {
  if (capitals.size === 0) {
    const g = gazetteer();
    const d = placeData();
    for (const row of g.withFeature('PPLC')) {
      const c = d.iso2to3.get(g.ccOf(row));
      if (c && !capitals.has(c)) capitals.set(c, townRecord(row));
    }
  }
  return capitals.get(iso3) ?? null;
}
