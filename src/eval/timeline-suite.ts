import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GRANULARITY_RANK, normName, type MentionFeatures } from '../consolidate/features.js';
import { timexSpans, type TimexAttrs } from '../stages/timex.js';
import { EVAL_WEIGHTS, features, loadCorpus, meantimeTokenPositions, pairwise } from './coref-suite.js';
import type { EvalArgs, EvalResult, EvalSuite } from './suites.js';

/**
 * SemEval-2015 Task 4 (TimeLine), Track B setting: gold event mentions of the MEANTIME
 * articles are given; for each target entity we pick the events in sentences naming it, merge
 * coreferent mentions with the product's decision (as `eval coref`), anchor each line on the
 * nearest time expression of its sentence (our timex stage, on the document date) or the
 * document date, and order the lines in time.
 *
 * Scoring follows the task's idea (temporal awareness, UzZaman & Allen 2011) in a simplified
 * form, not the official scorer: a timeline becomes relations (BEFORE between successive
 * positions, SIMULTANEOUS within a position, INCLUDES from a known date to its events);
 * precision = system relations (reduced) found in the key's closure, recall = key relations
 * (reduced) found in the system's closure; micro-averaged over timelines.
 */

interface Line {
  position: number;
  date: string;
  mentions: string[];
}

interface Timeline {
  entity: string;
  lines: Line[];
}

const CORPORA: Record<string, string> = { corpus_1: 'airbus', corpus_2: 'gm', corpus_3: 'stock' };

function readGold(file: string): Timeline {
  const [entity, ...rest] = readFileSync(file, 'utf8').split('\n');
  const lines = rest
    .filter((l) => l.trim())
    .map((l) => {
      const [pos, date, ...mentions] = l.split('\t').map((x) => x.trim());
      return { position: Number(pos), date: date!, mentions: mentions.filter(Boolean) };
    });
  return { entity: entity!.trim(), lines };
}

type Rel = string;
const before = (a: string, b: string): Rel => `B|${a}|${b}`;
const simultaneous = (a: string, b: string): Rel => (a < b ? `S|${a}|${b}` : `S|${b}|${a}`);
const includes = (d: string, a: string): Rel => `I|${d}|${a}`;

/** Relations of a timeline: reduced (successive positions only) and closed (every ordered pair). */
function relations(t: Timeline): { reduced: Set<Rel>; closure: Set<Rel> } {
  const reduced = new Set<Rel>();
  const closure = new Set<Rel>();
  const byPos = new Map<number, { date: string; mentions: string[] }>();
  for (const l of t.lines) {
    if (l.position <= 0) continue;
    const e = byPos.get(l.position) ?? { date: l.date, mentions: [] };
    e.mentions.push(...l.mentions);
    byPos.set(l.position, e);
    if (!/X/.test(l.date)) {
      for (const m of l.mentions) {
        reduced.add(includes(l.date, m));
        closure.add(includes(l.date, m));
      }
    }
  }
  const positions = [...byPos.keys()].sort((a, b) => a - b);
  positions.forEach((p, i) => {
    const here = byPos.get(p)!.mentions;
    // The reduced graph keeps one chain per position and one link to the next position;
    // the closure has every pair.
    for (let x = 0; x < here.length; x++) {
      if (x) reduced.add(simultaneous(here[x - 1]!, here[x]!));
      for (let y = x + 1; y < here.length; y++) closure.add(simultaneous(here[x]!, here[y]!));
    }
    positions.slice(i + 1).forEach((q, k) => {
      const next = byPos.get(q)!.mentions;
      if (k === 0) reduced.add(before(here[0]!, next[0]!));
      for (const a of here) for (const b of next) closure.add(before(a, b));
    });
  });
  return { reduced, closure };
}

const count = (xs: Set<Rel>, ys: Set<Rel>) => [...xs].filter((x) => ys.has(x)).length;

function dateKey(value: string): string {
  // TIMEX value to the task's YYYY-MM-DD with X for unknown parts.
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return 'XXXX-XX-XX';
  return `${m[1]}-${m[2] ?? 'XX'}-${m[3] ?? 'XX'}`;
}

async function run(args: EvalArgs): Promise<EvalResult> {
  const root = args.data;
  if (!existsSync(path.join(root, 'corpus_1'))) throw new Error(`${root}: expected corpus_1/ … (SemEval-2015 Task 4 gold timelines)`);
  const meantime = path.resolve(root, '../../coreference/meantime-en');
  if (!existsSync(meantime)) throw new Error(`${meantime}: the MEANTIME documents are needed (shared/data/coreference/meantime-en)`);
  const corpus = loadCorpus(meantime, 'meantime');
  meantimeTokenPositions(corpus, meantime);
  const dct = new Map<string, string>();
  for (const l of readFileSync(path.join(meantime, 'derived/mentions.jsonl'), 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const r = JSON.parse(l) as { doc_id: string; dct?: string };
    if (r.dct) dct.set(r.doc_id, r.dct);
  }
  const corpusOf = new Map<string, string>();
  for (const l of readFileSync(path.join(meantime, 'derived/sentences.jsonl'), 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const r = JSON.parse(l) as { doc_id: string; corpus: string };
    corpusOf.set(r.doc_id, r.corpus);
  }
  const lines: string[] = [];
  const total = { pn: 0, pd: 0, rn: 0, rd: 0, goldM: 0, sysM: 0, hitM: 0 };
  const score: Record<string, number> = {};
  for (const [dir, name] of Object.entries(CORPORA)) {
    const goldDir = path.join(root, dir, 'TimeLines_Gold_Standard');
    const gold = readdirSync(goldDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readGold(path.join(goldDir, f)));
    const ms = corpus.mentions.filter((m) => corpusOf.get(m.doc) === name);
    const feats = new Map(ms.map((m) => [m.id, features(corpus, m)]));
    // Anchor dates per mention: nearest time expression in its sentence (the time stage run over
    // the whole document, on its date), else the document date.
    const sentText = new Map<string, string>();
    const sentTimexes = new Map<string, { at: number; value: string; rank: number }[]>();
    for (const doc of new Set(ms.map((m) => m.doc))) {
      const sents = [...(corpus.docs.get(doc) ?? [])].sort((a, b) => a.sentence - b.sentence);
      let text = '';
      const extents = sents.map((s) => {
        const t = s.tokens.join(' ');
        const start = text.length;
        text += t + '\n\n';
        sentText.set(`${doc}#${s.sentence}`, t);
        return { start, end: start + t.length, key: `${doc}#${s.sentence}` };
      });
      for (const span of timexSpans(text, extents, dct.get(doc) ?? null).timex) {
        const e = extents.find((x) => x.start <= span.start && span.end <= x.end);
        if (!e) continue;
        const a = span.attrs as unknown as TimexAttrs;
        const list = sentTimexes.get(e.key) ?? [];
        list.push({ at: span.start - e.start, value: a.value, rank: GRANULARITY_RANK[a.granularity] ?? 9 });
        sentTimexes.set(e.key, list);
      }
    }
    const dateOf = new Map<string, { value: string; rank: number }>();
    for (const m of ms) {
      const key = `${m.doc}#${m.sentence}`;
      const s = corpus.sentences.get(key);
      if (!s) continue;
      const at = s.tokens.slice(0, Math.max(0, m.tokens[0] ?? 0)).join(' ').length;
      let best: { value: string; rank: number } | null = null;
      let bestD = Infinity;
      for (const t of sentTimexes.get(key) ?? []) {
        const d = Math.abs(t.at - at);
        if (d < bestD) [bestD, best] = [d, t];
      }
      // Without a time expression in its sentence an event is anchored on its document's date
      // (news reports what just happened; this scored better than leaving it unanchored).
      dateOf.set(m.id, best ?? { value: dct.get(m.doc) ?? 'XXXX', rank: 99 });
    }
    const agg = { pn: 0, pd: 0, rn: 0, rd: 0 };
    for (const g of gold) {
      const target = normName(g.entity);
      const last = target.split(' ').pop()!;
      const chosen: MentionFeatures[] = [];
      for (const m of ms) {
        const text = ` ${normName(sentText.get(`${m.doc}#${m.sentence}`) ?? '')} `;
        const named = text.includes(` ${target} `) || (target.includes(' ') && last.length >= 5 && text.includes(` ${last} `));
        if (named) chosen.push(feats.get(m.id)!);
      }
      // One line per merged event; its date is the most specific anchor among its mentions.
      const clusters = pairwise(chosen, new Map(chosen.map((f) => [f.article, 0])), EVAL_WEIGHTS, 0.3);
      const byId = new Map(ms.map((m) => [m.id, m]));
      const sysLines = clusters.map((c) => {
        const dates = c.map((id) => dateOf.get(id)!).filter(Boolean).sort((a, b) => a.rank - b.rank);
        const date = dateKey(dates[0]?.value ?? 'XXXX');
        const mentions = c.map((id) => {
          const m = byId.get(id)!;
          return `${m.doc}-${m.sentence}-${m.text.replace(/\s+/g, '_')}`;
        });
        return { date, mentions };
      });
      sysLines.sort((a, b) => a.date.localeCompare(b.date));
      let pos = 0;
      let prev = '';
      const sys: Timeline = {
        entity: g.entity,
        lines: sysLines.map((l) => {
          if (/^X/.test(l.date)) return { position: 0, ...l };
          if (l.date !== prev) pos++;
          prev = l.date;
          return { position: pos, ...l };
        }),
      };
      const K = relations(g);
      const S = relations(sys);
      agg.pn += count(S.reduced, K.closure);
      agg.pd += S.reduced.size;
      agg.rn += count(K.reduced, S.closure);
      agg.rd += K.reduced.size;
      const goldM = new Set(g.lines.flatMap((l) => l.mentions));
      const sysM = new Set(sys.lines.flatMap((l) => l.mentions));
      total.goldM += goldM.size;
      total.sysM += sysM.size;
      total.hitM += [...sysM].filter((x) => goldM.has(x)).length;
    }
    const p = agg.pd ? agg.pn / agg.pd : 0;
    const r = agg.rd ? agg.rn / agg.rd : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    lines.push(`${dir} (${name}, ${gold.length} timelines): P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(100 * f).toFixed(1)}`);
    score[`${name}_f1`] = 100 * f;
    for (const k of ['pn', 'pd', 'rn', 'rd'] as const) total[k] += agg[k];
  }
  const p = total.pd ? total.pn / total.pd : 0;
  const r = total.rd ? total.rn / total.rd : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  lines.push(`all three corpora (micro): P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(100 * f).toFixed(1)}`);
  lines.push(`event mentions on the timelines: recall ${((100 * total.hitM) / Math.max(1, total.goldM)).toFixed(1)}%, precision ${((100 * total.hitM) / Math.max(1, total.sysM)).toFixed(1)}%`);
  lines.push('setting: Track B (gold event mentions), target entity found by its name in the sentence; simplified temporal-awareness scorer (see src/eval/timeline-suite.ts), not the official one');
  return { lines, score: { timeline_f1: 100 * f, precision: 100 * p, recall: 100 * r, ...score } };
}

export const timelineSuite: EvalSuite = {
  name: 'timeline',
  description: 'SemEval-2015 Task 4 TimeLine (Track B setting, simplified temporal-awareness scoring)',
  run,
};
