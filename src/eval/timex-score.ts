/**
 * TempEval-3 Task A scoring on character offsets ("TE3-style (char offsets)"), as
 * recommended in `shared/data/temporal/README.md`:
 *
 * - per document, one-to-one greedy alignment of system to gold timexes: first pairs with
 *   identical extents, then remaining pairs that share at least one character (largest
 *   overlap first; ties by gold start, then system start);
 * - micro-averaged over all documents: strict P/R/F1 (identical extents), relaxed P/R/F1
 *   (any overlap);
 * - value / type accuracy over relaxed matches (exact string compare), value / type F1 =
 *   relaxed F1 × accuracy; per-type recall (relaxed); value accuracy again after
 *   canonicalising ISO week padding (`2000-W6` == `2000-W06`) on both sides, because TBAQ
 *   gold mixes both forms.
 *
 * The official scorer aligns on PTB tokens, so a match that differs only by punctuation
 * inside a token can differ. All figures are percentages (0–100); empty inputs give 0.
 */
import type { GoldTimex } from './timeml.js';

export interface SystemTimex {
  start: number;
  end: number;
  type: string;
  value: string;
  mod?: string;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export interface TimexScores {
  docs: number;
  gold: number;
  system: number;
  strict: PRF;
  relaxed: PRF;
  valueAcc: number;
  valueF1: number;
  typeAcc: number;
  typeF1: number;
  perTypeRecall: Record<string, { gold: number; found: number }>;
  valueAccWeekCanonical: number;
}

interface Span {
  start: number;
  end: number;
}

/** One-to-one alignment of system spans to gold spans: [goldIndex, systemIndex, exact]. */
export function alignTimexes(gold: readonly Span[], system: readonly Span[]): [number, number, boolean][] {
  const pairs: [number, number, boolean][] = [];
  const goldUsed = new Array<boolean>(gold.length).fill(false);
  const sysUsed = new Array<boolean>(system.length).fill(false);

  // 1. identical extents
  const byExtent = new Map<string, number[]>();
  system.forEach((s, j) => {
    const key = `${s.start}:${s.end}`;
    const list = byExtent.get(key);
    if (list) list.push(j);
    else byExtent.set(key, [j]);
  });
  gold.forEach((g, i) => {
    const list = byExtent.get(`${g.start}:${g.end}`);
    const j = list?.shift();
    if (j === undefined) return;
    goldUsed[i] = true;
    sysUsed[j] = true;
    pairs.push([i, j, true]);
  });

  // 2. any character overlap, greedily by overlap size
  const cands: { i: number; j: number; ov: number }[] = [];
  gold.forEach((g, i) => {
    if (goldUsed[i]) return;
    system.forEach((s, j) => {
      if (sysUsed[j]) return;
      const ov = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (ov > 0) cands.push({ i, j, ov });
    });
  });
  cands.sort(
    (a, b) =>
      b.ov - a.ov ||
      (gold[a.i]?.start ?? 0) - (gold[b.i]?.start ?? 0) ||
      (system[a.j]?.start ?? 0) - (system[b.j]?.start ?? 0) ||
      a.i - b.i ||
      a.j - b.j,
  );
  for (const c of cands) {
    if (goldUsed[c.i] || sysUsed[c.j]) continue;
    goldUsed[c.i] = true;
    sysUsed[c.j] = true;
    pairs.push([c.i, c.j, false]);
  }
  return pairs;
}

/** `2000-W6` -> `2000-W06` (also inside longer values such as `2000-W6-WE`). */
export function canonicalWeekValue(value: string): string {
  return value.replace(/(\d{4}-W)(\d)(?![0-9])/g, (_m, head: string, week: string) => `${head}0${week}`);
}

function pct(num: number, den: number): number {
  return den > 0 ? (100 * num) / den : 0;
}

function prf(matches: number, system: number, gold: number): PRF {
  const p = pct(matches, system);
  const r = pct(matches, gold);
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;

export function scoreTimex(pairs: { gold: GoldTimex[]; system: SystemTimex[] }[]): TimexScores {
  let nGold = 0;
  let nSys = 0;
  let strict = 0;
  let relaxed = 0;
  let valueOk = 0;
  let valueWeekOk = 0;
  let typeOk = 0;
  const perType: Record<string, { gold: number; found: number }> = {};
  for (const t of TIMEX_TYPES) perType[t] = { gold: 0, found: 0 };
  const typeEntry = (t: string) => (perType[t] ??= { gold: 0, found: 0 });

  for (const { gold, system } of pairs) {
    nGold += gold.length;
    nSys += system.length;
    for (const g of gold) typeEntry(g.type).gold++;
    for (const [i, j, exact] of alignTimexes(gold, system)) {
      const g = gold[i];
      const s = system[j];
      if (!g || !s) continue;
      relaxed++;
      if (exact) strict++;
      if (g.value === s.value) valueOk++;
      if (canonicalWeekValue(g.value) === canonicalWeekValue(s.value)) valueWeekOk++;
      if (g.type === s.type) typeOk++;
      typeEntry(g.type).found++;
    }
  }
  const relaxedPrf = prf(relaxed, nSys, nGold);
  const valueAcc = pct(valueOk, relaxed);
  const typeAcc = pct(typeOk, relaxed);
  return {
    docs: pairs.length,
    gold: nGold,
    system: nSys,
    strict: prf(strict, nSys, nGold),
    relaxed: relaxedPrf,
    valueAcc,
    valueF1: (relaxedPrf.f1 * valueAcc) / 100,
    typeAcc,
    typeF1: (relaxedPrf.f1 * typeAcc) / 100,
    perTypeRecall: perType,
    valueAccWeekCanonical: pct(valueWeekOk, relaxed),
  };
}

const f2 = (x: number) => x.toFixed(2);

/**
 * Human-readable report; the last line is the `SCORE name=value …` line the eval
 * contract asks for (label spaces become `_`).
 */
export function formatTimexReport(label: string, s: TimexScores): string[] {
  const lines: string[] = [];
  lines.push(`${label} — TE3-style (char offsets): ${s.docs} docs, ${s.gold} gold timexes, ${s.system} system timexes`);
  lines.push(`  strict   P ${f2(s.strict.p)}  R ${f2(s.strict.r)}  F1 ${f2(s.strict.f1)}`);
  lines.push(`  relaxed  P ${f2(s.relaxed.p)}  R ${f2(s.relaxed.r)}  F1 ${f2(s.relaxed.f1)}`);
  lines.push(`  value    acc ${f2(s.valueAcc)}  F1 ${f2(s.valueF1)}  (week padding canonicalised: acc ${f2(s.valueAccWeekCanonical)})`);
  lines.push(`  type     acc ${f2(s.typeAcc)}  F1 ${f2(s.typeF1)}`);
  const types = Object.keys(s.perTypeRecall).sort((a, b) => {
    const ia = (TIMEX_TYPES as readonly string[]).indexOf(a);
    const ib = (TIMEX_TYPES as readonly string[]).indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });
  const per = types.map((t) => {
    const e = s.perTypeRecall[t] ?? { gold: 0, found: 0 };
    return `${t || '(none)'} ${e.found}/${e.gold} (${f2(pct(e.found, e.gold))})`;
  });
  lines.push(`  recall by type (relaxed): ${per.join(', ')}`);
  const name = label.trim().replace(/\s+/g, '_');
  lines.push(
    `SCORE suite=${name} docs=${s.docs} gold=${s.gold} system=${s.system}` +
      ` strict_p=${f2(s.strict.p)} strict_r=${f2(s.strict.r)} strict_f1=${f2(s.strict.f1)}` +
      ` relaxed_p=${f2(s.relaxed.p)} relaxed_r=${f2(s.relaxed.r)} relaxed_f1=${f2(s.relaxed.f1)}` +
      ` value_acc=${f2(s.valueAcc)} value_f1=${f2(s.valueF1)} value_acc_week=${f2(s.valueAccWeekCanonical)}` +
      ` type_acc=${f2(s.typeAcc)} type_f1=${f2(s.typeF1)}`,
  );
  return lines;
}
