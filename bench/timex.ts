/**
 * Throughput of the time layer alone (src/time/tagger.ts: rough sentence split, all
 * patterns, normalisation, lists and ranges) on plain text, on one core.
 * Run: `node dist/bench/timex.js` after `npx tsc -p tsconfig.json` (no npm needed).
 * Corpus: the TempEval-3 TBAQ texts in ../shared/data/temporal when present (read in place),
 * else the seeds, else examples/*.txt. BENCH_MB sets how much text to push through (default 20).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTimeMLDir } from '../src/eval/timeml.js';
import { tagText } from '../src/time/tagger.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tbaq = path.resolve(ROOT, '../shared/data/temporal/tempeval3-tbaq');
const seeds = path.resolve(ROOT, '../shared/seeds');

function corpus(): { name: string; docs: { text: string; dct: string | null }[] } {
  if (existsSync(tbaq)) return { name: 'TBAQ (TimeBank + AQUAINT) texts', docs: readTimeMLDir(tbaq).map((d) => ({ text: d.text, dct: d.dct })) };
  const dir = existsSync(seeds) ? seeds : path.join(ROOT, 'examples');
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ text: readFileSync(path.join(dir, f), 'utf8'), dct: '2001-07-26' }));
  return { name: path.relative(process.cwd(), dir) || dir, docs };
}

const { name, docs } = corpus();
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
const targetMb = Number(process.env.BENCH_MB ?? 20);
const rounds = Math.max(1, Math.ceil((targetMb * 1e6) / bytes));
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

// warm up: compile the patterns, let the JIT settle
for (const d of docs) tagText(d.text, d.dct);

let timexes = 0;
const rss0 = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) timexes += tagText(d.text, d.dct).length;
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time of this (single-threaded) process: the figure that holds when the machine is shared
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mem = process.memoryUsage();

console.log(`corpus: ${name}: ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB, ${rounds} rounds`);
const total = (bytes * rounds) / 1e6;
console.log(`time layer: ${(total / cpuSeconds).toFixed(2)} MB/s of plain text per CPU second on one core (${cpuSeconds.toFixed(2)} s CPU, ${timexes} timexes, ${((docs.length * rounds) / cpuSeconds).toFixed(0)} docs/s)`);
console.log(`wall clock: ${(total / seconds).toFixed(2)} MB/s (${seconds.toFixed(2)} s; lower when other processes share the core)`);
console.log(`memory: rss ${mb(mem.rss)} MB (start ${mb(rss0)} MB), heap used ${mb(mem.heapUsed)} MB`);
