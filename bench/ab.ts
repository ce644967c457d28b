/**
 * Two builds of the pipeline, interleaved in one process: `node dist/bench/ab.js OTHER` runs
 * OTHER's build (another checkout, after its own `npm run build`) and this one in turns over the
 * same articles and prints articles per CPU second and each stage's time per article for both.
 * On a shared machine back-to-back runs of one build differ by a quarter; interleaving puts both
 * builds under the same load. Corpus as in pipeline.ts: ../shared/seeds, else examples/.
 * AB_ROUNDS (default 20) turns of 3 passes each, after 30 warm-up passes.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { processArticle as ProcessArticle } from '../src/ingest/process.js';
import type { buildPipeline as BuildPipeline } from '../src/pipeline/stages.js';
import { benchCorpus, ROOT } from './corpus.js';

const other = process.argv[2];
if (!other) {
  console.error('usage: node dist/bench/ab.js OTHER_CHECKOUT');
  process.exit(2);
}
const { dir, texts } = benchCorpus();

interface Build {
  name: string;
  processArticle: typeof ProcessArticle;
  pipeline: ReturnType<typeof BuildPipeline>;
  stages: Map<string, number>;
  cpuMs: number;
}

async function load(name: string, root: string): Promise<Build> {
  const at = (p: string) => pathToFileURL(path.join(root, 'dist', p)).href;
  const { processArticle } = (await import(at('src/ingest/process.js'))) as { processArticle: typeof ProcessArticle };
  const { buildPipeline } = (await import(at('src/pipeline/stages.js'))) as { buildPipeline: typeof BuildPipeline };
  return { name, processArticle, pipeline: buildPipeline(), stages: new Map(), cpuMs: 0 };
}

function pass(b: Build, tag: string, record: boolean): void {
  const c0 = process.cpuUsage();
  for (const [i, text] of texts.entries()) {
    const r = b.processArticle({ source: `ab-${tag}-${i}.txt`, format: 'txt', text: `${text}\n${tag}`, title: null, publisher: null, url: null, published: null }, b.pipeline);
    if (record) for (const s of r.trace) b.stages.set(s.stage, (b.stages.get(s.stage) ?? 0) + s.ms);
  }
  const c = process.cpuUsage(c0);
  if (record) b.cpuMs += (c.user + c.system) / 1000;
}

const a = await load(path.basename(path.resolve(other)), path.resolve(other));
const b = await load('this', ROOT);
for (let w = 0; w < 30; w++) {
  pass(a, `wa${w}`, false);
  pass(b, `wb${w}`, false);
}
const ROUNDS = Number(process.env.AB_ROUNDS ?? 20);
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < 3; k++) pass(a, `a${r}.${k}`, true);
  for (let k = 0; k < 3; k++) pass(b, `b${r}.${k}`, true);
}
const n = ROUNDS * 3 * texts.length;
console.log(`${n} articles each, ${texts.length} from ${path.relative(process.cwd(), dir) || '.'}`);
for (const x of [a, b]) console.log(`${x.name.padEnd(12)} ${((n / x.cpuMs) * 1000).toFixed(0)} articles per CPU second`);
console.log(`stage µs/article: ${'stage'.padEnd(9)} ${a.name.padStart(10)} ${b.name.padStart(10)}`);
for (const k of a.stages.keys()) console.log(`                  ${k.padEnd(9)} ${((a.stages.get(k)! / n) * 1000).toFixed(0).padStart(10)} ${(((b.stages.get(k) ?? 0) / n) * 1000).toFixed(0).padStart(10)}`);
