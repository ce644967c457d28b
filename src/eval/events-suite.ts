import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Doc } from '../doc/doc.js';
import { extractEvents } from '../events/extract.js';
import type { EventAttrs } from '../events/types.js';
import { buildPipeline } from '../pipeline/stages.js';
import type { EvalArgs, EvalResult, EvalSuite } from './suites.js';

/**
 * `summitry eval events --suite petr2|plover|seeds-demo --data DIR`, scored as
 * shared/data/event-coding/README.md describes: per sentence, the types (micro P/R/F1), the
 * tuples (type, actor countries, recipient countries; reciprocal types as one unordered
 * participant set) and, on no-event sentences, the false-positive rate; `cameo-compat`
 * (status ignored) for the PETRARCH gold and `plover-compat` (prospective cooperation as
 * AGREE) for the PLOVER gold.
 */

export interface SystemEvent {
  type: string;
  mode: string | null;
  status: string;
  sources: string[];
  targets: string[];
  participants: string[];
  placeCountry: string | null;
  triggers: { start: number; end: number }[];
}

const PROSPECTIVE = new Set(['planned', 'expected', 'rumored', 'proposed']);
const COOPERATIVE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
const RECIPROCAL_TYPES = new Set(['CONSULT', 'AGREE']);
const OLD_CODES: Record<string, string> = { JAP: 'JPN' };

export type Projection = 'cameo-compat' | 'plover-compat';

export function project(e: SystemEvent, p: Projection): string {
  return p === 'plover-compat' && PROSPECTIVE.has(e.status) && COOPERATIVE.has(e.type) ? 'AGREE' : e.type;
}

const country = (code: string | null | undefined): string | null => {
  if (!code || code.startsWith('---') || code.startsWith("'")) return null;
  const c = code.slice(0, 3).toUpperCase();
  return OLD_CODES[c] ?? c;
};

/** Runs the pipeline on one sentence (headline-like lines included) and reads its events. */
export function eventsOf(text: string, date: string | null): SystemEvent[] {
  const doc = new Doc('eval', text, { source: 'eval', format: 'txt', title: null, publisher: null, url: null, published: date });
  pipeline().run(doc);
  const out: SystemEvent[] = [];
  for (const s of doc.layer('sentence')) {
    for (const span of extractEvents(doc, s, { dct: date })) {
      const a = span.attrs as unknown as EventAttrs;
      const of = (role: string) => a.actors.filter((x) => x.role === role).map((x) => country(x.country)).filter((x): x is string => !!x);
      out.push({
        type: a.type, mode: a.mode, status: a.status,
        sources: of('source'), targets: of('target'), participants: of('participant'),
        placeCountry: country(a.place?.country),
        triggers: [a.trigger, ...(a.triggers ?? [])],
      });
    }
  }
  return out;
}

let cached: ReturnType<typeof buildPipeline> | null = null;
const pipeline = () => (cached ??= buildPipeline(['events']));

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort().join(',');

/** The tuple key of a group of system events of one type in one sentence. */
export function systemTuple(type: string, events: SystemEvent[]): string {
  const all = events.flatMap((e) => [...e.sources, ...e.targets, ...e.participants]);
  if (RECIPROCAL_TYPES.has(type) || events.some((e) => e.participants.length)) {
    // CAMEO codes a meeting's venue as a party ("will meet in Zurich": USA->CHE).
    const places = type === 'CONSULT' ? events.map((e) => e.placeCountry).filter((x): x is string => !!x) : [];
    return `${type}|P:${sorted([...all, ...places])}`;
  }
  const targets = events.flatMap((e) => e.targets);
  if (!targets.length) targets.push(...events.map((e) => e.placeCountry).filter((x): x is string => !!x));
  return `${type}|S:${sorted(events.flatMap((e) => e.sources))}|T:${sorted(targets)}`;
}

function goldTuple(type: string, codings: { source: string | null; target: string | null }[], reciprocal: boolean): string {
  const s = codings.map((c) => c.source).filter((x): x is string => !!x);
  const t = codings.map((c) => c.target).filter((x): x is string => !!x);
  if (reciprocal || RECIPROCAL_TYPES.has(type)) return `${type}|P:${sorted([...s, ...t])}`;
  return `${type}|S:${sorted(s)}|T:${sorted(t)}`;
}

class Prf {
  tp = 0;
  fp = 0;
  fn = 0;
  get p() { return this.tp + this.fp ? this.tp / (this.tp + this.fp) : 0; }
  get r() { return this.tp + this.fn ? this.tp / (this.tp + this.fn) : 0; }
  get f1() { return this.p + this.r ? (2 * this.p * this.r) / (this.p + this.r) : 0; }
  line(name: string) {
    return `${name.padEnd(22)} P ${this.p.toFixed(3)}  R ${this.r.toFixed(3)}  F1 ${this.f1.toFixed(3)}  (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})`;
  }
}

/** Rows gold type, columns system type ("-" = none), from per-sentence type sets. */
class Confusion {
  cells = new Map<string, number>();
  add(gold: Set<string>, system: Set<string>) {
    const bump = (g: string, s: string) => this.cells.set(`${g}\t${s}`, (this.cells.get(`${g}\t${s}`) ?? 0) + 1);
    const extraSys = [...system].filter((s) => !gold.has(s));
    for (const g of gold) {
      if (system.has(g)) bump(g, g);
      else if (extraSys.length) for (const s of extraSys) bump(g, s);
      else bump(g, '-');
    }
    if (!gold.size) for (const s of extraSys) bump('-', s);
  }
  lines(title: string): string[] {
    const rows = [...new Set([...this.cells.keys()].map((k) => k.split('\t')[0]!))].sort();
    const cols = [...new Set([...this.cells.keys()].map((k) => k.split('\t')[1]!))].sort();
    const w = 5;
    const out = [title, `${'gold \\ system'.padEnd(14)}${cols.map((c) => c.slice(0, w).padStart(w + 1)).join('')}`];
    for (const r of rows) out.push(`${r.padEnd(14)}${cols.map((c) => String(this.cells.get(`${r}\t${c}`) ?? '.').padStart(w + 1)).join('')}`);
    return out;
  }
}

function statusTable(events: { type: string; status: string }[], title: string): string[] {
  const counts = new Map<string, Map<string, number>>();
  const statuses = new Set<string>();
  for (const e of events) {
    const m = counts.get(e.type) ?? new Map<string, number>();
    m.set(e.status, (m.get(e.status) ?? 0) + 1);
    counts.set(e.type, m);
    statuses.add(e.status);
  }
  const cols = [...statuses].sort();
  const out = [title, `${'type'.padEnd(11)}${cols.map((c) => c.slice(0, 8).padStart(9)).join('')}`];
  for (const [t, m] of [...counts].sort()) out.push(`${t.padEnd(11)}${cols.map((c) => String(m.get(c) ?? '.').padStart(9)).join('')}`);
  return out;
}

function findFile(dir: string, names: string[]): string | null {
  for (const n of names) {
    const p = path.join(dir, n);
    if (existsSync(p)) return p;
  }
  return null;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as T;
    } catch {
      throw new Error(`${file}:${i + 1}: not JSON`);
    }
  });
}

/** CAMEO code -> PLOVER type, from CAMEO2PLOVER (exact code, else the longest prefix). */
export function cameoTable(file: string): (code: string) => string | null {
  const map = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m && !map.has(m[1]!)) map.set(m[1]!, m[2]!);
  }
  return (code: string) => {
    if (/^0[12]/.test(code)) return null;
    for (let n = code.length; n >= 2; n--) {
      const t = map.get(code.slice(0, n));
      if (t) return t;
    }
    return null;
  };
}

interface PetrRecord {
  id: string;
  date: string;
  text: string;
  events: { source: string; target: string; cameo: string }[];
  noevents: boolean;
}

function petr2(data: string): EvalResult {
  const base = statSync(data).isDirectory() ? data : path.dirname(data);
  const file = statSync(data).isFile() ? data : findFile(base, ['PETR2_GSR_validation.jsonl', 'petrarch-validation/PETR2_GSR_validation.jsonl']);
  const table = findFile(base, ['CAMEO2PLOVER-2021.txt', 'plover-codebook/CAMEO2PLOVER-2021.txt', '../plover-codebook/CAMEO2PLOVER-2021.txt']);
  if (!file) throw new Error(`${data}: no PETR2_GSR_validation.jsonl here or in petrarch-validation/`);
  if (!table) throw new Error(`${data}: no CAMEO2PLOVER-2021.txt in plover-codebook/ next to the gold`);
  const toType = cameoTable(table);
  const records = readJsonl<PetrRecord>(file).filter((r) => r.text.trim());
  const types = new Prf();
  const tuples = new Prf();
  const perType = new Map<string, Prf>();
  const confusion = new Confusion();
  const statuses: { type: string; status: string }[] = [];
  let noEvent = 0;
  let noEventHit = 0;
  const misses: string[] = [];
  for (const r of records) {
    const date = /^\d{8}$/.test(r.date) ? `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6)}` : null;
    const sys = eventsOf(r.text, date);
    for (const e of sys) statuses.push({ type: e.type, status: e.status });
    if (r.noevents) {
      noEvent++;
      if (sys.length) noEventHit++;
      confusion.add(new Set(), new Set(sys.map((e) => e.type)));
      for (const e of sys) (perType.get(e.type) ?? perType.set(e.type, new Prf()).get(e.type)!).fp++;
      types.fp += new Set(sys.map((e) => e.type)).size;
      if (sys.length) misses.push(`FP ${r.id}: ${[...new Set(sys.map((e) => e.type))].join(',')}`);
      continue;
    }
    const gold = new Map<string, { source: string | null; target: string | null; cameo: string }[]>();
    let statementOnly = false;
    for (const g of r.events) {
      const t = toType(g.cameo);
      if (!t) {
        statementOnly = true;
        continue;
      }
      (gold.get(t) ?? gold.set(t, []).get(t)!).push({ source: country(g.source), target: country(g.target), cameo: g.cameo });
    }
    const byType = new Map<string, SystemEvent[]>();
    for (const e of sys) {
      const t = project(e, 'cameo-compat');
      // Events on a sentence coded only as a statement or appeal (CAMEO 01x/02x) are ignored.
      if (statementOnly && !gold.has(t)) continue;
      (byType.get(t) ?? byType.set(t, []).get(t)!).push(e);
    }
    confusion.add(new Set(gold.keys()), new Set(byType.keys()));
    for (const t of new Set([...gold.keys(), ...byType.keys()])) {
      const pt = perType.get(t) ?? perType.set(t, new Prf()).get(t)!;
      if (gold.has(t) && byType.has(t)) (types.tp++, pt.tp++);
      else if (gold.has(t)) (types.fn++, pt.fn++);
      else (types.fp++, pt.fp++);
    }
    // Reciprocal: two codings in opposite directions (one coding within a state, GEO->GEO, is not).
    const goldTuples = new Set([...gold].map(([t, cs]) => goldTuple(t, cs, cs.some((a) => cs.some((b) => a !== b && a.source && a.source === b.target && a.target === b.source)))));
    const sysTuples = new Set([...byType].map(([t, es]) => systemTuple(t, es)));
    for (const g of goldTuples) {
      if (sysTuples.has(g)) tuples.tp++;
      else tuples.fn++;
    }
    for (const s of sysTuples) if (!goldTuples.has(s)) tuples.fp++;
    if ([...goldTuples].some((g) => !sysTuples.has(g)) || [...sysTuples].some((s) => !goldTuples.has(s))) misses.push(`${r.id}: gold ${[...goldTuples].join(' ')} | system ${[...sysTuples].join(' ') || '-'}`);
  }
  const rate = noEvent ? noEventHit / noEvent : 0;
  const lines = [
    `petr2 (cameo-compat): ${records.length} sentences, ${noEvent} without events`,
    types.line('type'),
    tuples.line('type+countries'),
    `no-event false positives: ${noEventHit}/${noEvent} = ${rate.toFixed(3)}`,
    'per type:',
    ...[...perType].sort().map(([t, p]) => '  ' + p.line(t)),
    ...confusion.lines('type confusion (per sentence):'),
    ...statusTable(statuses, 'system statuses by type (the gold has none):'),
  ];
  if (process.env.SUMMITRY_EVAL_VERBOSE) lines.push(...misses);
  return { lines, score: { type_f1: types.f1, tuple_f1: tuples.f1, noevent_fp_rate: rate } };
}

interface PloverRecord {
  id: string;
  text: string;
  type: string;
  mode: string | null;
  actors: { code: string | null }[];
  recipients: { code: string | null }[];
  reciprocal: boolean;
  spans: { role: string; start: number; end: number }[];
}

function plover(data: string): EvalResult {
  const file = statSync(data).isFile() ? data : findFile(data, ['plover_gsr_cameo.normalized.jsonl', 'plover-gsr-cameo/plover_gsr_cameo.normalized.jsonl']);
  if (!file) throw new Error(`${data}: no plover_gsr_cameo.normalized.jsonl here or in plover-gsr-cameo/`);
  const records = readJsonl<PloverRecord>(file);
  const byText = new Map<string, PloverRecord[]>();
  for (const r of records) (byText.get(r.text) ?? byText.set(r.text, []).get(r.text)!).push(r);
  const types = new Prf();
  const strict = new Prf();
  const tuples = new Prf();
  const perType = new Map<string, Prf>();
  const confusion = new Confusion();
  const statuses: { type: string; status: string }[] = [];
  let modeGold = 0;
  let modeRight = 0;
  let spanGold = 0;
  let spanHit = 0;
  let extra = 0;
  const misses: string[] = [];
  for (const [text, recs] of byText) {
    const sys = eventsOf(text, null);
    const projected = sys.map((e) => ({ e, t: project(e, 'plover-compat') }));
    for (const { e, t } of projected) statuses.push({ type: `${e.type}${t !== e.type ? '>' + t : ''}`, status: e.status });
    const goldTypes = new Set(recs.map((r) => r.type));
    const sysTypes = new Set(projected.map((x) => x.t));
    confusion.add(goldTypes, sysTypes);
    const found = [...goldTypes].some((t) => sysTypes.has(t));
    for (const t of goldTypes) {
      const pt = perType.get(t) ?? perType.set(t, new Prf()).get(t)!;
      if (sysTypes.has(t)) (types.tp++, strict.tp++, pt.tp++);
      else (types.fn++, strict.fn++, pt.fn++);
    }
    for (const t of sysTypes) {
      if (goldTypes.has(t)) continue;
      const pt = perType.get(t) ?? perType.set(t, new Prf()).get(t)!;
      strict.fp++;
      // Each record carries one event: extra events beside a found one are counted apart.
      if (found) extra++;
      else (types.fp++, pt.fp++);
    }
    const goldTuples = new Set(recs.map((r) => goldTuple(r.type, [...(r.actors ?? []).map((a) => ({ source: country(a.code), target: null })), ...(r.recipients ?? []).map((a) => ({ source: null, target: country(a.code) }))], r.reciprocal)));
    const groups = new Map<string, SystemEvent[]>();
    for (const { e, t } of projected) (groups.get(t) ?? groups.set(t, []).get(t)!).push(e);
    const sysTuples = new Set([...groups].map(([t, es]) => systemTuple(t, es)));
    for (const g of goldTuples) {
      if (sysTuples.has(g)) tuples.tp++;
      else tuples.fn++;
    }
    // A system tuple counts as a false positive unless it matches, except one of an extra type
    // beside a found gold type (the same rule as for types: each record carries one event).
    for (const [t, es] of groups) {
      const s = systemTuple(t, es);
      if (!goldTuples.has(s) && (!found || goldTypes.has(t))) tuples.fp++;
    }
    for (const r of recs) {
      const same = projected.filter((x) => x.t === r.type).map((x) => x.e);
      if (r.mode && same.length) {
        modeGold++;
        if (same.some((e) => e.mode === r.mode)) modeRight++;
      }
      const evt = (r.spans ?? []).filter((s) => s.role === 'EVT');
      if (evt.length) {
        spanGold++;
        if (sys.some((e) => e.triggers.some((t) => evt.some((s) => t.start < s.end && s.start < t.end)))) spanHit++;
      }
    }
    if (!found) misses.push(`${recs[0]!.id}: gold ${[...goldTypes].join(',')} | system ${[...sysTypes].join(',') || '-'} | ${text.slice(0, 110)}`);
  }
  const lines = [
    `plover (plover-compat): ${records.length} records, ${byText.size} sentences`,
    types.line('type'),
    strict.line('type (extras as FP)'),
    tuples.line('type+countries'),
    `extra events beside a found one: ${extra} (${(extra / byText.size).toFixed(2)} per sentence)`,
    `mode accuracy on records with a gold mode and a found type: ${modeRight}/${modeGold} = ${(modeGold ? modeRight / modeGold : 0).toFixed(3)}`,
    `trigger span overlap with EVT: ${spanHit}/${spanGold} = ${(spanGold ? spanHit / spanGold : 0).toFixed(3)}`,
    'per type:',
    ...[...perType].sort().map(([t, p]) => '  ' + p.line(t)),
    ...confusion.lines('type confusion (per sentence):'),
    ...statusTable(statuses, 'system statuses by type (TYPE>AGREE: projected):'),
  ];
  if (process.env.SUMMITRY_EVAL_VERBOSE) lines.push(...misses);
  return { lines, score: { type_f1: types.f1, type_f1_strict: strict.f1, tuple_f1: tuples.f1, mode_acc: modeGold ? modeRight / modeGold : 0, noevent_fp_rate: 0 } };
}

/** No gold: the types, statuses and attributions the seeds produce, for a look by hand. */
function seedsDemo(data: string): EvalResult {
  const files = statSync(data).isDirectory() ? readdirSync(data).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => path.join(data, f)) : [data];
  if (!files.length) throw new Error(`${data}: no .txt or .md files`);
  const all: { type: string; status: string }[] = [];
  const p = buildPipeline();
  let attributed = 0;
  const lines: string[] = [];
  for (const f of files) {
    const doc = new Doc(f, readFileSync(f, 'utf8'), { source: f, format: 'txt', title: null, publisher: null, url: null, published: null });
    p.run(doc);
    const evs = doc.layer('event').map((s) => s.attrs as unknown as EventAttrs);
    for (const a of evs) {
      all.push({ type: a.type, status: a.status });
      if (a.attribution) attributed++;
    }
    lines.push(`${path.basename(f)}: ${evs.length} mentions`);
  }
  lines.push(...statusTable(all, 'statuses by type:'));
  return { lines, score: { type_f1: 0, tuple_f1: 0, noevent_fp_rate: 0, mentions: all.length, attributed } };
}

export const eventsSuite: EvalSuite = {
  name: 'events',
  description: 'event types and participants against PETRARCH2 (--suite petr2) or PLOVER (--suite plover) gold; seeds-demo counts',
  async run(args: EvalArgs): Promise<EvalResult> {
    const suite = args.suite ?? 'petr2';
    if (!existsSync(args.data)) throw new Error(`${args.data}: no such file or folder`);
    if (suite === 'petr2') return petr2(args.data);
    if (suite === 'plover') return plover(args.data);
    if (suite === 'seeds-demo') return seedsDemo(args.data);
    throw new Error(`--suite: unknown suite "${suite}" (known: petr2, plover, seeds-demo)`);
  },
};
