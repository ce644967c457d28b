/**
 * Pipeline and ingest throughput. Run: `npm run bench` (after `npm run build`).
 * Corpus: the seed articles in ../shared/seeds when present, else examples/*.txt, repeated.
 * Prints articles/s, MB/s of text, per-stage time and memory; one core for the pipeline part.
 * Both wall-clock and CPU-time figures (process.cpuUsage, user + system): on a shared machine
 * the CPU figures are the ones to compare. BENCH_ROUNDS (default 60), BENCH_WARMUP (rounds before
 * timing, default 40), BENCH_FILES (ingest part, default 1000; 0 skips it).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RawArticle } from '../src/ingest/article.js';
import { ingest } from '../src/ingest/ingest.js';
import { processArticle } from '../src/ingest/process.js';
import { buildPipeline } from '../src/pipeline/stages.js';
import { Store } from '../src/store/store.js';
import { benchCorpus } from './corpus.js';

const { dir, texts } = benchCorpus();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

console.log(`corpus: ${texts.length} articles from ${path.relative(process.cwd(), dir) || '.'}, ${ROUNDS} rounds after ${Number(process.env.BENCH_WARMUP ?? 40)} warm-up rounds`);

// 1. The pipeline alone, in this thread (one core).
const pipeline = buildPipeline();
const stageMs = new Map<string, number>();
const stageCpu = new Map<string, number>();
let chars = 0;
let n = 0;
// Warm-up: V8 optimises the per-article functions only after a few hundred articles; with a short
// warm-up the CPU figures below count the JIT compiler's background threads (as much CPU as the
// pipeline itself over the first 200 articles). BENCH_WARMUP rounds, default 40.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 40);
for (let w = 0; w < WARMUP; w++) for (const t of texts) processArticle(raw(t, `warm${w}`), pipeline);
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let r = 0; r < ROUNDS; r++) {
  for (const t of texts) {
    const p = processArticle(raw(t, `r${r}`), pipeline);
    for (const s of p.trace) stageMs.set(s.stage, (stageMs.get(s.stage) ?? 0) + s.ms);
    chars += t.length;
    n++;
  }
}
const secs = (performance.now() - t0) / 1000;
const cu = process.cpuUsage(c0);
const cpuSecs = (cu.user + cu.system) / 1e6;
// Per-stage CPU shares from a second pass that measures them (the measuring itself costs
// CPU, so the throughput figures above come from the pass without it).
pipeline.measureCpu = true;
let stageCpuTotal = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const t of texts) {
    for (const s of processArticle(raw(t, `c${r}`), pipeline).trace) {
      stageCpu.set(s.stage, (stageCpu.get(s.stage) ?? 0) + (s.cpuMs ?? 0));
      stageCpuTotal += s.cpuMs ?? 0;
    }
  }
}
pipeline.measureCpu = false;
console.log(`pipeline (1 core): ${n} articles in ${secs.toFixed(2)} s = ${(n / secs).toFixed(0)} articles/s, ${(chars / secs / 1e6).toFixed(2)} MB/s (wall clock)`);
console.log(`  per stage (wall): ${[...stageMs].map(([k, v]) => `${k} ${((v / secs / 10)).toFixed(1)}%`).join(', ')}`);
console.log(`pipeline CPU time: ${cpuSecs.toFixed(2)} s = ${(n / cpuSecs).toFixed(0)} articles/CPU-s, ${(chars / cpuSecs / 1e6).toFixed(2)} MB/CPU-s`);
console.log(`  per stage (CPU, second pass): ${[...stageCpu].map(([k, v]) => `${k} ${((100 * v) / stageCpuTotal).toFixed(1)}%`).join(', ')}`);
const resolution = (stageCpu.get('actors') ?? 0) + (stageCpu.get('places') ?? 0);
console.log(`  actor + place resolution: ${((100 * resolution) / stageCpuTotal).toFixed(1)}% of the stages' CPU time`);

// 2. Full ingest into a fresh store: reading, pipeline (worker threads), one transaction per article.
const tmp = mkdtempSync(path.join(tmpdir(), 'summitry-bench-'));
const corpus = path.join(tmp, 'corpus');
mkdirSync(corpus);
const FILES = Number(process.env.BENCH_FILES ?? 1000);
if (FILES > 0) {
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(corpus, `${String(i).padStart(5, '0')}.txt`), `${texts[i % texts.length]}\n\n(bench copy ${i})\n`);
  for (const workers of [0, 2]) {
    const store = await Store.open(path.join(tmp, `b${workers}.db`));
    const ic0 = process.cpuUsage();
    const s = await ingest(store, [corpus], { workers });
    const ic = process.cpuUsage(ic0);
    await store.close();
    // With worker threads the process CPU time covers every thread, so articles/CPU-s is per core.
    const icpu = (ic.user + ic.system) / 1e6;
    console.log(
      `ingest (${workers ? `${workers} worker threads` : 'in-process'}): ${s.stored} articles in ${s.seconds.toFixed(2)} s = ${(s.stored / s.seconds).toFixed(0)} articles/s (wall), ` +
        `${icpu.toFixed(2)} CPU-s = ${(s.stored / icpu).toFixed(0)} articles/CPU-s, ${s.mentions} event mentions`,
    );
  }
}
rmSync(tmp, { recursive: true, force: true });
const mem = process.memoryUsage();
console.log(`memory: rss ${mb(mem.rss)} MB, heap used ${mb(mem.heapUsed)} MB`);

function raw(text: string, tag: string): RawArticle {
  return { source: `bench-${tag}.txt`, format: 'txt', text: `${text}\n${tag}`, title: null, publisher: null, url: null, published: null };
}
