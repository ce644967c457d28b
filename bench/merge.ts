/**
 * Merge cost as the store grows. Run: `node dist/bench/merge.js [N]` (default 10,000).
 * Synthetic articles (no pipeline): each reports 1–4 mentions of real events from a growing
 * world of events between 300 actors at 60 places over 2000–2019, at varied precision (day,
 * month, year or no date; city, country or no place; resolved ids or bare names), with wire
 * copies among them. Every article is saved one by one through saveArticle (article row,
 * MinHash, clustering, candidate lookup, event refresh in one transaction). Prints the time
 * per article for the first and last thousand, which must stay flat, and memory.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProcessedArticle } from '../src/ingest/process.js';
import type { EventAttrs } from '../src/stages/events.js';
import { saveArticle } from '../src/store/save.js';
import { Store } from '../src/store/store.js';
import { hashId } from '../src/util/hash.js';

const N = Number(process.argv[2] ?? 10_000);
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

const COUNTRIES = ['RUS', 'PRK', 'KOR', 'CHN', 'JPN', 'USA', 'VNM', 'MNG', 'FRA', 'DEU', 'GBR', 'IND'];
const SYLLABLES = ['ka', 'ri', 'mo', 'sun', 'lee', 'pak', 'ivan', 'dor', 'vel', 'tan', 'ha', 'jin', 'ol', 'ga', 'ser', 'bat', 'nor', 'ul', 'min', 'zo'];
const name = () => {
  const w = () => {
    const s = pick(SYLLABLES) + pick(SYLLABLES);
    return s[0]!.toUpperCase() + s.slice(1);
  };
  return `${w()} ${w()}`;
};
const actors = Array.from({ length: 300 }, (_, i) => ({ id: `Q${1000 + i}`, name: name(), country: COUNTRIES[i % COUNTRIES.length]! }));
const places = Array.from({ length: 60 }, (_, i) => ({ id: `P${i}`, name: `${name().split(' ')[0]}grad`, country: COUNTRIES[i % COUNTRIES.length]!, lat: 30 + (i % 20) * 1.5, lon: 20 + i * 2 }));
const WORDS = 'the leaders discussed trade energy railway security talks summit visit minister delegation border cooperation agreement port gas pipeline nuclear sanctions economy investment bank students culture officials said would could after before during week month year spokesman statement press conference agency reported hotel banquet train flight airport'.split(' ');
const MODES = ['visit', 'meet', 'negotiate', 'host'];

interface World {
  id: number;
  day: Date;
  who: (typeof actors)[number][];
  where: (typeof places)[number];
  mode: string;
}
const events: World[] = [];
const START = Date.UTC(2000, 0, 1);
const SPAN_DAYS = 20 * 365;
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function mention(e: World, reported: Date, at: number): { start: number; end: number; text: string; attrs: EventAttrs } {
  const future = e.day > reported;
  const r = rnd();
  const y = e.day.getUTCFullYear();
  const m = pad(e.day.getUTCMonth() + 1);
  const time =
    r < 0.45
      ? { value: iso(e.day), start: iso(e.day), end: iso(e.day), granularity: 'day' as const }
      : r < 0.7
        ? { value: `${y}-${m}`, start: `${y}-${m}-01`, end: `${y}-${m}-28`, granularity: 'month' as const }
        : r < 0.8
          ? { value: String(y), start: `${y}-01-01`, end: `${y}-12-31`, granularity: 'year' as const }
          : null;
  const who = e.who.filter(() => rnd() < 0.8);
  const pr = rnd();
  const place = pr < 0.5 ? e.where : pr < 0.7 ? { id: null, name: e.where.country, country: e.where.country, lat: null, lon: null } : null;
  const text = `${who.map((a) => a.name).join(' and ') || 'The delegation'} ${future ? 'will' : 'did'} ${e.mode}.`;
  return {
    start: at,
    end: at + text.length,
    text,
    attrs: {
      type: 'CONSULT',
      mode: e.mode,
      status: future ? pick(['planned', 'expected', 'proposed']) : rnd() < 0.03 ? 'denied' : 'occurred',
      statusBy: 'bench',
      trigger: { start: at + 2, end: at + 6, text: e.mode, by: 'bench' },
      actors: who.map((a) => ({ name: rnd() < 0.3 ? a.name.split(' ')[1]! : a.name, ...(rnd() < 0.7 ? { id: a.id, country: a.country } : {}), title: null, role: 'participant' as const, start: at, end: at + 1, by: 'bench' })),
      place: place && { ...place, start: at, end: at + 1, by: 'bench' },
      time: time && { type: 'DATE', ...time, timex3: time.value, anchor: 'dct' as const, implied: [], text: time.value, startOffset: at, endOffset: at + 1 },
      topics: [],
      attribution: null,
    },
  };
}

let lastText = '';
function article(i: number): ProcessedArticle {
  const reported = new Date(START + Math.floor((i / N) * SPAN_DAYS) * 86_400_000);
  // A wire copy now and then: the previous text with a new byline.
  const copy = i > 0 && rnd() < 0.05;
  // New real events appear as time goes on; most reports are about recent ones.
  if (!events.length || rnd() < 0.35) {
    const who = [pick(actors), pick(actors)];
    events.push({ id: events.length, day: new Date(reported.getTime() + Math.floor((rnd() * 60 - 20) * 86_400_000)), who, where: pick(places), mode: pick(MODES) });
  }
  const recent = events.slice(-60);
  const told = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => (rnd() < 0.85 ? pick(recent) : pick(events)));
  let text = copy ? `By staff. ${lastText}` : Array.from({ length: 120 }, () => pick(WORDS)).join(' ') + ` (${i})`;
  const mentions = told.map((e, k) => {
    const m = mention(e, reported, text.length + 1 + k * 200);
    text += ' ' + m.text.padEnd(199);
    return m;
  });
  lastText = text;
  const id = hashId('a', text, i);
  return {
    id,
    meta: { source: `bench/${i}.txt`, format: 'txt', text, title: null, publisher: null, url: null, published: iso(reported) },
    date: { date: iso(reported), inferred: false, basis: 'bench' },
    sentences: mentions.length,
    spans: [],
    mentions,
    trace: [],
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'summitry-merge-bench-'));
const file = path.join(dir, 'bench.db');
const store = await Store.open(file);
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < N; i++) {
  const a = article(i);
  const t = performance.now();
  const c = process.cpuUsage();
  await saveArticle(store, a);
  const used = process.cpuUsage(c);
  times.push(performance.now() - t);
  cpu.push((used.user + used.system) / 1000);
}
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const k = Math.min(1000, Math.floor(N / 2));
const counts = await store.counts();
const merges = Number((await store.db.selectFrom('event_merges').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const dups = Number((await store.db.selectFrom('article_signatures').select((eb) => eb.fn.countAll<number>().as('n')).where('duplicate_of', 'is not', null).executeTakeFirstOrThrow()).n);
await store.close();
const mem = process.memoryUsage();
console.log(`merge bench: ${N} synthetic articles saved one by one (${events.length} real events in the generator)`);
console.log(`  store: ${counts.articles} articles, ${counts.mentions} mentions -> ${counts.events} events, ${merges} event merges, ${dups} near-duplicate articles`);
console.log(`  ms per article (wall): first ${k} ${avg(times.slice(0, k)).toFixed(2)}, last ${k} ${avg(times.slice(-k)).toFixed(2)}, all ${avg(times).toFixed(2)}`);
console.log(`  ms per article (CPU):  first ${k} ${avg(cpu.slice(0, k)).toFixed(2)}, last ${k} ${avg(cpu.slice(-k)).toFixed(2)}, all ${avg(cpu).toFixed(2)}`);
console.log(`  memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB; db ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);
rmSync(dir, { recursive: true, force: true });
