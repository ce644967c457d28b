/**
 * Coreference metrics over partitions of mention ids (CoNLL-2012 definitions, as described in
 * shared/data/coreference/README.md): MUC, B³, CEAF-e (Kuhn–Munkres), LEA and CoNLL F1.
 * Mentions present on one side only count as singletons of the other.
 */

export type Partition = string[][];

export interface PRF {
  p: number;
  r: number;
  f: number;
}

export interface CorefScores {
  muc: PRF;
  b3: PRF;
  ceafe: PRF;
  lea: PRF;
  conll: number;
}

const prf = (p: number, r: number): PRF => ({ p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 });

function index(part: Partition): Map<string, number> {
  const m = new Map<string, number>();
  part.forEach((c, i) => c.forEach((x) => m.set(x, i)));
  return m;
}

/** Adds singletons so both partitions cover the same mentions. */
function align(key: Partition, resp: Partition): [Partition, Partition] {
  const k = index(key);
  const r = index(resp);
  const K = key.map((c) => [...c]);
  const R = resp.map((c) => [...c]);
  for (const x of r.keys()) if (!k.has(x)) K.push([x]);
  for (const x of k.keys()) if (!r.has(x)) R.push([x]);
  return [K, R];
}

function mucRecall(key: Partition, resp: Partition): number {
  const r = index(resp);
  let num = 0;
  let den = 0;
  for (const k of key) {
    const parts = new Set(k.map((x) => r.get(x) ?? `s:${x}`));
    num += k.length - parts.size;
    den += k.length - 1;
  }
  return den ? num / den : 0;
}

function b3Recall(key: Partition, resp: Partition): number {
  const r = index(resp);
  let sum = 0;
  let n = 0;
  for (const k of key) {
    const counts = new Map<number, number>();
    for (const x of k) {
      const c = r.get(x);
      if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const v of counts.values()) sum += (v * v) / k.length;
    n += k.length;
  }
  return n ? sum / n : 0;
}

function leaRecall(key: Partition, resp: Partition): number {
  const r = index(resp);
  let num = 0;
  let den = 0;
  for (const k of key) {
    const links = k.length === 1 ? 1 : (k.length * (k.length - 1)) / 2;
    let found = 0;
    if (k.length === 1) {
      const c = r.get(k[0]!);
      // A singleton is resolved when the response also has it alone.
      found = c !== undefined && resp[c]!.length === 1 ? 1 : 0;
    } else {
      const counts = new Map<number, number>();
      for (const x of k) {
        const c = r.get(x);
        if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      for (const v of counts.values()) found += (v * (v - 1)) / 2;
    }
    num += k.length * (found / links);
    den += k.length;
  }
  return den ? num / den : 0;
}

/** Maximum-weight assignment (Hungarian algorithm, O(n³)) on a square cost matrix; returns the total. */
function maxAssignment(w: number[][]): number {
  const n = w.length;
  if (!n) return 0;
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(INF);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = -w[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) if (p[j]) total += w[p[j]! - 1]![j - 1]!;
  return total;
}

/**
 * CEAF-e similarity total. Clusters that share no mention cannot align usefully, so the
 * assignment is solved per connected component of the key–response overlap graph.
 */
function ceafeTotal(key: Partition, resp: Partition): number {
  const r = index(resp);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let y = x;
    while (parent.get(y) !== y) y = parent.get(y)!;
    parent.set(x, y);
    return y;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  key.forEach((_, i) => parent.set(`k${i}`, `k${i}`));
  resp.forEach((_, j) => parent.set(`r${j}`, `r${j}`));
  key.forEach((k, i) => k.forEach((x) => r.has(x) && union(`k${i}`, `r${r.get(x)}`)));
  const groups = new Map<string, { k: number[]; r: number[] }>();
  key.forEach((_, i) => {
    const g = find(`k${i}`);
    const e = groups.get(g) ?? { k: [], r: [] };
    e.k.push(i);
    groups.set(g, e);
  });
  resp.forEach((_, j) => {
    const g = find(`r${j}`);
    const e = groups.get(g) ?? { k: [], r: [] };
    e.r.push(j);
    groups.set(g, e);
  });
  let total = 0;
  for (const g of groups.values()) {
    if (!g.k.length || !g.r.length) continue;
    const n = Math.max(g.k.length, g.r.length);
    const w = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    g.k.forEach((ki, a) => {
      const ks = new Set(key[ki]);
      g.r.forEach((rj, b) => {
        const inter = resp[rj]!.filter((x) => ks.has(x)).length;
        if (inter) w[a]![b] = (2 * inter) / (key[ki]!.length + resp[rj]!.length);
      });
    });
    total += maxAssignment(w);
  }
  return total;
}

export function scoreCoref(keyIn: Partition, respIn: Partition): CorefScores {
  const [key, resp] = align(keyIn, respIn);
  const muc = prf(mucRecall(resp, key), mucRecall(key, resp));
  const b3 = prf(b3Recall(resp, key), b3Recall(key, resp));
  const phi = ceafeTotal(key, resp);
  const ceafe = prf(resp.length ? phi / resp.length : 0, key.length ? phi / key.length : 0);
  const lea = prf(leaRecall(resp, key), leaRecall(key, resp));
  return { muc, b3, ceafe, lea, conll: (muc.f + b3.f + ceafe.f) / 3 };
}

/** Groups ids by a cluster label. */
export function partitionBy<T>(items: T[], id: (x: T) => string, label: (x: T) => string): Partition {
  const m = new Map<string, string[]>();
  for (const x of items) {
    const l = label(x);
    const list = m.get(l) ?? [];
    list.push(id(x));
    m.set(l, list);
  }
  return [...m.values()];
}
