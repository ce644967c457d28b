import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Doc } from '../doc/doc.js';
import { triggerIndex, type Form } from '../events/lexicon.js';
import { BE, DETERMINERS, MODALS, viewOf, wordAt, wordBefore, type SentenceView } from '../events/sentence.js';
import type { Span } from '../doc/doc.js';
import { cueHits, statusOf, type StatusResult } from '../events/status.js';
import { pipelineFor } from '../pipeline/stages.js';
import type { EvalArgs, EvalResult, EvalSuite } from './suites.js';

/**
 * `summitry eval factuality --data shared/data/factuality/meantime-attributes`: for every
 * MEANTIME event mention with attributes, the status our cues give its (gold) predicate,
 * compared through classes both vocabularies share. The main figures follow the mapping of
 * shared/data/factuality/README.md exactly (FactBank's Uu, "no commitment", is a class of its own):
 *   occurred     CERTAIN, NON_FUTURE                        <- occurred, ongoing
 *   future       CERTAIN or PROBABLE, FUTURE                <- planned, expected, postponed
 *   possible     POSSIBLE; PROBABLE not future              <- rumored
 *   unspecified  certainty UNDERSPECIFIED (Uu)              <- proposed, uncertain
 *   negated      polarity NEG                               <- negated, denied, cancelled
 *   conditional  special_cases COND_*                       <- hypothetical
 * A second line gives the older, coarser mapping (issue #5's first figures): Uu futures count
 * as future (with proposed), other Uu as possible (with uncertain).
 */

interface Mention {
  doc_id: string;
  sentence: number;
  token_ids: number[];
  text: string;
  sentence_text: string;
  dct: string | null;
  certainty: string | null;
  polarity: string | null;
  time: string | null;
  special_cases: string | null;
}

export function goldClass(m: Pick<Mention, 'certainty' | 'polarity' | 'time' | 'special_cases'>): string {
  if (m.special_cases?.startsWith('COND')) return 'conditional';
  if (m.polarity === 'NEG') return 'negated';
  if (m.certainty === 'POSSIBLE') return 'possible';
  if (m.certainty === 'UNDERSPECIFIED') return 'unspecified';
  if (m.time === 'FUTURE') return 'future';
  if (m.certainty === 'PROBABLE') return 'possible';
  return 'occurred';
}

/** The coarser five-class mapping the suite first used. */
export function goldClassCoarse(m: Pick<Mention, 'certainty' | 'polarity' | 'time' | 'special_cases'>): string {
  const c = goldClass(m);
  if (c !== 'unspecified') return c;
  return m.time === 'FUTURE' ? 'future' : 'possible';
}

const CLASS_OF: Record<string, string> = {
  occurred: 'occurred', ongoing: 'occurred',
  planned: 'future', expected: 'future', postponed: 'future',
  rumored: 'possible',
  proposed: 'unspecified', uncertain: 'unspecified',
  negated: 'negated', denied: 'negated', cancelled: 'negated',
  hypothetical: 'conditional',
};
const CLASSES = ['occurred', 'future', 'possible', 'unspecified', 'negated', 'conditional'];
const COARSE_CLASSES = ['occurred', 'future', 'possible', 'negated', 'conditional'];

export function classOf(status: string): string {
  return CLASS_OF[status] ?? 'occurred';
}

export function classOfCoarse(status: string): string {
  return status === 'proposed' ? 'future' : status === 'uncertain' ? 'possible' : classOf(status);
}

interface Scores {
  acc: number;
  majority: number;
  majorityClass: string;
  macro: number;
  majorityMacro: number;
  rows: { c: string; n: number; p: number; r: number; f: number }[];
  recall: Record<string, number>;
}

/** Accuracy, per-class precision / recall / F1 and macro-F1 of (gold, system) class pairs. */
export function score(pairs: [string, string][], classes: string[]): Scores {
  const tally = new Map(classes.map((c) => [c, { gold: 0, sys: 0, tp: 0 }]));
  let right = 0;
  for (const [g, s] of pairs) {
    tally.get(g)!.gold++;
    tally.get(s)!.sys++;
    if (g === s) {
      right++;
      tally.get(g)!.tp++;
    }
  }
  const n = pairs.length || 1;
  const majorityClass = [...tally].sort((a, b) => b[1].gold - a[1].gold)[0]![0];
  const majority = tally.get(majorityClass)!.gold / n;
  const rows = classes.map((c) => {
    const t = tally.get(c)!;
    const p = t.sys ? t.tp / t.sys : 0;
    const r = t.gold ? t.tp / t.gold : 0;
    return { c, n: t.gold, p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  });
  return {
    acc: right / n,
    majority,
    majorityClass,
    macro: rows.reduce((a, x) => a + x.f, 0) / rows.length,
    majorityMacro: (2 * majority) / (1 + majority) / classes.length,
    rows,
    recall: Object.fromEntries(rows.map((x) => [x.c, x.r])),
  };
}

const AUXILIARIES = new Set([...MODALS, ...BE, 'has', 'have', 'had']);
AUXILIARIES.delete('to');

/** The form of a predicate word, as the event stage would read it. */
function formOf(view: SentenceView, i: number): Form {
  const w = view.words[i]!.lower;
  const known = triggerIndex().get(w)?.find((e) => e.words.length === 1);
  const prev = view.words[i - 1]?.lower ?? '';
  if (DETERMINERS.has(prev) || /['’]s$/.test(prev)) return 'noun';
  // Right before an auxiliary, an unknown word is the subject: "assistance will be provided".
  if (!known && AUXILIARIES.has(view.words[i + 1]?.lower ?? '') && !MODALS.has(prev)) return 'noun';
  if (known && known.form !== 'noun') return known.form;
  if (w.endsWith('ing')) return 'gerund';
  if (w.endsWith('ed')) return 'past';
  if (w.endsWith('s') && !w.endsWith('ss')) return known?.form === 'noun' ? 'noun' : 'present';
  return known?.form ?? 'base';
}

// Status needs only tokens, sentences and time expressions: the smallest pipeline for them.
let cached: ReturnType<typeof pipelineFor> | null = null;
let cachedWithTimex: ReturnType<typeof pipelineFor> | null = null;

export function statusAt(sentence: string, wordIndex: number, dct: string | null): { status: string; by: string } {
  cached ??= pipelineFor(['sentence', 'token']);
  const doc = new Doc('f', sentence, { source: 'eval', format: 'txt', title: null, publisher: null, url: null, published: dct });
  cached.run(doc);
  const view = viewOf(doc, { start: 0, end: sentence.length });
  const i = Math.min(wordIndex, view.words.length - 1);
  return statusOf(view, cueHits(view), { first: i, last: i, form: formOf(view, i) }, null);
}

/** Which whitespace token of the sentence the mention is (MEANTIME sentences are tokenised). */
function tokenIndex(m: Mention, sameSentence: Mention[]): number {
  const tokens = m.sentence_text.split(' ');
  const first = m.text.split(' ')[0]!;
  const hits = tokens.flatMap((t, i) => (t === first ? [i] : []));
  if (hits.length <= 1) return hits[0] ?? 0;
  // Several occurrences: the k-th mention with this text (by token id) is the k-th occurrence.
  const twins = sameSentence.filter((x) => x.text.split(' ')[0] === first).sort((a, b) => a.token_ids[0]! - b.token_ids[0]!);
  return hits[Math.min(twins.indexOf(m), hits.length - 1)] ?? hits[0]!;
}

/** The character offset of whitespace token `k` maps to our word index through the doc. */
function wordIndexOf(sentence: string, k: number): number {
  // Words of the view are our tokens; MEANTIME tokens are space-separated and ours split the
  // same or finer, so count our tokens that start before the k-th space-token's offset.
  let offset = 0;
  const parts = sentence.split(' ');
  for (let i = 0; i < k; i++) offset += parts[i]!.length + 1;
  return offset;
}

/**
 * The time expression the event stage would give the predicate: the nearest in its clause
 * (one before it counts a little farther), within a few words; durations and sets are not times.
 */
function ownTime(view: SentenceView, timexes: readonly Span[], i: number): Span | null {
  let best: { x: Span; d: number } | null = null;
  for (const x of timexes) {
    const type = (x.attrs as { type?: string } | undefined)?.type;
    if (type === 'DURATION' || type === 'SET') continue;
    const first = wordAt(view, x.start);
    const last = Math.max(first, wordBefore(view, x.end));
    if (first >= view.words.length || view.words[first]!.clause !== view.words[i]!.clause) continue;
    const d = first > i ? first - i : i - last + 1.5;
    if (d <= MAX_TIME_GAP && (!best || d < best.d)) best = { x, d };
  }
  return best?.x ?? null;
}
const MAX_TIME_GAP = 8;

/** The status of the k-th space-separated token of a sentence, as the event stage would give it. */
export function statusOfToken(sentence: string, k: number, dct: string | null): StatusResult {
  const offset = wordIndexOf(sentence, k);
  cachedWithTimex ??= pipelineFor(['sentence', 'token', 'timex']);
  const doc = new Doc('f', sentence, { source: 'eval', format: 'txt', title: null, publisher: null, url: null, published: dct });
  cachedWithTimex.run(doc);
  const view = viewOf(doc, { start: 0, end: sentence.length });
  if (!view.words.length) return { status: 'occurred', by: 'status/no-words', start: null, end: null };
  let i = view.words.findIndex((w) => w.start >= offset);
  if (i < 0) i = view.words.length - 1;
  // As in the stage: the predicate's own time, after the article's date, makes it future.
  const xa = ownTime(view, doc.layer('timex'), i)?.attrs as { start?: string; end?: string } | undefined;
  const timing = xa?.start && dct ? (xa.start > dct ? 'future' : null) : null;
  const timexes = doc.layer('timex');
  return statusOf(view, cueHits(view).filter((h) => !timexes.some((x) => x.start <= h.start && h.end <= x.end)), { first: i, last: i, form: formOf(view, i) }, timing);
}

/** The README's projection of a status onto the unified −3…+3 factuality scale. */
export const SCALE: Record<string, number> = {
  occurred: 3, ongoing: 3, expected: 2, planned: 1.5, postponed: 1.5, rumored: 1, proposed: 0, hypothetical: 0, uncertain: 0, cancelled: -2, denied: -3, negated: -3,
};

interface UnifiedLine {
  text: string;
  targets: { span1: [number, number]; label: number }[];
}

/** Pearson correlation of two equally long series (0 when either is constant). */
export function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((x, y) => x + y, 0) / n;
  const mb = b.reduce((x, y) => x + y, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa && sbb ? sab / Math.sqrt(saa * sbb) : 0;
}

/** A unified-factuality split (UW, MEANTIME, UDS-IH2: one sentence per line, gold predicates with a −3…+3 label): MAE and r. */
function runUnified(file: string, lines: UnifiedLine[]): EvalResult {
  const gold: number[] = [];
  const sys: number[] = [];
  for (const l of lines) for (const t of l.targets) {
    gold.push(t.label);
    sys.push(SCALE[statusOfToken(l.text, t.span1[0], null).status] ?? 3);
  }
  const n = gold.length || 1;
  const mae = gold.reduce((a, g, i) => a + Math.abs(g - sys[i]!), 0) / n;
  const base = gold.reduce((a, g) => a + Math.abs(g - 3), 0) / n;
  return {
    lines: [
      `${file}: ${gold.length} predicates in ${lines.length} sentences`,
      `MAE ${mae.toFixed(3)} vs always +3 ${base.toFixed(3)}; Pearson r ${pearson(gold, sys).toFixed(3)}`,
      `projection: ${Object.entries(SCALE).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    ],
    score: { mae, mae_always3: base, pearson: pearson(gold, sys) },
  };
}

export const factualitySuite: EvalSuite = {
  name: 'factuality',
  description: 'event status against MEANTIME certainty / polarity / time attributes',
  async run(args: EvalArgs): Promise<EvalResult> {
    const dir = statSync(args.data).isDirectory();
    // A unified-factuality folder (train/dev/test.jsonl) is scored on its test split.
    const file = dir ? path.join(args.data, existsSync(path.join(args.data, 'test.jsonl')) ? 'test.jsonl' : 'event_mentions.jsonl') : args.data;
    if (!existsSync(file)) throw new Error(`${args.data}: no event_mentions.jsonl (MEANTIME attributes) or test.jsonl (unified factuality)`);
    const parsed = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Mention | UnifiedLine);
    if (parsed.length && 'targets' in parsed[0]!) return runUnified(file, parsed as UnifiedLine[]);
    const all = parsed as Mention[];
    const scored = all.filter((m) => m.certainty);
    const bySentence = new Map<string, Mention[]>();
    for (const m of scored) {
      const k = `${m.doc_id}:${m.sentence}`;
      (bySentence.get(k) ?? bySentence.set(k, []).get(k)!).push(m);
    }
    const confusion = new Map<string, Map<string, number>>();
    const statusCols = new Set<string>();
    const pairs: [string, string][] = [];
    const coarse: [string, string][] = [];
    const examples: string[] = [];
    for (const m of scored) {
      const gold = goldClass(m);
      const s = statusOfToken(m.sentence_text, tokenIndex(m, bySentence.get(`${m.doc_id}:${m.sentence}`)!), m.dct);
      const sys = classOf(s.status);
      pairs.push([gold, sys]);
      coarse.push([goldClassCoarse(m), classOfCoarse(s.status)]);
      const row = confusion.get(gold) ?? confusion.set(gold, new Map()).get(gold)!;
      row.set(s.status, (row.get(s.status) ?? 0) + 1);
      statusCols.add(s.status);
      // SUMMITRY_EVAL_VERBOSE=1 lists misses, =all every mention.
      const verbose = process.env.SUMMITRY_EVAL_VERBOSE;
      if (verbose === 'all') examples.push(`${sys === gold ? 'ok ' : 'bad'} ${gold} <- ${s.status} (${s.by}) [${m.text}] ${m.sentence_text}`);
      else if (verbose && sys !== gold && examples.length < 400) examples.push(`${gold} <- ${s.status} (${s.by}) [${m.text}] ${m.sentence_text.slice(0, 160)}`);
    }
    const n = scored.length;
    const main = score(pairs, CLASSES);
    const old = score(coarse, COARSE_CLASSES);
    const lines = [
      `MEANTIME: ${all.length} event mentions, ${n} with attributes`,
      `status accuracy ${main.acc.toFixed(3)} vs majority baseline (always ${main.majorityClass}) ${main.majority.toFixed(3)}`,
      'per class (gold n, precision, recall, F1):',
      ...main.rows.map((x) => `  ${x.c.padEnd(12)} n ${String(x.n).padStart(5)}  P ${x.p.toFixed(3)}  R ${x.r.toFixed(3)}  F1 ${x.f.toFixed(3)}`),
      `macro-F1 ${main.macro.toFixed(3)} (majority baseline ${main.majorityMacro.toFixed(3)})`,
    ];
    const cols = [...statusCols].sort();
    lines.push('confusion (gold class \\ system status):', `${''.padEnd(12)}${cols.map((c) => c.slice(0, 8).padStart(9)).join('')}`);
    for (const c of CLASSES) lines.push(`${c.padEnd(12)}${cols.map((s) => String(confusion.get(c)?.get(s) ?? '.').padStart(9)).join('')}`);
    lines.push('mapping: occurred+ongoing=occurred; planned+expected+postponed=future; rumored=possible; proposed+uncertain=unspecified (Uu); negated+denied+cancelled=negated; hypothetical=conditional');
    lines.push(
      `coarse 5-class mapping (Uu futures and proposed = future, other Uu and uncertain = possible): accuracy ${old.acc.toFixed(3)} (majority ${old.majority.toFixed(3)}), macro-F1 ${old.macro.toFixed(3)}, recall ${old.rows.map((x) => `${x.c} ${x.r.toFixed(3)}`).join(', ')}`,
    );
    lines.push(...examples);
    return {
      lines,
      score: { status_acc: main.acc, majority_acc: main.majority, macro_f1: main.macro, future_recall: main.recall.future!, negated_recall: main.recall.negated!, conditional_recall: main.recall.conditional!, coarse_acc: old.acc, coarse_macro_f1: old.macro, coarse_future_recall: old.recall.future!, coarse_negated_recall: old.recall.negated! },
    };
  },
};
