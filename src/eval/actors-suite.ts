import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Doc } from '../doc/doc.js';
import { pipelineFor } from '../pipeline/stages.js';
import type { EvalResult, EvalSuite } from './suites.js';

/**
 * Actor country codes on the PETRARCH2 gold sentences (PETR2_GSR_validation.jsonl): for each
 * sentence with gold codings, the set of country codes of its sources and targets (first
 * three letters of the CAMEO actor code: USA, RUS, IGO …; "---" = no country, left out)
 * against the set of countries of the actors we resolve in the sentence (run alone, dated
 * with the record's date). Micro precision, recall and F1 over all such sentences.
 * No-event sentences have no gold actors; they are counted, not scored.
 */

interface GoldSentence {
  id: string;
  date: string | null;
  text: string;
  countries: Set<string>;
  noevents: boolean;
}

function goldFile(data: string): string {
  if (statSync(data).isFile()) return data;
  const f = path.join(data, 'PETR2_GSR_validation.jsonl');
  if (!existsSync(f)) throw new Error(`${data}: no PETR2_GSR_validation.jsonl here (see shared/data/event-coding/petrarch-validation)`);
  return f;
}

export function readPetrarchGold(file: string): GoldSentence[] {
  const out: GoldSentence[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let r: { id?: string; date?: string; text?: string; events?: { source: string; target: string }[]; noevents?: boolean };
      try {
        r = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
      if (typeof r.text !== 'string' || !Array.isArray(r.events)) throw new Error(`${file}:${i + 1}: a record needs "text" and "events"`);
      const countries = new Set<string>();
      for (const e of r.events) for (const code of [e.source, e.target]) if (code && /^[A-Z]{3}/.test(code)) countries.add(code.slice(0, 3));
      const d = /^(\d{4})(\d\d)(\d\d)$/.exec(r.date ?? '');
      out.push({ id: r.id ?? `line ${i + 1}`, date: d ? `${d[1]}-${d[2]}-${d[3]}` : null, text: r.text, countries, noevents: !!r.noevents });
    });
  return out;
}

export const actorsSuite: EvalSuite = {
  name: 'actors',
  description: 'actor country codes on the PETRARCH2 gold sentences',
  async run(args): Promise<EvalResult> {
    const gold = readPetrarchGold(goldFile(args.data));
    const pipeline = pipelineFor(['actor']);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let exact = 0;
    let scored = 0;
    let noevent = 0;
    let noeventActors = 0;
    const misses: string[] = [];
    for (const g of gold) {
      if (!g.text.trim()) continue;
      const doc = new Doc(g.id, g.text, { source: g.id, format: 'txt', title: null, publisher: null, url: null, published: g.date });
      pipeline.run(doc);
      const ours = new Set(doc.layer('actor').map((s) => (s.attrs as { country?: string | null }).country).filter((c): c is string => !!c));
      if (g.noevents || !g.countries.size) {
        noevent++;
        noeventActors += ours.size;
        continue;
      }
      scored++;
      const hit = [...ours].filter((c) => g.countries.has(c)).length;
      tp += hit;
      fp += ours.size - hit;
      fn += g.countries.size - hit;
      if (hit === ours.size && hit === g.countries.size) exact++;
      else misses.push(`${g.id}: gold {${[...g.countries].join(' ')}} ours {${[...ours].join(' ')}}`);
    }
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    const lines = [
      `${scored} gold sentences with actors scored (${noevent} no-event or actorless sentences not scored; we found ${noeventActors} actor countries there)`,
      `actor countries: P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn}); exact sets ${exact}/${scored}`,
      ...misses.slice(0, 15).map((m) => `  ${m}`),
    ];
    return { lines, score: { actor_country_p: p, actor_country_r: r, actor_country_f1: f1, exact_sets: exact, sentences: scored } };
  },
};
