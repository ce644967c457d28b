/**
 * Near-duplicate articles (wire copies, re-posts) by MinHash over word shingles, with
 * locality-sensitive banding so a new article is compared only with articles sharing a band.
 */

export const SHINGLE = 5;
export const HASHES = 64;
export const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Estimated Jaccard similarity from which two articles count as one source. */
export const DUPLICATE_SIMILARITY = 0.8;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3's finaliser) seeded per hash function. */
function mix(x: number, seed: number): number {
  let h = (x ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function signature(text: string): number[] {
  const w = words(text);
  const shingles = new Set<number>();
  if (w.length < SHINGLE) shingles.add(fnv1a(w.join(' ')));
  for (let i = 0; i + SHINGLE <= w.length; i++) shingles.add(fnv1a(w.slice(i, i + SHINGLE).join(' ')));
  const sig = new Array<number>(HASHES).fill(0xffffffff);
  for (const s of shingles) {
    for (let k = 0; k < HASHES; k++) {
      const v = mix(s, k + 1);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Band keys: articles sharing one are candidate duplicates. */
export function bands(sig: number[]): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]!, b + 101);
    out.push(`${b}:${h.toString(36)}`);
  }
  return out;
}

export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}
