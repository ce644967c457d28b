import { analyse } from './dist/test/helpers.js';
import { readFileSync } from 'node:fs';
const doc = analyse(readFileSync('../shared/seeds/004_e2025b1d7fc66d09.txt','utf8'), '2019-04-24');
const seen = new Map();
for (const s of doc.layer('actor').filter(s=>s.label==='person')) { const k = s.by+' '+s.attrs.via; seen.set(k, (seen.get(k)||[]).concat(doc.slice(s))); }
for (const [k,v] of seen) console.log(k, v.slice(0,8).join(' | '));
