#!/usr/bin/env node
// Lists the PETRARCH2 GSR sentences whose cameo-compat tuples (type, actor countries,
// recipient countries) differ from the gold, with the gold codings and each system event's
// actors (role, name, country/sector, the slot and the rule that found them), to classify
// misses by hand. Reads the gold in place; needs a built dist/.
// Usage: node scripts/petr2-misses.mjs [DATA_DIR] [--all] [--id ID,ID]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Doc } from '../dist/src/doc/doc.js';
import { eventsOf, systemTuple, cameoTable } from '../dist/src/eval/events-suite.js';
import { extractEvents } from '../dist/src/events/extract.js';
import { buildPipeline } from '../dist/src/pipeline/stages.js';

const args = process.argv.slice(2);
const data = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--id') ?? '../shared/data/event-coding/petrarch-validation';
const all = args.includes('--all');
const ids = args.includes('--id') ? new Set(args[args.indexOf('--id') + 1].split(',')) : null;
const toType = cameoTable(path.join(data, '../plover-codebook/CAMEO2PLOVER-2021.txt'));
const pipeline = buildPipeline(['events']);
const country = (c) => (c && !c.startsWith('---') ? c.slice(0, 3) : null);
const sorted = (xs) => [...new Set(xs)].sort().join(',');
for (const line of readFileSync(path.join(data, 'PETR2_GSR_validation.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  if (!r.text.trim() || (ids && !ids.has(r.id))) continue;
  const date = /^\d{8}$/.test(r.date) ? `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6)}` : null;
  const sys = eventsOf(r.text, date);
  // The same tuples as the scorer, without its reciprocal-pair detection (enough to spot a miss).
  const gold = new Map();
  for (const g of r.events) {
    const t = toType(g.cameo);
    if (t) (gold.get(t) ?? gold.set(t, []).get(t)).push(g);
  }
  const goldKeys = [...gold].map(([t, cs]) => (['CONSULT', 'AGREE'].includes(t) || cs.some((a) => cs.some((b) => a !== b && a.source === b.target)) ? `${t}|P:${sorted(cs.flatMap((c) => [country(c.source), country(c.target)]).filter(Boolean))}` : `${t}|S:${sorted(cs.map((c) => country(c.source)).filter(Boolean))}|T:${sorted(cs.map((c) => country(c.target)).filter(Boolean))}`));
  const byType = new Map();
  for (const e of sys) if (!r.events.some((g) => !toType(g.cameo)) || gold.has(e.type)) (byType.get(e.type) ?? byType.set(e.type, []).get(e.type)).push(e);
  const sysKeys = [...byType].map(([t, es]) => systemTuple(t, es));
  const miss = r.noevents ? sys.length > 0 : goldKeys.some((g) => !sysKeys.includes(g)) || sysKeys.some((s) => !goldKeys.includes(s));
  if (!miss && !all) continue;
  console.log(`${miss ? 'MISS' : 'ok  '} ${r.id}: ${r.text}`);
  console.log(`  gold:   ${r.noevents ? 'no events' : r.events.map((e) => `${e.source}->${e.target} ${e.cameo}`).join('; ')}  => ${goldKeys.join(' ') || '-'}`);
  console.log(`  system: ${sysKeys.join(' ') || '-'}`);
  const doc = new Doc('eval', r.text, { source: 'eval', format: 'txt', title: null, publisher: null, url: null, published: date });
  pipeline.run(doc);
  for (const s of doc.layer('sentence')) {
    for (const span of extractEvents(doc, s, { dct: date })) {
      const a = span.attrs;
      const actors = a.actors.map((x) => `${x.role}:${x.name}(${x.country ?? '-'}${x.sector ? '/' + x.sector : ''}; ${x.by}; ${x.via ?? ''})`).join(' ');
      console.log(`    ${a.type}/${a.mode ?? '-'} [${a.status}] "${a.trigger.text}" ${actors}${a.place ? ` place=${a.place.name}(${a.place.country ?? '-'})` : ''}`);
    }
  }
}
