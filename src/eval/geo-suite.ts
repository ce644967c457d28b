import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { documentSetting, hintAfter, localCue } from '../geo/context.js';
import { gazetteer } from '../geo/gazetteer.js';
import { distanceKm, mostPopulous, resolveMentions, type Resolution } from '../geo/resolve.js';
import { Doc } from '../doc/doc.js';
import { pipelineFor } from '../pipeline/stages.js';
import type { EvalResult, EvalSuite } from './suites.js';

/**
 * Toponym resolution against the news geoparsing gold sets (LGL, GeoWebNews, GeoVirus,
 * TR-News as normalised JSONL): the gold toponym spans are given, each is resolved in its
 * document, and scored by the distance to the gold point – accuracy within 161 km (100
 * miles), mean and median error – beside the most-populous-place baseline of the same run.
 * Where a corpus gives GeoNames ids, only the spans with one are scored (GeoWebNews: the
 * 2,401 that form its geocoding gold); otherwise every span with coordinates.
 */

interface GoldToponym {
  start: number;
  end: number;
  text: string;
  lat: number | null;
  lon: number | null;
  geonameid?: string | null;
}

interface GoldDoc {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

export interface GeoScore {
  n: number;
  acc161: number;
  meanKm: number;
  medianKm: number;
  /** Share of toponyms with no answer at all (counted as wrong). */
  unanswered: number;
  /** Exact GeoNames id matches, where the gold has ids. */
  idAcc: number | null;
}

function readCorpus(file: string): GoldDoc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as GoldDoc;
      } catch {
        throw new Error(`${file}:${i + 1}: not a JSON object`);
      }
    });
}

/** The JSONL corpora under a path: one file, a corpus folder, or a folder of corpus folders. */
function corpusFiles(data: string): string[] {
  const st = statSync(data);
  if (st.isFile()) return [data];
  const here = readdirSync(data).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(data, f));
  if (here.length) return here;
  const nested = readdirSync(data)
    .map((d) => path.join(data, d))
    .filter((d) => statSync(d).isDirectory())
    .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(d, f)));
  if (!nested.length) throw new Error(`${data}: no geoparsing gold (*.jsonl with toponyms) found`);
  return nested.sort();
}

function scored(docs: GoldDoc[]): GoldToponym[][] {
  const withIds = docs.some((d) => d.toponyms.some((t) => t.geonameid !== undefined));
  return docs.map((d) => d.toponyms.filter((t) => typeof t.lat === 'number' && typeof t.lon === 'number' && (!withIds || (t.geonameid !== null && t.geonameid !== undefined))));
}

export function score(answers: { gold: GoldToponym; lat: number | null; lon: number | null; geonameid?: number }[]): GeoScore {
  const errors: number[] = [];
  let hits = 0;
  let none = 0;
  let idN = 0;
  let idHits = 0;
  for (const a of answers) {
    if (a.gold.geonameid) {
      idN++;
      if (a.geonameid !== undefined && String(a.geonameid) === a.gold.geonameid) idHits++;
    }
    if (a.lat === null || a.lon === null) {
      none++;
      continue;
    }
    const km = distanceKm(a.gold.lat!, a.gold.lon!, a.lat, a.lon);
    errors.push(km);
    if (km <= 161) hits++;
  }
  errors.sort((x, y) => x - y);
  const n = answers.length;
  return {
    n,
    acc161: n ? hits / n : 0,
    meanKm: errors.length ? errors.reduce((s, x) => s + x, 0) / errors.length : 0,
    medianKm: errors.length ? errors[Math.floor(errors.length / 2)]! : 0,
    unanswered: n ? none / n : 0,
    idAcc: idN ? idHits / idN : null,
  };
}

export function resolveGoldDoc(doc: GoldDoc, toponyms: GoldToponym[]): Resolution[] {
  const setting = documentSetting(doc.text);
  return resolveMentions(
    toponyms.map((t) => ({ start: t.start, end: t.end, text: doc.text.slice(t.start, t.end) || t.text, hint: hintAfter(doc.text, t.end), local: localCue(doc.text, t.start, t.end) })),
    setting,
  );
}

/**
 * End to end: the pipeline's own `place` layer against every gold toponym with coordinates
 * (overlapping spans match): recognition precision / recall / F1, and accuracy within 161 km
 * of the matched ones. Corpora differ in what they call a toponym (see the data README), so
 * this is a guide, not a leaderboard figure.
 */
function recognition(docs: GoldDoc[]): { p: number; r: number; f1: number; acc161: number } {
  const pipeline = pipelineFor(['place']);
  let sys = 0;
  let sysHit = 0;
  let gold = 0;
  let goldHit = 0;
  let near = 0;
  for (const d of docs) {
    const doc = new Doc(d.id, d.text, { source: d.id, format: 'txt', title: null, publisher: null, url: null, published: null });
    pipeline.run(doc);
    const places = doc.layer('place');
    const tops = d.toponyms.filter((t) => typeof t.lat === 'number' && t.start >= 0);
    sys += places.length;
    gold += tops.length;
    for (const p of places) if (tops.some((t) => t.start < p.end && p.start < t.end)) sysHit++;
    for (const t of tops) {
      const p = places.find((x) => t.start < x.end && x.start < t.end);
      if (!p) continue;
      goldHit++;
      const a = p.attrs as { lat: number; lon: number };
      if (distanceKm(t.lat!, t.lon!, a.lat, a.lon) <= 161) near++;
    }
  }
  const p = sys ? sysHit / sys : 0;
  const r = gold ? goldHit / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, acc161: goldHit ? near / goldHit : 0 };
}

const fmt = (s: GeoScore) =>
  `acc@161km ${s.acc161.toFixed(3)}  mean ${s.meanKm.toFixed(0)} km  median ${s.medianKm.toFixed(0)} km  unanswered ${(s.unanswered * 100).toFixed(1)}%${s.idAcc === null ? '' : `  geonameid ${s.idAcc.toFixed(3)}`}`;

export const geoSuite: EvalSuite = {
  name: 'geo',
  description: 'toponym resolution (gold spans given) against LGL / GeoWebNews / GeoVirus / TR-News JSONL: accuracy within 161 km, mean error',
  async run(args): Promise<EvalResult> {
    if (args.baseline && args.baseline !== 'population') throw new Error(`--baseline: unknown baseline "${args.baseline}" (known: population, always reported)`);
    const lines: string[] = [];
    const result: Record<string, number> = {};
    const g = gazetteer();
    lines.push(`gazetteer: ${g.stats.places} places, ${g.stats.keys} names, loaded in ${g.stats.loadMs.toFixed(0)} ms${g.stats.fromCache ? ' (cache)' : ' (built the cache)'}`);
    for (const file of corpusFiles(args.data)) {
      const docs = readCorpus(file);
      const gold = scored(docs);
      const corpus = path.basename(file, '.jsonl').replace(/[^a-z0-9]+/gi, '_').toLowerCase();
      const t0 = performance.now();
      const ours: Parameters<typeof score>[0] = [];
      const base: Parameters<typeof score>[0] = [];
      docs.forEach((d, i) => {
        const tops = gold[i]!;
        if (!tops.length) return;
        const res = resolveGoldDoc(d, tops);
        tops.forEach((t, j) => {
          const p = res[j]!.place;
          ours.push({ gold: t, lat: p?.lat ?? null, lon: p?.lon ?? null, geonameid: p?.geonameid });
          const b = mostPopulous(d.text.slice(t.start, t.end) || t.text);
          base.push({ gold: t, lat: b?.lat ?? null, lon: b?.lon ?? null, geonameid: b?.geonameid });
        });
      });
      const ms = performance.now() - t0;
      const o = score(ours);
      const b = score(base);
      lines.push(`${corpus}: ${docs.length} documents, ${o.n} gold toponyms with coordinates, resolved in ${ms.toFixed(0)} ms`);
      lines.push(`  summitry            ${fmt(o)}`);
      lines.push(`  most-populous base  ${fmt(b)}`);
      Object.assign(result, { [`${corpus}_acc161`]: o.acc161, [`${corpus}_mean_km`]: Math.round(o.meanKm), [`${corpus}_base_acc161`]: b.acc161 });
      const rec = recognition(docs);
      lines.push(`  pipeline end to end: toponym recognition P ${rec.p.toFixed(3)} R ${rec.r.toFixed(3)} F1 ${rec.f1.toFixed(3)}; of the recognised, acc@161km ${rec.acc161.toFixed(3)}`);
      result[`${corpus}_recog_f1`] = rec.f1;
    }
    return { lines, score: result };
  },
};
