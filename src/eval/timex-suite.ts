import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';
import { Doc } from '../doc/doc.js';
import { buildPipeline } from '../pipeline/stages.js';
import type { TimexAttrs } from '../stages/timex.js';
import { pad2 } from '../util/dates.js';
import { readMeantimeTimexJsonl, readTimeMLDir, writeTimeML, type TimeMLDoc } from './timeml.js';
import { formatTimexReport, scoreTimex, type SystemTimex } from './timex-score.js';
import type { EvalResult, EvalSuite } from './suites.js';

/** The time layer as the pipeline runs it, over a document whose date is given. */
const timePipeline = () => buildPipeline(['names', 'events']);

export function tagWithPipeline(docs: TimeMLDoc[]): SystemTimex[][] {
  const pipeline = timePipeline();
  return docs.map((d) => {
    const doc = new Doc(d.name, d.text, { source: d.name, format: 'txt', title: null, publisher: null, url: null, published: d.dct });
    pipeline.run(doc);
    // TimeML tags a range's two ends separately ("May 21" and "22")
    const spans = [...doc.layer('timex'), ...doc.layer('timex-other')].sort((a, b) => a.start - b.start);
    return spans.flatMap((s) => {
      const a = s.attrs as unknown as TimexAttrs;
      if (a.parts) return a.parts.map((p) => ({ start: p.start, end: p.end, type: p.type, value: p.value }));
      return [a.mod ? { start: s.start, end: s.end, type: a.type, value: a.timex3, mod: a.mod } : { start: s.start, end: s.end, type: a.type, value: a.timex3 }];
    });
  });
}


/** A chrono result's TIMEX3 value at the granularity of its stated components. */
function valueOf(c: chrono.ParsedComponents): { value: string } {
  const y = c.get('year')!;
  const m = c.get('month')!;
  const d = c.get('day')!;
  if (c.isCertain('day') || c.isCertain('weekday')) return { value: `${y}-${pad2(m)}-${pad2(d)}` };
  if (c.isCertain('month')) return { value: `${y}-${pad2(m)}` };
  return { value: String(y) };
}

/** chrono-node on its own: each result's start, valued by its known components. */
export function tagWithChrono(docs: TimeMLDoc[]): SystemTimex[][] {
  return docs.map((d) => {
    const ref = d.dct ? new Date(`${d.dct}T12:00:00Z`) : new Date();
    return chrono.parse(d.text, { instant: ref, timezone: 0 }).map((r) => ({ start: r.index, end: r.index + r.text.length, type: 'DATE', value: valueOf(r.start).value }));
  });
}

function readDocs(data: string): TimeMLDoc[] {
  const st = statSync(data);
  if (st.isFile() && data.endsWith('.jsonl')) return readMeantimeTimexJsonl(data);
  if (st.isDirectory()) {
    const docs = readTimeMLDir(data);
    if (docs.length) return docs;
    const jsonl = path.join(data, 'timex3.jsonl');
    try {
      if (statSync(jsonl).isFile()) return readMeantimeTimexJsonl(jsonl);
    } catch {
      /* no MEANTIME file either */
    }
  }
  if (st.isFile()) return readTimeMLDir(data);
  throw new Error(`${data}: no TimeML (*.tml, *.TE3input) or MEANTIME timex JSONL found`);
}

export const timexSuite: EvalSuite = {
  name: 'timex',
  description: 'time expressions against TimeML (TempEval-3) or MEANTIME timex gold',
  async run(args): Promise<EvalResult> {
    const docs = readDocs(args.data);
    const t0 = performance.now();
    const ours = tagWithPipeline(docs);
    const seconds = (performance.now() - t0) / 1000;
    const lines: string[] = [`${docs.length} documents, ${(docs.reduce((n, d) => n + d.text.length, 0) / 1e6).toFixed(2)} MB of text, tagged in ${seconds.toFixed(2)} s`];
    const withGold = docs.some((d) => d.gold.length);
    const score: Record<string, number> = {};
    if (withGold) {
      const s = scoreTimex(docs.map((d, i) => ({ gold: d.gold, system: ours[i]! })));
      lines.push(...formatTimexReport('summitry', s).filter((l) => !l.startsWith('SCORE')));
      Object.assign(score, { strict_f1: s.strict.f1, relaxed_f1: s.relaxed.f1, value_acc: s.valueAcc, value_f1: s.valueF1, type_f1: s.typeF1 });
      if (args.baseline === 'chrono') {
        const baseline = tagWithChrono(docs);
        const b = scoreTimex(docs.map((d, i) => ({ gold: d.gold, system: baseline[i]! })));
        lines.push(...formatTimexReport('chrono-node baseline', b).filter((l) => !l.startsWith('SCORE')));
        Object.assign(score, { chrono_strict_f1: b.strict.f1, chrono_relaxed_f1: b.relaxed.f1, chrono_value_f1: b.valueF1 });
      }
    } else lines.push('no gold timexes in the data: nothing scored');
    if (args.baseline && args.baseline !== 'chrono') throw new Error(`--baseline: unknown baseline "${args.baseline}" (known: chrono)`);
    if (args.out) {
      mkdirSync(args.out, { recursive: true });
      docs.forEach((d, i) => {
        const file = path.join(args.out!, `${path.basename(d.name).replace(/\.(tml|TE3input)$/, '')}.tml`);
        writeFileSync(file, writeTimeML(d, ours[i]!));
      });
      lines.push(`wrote ${docs.length} TimeML files to ${args.out}`);
    }
    return { lines, score };
  },
};
