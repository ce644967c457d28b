#!/usr/bin/env node
// Lists the toponyms `summitry eval geo` gets wrong (over 161 km, or no answer) in one corpus
// JSONL, with the predicted place, rule, gold point and distance, then the accuracy on the
// first and second half of the documents in file order. GeoWebNews has no dev split: tune on
// the first half, leave the second unread and only score it (docs/geo.md).
// Usage (after a build): node scripts/geo-misses.mjs FILE.jsonl [first|second|all|none]
import { readFileSync } from 'node:fs';
import { resolveGoldDoc } from '../dist/src/eval/geo-suite.js';
import { distanceKm } from '../dist/src/geo/resolve.js';

const [file, part = 'all'] = process.argv.slice(2);
if (!file) throw new Error('usage: geo-misses.mjs FILE.jsonl [first|second|all|none]');
const docs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const withIds = docs.some((d) => d.toponyms.some((t) => t.geonameid !== undefined));
const half = Math.ceil(docs.length / 2);
const tally = { first: [0, 0], second: [0, 0] };
const misses = [];
docs.forEach((d, di) => {
  const tops = d.toponyms.filter((t) => typeof t.lat === 'number' && typeof t.lon === 'number' && (!withIds || (t.geonameid !== null && t.geonameid !== undefined)));
  if (!tops.length) return;
  const res = resolveGoldDoc(d, tops);
  const which = di < half ? 'first' : 'second';
  tops.forEach((t, j) => {
    const r = res[j];
    const p = r.place;
    const km = p ? distanceKm(t.lat, t.lon, p.lat, p.lon) : Infinity;
    tally[which][1]++;
    if (km <= 161) tally[which][0]++;
    else if (part === 'all' || part === which) misses.push({ doc: d.id, which, text: d.text.slice(t.start, t.end) || t.text, type: t.type ?? '', gold: `${t.lat.toFixed(2)},${t.lon.toFixed(2)}${t.geonameid ? ` #${t.geonameid}` : ''}`, ours: p ? `${p.name} [${p.kind}/${p.fcode} ${p.country ?? '-'}] ${p.lat.toFixed(2)},${p.lon.toFixed(2)}` : '-', rule: r.rule, km: Number.isFinite(km) ? Math.round(km) : 'none' });
  });
});
for (const m of misses) console.log(`${m.doc}\t${m.text}\t${m.type}\tgold ${m.gold}\tours ${m.ours}\t${m.rule}\t${m.km} km`);
const acc = ([h, n]) => `${(h / n).toFixed(4)} (${h}/${n})`;
const all = [tally.first[0] + tally.second[0], tally.first[1] + tally.second[1]];
console.log(`acc@161km first half ${acc(tally.first)}  second half ${acc(tally.second)}  all ${acc(all)}`);
