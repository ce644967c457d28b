import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Doc } from '../doc/doc.js';
import { triggerIndex, type Form } from '../events/lexicon.js';
import { DETERMINERS, viewOf, wordAt, wordBefore, type SentenceView } from '../events/sentence.js';
import type { Span } from '../doc/doc.js';
import { cueHits, statusOf } from '../events/status.js';
import { pipelineFor } from '../pipeline/stages.js';
import type { EvalArgs, EvalResult, EvalSuite } from './suites.js';

/**
 * `summitry eval factuality --data shared/data/factuality/meantime-attributes`: for every
 * MEANTIME event mention with attributes, the status our cues give its (gold) predicate,
 * compared through classes both vocabularies share (shared/data/factuality/README.md):
 *   occurred     CERTAIN, POS, NON_FUTURE                <- occurred, ongoing
 *   future       time FUTURE (not POSSIBLE), POS          <- planned, expected, proposed, postponed
 *   possible     certainty POSSIBLE/PROBABLE, not future  <- rumored, uncertain
 *   negated      polarity NEG                             <- negated, denied, cancelled
 *   conditional  special_cases COND_*                     <- hypothetical
 * A POSSIBLE future counts as "possible".
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
  if (m.time === 'FUTURE') return 'future';
  if (m.certainty === 'PROBABLE' || m.certainty === 'UNDERSPECIFIED') return 'possible';
  return 'occurred';
}

const CLASS_OF: Record<string, string> = {
  occurred: 'occurred', ongoing: 'occurred',
  planned: 'future', expected: 'future', proposed: 'future', postponed: 'future',
  rumored: 'possible', uncertain: 'possible',
  negated: 'negated', denied: 'negated', cancelled: 'negated',
  hypothetical: 'conditional',
};
const CLASSES = ['occurred', 'future', 'possible', 'negated', 'conditional'];

export function classOf(status: string): string {
  return CLASS_OF[status] ?? 'occurred';
}

/** The form of a predicate word, as the event stage would read it. */
function formOf(view: SentenceView, i: number): Form {
  const w = view.words[i]!.lower;
  const known = triggerIndex().get(w)?.find((e) => e.words.length === 1);
  const prev = view.words[i - 1]?.lower ?? '';
  if (DETERMINERS.has(prev) || /['’]s$/.test(prev)) return 'noun';
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
function ownTime(view: SentenceView, timexes: Span[], i: number): Span | null {
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

export const factualitySuite: EvalSuite = {
  name: 'factuality',
  description: 'event status against MEANTIME certainty / polarity / time attributes',
  async run(args: EvalArgs): Promise<EvalResult> {
    const file = statSync(args.data).isDirectory() ? path.join(args.data, 'event_mentions.jsonl') : args.data;
    if (!existsSync(file)) throw new Error(`${args.data}: no event_mentions.jsonl (MEANTIME attributes)`);
    const all = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Mention);
    const scored = all.filter((m) => m.certainty);
    const bySentence = new Map<string, Mention[]>();
    for (const m of scored) {
      const k = `${m.doc_id}:${m.sentence}`;
      (bySentence.get(k) ?? bySentence.set(k, []).get(k)!).push(m);
    }
    const confusion = new Map<string, Map<string, number>>();
    const statusCols = new Set<string>();
    const tally = new Map<string, { gold: number; sys: number; tp: number }>(CLASSES.map((c) => [c, { gold: 0, sys: 0, tp: 0 }]));
    let right = 0;
    let majority = 0;
    const counts = new Map<string, number>();
    for (const m of scored) {
      const gold = goldClass(m);
      counts.set(gold, (counts.get(gold) ?? 0) + 1);
    }
    const majorityClass = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const examples: string[] = [];
    for (const m of scored) {
      const gold = goldClass(m);
      const k = tokenIndex(m, bySentence.get(`${m.doc_id}:${m.sentence}`)!);
      const offset = wordIndexOf(m.sentence_text, k);
      cachedWithTimex ??= pipelineFor(['sentence', 'token', 'timex']);
      const doc = new Doc('f', m.sentence_text, { source: 'eval', format: 'txt', title: null, publisher: null, url: null, published: m.dct });
      cachedWithTimex.run(doc);
      const view = viewOf(doc, { start: 0, end: m.sentence_text.length });
      let i = view.words.findIndex((w) => w.start >= offset);
      if (i < 0) i = view.words.length - 1;
      // As in the stage: a date after the article's date, right after the predicate, makes it future.
      const xa = ownTime(view, doc.layer('timex'), i)?.attrs as { start?: string; end?: string } | undefined;
      const timing = xa?.start && m.dct ? (xa.start > m.dct ? 'future' : null) : null;
      const s = statusOf(view, cueHits(view).filter((h) => !doc.layer('timex').some((x) => x.start <= h.start && h.end <= x.end)), { first: i, last: i, form: formOf(view, i) }, timing);
      const sys = classOf(s.status);
      const row = confusion.get(gold) ?? confusion.set(gold, new Map()).get(gold)!;
      row.set(s.status, (row.get(s.status) ?? 0) + 1);
      statusCols.add(s.status);
      tally.get(gold)!.gold++;
      tally.get(sys)!.sys++;
      if (sys === gold) {
        right++;
        tally.get(gold)!.tp++;
      } else if (process.env.SUMMITRY_EVAL_VERBOSE && examples.length < 400) examples.push(`${gold} <- ${s.status} (${s.by}) [${m.text}] ${m.sentence_text.slice(0, 160)}`);
      if (process.env.SUMMITRY_EVAL_DUMP) examples.push(`ALL ${sys === gold ? 'ok ' : 'bad'} ${gold} <- ${s.status} (${s.by}) [${m.text}] ${m.sentence_text}`);
      if (gold === majorityClass) majority++;
    }
    const n = scored.length;
    const f1s: number[] = [];
    const lines = [
      `MEANTIME: ${all.length} event mentions, ${n} with attributes`,
      `status accuracy ${(right / n).toFixed(3)} vs majority baseline (always ${majorityClass}) ${(majority / n).toFixed(3)}`,
      'per class (gold n, precision, recall, F1):',
    ];
    const recall: Record<string, number> = {};
    for (const c of CLASSES) {
      const t = tally.get(c)!;
      const p = t.sys ? t.tp / t.sys : 0;
      const r = t.gold ? t.tp / t.gold : 0;
      const f = p + r ? (2 * p * r) / (p + r) : 0;
      recall[c] = r;
      f1s.push(f);
      lines.push(`  ${c.padEnd(12)} n ${String(t.gold).padStart(5)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}`);
    }
    const macro = f1s.reduce((a, b) => a + b, 0) / f1s.length;
    lines.push(`macro-F1 ${macro.toFixed(3)} (majority baseline ${((2 * (majority / n)) / (1 + majority / n) / CLASSES.length).toFixed(3)})`);
    const cols = [...statusCols].sort();
    lines.push('confusion (gold class \\ system status):', `${''.padEnd(12)}${cols.map((c) => c.slice(0, 8).padStart(9)).join('')}`);
    for (const c of CLASSES) lines.push(`${c.padEnd(12)}${cols.map((s) => String(confusion.get(c)?.get(s) ?? '.').padStart(9)).join('')}`);
    lines.push('mapping: occurred+ongoing=occurred; planned+expected+proposed+postponed=future; rumored+uncertain=possible; negated+denied+cancelled=negated; hypothetical=conditional');
    lines.push(...examples);
    return {
      lines,
      score: { status_acc: right / n, majority_acc: majority / n, macro_f1: macro, future_recall: recall.future!, negated_recall: recall.negated!, conditional_recall: recall.conditional! },
    };
  },
};
