/**
 * `summitry serve` under load. Run after building: `node dist/bench/serve.js`.
 * Builds a 10,000-event store (synthetic rows through the store's tables), starts the real
 * `summitry serve` on loopback in a child process, warms it, then runs autocannon (in this
 * process) for 10 s against /api/events?limit=50 and prints requests/s, latency and the
 * server's memory. Environment: BENCH_EVENTS (10000), BENCH_SECONDS (10), BENCH_CONNECTIONS (10),
 * BENCH_PATH (/api/events?limit=50).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../src/store/store.js';
import { fillSyntheticStore } from './synthetic-store.js';

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TARGET = process.env.BENCH_PATH ?? '/api/events?limit=50';
const PORT = 18_000 + Math.floor(Math.random() * 2000);

/** The server's resident and peak memory, from /proc (Linux). */
function memory(pid: number): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return `rss ${(kb('VmRSS') / 1024).toFixed(0)} MB, peak ${(kb('VmHWM') / 1024).toFixed(0)} MB`;
  } catch {
    return 'memory unavailable (no /proc)';
  }
}

const tmp = mkdtempSync(path.join(tmpdir(), 'summitry-bench-serve-'));
const db = path.join(tmp, 'bench.db');
let child: ReturnType<typeof spawn> | null = null;
try {
  const t0 = performance.now();
  const store = await Store.open(db);
  const made = await fillSyntheticStore(store, { events: EVENTS });
  await store.close();
  console.log(`store: ${made.events} events, ${made.mentions} mentions, ${made.articles} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  child = spawn(process.execPath, [path.join(ROOT, 'bin/summitry.js'), 'serve', '--db', db, '--port', String(PORT), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child!.stdout!.on('data', (d: Buffer) => (String(d).includes('summitry serve:') ? resolve() : undefined));
    child!.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${PORT}`;
  const t1 = performance.now();
  const first = await fetch(base + TARGET);
  const firstBody = await first.text();
  const { items, total } = JSON.parse(firstBody) as { items?: unknown[]; total?: number };
  const shown = items ? `, ${items.length}${total === undefined ? '' : ` of ${total}`} items` : '';
  console.log(`first request (builds the event index): ${(performance.now() - t1).toFixed(0)} ms, HTTP ${first.status}, ${(firstBody.length / 1024).toFixed(0)} KB${shown}`);
  await autocannon({ url: base + TARGET, connections: CONNECTIONS, duration: 2 }); // warm-up
  console.log(`server after warm-up: ${memory(child.pid!)}`);

  const r = await autocannon({ url: base + TARGET, connections: CONNECTIONS, duration: SECONDS });
  console.log(`GET ${TARGET}: ${CONNECTIONS} connections, ${SECONDS} s, loopback`);
  console.log(`  requests/s: ${r.requests.average.toFixed(0)} (total ${r.requests.total}), non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`);
  console.log(`  latency ms: avg ${r.latency.average.toFixed(1)}, p50 ${r.latency.p50}, p99 ${r.latency.p99}, max ${r.latency.max}`);
  console.log(`  server memory: ${memory(child.pid!)}`);
  console.log(`  target >= 200 req/s: ${r.requests.average >= 200 ? 'met' : 'NOT met'}`);
} finally {
  child?.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
