import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { actorKey, type MentionFeatures } from '../consolidate/features.js';
import { chooseEvent, clusterArticle, type Candidate } from '../consolidate/merge.js';
import { mergeProfiles, profileOf, type EventProfile } from '../consolidate/profile.js';
import { decide, DEFAULT_WEIGHTS, type Weights } from '../consolidate/score.js';
import { partitionBy, scoreCoref, type CorefScores, type Partition } from './coref-score.js';
import type { EvalArgs, EvalResult, EvalSuite } from './suites.js';

/**
 * Cross-document event coreference with gold mentions (ECB+, MEANTIME). Mentions become the
 * product's merge features (trigger lemma, participants from proper-noun runs, context words)
 * and are clustered with the product's decision function (consolidate/score.ts) inside
 * predicted document clusters (TF-IDF, average link). Thresholds are chosen on the dev split.
 */

interface GoldMention {
  id: string;
  doc: string;
  topic: string;
  split: string;
  sentence: number;
  tokens: number[];
  text: string;
  cluster: string;
}

interface Sentence {
  doc: string;
  sentence: number;
  tokens: string[];
  lemmas: string[];
  pos: string[];
}

interface Corpus {
  mentions: GoldMention[];
  sentences: Map<string, Sentence>;
  docs: Map<string, Sentence[]>;
}

const sentenceKey = (doc: string, n: number) => `${doc}#${n}`;

function readJsonl(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) throw new Error(`${file}: not found`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
    });
}

type Wink = { readDoc(text: string): { tokens(): { out(f: unknown): string[] } } ; its: { lemma: unknown; pos: unknown; value: unknown } };
let wink: Wink | null = null;
function nlp(): Wink {
  if (wink) return wink;
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (m: unknown) => Wink & { its: Wink['its'] };
  const inst = winkNLP(require('wink-eng-lite-web-model'));
  wink = inst;
  return inst;
}

/** Lemmas and POS per gold token: wink runs over the joined sentence and is aligned back by offsets. */
function analyse(tokens: string[]): { lemmas: string[]; pos: string[] } {
  const w = nlp();
  const text = tokens.join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const t of tokens) {
    starts.push(at);
    at += t.length + 1;
  }
  const d = w.readDoc(text);
  const values = d.tokens().out(w.its.value);
  const lemmas = d.tokens().out(w.its.lemma);
  const pos = d.tokens().out(w.its.pos);
  const outL = tokens.map((t) => t.toLowerCase());
  const outP = tokens.map(() => 'X');
  let cursor = 0;
  let g = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const found = text.indexOf(v, cursor);
    if (found < 0) continue;
    cursor = found + v.length;
    while (g + 1 < starts.length && starts[g + 1]! <= found) g++;
    if (starts[g] === found) {
      outL[g] = (lemmas[i] ?? v).toLowerCase();
      outP[g] = pos[i] ?? 'X';
    }
  }
  return { lemmas: outL, pos: outP };
}

export function loadCorpus(dir: string, kind: 'ecbplus' | 'meantime'): Corpus {
  const derived = existsSync(path.join(dir, 'derived')) ? path.join(dir, 'derived') : dir;
  const mentions: GoldMention[] = [];
  for (const r of readJsonl(path.join(derived, 'mentions.jsonl'))) {
    if (r.type !== 'event') continue;
    if (kind === 'ecbplus' && r.in_selected_sentence !== true) continue;
    const doc = String(r.doc_id);
    const tokens = (kind === 'ecbplus' ? r.token_numbers : r.token_ids) as number[];
    mentions.push({
      id: `${doc}#${r.m_id}`,
      doc,
      topic: String(kind === 'ecbplus' ? r.topic : r.corpus),
      split: kind === 'ecbplus' ? String(r.split) : 'test',
      sentence: Number(r.sentence),
      tokens,
      text: String(r.text),
      cluster: String(r.cluster_id),
    });
  }
  const sentences = new Map<string, Sentence>();
  const docs = new Map<string, Sentence[]>();
  for (const r of readJsonl(path.join(derived, 'sentences.jsonl'))) {
    const doc = String(r.doc_id);
    const tokens = r.tokens as string[];
    const s: Sentence = { doc, sentence: Number(r.sentence), tokens, ...analyse(tokens) };
    sentences.set(sentenceKey(doc, s.sentence), s);
    const list = docs.get(doc) ?? [];
    list.push(s);
    docs.set(doc, list);
  }
  return { mentions, sentences, docs };
}

/** MEANTIME gives token ids document-wide; turn them into positions within the sentence. */
export function meantimeTokenPositions(c: Corpus, dir: string): void {
  const derived = existsSync(path.join(dir, 'derived')) ? path.join(dir, 'derived') : dir;
  // Token ids run through the document in order; the first id of each sentence is its offset.
  const firstId = new Map<string, number>();
  for (const r of readJsonl(path.join(derived, 'mentions.jsonl'))) {
    const k = sentenceKey(String(r.doc_id), Number(r.sentence));
    const ids = r.token_ids as number[];
    if (ids.length) firstId.set(k, Math.min(firstId.get(k) ?? Infinity, ...ids));
  }
  const offsets = new Map<string, number>();
  for (const [doc, list] of c.docs) {
    let id = 1;
    for (const s of [...list].sort((a, b) => a.sentence - b.sentence)) {
      offsets.set(sentenceKey(doc, s.sentence), id);
      id += s.tokens.length;
    }
  }
  for (const m of c.mentions) {
    const off = offsets.get(sentenceKey(m.doc, m.sentence)) ?? 1;
    m.tokens = m.tokens.map((t) => t - off);
  }
}

const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'NUM', 'ADJ']);
const STOP = new Set(['be', 'have', 'do', 'say', 'tell', 'report', 'accord', 'also', 'new', 'year', 'people', 'time', 'day', 'get', 'make', 'take', 'go', 'come']);

function headLemma(s: Sentence | undefined, m: GoldMention): string {
  if (!s) return m.text.toLowerCase();
  const idx = m.tokens.filter((t) => t >= 0 && t < s.tokens.length);
  if (!idx.length) return m.text.toLowerCase();
  const pick = idx.find((t) => s.pos[t] === 'VERB') ?? [...idx].reverse().find((t) => s.pos[t] === 'NOUN') ?? idx[idx.length - 1]!;
  return s.lemmas[pick]!;
}

export function features(c: Corpus, m: GoldMention): MentionFeatures {
  const s = c.sentences.get(sentenceKey(m.doc, m.sentence));
  const actors: MentionFeatures['actors'] = [];
  const context = new Set<string>();
  if (s) {
    let run: string[] = [];
    const flush = () => {
      if (run.length) actors.push(actorKey({ name: run.join(' ') }));
      run = [];
    };
    s.tokens.forEach((t, i) => {
      if (m.tokens.includes(i)) return flush();
      if (s.pos[i] === 'PROPN' || s.pos[i] === 'NUM') run.push(t);
      else flush();
      if (CONTENT.has(s.pos[i]!) && !STOP.has(s.lemmas[i]!) && /\p{L}|\d/u.test(s.lemmas[i]!)) context.add(s.lemmas[i]!);
    });
    flush();
  }
  return {
    id: m.id,
    article: m.doc,
    position: m.sentence * 1000 + (m.tokens[0] ?? 0),
    family: '*',
    type: 'EVENT',
    mode: null,
    lemma: headLemma(s, m),
    actors,
    countries: [],
    place: null,
    time: null,
    reported: null,
    status: 'occurred',
    anaphoric: false,
    // No argument slots in ECB+: the same-sentence predicate rule of clusterArticle stays off.
    sentence: null,
    subjects: ['?'],
    topics: [],
    context,
  };
}

// ---- document clustering (predicted sub-topics) ----

/** Names and numbers tell sub-topics apart (two earthquakes: other places, dates, tolls). */
export let NAME_BOOST = 3;
export function setNameBoost(x: number): void {
  NAME_BOOST = x;
}

function tfidf(c: Corpus, docs: string[]): Map<string, Map<string, number>> {
  const df = new Map<string, number>();
  const tf = new Map<string, Map<string, number>>();
  for (const d of docs) {
    const counts = new Map<string, number>();
    for (const s of c.docs.get(d) ?? []) {
      s.lemmas.forEach((l, i) => {
        if (!CONTENT.has(s.pos[i]!) || STOP.has(l) || !/\p{L}|\d/u.test(l)) return;
        counts.set(l, (counts.get(l) ?? 0) + (s.pos[i] === 'PROPN' || s.pos[i] === 'NUM' ? NAME_BOOST : 1));
      });
    }
    tf.set(d, counts);
    for (const l of counts.keys()) df.set(l, (df.get(l) ?? 0) + 1);
  }
  const out = new Map<string, Map<string, number>>();
  for (const [d, counts] of tf) {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [l, n] of counts) {
      const w = (1 + Math.log(n)) * Math.log(docs.length / df.get(l)!);
      if (w <= 0) continue;
      v.set(l, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [l, w] of v) v.set(l, w / norm);
    out.set(d, v);
  }
  return out;
}

function cos(a: Map<string, number>, b: Map<string, number>): number {
  let s = 0;
  const [x, y] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, v] of x) {
    const w = y.get(k);
    if (w) s += v * w;
  }
  return s;
}

/** Average-link agglomerative clustering over a similarity function; merges while the best link ≥ threshold. */
function agglomerate<T>(items: T[], sim: (a: T, b: T) => number, threshold: number, compatible?: (a: T, b: T) => boolean): T[][] {
  const n = items.length;
  const S: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const ok: boolean[][] = Array.from({ length: n }, () => new Array<boolean>(n).fill(true));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      S[i]![j] = S[j]![i] = sim(items[i]!, items[j]!);
      if (compatible) ok[i]![j] = ok[j]![i] = compatible(items[i]!, items[j]!);
    }
  }
  let clusters: number[][] = items.map((_, i) => [i]);
  for (;;) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        let sum = 0;
        let veto = false;
        for (const a of clusters[i]!) {
          for (const b of clusters[j]!) {
            sum += S[a]![b]!;
            if (!ok[a]![b]) veto = true;
          }
        }
        if (veto) continue;
        const avg = sum / (clusters[i]!.length * clusters[j]!.length);
        if (avg > best) [best, bi, bj] = [avg, i, j];
      }
    }
    if (bi < 0 || best < threshold) break;
    clusters[bi] = [...clusters[bi]!, ...clusters[bj]!];
    clusters = clusters.filter((_, k) => k !== bj);
  }
  return clusters.map((c) => c.map((i) => items[i]!));
}

const YEAR = /^(19[5-9]\d|20[0-2]\d)$/;
/** Years a document's text names (not its URL line): two stories in different years are two events. */
export function docYears(c: Corpus, doc: string): Set<string> {
  const out = new Set<string>();
  for (const s of c.docs.get(doc) ?? []) {
    if (s.tokens.some((t) => /https?:|www\.|\//.test(t))) continue;
    for (const t of s.tokens) if (YEAR.test(t)) out.add(t);
  }
  return out;
}

export let YEAR_PENALTY = 0.1;
export function setYearPenalty(x: number): void {
  YEAR_PENALTY = x;
}

export function docClusters(c: Corpus, docs: string[], threshold: number): Map<string, number> {
  const vec = tfidf(c, docs);
  const years = new Map(docs.map((d) => [d, docYears(c, d)]));
  const sim = (a: string, b: string) => {
    const ya = years.get(a)!;
    const yb = years.get(b)!;
    const disjoint = ya.size > 0 && yb.size > 0 && ![...ya].some((y) => yb.has(y));
    return cos(vec.get(a)!, vec.get(b)!) - (disjoint ? YEAR_PENALTY : 0);
  };
  const groups = agglomerate(docs, sim, threshold);
  const out = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((d) => out.set(d, i)));
  return out;
}

// ---- systems ----

/** The product's decision with ECB+'s evidence: no family, time or place; trigger lemma, names and context words instead. */
export const EVAL_WEIGHTS: Weights = { ...DEFAULT_WEIGHTS, actors: 0.25, countries: 0, actorsDisjoint: -0.05, lemma: 0.45, lemmaPair: 0.25, lemmaMismatch: -0.6, context: 0.3 };

export function sameLemma(fs: MentionFeatures[], dc: Map<string, number>): Partition {
  return partitionBy(fs, (f) => f.id, (f) => `${dc.get(f.article)}|${f.lemma}`);
}

export function pairwise(fs: MentionFeatures[], dc: Map<string, number>, w: Weights, threshold: number): Partition {
  const byGroup = new Map<number, MentionFeatures[]>();
  for (const f of fs) {
    const g = dc.get(f.article) ?? -1;
    byGroup.set(g, [...(byGroup.get(g) ?? []), f]);
  }
  const out: Partition = [];
  for (const group of byGroup.values()) {
    const profiles = new Map(group.map((f) => [f, profileOf(f)]));
    const clusters = agglomerate(
      group,
      (a, b) => decide(profiles.get(a)!, profiles.get(b)!, w).score,
      threshold,
      (a, b) => !decide(profiles.get(a)!, profiles.get(b)!, w).veto,
    );
    for (const c of clusters) out.push(c.map((f) => f.id));
  }
  return out;
}

/** The product's own path: cluster within each document, then join events document by document. */
export function incremental(fs: MentionFeatures[], dc: Map<string, number>, w: Weights, within: number, across: number): Partition {
  const byDoc = new Map<string, MentionFeatures[]>();
  for (const f of fs) byDoc.set(f.article, [...(byDoc.get(f.article) ?? []), f]);
  const events = new Map<number, (Candidate & { members: string[] })[]>();
  let seq = 0;
  for (const [doc, ms] of byDoc) {
    const g = dc.get(doc) ?? -1;
    const pool = events.get(g) ?? [];
    events.set(g, pool);
    for (const c of clusterArticle(ms, w, within)) {
      const choice = chooseEvent(c.profile, pool, { weights: w, threshold: across });
      if (!choice.into) {
        pool.push({ id: `e${seq}`, seq: seq++, profile: c.profile, members: c.mentions.map((m) => m.id) });
        continue;
      }
      const into = choice.into as Candidate & { members: string[] };
      into.profile = mergeProfiles(into.profile, c.profile);
      into.members.push(...c.mentions.map((m) => m.id));
      for (const a of choice.absorb as (Candidate & { members: string[] })[]) {
        into.profile = mergeProfiles(into.profile, a.profile);
        into.members.push(...a.members);
        pool.splice(pool.indexOf(a), 1);
      }
    }
  }
  return [...events.values()].flat().map((e) => e.members);
}

const pct = (x: number) => (100 * x).toFixed(1);
function row(name: string, s: CorefScores): string {
  const f = (x: { p: number; r: number; f: number }) => `${pct(x.r)}/${pct(x.p)}/${pct(x.f)}`;
  return `${name.padEnd(28)} MUC ${f(s.muc)}  B3 ${f(s.b3)}  CEAF-e ${f(s.ceafe)}  LEA ${f(s.lea)}  CoNLL ${pct(s.conll)}`;
}

function purity(dc: Map<string, number>, label: (doc: string) => string): string {
  const groups = new Map<number, string[]>();
  for (const [d, g] of dc) groups.set(g, [...(groups.get(g) ?? []), d]);
  let pure = 0;
  for (const ds of groups.values()) {
    const counts = new Map<string, number>();
    for (const d of ds) counts.set(label(d), (counts.get(label(d)) ?? 0) + 1);
    pure += Math.max(...counts.values());
  }
  return `${groups.size} clusters, purity ${pct(pure / dc.size)}%`;
}

async function run(args: EvalArgs): Promise<EvalResult> {
  const kind = (args.suite ?? 'ecbplus') as 'ecbplus' | 'meantime';
  if (kind !== 'ecbplus' && kind !== 'meantime') throw new Error(`eval coref: --suite must be ecbplus or meantime, not ${args.suite}`);
  const t0 = Date.now();
  const corpus = loadCorpus(args.data, kind);
  if (kind === 'meantime') meantimeTokenPositions(corpus, args.data);
  if (!corpus.mentions.length) throw new Error(`${args.data}: no event mentions found`);
  const feats = new Map(corpus.mentions.map((m) => [m.id, features(corpus, m)]));
  const lines: string[] = [];
  const splitOf = (split: string) => corpus.mentions.filter((m) => m.split === split);
  const subtopic = (doc: string) => (kind === 'ecbplus' ? `${doc.split('_')[0]}${doc.includes('plus') ? '+' : ''}` : corpus.mentions.find((m) => m.doc === doc)!.topic);

  const evaluate = (ms: GoldMention[], docThreshold: number, w: Weights, thr: number, within: number) => {
    const docs = [...new Set(ms.map((m) => m.doc))];
    const dc = docClusters(corpus, docs, docThreshold);
    const fs = ms.map((m) => feats.get(m.id)!);
    const key = partitionBy(ms, (m) => m.id, (m) => m.cluster);
    return {
      dc,
      baseline: scoreCoref(key, sameLemma(fs, dc)),
      pairwise: scoreCoref(key, pairwise(fs, dc, w, thr)),
      incremental: scoreCoref(key, incremental(fs, dc, w, within, thr)),
    };
  };

  let test = splitOf('test');
  const docThreshold = 0.15;
  let threshold = 0.3;
  let weights = EVAL_WEIGHTS;
  if (kind === 'ecbplus') {
    // Thresholds and the weight of related lemmas ("quake"/"earthquake") are chosen on the dev split.
    const dev = splitOf('dev');
    let best = -1;
    for (const lemmaPair of [0.25, 0.4]) {
      for (const t of [0.2, 0.3, 0.4]) {
        const w = { ...EVAL_WEIGHTS, lemmaPair };
        const r = evaluate(dev, docThreshold, w, t, t);
        if (r.pairwise.conll > best) [best, threshold, weights] = [r.pairwise.conll, t, w];
      }
    }
    lines.push(`dev (topics 2,5,12,18,21,23,34,35): best CoNLL ${pct(best)} at merge threshold ${threshold}, related-lemma weight ${weights.lemmaPair}; document threshold ${docThreshold}`);
  } else {
    test = corpus.mentions;
  }
  const r = evaluate(test, docThreshold, weights, threshold, threshold);
  const docs = new Set(test.map((m) => m.doc)).size;
  lines.push(`${kind} ${kind === 'ecbplus' ? 'test (topics 36-45), selected sentences' : 'all 4 corpora'}: ${docs} documents, ${test.length} gold event mentions, ${new Set(test.map((m) => m.cluster)).size} gold clusters`);
  lines.push(`setting: gold mentions, singletons included, one meta-document, predicted document clusters (TF-IDF average link: ${purity(r.dc, subtopic)} vs gold sub-topics)`);
  lines.push('                             R/P/F1');
  lines.push(row('same-lemma baseline', r.baseline));
  lines.push(row('merge decision, average link', r.pairwise));
  lines.push(row('merge decision, incremental', r.incremental));
  lines.push(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const s = r.pairwise;
  return {
    lines,
    score: {
      muc_f1: 100 * s.muc.f,
      b3_f1: 100 * s.b3.f,
      ceafe_f1: 100 * s.ceafe.f,
      conll_f1: 100 * s.conll,
      lea_f1: 100 * s.lea.f,
      incremental_conll_f1: 100 * r.incremental.conll,
      baseline_conll_f1: 100 * r.baseline.conll,
    },
  };
}

export const corefSuite: EvalSuite = {
  name: 'coref',
  description: 'cross-document event coreference with gold mentions (ECB+, MEANTIME): MUC, B3, CEAF-e, CoNLL F1, LEA',
  run,
};
