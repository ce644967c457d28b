import { createRequire } from 'node:module';
import path from 'node:path';
import { Doc } from '../doc/doc.js';
import { buildPipeline } from '../pipeline/stages.js';
import { findNames } from '../stages/names.js';
import { conllFiles, readConllFile, scoreNer, type NerDoc, type NerSpan, type NerType, type PRF } from './conll.js';
import type { EvalResult, EvalSuite } from './suites.js';

/** Our name layer over the rebuilt text of each gold document (the stages before it run too). */
export function tagWithNames(docs: NerDoc[]): NerSpan[][] {
  const pipeline = buildPipeline(['events']);
  return docs.map((d) => {
    const doc = new Doc(d.name, d.text, { source: d.name, format: 'txt', title: null, publisher: null, url: null, published: null });
    pipeline.run(doc);
    return findNames(doc, { demonyms: true })
      .filter((s) => s.label === 'PER' || s.label === 'ORG' || s.label === 'LOC' || s.label === 'MISC')
      .map((s) => ({ start: s.start, end: s.end, type: s.label as NerType }));
  });
}

interface CompromiseMatch {
  offset: { start: number; length: number };
}
type CompromiseDoc = Record<'people' | 'places' | 'organizations', () => { json(o: { offset: boolean }): CompromiseMatch[] }>;

/** compromise's people / places / organizations, trimmed of the punctuation and possessive it keeps. */
export function tagWithCompromise(docs: NerDoc[]): NerSpan[][] {
  const nlp = createRequire(import.meta.url)('compromise') as (text: string) => CompromiseDoc;
  const kinds: [keyof CompromiseDoc, NerType][] = [
    ['people', 'PER'],
    ['places', 'LOC'],
    ['organizations', 'ORG'],
  ];
  return docs.map((d) => {
    const parsed = nlp(d.text);
    const out: NerSpan[] = [];
    for (const [method, type] of kinds) {
      for (const m of parsed[method]().json({ offset: true })) {
        const start = m.offset.start;
        let end = start + m.offset.length;
        const trail = /(?:['’]s|['’])?[\s.,;:!?"”)]*$/u.exec(d.text.slice(start, end));
        if (trail) end -= trail[0].length;
        if (end > start) out.push({ start, end, type });
      }
    }
    return out;
  });
}

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
function table(label: string, s: Record<NerType | 'ALL', PRF>): string[] {
  const lines = [`${label}`, '  type      P      R     F1   gold   sys'];
  for (const t of ['PER', 'ORG', 'LOC', 'ALL', 'MISC'] as const) {
    const x = s[t];
    lines.push(`  ${(t === 'ALL' ? 'P/O/L' : t).padEnd(5)} ${pct(x.p)} ${pct(x.r)} ${pct(x.f1)} ${String(x.tp + x.fn).padStart(6)} ${String(x.tp + x.fp).padStart(5)}`);
  }
  return lines;
}

export const nerSuite: EvalSuite = {
  name: 'ner',
  description: 'named entities (PER/ORG/LOC, MISC apart) against CoNLL-format gold, with compromise beside',
  async run(args): Promise<EvalResult> {
    const files = conllFiles(args.data);
    const docs = files.flatMap(readConllFile);
    if (!docs.length) throw new Error(`${args.data}: no documents`);
    const t0 = performance.now();
    const ours = tagWithNames(docs);
    const seconds = (performance.now() - t0) / 1000;
    const lines = [
      `${files.map((f) => path.basename(f)).join(', ')}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.gold.length, 0)} gold entities, tagged in ${seconds.toFixed(2)} s`,
    ];
    const s = scoreNer(docs.map((d, i) => ({ gold: d.gold, system: ours[i]! })));
    lines.push(...table('summitry names', s));
    const score: Record<string, number> = { f1: s.ALL.f1, p: s.ALL.p, r: s.ALL.r, per_f1: s.PER.f1, org_f1: s.ORG.f1, loc_f1: s.LOC.f1, misc_f1: s.MISC.f1 };
    if (args.baseline !== 'none') {
      const b = scoreNer(docs.map((d, i) => ({ gold: d.gold.filter((g) => g.type !== 'MISC'), system: tagWithCompromise([d])[0]! })));
      lines.push(...table('compromise (people/places/organizations), same documents', b).slice(0, -1));
      Object.assign(score, { compromise_f1: b.ALL.f1, compromise_per_f1: b.PER.f1, compromise_org_f1: b.ORG.f1, compromise_loc_f1: b.LOC.f1 });
    }
    if (args.baseline && args.baseline !== 'none' && args.baseline !== 'compromise') throw new Error(`--baseline: unknown baseline "${args.baseline}" (known: compromise, none)`);
    return { lines, score };
  },
};
